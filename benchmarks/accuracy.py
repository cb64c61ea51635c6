"""Accuracy of the coder on the reference sets in ../shared, scored like ../shared/tools/score_events.py.

    python benchmarks/accuracy.py                 # seed, PLOVER GSR (en), EventDNA (nl)
    python benchmarks/accuracy.py --set seed --verbose
    python benchmarks/accuracy.py --write-events out/   # also write the coded events as JSON Lines

Prints one row per reference set (must_recall, precision, F1, must_not violations,
aux/marked-aux/date agreement) and the seconds it took. The same figures are floors in
tests/coder/test_accuracy.py.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsevents.documents import DocDate, Document  # noqa: E402
from newsevents.evaluate import evaluate  # noqa: E402
from newsevents.pipeline import code_documents  # noqa: E402
from newsevents.readers import iter_documents  # noqa: E402

SHARED = (ROOT / ".." / "shared").resolve()
SETS = {
    "seed": (SHARED / "seed" / "000_4c8c988737874f2a.gold.json", SHARED / "seed" / "000_4c8c988737874f2a.txt"),
    "plover-gsr-dev": (SHARED / "gold" / "plover-gsr-dev.gold.json", SHARED / "gold" / "plover-gsr-dev.articles.jsonl"),
    "eventdna-dev": (SHARED / "gold" / "eventdna-dev.gold.json", SHARED / "gold" / "eventdna-dev.articles.jsonl"),
}
COLUMNS = ["must_recall", "precision", "f1", "must_not_violations", "aux_agreement", "marked_aux_agreement", "date_agreement"]


def code_set(name: str, nested: bool = False) -> list[dict]:
    """Code a reference set's articles; the events, as the CLI would write them."""
    gold_path, articles = SETS[name]
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    docs = [d for d in iter_documents([articles], language=gold.get("language")) if isinstance(d, Document)]
    events = []
    for result in code_documents(docs, nested=nested):
        if result.error is not None:
            print(f"error: {result.error}", file=sys.stderr)
        events += result.events
    return events


def score_set(name: str, nested: bool = False):
    gold = json.loads(SETS[name][0].read_text(encoding="utf-8"))
    events = code_set(name, nested)
    figures, false_pos = evaluate(gold, events)
    return figures, false_pos, events


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", action="append", choices=sorted(SETS), help="reference set(s); default: all")
    ap.add_argument("--nested", action="store_true", help="also emit embedded events")
    ap.add_argument("--verbose", action="store_true", help="list misses and false positives")
    ap.add_argument("--write-events", type=Path, help="folder to write each set's coded events to")
    args = ap.parse_args(argv)
    rows = []
    for name in args.set or list(SETS):
        if not SETS[name][0].exists():
            print(f"{name}: {SETS[name][0]} not found, skipped", file=sys.stderr)
            continue
        started = time.perf_counter()
        figures, false_pos, events = score_set(name, args.nested)
        rows.append((name, figures, time.perf_counter() - started, len(events)))
        if args.write_events:
            args.write_events.mkdir(parents=True, exist_ok=True)
            with open(args.write_events / f"{name}.jsonl", "w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(e, ensure_ascii=False) + "\n" for e in events)
        if args.verbose:
            print(f"## {name}: missed {figures['missed']}")
            for p in false_pos:
                print("FP", p["type"], p["aux"], [a.get("code") for a in p["actor"]], [r.get("code") for r in p["recipient"]],
                      "|", " ".join(p["sentence"].split())[:110])
    header = f"{'set':<16}" + "".join(f"{c:>22}" for c in COLUMNS) + f"{'events':>8}{'seconds':>9}"
    print(header)
    for name, figures, seconds, n in rows:
        cells = "".join(f"{'' if figures.get(c) is None else figures.get(c):>22}" for c in COLUMNS)
        print(f"{name:<16}{cells}{n:>8}{seconds:>9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
