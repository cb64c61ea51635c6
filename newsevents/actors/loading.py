"""Reading the data files and the one text normalisation every lookup shares."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import yaml

try:  # libyaml is ten times faster; the pure-Python loader gives the same result
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'",
                         "\u2010": "-", "\u2011": "-"})


def load_yaml(path: Path):
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_Loader)


def fold(text: str) -> str:
    """Strip accents and unify apostrophes and hyphens, keeping case.

    News writes "Erdogan" and "Erdoğan", "Rinkevics" and "Rinkēvičs", "Putin’s" and
    "Putin's"; one folded form lets one lexicon entry match them all.
    """
    text = text.translate(_QUOTES)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
