"""Escalation alerts on a synthetic corpus whose answer is known.

USA–RUS: twelve calm weeks (talks, the odd accusation), then from week 12 on a run of
attacks and sanctions: one alert, dated week 12, and nowhere else. FRA–DEU is
conflictual at a constant level all along (no change, no alert); GBR–POL is
cooperative with noise (no alert); TUR–CHN appears once with an attack in its only
week (no history, no alert).
"""
from __future__ import annotations

import datetime as dt
import random

import pytest
from click.testing import CliRunner

from newsevents.alerts import alerts, score_weeks
from newsevents.cli import cli
from newsevents.store import open_store
from newsevents.store.synthetic import make_document

START = dt.date(2022, 1, 3)  # a Monday
ESCALATION_WEEK = 12


def week(n: int) -> dt.date:
    return START + dt.timedelta(weeks=n)


def corpus():
    rng = random.Random(3)
    docs = []
    for n in range(20):
        day = week(n) + dt.timedelta(days=rng.randrange(5))
        facts = [("USA", "CONSULT", "RUS"), ("RUS", "CONSULT", "USA")]
        if n % 3 == 0:
            facts.append(("USA", "ACCUSE", "RUS"))
        if n >= ESCALATION_WEEK:
            facts += [("RUS", "ASSAULT", "USA")] * 3 + [("USA", "SANCTION", "RUS")] * 2
            facts.append(("USA", "THREATEN", "RUS", "future"))
        facts += [("FRA", "ASSAULT", "DEU"), ("DEU", "ACCUSE", "FRA"), ("FRA", "ACCUSE", "DEU")]
        facts += [("GBR", "AID", "POL")] * rng.randint(1, 4) + [("POL", "REJECT", "GBR")] * rng.randint(0, 1)
        if n == 15:
            facts += [("TUR", "ASSAULT", "CHN")] * 3
        docs.append(make_document(f"w{n:02d}", day, facts))
    return docs


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("alerts") / "alerts.duckdb"
    with open_store(path) as store:
        store.add_documents(corpus())
    return str(path)


def test_alert_fires_at_the_escalation_week_and_nowhere_else(db):
    found = alerts(db)
    assert [(a["source"], a["target"], a["period"]) for a in found] == [
        ("RUS", "USA", week(ESCALATION_WEEK).isoformat())]
    alert = found[0]
    assert alert["z"] >= 3 and alert["conflict"] > alert["baseline"]
    assert alert["weeks"][0] == week(ESCALATION_WEEK).isoformat()


def test_alert_lists_the_events_that_drove_it(db):
    alert = alerts(db, evidence=4)[0]
    assert len(alert["events"]) == 4
    assert {e["type"] for e in alert["events"]} <= {"ASSAULT", "SANCTION"}
    assert all(week(ESCALATION_WEEK).isoformat() <= e["event_date"] < week(ESCALATION_WEEK + 1).isoformat()
               for e in alert["events"])


def test_plans_and_threats_are_not_escalation_by_default(db):
    counts = [a["event_count"] for a in alerts(db)]
    assert counts == [8]  # 2 talks, 1 accusation, 3 attacks, 2 sanctions; not the future threat
    assert [a["event_count"] for a in alerts(db, include_aux=["future"])] == [9]


def test_lower_threshold_still_respects_min_conflict(db):
    for alert in alerts(db, threshold=1.0):
        assert alert["conflict"] >= 15


def test_directed_dyads_alert_in_the_attacking_direction(db):
    found = alerts(db, undirected=False)
    assert ("RUS", "USA") in {(a["source"], a["target"]) for a in found}
    assert all(a["period"] == week(ESCALATION_WEEK).isoformat() for a in found)


def test_restricting_to_an_actor(db):
    assert alerts(db, actor="FRA") == []
    assert len(alerts(db, actor="USA")) == 1


def test_score_weeks_floors_sigma_and_needs_history():
    rows = [{"conflict": c, "cooperation": 0, "events": 1, "period": str(i)} for i, c in
            enumerate([3, 3, 3, 3, 12])]
    scored = score_weeks(rows, window=8, min_sigma=2.0, min_history=4)
    assert scored[3]["z"] is None and scored[4]["z"] == pytest.approx(4.5)


def test_cli_alerts_prints_the_alert_and_its_evidence(db):
    result = CliRunner().invoke(cli, ["alerts", "--db", db, "--evidence", "2"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0].startswith(week(ESCALATION_WEEK).isoformat()) and "RUS – USA" in lines[0]
    assert len(lines) == 3 and "ASSAULT" in result.output
