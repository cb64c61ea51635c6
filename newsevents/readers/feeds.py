"""RSS and Atom feeds, from files or from ``http(s)://`` URLs, via feedparser.

Each entry is one document: its full content when the feed carries it, else its
summary; dated by the entry's own publication date. A URL that turns out to be
an HTML page rather than a feed is read as one article.
"""
from __future__ import annotations

import calendar
import datetime as dt
import logging
import urllib.error
import urllib.request
from pathlib import Path

from ..documents import DocDate, Document
from ..errors import InputError
from . import register_reader
from .html import decode_html, document_from_html, paragraphs

log = logging.getLogger(__name__)

USER_AGENT = "newsevents (+https://pypi.org/project/newsevents/)"
FETCH_TIMEOUT = 30


def is_url(value) -> bool:
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


@register_reader(".rss", ".atom", ".xml")
def read_feed_file(path: Path, default_date=None):
    """A feed saved as a file."""
    data = path.read_bytes()
    if not data.strip():
        raise InputError("E001", path=path)
    yield from documents_from_feed(data, where=str(path), default_date=default_date)


def read_url(url: str, default_date=None):
    """Fetch a URL: a feed yields its entries, an HTML page yields its article."""
    try:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
            data = response.read()
            content_type = response.headers.get("Content-Type", "")
            charset = response.headers.get_content_charset()
    except (urllib.error.URLError, OSError, ValueError) as err:
        yield InputError("E032", url=url, detail=getattr(err, "reason", None) or err)
        return
    if not data.strip():
        yield InputError("E001", path=url)
        return
    if "html" in content_type and not _looks_like_feed(data):
        doc = document_from_html(decode_html(data, charset), doc_id=url, source=url, url=url, default_date=default_date)
        yield doc if doc is not None else InputError("E030", path=url)
        return
    yield from documents_from_feed(data, where=url, default_date=default_date)


def _looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def documents_from_feed(data: bytes, *, where: str, default_date=None):
    """Yield a Document (or InputError) for every entry of a parsed feed."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        detail = feed.get("bozo_exception") or "no entries"
        if feed.version or not feed.bozo:
            detail = "the feed has no entries"
        yield InputError("E031", path=where, detail=detail)
        return
    if feed.bozo:
        log.info("%s: feed is not well-formed (%s); read leniently", where, feed.get("bozo_exception"))
    feed_language = _language(feed.feed.get("language"))
    for number, entry in enumerate(feed.entries, start=1):
        try:
            yield _entry_document(entry, number, where=where, feed_language=feed_language, default_date=default_date)
        except InputError as err:
            yield err


def _entry_document(entry, number: int, *, where: str, feed_language, default_date) -> Document:
    title = (entry.get("title") or "").strip() or None
    text = _entry_text(entry)
    if not text:
        raise InputError("E033", path=where, line=number, title=title or "untitled")
    link = entry.get("link") or None
    date = _entry_date(entry) or default_date
    return Document(
        id=str(entry.get("id") or link or f"{Path(where).name}:{number}"),
        text=text,
        date=date,
        language=_language(entry.get("language")) or feed_language,
        title=title,
        url=link,
        source=f"{where}:{number}",
        meta={"feed_entry": number},
    )


def _entry_text(entry) -> str:
    """The longest of the entry's full contents and summary, as plain paragraphs."""
    candidates = [c.get("value", "") for c in entry.get("content", []) or []]
    candidates.append(entry.get("summary", "") or "")
    best = max(candidates, key=len)
    return html_fragment_text(best)


def html_fragment_text(fragment: str) -> str:
    """Plain text of a small HTML fragment, one paragraph per block element."""
    if "<" not in fragment:
        return paragraphs(fragment)
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several parser errors on broken fragments
        return paragraphs(fragment)
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        block.tail = "\n" + (block.tail or "")
    return paragraphs(root.text_content())


def _entry_date(entry) -> DocDate | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("created_parsed")
    if not parsed:
        return None
    # feedparser normalises to UTC struct_time
    moment = dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.timezone.utc)
    return DocDate(moment.year, moment.month, moment.day)


def _language(value) -> str | None:
    if not value:
        return None
    return str(value).split("-")[0].split("_")[0].lower() or None
