"""The event store: the one module that writes SQL.

Everything else in newsevents talks to :class:`Store` methods. The SQL is portable
(it runs unchanged on DuckDB and PostgreSQL; only the placeholder style differs, and
:mod:`.backends` adapts that), so a test suite parametrised over both backends
checks one set of statements.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass, field
from importlib import resources

from . import records
from .backends import connect
from .errors import StoreError

log = logging.getLogger(__name__)

FREQS = {"day": "day", "week": "week", "month": "month", "daily": "day", "weekly": "week",
         "monthly": "month"}
ROLES = ("actor", "recipient", "any")
_AGG = """COUNT(*) AS events, COALESCE(SUM(score), 0) AS score,
    COALESCE(SUM(CASE WHEN score > 0 THEN score ELSE 0 END), 0) AS cooperation,
    COALESCE(SUM(CASE WHEN score < 0 THEN -score ELSE 0 END), 0) AS conflict,
    SUM(CASE WHEN quad = 'verbal_cooperation' THEN 1 ELSE 0 END) AS verbal_cooperation,
    SUM(CASE WHEN quad = 'material_cooperation' THEN 1 ELSE 0 END) AS material_cooperation,
    SUM(CASE WHEN quad = 'verbal_conflict' THEN 1 ELSE 0 END) AS verbal_conflict,
    SUM(CASE WHEN quad = 'material_conflict' THEN 1 ELSE 0 END) AS material_conflict"""
_EVENT_COLUMNS = """e.event_id, e.doc_id, e.sentence_index, e.type, e.mode, e.aux, e.quad, e.score,
    e.event_date, e.date_start, e.date_end, e.actor_codes, e.recipient_codes, e.trigger_text, e.place, e.place_country,
    e.lat, e.lon, e.mentions, e.language, s.text AS sentence, d.title AS doc_title, d.url AS doc_url"""
_EVENT_JOIN = """FROM events e
    LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.sentence_index = e.sentence_index
    LEFT JOIN documents d ON d.doc_id = e.doc_id"""


@dataclass
class EventFilter:
    """What to select events by; every field is optional and they combine with AND.

    ``actor``/``recipient`` select a directed dyad (either alone selects one side);
    ``undirected`` also accepts the reverse direction; ``involving`` matches a code
    in either role. ``aux`` lists the auxiliary modes to keep, ``"real"`` meaning a
    reported real event (aux null); ``None`` keeps all.
    """

    actor: str | None = None
    recipient: str | None = None
    undirected: bool = False
    involving: str | None = None
    types: list[str] = field(default_factory=list)
    aux: list[str] | None = None
    quad: str | None = None
    start: dt.date | str | None = None
    end: dt.date | str | None = None
    place: str | None = None
    q: str | None = None
    doc_id: str | None = None


class Store:
    """Documents, sentences, events and actors in DuckDB or PostgreSQL."""

    def __init__(self, target: str, read_only: bool = False):
        self.target = str(target)
        self.read_only = read_only
        self.db = connect(self.target, read_only=read_only)
        self.backend = self.db.name
        try:
            if read_only and self.backend == "postgres":
                self.db.execute("SET default_transaction_read_only = on")
            self._migrate()
        except BaseException:
            self.db.close()  # DuckDB refuses a second, differently configured connection otherwise
            raise

    # -- schema ----------------------------------------------------------------------------
    @staticmethod
    def migrations() -> list[tuple[int, str, str]]:
        """The numbered migration files shipped in ``store/migrations``, in order."""
        folder = resources.files(__package__) / "migrations"
        found = []
        for item in folder.iterdir():
            if item.name.endswith(".sql") and item.name[:3].isdigit():
                found.append((int(item.name[:3]), item.name, item.read_text(encoding="utf-8")))
        return sorted(found)

    def schema_version(self) -> int:
        present = self.db.query("SELECT table_name FROM information_schema.tables "
                                "WHERE table_name = ?", ["schema_migrations"])
        if not present:
            return 0
        return self.db.query("SELECT MAX(version) AS v FROM schema_migrations")[0]["v"] or 0

    def _migrate(self) -> None:
        """Apply every migration newer than the database, each in its own transaction."""
        version, pending = self.schema_version(), self.migrations()
        needed = pending[-1][0] if pending else 0
        if version > needed:
            raise StoreError("E302", target=self.target, found=version, needed=needed)
        if version == needed:
            return
        if self.read_only:
            raise StoreError("E301", target=self.target, found=version, needed=needed)
        if version == 0:
            self.db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                            "name TEXT NOT NULL, applied_at TIMESTAMP)")
        for number, name, sql in pending:
            if number > version:
                with self.db.transaction():
                    self.db.script(sql)
                    self.db.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                                    [number, name, dt.datetime.now()])
                log.info("%s: applied migration %s", self.target, name)

    # -- writing ---------------------------------------------------------------------------
    def has_document(self, content_hash: str) -> bool:
        return bool(self.db.query("SELECT 1 AS x FROM documents WHERE content_hash = ?", [content_hash]))

    def add_document(self, document, sentences: list[dict], events: list[dict]) -> bool:
        """Store one coded document; False (and nothing written) if its content is stored.

        A document whose id is stored with other content (an edited article) replaces
        the old version, so counts never include both.
        """
        return self.add_documents([(document, sentences, events)]) == 1

    def add_documents(self, batch, size: int = 500) -> int:
        """Store many ``(document, sentences, events)`` at once; returns how many were new.

        Much faster than one call a document (one transaction and a few multi-row
        INSERTs per ``size`` documents); the same idempotence rules apply.
        """
        added, chunk = 0, []
        for item in batch:
            chunk.append(item)
            if len(chunk) >= size:
                added, chunk = added + self._insert(chunk), []
        return added + (self._insert(chunk) if chunk else 0)

    def _insert(self, chunk: list) -> int:
        hashes = list({doc.content_hash for doc, _, _ in chunk})
        stored = {r["content_hash"] for r in self.db.query(
            "SELECT content_hash FROM documents WHERE content_hash IN "
            f"({', '.join('?' * len(hashes))})", hashes)}
        fresh, seen = [], set()
        for doc, sentences, events in chunk:
            if doc.content_hash not in stored and doc.content_hash not in seen and doc.id not in seen:
                seen.update((doc.content_hash, doc.id))
                fresh.append((doc, sentences, records.event_rows(doc, events)))
        if not fresh:
            return 0
        ids = [doc.id for doc, _, _ in fresh]
        for row in self.db.query(f"SELECT doc_id FROM documents WHERE doc_id IN ({', '.join('?' * len(ids))})",
                                 ids):
            log.info("document %s changed since it was stored: replacing it", row["doc_id"])
            self.delete_document(row["doc_id"])
        now = dt.datetime.now()
        table = {"documents": [], "sentences": [], "events": [], "mentions": [], "dyads": [], "actors": {}}
        for doc, sentences, rows in fresh:
            table["documents"].append(records.document_row(doc, now))
            table["sentences"] += records.sentence_rows(doc.id, sentences)
            for name in ("events", "mentions", "dyads"):
                table[name] += rows[name]
            table["actors"].update((row[0], row) for row in rows["actors"])
        table["actors"] = list(table["actors"].values())
        with self.db.transaction():
            for name, width in (("documents", 12), ("sentences", 5), ("events", 28), ("mentions", 8),
                                ("dyads", 8), ("actors", 3)):
                conflict = "" if name == "documents" else " ON CONFLICT DO NOTHING"
                self.db.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' * width)}){conflict}",
                                    table[name])
        return len(fresh)

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document with its sentences, events and mentions."""
        with self.db.transaction():
            found = self.db.query("SELECT 1 AS x FROM documents WHERE doc_id = ?", [doc_id])
            for table in ("mentions", "dyads"):
                self.db.execute(f"DELETE FROM {table} WHERE event_id IN "
                                "(SELECT event_id FROM events WHERE doc_id = ?)", [doc_id])
            for table in ("events", "sentences", "documents"):
                self.db.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
        return bool(found)

    # -- filters ---------------------------------------------------------------------------
    @staticmethod
    def _where(f: EventFilter, alias: str = "e") -> tuple[str, list]:
        clauses, params = ["1 = 1"], []
        pair = "d.source = ? AND d.target = ?" if f.actor and f.recipient else (
            "d.source = ?" if f.actor else "d.target = ?" if f.recipient else None)
        if pair:
            values = [v for v in (f.actor, f.recipient) if v]
            if f.undirected and f.actor and f.recipient:
                pair = f"(({pair}) OR (d.source = ? AND d.target = ?))"
                values += [f.recipient, f.actor]
            elif f.undirected:
                pair, values = "(d.source = ? OR d.target = ?)", values * 2
            clauses.append(f"EXISTS (SELECT 1 FROM dyads d WHERE d.event_id = {alias}.event_id AND {pair})")
            params += values
        if f.involving:
            clauses.append(f"EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = {alias}.event_id "
                           "AND m.code = ?)")
            params.append(f.involving)
        if f.types:
            clauses.append(f"{alias}.type IN ({', '.join('?' * len(f.types))})")
            params += [t.upper() for t in f.types]
        if f.aux is not None:
            named = [a for a in f.aux if a not in ("real", "none", "null", None)]
            parts = [f"{alias}.aux IS NULL"] if len(named) < len(f.aux) else []
            if named:
                parts.append(f"{alias}.aux IN ({', '.join('?' * len(named))})")
                params += named
            clauses.append("(" + (" OR ".join(parts) or "1 = 0") + ")")
        for column, value in (("quad", f.quad), ("doc_id", f.doc_id)):
            if value:
                clauses.append(f"{alias}.{column} = ?")
                params.append(value)
        if f.start:
            clauses.append(f"{alias}.event_date >= ?")
            params.append(_date(f.start))
        if f.end:
            clauses.append(f"{alias}.event_date <= ?")
            params.append(_date(f.end))
        if f.place:
            clauses.append(f"({alias}.place ILIKE ? OR {alias}.place_country = ?)")
            params += [f"%{f.place}%", f.place.upper()]
        if f.q:
            clauses.append("EXISTS (SELECT 1 FROM sentences s2 WHERE s2.doc_id = "
                           f"{alias}.doc_id AND s2.sentence_index = {alias}.sentence_index "
                           "AND s2.text ILIKE ?)")
            params.append(f"%{f.q}%")
        return " AND ".join(clauses), params

    # -- reading ---------------------------------------------------------------------------
    def count_events(self, f: EventFilter | None = None) -> int:
        where, params = self._where(f or EventFilter())
        return self.db.query(f"SELECT COUNT(*) AS n FROM events e WHERE {where}", params)[0]["n"]

    def events(self, f: EventFilter | None = None, limit: int = 100, offset: int = 0,
               order: str = "date") -> list[dict]:
        """Events with their sentence and document title, newest first (or worst first)."""
        where, params = self._where(f or EventFilter())
        by = {"date": "e.event_date DESC, e.event_id", "score": "e.score ASC, e.event_id",
              "doc": "e.doc_id, e.sentence_index, e.event_id"}.get(order, "e.event_date DESC, e.event_id")
        # pick the page from events alone, then join sentences and documents to those rows only
        page = _EVENT_JOIN.replace("FROM events e", f"FROM (SELECT * FROM events e WHERE {where} "
                                   f"ORDER BY {by} LIMIT ? OFFSET ?) e")
        rows = self.db.query(f"SELECT {_EVENT_COLUMNS} {page} ORDER BY {by}", params + [int(limit), int(offset)])
        return [_tidy(row) for row in rows]

    def records(self, f: EventFilter | None = None, batch: int = 5000):
        """Yield each selected event's full record as the coder wrote it (for exports)."""
        where, params = self._where(f or EventFilter())
        offset = 0
        while True:
            rows = self.db.query(f"SELECT e.record, d.url FROM events e LEFT JOIN documents d "
                                 f"ON d.doc_id = e.doc_id WHERE {where} ORDER BY e.event_date, "
                                 "e.event_id LIMIT ? OFFSET ?", params + [batch, offset])
            for row in rows:
                record = json.loads(row["record"])
                record.setdefault("url", row["url"])
                yield record
            if len(rows) < batch:
                return
            offset += batch

    def event(self, event_id: str) -> dict | None:
        """One event with its sentence and the spans to highlight, relative to the sentence."""
        rows = self.db.query(f"SELECT {_EVENT_COLUMNS}, e.record, e.sentence_start, e.trigger_start, "
                             f"e.trigger_end, s.start_char AS s_start {_EVENT_JOIN} WHERE e.event_id = ?",
                             [event_id])
        if not rows:
            return None
        row = rows[0]
        record = json.loads(row.pop("record"))
        s_start, e_start = row.pop("s_start"), row.pop("sentence_start")
        base = s_start if s_start is not None else e_start
        spans = [{"role": "trigger", "start": row.pop("trigger_start"), "end": row.pop("trigger_end"),
                  "text": row.get("trigger_text")}]
        spans += [{"role": m["role"], "start": m["start_char"], "end": m["end_char"], "text": m["text"],
                   "code": m["code"]} for m in self.db.query(
            "SELECT role, position, code, text, start_char, end_char FROM mentions WHERE event_id = ? "
            "ORDER BY role, position", [event_id])]
        row = _tidy(row)
        row["record"] = record
        row["highlights"] = _relative(spans, base or 0, row.get("sentence") or "")
        return row

    def document(self, doc_id: str) -> dict | None:
        """A document, its sentences and its events (with highlight spans into the text)."""
        docs = self.db.query("SELECT doc_id, title, url, source, language, doc_date, text FROM documents "
                             "WHERE doc_id = ?", [doc_id])
        if not docs:
            return None
        doc = docs[0]
        doc["sentences"] = self.db.query("SELECT sentence_index AS \"index\", start_char AS start, "
                                         "end_char AS \"end\", text FROM sentences WHERE doc_id = ? "
                                         "ORDER BY sentence_index", [doc_id])
        doc["events"] = self.events(EventFilter(doc_id=doc_id), limit=10000, order="doc")
        spans = self.db.query("SELECT m.event_id, m.role, m.code, m.start_char AS start, m.end_char AS "
                              "\"end\" FROM mentions m JOIN events e ON e.event_id = m.event_id "
                              "WHERE e.doc_id = ? UNION ALL SELECT event_id, 'trigger', type, trigger_start, "
                              "trigger_end FROM events WHERE doc_id = ? ORDER BY 4", [doc_id, doc_id])
        doc["highlights"] = [s for s in spans if s["start"] is not None and s["end"] is not None]
        return doc

    def documents(self, limit: int = 100, offset: int = 0) -> list[dict]:
        return self.db.query("SELECT d.doc_id, d.title, d.doc_date, d.language, d.url, "
                             "(SELECT COUNT(*) FROM events e WHERE e.doc_id = d.doc_id) AS events "
                             "FROM documents d ORDER BY d.date_start DESC, d.doc_id LIMIT ? OFFSET ?",
                             [int(limit), int(offset)])

    # -- aggregates ------------------------------------------------------------------------
    def series(self, f: EventFilter | None = None, freq: str = "week", role: str = "actor") -> list[dict]:
        """Counts, score sums and quad counts per period for the selected events.

        With ``involving`` set, ``role`` says which side the actor must be on; each
        event counts once however many actor pairs it has.
        """
        unit = _freq(freq)
        f = f or EventFilter()
        if role not in ROLES:
            raise StoreError("E304", value=role, what="role", expected="actor, recipient or any")
        if f.involving and role != "any":
            f = _replace(f, involving=None, undirected=False, **{role: f.involving})
        if f.actor and f.recipient and not (f.place or f.q or f.doc_id or f.involving):
            return self._dyad_series(f, unit)
        where, params = self._where(f)
        rows = self.db.query(f"SELECT CAST(date_trunc('{unit}', CAST(e.event_date AS TIMESTAMP)) AS DATE) "
                             f"AS period, {_AGG} FROM events e WHERE e.event_date IS NOT NULL AND {where} "
                             "GROUP BY 1 ORDER BY 1", params)
        return [_numbers(row) for row in rows]

    def _dyad_series(self, f: EventFilter, unit: str) -> list[dict]:
        """The common case, straight from the dyad index (no join back to events)."""
        pair, params = "(dy.source = ? AND dy.target = ?)", [f.actor, f.recipient]
        if f.undirected:
            pair, params = f"({pair} OR (dy.source = ? AND dy.target = ?))", params + [f.recipient, f.actor]
        where, more = self._where(_replace(f, actor=None, recipient=None, undirected=False), alias="dy")
        rows = self.db.query(
            f"SELECT CAST(date_trunc('{unit}', CAST(event_date AS TIMESTAMP)) AS DATE) AS period, {_AGG} "
            f"FROM (SELECT DISTINCT dy.event_id, dy.event_date, dy.score, dy.quad FROM dyads dy WHERE {pair} "
            f"AND dy.event_date IS NOT NULL AND {where}) x GROUP BY 1 ORDER BY 1", params + more)
        return [_numbers(row) for row in rows]

    def dyad_periods(self, freq: str = "week", undirected: bool = True, aux: list | None = ("real",),
                     start=None, end=None) -> list[dict]:
        """Per dyad and period: events, conflict and cooperation sums (for alerts and trends)."""
        unit = _freq(freq)
        pair = ("LEAST(source, target) AS source, GREATEST(source, target) AS target" if undirected
                else "source, target")
        where, params = self._where(EventFilter(aux=list(aux) if aux is not None else None,
                                                start=start, end=end), alias="dy")
        rows = self.db.query(
            f"SELECT source, target, CAST(date_trunc('{unit}', CAST(event_date AS TIMESTAMP)) AS DATE) "
            f"AS period, {_AGG} FROM (SELECT DISTINCT dy.event_id, {pair}, dy.event_date, dy.score, dy.quad "
            f"FROM dyads dy WHERE dy.source <> '' AND dy.target <> '' AND dy.source <> dy.target "
            f"AND dy.event_date IS NOT NULL AND {where}) x GROUP BY 1, 2, 3 ORDER BY 1, 2, 3", params)
        return [_numbers(row) for row in rows]

    def actors(self, limit: int = 200, q: str | None = None) -> list[dict]:
        """Actor codes with a label and how often each acts and is acted upon."""
        where, params = ("WHERE m.code ILIKE ? OR m.text ILIKE ?", [f"%{q}%", f"%{q}%"]) if q else ("", [])
        rows = self.db.query(
            "SELECT m.code, MAX(a.name) AS name, MAX(a.sector) AS sector, "
            "COUNT(DISTINCT CASE WHEN m.role = 'actor' THEN m.event_id END) AS as_actor, "
            "COUNT(DISTINCT CASE WHEN m.role = 'recipient' THEN m.event_id END) AS as_recipient, "
            "COUNT(DISTINCT m.event_id) AS events FROM mentions m LEFT JOIN actors a ON a.code = m.code "
            f"{where} GROUP BY m.code HAVING m.code IS NOT NULL ORDER BY events DESC, m.code LIMIT ?",
            params + [int(limit)])
        names = self._names([row["code"] for row in rows])
        for row in rows:
            row["name"] = names.get(row["code"], row["name"])
        return rows

    def _names(self, codes: list[str]) -> dict[str, str]:
        """Each code's most frequent mention text: 'Russia' for RUS, not the first one seen."""
        if not codes:
            return {}
        best: dict[str, tuple[int, str]] = {}
        for row in self.db.query("SELECT code, text, COUNT(*) AS n FROM mentions WHERE code IN "
                                 f"({', '.join('?' * len(codes))}) AND text IS NOT NULL GROUP BY code, text",
                                 codes):
            key = (row["n"], row["text"])
            if row["code"] not in best or key > best[row["code"]]:
                best[row["code"]] = key
        return {code: text for code, (_, text) in best.items()}

    def dyads(self, f: EventFilter | None = None, limit: int = 100, undirected: bool = False) -> list[dict]:
        """The busiest dyads (directed by default), with their net score and conflict share."""
        where, params = self._where(f or EventFilter(), alias="dy")
        pair = ("LEAST(dy.source, dy.target) AS source, GREATEST(dy.source, dy.target) AS target"
                if undirected else "dy.source, dy.target")
        rows = self.db.query(
            f"SELECT source, target, {_AGG} FROM (SELECT DISTINCT dy.event_id, {pair}, dy.score, dy.quad "
            f"FROM dyads dy WHERE dy.source <> '' AND dy.target <> '' AND dy.source <> dy.target AND {where}) x "
            "GROUP BY 1, 2 ORDER BY events DESC, source, target LIMIT ?", params + [int(limit)])
        return [_numbers(row) for row in rows]

    def places(self, f: EventFilter | None = None, limit: int = 500) -> list[dict]:
        where, params = self._where(f or EventFilter())
        rows = self.db.query(
            "SELECT e.place, e.place_country AS country, e.lat, e.lon, COUNT(*) AS events, "
            "AVG(e.score) AS mean_score FROM events e WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL "
            f"AND {where} GROUP BY 1, 2, 3, 4 ORDER BY events DESC LIMIT ?", params + [int(limit)])
        return [_numbers(row) for row in rows]

    def stats(self) -> dict:
        row = self.db.query("SELECT (SELECT COUNT(*) FROM documents) AS documents, "
                            "(SELECT COUNT(*) FROM events) AS events, "
                            "(SELECT COUNT(*) FROM actors) AS actors, "
                            "(SELECT MIN(event_date) FROM events) AS first_date, "
                            "(SELECT MAX(event_date) FROM events) AS last_date")[0]
        row["types"] = {r["type"]: r["n"] for r in self.db.query(
            "SELECT type, COUNT(*) AS n FROM events GROUP BY type ORDER BY n DESC")}
        row["backend"], row["schema_version"] = self.backend, self.schema_version()
        return _tidy(row)

    def close(self) -> None:
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _freq(freq: str) -> str:
    if freq not in FREQS:
        raise StoreError("E304", value=freq, what="frequency", expected="day, week or month")
    return FREQS[freq]


def _date(value) -> dt.date:
    parsed = records.to_date(value)
    if parsed is None:
        raise StoreError("E304", value=value, what="date", expected="YYYY-MM-DD")
    return parsed


def _replace(f: EventFilter, **changes) -> EventFilter:
    return EventFilter(**{**f.__dict__, **changes})


def _tidy(row: dict) -> dict:
    """JSON-friendly values: dates as ISO strings, codes as lists."""
    for key, value in list(row.items()):
        if isinstance(value, (dt.date, dt.datetime)):
            row[key] = value.isoformat()
        elif key in ("actor_codes", "recipient_codes"):
            row[key] = value.split("|") if value else []
    return row


def _numbers(row: dict) -> dict:
    for key, value in row.items():
        if hasattr(value, "is_finite"):  # Decimal from PostgreSQL's SUM
            row[key] = float(value)
    return _tidy(row)


def _relative(spans: list[dict], base: int, sentence: str) -> list[dict]:
    """Document offsets to sentence offsets; spans outside the sentence are dropped."""
    out = []
    for span in spans:
        if span["start"] is None or span["end"] is None:
            continue
        start, end = span["start"] - base, span["end"] - base
        if 0 <= start < end <= len(sentence):
            out.append({**span, "start": start, "end": end})
    return sorted(out, key=lambda s: s["start"])
