"""Export selected events to CSV, JSON Lines, Parquet or GDELT-style TSV.

JSON Lines keeps each record exactly as the coder wrote it; CSV and Parquet get one
flat row an event (codes joined with ``;``) so spreadsheets and data frames read them.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

from .errors import StoreError
from .store import EventFilter, Store

FORMATS = ("jsonl", "csv", "parquet", "gdelt")
FLAT = ["event_id", "doc_id", "doc_date", "date_start", "date_end", "date_precision", "type", "mode",
        "context", "aux", "quad", "score", "actor_codes", "actor_text", "recipient_codes",
        "recipient_text", "trigger", "place", "place_country", "lat", "lon", "mentions", "language",
        "sentence", "url"]


def flat(record: dict) -> dict:
    """One event record as a flat row over :data:`FLAT`."""
    def entities(role, key):
        value = record.get(role) or []
        value = [value] if isinstance(value, dict) else value
        return ";".join(str(e.get(key) or "") for e in value)

    date = record.get("date") or {}
    where = record.get("where") or {}
    return {"event_id": record.get("event_id"), "doc_id": record.get("doc_id"),
            "doc_date": record.get("doc_date"), "date_start": date.get("start"), "date_end": date.get("end"),
            "date_precision": date.get("precision"), "type": record.get("type"), "mode": record.get("mode"),
            "context": ";".join(record.get("context") or []), "aux": record.get("aux"),
            "quad": record.get("quad"), "score": record.get("score"),
            "actor_codes": entities("actor", "code"), "actor_text": entities("actor", "text"),
            "recipient_codes": entities("recipient", "code"), "recipient_text": entities("recipient", "text"),
            "trigger": (record.get("trigger") or {}).get("text"), "place": where.get("text"),
            "place_country": where.get("country"), "lat": where.get("lat"), "lon": where.get("lon"),
            "mentions": record.get("mentions") or 1, "language": record.get("language"),
            "sentence": record.get("sentence"), "url": record.get("url")}


def guess_format(path: str | Path, fmt: str | None) -> str:
    if fmt:
        if fmt not in FORMATS:
            raise StoreError("E304", value=fmt, what="export format", expected=", ".join(FORMATS))
        return fmt
    suffix = Path(str(path)).suffix.lower().lstrip(".")
    return {"parquet": "parquet", "csv": "csv", "tsv": "gdelt", "json": "jsonl"}.get(suffix, "jsonl")


def export(store: Store, out, fmt: str = "jsonl", f: EventFilter | None = None) -> int:
    """Write the selected events to ``out`` (a path, or a text stream for non-Parquet)."""
    records = store.records(f)
    if fmt == "parquet":
        return _parquet(records, out)
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            return export(store, stream, fmt, f)
    if fmt == "gdelt":
        from ..gdelt import write_gdelt

        return write_gdelt(records, out)
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=FLAT, lineterminator="\n")
        writer.writeheader()
        for count, record in enumerate(records, 1):
            writer.writerow(flat(record))
        return count
    for count, record in enumerate(records, 1):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return count


def _parquet(records, path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"score": pa.float64(), "lat": pa.float64(), "lon": pa.float64(), "mentions": pa.int64()}
    schema = pa.schema([(name, types.get(name, pa.string())) for name in FLAT])
    count, rows = 0, []
    with pq.ParquetWriter(str(path), schema) as writer:
        for record in records:
            rows.append(flat(record))
            if len(rows) >= 5000:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                count, rows = count + len(rows), []
        if rows or not count:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    return count + len(rows)
