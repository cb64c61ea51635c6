"""Numbered errors of the event store (block E300–E319).

They subclass :class:`newsevents.errors.NewsEventsError` so callers catch one type;
the messages live here until the lead folds the block into ``newsevents/errors.py``.
"""
from __future__ import annotations

from ..errors import NewsEventsError


class StoreErrors:
    E300 = "{target}: no such event database. Create one with `newsevents code FILE --db {target}`."
    E301 = "{target}: the database schema is at version {found}, this newsevents needs {needed}; open it once without --read-only to migrate it."
    E302 = "{target}: the database was written by a newer newsevents (schema {found} > {needed}); upgrade newsevents."
    E303 = "PostgreSQL support needs psycopg: pip install 'psycopg[binary]'."
    E304 = "'{value}' is not a {what}. Use {expected}."
    E305 = "event {index} of document '{doc_id}' has no {field}; every event needs 'event_id' and 'type'."
    E306 = "{target}: could not open the database ({detail})."


class StoreError(NewsEventsError, ValueError):
    """An error about the event database that the user can act on."""

    def __init__(self, code: str, **fields):
        self.code = code
        self.fields = fields
        Exception.__init__(self, f"[{code}] " + getattr(StoreErrors, code).format(**fields))
