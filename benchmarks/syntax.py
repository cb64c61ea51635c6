"""Benchmark the shipped syntax models: accuracy on the UD test splits, speed, load time, size.

    python benchmarks/syntax.py            # both languages
    python benchmarks/syntax.py nl --json  # one language, machine-readable too

Accuracy is on gold tokens (CoNLL 2018 with gold tokenisation): UPOS, UFeats,
lemma, UAS, LAS on the universal relation (subtypes stripped: the shared-task
metric) and LAS on the full label. Dutch test = Alpino test + the LassySmall test
sentences in no training file; English test = EWT test. Speed is nlp.pipe on
raw sentence texts (tokenizer included) on one core: the thread variables are
set to 1 before numpy loads. Needs ../shared/ud beside the repo.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from newsevents.syntax import load_pipeline, model_path  # noqa: E402
from newsevents.train.evaluate import evaluate  # noqa: E402
from newsevents.train.treebanks import default_ud_dir, load_split  # noqa: E402

LOAD_SNIPPET = ("import time,sys; from newsevents.syntax import load_pipeline; from pathlib import Path; "
                "t=time.perf_counter(); load_pipeline(Path(sys.argv[1])); print(time.perf_counter()-t)")


def dir_size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def load_seconds(path: Path) -> float:
    """Load time in a fresh interpreter (spaCy already imported, as in the library)."""
    out = subprocess.run([sys.executable, "-c", LOAD_SNIPPET, str(path)], capture_output=True,
                         text=True, check=True, env=os.environ.copy())
    return float(out.stdout.strip().splitlines()[-1])


def pipe_speed(nlp, texts: list[str], repeats: int = 2) -> float:
    """Best of ``repeats`` passes of nlp.pipe over raw texts, tokens per second."""
    best = 0.0
    for _ in range(repeats):
        start = time.perf_counter()
        n = sum(len(doc) for doc in nlp.pipe(texts, batch_size=256))
        best = max(best, n / (time.perf_counter() - start))
    return best


def bench(lang: str) -> dict | None:
    path = model_path(lang)
    if not (path / "config.cfg").exists():
        return None
    split = load_split(lang, default_ud_dir())
    nlp = load_pipeline(path)
    scores = evaluate(nlp, split.test).as_dict()
    scores["tokens_per_second"] = pipe_speed(nlp, [s.text for s in split.test])
    scores["load_seconds"] = load_seconds(path)
    scores["size_mb"] = dir_size_mb(path)
    scores["lang"] = lang
    return scores


COLUMNS = [("lang", "lang", "{}"), ("tokens", "tokens", "{:,}"), ("upos", "UPOS", "{:.3f}"),
           ("ufeats", "UFeats", "{:.3f}"), ("lemma", "lemma", "{:.3f}"), ("uas", "UAS", "{:.3f}"),
           ("las", "LAS univ", "{:.3f}"), ("las_full", "LAS full", "{:.3f}"),
           ("tokens_per_second", "tok/s 1 core", "{:,.0f}"), ("load_seconds", "load s", "{:.2f}"),
           ("size_mb", "size MB", "{:.1f}")]


def table(rows: list[dict]) -> str:
    cells = [[h for _, h, _ in COLUMNS]] + [[f.format(r[k]) for k, _, f in COLUMNS] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(COLUMNS))]
    lines = [" | ".join(c.rjust(w) for c, w in zip(row, widths)) for row in cells]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    langs = [a for a in argv if not a.startswith("-")] or ["nl", "en"]
    rows = []
    for lang in langs:
        row = bench(lang)
        if row is None:
            print(f"{lang}: no model in {model_path(lang)} (run `newsevents train-syntax {lang}`)")
            continue
        rows.append(row)
    if rows:
        print(table(rows))
    if "--json" in argv:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
