"""What a reader remembers from earlier sentences: who spoke last, which country,
organisation and person were named last, and the last year mentioned.

It resolves pronouns (``Wij steunen Kyiv``, said by Rutte in 2025, is NATO),
anaphoric nouns (``de alliantie`` after NATO was named) and bare sectors (``de
ministers``) to the nearest fitting actor, and ``in dat jaar`` to the last year.
"""
from __future__ import annotations

from dataclasses import dataclass, field

ACTOR_KINDS = {"country", "organisation", "person", "group", "capital", "demonym", "region"}


@dataclass
class Discourse:
    speaker: object = None  # ActorMention
    last: dict = field(default_factory=dict)  # kind -> ActorMention
    last_any: object = None
    last_year: int | None = None
    topic: object = None  # the first actor named in the latest sentence that named one


    def remember(self, mentions) -> None:
        """Note the sentence's actor mentions, in text order."""
        coded = [m for m in mentions if m.code]
        if coded:
            self.topic = coded[0]
        for mention in coded:
            kind = _kind_class(mention.kind)
            self.last[kind] = mention
            self.last_any = mention

    def resolve(self, kind: str):
        """The nearest earlier actor fitting ``kind``: speaker, person, organisation, country or any."""
        if kind == "speaker":
            return self.speaker or self.last.get("person") or self.last_any
        if kind == "person":
            return self.last.get("person") or self.speaker
        if kind == "organisation":
            return self.last.get("organisation")
        if kind == "country":
            return self.last.get("country")
        return self.topic or self.last_any


def _kind_class(kind: str) -> str:
    if kind in ("country", "capital", "demonym", "region", "group"):
        return "country"
    return kind if kind in ("person", "organisation") else "country"
