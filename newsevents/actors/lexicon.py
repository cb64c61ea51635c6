"""The actor lexicon of one language: every name the recogniser knows, indexed for lookup.

Built from ``newsevents/lang/<iso>/countries.json`` (generated from CLDR), ``actors.yaml``
and ``organisations.yaml`` (hand-written) and the language-independent
``newsevents/data/office_holders.yaml``. Nothing here knows which language it reads: every
language-specific word, including the little grammar of noun phrases, is in the data.

Lookup is by the accent-folded, lower-cased surface string of a token sequence joined the
way the tokens are spaced ("verenigde staten", "u.s.", "secretary-general"), so matching does
not depend on how a tokenizer splits a name, only on where it puts token boundaries. A set of
all key prefixes lets the matcher stop extending a candidate as soon as no name can follow.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UnsupportedLanguage
from .loading import fold, load_yaml
from .people import Person, load_people

LANG_ROOT = Path(__file__).resolve().parents[1] / "lang"

# when one surface string has entries of several kinds, the first kind listed wins
# ("Polen" is the country before it is the plural of "Pool"; Dutch "Albanese" is the
# demonym before it is Australia's prime minister)
KIND_ORDER = ("block", "country", "organisation", "capital", "group", "region", "demonym",
              "person", "place", "sector")
# a capitalised name also matches in ALL CAPS (headlines) from this length on: "IRAN" is
# Iran, but "EST" (a time zone) is not the Dutch "Est" (an Estonian)
ALL_CAPS_MIN = 4
# kinds whose name may carry a possessive ending ("Poetins", "Amerika's")
POSSESSIVE_KINDS = frozenset({"country", "organisation", "capital", "person"})
# kinds that may be glued to a lower-case tail in a compound ("Ruslandraad")
COMPOUND_HEAD_KINDS = frozenset({"country", "organisation"})


@dataclass(frozen=True)
class Entry:
    """One name in the lexicon and what it stands for."""

    surface: str  # folded, as written in the data (case kept)
    kind: str
    codes: tuple[str, ...] = ()
    sector: str | None = None
    people: tuple[Person, ...] = ()  # for kind "person": everyone with this name
    words: tuple[str, ...] = field(default=(), compare=False)

    def case_ok(self, cased: str) -> bool:
        """Lower-case words match any case; a capitalised word must match exactly or in
        ALL CAPS ("VS" but not "vs", "Turkey" but not "turkey", "TURKEY" in a headline)."""
        doc_words = cased.split(" ")
        if len(doc_words) != len(self.words):
            return True  # same lower-cased string, different spacing: nothing to compare
        for want, got in zip(self.words, doc_words):
            if want != want.lower() and got != want and not (
                    len(want) >= ALL_CAPS_MIN and got.isupper() and got == want.upper()):
                return False
        return True


@dataclass(frozen=True)
class Grammar:
    """The few function words the noun-phrase rules need (``GRAMMAR`` in actors.yaml)."""

    possessive_suffixes: tuple[str, ...]
    possessive_tokens: frozenset[str]
    of_preps: frozenset[str]
    seat_preps: frozenset[str]
    seat_exempt: frozenset[str]
    articles: frozenset[str]
    conjunctions: frozenset[str]
    np_breakers: frozenset[str]
    modifier_prefixes: dict
    backer_words: dict
    backer_before: frozenset[str]
    min_compound_tail: int
    glued_compounds: bool
    noun_modifiers: bool

    @classmethod
    def from_data(cls, data: dict) -> "Grammar":
        low = lambda key: frozenset(w.lower() for w in data.get(key) or [])  # noqa: E731
        return cls(
            possessive_suffixes=tuple(fold(s).lower() for s in data.get("possessive_suffixes") or []),
            possessive_tokens=frozenset(fold(s).lower() for s in data.get("possessive_tokens") or []),
            of_preps=low("of_preps"), seat_preps=low("seat_preps"), seat_exempt=low("seat_exempt"),
            articles=low("articles"),
            conjunctions=low("conjunctions"), np_breakers=low("np_breakers"),
            modifier_prefixes={k.lower(): v for k, v in (data.get("modifier_prefixes") or {}).items()},
            backer_words={k.lower(): v for k, v in (data.get("backer_words") or {}).items()},
            backer_before=low("backer_before"),
            min_compound_tail=int(data.get("min_compound_tail", 3)),
            glued_compounds=bool(data.get("glued_compounds", False)),
            noun_modifiers=bool(data.get("noun_modifiers", False)),
        )


class Lexicon:
    """All names of one language, keyed by folded lower-case surface string."""

    def __init__(self, lang: str, grammar: Grammar):
        self.lang = lang
        self.grammar = grammar
        self.entries: dict[str, list[Entry]] = {}
        self.prefixes: set[str] = set()
        self.max_words = 1
        self.counts: dict[str, int] = {}

    def add(self, surface: str, kind: str, codes=(), sector=None, people=()) -> None:
        surface = " ".join(fold(str(surface)).split())
        key = surface.lower()
        bucket = self.entries.setdefault(key, [])
        for i, old in enumerate(bucket):
            if old.kind == kind == "person" and old.surface == surface:
                # several people share a surname: keep them together, resolve by date
                bucket[i] = Entry(surface, kind, (), None, old.people + tuple(people), old.words)
                return
            if old.kind == kind and old.surface == surface and old.codes == tuple(codes):
                return
        bucket.append(Entry(surface, kind, tuple(codes), sector, tuple(people), tuple(surface.split(" "))))
        bucket.sort(key=lambda e: KIND_ORDER.index(e.kind))
        self.counts[kind] = self.counts.get(kind, 0) + 1
        self.prefixes.update(key[:n] for n in range(1, len(key) + 1))
        self.max_words = max(self.max_words, key.count(" ") + 1)

    def lookup(self, key: str, cased: str, kinds=None) -> Entry | None:
        """The best entry for a folded string, honouring case rules (and a kind filter)."""
        for entry in self.entries.get(key, ()):
            if (kinds is None or entry.kind in kinds) and entry.case_ok(cased):
                return entry
        return None


def _named(items):
    """Yield (name, sector) from a list of plain names and {name: SECTOR} mappings."""
    for item in items or []:
        if isinstance(item, dict):
            for name, sector in item.items():
                yield name, sector
        else:
            yield item, None


def _load_lang(lex: Lexicon, folder: Path, actors: dict) -> None:
    countries = json.loads((folder / "countries.json").read_text(encoding="utf-8"))["countries"]
    for code, names in countries.items():
        for name in names:
            lex.add(name, "country", (code,))
    orgs = load_yaml(folder / "organisations.yaml") or {}
    for code, names in orgs.items():
        for name, sector in _named(names):
            lex.add(name, "organisation", (code,), sector)
    for section, kind in (("DEMONYMS", "demonym"), ("CAPITALS", "capital"), ("PLACES", "place")):
        for code, names in (actors.get(section) or {}).items():
            for name, sector in _named(names):
                lex.add(name, kind, (code,), sector)
    for sector, nouns in (actors.get("SECTORS") or {}).items():
        for noun in nouns:
            lex.add(noun, "sector", (), sector)
    for group in actors.get("GROUPS") or []:
        for name in group["names"]:
            lex.add(name, group.get("kind", "group"), tuple(group.get("codes") or ()))
    for name in actors.get("BLOCK") or []:
        lex.add(name, "block")


def _load_people(lex: Lexicon, people: tuple[Person, ...]) -> None:
    for person in people:
        for name in person.names + person.short:
            lex.add(name, "person", people=(person,))


def supported_languages() -> list[str]:
    return sorted(p.parent.name for p in LANG_ROOT.glob("*/actors.yaml"))


@functools.lru_cache(maxsize=None)
def load_lexicon(lang: str) -> Lexicon:
    """The lexicon of ``lang`` (built once per process, then shared)."""
    folder = LANG_ROOT / lang
    if not (folder / "actors.yaml").exists():
        raise UnsupportedLanguage("E008", where="ActorRecognizer", language=lang,
                                  supported=", ".join(supported_languages()))
    actors = load_yaml(folder / "actors.yaml") or {}
    lex = Lexicon(lang, Grammar.from_data(actors.get("GRAMMAR") or {}))
    _load_lang(lex, folder, actors)
    _load_people(lex, load_people())
    return lex
