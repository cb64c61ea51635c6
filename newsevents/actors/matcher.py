"""Find lexicon names in a run of tokens: longest match first, then compounds.

The matcher produces *hits*: single names with what they stand for. Joining hits into noun
phrases ("de Letse minister Edgars Rinkevics") is :mod:`.phrases`' job.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .lexicon import COMPOUND_HEAD_KINDS, POSSESSIVE_KINDS, Entry, Lexicon
from .loading import fold
from .people import Person, resolve, resolve_many

# hits that can name whose a following sector noun is ("Russische militairen")
CODE_KINDS = frozenset({"country", "organisation", "capital", "demonym", "group", "region", "person"})


@dataclass
class Hit:
    start: int
    end: int
    kind: str
    codes: tuple[str, ...] = ()
    sector: str | None = None
    role: str | None = None
    person: Person | None = None
    modifier: str | None = None
    possessive: bool = False  # "Amerika's", "Russia 's": may own a following noun


@dataclass
class Tokens:
    """The folded text of a token run, computed once per call."""

    cased: list[str]
    lower: list[str]
    space_after: list[bool]
    is_space: list[bool]

    @classmethod
    def of(cls, tokens) -> "Tokens":
        cased = [fold(t.text) for t in tokens]
        return cls(cased, [c.lower() for c in cased], [bool(t.whitespace_) for t in tokens],
                   [t.is_space for t in tokens])


def hit_from_entry(entry: Entry, start: int, end: int, day: dt.date | None) -> Hit | None:
    if entry.kind == "person":
        picked = (entry.people[0], resolve(entry.people[0], day)) if len(entry.people) == 1 \
            else resolve_many(list(entry.people), day)
        if picked is None:
            return None  # namesakes from different countries: too ambiguous to code
        person, res = picked
        return Hit(start, end, "person", (res.code,), res.sector, res.role, person)
    return Hit(start, end, entry.kind, entry.codes, entry.sector)


class Matcher:
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self.g = lexicon.grammar

    def match(self, tok: Tokens, lo: int, hi: int, day: dt.date | None) -> list[Hit]:
        """All hits in tokens ``lo``–``hi`` (indices into ``tok``), left to right."""
        hits: list[Hit] = []
        i = lo
        while i < hi:
            if tok.is_space[i]:
                i += 1
                continue
            found = self._longest(tok, i, hi)
            if found is not None and self._inside_other_name(tok, found, i, hi):
                found = None
            if found is not None:
                end, entry, possessive = found
                hit = hit_from_entry(entry, i, end, day)
                if hit is not None:
                    hit.possessive = possessive
                    self._trim_article(tok, hit)
                    self._stance(tok, hit, lo, hi)
                    hits.append(hit)
                i = max(end, hit.end if hit else end)
                continue
            hits.extend(self._compound(tok, i, day))
            i += 1
        return [h for h in hits if h.kind != "block"]

    @staticmethod
    def _inside_other_name(tok: Tokens, found, i: int, hi: int) -> bool:
        """A one-word person name followed by another capitalised name is someone else's
        first name: "Michel Aoun" is not Charles Michel."""
        end, entry, possessive = found
        if entry.kind != "person" or end - i != 1 or possessive or end >= hi:
            return False
        after = tok.cased[end]
        return after[:1].isupper() and after.isalpha()

    def _longest(self, tok: Tokens, i: int, hi: int) -> tuple[int, Entry, bool] | None:
        """The longest name starting at token ``i`` (a trie walk over the prefix set)."""
        lex, best = self.lex, None
        key, cased = "", ""
        for j in range(i, hi):
            if tok.is_space[j]:
                break
            sep = (" " if tok.space_after[j - 1] else "") if j > i else ""
            key += sep + tok.lower[j]
            cased += sep + tok.cased[j]
            entry, possessive = lex.lookup(key, cased), False
            if entry is None:
                entry = self._possessive(key, cased)
                possessive = entry is not None
            if entry is not None:
                best = (j + 1, entry, possessive)
            if key not in lex.prefixes:
                break
        return best

    def _trim_article(self, tok: Tokens, hit: Hit) -> None:
        """Entries such as "the West" carry their article to tell them from "Kanye West";
        the actor's text starts after it."""
        while hit.end - hit.start > 1 and tok.lower[hit.start] in self.g.articles:
            hit.start += 1

    def _stance(self, tok: Tokens, hit: Hit, lo: int, hi: int) -> None:
        """Stance words split off by the tokenizer: "pro - Russian", "Russian - backed",
        "door Rusland gesteunde". The hit grows over them and records the stance."""
        g, s, e = self.g, hit.start, hit.end
        if (s - 2 >= lo and tok.cased[s - 1] == "-" and tok.lower[s - 2] in g.modifier_prefixes
                and not tok.space_after[s - 2] and not tok.space_after[s - 1]):
            hit.modifier, hit.start = g.modifier_prefixes[tok.lower[s - 2]], s - 2
        if (e + 1 < hi and tok.cased[e] == "-" and tok.lower[e + 1] in g.backer_words
                and not tok.space_after[e - 1] and not tok.space_after[e]):
            hit.modifier, hit.end = g.backer_words[tok.lower[e + 1]], e + 2
        elif e < hi and s - 1 >= lo and tok.lower[s - 1] in g.backer_before and tok.lower[e] in g.backer_words:
            hit.modifier, hit.end = g.backer_words[tok.lower[e]], e + 1

    def _possessive(self, key: str, cased: str) -> Entry | None:
        """"Poetins", "Amerika's": a name with a genitive ending glued on."""
        for suffix in self.g.possessive_suffixes:
            if key.endswith(suffix) and len(key) > len(suffix) + 1:
                n = len(suffix)
                if suffix.isalpha() and not cased[-n - 1].islower():
                    continue  # "RTS" is not RT's: a glued -s follows only lower-case letters
                entry = self.lex.lookup(key[:-n], cased[:-n], POSSESSIVE_KINDS)
                if entry is not None:
                    return entry
        return None

    # ------------------------------------------------------------------ compounds
    def _compound(self, tok: Tokens, i: int, day: dt.date | None) -> list[Hit]:
        """Names inside one token: "EU-Chinatop" (EU, CHN), "pro-Russische" (RUS,
        modifier pro), "EU-leiders" (EU/GOV), "Oekraïnecrisis" (UKR), "U.N.-backed"."""
        cased = tok.cased[i]
        if "-" not in cased.strip("-"):
            entry = self._glued_head(cased) if self.g.glued_compounds else None
            return [hit_from_entry(entry, i, i + 1, day)] if entry else []
        parts = [p for p in cased.split("-") if p]
        modifier = None
        if len(parts) > 1 and parts[0].lower() in self.g.modifier_prefixes:
            modifier = self.g.modifier_prefixes[parts[0].lower()]
            parts = parts[1:]
        named: list[Entry] = []
        sector = None
        for n, part in enumerate(parts, 1):
            entry = self.lex.lookup(part.lower(), part) or self._possessive(part.lower(), part)
            if entry is None and part.lower() in self.g.backer_words:
                modifier = modifier or self.g.backer_words[part.lower()]
                continue
            if entry is None:
                entry = self._glued_head(part)
            if entry is None:
                continue
            if entry.kind == "sector":
                # the last part is the compound's head: "NAVO-topman" is a leader,
                # a "media-evenement" is an event, not the media
                sector = entry.sector if n == len(parts) else sector
            elif entry.kind not in ("block", "place") or not named:
                named.append(entry)
        return self._compound_hits(named, sector, modifier, i, day)

    def _compound_hits(self, named, sector, modifier, i, day) -> list[Hit]:
        hits, seen = [], set()
        for entry in named:
            hit = hit_from_entry(entry, i, i + 1, day)
            if hit is None or (hit.codes, hit.kind) in seen or entry.kind == "block":
                continue
            seen.add((hit.codes, hit.kind))
            if sector and hit.kind not in ("person",):
                hit.sector = sector
            hit.modifier = modifier
            hits.append(hit)
        if not hits and sector:
            hits.append(Hit(i, i + 1, "sector", (), sector, modifier=modifier))
        if len(hits) > 1:
            hits = [h for h in hits if h.codes] or hits  # drop empty-code groups ("bondgenoten")
        return hits

    def _glued_head(self, part: str) -> Entry | None:
        """"Ruslandraad" → Rusland: a country or organisation name followed by a lower-case tail."""
        if not part[:1].isupper():
            return None
        min_tail = self.g.min_compound_tail
        for cut in range(len(part) - min_tail, 1, -1):
            tail = part[cut:]
            if not (tail.isalpha() and tail.islower()):
                continue
            entry = self.lex.lookup(part[:cut].lower(), part[:cut], COMPOUND_HEAD_KINDS)
            if entry is not None:
                return entry
        return None
