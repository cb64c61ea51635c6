"""Where coded documents go: JSON Lines, a readable table, Parquet partitions, the store.

Every sink that can resume keeps a *journal*: an append-only log of commits, each
one JSON line naming the documents (by :func:`document_key`) whose events are
durably written, and how far the output had got. A commit is written only after
the events are flushed and fsynced, and a commit line counts only when it is
whole. On resume, anything written after the last whole commit is cut away, so a
``kill -9`` at any moment loses nothing that was committed and writes nothing twice.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import uuid
from pathlib import Path

from .errors import NewsEventsError

log = logging.getLogger(__name__)

FORMATS = ("jsonl", "table", "parquet")
JOURNAL_SUFFIX = ".journal"
PART_ROWS = 20_000  # events per Parquet part file: what a kill -9 can cost is recoded on resume


def document_key(doc) -> str:
    """What the journal remembers a document by: its id and its content.

    The id is included because syndicated copies with the same text are different
    documents (different sources) and must each be coded once.
    """
    return hashlib.sha256(f"{doc.id}\x1f{doc.content_hash}".encode("utf-8")).hexdigest()[:32]


class Journal:
    """The append-only commit log of one sink."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.keys: set[str] = set()
        self.last: dict = {}
        self._file = None

    def load(self) -> "Journal":
        """Read every whole commit; drop a torn last line left by a killed run."""
        if not self.path.exists():
            return self
        data = self.path.read_bytes()
        good = 0
        for line in data.splitlines(keepends=True):
            try:
                commit = json.loads(line) if line.endswith(b"\n") else None
            except json.JSONDecodeError:
                commit = None
            if not isinstance(commit, dict):
                break
            good += len(line)
            self.keys.update(commit.get("keys", ()))
            self.last = commit
        if good < len(data):
            log.info("%s: dropping an unfinished journal entry from an interrupted run", self.path)
            with self.path.open("r+b") as handle:
                handle.truncate(good)
        return self

    def commit(self, keys: list[str], **state) -> None:
        if self._file is None:
            self._file = self.path.open("ab")
        self._file.write((json.dumps({"keys": keys, **state}) + "\n").encode("utf-8"))
        _durable(self._file)
        self.keys.update(keys)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def _durable(handle) -> None:
    handle.flush()
    os.fsync(handle.fileno())


class Sink:
    """Receives coded documents in input order."""

    done: frozenset | set = frozenset()  # keys of documents this sink already has

    def has(self, doc, key: str) -> bool:
        """Whether this document is already written here (so a rerun need not code it)."""
        return key in self.done

    def write(self, results: list) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass


# --------------------------------------------------------------------------- JSON Lines


def event_lines(result) -> list[str]:
    """The JSON lines of one coded document, one per event."""
    return [json.dumps(event, ensure_ascii=False) for event in result.events]


class JsonlSink(Sink):
    """JSON Lines to a path (resumable) or to an open text stream (not resumable)."""

    def __init__(self, output, *, resume: bool = True):
        self.journal = None
        if hasattr(output, "write"):
            self.stream, self.path = output, None
            return
        self.path = Path(output)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.journal = Journal(self.path.with_name(self.path.name + JOURNAL_SUFFIX))
        if resume and self.path.exists() and self.path.stat().st_size and not self.journal.path.exists():
            raise NewsEventsError("E043", path=self.path, journal=self.journal.path.name)
        if not resume:
            self.journal.path.unlink(missing_ok=True)
            self.path.write_bytes(b"")
        self.journal.load()
        self._cut_to(self.journal.last.get("offset", 0))
        self.done = self.journal.keys
        self.stream = self.path.open("ab")

    def _cut_to(self, offset: int) -> None:
        """Remove whatever a killed run wrote after its last commit (whole or torn lines)."""
        if not self.path.exists():
            self.path.write_bytes(b"")
        size = self.path.stat().st_size
        if size > offset:
            with self.path.open("r+b") as handle:
                handle.seek(offset)
                cut = handle.read().count(b"\n") + 1
                handle.truncate(offset)
            log.warning("%s", NewsEventsError("E042", path=self.path, count=cut).args[0])

    def write(self, results: list) -> None:
        lines = [line for result in results for line in event_lines(result)]
        text = "".join(line + "\n" for line in lines)
        if self.journal is None:
            self.stream.write(text)
            self.stream.flush()
            return
        self.stream.write(text.encode("utf-8"))
        _durable(self.stream)
        self.journal.commit([r.key for r in results], offset=self.stream.tell())

    def close(self) -> None:
        if self.journal is not None:
            self.stream.close()
            self.journal.close()
        else:
            self.stream.flush()


# --------------------------------------------------------------------------- table


TABLE_ROWS = 40


def _actors(entities) -> str:
    return ", ".join(e.get("code") or e.get("text") or "?" for e in entities or []) or "–"


def _event_row(event: dict) -> tuple[str, ...]:
    sentence = event.get("sentence") or ""
    snippet = sentence if len(sentence) <= 64 else sentence[:63] + "…"
    date = event.get("date") or {}
    span = date.get("start") or ""
    if date.get("end") and date.get("end") != date.get("start"):
        span = f"{span}…{date['end']}"
    where = event.get("where") or {}
    kind = event.get("type") or ""
    if (event.get("mentions") or 1) > 1:
        kind += f" ×{event['mentions']}"
    return (
        f"{event.get('doc_id', '')}:{event.get('sentence_index', '')}", snippet, kind,
        event.get("aux") or "", f"{_actors(event.get('actor'))} → {_actors(event.get('recipient'))}",
        span, where.get("text") or where.get("country") or "",
    )


def render_table(events: list[dict], console) -> None:
    """Print events as a readable table: doc, sentence, type, aux, actor → recipient, date, place."""
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold", expand=False)
    for name, style in (("doc:sent", "dim"), ("sentence", None), ("type", "bold cyan"), ("aux", "magenta"),
                        ("actor → recipient", "green"), ("date", None), ("place", None)):
        table.add_column(name, style=style, overflow="fold")
    for event in events:
        table.add_row(*_event_row(event))
    console.print(table)


class TableSink(Sink):
    """A rich table, printed in blocks so that a long run shows events as they come."""

    def __init__(self, output):
        from rich.console import Console

        self._owned = None
        if not hasattr(output, "write"):
            self._owned = output = open(output, "w", encoding="utf-8")
        self.console = Console(file=output, soft_wrap=False, width=None if output.isatty() else 160)
        self.pending: list[dict] = []

    def write(self, results: list) -> None:
        self.pending.extend(event for result in results for event in result.events)
        if len(self.pending) >= TABLE_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self.pending:
            render_table(self.pending, self.console)
            self.pending = []

    def close(self) -> None:
        self._flush()
        if self._owned:
            self._owned.close()


# --------------------------------------------------------------------------- Parquet


def _parquet_schema():
    import pyarrow as pa

    text, num, strings = pa.string(), pa.float64(), pa.list_(pa.string())
    return pa.schema([
        ("event_id", text), ("doc_id", text), ("story_id", text), ("language", text), ("doc_date", text),
        ("sentence_index", pa.int32()), ("sentence", text), ("type", text), ("mode", text), ("aux", text),
        ("quad", text), ("score", num), ("mentions", pa.int32()), ("actor_codes", strings),
        ("recipient_codes", strings), ("date_start", text), ("date_end", text), ("date_precision", text),
        ("where_text", text), ("where_country", text), ("where_lat", num), ("where_lon", num),
        ("record", text),
    ])


def parquet_row(event: dict) -> dict:
    """Flat columns for querying, plus the whole record as JSON so that nothing is lost."""
    date, where = event.get("date") or {}, event.get("where") or {}
    return {
        "event_id": event.get("event_id"), "doc_id": event.get("doc_id"), "story_id": event.get("story_id"),
        "language": event.get("language"), "doc_date": event.get("doc_date"),
        "sentence_index": event.get("sentence_index"), "sentence": event.get("sentence"),
        "type": event.get("type"), "mode": event.get("mode"), "aux": event.get("aux"), "quad": event.get("quad"),
        "score": event.get("score"), "mentions": event.get("mentions") or 1,
        "actor_codes": [e.get("code") for e in event.get("actor") or [] if e.get("code")],
        "recipient_codes": [e.get("code") for e in event.get("recipient") or [] if e.get("code")],
        "date_start": date.get("start"), "date_end": date.get("end"), "date_precision": date.get("precision"),
        "where_text": where.get("text"), "where_country": where.get("country"),
        "where_lat": where.get("lat"), "where_lon": where.get("lon"),
        "record": json.dumps(event, ensure_ascii=False),
    }


def partition_of(event: dict) -> str:
    """Partitions by the document's month: small enough to prune, big enough to be few."""
    doc_date = str(event.get("doc_date") or "")
    return f"doc_month={doc_date[:7]}" if len(doc_date) >= 7 else f"doc_month={doc_date[:4] or 'unknown'}"


class ParquetSink(Sink):
    """A folder of Parquet files, ``doc_month=YYYY-MM/part-….parquet`` (Hive partitioning)."""

    def __init__(self, output, *, resume: bool = True, part_rows: int = PART_ROWS):
        if hasattr(output, "write"):
            raise NewsEventsError("E040", path=getattr(output, "name", "a stream"))
        self.root = Path(output)
        if self.root.exists() and not self.root.is_dir():
            raise NewsEventsError("E040", path=self.root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.part_rows = part_rows
        self.journal = Journal(self.root / "_journal.jsonl")
        if not resume:
            self.journal.path.unlink(missing_ok=True)
        self.journal.load()
        self._remove_uncommitted()
        self.done = self.journal.keys
        self.rows: list[dict] = []
        self.keys: list[str] = []

    def _committed_parts(self) -> set[str]:
        parts = set()
        if self.journal.path.exists():
            for line in self.journal.path.read_text("utf-8").splitlines():
                parts.update(json.loads(line).get("parts", ()))
        return parts

    def _remove_uncommitted(self) -> None:
        keep = self._committed_parts()
        for part in self.root.glob("doc_month=*/part-*"):
            if part.relative_to(self.root).as_posix() not in keep:
                part.unlink()

    def write(self, results: list) -> None:
        for result in results:
            self.rows.extend(parquet_row(event) for event in result.events)
            self.keys.append(result.key)
        if len(self.rows) >= self.part_rows:
            self._flush()

    def _flush(self) -> None:
        if not self.keys:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        by_partition: dict[str, list[dict]] = {}
        for row in self.rows:
            by_partition.setdefault(partition_of(row), []).append(row)
        parts = []
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
        for partition, rows in sorted(by_partition.items()):
            folder = self.root / partition
            folder.mkdir(exist_ok=True)
            name = f"{partition}/part-{stamp}-{uuid.uuid4().hex[:8]}.parquet"
            tmp = self.root / (name + ".tmp")
            pq.write_table(pa.Table.from_pylist(rows, schema=_parquet_schema()), tmp)
            with tmp.open("rb") as handle:
                os.fsync(handle.fileno())
            os.replace(tmp, self.root / name)
            parts.append(name)
        self.journal.commit(self.keys, parts=parts)
        self.rows, self.keys = [], []

    def close(self) -> None:
        self._flush()
        self.journal.close()


# --------------------------------------------------------------------------- the store


class StoreSink(Sink):
    """``newsevents.store``: every document with its sentences and events."""

    def __init__(self, db, *, resume: bool = True):
        try:
            from .store import open_store
        except ImportError as err:
            raise NewsEventsError("E041", detail=err) from None
        self.store = open_store(db)
        self.resume = resume

    def has(self, doc, key: str) -> bool:
        # the store is its own journal: a document is in it, with all its events, or not at all
        return self.resume and self.store.has_document(doc.content_hash)

    def write(self, results: list) -> None:
        """One transaction for the chunk; the store skips content it already has."""
        self.store.add_documents([(r.document, r.sentences, r.events) for r in results])

    def close(self) -> None:
        close = getattr(self.store, "close", None)
        if close:
            close()


def open_sinks(output, fmt: str | None, db, *, resume: bool) -> list[Sink]:
    """The sinks for one run; ``output=None`` with no ``db`` means stdout; ``fmt=None`` writes only to ``db``."""
    import sys

    if fmt is not None and fmt not in FORMATS:
        raise NewsEventsError("E015", fmt=fmt, known=", ".join(FORMATS))
    sinks: list[Sink] = []
    if fmt is not None and (output is not None or db is None):
        target = sys.stdout if output is None or output == "-" else output
        if fmt == "jsonl":
            sinks.append(JsonlSink(target, resume=resume))
        elif fmt == "table":
            sinks.append(TableSink(target))
        else:
            sinks.append(ParquetSink(target, resume=resume))
    if db is not None:
        sinks.append(StoreSink(db, resume=resume))
    return sinks
