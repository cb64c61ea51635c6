"""Time expressions and the interval each event happened (or will happen) in.

Everything is resolved against the document date, which may be known only to the
month: then "woensdag" is *a* Wednesday in that month, and the record says so
(``precision: "month"`` and a note) rather than inventing a day.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d|2100)$")
_DAY = re.compile(r"^([1-9]|[12]\d|3[01])$")


@dataclass
class TimeExpr:
    start: int  # token index in the sentence doc
    end: int
    text: str
    kind: str  # year, month, date, weekday, relative_day, period, anaphoric_year, recent, since_year
    value: tuple = ()


def _period(start: dt.date, end: dt.date, text: str, precision: str, note: str | None = None) -> dict:
    out = {"start": start.isoformat(), "end": end.isoformat(), "text": text, "precision": precision}
    if note:
        out["note"] = note
    return out


def document_interval(doc_date) -> dict | None:
    if doc_date is None:
        return None
    return _period(doc_date.start, doc_date.end, "", doc_date.precision)


class TimeResolver:
    """Finds and resolves the time expressions of one language."""

    def __init__(self, dates: dict):
        self.weekdays = {k.lower(): int(v) for k, v in dates.get("weekdays", {}).items()}
        self.months = {k.lower(): int(v) for k, v in dates.get("months", {}).items()}
        self.relative_days = {k.lower(): int(v) for k, v in dates.get("relative_days", {}).items()}
        self.periods = {tuple(k.lower().split()): tuple(v) for k, v in dates.get("relative_periods", {}).items()}
        self.anaphoric = sorted((tuple(p.lower().split()) for p in dates.get("anaphoric_year", [])), key=len, reverse=True)
        self.since = {w.lower() for w in dates.get("since_words", [])}
        self.recent = {w.lower() for w in dates.get("recent_words", [])}
        self.first_words = ({p[0] for p in self.anaphoric} | {p[0] for p in self.periods} | set(self.months)
                            | set(self.weekdays) | set(self.relative_days) | self.recent)

    def find(self, doc) -> list[TimeExpr]:
        """All time expressions in a tokenised sentence, left to right, longest first."""
        words = [t.text.lower() for t in doc]
        found, i = [], 0
        while i < len(words):
            expr = self._match_at(doc, words, i)
            if expr:
                found.append(expr)
                i = expr.end
            else:
                i += 1
        return found

    def _match_at(self, doc, words, i) -> TimeExpr | None:
        if words[i] not in self.first_words and not words[i][:1].isdigit():
            return None  # most words start no time expression
        for phrase in self.anaphoric:
            if tuple(words[i:i + len(phrase)]) == phrase:
                return TimeExpr(i, i + len(phrase), doc[i:i + len(phrase)].text, "anaphoric_year")
        for phrase, (unit, offset) in self.periods.items():
            if tuple(words[i:i + len(phrase)]) == phrase:
                return TimeExpr(i, i + len(phrase), doc[i:i + len(phrase)].text, "period", (unit, offset))
        word = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        nxt2 = words[i + 2] if i + 2 < len(words) else ""
        if _DAY.match(word) and nxt in self.months:
            if _YEAR.match(nxt2):
                return TimeExpr(i, i + 3, doc[i:i + 3].text, "date", (int(nxt2), self.months[nxt], int(word)))
            return TimeExpr(i, i + 2, doc[i:i + 2].text, "date", (None, self.months[nxt], int(word)))
        if word in self.months and (_YEAR.match(nxt) or _DAY.match(nxt) or _is_month_context(words, i)):
            if _DAY.match(nxt):
                year = int(nxt2) if _YEAR.match(nxt2.strip(",")) else None
                end = i + (3 if year else 2)
                return TimeExpr(i, end, doc[i:end].text, "date", (year, self.months[word], int(nxt)))
            if _YEAR.match(nxt):
                return TimeExpr(i, i + 2, doc[i:i + 2].text, "month", (int(nxt), self.months[word]))
            return TimeExpr(i, i + 1, doc[i].text, "month", (None, self.months[word]))
        if _YEAR.match(word):
            kind = "since_year" if i > 0 and words[i - 1] in self.since else "year"
            return TimeExpr(i, i + 1, doc[i].text, kind, (int(word),))
        if word in self.weekdays:
            return TimeExpr(i, i + 1, doc[i].text, "weekday", (self.weekdays[word],))
        if word in self.relative_days:
            return TimeExpr(i, i + 1, doc[i].text, "relative_day", (self.relative_days[word],))
        if word in self.recent:
            return TimeExpr(i, i + 1, doc[i].text, "recent")
        return None

    # -- resolution -----------------------------------------------------------------
    def resolve(self, expr: TimeExpr, doc_date, *, future: bool, last_year: int | None) -> dict | None:
        """The interval an expression denotes, given the document date and the tense."""
        kind, value, text = expr.kind, expr.value, expr.text
        if kind in ("year", "since_year"):
            year = value[0]
            return _period(dt.date(year, 1, 1), dt.date(year, 12, 31), text, "year")
        if kind == "anaphoric_year":
            if last_year is None:
                return None
            return _period(dt.date(last_year, 1, 1), dt.date(last_year, 12, 31), text, "year")
        if doc_date is None and kind not in ("date", "month"):
            return None
        if kind == "month":
            year = value[0] or _nearest_year(doc_date, value[1], future)
            if year is None:
                return None
            last = calendar.monthrange(year, value[1])[1]
            return _period(dt.date(year, value[1], 1), dt.date(year, value[1], last), text, "month")
        if kind == "date":
            year = value[0] or _nearest_year(doc_date, value[1], future)
            if year is None:
                return None
            try:
                day = dt.date(year, value[1], value[2])
            except ValueError:
                return None
            return _period(day, day, text, "day")
        if kind == "weekday":
            return _weekday(doc_date, value[0], future, text)
        if kind == "relative_day":
            if doc_date.precision != "day":
                return _period(doc_date.start, doc_date.end, text, doc_date.precision,
                               f"'{text}' relative to a document dated only to the {doc_date.precision}")
            day = doc_date.start + dt.timedelta(days=value[0])
            return _period(day, day, text, "day")
        if kind == "period":
            return _relative_period(doc_date, value[0], value[1], text)
        if kind == "recent":
            return _period(doc_date.start, doc_date.end, text, doc_date.precision)
        return None


def _is_month_context(words, i) -> bool:
    """A bare month name counts after 'in', 'sinds', 'begin', 'eind', 'last', 'next' … (not the verb 'may')."""
    return i > 0 and words[i - 1] in {"in", "sinds", "begin", "eind", "half", "medio", "vanaf", "tot", "since", "until", "early", "late", "last", "next", "this", "dit", "deze", "vorige", "volgende"}


def _nearest_year(doc_date, month: int, future: bool) -> int | None:
    if doc_date is None:
        return None
    year = doc_date.year
    if doc_date.month is None:
        return year
    if future and month < doc_date.month:
        return year + 1
    if not future and month > doc_date.month:
        return year - 1
    return year


def _weekday(doc_date, weekday: int, future: bool, text: str) -> dict:
    if doc_date.precision != "day":
        start, end = doc_date.start, doc_date.end
        name = calendar.day_name[weekday]
        days = [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
        candidates = [d.isoformat() for d in days if d.weekday() == weekday]
        note = f"a {name} in {doc_date} (the document is dated only to the {doc_date.precision})"
        out = _period(start, end, text, doc_date.precision, note)
        out["candidates"] = candidates
        return out
    day = doc_date.start
    if future:
        delta = (weekday - day.weekday()) % 7 or 7
        target = day + dt.timedelta(days=delta)
    else:
        delta = (day.weekday() - weekday) % 7
        target = day - dt.timedelta(days=delta)
    return _period(target, target, text, "day")


def _relative_period(doc_date, unit: str, offset: int, text: str) -> dict:
    base = doc_date.start
    if unit == "year":
        year = base.year + offset
        return _period(dt.date(year, 1, 1), dt.date(year, 12, 31), text, "year")
    if unit == "month":
        month_index = base.year * 12 + (base.month - 1) + offset
        year, month = divmod(month_index, 12)
        return _period(dt.date(year, month + 1, 1), dt.date(year, month + 1, calendar.monthrange(year, month + 1)[1]), text, "month")
    if doc_date.precision != "day":
        return _period(doc_date.start, doc_date.end, text, doc_date.precision,
                       f"'{text}' relative to a document dated only to the {doc_date.precision}")
    monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=offset)
    return _period(monday, monday + dt.timedelta(days=6), text, "week")
