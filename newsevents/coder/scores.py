"""PLOVER conflict–cooperation scores and quad classes, read from ``newsevents/data/plover.yaml``
(the PLOVER manual's scores table and type definitions)."""
from __future__ import annotations

import functools
from pathlib import Path

import yaml

PLOVER_FILE = Path(__file__).resolve().parents[1] / "data" / "plover.yaml"


class Plover:
    """Scores by type and mode, and each type's quad class."""

    def __init__(self, table: dict):
        self.types = table

    @classmethod
    @functools.lru_cache(maxsize=1)
    def load(cls) -> "Plover":
        data = yaml.safe_load(PLOVER_FILE.read_text(encoding="utf-8")) if PLOVER_FILE.exists() else {}
        return cls(data.get("PLOVER_TYPES", {}))

    def score(self, event_type: str, mode: str | None = None) -> float | None:
        info = self.types.get(event_type) or {}
        modes = info.get("modes") or {}
        if mode and isinstance(modes, dict) and isinstance(modes.get(mode), dict) and modes[mode].get("score") is not None:
            return float(modes[mode]["score"])
        if mode and isinstance(modes, dict) and isinstance(modes.get(mode), (int, float)):
            return float(modes[mode])
        return float(info["score"]) if info.get("score") is not None else None

    def quad(self, event_type: str) -> str | None:
        return (self.types.get(event_type) or {}).get("quad")
