"""Trends per dyad and actor: counts, score sums, quads; real events by default."""
from __future__ import annotations

import datetime as dt

import pytest

from newsevents.store import open_store
from newsevents.store.synthetic import make_document
from newsevents.trends import dyad_trends, fill_periods, trends


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path / "t.duckdb")
    store.add_documents([
        make_document("a", dt.date(2022, 1, 4), [("USA", "CONSULT", "RUS"), ("RUS", "ACCUSE", "USA")]),
        make_document("b", dt.date(2022, 1, 19), [("USA", "SANCTION", "RUS"),
                                                  ("USA", "SANCTION", "RUS", "future")]),
        make_document("c", dt.date(2022, 2, 2), [("RUS", "ASSAULT", "UKR"), ("USA", "AID", "UKR")]),
    ])
    yield store
    store.close()


def test_directed_dyad_weekly_with_gaps_filled(store):
    rows = trends(store, "USA", "RUS", freq="week")
    assert [r["period"] for r in rows] == ["2022-01-03", "2022-01-10", "2022-01-17"]
    assert [r["events"] for r in rows] == [1, 0, 1]
    assert rows[2]["score"] == -6.0 and rows[2]["material_conflict"] == 1


def test_undirected_dyad_counts_both_directions(store):
    rows = trends(store, "RUS", "USA", undirected=True, freq="month")
    assert rows[0]["events"] == 3 and rows[0]["verbal_cooperation"] == 1 and rows[0]["verbal_conflict"] == 1
    assert rows[0]["cooperation"] == 2.5 and rows[0]["conflict"] == 9.0


def test_future_events_only_when_asked(store):
    assert sum(r["events"] for r in trends(store, "USA", "RUS")) == 2
    assert sum(r["events"] for r in trends(store, "USA", "RUS", include_aux=["plans"])) == 3


def test_per_actor_roles(store):
    as_actor = trends(store, "USA", freq="month")
    assert [r["events"] for r in as_actor] == [2, 1]
    as_recipient = trends(store, "UKR", role="recipient", freq="month")
    assert [r["period"] for r in as_recipient] == ["2022-02-01"] and as_recipient[0]["events"] == 2
    any_role = trends(store, "RUS", role="any", freq="month")
    assert [r["events"] for r in any_role] == [3, 1]


def test_daily_and_all_events(store):
    days = trends(store, freq="day")
    assert days[0]["period"] == "2022-01-04" and len(days) == (dt.date(2022, 2, 2) - dt.date(2022, 1, 4)).days + 1
    assert sum(d["events"] for d in days) == 5


def test_dyad_trends_long_format(store):
    rows = dyad_trends(store, freq="month", undirected=True)
    pairs = {(r["source"], r["target"], r["period"]): r["events"] for r in rows}
    assert pairs[("RUS", "USA", "2022-01-01")] == 3 and pairs[("RUS", "UKR", "2022-02-01")] == 1


def test_fill_periods_months_cross_year():
    rows = [{"period": "2021-11-01", "events": 1}, {"period": "2022-02-01", "events": 2}]
    assert [r["period"] for r in fill_periods(rows, "month")] == ["2021-11-01", "2021-12-01", "2022-01-01",
                                                                  "2022-02-01"]
