"""Support for the browser tests: the test database, a live server, Chromium.

The database is built once per session from ../shared/corpus/us-gov-russia-ukraine-2022.jsonl
coded by ``newsevents.pipeline.code_documents``. Coding stops after
NEWSEVENTS_BROWSER_DOCS documents (default: all 291) or 120 seconds, whichever comes first.
If the coder is missing or codes no events at all, the database is filled with
synthetic events instead (newsevents.store.synthetic) and ``artifacts/browser-db.txt``
says so.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / ".." / "shared" / "corpus" / "us-gov-russia-ukraine-2022.jsonl"
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
log = logging.getLogger(__name__)


def build_corpus_db(path: Path) -> str:
    """Fill ``path`` from the corpus with the real coder; returns a note on what was used."""
    from newsevents.store import open_store

    limit = os.environ.get("NEWSEVENTS_BROWSER_DOCS", "all")
    coded = events = 0
    with open_store(path) as store:
        try:
            from newsevents import iter_documents
            from newsevents.pipeline import code_documents
        except ImportError:
            code_documents = None
        if code_documents is not None and CORPUS.exists():
            docs = [d for d in iter_documents([str(CORPUS)]) if not isinstance(d, Exception)]
            docs = docs if limit == "all" else docs[:int(limit)]
            deadline, results = time.monotonic() + 120, []
            for result in code_documents(docs):
                if result.error is None:
                    results.append((result.document, result.sentences, result.events))
                    coded, events = coded + 1, events + len(result.events)
                if time.monotonic() > deadline:
                    break
            store.add_documents(results)
        if events:
            note = f"corpus: {coded} documents of {CORPUS.name} coded by newsevents.pipeline, {events} events"
            return note + (" (stopped at the time limit)" if coded < len(docs) else "")
        store.add_documents(_synthetic())
        return (f"synthetic events (the coder produced no events from {CORPUS.name}: "
                f"{'not installed' if code_documents is None else 'it returned none'})")


def _synthetic():
    from newsevents.store.synthetic import make_document, random_corpus

    yield from random_corpus(1500, days=180)
    for n in range(26):
        facts = [("RUS", "CONSULT", "UKR"), ("UKR", "ACCUSE", "RUS")]
        if n >= 8:
            facts += [("RUS", "ASSAULT", "UKR")] * 4 + [("USA", "SANCTION", "RUS")]
        yield make_document(f"esc-{n:02d}", dt.date(2022, 1, 4) + dt.timedelta(weeks=n), facts)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """``newsevents serve`` in a thread on a free loopback port."""

    def __init__(self, db: str):
        import uvicorn

        from newsevents.web import create_app

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        config = uvicorn.Config(create_app(db), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=10)
