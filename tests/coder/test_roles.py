"""Actor and recipient from the parse (issue 5): active, passive, Dutch V2 inversion, subordinate
clauses, separable verbs and coordinated actors. Sentences written for these tests."""
import pytest

from newsevents import code_text


def roles(text, lang, date="2023-03-10"):
    return [(e["type"], [a["code"] for a in e["actor"]], [r["code"] for r in e["recipient"]], e["aux"])
            for e in code_text(text, date=date, language=lang)]


@pytest.mark.parametrize("lang,text,expected", [
    # active
    ("en", "Russia attacked Ukraine on Thursday.", ("ASSAULT", ["RUS"], ["UKR"], None)),
    ("nl", "Rusland viel donderdag Oekraïne aan.", ("ASSAULT", ["RUS"], ["UKR"], None)),
    # passive: the agent is the actor, the subject the recipient
    ("en", "Ukraine was attacked by Russia on Thursday.", ("ASSAULT", ["RUS"], ["UKR"], None)),
    ("nl", "Oekraïne werd donderdag door Rusland aangevallen.", ("ASSAULT", ["RUS"], ["UKR"], None)),
    # subordinate clause (Dutch verb-final)
    ("en", "The minister said that Germany supports Poland.", ("SUPPORT", ["DEU"], ["POL"], None)),
    ("nl", "De minister zei dat Duitsland Polen steunt.", ("SUPPORT", ["DEU"], ["POL"], None)),
    # separable verbs: "legde … op" is opleggen, "haalde … weg" is weghalen
    ("nl", "Japan legde Noord-Korea vorige week nieuwe sancties op.", ("SANCTION", ["JPN"], ["PRK"], None)),
    ("nl", "Turkije haalde gisteren zijn troepen weg uit Syrië.", ("RETREAT", ["TUR"], ["SYR"], None)),
    # coordinated actors: one compound actor
    ("en", "The United States, NATO and the EU threatened Iran with sanctions.", ("THREATEN", ["USA", "NATO", "EU"], ["IRN"], None)),
])
def test_roles(lang, text, expected):
    assert expected in roles(text, lang)


def test_dutch_v2_inversion_puts_the_subject_after_the_verb():
    # an adverb first, then the finite verb, then the subject
    found = roles("In 2014 lijfde Rusland de Krim in.", "nl", date="2022-01")
    assert ("COERCE", ["RUS"], ["UKR"], "historical") in found


def test_symmetric_meeting_pools_its_parties():
    found = roles("Duitsland en Frankrijk komen volgende week bijeen in Parijs.", "nl")
    assert found and found[0][0] == "CONSULT" and set(found[0][1]) == {"DEU", "FRA"} and found[0][3] == "future"


@pytest.mark.parametrize("lang,text", [
    ("en", "Russia waged a brutal war against Ukraine."),
    ("nl", "Rusland voert een oorlog tegen Oekraïne."),
])
def test_a_war_against_someone_keeps_its_target(lang, text):
    assert ("ASSAULT", ["RUS"], ["UKR"], None) in roles(text, lang)


def test_a_war_between_parties_is_reciprocal():
    found = roles("Russia and Ukraine fought a war.", "en")
    assert found and found[0][0] == "ASSAULT" and set(found[0][1]) == {"RUS", "UKR"} and found[0][2] == []


def test_an_indirect_object_taken_for_a_second_subject_is_the_recipient():
    # a clause has one subject: the second nominal the parser may label nsubj receives the sanctions
    found = roles("Europese landen hebben Wit-Rusland zware sancties opgelegd sinds de verkiezingen van 2020.", "nl")
    assert [f for f in found if f[0] == "SANCTION"] == [("SANCTION", ["EUR"], ["BLR"], "historical")]


def test_a_fronted_clause_is_the_content_of_the_warning_after_it():
    # "…, waarschuwde de minister": the attack is what the warning is about, not an event of its own
    found = roles("De rekening die Iran moet betalen voor een aanval, zal hoog zijn, waarschuwde de Amerikaanse minister.", "nl")
    assert found == [("THREATEN", ["USA"], ["IRN"], None)]
