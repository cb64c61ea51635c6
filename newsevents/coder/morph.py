"""Guess the lemmas a word form may have, from a lookup table and inflection rules.

The guesses serve two purposes: finding sentences that may hold an event term *before*
parsing (parsing is the expensive step, and most sentences hold no event), and
lemmatising in fallback mode when a language has no trained syntax model. Guesses are
only ever compared with known event terms, so generating too many is harmless.
"""
from __future__ import annotations

import functools

VOWELS = "aeiou"


class LemmaGuesser:
    """Candidate lemmas for a lower-case word form, per language data."""

    def __init__(self, lemmas: dict, morphology: dict):
        self.lemmas = lemmas
        self.suffixes = [tuple(pair) for pair in morphology.get("suffixes", [])]
        self.endings = list(morphology.get("lemma_endings", [""]))
        self.undouble = bool(morphology.get("undouble_vowels"))
        self.double = bool(morphology.get("double_consonant"))
        self.voicing = dict(morphology.get("voicing") or {})
        self.ge = morphology.get("participle_prefix") or ""
        self.particles = sorted(morphology.get("separable_particles") or [], key=len, reverse=True)
        self.guess = functools.lru_cache(maxsize=200_000)(self._guess)

    def _stems(self, form: str) -> set[str]:
        stems = {form}
        for suffix, add in self.suffixes:
            if form.endswith(suffix) and len(form) - len(suffix) >= 2:
                stems.add(form[: len(form) - len(suffix)] + add)
        return stems

    def _variants(self, stem: str) -> set[str]:
        out = {stem}
        if len(stem) >= 2 and stem[-1] in self.voicing:
            out.add(stem[:-1] + self.voicing[stem[-1]])
        if self.undouble and len(stem) >= 3 and stem[-2] == stem[-3] and stem[-2] in VOWELS:
            out.add(stem[:-3] + stem[-2] + stem[-1])
        if self.double and len(stem) >= 2 and stem[-1] not in VOWELS and stem[-2] in VOWELS:
            out.add(stem + stem[-1])
        if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
            out.add(stem[:-1])
        return out

    def _strip_participle(self, form: str) -> set[str]:
        """'opgelegd' -> 'oplegd', 'gedreigd' -> 'dreigd' (then the suffix rules apply)."""
        if not self.ge:
            return set()
        out = set()
        if form.startswith(self.ge) and len(form) > len(self.ge) + 2:
            out.add(form[len(self.ge):])
        for particle in self.particles:
            if form.startswith(particle + self.ge):
                out.add(particle + form[len(particle) + len(self.ge):])
        return out

    def _guess(self, form: str) -> frozenset[str]:
        known = self.lemmas.get(form)
        out = {form} | ({known} if known else set())
        for base in {form} | self._strip_participle(form):
            for stem in self._stems(base):
                for variant in self._variants(stem):
                    out.update(variant + ending for ending in self.endings)
        return frozenset(out)

    def lemma(self, form: str) -> str:
        """Best single guess for fallback mode: the lookup table, else the form itself."""
        return self.lemmas.get(form, form)
