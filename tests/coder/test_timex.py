"""Time expressions resolved against day-, month- and year-precise document dates."""
import spacy
import pytest

from newsevents.coder.timex import TimeResolver
from newsevents.documents import DocDate
from newsevents.lang import read_yaml


@pytest.fixture(scope="module")
def nl():
    return spacy.blank("nl"), TimeResolver(read_yaml("nl", "dates.yaml", "DATES"))


@pytest.fixture(scope="module")
def en():
    return spacy.blank("en"), TimeResolver(read_yaml("en", "dates.yaml", "DATES"))


def resolve(pair, text, doc_date, future=False, last_year=None):
    nlp, resolver = pair
    exprs = resolver.find(nlp(text))
    assert exprs, text
    return resolver.resolve(exprs[0], DocDate.parse(doc_date), future=future, last_year=last_year)


def test_weekday_in_a_month_dated_document_is_the_month_with_a_note(nl):
    out = resolve(nl, "De raad komt woensdag bijeen.", "2022-01", future=True)
    assert (out["start"], out["end"], out["precision"]) == ("2022-01-01", "2022-01-31", "month")
    assert "Wednesday" in out["note"] and out["candidates"] == ["2022-01-05", "2022-01-12", "2022-01-19", "2022-01-26"]


def test_weekday_with_a_day_date_past_and_future(nl):
    # 2023-03-10 is a Friday
    assert resolve(nl, "Zij sprak donderdag.", "2023-03-10")["start"] == "2023-03-09"
    assert resolve(nl, "Zij spreekt maandag.", "2023-03-10", future=True)["start"] == "2023-03-13"
    assert resolve(nl, "Zij sprak vrijdag.", "2023-03-10")["start"] == "2023-03-10"


def test_years_dates_and_months(nl, en):
    assert resolve(nl, "sinds de inname in 2014", "2022-01")["start"] == "2014-01-01"
    assert resolve(nl, "op 24 februari 2022", "2023-05")["start"] == "2022-02-24"
    assert resolve(en, "on March 3", "2023-05-01")["start"] == "2023-03-03"
    out = resolve(en, "in December", "2023-05-01")  # past reading of a later month: last year
    assert (out["start"], out["end"]) == ("2022-12-01", "2022-12-31")
    assert resolve(en, "in December", "2023-05-01", future=True)["start"] == "2023-12-01"


def test_may_the_verb_is_not_a_month(en):
    nlp, resolver = en
    assert resolver.find(nlp("Russia may attack.")) == []


def test_relative_days_and_periods(nl, en):
    assert resolve(nl, "gisteren", "2023-03-10")["start"] == "2023-03-09"
    week = resolve(en, "next week", "2023-03-10")
    assert (week["start"], week["end"]) == ("2023-03-13", "2023-03-19")
    month = resolve(nl, "komende week", "2022-01")
    assert month["precision"] == "month" and "note" in month
    assert resolve(en, "last year", "2023-03-10")["start"] == "2022-01-01"


def test_anaphoric_year_uses_the_last_year_named(nl):
    out = resolve(nl, "In dat jaar volgde een oorlog.", "2022-01", last_year=2014)
    assert (out["start"], out["end"]) == ("2014-01-01", "2014-12-31")
