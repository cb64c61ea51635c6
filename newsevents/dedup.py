"""Near-duplicate documents and duplicate events: count a story once, not a hundred times.

GDELT's best-known failure is that one wire story, syndicated to a hundred sites,
becomes a hundred events. Two steps prevent that here:

1. **Stories** — documents whose word shingles mostly agree (MinHash/LSH, Jaccard
   above ``threshold``) are syndicated copies or light edits of one story and share
   a ``story_id`` (the id of the first document seen of it).
2. **Events** — records that describe the same happening are merged into one event
   with ``mentions`` (every report, GDELT's NumMentions) and ``sources`` (distinct
   documents, GDELT's NumSources), and a ``provenance`` list that keeps where each
   mention came from.

Everything here is a pure function (or a small in-memory index) over plain dicts,
so the store and the runner can both call it.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import zlib
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from .documents import DocDate

SHINGLE_WORDS = 4
NUM_PERM = 128
THRESHOLD = 0.5
DATE_WINDOW_DAYS = 2
# reciprocal events list every participant as actor (PLOVER manual, "Compound and
# Reciprocal Actors"), so "A met B" and "A and B met" are the same event
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})

_WORD = re.compile(r"\w+", re.UNICODE)


# --------------------------------------------------------------------------- stories


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Lower-cased word ``size``-grams; punctuation and spacing changes do not matter."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def minhash(text: str, num_perm: int = NUM_PERM):
    """The MinHash signature of a text's shingles."""
    from datasketch import MinHash

    # CRC-32 instead of datasketch's SHA-1: five times faster, and 32 bits are all MinHash uses;
    # the permutations are made once, not once a document
    permutations, scheme = _permutations(num_perm)
    signature = MinHash(num_perm=num_perm, seed=1, hashfunc=zlib.crc32, permutations=permutations, scheme=scheme)
    signature.update_batch([s.encode("utf-8") for s in shingles(text)])
    return signature


@functools.lru_cache(maxsize=4)
def _permutations(num_perm: int):
    from datasketch import MinHash

    template = MinHash(num_perm=num_perm, seed=1)
    return template.permutations, template.scheme


@dataclass
class StoryIndex:
    """An incremental index that gives each document the ``story_id`` of its near-duplicates.

    Add documents in the order they should be credited: the first one of a story
    names it. Links are transitive (a light edit of a light edit stays in the story).
    """

    threshold: float = THRESHOLD
    num_perm: int = NUM_PERM
    stories: dict[str, str] = field(default_factory=dict)

    def __post_init__(self):
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)
        self._signatures: dict[str, object] = {}
        self._rank: dict[str, int] = {}

    def add(self, doc_id: str, text: str) -> str:
        """Index one document and return its story id (re-adding an id returns its story)."""
        if doc_id in self.stories:
            return self.stories[doc_id]
        signature = minhash(text, self.num_perm)
        values = signature.hashvalues
        matches = [m for m in self._lsh.query(signature) if (values == self._signatures[m]).mean() >= self.threshold]
        story = min((self.stories[m] for m in matches), key=self._order, default=doc_id)
        self._lsh.insert(doc_id, signature)
        self._signatures[doc_id] = values  # 1 KB a document: the hash values, not the MinHash object
        self.stories[doc_id] = story
        self._rank[doc_id] = len(self._rank)
        return story

    def _order(self, story_id: str) -> int:
        """The earliest-added document's story wins when a text links two stories."""
        return self._rank[story_id]


def assign_stories(documents: Iterable, *, threshold: float = THRESHOLD) -> dict[str, str]:
    """Map every document id to its story id.

    ``documents`` are :class:`~newsevents.documents.Document` objects or
    ``(doc_id, text)`` pairs, in the order they should be credited.
    """
    index = StoryIndex(threshold=threshold)
    for item in documents:
        doc_id, text = (item.id, item.full_text) if hasattr(item, "full_text") else item
        index.add(doc_id, text)
    return dict(index.stories)


# --------------------------------------------------------------------------- events


def event_key(event: Mapping) -> tuple:
    """What must agree for two records to be one event: type, dyad (as code sets) and aux."""
    actors = _codes(event.get("actor"))
    recipients = _codes(event.get("recipient"))
    if event.get("type") in SYMMETRIC_TYPES:
        dyad = (actors | recipients,)
    else:
        dyad = (actors, recipients)
    return (event.get("type"), dyad, event.get("aux"))


def _codes(entities) -> frozenset:
    return frozenset(e.get("code") or (e.get("text") or "").lower() for e in entities or [])


def dedup_events(
    events: Iterable[Mapping],
    stories: Mapping[str, str] | None = None,
    *,
    window_days: int = DATE_WINDOW_DAYS,
) -> list[dict]:
    """Merge records of the same event; return one dict per distinct event.

    Same event: same :func:`event_key`, overlapping date intervals, and either the
    same story (``stories`` maps doc id → story id; a document is its own story
    otherwise) or document dates at most ``window_days`` apart. The first mention
    (by document date, then input order) stands for the event; the output keeps
    its fields and adds ``mentions``, ``sources``, ``story_ids`` and ``provenance``.
    """
    stories = stories or {}
    ordered = sorted(events, key=_mention_order)  # stable: input order within a date
    clusters: dict[tuple, list[_Cluster]] = {}
    opened: list[_Cluster] = []
    for event in ordered:
        story = stories.get(event.get("doc_id"), event.get("doc_id"))
        candidates = clusters.setdefault(event_key(event), [])
        for cluster in candidates:
            if cluster.accepts(event, story, window_days):
                cluster.add(event, story)
                break
        else:
            opened.append(_Cluster.start(event, story))
            candidates.append(opened[-1])
    return [cluster.result() for cluster in opened]


def merge_event_mentions(events: Iterable[Mapping]) -> list[dict]:
    """Within one document: an event told twice becomes one event with ``mentions`` = 2.

    The pipeline's last stage; the same rules as :func:`dedup_events` (one document
    is one story), and every mention keeps its sentence and trigger in ``provenance``.
    """
    merged = dedup_events(events)
    for event in merged:
        event.pop("story_ids", None)  # one document: the runner names its story
    return merged


def _mention_order(event: Mapping):
    """Earlier documents first; the sort is stable, so the original of a story leads its copies."""
    return _doc_interval(event.get("doc_date"))[0] or dt.date.min


def provenance(event: Mapping) -> list[dict]:
    """Where an event record was read: its own provenance if merged before, else its one mention."""
    if event.get("provenance"):
        return [dict(p) for p in event["provenance"]]
    trigger = event.get("trigger") or {}
    return [{
        "doc_id": event.get("doc_id"),
        "sentence_index": event.get("sentence_index"),
        "trigger": {"text": trigger.get("text"), "start": trigger.get("start"), "end": trigger.get("end")},
    }]


@dataclass
class _Cluster:
    first: dict
    mentions: list = field(default_factory=list)
    stories: set = field(default_factory=set)
    doc_dates: list = field(default_factory=list)  # (start, end) of each mention's document date
    span: tuple = (None, None)  # union of the mentions' event intervals

    @classmethod
    def start(cls, event: Mapping, story: str) -> "_Cluster":
        cluster = cls(first=dict(event))
        cluster.add(event, story)
        return cluster

    def add(self, event: Mapping, story: str) -> None:
        self.mentions.append(event)
        self.stories.add(story)
        self.doc_dates.append(_doc_interval(event.get("doc_date")))
        start, end = _event_interval(event)
        if len(self.mentions) == 1:
            self.span = (start, end)
        else:  # a None bound is open: it stays open in the union
            low, high = self.span
            self.span = (None if None in (low, start) else min(low, start), None if None in (high, end) else max(high, end))

    def accepts(self, event: Mapping, story: str, window_days: int) -> bool:
        if not _overlap(self.span, _event_interval(event)):
            return False
        if story in self.stories:
            return True
        doc_date = _doc_interval(event.get("doc_date"))
        if doc_date == (None, None):
            return False
        window = dt.timedelta(days=window_days)
        return any(_gap(doc_date, other) <= window for other in self.doc_dates if other != (None, None))

    def result(self) -> dict:
        """The first mention's record, counted: every distinct place it was read is one mention.

        Counting places rather than adding up ``mentions`` makes merging idempotent and
        takes the coder's own in-document links (``same_as``) as they are.
        """
        event = dict(self.first)
        event.pop("same_as", None)
        trail, seen = [], set()
        for mention in self.mentions:
            for place in provenance(mention):
                key = (place["doc_id"], place["sentence_index"], (place.get("trigger") or {}).get("start"))
                if key not in seen:
                    seen.add(key)
                    trail.append(place)
        event["mentions"] = len(trail)
        event["sources"] = len({p["doc_id"] for p in trail})
        event["story_ids"] = sorted(self.stories)
        event["provenance"] = trail
        return event


def _event_interval(event: Mapping) -> tuple:
    """The event's own date interval, or its document's when the coder resolved none."""
    date = event.get("date") or {}
    start, end = _parse_day(date.get("start")), _parse_day(date.get("end"))
    if start is None and end is None:
        return _doc_interval(event.get("doc_date"))
    return (start, end or start) if start else (None, end)


def _doc_interval(value) -> tuple:
    try:
        parsed = DocDate.parse(value)
    except (TypeError, ValueError):
        return (None, None)
    return (parsed.start, parsed.end) if parsed else (None, None)


def _parse_day(value):
    if not value:
        return None
    try:
        return DocDate.parse(value).start
    except (TypeError, ValueError, AttributeError):
        return None


def _overlap(a: tuple, b: tuple) -> bool:
    """Open-ended intervals (None bounds) overlap everything on that side."""
    return (a[0] is None or b[1] is None or a[0] <= b[1]) and (b[0] is None or a[1] is None or b[0] <= a[1])


def _gap(a: tuple, b: tuple) -> dt.timedelta:
    if _overlap(a, b):
        return dt.timedelta(0)
    return b[0] - a[1] if a[1] < b[0] else a[0] - b[1]
