"""Training our own syntax pipelines from the UD treebanks (``newsevents train-syntax``)."""
from __future__ import annotations


def train_syntax(lang, output_dir=None, max_minutes=55.0, **kwargs):
    """Lazy wrapper so ``import newsevents.train`` does not pull in spaCy's training loop."""
    from .trainer import train_syntax as _train
    return _train(lang, output_dir=output_dir, max_minutes=max_minutes, **kwargs)


__all__ = ["train_syntax"]
