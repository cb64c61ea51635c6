"""The web layer: an HTTP API and a dashboard over an event store.

    newsevents serve --db demo.duckdb        # then open http://127.0.0.1:8765/
"""
from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def create_app(store_url: str, write_token: str | None = None):
    """The FastAPI app for ``store_url`` (see :mod:`newsevents.web.app`)."""
    from .app import create_app as _create

    return _create(store_url, write_token=write_token)


def serve(db: str, host: str = "127.0.0.1", port: int = 8765, write_token: str | None = None,
          log_level: str = "warning") -> None:
    """Run the dashboard and API until interrupted."""
    import uvicorn

    app = create_app(db, write_token=write_token)
    log.info("serving %s on http://%s:%d/", db, host, port)
    uvicorn.run(app, host=host, port=port, log_level=log_level)


__all__ = ["create_app", "serve"]
