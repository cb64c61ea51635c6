"""``ActorRecognizer``: political actors in tokenised text, normalised to codes."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .lexicon import Lexicon, load_lexicon
from .matcher import Hit, Matcher, Tokens
from .phrases import combine

KINDS = ("country", "organisation", "person", "region", "group", "capital", "demonym",
         "place", "sector_only")


@dataclass(frozen=True)
class ActorMention:
    """One actor named in the text.

    ``start``/``end`` are token indices in the Doc (end exclusive), ``start_char``/``end_char``
    character offsets. ``code`` is the first of ``codes`` (groups such as the Baltic states
    have several; a bare "de lidstaten" none) and None for ``kind == "sector_only"`` (a bare
    "de militairen": whose they are is for the coder to decide from context). ``modifier``
    records a stance or backing: "pro", "anti", "backed", "led", "former". ``name`` is the
    canonical name of a recognised person.
    """

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    code: str | None
    kind: str
    sector: str | None = None
    role: str | None = None
    codes: tuple[str, ...] = ()
    modifier: str | None = None
    name: str | None = None


def as_day(value) -> dt.date | None:
    """The day on which to look up office holders.

    A date known only to the month or year (``DocDate("2022-01")``) is read at the middle of
    its interval: a text dated "2024" is as likely to be from before Rutte moved to NATO in
    October as after, and the middle keeps the error to half the interval.
    """
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    start, end = value.start, value.end
    return start + (end - start) // 2


class ActorRecognizer:
    """Recognise actors in a spaCy ``Doc`` or ``Span`` of one language.

    The lexicon is built once per language and process (< 1 s) and shared by every
    recogniser of that language; ``find`` walks the tokens once with dictionary lookups.
    """

    def __init__(self, lang: str):
        self.lang = lang
        self.lexicon: Lexicon = load_lexicon(lang)
        self._matcher = Matcher(self.lexicon)

    def find(self, doc, doc_date=None) -> list[ActorMention]:
        """Actors in ``doc`` (a Doc or a Span of one), office holders resolved on ``doc_date``
        (a date, datetime, ISO string or :class:`~newsevents.documents.DocDate`; None: today)."""
        doc_date = as_day(doc_date)
        whole = doc.doc if hasattr(doc, "doc") else doc
        lo = doc.start if hasattr(doc, "start") and whole is not doc else 0
        hi = doc.end if hasattr(doc, "end") and whole is not doc else len(whole)
        tokens = Tokens.of(whole[lo:hi])
        hits = self._matcher.match(tokens, 0, hi - lo, doc_date)
        merged = combine(hits, tokens, self.lexicon.grammar)
        text = whole.text  # spaCy rebuilds it on every access
        return [self._mention(whole, text, h, lo) for h in merged]

    @staticmethod
    def _mention(doc, text: str, hit: Hit, offset: int) -> ActorMention:
        first, last = doc[hit.start + offset], doc[hit.end + offset - 1]
        start_char, end_char = first.idx, last.idx + len(last.text)
        kind = "sector_only" if hit.kind == "sector" and not hit.codes else hit.kind
        return ActorMention(
            start=hit.start + offset, end=hit.end + offset, start_char=start_char,
            end_char=end_char, text=text[start_char:end_char],
            code=hit.codes[0] if hit.codes else None, kind=kind, sector=hit.sector,
            role=hit.role, codes=tuple(hit.codes), modifier=hit.modifier,
            name=hit.person.name if hit.person else None)
