"""Documents and their dates.

A news article's date is often known only to the month (the seed says ``2022-01``),
so a :class:`DocDate` keeps its precision instead of inventing a day: relative
expressions are later resolved to intervals that honour it.
"""
from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][0-9:.+\-Z]*)?\s*$")


@dataclass(frozen=True)
class DocDate:
    """A date known to the year, month or day; ``start``/``end`` bound it."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value) -> "DocDate | None":
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a time part is ignored).

        Returns None for an empty value; raises ValueError for anything else.
        """
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        match = _DATE.match(str(value))
        if not match:
            raise ValueError(f"not a date: {value!r}")
        year, month, day = (int(g) if g else None for g in match.groups())
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"not a date: {value!r}")
        if day is not None:
            dt.date(year, month, day)  # raises ValueError for 2022-02-30
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def end(self) -> dt.date:
        if self.day:
            return self.start
        if self.month:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, 12, 31)

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


@dataclass
class Document:
    """One article: the unit that is read, coded and stored."""

    id: str
    text: str
    date: DocDate | None = None
    language: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None  # file (and line) it was read from, for error messages
    meta: dict = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        """Stable hash of what is coded; coding the same content twice stores it once."""
        digest = hashlib.sha256()
        for part in (self.title or "", self.text, str(self.date or ""), self.language or ""):
            digest.update(part.encode("utf-8"))
            digest.update(b"\x1f")
        return digest.hexdigest()

    @property
    def full_text(self) -> str:
        """Title and body as one text; the title becomes the first paragraph."""
        if self.title and not self.text.startswith(self.title):
            return f"{self.title}\n\n{self.text}"
        return self.text
