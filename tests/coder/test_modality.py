"""A feared, denied, conditional or planned event never comes out as a real one."""
import pytest

from newsevents import code_text


def events(text, lang, date="2023-03-10"):
    return [(e["type"], e["aux"]) for e in code_text(text, date=date, language=lang)]


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "China did not attack Taiwan.", ("ASSAULT", "negated")),
    ("nl", "China viel Taiwan niet aan.", ("ASSAULT", "negated")),
    ("nl", "Duitsland en Frankrijk komen volgende week bijeen in Parijs.", ("CONSULT", "future")),
    ("en", "Japan and South Korea will hold talks in Tokyo next week.", ("CONSULT", "future")),
    ("nl", "In 2014 lijfde Rusland de Krim in.", ("COERCE", "historical")),
])
def test_aux_modes(lang, text, expected):
    assert expected in events(text, lang)


@pytest.mark.parametrize("lang,text", [
    ("en", "If Russia attacks Moldova, NATO would respond."),
    ("nl", "Er is grote vrees voor een Russische inval in Moldavië."),
    ("en", "Moscow denied plans for an invasion of Moldova."),
])
def test_feared_denied_or_conditional_attacks_are_not_real(lang, text):
    found = events(text, lang)
    assert ("ASSAULT", None) not in found


def test_a_refusal_is_a_reject_that_happened():
    found = events("Palestinians and Israelis failed to reach an agreement.", "en")
    assert ("REJECT", None) in found and ("AGREE", None) not in found


def test_a_conditional_sanction_is_a_threat():
    found = events("If Russia invades Moldova, the EU will impose sanctions.", "en")
    assert ("THREATEN", None) in found and ("SANCTION", None) not in found
