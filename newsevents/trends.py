"""Event counts and PLOVER scores over time, per dyad or per actor.

A trend row is one period (day, ISO week starting Monday, or month) with the number
of events, the sum of PLOVER scores and its cooperative and conflictual parts, and
the count in each PLOVER quad class. Periods with no events are filled with zeros so
that a chart or a baseline sees quiet weeks as quiet, not as missing.

Only reported real events count by default (``aux`` null): a threatened invasion or
a planned summit did not happen. ``include_aux=["future"]`` adds plans and threats
about the future; ``"hypothetical"``, ``"historical"`` and ``"negated"`` are allowed too.
"""
from __future__ import annotations

import datetime as dt

from .store import EventFilter, Store, open_store
from .store.records import QUADS

AUX_ALIASES = {"plans": "future", "threats": "future", "plan": "future"}
VALUES = ("events", "score", "cooperation", "conflict") + QUADS


def as_store(store_or_path) -> Store:
    return store_or_path if isinstance(store_or_path, Store) else open_store(store_or_path, read_only=True)


def aux_filter(include_aux=()) -> list[str]:
    """The ``aux`` values kept: real events plus any modes asked for."""
    return ["real"] + [AUX_ALIASES.get(a, a) for a in include_aux or () if a]


def trends(store, actor: str | None = None, recipient: str | None = None, undirected: bool = False,
           freq: str = "week", include_aux=(), role: str = "actor", start=None, end=None,
           fill: bool = True) -> list[dict]:
    """One row per period for a dyad (actor and recipient), an actor, or all events.

    ``role`` applies when only ``actor`` is given: ``actor`` (the code acts),
    ``recipient`` (it is acted upon) or ``any``.
    """
    store = as_store(store)
    aux = aux_filter(include_aux)
    if actor and recipient:
        f = EventFilter(actor=actor, recipient=recipient, undirected=undirected, aux=aux, start=start, end=end)
    else:
        f = EventFilter(involving=actor, aux=aux, start=start, end=end)
    rows = store.series(f, freq=freq, role=role)
    return fill_periods(rows, freq, start, end) if fill else rows


def dyad_trends(store, freq: str = "week", undirected: bool = False, include_aux=(), start=None,
                end=None) -> list[dict]:
    """Long-format trends for every dyad at once (``source``, ``target``, ``period`` …)."""
    return as_store(store).dyad_periods(freq=freq, undirected=undirected, aux=aux_filter(include_aux),
                                        start=start, end=end)


def next_period(day: dt.date, freq: str) -> dt.date:
    if freq in ("day", "daily"):
        return day + dt.timedelta(days=1)
    if freq in ("week", "weekly"):
        return day + dt.timedelta(days=7)
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def period_start(day: dt.date, freq: str) -> dt.date:
    if freq in ("week", "weekly"):
        return day - dt.timedelta(days=day.weekday())
    if freq in ("month", "monthly"):
        return day.replace(day=1)
    return day


def fill_periods(rows: list[dict], freq: str, start=None, end=None) -> list[dict]:
    """Insert zero rows for the periods between ``start`` (or the first row) and ``end``."""
    if not rows and not (start and end):
        return rows
    by_period = {row["period"]: row for row in rows}
    first = period_start(_day(start) if start else _day(rows[0]["period"]), freq)
    last = period_start(_day(end) if end else _day(rows[-1]["period"]), freq)
    out, day = [], first
    while day <= last:
        out.append(by_period.get(day.isoformat()) or {"period": day.isoformat(), **dict.fromkeys(VALUES, 0)})
        day = next_period(day, freq)
    return out


def _day(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
