"""The event-term lexicons load, cover PLOVER, and follow the manual's coding conventions."""
from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path

import pytest
import yaml

from newsevents.lang.events_schema import (EventTermsError, events_path, load_event_terms, load_plover,
                                           read_event_terms)

LANGS = ["nl", "en"]
PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
# words that are events only in a particular construction: never a trigger on their own
GENERIC = {
    "nl": {"zeggen", "hebben", "zijn", "worden", "gaan", "komen", "maken", "doen", "krijgen", "nemen",
           "geven", "staan", "houden", "laten", "stellen", "slaan", "vragen", "gebruiken", "spreken",
           "praten", "halen", "sluiten", "voeren", "zetten", "top", "bestand", "proces"},
    "en": {"say", "have", "be", "go", "come", "make", "do", "get", "take", "give", "hold", "put", "set",
           "call", "ask", "use", "speak", "find", "open", "close", "leave", "drop", "cut", "stop",
           "move", "send", "fire", "hit", "beat", "order", "block", "release", "seek"},
}


@functools.lru_cache(maxsize=None)
def raw_entries(lang: str) -> list[dict]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(events_path(lang).read_text(encoding="utf-8"), Loader=loader)["EVENT_TERMS"]


@pytest.mark.parametrize("lang", LANGS)
def test_lexicon_loads_and_is_large(lang):
    terms = load_event_terms(lang)
    assert len(terms) >= 350
    assert all(t.pos in ("VERB", "NOUN", "ADJ") for t in terms)


@pytest.mark.parametrize("lang", LANGS)
def test_file_names_its_source(lang):
    first = events_path(lang).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# source:") and "PLOVER" in first


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("pos", ["VERB", "NOUN"])
def test_every_type_has_verbs_and_nouns(lang, pos):
    counts = Counter(t.type for t in load_event_terms(lang) if t.pos == pos)
    missing = [name for name in PLOVER_TYPES if counts[name] == 0]
    assert not missing, f"{lang}: no {pos} triggers for {missing}"


@pytest.mark.parametrize("lang", LANGS)
def test_no_duplicate_entries(lang):
    keys = Counter((e["lemma"], e["pos"], tuple(sorted(e.get("with") or ()))) for e in raw_entries(lang))
    assert [k for k, n in keys.items() if n > 1] == []


@pytest.mark.parametrize("lang", LANGS)
def test_modes_belong_to_their_type(lang):
    table = load_plover()
    for entry in raw_entries(lang):
        assert entry["type"] in table or (entry["type"] is None and entry.get("when_negated") in table), entry
        if entry.get("mode") is not None:
            assert entry["mode"] in table[entry["type"]]["modes"], entry
        if entry.get("when_negated") is not None:
            assert entry["when_negated"] in table, entry


@pytest.mark.parametrize("lang", LANGS)
def test_generic_words_only_with_a_constraint(lang):
    loose = [t.lemma for t in load_event_terms(lang)
             if t.lemma in GENERIC[lang] and not t.with_ and t.type is not None]
    assert loose == [], f"over-generic triggers without `with`: {loose}"


@pytest.mark.parametrize("lang", LANGS)
def test_forms_do_not_steal_other_entries(lang):
    """A listed form is looked up like a lemma: it may only coincide with an entry of the same type."""
    terms = load_event_terms(lang)
    types_by_lemma: dict[str, set] = {}
    for t in terms:
        types_by_lemma.setdefault(t.lemma, set()).add(t.type)
    clashes = [(t.lemma, f) for t in terms for f in t.forms
               if f != t.lemma and f in types_by_lemma and t.type not in types_by_lemma[f]]
    assert clashes == []


@pytest.mark.parametrize("lang", LANGS)
def test_both_languages_use_the_same_structure(lang):
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(events_path(lang).read_text(encoding="utf-8"), Loader=loader)
    assert list(data) == ["EVENT_TERMS"]


# (lang, lemma, pos, with-word or None, type, mode): conventions from the PLOVER manual's ambiguities
CONVENTIONS = [
    ("nl", "veroordelen", "VERB", "celstraf", "SANCTION", "convict"),
    ("nl", "veroordelen", "VERB", None, "ACCUSE", "disapprove"),
    ("nl", "sanctie", "NOUN", None, "SANCTION", "discontinue"),
    ("nl", "opleggen", "VERB", "sanctie", "SANCTION", "discontinue"),
    ("nl", "binnenvallen", "VERB", None, "ASSAULT", None),
    ("nl", "inlijving", "NOUN", None, "COERCE", "seize"),
    ("nl", "arrestatie", "NOUN", None, "COERCE", "arrest"),
    ("nl", "gevangennemen", "VERB", None, "ASSAULT", "abduct"),
    ("nl", "aanklacht", "NOUN", None, "ACCUSE", "allege"),
    ("nl", "onderzoek", "NOUN", "naar", "ACCUSE", "investigate"),
    ("nl", "telefoongesprek", "NOUN", None, "CONSULT", "phone"),
    ("nl", "overleg", "NOUN", "digitaal", "CONSULT", "phone"),
    ("nl", "excuses", "NOUN", None, "CONCEDE", None),
    ("nl", "vrijlaten", "VERB", None, "RETREAT", "release"),
    ("nl", "uitwijzen", "VERB", None, "SANCTION", "expel"),
    ("nl", "deporteren", "VERB", None, "COERCE", "deport"),
    ("nl", "cyberaanval", "NOUN", None, "COERCE", "cyber"),
    ("nl", "staking", "NOUN", None, "PROTEST", "strike"),
    ("nl", "oefening", "NOUN", "gezamenlijk", "COOPERATE", None),
    ("nl", "oefening", "NOUN", "militair", "MOBILIZE", "troops"),
    ("nl", "ondertekenen", "VERB", None, "SUPPORT", None),
    ("nl", "bereid", "ADJ", None, "AGREE", None),
    ("en", "sentence", "VERB", None, "SANCTION", "convict"),
    ("en", "condemn", "VERB", None, "ACCUSE", "disapprove"),
    ("en", "arrest", "VERB", None, "COERCE", "arrest"),
    ("en", "arrest", "NOUN", "warrant", "THREATEN", "arrest"),
    ("en", "expel", "VERB", "diplomat", "SANCTION", "expel"),
    ("en", "expel", "VERB", None, "COERCE", "deport"),
    ("en", "strike", "NOUN", "drone", "ASSAULT", "drone"),
    ("en", "strike", "NOUN", "hunger", "PROTEST", "hunger"),
    ("en", "strike", "VERB", "deal", "AGREE", None),
    ("en", "strike", "NOUN", "union", "PROTEST", "strike"),
    ("en", "strike", "NOUN", None, "ASSAULT", None),
    ("en", "talk", "NOUN", None, "CONSULT", None),
    ("en", "summit", "NOUN", None, "CONSULT", None),
    ("en", "apologize", "VERB", None, "CONCEDE", None),
    ("en", "ceasefire", "NOUN", None, "RETREAT", "ceasefire"),
    ("en", "withdraw", "VERB", "treaty", "SANCTION", "withdraw"),
    ("en", "withdraw", "VERB", None, "RETREAT", "withdraw"),
    ("en", "lawsuit", "NOUN", None, "ACCUSE", "allege"),
    ("en", "invasion", "NOUN", None, "ASSAULT", None),
    ("en", "sign", "VERB", "treaty", "SUPPORT", None),
]


@pytest.mark.parametrize("lang,lemma,pos,word,etype,mode", CONVENTIONS)
def test_manual_conventions(lang, lemma, pos, word, etype, mode):
    candidates = [t for t in load_event_terms(lang) if t.lemma == lemma and t.pos == pos
                  and ((word is None and not t.with_) or (word is not None and word in t.with_))]
    assert candidates, f"no {lang} entry {lemma}/{pos} with {word!r}"
    assert (candidates[0].type, candidates[0].mode) == (etype, mode)


@pytest.mark.parametrize("lang", LANGS)
def test_negation_only_entries_say_what_they_become(lang):
    for t in load_event_terms(lang):
        if t.type is None:
            assert t.when_negated == "REJECT", t


# -- the validator itself rejects malformed files ---------------------------------------------
GOOD = "- {lemma: aanval, pos: NOUN, type: ASSAULT}\n"
BROKEN = {
    "unknown type": "- {lemma: aanval, pos: NOUN, type: ATTACK}\n",
    "mode of another type": "- {lemma: aanval, pos: NOUN, type: ASSAULT, mode: phone}\n",
    "mode without type": "- {lemma: afwijken, pos: VERB, type: null, when_negated: REJECT, mode: meet}\n",
    "null type alone": "- {lemma: afwijken, pos: VERB, type: null}\n",
    "boolean in with": "- {lemma: call, pos: VERB, type: REQUEST, with: [for, on]}\n",
    "duplicate": GOOD + GOOD,
    "bad pos": "- {lemma: aanval, pos: PROPN, type: ASSAULT}\n",
    "phrase as lemma": "- {lemma: tear gas, pos: NOUN, type: ASSAULT}\n",
    "upper case": "- {lemma: NAVO-top, pos: NOUN, type: CONSULT}\n",
    "unknown field": "- {lemma: aanval, pos: NOUN, type: ASSAULT, score: -9}\n",
    "unknown sector": "- {lemma: verzamelen, pos: VERB, type: MOBILIZE, actor_sector: [ARMY]}\n",
}


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "events.yaml"
    path.write_text("# source: test\nEVENT_TERMS:\n" + "".join("  " + line + "\n" for line in body.splitlines()),
                    encoding="utf-8")
    return path


def test_validator_accepts_a_good_file(tmp_path):
    terms = read_event_terms(_write(tmp_path, GOOD))
    assert [(t.lemma, t.type) for t in terms] == [("aanval", "ASSAULT")]


@pytest.mark.parametrize("problem", sorted(BROKEN))
def test_validator_rejects(tmp_path, problem):
    with pytest.raises(EventTermsError):
        read_event_terms(_write(tmp_path, BROKEN[problem]))
