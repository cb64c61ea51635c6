"""Turn a document and its coded events into table rows (no SQL here).

Events are the coder's dicts (see /tmp/common.md's contract); everything a query
filters on is pulled out into columns, and the whole record is kept as JSON so an
export gives back exactly what the coder wrote.
"""
from __future__ import annotations

import datetime as dt
import json

from .errors import StoreError

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")

# PLOVER manual, "Quad category" of each event type (spec/PLOVER_MANUAL.tex, 2021).
TYPE_QUAD = {
    "AGREE": "verbal_cooperation", "CONSULT": "verbal_cooperation", "SUPPORT": "verbal_cooperation",
    "CONCEDE": "verbal_cooperation", "COOPERATE": "material_cooperation", "AID": "material_cooperation",
    "RETREAT": "material_cooperation", "REQUEST": "verbal_conflict", "ACCUSE": "verbal_conflict",
    "REJECT": "verbal_conflict", "THREATEN": "verbal_conflict", "PROTEST": "material_conflict",
    "MOBILIZE": "material_conflict", "SANCTION": "material_conflict", "COERCE": "material_conflict",
    "ASSAULT": "material_conflict",
}


def to_date(value) -> dt.date | None:
    """ISO date (or datetime, or ``YYYY-MM``) to a date; anything else to None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value)[:10]
    for fmt, size in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return dt.datetime.strptime(text[:size], fmt).date()
        except ValueError:
            continue
    return None


def document_row(document, added_at: dt.datetime) -> tuple:
    date = document.date
    return (document.id, document.content_hash, document.title, document.url, document.source,
            document.language, str(date) if date else None, date.start if date else None,
            date.end if date else None, document.text, json.dumps(document.meta or {}, default=str),
            added_at)


def sentence_rows(doc_id: str, sentences: list) -> list[tuple]:
    """Rows for sentences given as dicts or as objects with the same attributes."""
    rows = []
    for sentence in sentences:
        get = sentence.get if isinstance(sentence, dict) else lambda key: getattr(sentence, key, None)
        rows.append((doc_id, int(get("index")), get("start"), get("end"), get("text") or ""))
    return rows


def _entities(event: dict, role: str) -> list[dict]:
    value = event.get(role) or []
    return [value] if isinstance(value, dict) else [e for e in value if isinstance(e, dict)]


# An event's own date counts in trends when it is this close to the document's date.
DATE_BEFORE, DATE_AFTER = dt.timedelta(days=92), dt.timedelta(days=31)


def event_date(event: dict, document) -> dt.date | None:
    """The day an event is counted on in trends (the ``event_date`` column).

    Its own start date when that lies between three months before and a month after
    the document's date; otherwise the document's date, as GDELT counts events when
    reported. A far-off own date (1917, or a plan for 2030) is background or a
    misreading, and would stretch every timeline over a century; it stays in
    ``date_start``/``date_end`` and in the record.
    """
    date = event.get("date") or {}
    own = to_date(date.get("start")) if isinstance(date, dict) else None
    doc = document.date or None
    if doc is None:
        return own or to_date(event.get("doc_date"))
    if own and doc.start - DATE_BEFORE <= own <= doc.end + DATE_AFTER:
        return own
    return doc.start


def event_rows(document, events: list[dict]) -> dict[str, list[tuple]]:
    """Rows for ``events``, ``mentions``, ``dyads`` and ``actors`` from the coder's events."""
    rows = {"events": [], "mentions": [], "dyads": [], "actors": {}}
    for index, event in enumerate(events):
        for field in ("event_id", "type"):
            if not event.get(field):
                raise StoreError("E305", index=index, doc_id=document.id, field=field)
        _add_event(rows, document, event)
    rows["actors"] = list(rows["actors"].values())
    return rows


def _add_event(rows: dict, document, event: dict) -> None:
    event_id = str(event["event_id"])
    etype = str(event["type"]).upper()
    quad = event.get("quad") or TYPE_QUAD.get(etype)
    date = event.get("date") if isinstance(event.get("date"), dict) else {}
    where = event.get("where") if isinstance(event.get("where"), dict) else {}
    trigger = event.get("trigger") if isinstance(event.get("trigger"), dict) else {}
    actors, recipients = _entities(event, "actor"), _entities(event, "recipient")
    when = event_date(event, document)
    score = event.get("score")
    rows["events"].append((
        event_id, document.id, event.get("sentence_index"), event.get("sentence_start"),
        event.get("sentence_end"), etype, event.get("mode"), json.dumps(event.get("context") or []),
        event.get("aux"), quad, float(score) if score is not None else None,
        trigger.get("text"), trigger.get("start"), trigger.get("end"), when,
        to_date(date.get("start")), to_date(date.get("end")), date.get("text"), date.get("precision"),
        where.get("text"), where.get("country"), _num(where.get("lat")), _num(where.get("lon")),
        int(event.get("mentions") or 1), event.get("language") or document.language,
        "|".join(_codes(actors)), "|".join(_codes(recipients)),
        json.dumps(event, ensure_ascii=False, default=str)))
    for role, entities in (("actor", actors), ("recipient", recipients)):
        for position, entity in enumerate(entities):
            code = entity.get("code") or None
            rows["mentions"].append((event_id, role, position, code, entity.get("text"),
                                     entity.get("sector"), entity.get("start"), entity.get("end")))
            if code and code not in rows["actors"]:
                rows["actors"][code] = (code, entity.get("text"), entity.get("sector"))
    pairs = _pairs(_codes(actors), _codes(recipients))
    for source, target in sorted(pairs):
        if source or target:
            rows["dyads"].append((event_id, source, target, when, etype, event.get("aux"), quad,
                                  float(score) if score is not None else None))


def _pairs(actors: list[str], recipients: list[str]) -> set[tuple[str, str]]:
    """The (source, target) dyads of an event.

    Compound entities expand to every actor-recipient pair. A reciprocal event (PLOVER:
    all parties as actor, no recipient, e.g. two governments holding talks) links each
    actor to each other one, both ways; a lone actor gets an empty target.
    """
    if recipients:
        return {(a, r) for a in actors or [""] for r in recipients}
    if len(actors) >= 2:
        return {(a, b) for a in actors for b in actors if a != b}
    return {(a, "") for a in actors}


def _codes(entities: list[dict]) -> list[str]:
    seen: list[str] = []
    for entity in entities:
        code = entity.get("code")
        if code and code not in seen:
            seen.append(code)
    return seen


def _num(value):
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None
