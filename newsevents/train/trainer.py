"""``train_syntax``: treebanks in, a small offline spaCy pipeline in the package out.

Reproducible by construction: the split is deterministic, the config lives in
``newsevents/train/configs/<lang>.cfg`` and fixes the seed and step count. The
only non-deterministic stop is the wall-clock guard (``max_minutes``), which
keeps the best checkpoint so far; the log says when it fired.
"""
from __future__ import annotations

import json
import logging
import shutil
import time
from pathlib import Path

from spacy.tokens import DocBin
from spacy.training.initialize import init_nlp
from spacy.training.loop import (create_evaluation_callback, create_train_batches,
                                 train_while_improving, update_meta)
from spacy.util import load_config, load_model, registry, resolve_dot_names
from thinc.api import fix_random_seed

from . import corpus  # noqa: F401  (registers newsevents.GoldTokenCorpus.v1)
from .conllu import to_docs
from .evaluate import evaluate
from .treebanks import load_split

logger = logging.getLogger(__name__)

PACKAGE_MODELS = Path(__file__).resolve().parents[1] / "models"
CONFIGS = Path(__file__).resolve().parent / "configs"
WORK_DIR = Path(__file__).resolve().parents[2] / "training"


def convert(lang: str, work_dir: Path, ud_dir: Path | None = None, repeat_current: int = 1):
    """Write train.spacy / dev.spacy for ``lang``; return the split (test kept in memory)."""
    import spacy
    split = load_split(lang, ud_dir, repeat_current=repeat_current)
    vocab = spacy.blank(lang).vocab
    work_dir.mkdir(parents=True, exist_ok=True)
    for name, sents in (("train", split.train), ("dev", split.dev)):
        DocBin(docs=to_docs(vocab, sents, per_doc=10), store_user_data=False).to_disk(work_dir / f"{name}.spacy")
    logger.info("%s: %d train, %d dev, %d test sentences", lang, len(split.train), len(split.dev), len(split.test))
    return split


def train_syntax(lang: str, output_dir: Path | None = None, max_minutes: float = 55.0,
                 ud_dir: Path | None = None, max_steps: int | None = None,
                 work_dir: Path | None = None, config_path: Path | None = None,
                 stop_at_step: int | None = None) -> dict:
    """Convert, train, evaluate and install the ``lang`` syntax model; return test scores.

    ``output_dir`` defaults to ``newsevents/models/<lang>``; ``max_steps``
    overrides the config (for smoke runs); ``max_minutes`` stops early and keeps
    the best checkpoint; ``config_path`` replaces the shipped config (experiments);
    ``stop_at_step`` keeps the schedule of ``max_steps`` but ends at that step and
    keeps that checkpoint (how the shipped Dutch model was chosen: see MODEL_CARD.md).
    The config's own ``[newsevents]`` section holds data options spaCy does not
    know about (``repeat_current``).
    """
    work = Path(work_dir or WORK_DIR / lang)
    overrides = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy")}
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
    config = load_config(Path(config_path or CONFIGS / f"{lang}.cfg"), overrides=overrides, interpolate=False)
    data_options = dict(config.pop("newsevents", {}))
    split = convert(lang, work, ud_dir, repeat_current=int(data_options.get("repeat_current", 1)))
    fix_random_seed(config["system"]["seed"])
    nlp = init_nlp(config)
    best = _train_loop(nlp, work, deadline=time.monotonic() + max_minutes * 60, stop_at_step=stop_at_step)
    model = load_model(best)
    scores = evaluate(model, split.test).as_dict()
    (work / "test_scores.json").write_text(json.dumps(scores, indent=2))
    target = Path(output_dir or PACKAGE_MODELS / lang)
    install(best, target, lang, scores)
    logger.info("%s test scores: %s", lang, scores)
    return scores


def _train_loop(nlp, work: Path, deadline: float, stop_at_step: int | None = None) -> Path:
    """spaCy's ``training.loop.train`` with a wall-clock guard; returns model-best
    (or, with ``stop_at_step``, the checkpoint of that step)."""
    config = nlp.config.interpolate()
    T = registry.resolve(config["training"], validate=False)
    train_corpus, dev_corpus = resolve_dot_names(config, [T["train_corpus"], T["dev_corpus"]])
    optimizer = T["optimizer"]
    steps = train_while_improving(
        nlp, optimizer,
        create_train_batches(nlp, train_corpus, T["batcher"], T["max_epochs"]),
        create_evaluation_callback(nlp, dev_corpus, T["score_weights"]),
        dropout=T["dropout"], accumulate_gradient=T["accumulate_gradient"],
        patience=T["patience"], max_steps=T["max_steps"], eval_frequency=T["eval_frequency"],
        exclude=[], annotating_components=[], before_update=None,
    )
    best_dir = work / "model-best"
    started = time.monotonic()
    for _batch, info, is_best in steps:
        if is_best is not None:
            logger.info("epoch %d step %d score %.4f %s (%.1f min)", info["epoch"], info["step"],
                        info["score"], _brief(info["other_scores"]), (time.monotonic() - started) / 60)
            if is_best:
                update_meta(T, nlp, info)
                _save_averaged(nlp, optimizer, best_dir)
        if stop_at_step is not None and info["step"] >= stop_at_step:
            logger.info("stopping at step %d as asked: keeping this checkpoint", info["step"])
            _save_averaged(nlp, optimizer, best_dir)
            break
        if time.monotonic() > deadline:
            logger.warning("time limit reached at step %d: keeping the best checkpoint", info["step"])
            break
    if not best_dir.exists():  # no evaluation happened yet (tiny smoke runs)
        _save_averaged(nlp, optimizer, best_dir)
    return best_dir


def _save_averaged(nlp, optimizer, target: Path) -> None:
    """Write the pipeline with its averaged parameters (what spaCy ships), replacing ``target``."""
    with nlp.use_params(optimizer.averages):
        if target.exists():
            shutil.rmtree(target)
        nlp.to_disk(target)


def _brief(scores: dict) -> str:
    keys = ("pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "sents_f")
    return " ".join(f"{k}={scores[k]:.3f}" for k in keys if isinstance(scores.get(k), float))


SOURCES = {
    "nl": [{"name": "UD_Dutch-LassySmall (2017 train; current dev, test)", "license": "CC BY-SA 4.0",
            "url": "https://github.com/UniversalDependencies/UD_Dutch-LassySmall"},
           {"name": "UD_Dutch-Alpino (dev, test)", "license": "CC BY-SA 4.0",
            "url": "https://github.com/UniversalDependencies/UD_Dutch-Alpino"}],
    "en": [{"name": "UD_English-EWT", "license": "CC BY-SA 4.0",
            "url": "https://github.com/UniversalDependencies/UD_English-EWT"}],
}


def install(model_dir: Path, target: Path, lang: str, scores: dict | None = None) -> Path:
    """Copy a trained pipeline into ``target`` and name licence, sources and test scores in its meta."""
    from .. import __version__

    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(model_dir, target, ignore=shutil.ignore_patterns("*.spacy", "__pycache__"))
    meta_path = target / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta.update(name=f"newsevents_{lang}_syntax", version=__version__, license="CC BY-SA 4.0",
                author="newsevents", sources=SOURCES.get(lang, []),
                description="Tagger/morphologizer, parser (sentence boundaries) and edit-tree "
                            "lemmatizer trained on UD treebanks; no word vectors. See MODEL_CARD.md.")
    if scores:
        meta["newsevents_test_scores"] = scores
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False))
    return target
