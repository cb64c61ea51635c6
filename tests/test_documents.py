import datetime as dt

import pytest

from newsevents.documents import DocDate, Document


@pytest.mark.parametrize("text,precision,start,end", [
    ("2022", "year", dt.date(2022, 1, 1), dt.date(2022, 12, 31)),
    ("2022-01", "month", dt.date(2022, 1, 1), dt.date(2022, 1, 31)),
    ("2024-02", "month", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    ("2022-01-14", "day", dt.date(2022, 1, 14), dt.date(2022, 1, 14)),
    ("2022-01-14T08:30:00Z", "day", dt.date(2022, 1, 14), dt.date(2022, 1, 14)),
])
def test_docdate_keeps_its_precision(text, precision, start, end):
    date = DocDate.parse(text)
    assert (date.precision, date.start, date.end) == (precision, start, end)
    assert str(date) == text[: len(str(date))]


@pytest.mark.parametrize("bad", ["gisteren", "2022-13", "2022-02-30", "14/01/2022", "20220"])
def test_docdate_rejects_what_is_not_a_date(bad):
    with pytest.raises(ValueError):
        DocDate.parse(bad)


def test_empty_date_is_none():
    assert DocDate.parse("") is None and DocDate.parse(None) is None


def test_content_hash_depends_on_content_not_id():
    a = Document(id="a", text="Tekst.", date=DocDate.parse("2022-01"))
    b = Document(id="b", text="Tekst.", date=DocDate.parse("2022-01"))
    c = Document(id="a", text="Andere tekst.", date=DocDate.parse("2022-01"))
    assert a.content_hash == b.content_hash != c.content_hash
