"""PLOVER's auxiliary modes: is an event negated, hypothetical, future — or real?

The cues are per-language data (``cues.yaml``); the rules read UD relations, so they
hold in every language: a negation word attached to the trigger (or as the determiner
of its object: "kan *geen* beperkingen opleggen"), a conditional subordinator or a
conditional V1 verb ("*mocht* Servië aanvallen"), a governing word of fear or
possibility ("de *angst* voor een aanval"), a conditional auxiliary ("zou"), a future
auxiliary, a planning word, or a present-tense verb with a time in the future.
"""
from __future__ import annotations

from . import roles as R


class Modality:
    def __init__(self, lang_data):
        cue = lang_data.cue
        self.negation = cue("negation")
        self.negative_phrases = [tuple(p.split()) for p in cue("negative_phrases")]
        self.not_negation = [tuple(p.split()) for p in cue("not_negation")]
        self.negating = cue("negating_governors")
        self.intent = cue("intent_verbs")
        self.conditional_marks = cue("conditional_marks")
        self.conditional_verbs = cue("conditional_verbs")
        self.hypothetical_words = cue("hypothetical_words")
        self.hypothetical_forms = cue("hypothetical_aux_forms")
        self.future_aux = cue("future_auxiliaries")
        self.future_words = cue("future_words")
        self.comparison = [tuple(p.split()) for p in cue("non_event_time")]
        self.future_time = {w.lower() for w in lang_data.dates.get("future_time_words", [])}

    # -- the mode of an event --------------------------------------------------------------
    def aux(self, tok, parsed: bool) -> str | None:
        if parsed:
            if self.is_negated(tok):
                return "negated"
            if self.is_hypothetical(tok):
                return "hypothetical"
            if self.is_future(tok):
                return "future"
            if tok.pos_ in ("NOUN", "PROPN"):
                return self._light_verb_mode(tok) or self._nominal_window(tok)
            return None
        return self._aux_by_window(tok)

    def _light_verb_mode(self, tok) -> str | None:
        """'Arrestaties zullen plaatsvinden', 'gaat een klacht indienen': a nominal event takes the
        mode of the verb it is the subject or object of."""
        verb = tok.head
        if verb.i == tok.i or verb.pos_ not in ("VERB", "AUX") or R.base_dep(tok) not in ("nsubj", "obj"):
            return None
        if self.is_negated(verb):
            return "negated"
        words = {verb.lemma_.lower(), verb.text.lower()}
        if self.is_hypothetical(verb) or words & self.hypothetical_words:
            return "hypothetical"  # "plant dertien bijeenkomsten"
        if self.is_future(verb) or words & (self.future_words | self.future_aux):
            return "future"  # "gaat een klacht indienen"
        return None

    def _nominal_window(self, tok) -> str | None:
        """'ontkent plannen voor een aanval', 'de angst voor een bezetting': the words just before a
        nominal event qualify it even when the parse does not link them."""
        words = set()
        for t in tok.doc[max(tok.sent.start, tok.i - 4): tok.i]:
            words |= {t.text.lower(), t.lemma_.lower()}
        if words & self.negating:
            return "negated"
        if words & self.hypothetical_words:
            return "hypothetical"
        return None

    def is_negated(self, tok) -> bool:
        if self._negative_phrase_before(tok):
            return True
        node = tok
        for _ in range(2):  # "failed to reach", "weigerde te betalen"
            if R.base_dep(node) not in ("xcomp", "ccomp", "obj") or node.head.i == node.i:
                break
            node = node.head
            if node.lemma_.lower() in self.negating and not self.is_negated_simple(node):
                return True
        near = list(tok.children)
        for child in tok.children:
            if R.base_dep(child) in ("obj", "obl", "nsubj") and R.dep(child) != "nsubj":
                near += [g for g in child.children if R.dep(g) in ("det", "advmod", "amod")]
        head = tok.head
        if R.dep(tok) in ("xcomp",) and head.i != tok.i:
            near += [c for c in head.children if R.dep(c) == "advmod"]
        return any(t.text.lower() in self.negation and not self._is_not_negation(t) for t in near)

    def is_negated_simple(self, tok) -> bool:
        return any(c.text.lower() in self.negation for c in tok.children)

    def is_intended(self, tok) -> bool:
        """The actor's own plan, readiness or condition: 'plans to impose', 'will boycott unless …'."""
        node = tok
        for _ in range(2):
            if any(self.is_conditional_clause(c) for c in node.children if R.base_dep(c) == "advcl"):
                return True
            if R.base_dep(node) not in ("xcomp", "acl") or node.head.i == node.i:
                return False
            node = node.head
            if node.lemma_.lower() in self.intent:
                return True
        return False

    def _negative_phrase_before(self, tok) -> bool:
        """'zal onder geen beding toegeven': a fixed negative phrase shortly before the trigger."""
        words = [t.text.lower() for t in tok.doc[max(tok.sent.start, tok.i - 8): tok.i]]
        return any(tuple(words[i:i + len(p)]) == p for p in self.negative_phrases for i in range(len(words)))

    def _is_not_negation(self, neg) -> bool:
        words = [t.text.lower() for t in neg.doc[neg.i: neg.i + 5]]
        return any(tuple(words[: len(p)]) == p for p in self.not_negation)

    def is_conditional_clause(self, clause) -> bool:
        for child in clause.children:
            if R.dep(child) == "mark" and child.text.lower() in self.conditional_marks:
                return True
            if R.base_dep(child) == "aux" and child.lemma_.lower() in self.conditional_verbs and child.i < clause.i:
                return True
        return False

    def is_hypothetical(self, tok) -> bool:
        for child in tok.children:
            if R.base_dep(child) == "aux" and child.text.lower() in self.hypothetical_forms:
                return True
            if R.dep(child) in ("amod", "advmod") and child.lemma_.lower() in self.hypothetical_words:
                return True
        node, hops = tok, 0
        while hops < 4:
            if R.base_dep(node) in ("advcl", "root", "ccomp", "acl") and self.is_conditional_clause(node):
                return True
            if node.head.i == node.i:
                break
            if R.base_dep(node) in ("conj", "parataxis"):
                break
            node, hops = node.head, hops + 1
            words = {node.lemma_.lower(), node.text.lower()}
            if node.pos_ in ("VERB", "AUX") and words & self.future_words:
                return False  # "is gepland": a plan, so future
            if words & self.hypothetical_words:
                return True
        return False

    def is_future(self, tok) -> bool:
        if R.base_dep(tok) == "xcomp" and tok.head.i != tok.i and tok.head.lemma_.lower() in self.future_aux:
            return True  # "gaat … indienen" parsed with "gaan" as the main verb
        for child in tok.children:
            if R.base_dep(child) == "aux" and child.lemma_.lower() in self.future_aux and child.text.lower() not in self.hypothetical_forms:
                return True
        node = tok
        for _ in range(2):
            if node.head.i == node.i:
                break
            node = node.head
            if node.lemma_.lower() in self.future_words or node.text.lower() in self.future_words:
                return True
        return any(c.lemma_.lower() in self.future_words for c in tok.children if R.base_dep(c) in ("amod", "acl", "advmod"))

    def future_tense(self, tok, expr, parsed: bool) -> bool:
        """A weekday or relative time with a non-past verb points ahead ("komen maandag bijeen")."""
        if expr.kind in ("period", "relative_day") and expr.value and expr.value[-1] > 0:
            return True
        if expr.text.lower() in self.future_time:
            return True
        if expr.kind not in ("weekday", "date", "month") or not parsed:
            return False
        verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
        forms = [verb] + [c for c in verb.children if R.base_dep(c) == "aux"]
        if any("Past" in c.morph.get("Tense") for c in forms):
            return False
        if any(c.morph.get("VerbForm") == ["Part"] and R.base_dep(c) != "aux" for c in [verb]) and not any(
                R.dep(c) == "aux:pass" for c in verb.children):
            return False  # a perfect ("hebben … bevestigd") is past
        return True

    def is_comparison_time(self, sent, expr) -> bool:
        """'voor het eerst sinds 2019': the year is a comparison point, not the event's time."""
        words = [t.text.lower() for t in sent.doc[max(0, expr.start - 6): expr.start]]
        return any(tuple(words[-len(p):]) == p for p in self.comparison if len(words) >= len(p))

    # -- fallback mode: cue words in a small window --------------------------------------------
    def _aux_by_window(self, tok) -> str | None:
        doc = tok.doc
        window = [t.text.lower() for t in doc[max(0, tok.i - 4): tok.i + 2] if t.sent == tok.sent]
        if any(w in self.negation for w in window):
            return "negated"
        sent_words = [t.text.lower() for t in tok.sent]
        if any(w in self.conditional_marks for w in sent_words[: tok.i - tok.sent.start]) or any(
                w in self.hypothetical_forms or w in self.hypothetical_words for w in window):
            return "hypothetical"
        if any(w in self.future_aux for w in window):
            return "future"
        return None
