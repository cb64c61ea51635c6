"""The progress bar of a run (documents/s, events, ETA) and the cheap count behind its ETA."""
from __future__ import annotations

import sys
import time
from pathlib import Path

from .documents import Document


def stderr_is_tty() -> bool:
    return hasattr(sys.stderr, "isatty") and sys.stderr.isatty()


class Progress:
    """A rich progress bar on stderr (documents/s, events, ETA), only on a terminal."""

    def __init__(self, enabled: bool, total: int | None):
        self.bar = None
        if not (enabled and stderr_is_tty()):
            return
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
        from rich.progress import Progress as RichProgress

        self.bar = RichProgress(
            TextColumn("coding"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.1f} docs/s · {task.fields[events]} events"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), transient=False,
        )
        self.task = self.bar.add_task("coding", total=total, rate=0.0, events=0)
        self.started = time.perf_counter()
        self.count = 0
        self.bar.start()

    def advance(self, documents: int, events: int | None = None, skipped: bool = False) -> None:
        """Move on by ``documents``; skipped ones count towards the total but not the rate."""
        if self.bar is None:
            return
        self.count += 0 if skipped else documents
        fields = {"rate": self.count / max(time.perf_counter() - self.started, 1e-6)}
        if events is not None:
            fields["events"] = events
        self.bar.update(self.task, advance=documents, **fields)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def estimate_total(items) -> int | None:
    """A cheap document count for the ETA: lines of JSONL/CSV, rows of Parquet, one per other file."""
    total = 0
    for item in items:
        if isinstance(item, Document):
            total += 1
            continue
        path = Path(item) if not str(item).startswith(("http://", "https://")) else None
        if path is None or not path.exists():
            continue
        files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
        for file in files:
            total += _count_file(file)
    return total or None


def _count_file(path) -> int:
    suffix = path.suffix.lower()
    try:
        if suffix in (".jsonl", ".ndjson", ".csv", ".tsv"):
            with path.open("rb") as handle:
                lines = sum(1 for line in handle if line.strip())
            return max(0, lines - (1 if suffix in (".csv", ".tsv") else 0))
        if suffix in (".parquet", ".pq"):
            import pyarrow.parquet as pq

            return pq.ParquetFile(path).metadata.num_rows
    except (OSError, ValueError):
        return 0
    return 1
