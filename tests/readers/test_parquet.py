"""Parquet tables with the JSON Lines columns, read in batches, bad rows reported by number."""
import datetime as dt

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsevents.documents import DocDate
from newsevents.errors import InputError
from newsevents.readers import iter_documents


def test_rows_become_documents(tmp_path):
    path = tmp_path / "articles.parquet"
    pq.write_table(pa.table({
        "id": ["p1", "p2", "p3"],
        "date": ["2022-03-04", "2022-03", None],
        "text": ["The envoy met the mayor of Kharkiv.", "Talks in Minsk were postponed.", "Het parlement stemde in."],
        "language": ["en", "en", "nl"],
        "title": ["Envoy visits", None, None],
        "url": ["http://127.0.0.1/p1", None, None],
        "extra": [1, 2, 3],  # unknown columns are ignored
    }), path)
    docs = list(iter_documents([path], date="2021"))
    assert [d.id for d in docs] == ["p1", "p2", "p3"]
    assert [d.date for d in docs] == [DocDate(2022, 3, 4), DocDate(2022, 3), DocDate(2021)]
    assert docs[0].title == "Envoy visits" and docs[0].url == "http://127.0.0.1/p1"
    assert docs[2].language == "nl"
    assert docs[1].source == f"{path}:2"


def test_typed_columns(tmp_path):
    """Integer ids and real date columns, as pandas or Spark write them."""
    path = tmp_path / "typed.pq"
    pq.write_table(pa.table({"id": pa.array([7, 8], pa.int64()),
                             "date": pa.array([dt.date(2020, 2, 29), dt.date(2020, 3, 1)], pa.date32()),
                             "text": ["One text.", "Another text."]}), path)
    docs = list(iter_documents([path]))
    assert [d.id for d in docs] == ["7", "8"]
    assert docs[0].date == DocDate(2020, 2, 29)


def test_bad_rows_are_reported_and_the_others_read(tmp_path):
    path = tmp_path / "mixed.parquet"
    pq.write_table(pa.table({"id": ["a", "b", "c", "d"], "date": ["2022-01", "last week", "2022-01", "2022-01"],
                             "text": ["Fine.", "Bad date.", "", "Also fine."]}), path)
    items = list(iter_documents([path]))
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "InputError", "Document"]
    assert items[1].code == "E006" and f"{path}:2" in str(items[1]) and "last week" in str(items[1])
    assert items[2].code == "E007" and f"{path}:3" in str(items[2])


def test_many_rows_stream_in_batches(tmp_path):
    path = tmp_path / "big.parquet"
    n = 2500  # more than one batch
    pq.write_table(pa.table({"id": [str(i) for i in range(n)], "date": ["2022-01"] * n,
                             "text": [f"Text number {i}." for i in range(n)]}), path, row_group_size=700)
    docs = list(iter_documents([path]))
    assert len(docs) == n and docs[-1].id == str(n - 1) and docs[-1].source.endswith(f":{n}")


@pytest.mark.parametrize("content, code", [(b"", "E001"), (b"PAR1 this is not really parquet PAR1", "E035")])
def test_unreadable_files(tmp_path, content, code):
    path = tmp_path / "broken.parquet"
    path.write_bytes(content)
    [err] = list(iter_documents([path]))
    assert isinstance(err, InputError) and err.code == code and "broken.parquet" in str(err)


def test_missing_text_column(tmp_path):
    path = tmp_path / "notext.parquet"
    pq.write_table(pa.table({"id": ["a"], "body": ["x"]}), path)
    [err] = list(iter_documents([path]))
    assert err.code == "E036" and "body" in str(err)
