"""Accuracy floors on the reference sets in ../shared, scored like the independent judge.

The floors are issue 2's targets; raise them as the coder improves.
Full figures: ``python benchmarks/accuracy.py``.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import need_shared

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from accuracy import score_set  # noqa: E402


def test_seed_meets_issue_targets_and_agrees_with_the_judge(tmp_path):
    scorer = need_shared("tools", "score_events.py")
    figures, _, events = score_set("seed")
    assert figures["must_recall"] >= 0.80
    assert figures["precision"] >= 0.75
    assert figures["must_not_violations"] == 0
    assert figures["marked_aux_agreement"] >= 0.80
    assert figures["date_agreement"] >= 0.90
    path = tmp_path / "seed.jsonl"
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events), encoding="utf-8")
    judged = subprocess.run([sys.executable, str(scorer), str(need_shared("seed", "000_4c8c988737874f2a.gold.json")),
                             str(path), "--json"], capture_output=True, text=True, check=True).stdout
    assert json.loads(judged) == figures


@pytest.mark.slow
def test_plover_gsr_floor():
    need_shared("gold", "plover-gsr-dev.gold.json")
    figures, _, _ = score_set("plover-gsr-dev")
    assert figures["must_recall"] >= 0.55
    assert figures["must_not_violations"] == 0


@pytest.mark.slow
def test_eventdna_floor():
    need_shared("gold", "eventdna-dev.gold.json")
    figures, _, _ = score_set("eventdna-dev")
    assert figures["f1"] >= 0.45
    assert figures["marked_aux_agreement"] >= 0.50
