"""HTML pages: the article's text, title and date come out; menus, adverts and footers do not."""
from pathlib import Path

import pytest

from newsevents.documents import DocDate, Document
from newsevents.errors import InputError
from newsevents.readers import iter_documents

FIXTURES = Path(__file__).parent / "fixtures"


def read(*paths, **kwargs):
    return list(iter_documents([str(p) for p in paths], **kwargs))


def test_article_text_title_and_date():
    [doc] = read(FIXTURES / "harbour_talks.html")
    assert isinstance(doc, Document)
    assert doc.title == "Harbour talks end without a deal"
    assert doc.date == DocDate(2023, 5, 17)
    assert doc.meta["date_source"] == "page"
    assert "Negotiators from Portugal and Morocco" in doc.text
    assert "autumn in Rabat." in doc.text
    for boilerplate in ("Subscribe now", "Privacy", "Weather", "Cookies"):
        assert boilerplate not in doc.text


def test_paragraphs_are_separated_by_blank_lines():
    [doc] = read(FIXTURES / "harbour_talks.html")
    paragraphs = doc.text.split("\n\n")
    assert any(p.startswith("The Portuguese minister") for p in paragraphs)
    assert all(p.strip() == p and p for p in paragraphs)


def test_page_without_date_takes_the_given_date(tmp_path):
    page = tmp_path / "nodate.htm"
    page.write_text(
        "<html><body><article><p>" + "The council of the league met in Geneva to discuss the budget. " * 5
        + "</p></article></body></html>", encoding="utf-8")
    [doc] = read(page, date="2021-06")
    assert doc.date == DocDate(2021, 6)
    assert doc.meta["date_source"] == "given"


def test_legacy_encoding_is_honoured(tmp_path):
    page = tmp_path / "latin.html"
    body = "<p>" + "Le ministre français a reçu son homologue à Paris pour évoquer la coopération. " * 4 + "</p>"
    page.write_bytes(('<html><head><meta charset="windows-1252"><title>Réunion à Paris</title></head>'
                      f"<body><article>{body}</article></body></html>").encode("cp1252"))
    [doc] = read(page)
    assert "ministre français a reçu" in doc.text
    assert doc.title == "Réunion à Paris"


@pytest.mark.parametrize("content, code", [(b"", "E001"), (b"\x00\x01\x02<html>", "E002"),
                                           (b"<html><head></head><body></body></html>", "E030")])
def test_bad_pages_are_errors_naming_the_file(tmp_path, content, code):
    page = tmp_path / "bad.html"
    page.write_bytes(content)
    [err] = read(page)
    assert isinstance(err, InputError)
    assert err.code == code
    assert "bad.html" in str(err)
