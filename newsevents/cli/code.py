"""``newsevents code`` and ``newsevents evaluate``: thin wrappers over :func:`newsevents.runner.run`
and :func:`newsevents.evaluate.evaluate`."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"


def register(group: click.Group) -> None:
    group.add_command(code)
    group.add_command(evaluate)


@click.command(context_settings={"max_content_width": 100})
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--example", is_flag=True, help="Code the bundled example articles (Dutch and English).")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "jsonl", "parquet"]), default=None,
              help="Output format. Default: a table on a terminal, JSON Lines otherwise.")
@click.option("-o", "--output", type=click.Path(), default=None, help="Write here instead of stdout (a directory for parquet).")
@click.option("--db", type=str, default=None, help="Also store documents and events in this DuckDB file (or postgresql:// URL).")
@click.option("-l", "--language", default=None, help="Language of all inputs (nl, en). Default: detect per document.")
@click.option("--date", default=None, help="Date of inputs that carry none (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("-w", "--workers", type=int, default=None, help="Parallel worker processes. Default: all local cores.")
@click.option("--scheduler", default=None, help="Dask scheduler address (tcp://host:port) to code on a cluster.")
@click.option("--resume/--no-resume", default=True, show_default=True,
              help="Skip documents already written to the same output or database.")
@click.option("--nested", is_flag=True, help="Also emit events embedded in another event's complement (threatened *sanctions*).")
@click.option("--progress/--no-progress", default=True, help="Progress bar on stderr (only on a terminal).")
@click.option("--max-chars", type=int, default=None, show_default="1,000,000",
              help="Refuse (E014) documents longer than this many characters.")
def code(paths, example, fmt, output, db, language, date, workers, scheduler, resume, nested, progress, max_chars):
    """Code news articles into PLOVER events: who did what to whom, when and where.

    PATHS are files or folders: dated text (first line `date 2022-01 …`), plain text
    (give --date), JSON Lines or CSV with id, date, text (language, title, url optional),
    HTML, RSS/Atom feeds, WARC and Parquet. Bad files and lines are reported with their
    file and line on stderr; the other documents are still coded.

    \b
    Examples:
      newsevents code article.txt                    a table on the terminal
      newsevents code news.jsonl -f jsonl -o ev.jsonl  one event record per line
      newsevents code archive/ --db events.duckdb    store for `newsevents serve`
      newsevents code notes.txt --date 2022-01-14 --language nl
      newsevents code --example --db demo.duckdb     the bundled example
    """
    from ..runner import run

    inputs = list(paths)
    if example:
        inputs.append(str(EXAMPLES_DIR))
    if not inputs:
        raise click.UsageError("give one or more files or folders, or --example (see --help)")
    if fmt is None:
        fmt = "table" if output is None and db is None and sys.stdout.isatty() else "jsonl"
    if db is not None and output is None and fmt == "jsonl" and sys.stdout.isatty():
        fmt = None  # storing only: no event dump on the terminal
    summary = run(inputs, language=language, date=date, workers=workers, scheduler=scheduler,
                  output=output, fmt=fmt, db=db, resume=resume, progress=progress, nested=nested,
                  max_chars=max_chars)
    click.echo(str(summary), err=True)  # each error was reported on stderr as it happened
    if db:
        click.echo(f"stored in {db}; explore with: newsevents serve --db {db}", err=True)
    if summary.failed and not summary.coded:
        sys.exit(1)


@click.command(context_settings={"max_content_width": 100})
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("events", type=click.Path(exists=True))
@click.option("--doc", "doc_id", default=None, help="Keep only events whose doc_id is this.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.option("--verbose", is_flag=True, help="List the false positives.")
def evaluate(gold, events, doc_id, as_json, verbose):
    """Score EVENTS (JSON Lines, or articles to code first) against a reference GOLD.json.

    Prints the same figures as the project's independent scorer: must_recall,
    precision (F1 for a set), must_not violations, aux and date agreement. EVENTS may
    be a .jsonl of coded events, or an article file/folder, which is coded first.

    \b
    Examples:
      newsevents evaluate seed.gold.json events.jsonl
      newsevents evaluate seed.gold.json seed.txt --verbose
    """
    from ..evaluate import evaluate as score, load_gold

    gold_data = load_gold(gold)
    preds = _events_or_code(events, gold_data, doc_id)
    figures, false_pos = score(gold_data, preds)
    if as_json:
        click.echo(json.dumps(figures))
    else:
        for key, value in figures.items():
            click.echo(f"{key}: {value}")
    if verbose:
        for p in false_pos:
            actors = sorted(a.get("code") or "" for a in p.get("actor") or [])
            recipients = sorted(r.get("code") or "" for r in p.get("recipient") or [])
            click.echo(f"FP {p.get('type')} {actors} {recipients} | {' '.join((p.get('sentence') or '').split())[:100]}")


def _events_or_code(path, gold, doc_id):
    from ..evaluate import load_events

    if path.endswith(".jsonl") and _looks_like_events(path):
        return load_events(path, doc_id)
    from ..pipeline import code_documents
    from ..readers import iter_documents
    from ..documents import Document

    events = []
    for doc in iter_documents([path], language=gold.get("language")):
        if isinstance(doc, Document):
            for result in code_documents([doc]):
                events += result.events
    return [e for e in events if doc_id is None or e.get("doc_id") == doc_id]


def _looks_like_events(path) -> bool:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                return '"type"' in line and '"sentence"' in line
    return True
