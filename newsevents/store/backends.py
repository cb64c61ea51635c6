"""Connections to DuckDB and PostgreSQL behind one small interface.

The store writes its SQL once, with ``?`` placeholders; each backend adapts the
placeholder style and the transaction calls of its driver. No SQL text is written
here: :mod:`newsevents.store.store` owns it all.
"""
from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from .errors import StoreError


class Backend:
    """A connection guarded by a lock: web workers share one store safely."""

    name = "?"

    def __init__(self):
        self.lock = threading.RLock()

    def _cursor(self):
        raise NotImplementedError

    def _sql(self, sql: str) -> str:
        return sql

    def query(self, sql: str, params=()) -> list[dict]:
        """Run a SELECT and return its rows as dicts."""
        with self.lock:
            cur = self._cursor()
            cur.execute(self._sql(sql), list(params))
            columns = [c[0] for c in cur.description]
            return [dict(zip(columns, row)) for row in cur.fetchall()]

    def execute(self, sql: str, params=()) -> None:
        with self.lock:
            self._cursor().execute(self._sql(sql), list(params))

    def executemany(self, sql: str, rows: list) -> None:
        if rows:
            with self.lock:
                self._cursor().executemany(self._sql(sql), rows)

    def script(self, sql: str) -> None:
        """Run a migration file: statements separated by ``;`` at line ends."""
        lines = [line for line in sql.splitlines() if not line.lstrip().startswith("--")]
        for statement in "\n".join(lines).split(";\n"):
            if statement.strip().rstrip(";").strip():
                self.execute(statement.strip().rstrip(";"))

    @contextlib.contextmanager
    def transaction(self):
        raise NotImplementedError
        yield

    def close(self) -> None:
        raise NotImplementedError


class DuckDBBackend(Backend):
    name = "duckdb"

    def __init__(self, path: str, read_only: bool = False):
        super().__init__()
        import duckdb

        self.path = path
        if read_only and path != ":memory:" and not Path(path).exists():
            raise StoreError("E300", target=path)
        try:
            self.con = duckdb.connect(path, read_only=read_only)
        except duckdb.Error as err:
            raise StoreError("E306", target=path, detail=str(err).splitlines()[0]) from err

    def _cursor(self):
        return self.con

    def executemany(self, sql: str, rows: list) -> None:
        """One multi-row INSERT: DuckDB's executemany prepares per row and is ~100x slower."""
        if not rows:
            return
        head, _, tail = sql.partition(" VALUES ")
        one, _, rest = tail.partition(")")
        one += ")"
        for i in range(0, len(rows), 500):
            chunk = rows[i:i + 500]
            params = [value for row in chunk for value in row]
            with self.lock:
                self.con.execute(f"{head} VALUES {', '.join([one] * len(chunk))}{rest}", params)

    @contextlib.contextmanager
    def transaction(self):
        with self.lock:
            self.con.begin()
            try:
                yield
            except BaseException:
                self.con.rollback()
                raise
            self.con.commit()

    def close(self) -> None:
        self.con.close()


class PostgresBackend(Backend):
    name = "postgres"

    def __init__(self, url: str, read_only: bool = False):
        super().__init__()
        try:
            import psycopg
        except ImportError as err:  # pragma: no cover - psycopg is a dependency
            raise StoreError("E303") from err
        self.path = url
        try:
            self.con = psycopg.connect(url, autocommit=True)
        except psycopg.Error as err:
            raise StoreError("E306", target=_redact(url), detail=str(err).strip().splitlines()[0]) from err
        self._tx = None

    def _cursor(self):
        return self.con.cursor()

    def _sql(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    @contextlib.contextmanager
    def transaction(self):
        with self.lock, self.con.transaction():
            yield

    def close(self) -> None:
        self.con.close()


def _redact(url: str) -> str:
    """Hide a password in a URL before it reaches a message or a log."""
    if "@" in url and ":" in url.split("://", 1)[-1].split("@", 1)[0]:
        scheme, rest = url.split("://", 1)
        user, host = rest.split("@", 1)
        return f"{scheme}://{user.split(':', 1)[0]}:***@{host}"
    return url


def connect(target: str, read_only: bool = False) -> Backend:
    """DuckDB for a file path (or ``:memory:``), PostgreSQL for a ``postgresql://`` URL."""
    target = str(target)
    if target.startswith(("postgresql://", "postgres://")):
        return PostgresBackend(target, read_only=read_only)
    if target.startswith("duckdb://"):
        target = target[len("duckdb://"):]
    return DuckDBBackend(target, read_only=read_only)
