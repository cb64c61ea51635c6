"""Fixtures for the storage tests: one ``store_url`` per backend (DuckDB, PostgreSQL).

Every test that takes ``store_url`` or ``store`` runs on both backends; PostgreSQL
is skipped with the reason when its binaries are missing (see tests/conftest_pg.py).
"""
from __future__ import annotations

import datetime as dt

import pytest

from newsevents.store import open_store
from newsevents.store.synthetic import make_document
from conftest_pg import pg_server, pg_url  # noqa: F401  (fixtures)


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    """A URL for an empty store on each backend."""
    if request.param == "duckdb":
        return str(tmp_path / "events.duckdb")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(store_url):
    opened = open_store(store_url)
    yield opened
    opened.close()


@pytest.fixture
def small_corpus():
    """Three short documents with known events (written for these tests)."""
    return [
        make_document("d1", dt.date(2022, 2, 21), [("RUS", "MOBILIZE", "UKR"), ("USA", "ACCUSE", "RUS"),
                                                   ("EU", "THREATEN", "RUS", "future")]),
        make_document("d2", dt.date(2022, 2, 24), [("RUS", "ASSAULT", "UKR"), ("UKR", "REQUEST", "NATO"),
                                                   ("USA", "SANCTION", "RUS")]),
        make_document("d3", dt.date(2022, 3, 8), [("USA", "AID", "UKR"), ("UKR", "CONSULT", "RUS"),
                                                  ("RUS", "ASSAULT", "UKR")]),
    ]
