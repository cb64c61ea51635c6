"""``train_syntax`` end to end on the real treebanks, cut short: the command's plumbing, not accuracy."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.syntax import load_pipeline
from newsevents.train import train_syntax

UD = Path(__file__).resolve().parents[2] / ".." / "shared" / "ud"


@pytest.mark.skipif(not (UD / "nl").exists(), reason="needs ../shared/ud")
def test_stop_at_step_keeps_that_checkpoint_and_installs_a_model(tmp_path):
    scores = train_syntax("nl", output_dir=tmp_path / "model", work_dir=tmp_path / "work", stop_at_step=4)
    assert set(scores) >= {"upos", "las", "las_full", "tokens"} and scores["tokens"] > 20_000
    meta = json.loads((tmp_path / "model" / "meta.json").read_text())
    assert meta["license"] == "CC BY-SA 4.0" and meta["newsevents_test_scores"] == scores
    nlp = load_pipeline(tmp_path / "model")
    assert [name for name, _ in nlp.pipeline] == ["tok2vec", "morphologizer", "parser", "trainable_lemmatizer"]
