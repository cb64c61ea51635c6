"""HTML pages: the article's main text, title and publication date, via trafilatura.

A saved news page is mostly navigation, adverts and footers; coding those would
invent events from menu items. trafilatura keeps the article body only. The WARC
and feed readers reuse :func:`document_from_html` for the pages they carry.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

from ..documents import DocDate, Document
from ..errors import InputError
from . import register_reader

log = logging.getLogger(__name__)

# publication date, not the "last modified" one; no guessing from the URL alone
_DATE_PARAMS = {"original_date": True, "extensive_search": False}
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Decode HTML bytes by the declared charset, then the page's ``<meta charset>``, then UTF-8.

    Web pages, unlike the project's text inputs, are often not UTF-8, so a
    legacy encoding is honoured rather than refused.
    """
    candidates = [declared] if declared else []
    meta = _CHARSET.search(data[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "ignore"))
    for encoding in candidates + ["utf-8"]:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


def paragraphs(text: str) -> str:
    """trafilatura separates paragraphs by one newline; the project's texts use a blank line."""
    parts = (line.strip() for line in text.splitlines())
    return "\n\n".join(part for part in parts if part)


def document_from_html(
    html: str | bytes,
    *,
    doc_id: str,
    source: str,
    url: str | None = None,
    default_date: DocDate | None = None,
    fallback_date: DocDate | None = None,
) -> Document | None:
    """Extract one article from a page, or None when the page has no main text.

    The date is the page's own publication date; failing that ``default_date``
    (the user's ``--date``) and then ``fallback_date`` (e.g. when a crawler saw it).
    """
    import trafilatura

    if isinstance(html, bytes):
        html = decode_html(html)
    extracted = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if extracted is None:
        return None
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = paragraphs(data.get("text") or "")
    if not text:
        return None
    title = (data.get("title") or "").strip() or None
    date, date_source = _page_date(data.get("date")), "page"
    if date is None:
        date, date_source = (default_date, "given") if default_date else (fallback_date, "fallback")
    meta = {"date_source": date_source if date else None}
    if data.get("sitename"):
        meta["site"] = data["sitename"]
    return Document(
        id=doc_id, text=text, date=date, language=(data.get("language") or None), title=title,
        url=url or data.get("url") or None, source=source, meta=meta,
    )


def _page_date(value) -> DocDate | None:
    try:
        return DocDate.parse(value)
    except (TypeError, ValueError):
        log.debug("ignoring unparseable page date %r", value)
        return None


@register_reader(".html", ".htm", ".xhtml")
def read_html(path: Path, default_date=None):
    """One saved web page: its article text, title and publication date."""
    data = path.read_bytes()
    if not data.strip():
        raise InputError("E001", path=path)
    if b"\x00" in data[:65536]:
        raise InputError("E002", path=path)
    doc = document_from_html(data, doc_id=path.name, source=str(path), default_date=default_date)
    if doc is None:
        raise InputError("E030", path=path)
    yield doc
