"""Dutch actor recognition on sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest
import spacy

from newsevents.actors import ActorRecognizer

DAY = dt.date(2022, 1, 14)


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("nl")


@pytest.fixture(scope="module")
def rec():
    return ActorRecognizer("nl")


def found(nlp, rec, text, day=DAY):
    return [(m.text, m.code, m.sector) for m in rec.find(nlp(text), day)]


def test_demonym_and_sector_noun_are_one_actor(nlp, rec):
    assert found(nlp, rec, "Volgens de krant hebben Russische militairen de grens overschreden.") == [
        ("Russische militairen", "RUS", "MIL")]
    assert found(nlp, rec, "Het Oekraïense leger en de Britse regering reageerden.") == [
        ("Oekraïense leger", "UKR", "MIL"), ("Britse regering", "GBR", "GOV")]


def test_minister_with_name_and_department(nlp, rec):
    [m] = rec.find(nlp("Dat zei de Letse minister Edgars Rinkēvičs van Buitenlandse Zaken dinsdag."), DAY)
    assert (m.text, m.code, m.sector, m.kind) == (
        "Letse minister Edgars Rinkēvičs van Buitenlandse Zaken", "LVA", "GOV", "person")
    assert m.role == "Minister of Foreign Affairs of Latvia"


def test_president_with_name(nlp, rec):
    [m] = rec.find(nlp("Later belde de Amerikaanse president Joe Biden."), DAY)
    assert (m.text, m.code, m.sector, m.role) == (
        "Amerikaanse president Joe Biden", "USA", "GOV", "President of the United States")


def test_the_text_names_the_country_even_when_the_office_is_over(nlp, rec):
    # in 2025 Rutte is NATO's secretary general, but the text calls him Dutch prime minister
    [m] = rec.find(nlp("De Nederlandse premier Rutte kwam ook."), dt.date(2025, 3, 1))
    assert (m.code, m.sector, m.role) == ("NLD", "GOV", None)
    [alone] = rec.find(nlp("Rutte kwam ook."), dt.date(2025, 3, 1))
    assert alone.code == "NATO"


def test_bare_sector_noun_is_sector_only(nlp, rec):
    [m] = rec.find(nlp("De separatisten schoten op de stad."), DAY)
    assert (m.text, m.code, m.kind, m.sector, m.codes) == ("separatisten", None, "sector_only", "REB", ())


def test_sector_with_of_phrase_takes_the_country(nlp, rec):
    assert found(nlp, rec, "De president van Oekraïne en de regering in Moskou.") == [
        ("president van Oekraïne", "UKR", "GOV"), ("regering in Moskou", "RUS", "GOV")]
    # "in" plus a country is a place, not an owner: troops in Ukraine are not Ukrainian
    assert found(nlp, rec, "Er staan troepen in Oekraïne.") == [
        ("troepen", None, "MIL"), ("Oekraïne", "UKR", None)]


def test_coordinated_demonyms_share_the_noun(nlp, rec):
    assert found(nlp, rec, "Poolse, Litouwse en Letse soldaten oefenden samen.") == [
        ("Poolse", "POL", "MIL"), ("Litouwse", "LTU", "MIL"), ("Letse soldaten", "LVA", "MIL")]


def test_abbreviations_are_case_sensitive(nlp, rec):
    assert found(nlp, rec, "De VS en de EU waren het eens.") == [("VS", "USA", None), ("EU", "EU", None)]
    assert found(nlp, rec, "Het was thuis vs uit, eu ja.") == []


def test_headline_in_capitals(nlp, rec):
    assert [m.code for m in rec.find(nlp("RUSLAND DREIGT OEKRAÏNE"), DAY)] == ["RUS", "UKR"]


def test_multiword_names(nlp, rec):
    assert found(nlp, rec, "De Verenigde Staten, de Europese Unie en de Europese Commissie.") == [
        ("Verenigde Staten", "USA", None), ("Europese Unie", "EU", None), ("Europese Commissie", "EU", "GOV")]


@pytest.mark.parametrize("token,expected", [
    ("NAVO-landen", [("NATO", None)]),
    ("NAVO-topman", [("NATO", "GOV")]),
    ("NAVO-missie", [("NATO", None)]),
    ("NAVO-Ruslandraad", [("NATO", None), ("RUS", None)]),
    ("NAVO-Ruslandberaad", [("NATO", None), ("RUS", None)]),
    ("EU-landen", [("EU", None)]),
    ("EU-leiders", [("EU", "GOV")]),
    ("VN-Veiligheidsraad", [("UN", None)]),
    ("Donbass-regio", [("UKR", None)]),
    ("Oekraïne-crisis", [("UKR", None)]),
    ("Oekraïnecrisis", [("UKR", None)]),
    ("IS-strijders", [("IMG", "REB")]),
    ("Kremlin-woordvoerder", [("RUS", "GOV")]),
])
def test_hyphenated_compounds(nlp, rec, token, expected):
    doc = nlp(f"Volgens de {token} is het ernstig.")
    assert token in [t.text for t in doc]  # one token in the Dutch tokenizer
    mentions = rec.find(doc, DAY)
    assert [(m.code, m.sector) for m in mentions] == expected
    assert {m.text for m in mentions} == {token}


def test_stance_prefixes_and_backers(nlp, rec):
    mentions = rec.find(nlp("Pro-Russische rebellen en anti-Amerikaanse betogers, door Rusland gesteunde milities."), DAY)
    got = [(m.text, m.code, m.sector, m.modifier) for m in mentions]
    assert got == [
        ("Pro-Russische", "RUS", None, "pro"), ("rebellen", None, "REB", None),
        ("anti-Amerikaanse", "USA", None, "anti"), ("betogers", None, "PRO", None),
        ("Rusland gesteunde", "RUS", None, "backed"), ("milities", None, "REB", None)]


def test_possessives(nlp, rec):
    assert found(nlp, rec, "Poetins toespraak en Amerika's leger en Zelensky's oproep.") == [
        ("Poetins", "RUS", "GOV"), ("Amerika's leger", "USA", "MIL"), ("Zelensky's", "UKR", "GOV")]


def test_person_name_spellings(nlp, rec):
    for name in ("Volodimir Zelensky", "Volodymyr Zelenskyy", "Wolodymyr Zelenski", "Zelenskyj"):
        [m] = rec.find(nlp(f"Daarna sprak {name} lang."), DAY)
        assert (m.code, m.name) == ("UKR", "Volodymyr Zelensky"), name
    assert found(nlp, rec, "Sergej Lavrov en Erdogan") == [("Sergej Lavrov", "RUS", "GOV"), ("Erdogan", "TUR", "GOV")]


def test_seats_of_government(nlp, rec):
    assert found(nlp, rec, "Het Kremlin, het Witte Huis en het Elysée reageerden, net als Kiev.") == [
        ("Kremlin", "RUS", "GOV"), ("Witte Huis", "USA", "GOV"), ("Elysée", "FRA", "GOV"), ("Kiev", "UKR", None)]


def test_groups_and_regions(nlp, rec):
    mentions = rec.find(nlp("De Baltische staten, westerse landen, het Westen, Europese bondgenoten en het Midden-Oosten."), DAY)
    assert [(m.text, m.codes, m.kind) for m in mentions] == [
        ("Baltische staten", ("EST", "LVA", "LTU"), "group"), ("westerse landen", ("WST",), "group"),
        ("Westen", ("WST",), "group"), ("Europese bondgenoten", ("EUR",), "group"),
        ("Midden-Oosten", ("MEA",), "region")]
    assert mentions[0].code == "EST"


def test_country_name_then_noun_is_not_one_actor(nlp, rec):
    # Dutch does not let a name modify the next noun: here "troepen" is the object
    assert found(nlp, rec, "Daarom zouden westerse landen troepen sturen.") == [
        ("westerse landen", "WST", None), ("troepen", None, "MIL")]


def test_ordinary_words_are_not_actors(nlp, rec):
    assert found(nlp, rec, "Let op: de noorderzon en een pool met kalkoen.") == []


def test_continental_demonyms_are_regions(nlp, rec):
    assert found(nlp, rec, "Zuid-Amerikaanse en Noord-Ierse politici.") == [
        ("Zuid-Amerikaanse", "SAM", None), ("Noord-Ierse", "GBR", None)]


def test_compass_part_of_a_country_is_still_the_country(nlp, rec):
    assert found(nlp, rec, "Gevechten in Oost-Oekraïne.") == [("Oost-Oekraïne", "UKR", None)]


def test_glued_s_only_after_lower_case(nlp, rec):
    assert found(nlp, rec, "De RTS-zender en EST.") == []


def test_only_the_head_of_a_compound_gives_a_sector(nlp, rec):
    assert found(nlp, rec, "Het media-evenement en de oud-president.") == [("oud-president", None, "GOV")]
