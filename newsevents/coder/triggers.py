"""Find event triggers: tokens whose lemma (and part of speech) is an event term.

Matching works on lemmas so that one lexicon entry covers every inflection; Dutch
separable verbs are rejoined from their particle (``legden … op`` → ``opleggen``), and
Dutch compounds are matched on their last part (``topoverleg`` → ``overleg``). Before
parsing, :meth:`TriggerIndex.may_hold_event` tells cheaply whether a sentence can hold
a trigger at all, so that only those sentences are parsed.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

POS_CLASS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ", "X": None, "": None}
PARTICLE_DEPS = {"compound:prt", "prt"}


@dataclass
class Trigger:
    """A token that starts an event, with the lexicon entry it matched."""

    token: object  # spacy Token
    term: object  # EventTerm
    lemma: str
    alternatives: tuple = ()  # other entries of the same lemma, in file order


class TriggerIndex:
    """Event terms of one language, indexed by lemma."""

    def __init__(self, terms, guesser, morphology: dict):
        self.by_lemma: dict[str, list] = defaultdict(list)
        for term in terms:
            self.by_lemma[term.lemma.lower()].append(term)
            for form in getattr(term, "forms", None) or ():
                self.by_lemma[form.lower()].append(term)
        self.guesser = guesser
        self.particles = sorted(morphology.get("separable_particles") or [], key=len, reverse=True)
        self.compound_min = int(morphology.get("compound_suffix_min") or 0)
        self.nouns = {lemma for lemma, ts in self.by_lemma.items() if any(t.pos == "NOUN" for t in ts)}
        self.keys = frozenset(self.by_lemma)
        self._compound_cache: dict[str, str | None] = {}
        self._stranded_cache: tuple = (None, [])
        # base verbs of separable verbs ("leggen" for "opleggen") also flag a sentence
        self.bases = {lemma[len(p):] for lemma in self.by_lemma for p in self.particles
                      if lemma.startswith(p) and len(lemma) - len(p) >= 4}

    # -- before parsing -------------------------------------------------------------
    def may_hold_event(self, words) -> bool:
        """True if the sentence may hold an event term whose ``with`` words are there too.

        Over-generous by design (every inflection guess counts), so it never misses a
        lexicon form; it only spares the parse of sentences that cannot hold an event.
        """
        lowered = [w.lower() for w in words if len(w) > 1 and w[0].isalpha()]
        guesses = [self.guesser.guess(w) for w in lowered]
        present = set(lowered).union(*guesses) if guesses else set()
        text = " " + " ".join(lowered) + " "
        for found in guesses:
            for lemma in found & self.keys:
                if any(self._with_possible(term, present, text, self.compound_min) for term in self.by_lemma[lemma]):
                    return True
            if found & self.bases or any(self._compound_head(g) for g in found if len(g) > self.compound_min > 0):
                return True
        return False

    @staticmethod
    def _with_possible(term, present: set, text: str, compounds: int) -> bool:
        if not term.with_:
            return True
        for need in term.with_:
            need = need.lower()
            if (" " in need and f" {need} " in text) or need in present:
                return True
            if compounds and any(w.endswith(need) for w in present):
                return True
        return False

    def _compound_head(self, lemma: str) -> str | None:
        """The event noun a Dutch compound ends in ("topoverleg" → "overleg"), cached: words repeat."""
        if not self.compound_min:
            return None
        if lemma not in self._compound_cache:
            self._compound_cache[lemma] = self._find_compound_head(lemma)
        return self._compound_cache[lemma]

    def _find_compound_head(self, lemma: str) -> str | None:
        tail = lemma.rsplit("-", 1)[-1]
        for start in range(1, max(1, len(tail) - self.compound_min + 1)):
            if tail[start:] in self.nouns and start >= 3:
                return tail[start:]
        if tail != lemma and tail in self.nouns:
            return tail
        return None

    # -- on a (parsed or tokenised) sentence --------------------------------------------
    def lemma_candidates(self, token, parsed: bool) -> list[str]:
        """Lemmas to look up for a token, best first."""
        form = token.text.lower()
        lemma = (token.lemma_ or "").lower() if parsed else ""
        candidates = [c for c in (lemma, self.guesser.lemma(form), form) if c]
        particles = self._particles(token) if parsed else self._clause_final_particles(token)
        joined = [p + c for p in particles for c in candidates]
        guesses = sorted(self.guesser.guess(form))
        return list(dict.fromkeys(joined + candidates + [p + g for p in particles for g in guesses] + guesses))

    def _particles(self, token) -> list[str]:
        """Separable-verb particles of a verb: its compound:prt children, or a particle stranded
        later in the clause that the parser attached elsewhere ("zegde … steun toe mocht …")."""
        out = [c.text.lower() for c in token.children if c.dep_ in PARTICLE_DEPS
               or (c.i > token.i and c.text.lower() in self.particles and c.dep_ in ("advmod", "compound", "case"))]
        if out or not self.particles or token.pos_ not in ("VERB", "AUX", "NOUN", "PROPN", "ADJ"):
            return out
        # the whole sentence unit (a parser may split it): stranded particles, found once per sentence
        return [word for i, word in self._stranded(token.doc) if i > token.i]

    def _stranded(self, doc) -> list[tuple[int, str]]:
        if self._stranded_cache[0] is not doc:
            found = []
            for tok in doc:
                word = tok.text.lower()
                if word in self.particles:
                    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
                    if nxt is None or nxt.pos_ in ("PUNCT", "VERB", "AUX", "SCONJ", "CCONJ"):
                        found.append((tok.i, word))
            self._stranded_cache = (doc, found)
        return self._stranded_cache[1]

    def _clause_final_particles(self, token) -> list[str]:
        """Without a parse: a particle that ends the clause ("… Oekraïne aan.") may belong to a verb."""
        if not self.particles:
            return []
        doc = token.doc
        out = []
        for tok in doc[token.i + 1:]:
            word = tok.text.lower()
            nxt = doc[tok.i + 1].text if tok.i + 1 < len(doc) else "."
            if word in self.particles and nxt in (".", ",", ";", ":", "!", "?", "”", '"'):
                out.append(word)
        return out

    def match(self, token, parsed: bool) -> Trigger | None:
        """The event term a token stands for, if any."""
        form = token.text.lower()
        if not form[:1].isalpha():
            return None
        pos_class = POS_CLASS.get(token.pos_, None) if parsed else None
        if parsed and pos_class != "VERB" and any(c.dep_ in PARTICLE_DEPS for c in token.children):
            pos_class = "VERB"  # only verbs take a separable particle, whatever the tagger said ("lijfde … in")
        quick = self.guesser.guess(form) | {(token.lemma_ or "").lower()}
        if not quick & self.keys and pos_class not in ("VERB", "NOUN", None):
            return None  # no lemma, guess or particle verb can make it an event term
        for lemma in self.lemma_candidates(token, parsed):
            terms = self.by_lemma.get(lemma)
            if not terms:
                continue
            fitting = [t for t in terms if pos_class is None or t.pos == pos_class]
            if fitting:
                return _ordered(token, fitting, lemma)
        if pos_class == "NOUN" and token.text[:1].islower() and not any(
                c.dep_ in ("det", "nummod", "amod", "nmod:poss") for c in token.children):
            # a verb the parser took for a noun ("… om toe te geven", "ontkent"): still the verb's event,
            # unless the noun reading is certain ("drie doden" are the dead, not killing)
            for lemma in self.lemma_candidates(token, parsed):
                verbs = [t for t in self.by_lemma.get(lemma, ()) if t.pos == "VERB"]
                if verbs:
                    return _ordered(token, verbs, lemma)
        if pos_class in (None, "NOUN"):
            head = self._compound_head((token.lemma_ if parsed else token.text).lower())
            if head:
                nouns = [t for t in self.by_lemma[head] if t.pos == "NOUN"]
                if nouns:
                    return Trigger(token, nouns[0], head)
        return None



def _ordered(token, terms, lemma) -> Trigger:
    """Entries with ``with`` words first (file order), then the plain one; the coder takes the
    first whose constraints the sentence meets."""
    ranked = [t for t in terms if t.with_] + [t for t in terms if not t.with_]
    return Trigger(token, ranked[0], lemma, tuple(ranked[1:]))
