"""Parquet tables with the JSON Lines columns: id, date, text[, language, title, url].

Large archives are often kept as Parquet. The file is read in record batches, so
a table bigger than memory still streams; a bad row is reported by its row number
(counted from 1, like a line) and the other rows are read.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from . import register_reader
from .formats import _document_from_record

COLUMNS = ("id", "date", "text", "language", "title", "url")
BATCH_ROWS = 1024


@register_reader(".parquet", ".pq")
def read_parquet(path: Path, default_date=None):
    """Yield one Document per row."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if path.stat().st_size == 0:
        raise InputError("E001", path=path)
    try:
        table = pq.ParquetFile(path)
    except (pa.ArrowInvalid, OSError) as err:
        raise InputError("E035", path=path, detail=str(err).splitlines()[0]) from None
    names = table.schema_arrow.names
    if "text" not in names:
        raise InputError("E036", path=path, column="text", found=", ".join(names))
    wanted = [name for name in COLUMNS if name in names]
    row = 0
    for batch in table.iter_batches(batch_size=BATCH_ROWS, columns=wanted):
        for record in batch.to_pylist():
            row += 1
            record = {key: _plain(value) for key, value in record.items()}
            try:
                yield _document_from_record(record, path=path, line=row, default_date=default_date)
            except InputError as err:
                yield err


def _plain(value):
    """ids may be integers in Parquet; the project's ids are strings."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value
