"""The shipped syntax models load offline and fast and parse sensibly; the fallback never crashes."""
from __future__ import annotations

import logging
import socket
import time

import pytest

from newsevents import syntax
from newsevents.syntax import clear_cache, has_model, load_syntax, parse_sentences


@pytest.fixture()
def no_network(monkeypatch):
    """Loading must not touch the network: any connection attempt fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("a syntax model tried to open a network connection")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _loaded(lang: str):
    if not has_model(lang):
        pytest.skip(f"no trained {lang} model shipped")
    clear_cache()
    start = time.perf_counter()
    model = load_syntax(lang)
    return model, time.perf_counter() - start


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_model_loads_offline_quickly(lang, no_network):
    model, seconds = _loaded(lang)
    assert model.has_parser and model.lang == lang
    assert {"tok2vec", "morphologizer", "parser", "trainable_lemmatizer"} <= set(model.nlp.pipe_names)
    assert seconds < 2.0
    assert load_syntax(lang) is model  # cached


def _by_text(doc):
    return {t.text: t for t in doc}


def test_dutch_v2_with_fronted_adverb():
    model, _ = _loaded("nl")
    (doc,) = parse_sentences(model, ["Gisteren sloot de regering de grens met het buurland."])
    t = _by_text(doc)
    assert t["regering"].dep_ == "nsubj" and t["regering"].head == t["sloot"]
    assert t["sloot"].pos_ == "VERB" and t["sloot"].lemma_ == "sluiten"
    assert t["grens"].dep_ == "obj" and t["grens"].head == t["sloot"]
    assert t["Gisteren"].dep_ == "advmod"


def test_dutch_separable_particle():
    model, _ = _loaded("nl")
    (doc,) = parse_sentences(model, ["De minister legde het land zware sancties op."])
    t = _by_text(doc)
    assert t["op"].dep_ == "compound:prt" and t["op"].head == t["legde"]
    assert t["legde"].lemma_ == "leggen"
    assert t["minister"].dep_ == "nsubj"


def test_english_sentence():
    model, _ = _loaded("en")
    docs = parse_sentences(model, ["The rebels attacked two villages near the border on Monday.",
                                   "Police arrested the protesters."])
    t = _by_text(docs[0])
    assert t["rebels"].dep_ == "nsubj" and t["rebels"].head == t["attacked"]
    assert t["attacked"].pos_ == "VERB" and t["attacked"].lemma_ == "attack"
    assert t["villages"].dep_ == "obj" and t["villages"].lemma_ == "village"
    assert _by_text(docs[1])["arrested"].lemma_ == "arrest"


def test_parse_sentences_keeps_each_text_whole():
    model, _ = _loaded("nl")
    docs = parse_sentences(model, ["Volgens de krant zei de minister: de grens gaat dicht. Morgen al."])
    assert len(list(docs[0].sents)) == 1


def test_parser_sets_sentence_boundaries():
    model, _ = _loaded("en")
    doc = model.nlp("The army left the town. Residents returned two days later.")
    assert [s.text for s in doc.sents] == ["The army left the town.", "Residents returned two days later."]


def test_fallback_without_model(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("NEWSEVENTS_MODELS", str(tmp_path))  # an empty models folder
    clear_cache()
    with caplog.at_level(logging.WARNING, logger=syntax.__name__):
        model = load_syntax("de")
        again = load_syntax("de")
    assert again is model and model.has_parser is False and model.lang == "de"
    warnings = [r for r in caplog.records if "no syntax model" in r.getMessage()]
    assert len(warnings) == 1 and "'de'" in warnings[0].getMessage()
    doc = model.nlp("Die Regierung schloss die Grenze. Danach kam es zu Protesten.")
    assert len(list(doc.sents)) == 2  # the rule sentencizer still splits documents
    docs = parse_sentences(model, ["Die Regierung schloss die Grenze.", "Danach kam es zu Protesten."])
    assert [len(list(d.sents)) for d in docs] == [1, 1]
    assert not docs[0].has_annotation("DEP")
    clear_cache()
