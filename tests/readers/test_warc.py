"""WARC and ARC web archives: every HTML page is an article; everything else is skipped."""
import gzip
import io
from pathlib import Path

import pytest

from newsevents.documents import DocDate, Document
from newsevents.errors import InputError
from newsevents.readers import iter_documents

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = (FIXTURES / "harbour_talks.html").read_bytes()
UNDATED = ("<html><head><title>Ceasefire holds</title></head><body><article><p>"
           + "The ceasefire between the two provinces held for a third day, a spokesman for the monitors said. " * 4
           + "</p></article></body></html>").encode("utf-8")


def write_warc(path: Path, gzipped: bool) -> None:
    """A small crawl: two articles, an error page, a redirect, an image and a request record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzipped)

        def response(url, status, content_type, body, date="2023-06-01T10:00:00Z"):
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": date})
            writer.write_record(record)

        writer.write_record(writer.create_warc_record("http://127.0.0.1/a", "request", payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")))
        response("http://127.0.0.1/a", "200 OK", "text/html; charset=utf-8", PAGE)
        response("http://127.0.0.1/missing", "404 Not Found", "text/html", b"<html><body>Not found</body></html>")
        response("http://127.0.0.1/old", "301 Moved Permanently", "text/html", b"")
        response("http://127.0.0.1/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
        response("http://127.0.0.1/b", "200 OK", "text/html", UNDATED, date="2023-06-02T11:00:00Z")


@pytest.mark.parametrize("name, gzipped", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_html_responses_become_documents(tmp_path, name, gzipped):
    write_warc(tmp_path / name, gzipped)
    items = list(iter_documents([tmp_path / name]))
    assert all(isinstance(i, Document) for i in items)
    assert [d.id for d in items] == ["http://127.0.0.1/a", "http://127.0.0.1/b"]
    article, undated = items
    assert article.title == "Harbour talks end without a deal"
    assert article.date == DocDate(2023, 5, 17)  # the page's own date, not the crawl's
    assert "Negotiators from Portugal and Morocco" in article.text
    assert article.meta["warc_record_id"].startswith("<urn:uuid:")
    # no date on the page: the crawl date bounds it, and the record says so
    assert undated.date == DocDate(2023, 6, 2)
    assert undated.meta["date_source"] == "fallback"


def test_given_date_beats_the_crawl_date(tmp_path):
    write_warc(tmp_path / "crawl.warc.gz", True)
    undated = list(iter_documents([tmp_path / "crawl.warc.gz"], date="2023-05"))[1]
    assert undated.date == DocDate(2023, 5)


def test_arc_file(tmp_path):
    """The older ARC format (version 1 header, one gzip member per record)."""
    body = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + UNDATED
    filedesc = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    records = [
        b"filedesc://crawl.arc 0.0.0.0 20230601000000 text/plain %d\n%s\n" % (len(filedesc), filedesc),
        b"http://127.0.0.1/b 127.0.0.1 20230603120000 text/html %d\n%s\n" % (len(body), body),
    ]
    path = tmp_path / "crawl.arc.gz"
    path.write_bytes(b"".join(gzip.compress(r) for r in records))
    [doc] = list(iter_documents([path]))
    assert doc.id == "http://127.0.0.1/b"
    assert doc.date == DocDate(2023, 6, 3)
    assert doc.text.startswith("The ceasefire between the two provinces held")


def test_damaged_archive_keeps_what_came_before(tmp_path):
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, True)
    data = whole.read_bytes()
    damaged = tmp_path / "damaged.warc.gz"
    damaged.write_bytes(data[: int(len(data) * 0.93)])  # a download cut off in the last record
    items = list(iter_documents([damaged]))
    assert isinstance(items[0], Document) and items[0].id == "http://127.0.0.1/a"
    assert isinstance(items[-1], InputError) and items[-1].code == "E034"
    assert "damaged.warc.gz" in str(items[-1])
    assert [i.id for i in items if isinstance(i, Document)] == ["http://127.0.0.1/a"]


def test_whole_archive_has_no_error(tmp_path):
    for name, gzipped in (("a.warc", False), ("a.warc.gz", True)):
        write_warc(tmp_path / name, gzipped)
        assert not [i for i in iter_documents([tmp_path / name]) if isinstance(i, InputError)]


def test_empty_archive(tmp_path):
    path = tmp_path / "empty.warc"
    path.write_bytes(b"")
    [err] = list(iter_documents([path]))
    assert err.code == "E001"
