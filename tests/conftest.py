"""Shared fixtures: where ../shared is (tests that read it skip without it)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
SEED_TEXT = SHARED / "seed" / "000_4c8c988737874f2a.txt"
SEED_GOLD = SHARED / "seed" / "000_4c8c988737874f2a.gold.json"


def need_shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not here (../shared sits beside the project in development and CI)")
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return need_shared()
