"""Code the events of one sentence: triggers → roles → auxiliary mode → time → place.

An event embedded in another event's complement ("threatened *sanctions*", "denied
plans for an *invasion*", "demanded that troops *withdraw*") is not a separate event:
PLOVER codes the single governing event (manual, "Auxiliary modes"), and the embedded
one is kept in its record under ``embedded``. A feared, denied or conditional event
that stands on its own is coded with its auxiliary mode, never as a real one.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from . import roles as R
from .modality import Modality
from .participants import LOCATIVE, Participant, ParticipantRoles, _pool
from .places import country_point, lookup_place
from .timex import document_interval

TEMPORAL_CASES_KEY = "temporal_prepositions"
# PLOVER manual, "Auxiliary modes": a cooperative act announced for the future is AGREE (intent),
# as CAMEO's 03x "express intent to …" codes map to AGREE in CAMEO2PLOVER. Meetings stay CONSULT.
# hosts whose nearby nominal event is what they deny, threaten or demand
CONTENT_HOSTS = {"REJECT", "THREATEN", "REQUEST"}
DOMESTIC_TYPES = {"PROTEST"}
THREAT_TYPES = {"SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE"}
PLEDGED_TYPES = {"SUPPORT", "AID", "COOPERATE", "CONCEDE", "RETREAT"}


@dataclass
class SentenceContext:
    """What the sentence coder needs besides the sentence itself."""

    doc_date: object
    offset: int  # char offset of the sentence in the document
    discourse: object
    parsed: bool
    mentions: list = field(default_factory=list)
    times: list = field(default_factory=list)
    words: str | None = None  # the sentence's words and lemma guesses, computed on first need
    lemmas: set | None = None
    endings: set | None = None


class SentenceCoder(ParticipantRoles):
    """Turns one tokenised (and, when a model exists, parsed) sentence into event records."""

    def __init__(self, lang_data, triggers, time_resolver, plover):
        self.lang = lang_data
        self.triggers = triggers
        self.time = time_resolver
        self.plover = plover
        self.modality = Modality(lang_data)
        self.recipient_preps = lang_data.cue("recipient_prepositions")
        self.agent_preps = lang_data.cue("nominal_agent_prepositions")
        self.patient_preps = lang_data.cue("nominal_patient_prepositions")
        self.temporal_preps = lang_data.cue(TEMPORAL_CASES_KEY)
        self.pronouns = {k.lower(): v for k, v in (lang_data.cues.get("personal_pronouns") or {}).items()}
        self.anaphoric = {k.lower(): v for k, v in (lang_data.cues.get("anaphoric_nouns") or {}).items()}
        self.relatives = lang_data.cue("relative_pronouns")
        self.auxiliaries = lang_data.cue("auxiliary_verbs")
        self.opposed = lang_data.cue("opposition_prepositions")
        self.transparent = lang_data.cue("transparent_governors")
        self.mode_modifiers = {k.lower(): v for k, v in (lang_data.cues.get("mode_modifiers") or {}).items()}

    # -- entry point ------------------------------------------------------------------
    def code(self, sent, ctx: SentenceContext, nested: bool = False) -> list[dict]:
        found = [m for m in (self.triggers.match(tok, ctx.parsed) for tok in sent) if m is not None]
        found = [t for t in (self._first_fitting(t, ctx) for t in found) if t is not None]
        if ctx.parsed:  # "the long-threatened invasion", "the banned movement": a participle describing a noun
            found = [t for t in found if not (t.term.pos == "VERB" and R.dep(t.token) == "amod")]
        else:  # no parse to tell embedding: a verb's event of a type already names its noun ("legde sancties op")
            verb_types = {t.term.type for t in found if t.term.pos == "VERB"}
            found = [t for t in found if t.term.pos == "VERB" or t.term.type not in verb_types]
        if not found:
            return []
        embedded = self._embedding(found) if ctx.parsed else {}
        # "promised that the US will consult …" codes the consultation, not the promise
        transparent = {h.token.i for h in embedded.values() if h.lemma in self.transparent}
        events = []
        for trig in found:
            host = embedded.get(trig.token.i)
            passes_through = host is not None and host.token.i in transparent
            if trig.token.i in transparent or (host is not None and not passes_through and not nested):
                continue
            record = self._code_trigger(trig, sent, ctx)
            if record is None:
                continue
            if passes_through and record["aux"] is None:
                record["aux"] = "future"
            elif host is not None:
                record["embedded_in"] = host.token.text
            events.append(record)
        return events

    # -- triggers ---------------------------------------------------------------------
    def _first_fitting(self, trig, ctx):
        """The first lexicon entry of the trigger's lemma whose constraints the sentence meets."""
        for term in (trig.term, *trig.alternatives):
            candidate = replace(trig, term=term, alternatives=())
            if self._constraints_met(candidate, ctx):
                return candidate
        return None

    def _constraints_met(self, trig, ctx) -> bool:
        term = trig.term
        if term.type is None and not term.when_negated:
            return False
        if term.with_ and not self._has_with(trig, ctx):
            return False
        return True

    def _has_with(self, trig, ctx) -> bool:
        if not self._with_in_sentence(trig, ctx):
            return False  # cheap: most constrained entries fail here
        tokens = R.phrase(trig.token, cut={"punct", "parataxis"}) if ctx.parsed else list(trig.token.sent)
        head = trig.token.head
        if ctx.parsed and head.i != trig.token.i and (R.dep(trig.token) in ("acl:relcl", "acl") or head.pos_ in ("VERB", "AUX")):
            # the antecedent of a relative clause; the siblings under a (mis-parsed) auxiliary
            tokens = tokens + [head] + [c for c in head.children if R.dep(c) not in ("punct", "parataxis")]
        if ctx.parsed:
            tokens = tokens + [c for t in list(tokens) for c in t.children]
            for t in tokens:  # a relative pronoun stands for its antecedent ("die … volgende week plaatsvindt")
                if t.text.lower() in self.relatives and R.dep(t.head) == "acl:relcl":
                    tokens.append(t.head.head)
        words = " ".join(t.text.lower() for t in tokens)
        lemmas = {t.lemma_.lower() for t in tokens} | {t.text.lower() for t in tokens}
        lemmas |= {g for t in tokens for g in self.triggers.guesser.guess(t.text.lower())}
        for need in trig.term.with_:
            need = need.lower()
            if " " in need and need in words:
                return True
            if need in lemmas or (self.triggers.compound_min and any(
                    w.endswith(need) and len(w) - len(need) >= 3 for w in lemmas)):
                return True  # Dutch compounds carry the word at their end ("EU-Chinatop")
        return False

    def _with_in_sentence(self, trig, ctx) -> bool:
        if ctx.words is None:
            doc = trig.token.doc
            ctx.words = " " + " ".join(t.text.lower() for t in doc) + " "
            forms = {t.text.lower() for t in doc}
            ctx.lemmas = forms | {t.lemma_.lower() for t in doc} | {g for f in forms for g in self.triggers.guesser.guess(f)}
            # every ending of every word: a Dutch compound carries the word at its end
            ctx.endings = {w[k:] for w in ctx.lemmas for k in range(1, len(w))} if self.triggers.compound_min else set()
        for need in trig.term.with_:
            need = need.lower()
            if (" " in need and need in ctx.words) or need in ctx.lemmas or need in ctx.endings:
                return True
        return False

    def _embedding(self, found) -> dict:
        """trigger token index → the trigger it is embedded in (its complement or condition)."""
        by_index = {t.token.i: t for t in found}
        out = self._embedded_nearby(found)
        for host in found:  # "Een aanval zou duur uitvallen, waarschuwde zij"
            if host.term.content:
                for i in _reported_clause(host.token) & by_index.keys():
                    out.setdefault(i, host)
        for trig in found:
            tok, hops = trig.token, 0
            while tok.head.i != tok.i and hops < 6:
                edge = R.dep(tok)
                if R.base_dep(tok) in ("conj", "parataxis", "root", "list", "amod") or edge in ("appos", "acl:relcl"):
                    break
                if R.base_dep(tok) in ("obl", "nmod", "advcl") and R.case_of(tok) in self.temporal_preps:
                    break
                host = by_index.get(tok.head.i)
                content_host = host is not None and host.term.content
                if R.base_dep(tok) == "advcl" and not (self.modality.is_conditional_clause(tok) or content_host):
                    break
                tok, hops = tok.head, hops + 1
                if tok.i in by_index:
                    out[trig.token.i] = by_index[tok.i]
                    break
        return out

    def _embedded_nearby(self, found) -> dict:
        """'ontkent plannen voor een aanval': a nominal event a few words after a denial, threat or
        demand is its content even where the parse does not link them."""
        out = {}
        for trig in found:
            if trig.term.pos != "NOUN":
                continue
            for host in found:
                gap = trig.token.i - host.token.i
                if 0 < gap <= 15 and host.term.type in CONTENT_HOSTS and not any(
                        t.pos_ in ("VERB", "AUX") or t.text in (";", ":") for t in trig.token.doc[host.token.i + 1: trig.token.i]):
                    out[trig.token.i] = host
        return out

    # -- one event ----------------------------------------------------------------------
    def _code_trigger(self, trig, sent, ctx) -> dict | None:
        tok, term = trig.token, trig.term
        actor, recipient = self._roles(trig, sent, ctx)
        if term.actor_sector and not any(p.sector in term.actor_sector for p in actor):
            return None
        event_type, mode = term.type, term.mode
        aux = self.modality.aux(tok, ctx.parsed)
        if aux == "negated" and (term.when_negated or event_type == "AGREE"):
            # "wijkt er niet van af", "failed to reach agreement": a refusal is a REJECT that happened
            event_type, aux, mode = term.when_negated or "REJECT", None, None
        if event_type in THREAT_TYPES and actor and self.modality.is_intended(tok):
            # PLOVER: "prepared to impose martial law", "will boycott unless …" is THREATEN, not a future act
            event_type, mode, aux = "THREATEN", None, None
        if event_type is None:
            return None
        mode = mode or self._mode_from_modifiers(tok, ctx)
        if term.symmetric and not any(p.case in self.opposed for p in recipient):
            # reciprocal: all parties act (PLOVER); "war against Ukraine" keeps its target
            actor, recipient = _pool(actor + recipient), []
        date, future_hint = self._date(tok, sent, ctx, aux)
        if aux is None and future_hint:
            aux = "future"
        if aux == "future" and event_type in PLEDGED_TYPES:
            event_type, mode = "AGREE", None  # PLOVER: a promised SUPPORT/AID/… is AGREE, not type + future
        if aux is None and self._is_historical(date, ctx.doc_date):
            aux = "historical"
        where = self._place(tok, sent, ctx)
        if not actor and not recipient and where is None and ctx.parsed and self._generic(tok, trig):
            return None
        if not recipient and not term.symmetric and where and where.get("country"):
            # a domestic event's recipient is the country it happens in ("lifted the emergency in Darfur")
            recipient = [Participant(where["text"], where["country"], None, None, None, resolved_from="place")]
        if not recipient and event_type in DOMESTIC_TYPES and actor and actor[0].code:
            # protesters protest to their own government unless the text names another target (CAMEO practice)
            recipient = [Participant(actor[0].text, actor[0].code, "GOV", None, None, resolved_from="domestic")]
        score = self.plover.score(event_type, mode)
        return {
            "_trigger_i": tok.i,
            "type": event_type,
            "mode": mode,
            "context": [],
            "aux": aux,
            "actor": [p.as_dict() for p in actor],
            "recipient": [p.as_dict() for p in recipient],
            "date": date,
            "where": where,
            "trigger": {"text": tok.text, "start": ctx.offset + tok.idx, "end": ctx.offset + tok.idx + len(tok.text),
                        "lemma": trig.lemma},
            "score": score,
            "quad": self.plover.quad(event_type),
        }

    @staticmethod
    def _generic(tok, trig) -> bool:
        """'het belang van overleg, bemiddeling en ontspanning': a bare noun with no article, number,
        possessive, participant or place names a kind of action, not an event that happened."""
        if trig.term.pos != "NOUN" or not R.POS_NOUN(tok) or tok.head.i == tok.i or not R.POS_NOUN(tok.head):
            return False  # only a bare noun hanging off another noun ("noodzaak van X, Y en Z")
        return not any(R.base_dep(c) in ("det", "nummod", "nmod:poss", "det:poss") or R.dep(c) == "nmod:poss"
                       for c in tok.children)

    def _mode_from_modifiers(self, tok, ctx) -> str | None:
        near = list(tok.children) if ctx.parsed else [t for t in tok.sent if abs(t.i - tok.i) <= 2]
        for child in near:
            mode = self.mode_modifiers.get(child.text.lower()) or self.mode_modifiers.get(child.lemma_.lower())
            if mode:
                return mode
        return None

    # -- roles ---------------------------------------------------------------------------
    # -- time and place --------------------------------------------------------------------
    def _date(self, tok, sent, ctx, aux):
        """The event's interval, and whether its time expression points to the future."""
        exprs = ctx.times
        if ctx.parsed:
            scope = {t.i for t in R.phrase(tok, cut={"acl:relcl", "parataxis", "punct"})}
            if R.dep(tok) == "acl:relcl" or R.POS_NOUN(tok):
                scope |= {t.i for t in R.phrase(tok.head, cut={"acl:relcl", "parataxis", "punct"})} if R.POS_NOUN(tok) else set()
            own = [e for e in exprs if e.start in scope]
            if not own and R.base_dep(tok) in ("xcomp", "obj", "nsubj", "obl") and tok.head.i != tok.i:
                # "Daar komen morgen … betogen": the time sits on the verb the event depends on
                host = {t.i for t in R.phrase(tok.head, cut={"acl:relcl", "parataxis", "punct", "conj"})}
                own = [e for e in exprs if e.start in host]
        else:
            own = exprs
        own = [e for e in own if not self.modality.is_comparison_time(sent, e)]
        if not own:
            return document_interval(ctx.doc_date), False
        expr = min(own, key=lambda e: abs(e.start - tok.i))
        future = self.modality.future_tense(tok, expr, ctx.parsed) if aux is None else aux == "future"
        period = self.time.resolve(expr, ctx.doc_date, future=future, last_year=ctx.discourse.last_year)
        ahead = future and expr.kind in ("weekday", "relative_day", "period", "date", "month")
        if period is None:  # no document date: no interval, but "morgen" still points ahead
            return document_interval(ctx.doc_date), ahead
        return period, ahead

    @staticmethod
    def _is_historical(date, doc_date) -> bool:
        if not date or doc_date is None or not date.get("end"):
            return False
        return date["end"][:4].isdigit() and int(date["end"][:4]) < doc_date.start.year - 1

    def _place(self, tok, sent, ctx):
        scope = R.phrase(tok, cut={"acl:relcl", "parataxis", "punct"}) if ctx.parsed else list(sent)
        for t in scope:
            if not t.text[:1].isupper():
                continue
            prev = t.doc[t.i - 1].text.lower() if t.i > 0 else ""
            case = R.case_of(t) if ctx.parsed else prev
            if case not in LOCATIVE:
                continue
            place = lookup_place(t.text)
            if place:
                return {"text": t.text, "country": place["country"], "lat": place["lat"], "lon": place["lon"],
                        "name": place["name"], "precision": "city"}
            mention = next((m for m in ctx.mentions if m.start <= t.i < m.end and m.kind in ("country", "place")), None)
            if mention is not None and mention.code:
                point = country_point(mention.code)
                return {"text": mention.text, "country": mention.code, "lat": point[0] if point else None,
                        "lon": point[1] if point else None, "precision": mention.kind}
        return None


def _reported_clause(verb) -> set[int]:
    """Token indices of the clause a speech-like verb reports when it comes after it ("…, warned
    he"): the verb parsed as a conjunct/parataxis of that clause, or with the clause as a fronted
    dependent without a conjunction ("Because Russia invaded, NATO warned" has ``mark``: a reason)."""
    found = set()
    if R.base_dep(verb) in ("conj", "parataxis") and verb.head.i < verb.i:
        found = {t.i for t in verb.head.subtree if t.i < verb.i} - {t.i for t in verb.subtree}
    for clause in verb.children:
        if clause.i < verb.i and R.base_dep(clause) in ("advcl", "ccomp", "parataxis", "csubj") \
                and not any(R.dep(g) == "mark" for g in clause.children):
            found |= {t.i for t in clause.subtree}
    return found - {verb.i}
