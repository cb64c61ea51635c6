"""Without a trained syntax model the coder still codes, in a clearly reported fallback mode."""
import logging

import pytest

from newsevents import syntax
from newsevents.documents import DocDate, Document
from newsevents.pipeline import Coder


@pytest.fixture
def no_models(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_MODELS", str(tmp_path))
    syntax.clear_cache()
    yield
    syntax.clear_cache()


def test_fallback_mode_codes_by_word_order_and_says_so(no_models, caplog):
    doc = Document(id="x", text="Rusland viel vrijdag Oekraïne aan. Japan legde Noord-Korea nieuwe sancties op.",
                   date=DocDate.parse("2023-03-10"), language="nl")
    with caplog.at_level(logging.WARNING):
        result = Coder().code(doc)
    assert result.error is None and result.mode == "fallback"
    assert "E018" in caplog.text and "train-syntax nl" in caplog.text
    got = {(e["type"], tuple(a["code"] for a in e["actor"]), tuple(r["code"] for r in e["recipient"]), e["coder"])
           for e in result.events}
    assert got == {("ASSAULT", ("RUS",), ("UKR",), "fallback"), ("SANCTION", ("JPN",), ("PRK",), "fallback")}
