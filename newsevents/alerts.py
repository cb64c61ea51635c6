"""Escalation alerts: when a dyad turns sharply toward conflict.

Method (a rolling-baseline z-score on the conflict score; all numbers are parameters):

1. For every dyad (undirected by default: RUS–UKR and UKR–RUS are one pair) take the
   weekly *conflict score* ``c_t``: the sum of ``-score`` over its real events with a
   negative PLOVER score (an ASSAULT adds 9, an ACCUSE 3). Weeks without events
   count as 0 from the dyad's first week on.
2. The baseline of week ``t`` is the ``window`` weeks before it (default 8, not
   including ``t``): mean ``mu`` and standard deviation ``sd``. A week needs at least
   ``min_history`` weeks of history (default 4), so a dyad's first appearance is
   never an alert.
3. ``z = (c_t - mu) / max(sd, min_sigma)``. ``min_sigma`` (default 2) keeps a flat,
   quiet baseline from turning one extra accusation into an infinite z.
4. Week ``t`` is flagged when ``z >= threshold`` (default 3), ``c_t >= min_conflict``
   (default 15: about two violent events), and conflict is at least half of the
   week's absolute score, so a week of more news of every kind does not count as
   escalation.
5. Flagged weeks less than ``cooldown`` weeks (default 4) apart are one episode; the
   alert is dated at the episode's first week and lists that week's most
   conflictual events as evidence.

Weekly counts depend on how much news was coded; the baseline is per dyad, so a
dyad covered heavily all along needs a larger jump than a quiet one.
"""
from __future__ import annotations

import datetime as dt
import statistics

from .store import EventFilter
from .trends import aux_filter, as_store, fill_periods, next_period


def alerts(store, freq: str = "week", window: int = 8, threshold: float = 3.0, min_conflict: float = 15.0,
           min_sigma: float = 2.0, min_history: int = 4, cooldown: int = 4, undirected: bool = True,
           include_aux=(), actor: str | None = None, recipient: str | None = None, evidence: int = 5,
           start=None, end=None, limit: int | None = None) -> list[dict]:
    """Escalation alerts, most recent first; each with the events that drove it.

    ``actor``/``recipient`` restrict to dyads containing those codes; ``limit`` keeps
    the most recent alerts only (evidence is looked up for those alone).
    """
    store = as_store(store)
    rows = store.dyad_periods(freq=freq, undirected=undirected, aux=aux_filter(include_aux),
                              start=start, end=end)
    found = []
    for (source, target), series in _by_dyad(rows).items():
        if not _wanted(source, target, actor, recipient, undirected):
            continue
        for episode in _episodes(fill_periods(series, freq), window, threshold, min_conflict, min_sigma,
                                 min_history, cooldown):
            episode.update(source=source, target=target, undirected=undirected, freq=freq)
            found.append(episode)
    found.sort(key=lambda a: (a["period"], a["z"]), reverse=True)
    found = found[:limit] if limit is not None else found
    for alert in found:
        alert["events"] = _evidence(store, alert, freq, include_aux, evidence) if evidence else []
    return found


def score_weeks(series: list[dict], window: int = 8, min_sigma: float = 2.0, min_history: int = 4) -> list[dict]:
    """Add ``baseline``, ``sd`` and ``z`` to each row of a gap-free series (None = too early)."""
    out = []
    for index, row in enumerate(series):
        history = [r["conflict"] for r in series[max(0, index - window):index]]
        if len(history) < min_history:
            out.append({**row, "baseline": None, "sd": None, "z": None})
            continue
        mean, sd = statistics.fmean(history), statistics.pstdev(history)
        out.append({**row, "baseline": mean, "sd": sd, "z": (row["conflict"] - mean) / max(sd, min_sigma)})
    return out


def _episodes(series, window, threshold, min_conflict, min_sigma, min_history, cooldown) -> list[dict]:
    episodes: list[dict] = []
    last_flag = None
    for index, row in enumerate(score_weeks(series, window, min_sigma, min_history)):
        total = row["conflict"] + row["cooperation"]
        if (row["z"] is None or row["z"] < threshold or row["conflict"] < min_conflict
                or row["conflict"] < 0.5 * total):
            continue
        if last_flag is not None and index - last_flag < cooldown:
            episodes[-1]["weeks"].append(row["period"])
            episodes[-1]["peak_z"] = max(episodes[-1]["peak_z"], round(row["z"], 2))
        else:
            episodes.append({"period": row["period"], "z": round(row["z"], 2), "peak_z": round(row["z"], 2),
                             "conflict": row["conflict"], "cooperation": row["cooperation"],
                             "baseline": round(row["baseline"], 2), "baseline_sd": round(row["sd"], 2),
                             "event_count": row["events"], "weeks": [row["period"]]})
        last_flag = index
    return episodes


def _by_dyad(rows: list[dict]) -> dict:
    grouped: dict = {}
    for row in rows:
        grouped.setdefault((row["source"], row["target"]), []).append(row)
    return grouped


def _wanted(source, target, actor, recipient, undirected) -> bool:
    if undirected:
        pair = {source, target}
        return (not actor or actor in pair) and (not recipient or recipient in pair)
    return (not actor or actor == source) and (not recipient or recipient == target)


def _evidence(store, alert, freq, include_aux, limit) -> list[dict]:
    first = dt.date.fromisoformat(alert["period"])
    last = next_period(first, freq) - dt.timedelta(days=1)
    f = EventFilter(actor=alert["source"], recipient=alert["target"], undirected=alert["undirected"],
                    aux=aux_filter(include_aux), start=first, end=last)
    return [e for e in store.events(f, limit=limit, order="score") if (e.get("score") or 0) < 0]
