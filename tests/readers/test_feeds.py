"""RSS and Atom feeds, from files and from a URL served on loopback."""
import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from newsevents.documents import DocDate, Document
from newsevents.errors import InputError
from newsevents.readers import iter_documents

FIXTURES = Path(__file__).parent / "fixtures"


def read(*paths, **kwargs):
    return list(iter_documents([str(p) for p in paths], **kwargs))


def test_rss_entries_become_documents():
    items = read(FIXTURES / "ministries.rss")
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.id for d in docs] == ["urn:test:vilnius", "http://127.0.0.1/nieuws/steun"]
    vilnius, steun = docs
    # the full content wins over the one-line summary, paragraph by paragraph
    assert vilnius.text.split("\n\n") == [
        "De minister van Defensie bezocht woensdag de Litouwse hoofdstad Vilnius.",
        "Zij sprak er met haar Litouwse collega over de inzet van Nederlandse militairen in de regio.",
    ]
    assert vilnius.title == "Minister bezoekt Vilnius"
    assert vilnius.language == "nl"
    assert vilnius.date == DocDate(2023, 2, 8)
    assert vilnius.url == "http://127.0.0.1/nieuws/vilnius"
    # 23:30 at UTC-5 is already the next day in UTC
    assert steun.date == DocDate(2023, 2, 10)
    assert steun.text == "Het kabinet maakte donderdag een nieuw steunpakket voor Moldavië bekend."


def test_title_only_entry_is_an_error_with_its_number():
    errors = [i for i in read(FIXTURES / "ministries.rss") if isinstance(i, InputError)]
    assert [e.code for e in errors] == ["E033"]
    assert "ministries.rss" in str(errors[0]) and "entry 3" in str(errors[0])


def test_atom_feed():
    [doc] = read(FIXTURES / "observers.atom")
    assert doc.id == "urn:test:observers:1"
    assert doc.date == DocDate(2024, 3, 1)  # published, not updated
    assert doc.language == "en"
    assert doc.text.startswith("A team of twelve election observers")


def test_xml_that_is_not_a_feed(tmp_path):
    path = tmp_path / "config.xml"
    path.write_text("<?xml version='1.0'?><settings><colour>blue</colour></settings>", encoding="utf-8")
    [err] = read(path)
    assert err.code == "E031" and "config.xml" in str(err)


@pytest.fixture()
def served(tmp_path):
    """A static HTTP server on 127.0.0.1 (the only network the tests use)."""
    shutil.copy(FIXTURES / "ministries.rss", tmp_path / "feed.rss")
    shutil.copy(FIXTURES / "harbour_talks.html", tmp_path / "page.html")
    handler = functools.partial(_QuietHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_feed_url(served):
    docs = [i for i in read(f"{served}/feed.rss") if isinstance(i, Document)]
    assert [d.title for d in docs] == ["Minister bezoekt Vilnius", "Kabinet kondigt steunpakket aan"]
    assert docs[0].source == f"{served}/feed.rss:1"


def test_html_page_url_is_read_as_an_article(served):
    [doc] = read(f"{served}/page.html")
    assert doc.title == "Harbour talks end without a deal"
    assert doc.url == f"{served}/page.html"


def test_unreachable_url_is_an_error_not_a_crash(served):
    items = read(f"{served}/missing.rss", FIXTURES / "observers.atom")
    assert items[0].code == "E032" and "missing.rss" in str(items[0])
    assert isinstance(items[1], Document)
