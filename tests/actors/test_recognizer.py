"""The actor recogniser's contract: offsets, spans, office dates, data integrity and speed.

Sentences are the project's own; language-specific behaviour is tested in
tests/lang/<iso>/test_actors_<iso>.py.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import time
from pathlib import Path

import pytest
import spacy

from newsevents.actors import ActorMention, ActorRecognizer, load_lexicon, load_people, resolve
from newsevents.actors.people import Office, Person, resolve_many
from newsevents.errors import UnsupportedLanguage

ROOT = Path(__file__).resolve().parents[2]
LANG = ROOT / "newsevents" / "lang"
D2022 = dt.date(2022, 3, 1)


@pytest.fixture(scope="module")
def nl():
    return spacy.blank("nl")


@pytest.fixture(scope="module")
def en():
    return spacy.blank("en")


def test_mention_offsets_point_at_the_text(nl):
    doc = nl("Gisteren sprak de Russische president Vladimir Poetin met de NAVO in Brussel.")
    mentions = ActorRecognizer("nl").find(doc, D2022)
    assert all(isinstance(m, ActorMention) for m in mentions)
    for m in mentions:
        assert doc.text[m.start_char:m.end_char] == m.text == doc[m.start:m.end].text
    assert [m.text for m in mentions] == ["Russische president Vladimir Poetin", "NAVO", "Brussel"]


def test_find_on_a_span_gives_doc_token_indices(nl):
    doc = nl("Het weer was goed. Toen kwamen Oekraïense soldaten naar Kyiv.")
    sent = doc[5:]
    assert sent.text.startswith("Toen")
    mentions = ActorRecognizer("nl").find(sent, D2022)
    first = mentions[0]
    assert (first.text, first.code, first.sector) == ("Oekraïense soldaten", "UKR", "MIL")
    assert doc[first.start:first.end].text == "Oekraïense soldaten"
    assert doc.text[first.start_char:first.end_char] == "Oekraïense soldaten"
    # nothing from outside the span
    assert all(m.start >= 5 for m in mentions)


@pytest.mark.parametrize("day,code,sector", [
    (dt.date(2010, 6, 1), "NOR", "GOV"),   # Norway's prime minister
    (dt.date(2014, 1, 1), "NOR", None),    # between offices: just a Norwegian
    (dt.date(2022, 1, 14), "NATO", "GOV"),
    (dt.date(2024, 10, 1), "NOR", None),   # hand-over day belongs to the successor
])
def test_stoltenberg_by_date(nl, day, code, sector):
    [m] = ActorRecognizer("nl").find(nl("Stoltenberg waarschuwde opnieuw."), day)
    assert (m.code, m.sector, m.kind, m.name) == (code, sector, "person", "Jens Stoltenberg")


@pytest.mark.parametrize("day,code,role", [
    (dt.date(2022, 5, 1), "NLD", "Prime Minister of the Netherlands"),
    (dt.date(2025, 3, 1), "NATO", "Secretary General of NATO"),
])
def test_rutte_by_date(en, day, code, role):
    [m] = ActorRecognizer("en").find(en("Rutte spoke first."), day)
    assert (m.code, m.role) == (code, role)


def test_a_surname_that_is_someone_elses_first_name_is_not_that_person(en):
    rec = ActorRecognizer("en")
    assert rec.find(en("General Michel Aoun refused."), D2022) == []
    [m] = rec.find(en("Michel spoke to Aoun."), D2022)
    assert m.name == "Charles Michel"


def test_trump_between_his_terms_is_american_without_office(en):
    rec = ActorRecognizer("en")
    assert rec.find(en("Trump said."), dt.date(2019, 1, 1))[0].sector == "GOV"
    between = rec.find(en("Trump said."), dt.date(2022, 1, 1))[0]
    assert (between.code, between.sector, between.role) == ("USA", None, None)
    assert rec.find(en("Trump said."), dt.date(2025, 2, 1))[0].sector == "GOV"


def test_rinkevics_foreign_minister_then_president():
    person = next(p for p in load_people() if "Edgars Rinkevics" in p.names)
    assert resolve(person, dt.date(2022, 1, 14)).role == "Minister of Foreign Affairs of Latvia"
    assert resolve(person, dt.date(2024, 1, 1)).role == "President of Latvia"
    assert resolve(person, dt.date(2005, 1, 1)).code == "LVA"


def test_namesakes_resolve_to_the_one_in_office():
    a = Person("A Smith", "GBR", (Office("GBR", "GOV", "PM", dt.date(2000, 1, 1), dt.date(2001, 1, 1)),), ("A Smith",), ("Smith",))
    b = Person("B Smith", "CAN", (Office("CAN", "GOV", "PM", dt.date(2005, 1, 1), None),), ("B Smith",), ("Smith",))
    assert resolve_many([a, b], dt.date(2000, 6, 1))[0] is a
    assert resolve_many([a, b], dt.date(2006, 6, 1))[0] is b
    assert resolve_many([a, b], dt.date(2003, 6, 1)) is None  # two countries, nobody in office


def test_unknown_language_is_a_numbered_error():
    with pytest.raises(UnsupportedLanguage, match=r"\[E008\].*'xx'"):
        ActorRecognizer("xx")


def test_lexicon_is_built_once_per_language():
    assert ActorRecognizer("nl").lexicon is ActorRecognizer("nl").lexicon
    assert ActorRecognizer("nl").lexicon is not ActorRecognizer("en").lexicon


def test_building_is_fast():
    load_lexicon.cache_clear()
    for lang in ("nl", "en"):
        started = time.perf_counter()
        load_lexicon(lang)
        assert time.perf_counter() - started < 1.0


def test_find_is_fast_on_a_500_word_article(nl):
    text = " ".join(["De Russische militairen trokken zich volgens NAVO-topman Stoltenberg niet terug uit de"
                     " Donbass-regio, zei president Joe Biden over de Verenigde Staten en"
                     " Europese bondgenoten in Brussel."] * 18)
    doc = nl(text)
    assert len(doc) > 500
    rec = ActorRecognizer("nl")
    rec.find(doc, D2022)
    started = time.perf_counter()
    for _ in range(10):
        mentions = rec.find(doc, D2022)
    per_doc = (time.perf_counter() - started) / 10
    assert len(mentions) >= 18 * 7
    assert per_doc < 0.02, f"{per_doc * 1000:.1f} ms per 500-word article"


# ---------------------------------------------------------------- the data files
@pytest.mark.parametrize("path", sorted(LANG.glob("*/actors.yaml")) + sorted(LANG.glob("*/organisations.yaml"))
                         + sorted(LANG.glob("*/country_aliases.yaml")) + [ROOT / "newsevents" / "data" / "office_holders.yaml"],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_data_file_names_its_source(path):
    assert path.read_text(encoding="utf-8").startswith("# source:")


def test_every_language_has_the_same_files():
    names = {lang.name: sorted(p.name for p in lang.glob("*") if p.name in
                               {"actors.yaml", "organisations.yaml", "countries.json", "country_aliases.yaml"})
             for lang in LANG.iterdir() if (lang / "actors.yaml").exists()}
    assert len(set(map(tuple, names.values()))) == 1, names


REGIONS = {"WST", "EUR", "AFR", "ASA", "MEA", "LAM", "SAM", "NMR", "CAM", "CRB", "EEU", "CEU", "BLK",
           "CAU", "CAS", "SAS", "SEA", "NAF", "WAF", "EAF", "SAF", "CFR", "SCN", "PGS"}
SECTORS = {"GOV", "MIL", "REB", "POL", "OPP", "PTY", "LEG", "JUD", "BUS", "MED", "CVL", "REF", "SPY",
           "PRO", "ELI", "LAB", "EDU", "NGO", "CRM"}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_code_is_a_country_region_or_organisation(lang):
    lex = load_lexicon(lang)
    countries = set(json.loads((LANG / lang / "countries.json").read_text(encoding="utf-8"))["countries"])
    orgs = {e.codes[0] for es in lex.entries.values() for e in es if e.kind == "organisation"} - countries
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]{1,8}", o) for o in orgs)
    for entries in lex.entries.values():
        for e in entries:
            assert set(e.codes) <= countries | REGIONS | orgs, (e.surface, e.codes)
            assert e.sector is None or e.sector in SECTORS, (e.surface, e.sector)


def test_office_holders_are_consistent():
    people = load_people()
    assert len(people) >= 150
    codes = set(json.loads((LANG / "en" / "countries.json").read_text(encoding="utf-8"))["countries"])
    for p in people:
        assert p.nationality in codes
        for o in p.offices:
            assert o.sector in SECTORS and o.role
            assert o.end is None or o.start < o.end, p.name


@pytest.mark.parametrize("lang,minimum", [("nl", 150), ("en", 150)])
def test_demonyms_cover_most_countries(lang, minimum):
    lex = load_lexicon(lang)
    covered = {e.codes[0] for es in lex.entries.values() for e in es if e.kind == "demonym"} - REGIONS
    assert len(covered) >= minimum


def test_doc_date_may_be_a_datetime_string_or_docdate(en):
    from newsevents.documents import DocDate

    rec = ActorRecognizer("en")
    doc = en("Rutte arrived.")
    assert rec.find(doc, dt.datetime(2025, 1, 5, 12, 0))[0].code == "NATO"
    assert rec.find(doc, "2022-06-01")[0].code == "NLD"
    # a month is read at its middle: October 2024 is after the hand-over on the 1st
    assert rec.find(doc, DocDate.parse("2024-10"))[0].code == "NATO"
    assert rec.find(doc, DocDate.parse("2023"))[0].code == "NLD"
