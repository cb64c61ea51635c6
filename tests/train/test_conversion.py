"""Treebank conversion: the Dutch split must not leak test sentences, and labels are harmonised."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from newsevents.train.conllu import Sentence, Token, read_conllu, to_docs
from newsevents.train.treebanks import (harmonise_2017_nl, harmonise_current_nl, load_split,
                                        obl_arg_stats)

UD = Path(__file__).resolve().parents[2] / ".." / "shared" / "ud"


def tok(form, lemma, upos, head, deprel, feats=""):
    return Token(form, lemma, upos, "_", feats, head, deprel, True)


def passive_sentence() -> Sentence:
    # "Het voorstel werd door Jan de Wit in zijn brief afgewezen ."
    return Sentence([
        tok("Het", "het", "DET", 2, "det"),
        tok("voorstel", "voorstel", "NOUN", 10, "nsubj:pass"),
        tok("werd", "worden", "AUX", 10, "aux:pass"),
        tok("door", "door", "ADP", 5, "case"),
        tok("Jan", "Jan", "PROPN", 10, "obl"),
        tok("de", "de", "PROPN", 5, "flat:name"),
        tok("Wit", "Wit", "PROPN", 5, "flat:name"),
        tok("in", "in", "ADP", 9, "case"),
        tok("zijn", "zijn", "DET", 9, "det"),
        tok("brief", "brief", "NOUN", 10, "obl"),
        tok("afgewezen", "afwijzen", "VERB", 0, "root"),
        tok(".", ".", "PUNCT", 10, "punct"),
    ])


def test_2017_labels_are_harmonised():
    sent = passive_sentence()
    harmonise_2017_nl(sent, obl_arg={})
    labels = [t.deprel for t in sent.tokens]
    assert "flat:name" not in labels and labels.count("flat") == 2
    assert sent.tokens[4].deprel == "obl:agent"  # door-phrase under a passive
    assert (sent.tokens[8].upos, sent.tokens[8].deprel) == ("PRON", "nmod:poss")
    assert "Person=3" in sent.tokens[8].feats
    assert sent.tokens[9].deprel == "obl"  # "in zijn brief" stays a plain oblique


def test_obl_arg_learnt_from_current_files():
    # "Zij rekent op steun ." in the current convention: rekenen + op is obl:arg.
    current = Sentence([tok("Zij", "zij", "PRON", 2, "nsubj"), tok("rekent", "rekenen", "VERB", 0, "root"),
                        tok("op", "op", "ADP", 4, "case"), tok("steun", "steun", "NOUN", 2, "obl:arg")])
    stats = obl_arg_stats([current, current])
    old = Sentence([tok("Wij", "wij", "PRON", 2, "nsubj"), tok("rekenden", "rekenen", "VERB", 0, "root"),
                    tok("op", "op", "ADP", 4, "case"), tok("hulp", "hulp", "NOUN", 2, "obl"),
                    tok("zich", "zich", "PRON", 2, "obj")])
    harmonise_2017_nl(old, stats)
    assert old.tokens[3].deprel == "obl:arg"
    assert old.tokens[4].deprel == "expl:pv"


def test_current_lemmas_lose_compound_marks():
    # "De minister legde boetes op en had eerder heffingen opgelegd ."
    sent = Sentence([
        tok("De", "de", "DET", 2, "det"), tok("minister", "minister", "NOUN", 3, "nsubj"),
        tok("legde", "op_leggen", "VERB", 0, "root"), tok("boetes", "boete", "NOUN", 3, "obj"),
        tok("op", "op", "ADP", 3, "compound:prt"), tok("en", "en", "CCONJ", 9, "cc"),
        tok("had", "hebben", "AUX", 9, "aux"), tok("eerder", "eerder", "ADV", 9, "advmod"),
        tok("opgelegd", "op_leggen", "VERB", 3, "conj"),
        tok("handels_heffingen", "handels_heffing", "NOUN", 9, "obj", "Number=Plur|ExtPos=NOUN"),
    ])
    harmonise_current_nl(sent)
    assert sent.tokens[2].lemma == "leggen"  # particle stands apart: verb alone
    assert sent.tokens[8].lemma == "opleggen"  # particle attached: joined
    assert sent.tokens[9].lemma == "handels_heffing"  # underscore is in the form itself: kept
    assert sent.tokens[9].feats == "Number=Plur"  # ExtPos dropped (absent from the 2017 file)


def test_reader_skips_ranges_and_empty_nodes(tmp_path):
    text = ("# text = Don't go.\n"
            "1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
            "1\tDo\tdo\tAUX\tVB\t_\t3\taux\t_\t_\n"
            "2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n"
            "3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
            "3.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t3:conj\t_\n"
            "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n")
    path = tmp_path / "mini.conllu"
    path.write_text(text, encoding="utf8")
    (sent,) = list(read_conllu(path))
    assert [t.form for t in sent.tokens] == ["Do", "n't", "go", "."]
    assert sent.tokens[2].space_after is False
    (doc,) = to_docs(spacy.blank("en").vocab, [sent, sent], per_doc=2)
    assert len(list(doc.sents)) == 2 and doc[2].dep_.lower() == "root" and doc[0].head.i == 2


@pytest.mark.skipif(not (UD / "nl").is_dir(), reason="shared/ud not available")
def test_dutch_split_has_no_overlap():
    split = load_split("nl", UD)
    train = {s.key for s in split.train}
    dev = {s.key for s in split.dev}
    test = {s.key for s in split.test}
    assert not train & test and not dev & test and not train & dev
    assert len(split.test) > 1000 and len(split.train) > 7000
    train_labels = {t.deprel for s in split.train for t in s.tokens}
    assert "flat:name" not in train_labels and {"obl:arg", "nmod:poss", "expl:pv"} <= train_labels
    # every raw test sentence that occurs in a training file is gone from the test
    raw_train = {s.key for s in read_conllu(UD / "nl" / "nl_lassysmall-2017-train.conllu")}
    assert not raw_train & test


@pytest.mark.skipif(not (UD / "nl").exists(), reason="needs ../shared/ud")
def test_current_convention_sentences_can_be_repeated():
    once, thrice = load_split("nl", UD), load_split("nl", UD, repeat_current=3)
    assert once.dev == thrice.dev and once.test == thrice.test
    old_2017 = sum(1 for s in once.train if s.source.endswith("2017-train.conllu"))
    fresh = len(once.train) - old_2017
    assert old_2017 > 5000 and fresh > 1000 and len(thrice.train) == old_2017 + 3 * fresh
