"""The built-in readers: the seed's dated text format, plain text, JSON Lines and CSV."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from ..documents import Document
from ..errors import InputError
from . import parse_doc_date, read_bytes_as_text, register_reader

# `[whitespace]date YYYY-MM[-DD] <text…>`: the seed's first line
_DATE_MARKER = re.compile(r"^\s*date\s+(\S+)\s*", re.IGNORECASE)


@register_reader(".txt", ".text", "")
def read_text(path: Path, default_date=None):
    """A text file: dated by its first line (``date 2022-01 …``), else by ``--date``."""
    text = read_bytes_as_text(path)
    marker = _DATE_MARKER.match(text)
    date = default_date
    if marker:
        date = parse_doc_date(marker.group(1), path=path, line=1)
        text = text[marker.end():]
    if not text.strip():
        raise InputError("E007", path=path, line=1)
    yield Document(id=path.name, text=text.strip(), date=date, source=str(path))


def _document_from_record(record: dict, *, path: Path, line: int, default_date) -> Document:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("E007", path=path, line=line)
    raw_date = record.get("date")
    date = parse_doc_date(raw_date, path=path, line=line) if raw_date not in (None, "") else default_date
    doc_id = record.get("id")
    return Document(
        id=str(doc_id) if doc_id not in (None, "") else f"{path.name}:{line}",
        text=text,
        date=date,
        language=record.get("language") or None,
        title=record.get("title") or None,
        url=record.get("url") or None,
        source=f"{path}:{line}",
    )


@register_reader(".jsonl", ".ndjson")
def read_jsonl(path: Path, default_date=None):
    """JSON Lines: one object a line with ``id``, ``date``, ``text`` (``language``, ``title``, ``url`` optional)."""
    text = read_bytes_as_text(path)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield InputError("E004", path=path, line=number, detail=err.msg)
            continue
        if not isinstance(record, dict):
            yield InputError("E005", path=path, line=number, kind=type(record).__name__)
            continue
        try:
            yield _document_from_record(record, path=path, line=number, default_date=default_date)
        except InputError as err:
            yield err


@register_reader(".csv", ".tsv")
def read_csv(path: Path, default_date=None):
    """CSV (or TSV) with a header row: ``id``, ``date``, ``text`` and optionally ``language``, ``title``, ``url``."""
    text = read_bytes_as_text(path)
    dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    if "text" not in (reader.fieldnames or []):
        raise InputError("E010", path=path, column="text", found=", ".join(reader.fieldnames or []))
    for record in reader:
        try:
            # the header is line 1; a record's line is where it ends
            yield _document_from_record(record, path=path, line=reader.line_num, default_date=default_date)
        except InputError as err:
            yield err
