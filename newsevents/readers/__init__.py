"""Readers turn files into :class:`~newsevents.documents.Document` objects.

Each reader is registered for file suffixes. Readers *yield* an
:class:`~newsevents.errors.InputError` for a bad file or line instead of raising,
so that one broken line never costs the other documents of a run.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..documents import DocDate, Document
from ..errors import InputError

log = logging.getLogger(__name__)

READERS: dict[str, Callable[..., Iterator[Document | InputError]]] = {}
DEFAULT_MAX_CHARS = 1_000_000  # ~150,000 words: far beyond an article


def register_reader(*suffixes: str):
    """Register a reader function for one or more file suffixes (``".jsonl"``)."""

    def wrap(func):
        for suffix in suffixes:
            READERS[suffix] = func
        return func

    return wrap


def read_bytes_as_text(path: Path) -> str:
    """Read a file as UTF-8, raising a specific InputError for empty, binary or mis-encoded files."""
    data = path.read_bytes()
    if not data.strip():
        raise InputError("E001", path=path)
    if b"\x00" in data[:65536]:
        raise InputError("E002", path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError("E003", path=path, offset=err.start, line=line) from None


def parse_doc_date(value, *, path, line) -> DocDate | None:
    try:
        return DocDate.parse(value)
    except (ValueError, TypeError):
        raise InputError("E006", path=path, line=line, value=value) from None


def iter_documents(
    paths: Iterable[str | os.PathLike],
    *,
    date: str | None = None,
    language: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Document | InputError]:
    """Yield every document (or the error that replaced it) from files and folders.

    ``date`` and ``language`` fill in what a file does not say itself.
    """
    from . import feeds, formats, html, parquet, warc  # noqa: F401  (registers the built-in readers)

    default_date = DocDate.parse(date) if date else None
    for raw in paths:
        if feeds.is_url(raw):
            yield from _with_language(feeds.read_url(raw, default_date=default_date), language)
            continue
        path = Path(raw)
        if not path.exists():
            yield InputError("E011", path=path)
            continue
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")) if path.is_dir() else [path]
        for file in files:
            yield from _read_file(file, default_date, language, max_chars, quiet_unknown=path.is_dir())


def _with_language(items, language):
    for item in items:
        if isinstance(item, Document):
            item.language = item.language or language
        yield item


def _read_file(path: Path, default_date, language, max_chars, quiet_unknown=False):
    suffixes = "".join(path.suffixes[-2:]).lower()
    reader = READERS.get(suffixes) or READERS.get(path.suffix.lower())
    if reader is None:
        if quiet_unknown:
            log.info("skipping %s: no reader for this suffix", path)
            return
        yield InputError("E012", path=path, suffix=path.suffix, known=", ".join(sorted(READERS)))
        return
    try:
        for item in reader(path, default_date=default_date):
            if isinstance(item, Document):
                item.language = item.language or language
                if len(item.text) > max_chars:
                    item = InputError("E014", where=item.source or path, size=len(item.text), limit=max_chars)
            yield item
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError("E011", path=f"{path} ({err.strerror})")
