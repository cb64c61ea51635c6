"""UD v1 → v2 re-attachment of punctuation and coordinators (the 2017 Dutch file's conventions)."""
from __future__ import annotations

from newsevents.train.conllu import Sentence, Token
from newsevents.train.reattach import reattach_v2


def tok(form, upos, head, deprel):
    return Token(form, form.lower(), upos, "_", "", head, deprel, True)


def heads(sent: Sentence) -> dict[str, int]:
    return {f"{i + 1}:{t.form}": t.head for i, t in enumerate(sent.tokens)}


def v1_sentence() -> Sentence:
    # "Piet , die zwijgt , belde Ans en Els ." — v1 style: punctuation on the root, "en" on Ans
    return Sentence([
        tok("Piet", "PROPN", 6, "nsubj"),
        tok(",", "PUNCT", 6, "punct"),
        tok("die", "PRON", 4, "nsubj"),
        tok("zwijgt", "VERB", 1, "acl:relcl"),
        tok(",", "PUNCT", 6, "punct"),
        tok("belde", "VERB", 0, "root"),
        tok("Ans", "PROPN", 6, "obj"),
        tok("en", "CCONJ", 7, "cc"),
        tok("Els", "PROPN", 7, "conj"),
        tok(".", "PUNCT", 6, "punct"),
    ])


def test_coordinator_goes_to_the_conjunct_it_introduces():
    sent = v1_sentence()
    reattach_v2(sent)
    assert heads(sent)["8:en"] == 9


def test_commas_around_a_relative_clause_go_to_the_clause():
    sent = v1_sentence()
    reattach_v2(sent)
    assert heads(sent)["2:,"] == 4  # the lower candidate: the relative clause, not "Piet"
    # left of it the highest projective word is "Piet" (the clause ends there), lower than "belde"
    assert heads(sent)["5:,"] == 1
    assert heads(sent)["10:."] == 6  # the final stop stays on the root


def test_brackets_go_to_the_highest_word_inside():
    # "Ans ( de buurvrouw ) lachte ."
    sent = Sentence([
        tok("Ans", "PROPN", 6, "nsubj"),
        tok("(", "PUNCT", 6, "punct"),
        tok("de", "DET", 4, "det"),
        tok("buurvrouw", "NOUN", 1, "appos"),
        tok(")", "PUNCT", 6, "punct"),
        tok("lachte", "VERB", 0, "root"),
        tok(".", "PUNCT", 6, "punct"),
    ])
    reattach_v2(sent)
    assert heads(sent)["2:("] == 4 and heads(sent)["5:)"] == 4
    assert heads(sent)["7:."] == 6


def test_a_malformed_tree_is_left_alone():
    sent = Sentence([tok("Ans", "PROPN", 1, "nsubj"), tok(",", "PUNCT", 1, "punct")])  # self-loop
    reattach_v2(sent)
    assert heads(sent) == {"1:Ans": 1, "2:,": 1}
