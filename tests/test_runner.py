"""The runner: bad input never stops a run, results are the same in parallel, and a killed run resumes
without losing or repeating a document."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from newsevents.documents import DocDate, Document
from newsevents.errors import NewsEventsError
from newsevents.output import render_table
from newsevents.runner import run
from runner_corpus import documents, read_events, write_jsonl

ROOT = Path(__file__).resolve().parents[1]


def quiet_run(*args, **kwargs):
    kwargs.setdefault("progress", False)
    kwargs.setdefault("workers", 1)
    return run(*args, **kwargs)


# -- bad input ----------------------------------------------------------------------------------


@pytest.fixture()
def bad_inputs(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"date 2023-01 \x00\x01\x02\xff" * 10)
    (folder / "latin1.txt").write_bytes("date 2023-01 Le ministre a reçu\nson homologue.".encode("latin-1"))
    records = documents(3)
    lines = [json.dumps(records[0]), "{this is not json", json.dumps({**records[1], "date": "yesterday"}),
             json.dumps(records[2])]
    (folder / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    huge = "The council met again. " * 230_000  # about 5 MB in one article
    (folder / "huge.jsonl").write_text(json.dumps({"id": "huge", "date": "2023-01-02", "text": huge}) + "\n")
    (folder / "good.txt").write_text("date 2023-03-07 " + documents(1)[0]["text"], encoding="utf-8")
    return folder


def test_bad_input_is_reported_with_file_and_line_and_the_rest_is_coded(bad_inputs, tmp_path):
    out = tmp_path / "events.jsonl"
    # 1 MB is far above a news article; the lead's reader default is larger (see the runner report)
    summary = quiet_run([bad_inputs], output=out, max_chars=1_000_000)
    errors = {(Path(e["file"]).name, e["line"], e["code"]) for e in summary.errors}
    assert errors == {
        ("empty.txt", None, "E001"),
        ("binary.txt", None, "E002"),
        ("latin1.txt", 1, "E003"),
        ("mixed.jsonl", 2, "E004"),
        ("mixed.jsonl", 3, "E006"),
        ("huge.jsonl", 1, "E014"),
    }
    for error in summary.errors:
        assert Path(error["file"]).name in error["message"]
    assert "yesterday" in next(e["message"] for e in summary.errors if e["code"] == "E006")
    coded = {e["doc_id"] for e in read_events(out)}
    assert coded == {"doc-0000", "doc-0002", "good.txt"}
    assert (summary.read, summary.coded, summary.failed) == (3, 3, 6)


def test_a_document_the_coder_chokes_on_costs_only_itself(tmp_path):
    good = [Document(id=r["id"], text=r["text"], date=DocDate.parse(r["date"]), language=r["language"])
            for r in documents(2)]
    broken = Document(id="broken", text=None, date=DocDate(2023, 1), language="en", source="feed.xml:7")
    summary = quiet_run([good[0], broken, good[1]], output=tmp_path / "out.jsonl")
    assert summary.coded == 2 and summary.failed == 1
    [error] = summary.errors
    assert error["code"] == "E037" and error["file"] == "feed.xml" and error["line"] == 7
    assert {e["doc_id"] for e in read_events(tmp_path / "out.jsonl")} == {"doc-0000", "doc-0001"}


def test_unsupported_language_is_an_error_for_that_document_only(tmp_path):
    records = documents(2) + [{"id": "es", "date": "2023-01-01", "language": "es", "text": "El gobierno firmó."}]
    path = write_jsonl(tmp_path / "in.jsonl", records)
    summary = quiet_run([path], output=tmp_path / "out.jsonl")
    assert summary.coded == 2 and [e["code"] for e in summary.errors] == ["E008"]
    assert summary.errors[0]["line"] == 3


# -- output -------------------------------------------------------------------------------------


def test_parallel_workers_give_the_same_events_in_the_same_order(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", documents(8))
    one = quiet_run([path], output=tmp_path / "one.jsonl", workers=1)
    two = quiet_run([path], output=tmp_path / "two.jsonl", workers=2, chunk_size=3)
    assert one.events == two.events > 8
    assert read_events(tmp_path / "one.jsonl") == read_events(tmp_path / "two.jsonl")


def test_syndicated_copies_share_a_story_id(tmp_path):
    records = documents(3)
    copy = {**records[0], "id": "copy", "text": "LYON (Wire) - " + records[0]["text"] + " (c) Wire 2023"}
    path = write_jsonl(tmp_path / "in.jsonl", records + [copy])
    quiet_run([path], output=tmp_path / "out.jsonl")
    stories = {e["doc_id"]: e["story_id"] for e in read_events(tmp_path / "out.jsonl")}
    assert stories == {"doc-0000": "doc-0000", "doc-0001": "doc-0001", "doc-0002": "doc-0002", "copy": "doc-0000"}


def test_parquet_output_is_partitioned_by_month_and_resumable(tmp_path):
    import pyarrow.dataset as ds

    records = documents(4)
    records[3]["date"] = "2023-04-02"
    path = write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "events"
    first = quiet_run([path], output=out, fmt="parquet")
    again = quiet_run([path], output=out, fmt="parquet")
    assert again.skipped == 4 and again.coded == 0
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["doc_month=2023-03", "doc_month=2023-04"]
    table = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    assert table.num_rows == first.events
    row = table.slice(0, 1).to_pylist()[0]
    assert json.loads(row["record"])["event_id"] == row["event_id"]


def test_an_existing_foreign_output_is_not_overwritten(tmp_path):
    out = tmp_path / "notes.jsonl"
    out.write_text('{"mine": true}\n')
    with pytest.raises(NewsEventsError) as err:
        quiet_run(documents_as_docs(1), output=out)
    assert err.value.code == "E043"
    assert out.read_text() == '{"mine": true}\n'


def documents_as_docs(n):
    return [Document(id=r["id"], text=r["text"], date=DocDate.parse(r["date"]), language=r["language"])
            for r in documents(n)]


def test_table_renderer_shows_who_did_what_to_whom():
    from rich.console import Console

    console = Console(record=True, width=200)
    event = {"doc_id": "d1", "sentence_index": 2, "sentence": "France accused Germany of breaking the deal.",
             "type": "ACCUSE", "aux": "negated", "actor": [{"code": "FRA"}], "recipient": [{"code": "DEU"}],
             "date": {"start": "2023-03-01", "end": "2023-03-31"}, "where": {"text": "Lyon"}}
    render_table([event], console)
    text = console.export_text()
    for part in ("d1:2", "France accused Germany", "ACCUSE", "negated", "FRA → DEU", "2023-03-01…2023-03-31", "Lyon"):
        assert part in text


# -- resume -------------------------------------------------------------------------------------


def test_torn_output_and_journal_are_repaired_on_resume(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", documents(6))
    out = tmp_path / "out.jsonl"
    clean = quiet_run([path], output=out, chunk_size=2)
    expected = read_events(out)
    journal = out.with_name(out.name + ".journal")
    commits = journal.read_text().splitlines(keepends=True)
    # as if killed while writing the last chunk: its events half written, its commit torn
    last_offset = json.loads(commits[-2])["offset"]
    data = out.read_bytes()
    out.write_bytes(data[: last_offset + (len(data) - last_offset) // 2])
    journal.write_text("".join(commits[:-1]) + commits[-1][:20])
    resumed = quiet_run([path], output=out, chunk_size=2)
    assert resumed.skipped == 4 and resumed.coded == 2
    assert read_events(out) == expected
    assert clean.events == len(expected)


RUN_SCRIPT = """
import sys
from newsevents.runner import run
run([sys.argv[1]], output=sys.argv[2] if sys.argv[2] != "-" else None, db=sys.argv[3] if sys.argv[3] != "-" else None,
    workers=int(sys.argv[4]), chunk_size=4, progress=False)
"""


def _run_and_kill(corpus: Path, out: str, db: str, workers: int, committed) -> None:
    """Start a run in a subprocess and SIGKILL it once ``committed()`` says some documents are stored."""
    proc = subprocess.Popen([sys.executable, "-c", RUN_SCRIPT, str(corpus), out, db, str(workers)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not committed():
        assert proc.poll() is None, "the run ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


def _finish(corpus: Path, out: str, db: str, workers: int) -> None:
    subprocess.run([sys.executable, "-c", RUN_SCRIPT, str(corpus), out, db, str(workers)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_killed_run_resumes_without_loss_or_repeats_jsonl(tmp_path, workers):
    records = documents(48)
    corpus = write_jsonl(tmp_path / "in.jsonl", records)
    reference = tmp_path / "reference.jsonl"
    quiet_run([corpus], output=reference, workers=1)

    out = tmp_path / "out.jsonl"
    journal = out.with_name(out.name + ".journal")
    _run_and_kill(corpus, str(out), "-", workers, lambda: journal.exists() and journal.stat().st_size > 0)
    done_before = sum(len(json.loads(line)["keys"]) for line in journal.read_text().splitlines())
    assert 0 < done_before < len(records), "the kill should land part-way"
    _finish(corpus, str(out), "-", workers)

    got, want = read_events(out), read_events(reference)
    assert Counter(e["event_id"] for e in got) == Counter(e["event_id"] for e in want)
    assert {e["doc_id"] for e in got} == {r["id"] for r in records}


@pytest.mark.slow
def test_killed_run_resumes_without_loss_or_repeats_db(tmp_path):
    """--db together with -o: the kill is timed by the JSON Lines journal, since DuckDB
    lets no other process read a database while the run holds it open."""
    store_module = pytest.importorskip("newsevents.store")
    records = documents(48)
    corpus = write_jsonl(tmp_path / "in.jsonl", records)
    db, out = tmp_path / "events.duckdb", tmp_path / "out.jsonl"
    journal = out.with_name(out.name + ".journal")

    _run_and_kill(corpus, str(out), str(db), 1, lambda: journal.exists() and journal.stat().st_size > 0)
    done_before = sum(len(json.loads(line)["keys"]) for line in journal.read_text().splitlines())
    assert 0 < done_before < len(records), "the kill should land part-way"
    _finish(corpus, str(out), str(db), 1)
    store = store_module.open_store(str(db), read_only=True)
    try:
        rows = store.db.query("SELECT doc_id, count(*) AS n FROM documents GROUP BY doc_id")
        stored_events = store.db.query("SELECT count(*) AS n FROM events")[0]["n"]
    finally:
        store.close()
    assert {r["doc_id"]: r["n"] for r in rows} == {r["id"]: 1 for r in records}
    events = read_events(out)
    assert len({e["event_id"] for e in events}) == len(events) > 0
    assert stored_events > 0
