"""GDELT-style export: CAMEO codes from the PLOVER table, Goldstein-style scores."""
from __future__ import annotations

import csv
import io

import pytest

from newsevents import gdelt
from newsevents.store.records import TYPE_QUAD


def test_every_plover_type_gets_a_cameo_code_with_its_root():
    for plover_type in TYPE_QUAD:
        code = gdelt.cameo_code(plover_type)
        assert code and code.isdigit(), plover_type
        assert gdelt.gdelt_row({"type": plover_type}, 1)["EventRootCode"] == code[:2]


@pytest.mark.parametrize("plover_type,mode,expected", [
    ("CONSULT", "visit", "042"), ("CONSULT", "phone", "041"), ("RETREAT", "release", "0841"),
    ("ASSAULT", None, "180"), ("SANCTION", None, "160"), ("ACCUSE", None, "112"), ("AID", None, "070"),
    ("MOBILIZE", "troops", "152"), ("COERCE", "nonsense-mode", "170"),
])
def test_cameo_code_reads_the_table_backwards(plover_type, mode, expected):
    assert gdelt.cameo_code(plover_type, mode) == expected


def test_context_breaks_ties_between_equally_general_codes():
    assert gdelt.cameo_code("AID", None, ["humanitarian"]) == "073"  # Provide humanitarian aid
    assert gdelt.cameo_code("AID", None, []) == "070"
    assert gdelt.cameo_code("ASSAULT", "heavy-weapons", ["military"]) == "194"


def test_goldstein_prefers_the_event_score_then_the_manual():
    assert gdelt.goldstein({"type": "ASSAULT", "score": -8.5}) == -8.5
    assert gdelt.goldstein({"type": "CONSULT", "mode": "visit"}) == 4.0
    assert gdelt.goldstein({"type": "AID"}) == 10.0
    assert gdelt.goldstein({"type": "ACCUSE"}) == -3.0


def test_bundled_table_matches_the_spec(shared_dir):
    built = gdelt.build_table(shared_dir / "spec" / "CAMEO2PLOVER-2021.txt")
    bundled = (gdelt.Path(gdelt.__file__).parent / "data" / "cameo2plover.tsv").read_text(encoding="utf-8")
    assert built == bundled


def test_rows_have_gdelt_columns_and_organisations_are_not_countries():
    event = {"type": "REQUEST", "actor": [{"text": "Ukraine", "code": "UKR"}],
             "recipient": [{"text": "NATO", "code": "NATO"}], "date": {"start": "2022-03-02"},
             "quad": "verbal_conflict", "where": {"text": "Kyiv", "country": "UKR", "lat": 50.45, "lon": 30.5}}
    buffer = io.StringIO()
    assert gdelt.write_gdelt([event], buffer) == 1
    row = next(csv.DictReader(io.StringIO(buffer.getvalue()), delimiter="\t"))
    assert list(row) == gdelt.COLUMNS
    assert row["Actor1CountryCode"] == "UKR" and row["Actor2CountryCode"] == ""
    assert row["Actor2KnownGroupCode"] == "NATO" and row["QuadClass"] == "3"
    assert row["ActionGeo_Lat"] == "50.45" and row["MonthYear"] == "202203"
