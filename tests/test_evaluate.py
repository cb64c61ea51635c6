"""`newsevents evaluate` must report what the independent scorer (../shared/tools/score_events.py) reports."""
import json
import subprocess
import sys

import pytest

from newsevents.evaluate import evaluate
from tests.conftest import need_shared


def judge(gold, events_path):
    scorer = need_shared("tools", "score_events.py")
    out = subprocess.run([sys.executable, str(scorer), str(gold), str(events_path), "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def write(tmp_path, events):
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    return path


def seed_like_events(gold):
    """Events built from the reference itself, then perturbed: hits, misses, swaps, violations, wrong aux and dates."""
    events = []
    for i, ref in enumerate(gold["events"]):
        sentence = f"… {ref['quote']} …"
        actor = [{"code": c} for c in (ref.get("actor") or ["XXX"])[:1]]
        recipient = [{"code": c} for c in (ref.get("recipient") or [])[:1]]
        date = {"start": f"{ref['date']}-01" if ref.get("date") and len(ref["date"]) == 7 else "1999-01-01", "end": None}
        aux = ref.get("aux") if i % 3 else "future"
        etype = ref["type"][0] if i % 5 else "ASSAULT"
        events.append({"doc_id": "d", "sentence": sentence, "type": etype, "aux": aux, "actor": actor,
                       "recipient": recipient if i % 4 else [], "date": date})
    for bad in gold.get("must_not", []):
        events.append({"doc_id": "d", "sentence": bad["quote"], "type": bad["type"][0], "aux": None,
                       "actor": [{"code": bad["actor"][0]}], "recipient": [{"code": bad["recipient"][0]}]})
    events.append({"doc_id": "d", "sentence": "nothing like the reference", "type": "AID", "aux": None, "actor": [], "recipient": []})
    return events


def test_agrees_with_the_judge_on_the_seed_reference(tmp_path):
    gold_path = need_shared("seed", "000_4c8c988737874f2a.gold.json")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    events = seed_like_events(gold)
    ours, _ = evaluate(gold, events)
    theirs = judge(gold_path, write(tmp_path, events))
    assert ours == theirs
    assert 0 < ours["must_recall"] < 1 and ours["must_not_violations"] == len(gold["must_not"])


@pytest.mark.parametrize("name", ["plover-gsr-dev", "eventdna-dev"])
def test_agrees_with_the_judge_on_reference_sets(tmp_path, name):
    gold_path = need_shared("gold", f"{name}.gold.json")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    events = []
    for n, doc in enumerate(gold["documents"][:120]):
        for ref in doc["events"]:
            actor = [{"code": c} for c in (ref.get("actor") or [])[:1]]
            events.append({"doc_id": doc["doc_id"], "sentence": ref["quote"], "type": ref["type"][n % len(ref["type"])] if n % 7 else "AID",
                           "aux": ref.get("aux") if n % 2 else None, "actor": actor, "recipient": [], "date": None})
    ours, _ = evaluate(gold, events)
    assert ours == judge(gold_path, write(tmp_path, events))
