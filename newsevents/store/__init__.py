"""Where coded events are kept and asked about: DuckDB by default, PostgreSQL by URL.

    from newsevents.store import open_store, EventFilter
    store = open_store("events.duckdb")            # or "postgresql://user@host/db"
    store.add_document(document, sentences, events) # False if already stored
    store.events(EventFilter(actor="RUS", recipient="UKR", aux=["real"]))
"""
from __future__ import annotations

from .errors import StoreError, StoreErrors
from .store import EventFilter, Store


def open_store(url_or_path, read_only: bool = False) -> Store:
    """Open (and create or migrate, unless ``read_only``) an event store.

    A ``postgresql://`` URL opens PostgreSQL; anything else is a DuckDB file path.
    """
    return Store(str(url_or_path), read_only=read_only)


__all__ = ["EventFilter", "Store", "StoreError", "StoreErrors", "open_store"]


def query(db, f: EventFilter | None = None, limit: int = 100, offset: int = 0, order: str = "date") -> list[dict]:
    """Events matching ``f`` from the store at ``db`` (a path, URL or open Store)."""
    store = db if isinstance(db, Store) else open_store(db, read_only=True)
    return store.events(f, limit=limit, offset=offset, order=order)


def actors(db, limit: int = 200, q: str | None = None) -> list[dict]:
    """Actor codes with counts from the store at ``db``."""
    store = db if isinstance(db, Store) else open_store(db, read_only=True)
    return store.actors(limit=limit, q=q)


def export(db, out, fmt: str = "jsonl", f: EventFilter | None = None) -> int:
    """Write matching events to ``out`` as jsonl, csv, parquet or gdelt; returns the count."""
    from .exports import export as _export

    store = db if isinstance(db, Store) else open_store(db, read_only=True)
    return _export(store, out, fmt=fmt, f=f)


__all__ += ["actors", "export", "query"]
