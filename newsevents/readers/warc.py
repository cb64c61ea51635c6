"""WARC and ARC web archives (plain or gzipped), via warcio.

Every successful HTML response in the archive is run through the HTML
extractor; redirects, images, scripts and error pages are skipped. A damaged
archive keeps the records read before the damage and reports where it broke.
"""
from __future__ import annotations

import logging
import zlib
from pathlib import Path

from ..documents import DocDate
from ..errors import InputError
from . import register_reader
from .html import document_from_html

log = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


@register_reader(".warc", ".warc.gz", ".arc", ".arc.gz")
def read_warc(path: Path, default_date=None):
    """Yield one Document per HTML page in a WARC/ARC archive."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    size = path.stat().st_size
    if size == 0:
        raise InputError("E001", path=path)
    pages, end = 0, 0
    with path.open("rb") as stream:
        records = ArchiveIterator(stream, arc2warc=True)
        try:
            for record in records:
                item = _record_document(record, path, default_date)
                records.read_to_end(record)
                end = records.get_record_offset() + records.get_record_length()
                if item is not None:
                    pages += 1
                    yield item
        except (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError) as err:
            yield InputError("E034", path=path, offset=end, detail=str(err).strip().splitlines()[0][:200])
            return
    if _unread_tail(path, end, size):
        # warcio stops quietly at a cut-off gzip member: an interrupted download
        yield InputError("E034", path=path, offset=end, detail=f"{size - end} bytes after the last whole record")
    elif pages == 0:
        log.info("%s: no HTML pages in this archive", path)


def _unread_tail(path: Path, end: int, size: int) -> bool:
    """Whether bytes follow the last whole record (an uncompressed record's CRLFs do not count)."""
    if size - end > 16:
        return True
    with path.open("rb") as stream:
        stream.seek(end)
        return bool(stream.read().strip())


def _record_document(record, path: Path, default_date):
    if record.rec_type not in ("response", "resource"):
        return None
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if status and not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if not content_type.lower().startswith(_HTML_TYPES):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
    payload = record.content_stream().read()
    if not payload.strip():
        return None
    doc = document_from_html(
        payload,
        doc_id=url or record_id.strip("<>") or f"{path.name}:{record.raw_stream.tell()}",
        source=f"{path}#{url or record_id}",
        url=url,
        default_date=default_date,
        fallback_date=_crawl_date(record.rec_headers.get_header("WARC-Date")),
    )
    if doc is None:
        return InputError("E030", path=f"{path}#{url or record_id}")
    doc.meta["warc_record_id"] = record_id
    return doc


def _crawl_date(value) -> DocDate | None:
    """When the crawler saw the page: an upper bound on its date, used only if the page gives none."""
    try:
        return DocDate.parse((value or "")[:10])
    except ValueError:
        return None
