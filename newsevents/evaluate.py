"""Score coded events against a hand-coded reference (``*.gold.json``).

The figures are those of the project's independent judge (``shared/tools/score_events.py``):
must-recall, precision, F1, must_not violations, aux and date agreement. A test runs both
on the same files and checks they agree to the digit, so this module can be used where the
judge is not installed (a user's machine) and in the benchmarks.

Matching: a predicted event matches a reference event when its sentence contains the
reference quote, its type is one of the reference types, and its actor and recipient codes
meet the reference lists (a null list accepts anything; ``recipient_optional`` also
accepts none; for ``symmetric`` events actor and recipient may be swapped or pooled).
Each reference event is matched at most once; ``may`` events are neither rewarded nor
punished; a second mention of a matched event is not a false positive.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .errors import NewsEventsError


def _norm(text) -> str:
    return re.sub(r"\s+", " ", (text or "")).strip().lower()


def _codes(entities) -> set:
    out = set()
    for entity in entities or []:
        if isinstance(entity, dict):
            out |= {str(entity[k]).upper() for k in ("code", "country") if entity.get(k)}
        elif entity:
            out.add(str(entity).upper())
    return out


def _roles_match(pred, ref) -> bool:
    actor, recipient = _codes(pred.get("actor")), _codes(pred.get("recipient"))
    want_actor = set(ref["actor"]) if ref.get("actor") else None
    want_recipient = set(ref["recipient"]) if ref.get("recipient") else None
    if ref.get("symmetric"):
        pool = actor | recipient
        return bool((want_actor is None or pool & want_actor) and (want_recipient is None or pool & want_recipient))
    ok_actor = want_actor is None or bool(actor & want_actor)
    ok_recipient = (want_recipient is None or bool(recipient & want_recipient)
                    or bool(ref.get("recipient_optional") and not recipient))
    return ok_actor and ok_recipient


def matches(pred: dict, ref: dict) -> bool:
    """Does a predicted event match a reference (or must_not) event?"""
    if _norm(ref["quote"]) not in _norm(pred.get("sentence")):
        return False
    if (pred.get("type") or "").upper() not in ref["type"]:
        return False
    return _roles_match(pred, ref)


def _aux_ok(pred, ref) -> bool:
    if ref.get("aux") == "*":
        return True
    return pred.get("aux") in [ref.get("aux")] + list(ref.get("aux_also", []))


def _date_ok(pred, ref) -> bool:
    want = ref.get("date")
    if not want:
        return True
    date = pred.get("date") or {}
    start, end = str(date.get("start") or ""), str(date.get("end") or "")
    return bool(start) and start.startswith(want) and (not end or end.startswith(want))


def _ratio(num, den):
    return round(num / den, 3) if den else None


def score_document(gold: dict, preds: list[dict]) -> dict:
    """Counts for one reference document; see :func:`evaluate` for the summary."""
    refs, used, matched, false_pos = gold["events"], set(), [], []
    for pred in preds:
        hit = next((r for r in refs if r["id"] not in used and matches(pred, r)), None)
        if hit is None:
            if not any(matches(pred, r) for r in refs):
                false_pos.append(pred)
            continue
        used.add(hit["id"])
        matched.append((pred, hit))
    must = [r for r in refs if r["level"] == "must"]
    marked = [(p, r) for p, r in matched if r.get("aux") not in (None, "*")]
    violations = [(bad, pred) for bad in gold.get("must_not", []) for pred in preds
                  if matches(pred, dict(bad, level="must_not")) and pred.get("aux") not in bad.get("unless_aux", [])]
    return {
        "must_total": len(must), "must_found": sum(1 for r in must if r["id"] in used),
        "predictions": len(preds), "false_positives": len(false_pos),
        "true_positives": sum(1 for _, r in matched if r["level"] == "must"),
        "must_not_violations": len(violations), "matched": len(matched),
        "aux_ok": sum(_aux_ok(p, r) for p, r in matched), "date_ok": sum(_date_ok(p, r) for p, r in matched),
        "marked": len(marked), "marked_ok": sum(_aux_ok(p, r) for p, r in marked),
        "missed": [r["id"] for r in must if r["id"] not in used], "violated": [b["id"] for b, _ in violations],
        "false_positive_events": false_pos,
    }


def _summary(t: dict, documents: int | None) -> dict:
    recall = t["must_found"] / t["must_total"] if t["must_total"] else None
    scored = t["true_positives"] + t["false_positives"]
    precision = t["true_positives"] / scored if scored else None
    out = {"documents": documents} if documents is not None else {}
    out.update({
        "must_total": t["must_total"], "must_found": t["must_found"],
        "must_recall": round(recall, 3) if recall is not None else None,
        "predictions": t["predictions"], "false_positives": t["false_positives"],
        "precision": round(precision, 3) if precision is not None else None,
    })
    if documents is not None:
        out["f1"] = round(2 * precision * recall / (precision + recall), 3) if precision and recall else 0.0
    out.update({
        "must_not_violations": t["must_not_violations"],
        "aux_agreement": _ratio(t["aux_ok"], t["matched"]), "date_agreement": _ratio(t["date_ok"], t["matched"]),
    })
    if documents is None:
        out.update({"missed": t["missed"], "violated": t["violated"],
                    "marked_aux_agreement": _ratio(t["marked_ok"], t["marked"])})
    else:
        out.update({"marked_aux_agreement": _ratio(t["marked_ok"], t["marked"]),
                    "missed": t["missed"][:50], "violated": t["violated"][:50]})
    return out


def evaluate(gold: dict | str | Path, events: list[dict]) -> tuple[dict, list[dict]]:
    """Score events against a reference; returns (figures, false positives)."""
    if not isinstance(gold, dict):
        gold = load_gold(gold)
    if "documents" not in gold:
        counts = score_document(gold, events)
        return _summary(counts, None), counts["false_positive_events"]
    scored_types = set(gold.get("scored_types") or [])
    if scored_types:
        events = [e for e in events if (e.get("type") or "").upper() in scored_types]
    by_doc: dict[str, list] = {}
    for event in events:
        by_doc.setdefault(str(event.get("doc_id")), []).append(event)
    keys = ("must_total", "must_found", "predictions", "false_positives", "true_positives", "must_not_violations",
            "matched", "aux_ok", "date_ok", "marked", "marked_ok")
    total = dict.fromkeys(keys, 0) | {"missed": [], "violated": []}
    false_pos = []
    for doc in gold["documents"]:
        counts = score_document(doc, by_doc.get(str(doc["doc_id"]), []))
        for key in keys:
            total[key] += counts[key]
        total["missed"] += [f'{doc["doc_id"]}:{m}' for m in counts["missed"]]
        total["violated"] += [f'{doc["doc_id"]}:{v}' for v in counts["violated"]]
        false_pos += counts["false_positive_events"]
    return _summary(total, len(gold["documents"])), false_pos


def load_gold(path) -> dict:
    with open(path, encoding="utf-8") as fh:
        gold = json.load(fh)
    if not isinstance(gold, dict) or not ("events" in gold or "documents" in gold):
        raise NewsEventsError("E017", path=path)
    return gold


def load_events(path, doc_id: str | None = None) -> list[dict]:
    events = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                event = json.loads(line)
                if doc_id is None or event.get("doc_id") == doc_id:
                    events.append(event)
    return events
