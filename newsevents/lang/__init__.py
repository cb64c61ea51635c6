"""Per-language knowledge, loaded from data files with the same names in every language.

``newsevents/lang/<iso>/`` holds ``events.yaml`` (event terms), ``cues.yaml`` (negation,
modality, speech and anaphora cues), ``dates.yaml`` (date words), ``actors.yaml``,
``organisations.yaml``, ``countries.json`` (generated from CLDR) and ``lemmas.json``
(form → lemma, generated from the UD treebanks). Adding a language means adding a
folder (and a trained syntax model); the code has no per-language branches.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import UnsupportedLanguage

LANG_DIR = Path(__file__).parent
REQUIRED_FILES = ("events.yaml", "cues.yaml", "dates.yaml", "morphology.yaml")


def supported_languages() -> list[str]:
    """Languages with a complete data folder."""
    return sorted(p.name for p in LANG_DIR.iterdir()
                  if p.is_dir() and all((p / name).exists() for name in REQUIRED_FILES))


def read_yaml(lang: str, name: str, key: str):
    """Read the UPPER_CASE constant ``key`` from ``lang/<lang>/<name>``."""
    path = LANG_DIR / lang / name
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    return data.get(key, {})


@dataclass
class LanguageData:
    """Everything the coder knows about one language."""

    lang: str
    cues: dict
    dates: dict
    morphology: dict = field(default_factory=dict)
    lemmas: dict = field(default_factory=dict)

    def cue(self, name: str) -> set:
        return {str(w).lower() for w in self.cues.get(name, [])}


def load_language(lang: str, where: str = "input") -> LanguageData:
    """Load a language's data (once per process); raise :class:`UnsupportedLanguage` (E008),
    naming ``where`` the document came from, for a language without a data folder."""
    if lang not in _supported():
        raise UnsupportedLanguage("E008", where=where, language=lang, supported=", ".join(_supported()))
    return _load(lang)


@functools.lru_cache(maxsize=1)
def _supported() -> tuple:
    return tuple(supported_languages())


@functools.lru_cache(maxsize=None)
def _load(lang: str) -> LanguageData:
    lemmas_path = LANG_DIR / lang / "lemmas.json"
    lemmas = {}
    if lemmas_path.exists():
        lemmas = json.loads(lemmas_path.read_text(encoding="utf-8")).get("LEMMAS", {})
    return LanguageData(lang=lang, cues=read_yaml(lang, "cues.yaml", "CUES"),
                        dates=read_yaml(lang, "dates.yaml", "DATES"),
                        morphology=read_yaml(lang, "morphology.yaml", "MORPHOLOGY"), lemmas=lemmas)
