"""The HTTP API: read-only by default, token-guarded writes, OpenAPI published."""
from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from newsevents.store import open_store
from newsevents.store.synthetic import make_document
from newsevents.web import create_app


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "api.duckdb"
    with open_store(path) as store:
        store.add_documents([
            make_document("n1", dt.date(2022, 2, 22), [("RUS", "MOBILIZE", "UKR"), ("USA", "ACCUSE", "RUS")]),
            make_document("n2", dt.date(2022, 2, 24), [("RUS", "ASSAULT", "UKR"), ("EU", "THREATEN", "RUS", "future")]),
        ])
    return str(path)


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db))


def test_openapi_schema_lists_the_endpoints(client):
    schema = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/series", "/api/alerts", "/api/actors", "/api/documents/{doc_id}"):
        assert path in schema["paths"]
    assert client.get("/docs").status_code == 404  # FastAPI's CDN-based docs are off
    assert "openapi.json" in client.get("/api").text


def test_events_filtered_and_counted(client):
    body = client.get("/api/events", params={"actor": "rus", "recipient": "UKR"}).json()
    assert body["total"] == 2 and {e["type"] for e in body["events"]} == {"MOBILIZE", "ASSAULT"}
    body = client.get("/api/events", params={"aux": "future"}).json()
    assert [e["type"] for e in body["events"]] == ["THREATEN"]
    body = client.get("/api/events", params=[("type", "ASSAULT"), ("type", "ACCUSE")]).json()
    assert body["total"] == 2
    assert client.get("/api/events", params={"start": "not-a-date"}).status_code == 422


def test_event_detail_has_highlights(client):
    event_id = client.get("/api/events", params={"type": "ASSAULT"}).json()["events"][0]["event_id"]
    detail = client.get(f"/api/events/{event_id}").json()
    spans = {h["role"]: detail["sentence"][h["start"]:h["end"]] for h in detail["highlights"]}
    assert spans == {"actor": "Russia", "trigger": "shelled positions of", "recipient": "Ukraine"}
    assert client.get("/api/events/nope").status_code == 404


def test_series_alerts_actors_network_places_documents(client):
    series = client.get("/api/series", params={"actor": "RUS", "recipient": "UKR", "freq": "day"}).json()
    assert [r["events"] for r in series["series"]] == [1, 0, 1]
    assert client.get("/api/series", params={"freq": "hourly"}).status_code == 422
    assert client.get("/api/alerts").json() == {"alerts": []}
    codes = [a["code"] for a in client.get("/api/actors").json()["actors"]]
    assert codes[0] in ("RUS", "UKR") and "EU" in codes
    network = client.get("/api/network").json()
    assert {"source": "RUS", "target": "UKR"}.items() <= network["edges"][0].items()
    assert {n["code"] for n in network["nodes"]} >= {"RUS", "UKR", "USA"}
    assert client.get("/api/places").json()["places"][0]["lat"] is not None
    doc = client.get("/api/documents/n2").json()
    assert len(doc["events"]) == 2 and any(h["role"] == "trigger" for h in doc["highlights"])
    assert client.get("/api/documents").json()["documents"][0]["doc_id"] == "n2"


def test_dashboard_and_assets_are_local(client):
    page = client.get("/").text
    assert "/static/app.js" in page and "http" not in page.split("<footer")[0].replace("http-equiv", "")
    for asset in ("app.js", "style.css", "world.svg"):
        response = client.get(f"/static/{asset}")
        assert response.status_code == 200 and "cdn" not in response.text.lower()


def test_writes_are_refused_without_a_token(client):
    doc = {"id": "x", "text": "Text.", "date": "2022-03-01"}
    assert client.post("/api/documents", json=doc).status_code == 403
    assert client.delete("/api/documents/n1").status_code == 403


def test_writes_need_the_right_token(tmp_path):
    client = TestClient(create_app(str(tmp_path / "w.duckdb"), write_token="s3cret"))
    document, sentences, events = make_document("w1", dt.date(2022, 3, 1), [("USA", "AID", "UKR")])
    body = {"id": document.id, "text": document.text, "date": "2022-03-01", "language": "en",
            "title": document.title, "sentences": sentences, "events": events}
    assert client.post("/api/documents", json=body).status_code == 401
    assert client.post("/api/documents", json=body, headers={"Authorization": "Bearer nope"}).status_code == 401
    auth = {"Authorization": "Bearer s3cret"}
    assert client.post("/api/documents", json=body, headers=auth).json()["added"] is True
    assert client.post("/api/documents", json=body, headers=auth).json()["added"] is False
    assert client.get("/api/stats").json()["events"] == 1
    assert client.delete("/api/documents/w1", headers=auth).status_code == 200
    assert client.get("/api/stats").json()["events"] == 0


def test_newsevents_serve_is_one_command(db):
    """`newsevents serve --db FILE` starts a working dashboard (a real process, loopback only)."""
    import subprocess
    import sys
    import time

    import httpx

    from browser_support import free_port

    port = free_port()
    process = subprocess.Popen([sys.executable, "-c", "from newsevents.cli import main; main()", "serve", "--db", db, "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stderr.read().decode()
                assert time.monotonic() < deadline, "server did not start within 30 s"
                time.sleep(0.2)
        assert page.status_code == 200 and "newsevents" in page.text
        assert httpx.get(f"http://127.0.0.1:{port}/api/stats").json()["events"] == 4
    finally:
        process.terminate()
        process.wait(timeout=10)
