"""The HTTP API and the dashboard (FastAPI).

Read-only unless the operator sets a write token: then ``POST /api/documents`` and
``DELETE /api/documents/{id}`` accept requests carrying ``Authorization: Bearer
<token>``. The OpenAPI schema is at ``/openapi.json``; the interactive docs FastAPI
would load from a CDN are replaced by a local page at ``/api``.
"""
from __future__ import annotations

import datetime as dt
import hmac
from pathlib import Path
from typing import Optional

from fastapi import Depends, FastAPI, Header, HTTPException, Query
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel

from .. import __version__
from ..alerts import alerts as find_alerts
from ..documents import DocDate, Document
from ..store import EventFilter, StoreError, open_store
from ..trends import aux_filter, fill_periods

STATIC = Path(__file__).parent / "static"


class DocumentIn(BaseModel):
    """A coded document to store: what ``newsevents code`` produces for one article."""

    id: str
    text: str
    date: Optional[str] = None
    language: Optional[str] = None
    title: Optional[str] = None
    url: Optional[str] = None
    sentences: list[dict] = []
    events: list[dict] = []


def create_app(store_url: str, write_token: str | None = None) -> FastAPI:
    """The API and dashboard over one store; writes need ``write_token`` (None = read-only)."""
    store = open_store(store_url, read_only=write_token is None)
    app = FastAPI(title="newsevents", version=__version__, docs_url=None, redoc_url=None,
                  description="PLOVER political events coded from news: events, dyad series, "
                              "escalation alerts, actors and documents with highlighted evidence.")
    app.state.store = store

    def filters(actor: Optional[str] = None, recipient: Optional[str] = None, undirected: bool = False,
                involving: Optional[str] = None, type: list[str] = Query(default=[]),
                aux: list[str] = Query(default=[]), quad: Optional[str] = None,
                start: Optional[dt.date] = None, end: Optional[dt.date] = None,
                place: Optional[str] = None, q: Optional[str] = None,
                doc_id: Optional[str] = None) -> EventFilter:
        return EventFilter(actor=_code(actor), recipient=_code(recipient), undirected=undirected,
                           involving=_code(involving), types=[t for t in type if t], aux=aux or None,
                           quad=quad or None, start=start, end=end, place=place or None, q=q or None,
                           doc_id=doc_id)

    def writer(authorization: Optional[str] = Header(default=None)) -> None:
        if write_token is None:
            raise HTTPException(403, "this server is read-only; start it with --write-token to allow writes")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), write_token.encode()):
            raise HTTPException(401, "missing or wrong token (send 'Authorization: Bearer <token>')")

    @app.get("/api/stats", tags=["meta"])
    def stats():
        """How many documents, events and actors are stored, and their date range."""
        return store.stats()

    @app.get("/api/events", tags=["events"])
    def events(f: EventFilter = Depends(filters), limit: int = Query(50, le=1000), offset: int = 0,
               order: str = "date"):
        """Events matching every filter given, with their sentence; ``total`` counts all matches."""
        return JSONResponse({"total": store.count_events(f),
                             "events": store.events(f, limit=limit, offset=offset, order=order)})

    @app.get("/api/events/{event_id}", tags=["events"])
    def event(event_id: str):
        """One event: its full record, its sentence and the actor/trigger/recipient spans in it."""
        found = store.event(event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id}")
        return found

    @app.get("/api/series", tags=["trends"])
    def series(f: EventFilter = Depends(filters), freq: str = "week", role: str = "actor",
               include_aux: list[str] = Query(default=[])):
        """Counts, scores and quad classes per period (real events unless ``include_aux``)."""
        f.aux = aux_filter(include_aux)
        try:
            rows = store.series(f, freq=freq, role=role)
        except StoreError as err:
            raise HTTPException(422, str(err)) from err
        # rows are plain JSON already: skip FastAPI's per-value encoder (half the time for daily series)
        return JSONResponse({"freq": freq, "series": fill_periods(rows, freq)})

    @app.get("/api/alerts", tags=["trends"])
    def alerts(actor: Optional[str] = None, recipient: Optional[str] = None, threshold: float = 3.0,
               window: int = 8, min_conflict: float = 15.0, evidence: int = Query(5, le=50),
               limit: int = Query(50, le=1000)):
        """Escalation alerts, most recent first (rolling-baseline z-score of the weekly conflict score)."""
        return {"alerts": find_alerts(store, actor=_code(actor), recipient=_code(recipient),
                                      threshold=threshold, window=window, min_conflict=min_conflict,
                                      evidence=evidence, limit=limit)}

    @app.get("/api/actors", tags=["actors"])
    def actors(limit: int = Query(200, le=5000), q: Optional[str] = None):
        """Actor codes with a label and how many events they act in and are targeted by."""
        return {"actors": store.actors(limit=limit, q=q)}

    @app.get("/api/dyads", tags=["actors"])
    def dyads(f: EventFilter = Depends(filters), limit: int = Query(50, le=1000), undirected: bool = True):
        """The busiest dyads, with their summed cooperation and conflict."""
        return {"dyads": store.dyads(f, limit=limit, undirected=undirected)}

    @app.get("/api/network", tags=["actors"])
    def network(f: EventFilter = Depends(filters), limit: int = Query(60, le=500)):
        """Actors as nodes, directed dyads as edges (for the actor network)."""
        edges = store.dyads(f, limit=limit)
        names = {a["code"]: a for a in store.actors(limit=5000)}
        codes = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
        return {"nodes": [{"code": c, "name": (names.get(c) or {}).get("name"),
                           "events": (names.get(c) or {}).get("events", 0)} for c in codes], "edges": edges}

    @app.get("/api/places", tags=["events"])
    def places(f: EventFilter = Depends(filters), limit: int = Query(500, le=5000)):
        """Places of events with coordinates, for the map."""
        return {"places": store.places(f, limit=limit)}

    @app.get("/api/documents", tags=["documents"])
    def documents(limit: int = Query(50, le=1000), offset: int = 0):
        return {"documents": store.documents(limit=limit, offset=offset)}

    @app.get("/api/documents/{doc_id}", tags=["documents"])
    def document(doc_id: str):
        """A document's text, sentences and events, with the spans that are evidence for them."""
        found = store.document(doc_id)
        if found is None:
            raise HTTPException(404, f"no document {doc_id}")
        return found

    @app.post("/api/documents", tags=["documents"], dependencies=[Depends(writer)], status_code=201)
    def add_document(doc: DocumentIn):
        """Store a coded document (needs the write token); ``added`` is false if already stored."""
        document = Document(id=doc.id, text=doc.text, date=DocDate.parse(doc.date), language=doc.language,
                            title=doc.title, url=doc.url)
        try:
            return {"added": store.add_document(document, doc.sentences, doc.events),
                    "content_hash": document.content_hash}
        except StoreError as err:
            raise HTTPException(422, str(err)) from err

    @app.delete("/api/documents/{doc_id}", tags=["documents"], dependencies=[Depends(writer)])
    def delete_document(doc_id: str):
        """Remove a document and its events (needs the write token)."""
        if not store.delete_document(doc_id):
            raise HTTPException(404, f"no document {doc_id}")
        return {"deleted": doc_id}

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_page():
        return (STATIC / "api.html").read_text(encoding="utf-8")

    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _code(value: Optional[str]) -> Optional[str]:
    return value.strip().upper() if value and value.strip() else None
