"""Load and check the event-term lexicons (``newsevents/lang/<iso>/events.yaml``).

The rule-based coder finds event triggers by lemma; these files are its only source of
event vocabulary, so a typo in a type or mode would silently lose events. Loading
therefore validates every entry against the PLOVER ontology in
``newsevents/data/plover.yaml`` (types and the modes the manual allows per type) and
fails loudly on anything malformed.

An entry whose ``with`` list is non-empty only counts when one of those lemmas (or
phrases) occurs among the trigger's dependents or in its clause; when several entries
share a lemma, the coder tries the constrained ones first (in file order) and falls back
to the unconstrained one.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

LANG_DIR = Path(__file__).resolve().parent
PLOVER_FILE = LANG_DIR.parent / "data" / "plover.yaml"

POS_TAGS = ("VERB", "NOUN", "ADJ")
KNOWN_FIELDS = {"lemma", "pos", "type", "mode", "with", "when_negated", "actor_sector",
                "symmetric", "content", "note", "forms"}
# CAMEO actor sector ("role") codes the actor recogniser may assign
SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "SPY", "BUS", "CVL", "MED",
           "EDU", "REF", "HLH", "NGO", "IGO", "PTY", "ELI", "LAB", "CRM", "UAF", "SEP", "RAD",
           "AGR", "ENV", "REL"}
_SECTOR_RE = re.compile(r"^[A-Z]{3}$")
# the C loader reads the ~750-entry lexicons ten times faster than the pure-Python one
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class EventTermsError(ValueError):
    """A lexicon entry that does not fit the schema; names the file and entry."""


@dataclass(frozen=True)
class EventTerm:
    """One trigger word: its lemma and part of speech, and the PLOVER event it signals."""

    lemma: str
    pos: str
    type: str | None
    mode: str | None = None
    with_: tuple[str, ...] = ()
    when_negated: str | None = None
    actor_sector: tuple[str, ...] = ()
    symmetric: bool = False
    content: bool = False
    note: str | None = None
    forms: tuple[str, ...] = ()

    @property
    def key(self) -> tuple:
        """Identity of an entry: the same lemma may appear once per distinct ``with`` list."""
        return (self.lemma, self.pos, tuple(sorted(w.lower() for w in self.with_)))


@functools.lru_cache(maxsize=1)
def load_plover() -> dict:
    """The PLOVER types table (``PLOVER_TYPES`` of ``data/plover.yaml``)."""
    data = yaml.load(PLOVER_FILE.read_text(encoding="utf-8"), Loader=_Loader) or {}
    return data["PLOVER_TYPES"]


def plover_modes() -> dict[str, set[str]]:
    """Each PLOVER type's allowed modes, as the manual's mode tables list them."""
    return {name: set((info.get("modes") or {})) for name, info in load_plover().items()}


def events_path(lang: str) -> Path:
    return LANG_DIR / lang / "events.yaml"


@functools.lru_cache(maxsize=None)
def load_event_terms(lang: str) -> list[EventTerm]:
    """Read and validate ``lang/<lang>/events.yaml``; raise :class:`EventTermsError` if malformed."""
    path = events_path(lang)
    if not path.exists():
        raise EventTermsError(f"{path}: no event lexicon for language '{lang}'.")
    return read_event_terms(path)


def read_event_terms(path: Path) -> list[EventTerm]:
    """Read and validate one event-lexicon file (any path: tests check broken files with it)."""
    data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_Loader) or {}
    raw = data.get("EVENT_TERMS")
    if not isinstance(raw, list) or not raw:
        raise EventTermsError(f"{path}: expected a non-empty list under the key EVENT_TERMS.")
    modes = plover_modes()
    terms, seen = [], {}
    for number, entry in enumerate(raw, 1):
        term = _parse_entry(entry, modes, where=f"{path}: entry {number}")
        if term.key in seen:
            raise EventTermsError(f"{path}: entry {number} ({term.lemma}/{term.pos}) repeats entry "
                                  f"{seen[term.key]} with the same `with` list.")
        seen[term.key] = number
        terms.append(term)
    return terms


def _parse_entry(entry, modes: dict[str, set[str]], where: str) -> EventTerm:
    if not isinstance(entry, dict):
        raise EventTermsError(f"{where}: an entry must be a mapping, not {type(entry).__name__}.")
    unknown = set(entry) - KNOWN_FIELDS
    if unknown:
        raise EventTermsError(f"{where}: unknown field(s) {sorted(unknown)}; allowed: {sorted(KNOWN_FIELDS)}.")
    lemma = entry.get("lemma")
    if not isinstance(lemma, str) or not lemma.strip() or lemma != lemma.strip():
        raise EventTermsError(f"{where}: 'lemma' must be a non-empty string without outer spaces, got {lemma!r}.")
    where = f"{where} ({lemma})"
    if lemma != lemma.lower():
        raise EventTermsError(f"{where}: lemmas are lower case.")
    if any(ch.isspace() for ch in lemma):
        raise EventTermsError(f"{where}: a lemma is one token; put the other words of a phrase in `with`.")
    pos = entry.get("pos")
    if pos not in POS_TAGS:
        raise EventTermsError(f"{where}: 'pos' must be one of {POS_TAGS}, got {pos!r}.")
    if "type" not in entry:
        raise EventTermsError(f"{where}: 'type' is required (a PLOVER type, or null with when_negated).")
    etype, mode, negated = entry.get("type"), entry.get("mode"), entry.get("when_negated")
    for name, value in (("type", etype), ("when_negated", negated)):
        if value is not None and value not in modes:
            raise EventTermsError(f"{where}: {name} {value!r} is not a PLOVER type ({', '.join(modes)}).")
    if etype is None and negated is None:
        raise EventTermsError(f"{where}: an entry with type null needs when_negated.")
    if mode is not None:
        if etype is None or mode not in modes[etype]:
            allowed = sorted(modes.get(etype, ())) or "none"
            raise EventTermsError(f"{where}: mode {mode!r} is not a mode of {etype} (allowed: {allowed}).")
    with_ = _strings(entry.get("with"), "with", where)
    sectors = _strings(entry.get("actor_sector"), "actor_sector", where)
    bad = [s for s in sectors if not _SECTOR_RE.match(s) or s not in SECTORS]
    if bad:
        raise EventTermsError(f"{where}: unknown actor sector(s) {bad}; known: {sorted(SECTORS)}.")
    forms = _strings(entry.get("forms"), "forms", where)
    for flag in ("symmetric", "content"):
        if not isinstance(entry.get(flag, False), bool):
            raise EventTermsError(f"{where}: {flag!r} must be true or false.")
    note = entry.get("note")
    if note is not None and not isinstance(note, str):
        raise EventTermsError(f"{where}: 'note' must be text.")
    return EventTerm(lemma=lemma, pos=pos, type=etype, mode=mode, with_=with_, when_negated=negated,
                     actor_sector=sectors, symmetric=entry.get("symmetric", False),
                     content=entry.get("content", False), note=note, forms=forms)


def _strings(value, name: str, where: str) -> tuple[str, ...]:
    """A list of non-empty strings (YAML turns bare on/off/yes/no into booleans: quote them)."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise EventTermsError(f"{where}: {name!r} must be a list of non-empty strings, got {value!r} "
                              "(quote words like on, off, yes, no).")
    if len(set(value)) != len(value):
        raise EventTermsError(f"{where}: {name!r} lists a word twice.")
    return tuple(value)
