"""``newsevents train-syntax LANG``: train the syntax model for one language."""
from __future__ import annotations

import json
import logging
from pathlib import Path

import click


@click.command("train-syntax")
@click.argument("lang", type=click.Choice(["nl", "en"]))
@click.option("--minutes", type=float, default=55.0, show_default=True,
              help="Wall-clock limit; when reached, the best checkpoint so far is kept.")
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write the model here instead of into the package (newsevents/models/LANG).")
@click.option("--ud-dir", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              help="Folder with nl/ and en/ UD treebanks (default: ../shared/ud beside the repo).")
@click.option("--steps", type=int, default=None,
              help="Override the config's max_steps (e.g. 50 for a quick end-to-end check).")
@click.option("--stop-at-step", type=int, default=None,
              help="Keep the config's schedule but stop at this step and keep its checkpoint "
                   "(the shipped Dutch model is step 3600).")
def train_syntax_cmd(lang: str, minutes: float, output: Path | None, ud_dir: Path | None,
                     steps: int | None, stop_at_step: int | None):
    """Train, evaluate and install the spaCy syntax pipeline for LANG.

    Converts the UD treebanks (Dutch: LassySmall 2017 train + Alpino dev + new
    LassySmall dev sentences, labels harmonised; English: EWT), trains
    tok2vec + morphologizer + parser + trainable lemmatizer with the fixed-seed
    config in newsevents/train/configs/LANG.cfg, scores it on the test split
    (gold tokens) and writes it to newsevents/models/LANG.

    Takes up to an hour per language on one CPU core; pin threads for
    reproducible speed. Intermediate files go to training/LANG (git-ignored).

    \b
    Examples:
      OMP_NUM_THREADS=1 newsevents -v train-syntax nl
      newsevents train-syntax en --minutes 30 --output /tmp/en-model
      newsevents train-syntax nl --steps 50 --output /tmp/smoke   # 2-minute check
      OMP_NUM_THREADS=1 newsevents train-syntax nl --stop-at-step 3600   # the shipped Dutch model
    """
    from ..train import train_syntax

    if logging.getLogger().level > logging.INFO:  # progress is the point of this command
        log = logging.getLogger("newsevents.train")
        log.setLevel(logging.INFO)
        log.addHandler(logging.StreamHandler())
        log.propagate = False
    kwargs = {"max_steps": steps} if steps is not None else {}
    if ud_dir is not None:
        kwargs["ud_dir"] = ud_dir
    if stop_at_step is not None:
        kwargs["stop_at_step"] = stop_at_step
    scores = train_syntax(lang, output_dir=output, max_minutes=minutes, **kwargs)
    click.echo(json.dumps(scores, indent=2))


def register(group: click.Group) -> None:
    group.add_command(train_syntax_cmd)
