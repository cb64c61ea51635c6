"""API latency over a large synthetic store: is a dyad series answered in < 100 ms (p95)?

    python benchmarks/api_latency.py                      # 100,000 events, DuckDB in a temp dir
    python benchmarks/api_latency.py --events 20000 --requests 100
    python benchmarks/api_latency.py --db big.duckdb      # reuse (or create) a database

Starts the real server (uvicorn) on a free loopback port and times HTTP requests made
one at a time from this process; prints one row an endpoint (p50, p95, max in ms) and
exits 1 if the dyad-series p95 is over the budget. Traffic goes to 127.0.0.1 only and
the number of requests is bounded.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "web"))

import httpx  # noqa: E402

from newsevents.store import open_store  # noqa: E402
from newsevents.store.synthetic import random_corpus  # noqa: E402

BUDGET_MS = 100.0
ENDPOINTS = [
    ("dyad series, weekly, directed", "api/series?actor=RUS&recipient=UKR&freq=week"),
    ("dyad series, weekly, undirected", "api/series?actor=RUS&recipient=UKR&undirected=true&freq=week"),
    ("dyad series, daily, undirected", "api/series?actor=USA&recipient=RUS&undirected=true&freq=day"),
    ("actor series, monthly", "api/series?involving=UKR&freq=month"),
    ("events, dyad, 50 rows", "api/events?actor=RUS&recipient=UKR&limit=50"),
    ("events, text search", "api/events?q=sanctions&limit=50"),
    ("alerts, all dyads, 50 newest", "api/alerts?evidence=3&limit=50"),
]


def build(db: Path, events: int) -> float:
    started = time.perf_counter()
    with open_store(db) as store:
        if store.stats()["events"] < events:
            store.add_documents(random_corpus(events, days=730))
        count = store.stats()["events"]
    print(f"store: {db} with {count:,} events (built in {time.perf_counter() - started:.1f} s)")
    return count


def measure(client: httpx.Client, url: str, requests: int) -> list[float]:
    client.get(url).raise_for_status()  # warm up
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url).raise_for_status()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint")
    parser.add_argument("--db", help="DuckDB file to use (created if missing)")
    args = parser.parse_args()
    from browser_support import LiveServer

    tmp = tempfile.TemporaryDirectory()
    db = Path(args.db) if args.db else Path(tmp.name) / "bench.duckdb"
    build(db, args.events)
    failed = False
    with LiveServer(str(db)) as live, httpx.Client(base_url=live.url, timeout=30) as client:
        print(f"\n{'endpoint':34} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        for name, url in ENDPOINTS:
            times = measure(client, url, args.requests if "alerts" not in name else max(10, args.requests // 10))
            p95 = statistics.quantiles(times, n=20)[18]
            print(f"{name:34} {statistics.median(times):8.1f} {p95:8.1f} {max(times):8.1f}")
            if name.startswith("dyad series") and p95 > BUDGET_MS:
                failed = True
    print(f"\ndyad series p95 budget {BUDGET_MS:.0f} ms: {'FAIL' if failed else 'PASS'}")
    tmp.cleanup()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
