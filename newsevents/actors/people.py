"""Office holders: who a name stands for on a given day.

A news text names people, and the coder needs what they stand for *on the day of the
article*: "Stoltenberg" is Norway's prime minister in 2010 and NATO's Secretary General in
2022; "Rutte" is the Netherlands in 2022 and NATO in 2025. The facts live in
``newsevents/data/office_holders.yaml`` (language-independent).
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

from .loading import load_yaml

OFFICE_HOLDERS = Path(__file__).resolve().parents[1] / "data" / "office_holders.yaml"


@dataclass(frozen=True)
class Office:
    code: str
    sector: str | None
    role: str
    start: dt.date
    end: dt.date | None  # None: still in office

    def held_on(self, day: dt.date) -> bool:
        # the end date is the hand-over day: it belongs to the successor
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Person:
    name: str  # canonical full name (the first full name listed)
    nationality: str
    offices: tuple[Office, ...]
    names: tuple[str, ...]  # full names, every spelling
    short: tuple[str, ...]  # names that match alone (surnames)

    def office_on(self, day: dt.date) -> Office | None:
        """The most important office held on ``day`` (offices are listed most important first)."""
        for office in self.offices:
            if office.held_on(day):
                return office
        return None


@dataclass(frozen=True)
class Resolution:
    code: str
    sector: str | None
    role: str | None


def resolve(person: Person, day: dt.date | None) -> Resolution:
    """What ``person`` stands for on ``day``; out of office: their country, no sector.

    Without a date the text is taken to be current (like dateparser's relative base).
    """
    office = person.office_on(day or dt.date.today())
    if office is None:
        return Resolution(person.nationality, None, None)
    return Resolution(office.code, office.sector, office.role)


def resolve_many(people: list[Person], day: dt.date | None) -> tuple[Person, Resolution] | None:
    """Pick one of several people sharing a surname: the one in office that day, else their
    common nationality; None when they belong to different countries."""
    for person in people:
        if person.office_on(day or dt.date.today()):
            return person, resolve(person, day)
    nationalities = {p.nationality for p in people}
    if len(nationalities) == 1:
        return people[0], Resolution(people[0].nationality, None, None)
    return None


def _person(entry: dict) -> Person:
    given = entry.get("given") or []
    family = entry.get("family") or []
    names = [f"{g} {f}" for g in given for f in family] + list(entry.get("names") or [])
    short = entry["short"] if "short" in entry else family
    offices = tuple(Office(code, sector, role, start, end)
                    for code, sector, role, start, end in entry.get("offices") or [])
    return Person(names[0], entry["nationality"], offices, tuple(dict.fromkeys(names)),
                  tuple(dict.fromkeys(short or [])))


@functools.lru_cache(maxsize=None)
def load_people(path: str = str(OFFICE_HOLDERS)) -> tuple[Person, ...]:
    return tuple(_person(e) for e in load_yaml(Path(path)))
