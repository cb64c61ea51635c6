"""Exports: JSON Lines, CSV, Parquet and GDELT-style TSV, on both backends."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
from click.testing import CliRunner

from newsevents.cli import cli
from newsevents.store import EventFilter, export


def test_jsonl_keeps_records(store, small_corpus, tmp_path):
    store.add_documents(small_corpus)
    out = tmp_path / "e.jsonl"
    assert export(store, out, "jsonl", EventFilter(types=["ASSAULT"])) == 2
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert {r["type"] for r in rows} == {"ASSAULT"} and all(r["trigger"]["text"] for r in rows)


def test_csv_and_parquet_are_flat(store, small_corpus, tmp_path):
    store.add_documents(small_corpus)
    buffer = io.StringIO()
    assert export(store, buffer, "csv") == 9
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert rows[0]["actor_codes"] and rows[0]["sentence"]
    table = pq.read_table(tmp_path / "e.parquet") if export(store, tmp_path / "e.parquet", "parquet") else None
    assert table.num_rows == 9
    assert set(table.column("type").to_pylist()) >= {"ASSAULT", "AID"}
    assert str(table.schema.field("score").type) == "double"


def test_gdelt_export_has_cameo_roots_and_scores(store, small_corpus):
    store.add_documents(small_corpus)
    buffer = io.StringIO()
    export(store, buffer, "gdelt", EventFilter(types=["ASSAULT", "AID"]))
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue()), delimiter="\t"))
    assert len(rows) == 3 and len(rows[0]) == 61
    assault = next(r for r in rows if r["Actor1Code"] == "RUS")
    assert assault["EventRootCode"] == "18" and assault["QuadClass"] == "4"
    assert float(assault["GoldsteinScale"]) == -9.0 and assault["Actor2CountryCode"] == "UKR"
    aid = next(r for r in rows if r["Actor1Code"] == "USA")
    assert aid["EventRootCode"] == "07" and aid["SQLDATE"] == "20220308" and aid["QuadClass"] == "2"


def test_cli_query_and_export(store_url, small_corpus, tmp_path):
    from newsevents.store import open_store

    with open_store(store_url) as store:
        store.add_documents(small_corpus)
    runner = CliRunner()
    result = runner.invoke(cli, ["query", "--db", store_url, "--dyad", "RUS:UKR", "--type", "ASSAULT"])
    assert result.exit_code == 0, result.output
    assert result.output.count("ASSAULT") == 2
    out = tmp_path / "x.csv"
    result = runner.invoke(cli, ["export", "--db", store_url, "--involving", "NATO", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(out.read_text().splitlines()) == 2
    result = runner.invoke(cli, ["actors", "--db", store_url, "-n", "2"])
    assert "RUS" in result.output and "UKR" in result.output


def test_api_serves_from_either_backend(store_url, small_corpus):
    from fastapi.testclient import TestClient

    from newsevents.store import open_store
    from newsevents.web import create_app

    with open_store(store_url) as store:
        store.add_documents(small_corpus)
    client = TestClient(create_app(store_url))
    series = client.get("/api/series", params={"actor": "RUS", "recipient": "UKR", "undirected": "true"}).json()
    assert sum(r["events"] for r in series["series"]) == 4
    assert client.get("/api/events", params={"q": "aid"}).json()["total"] == 1
    assert client.post("/api/documents", json={"id": "z", "text": "t"}).status_code == 403
