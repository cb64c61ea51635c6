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
from .places import country_point, lookup_place

PRONOUN_TAGS = {"PRON", "DET"}
TEMPORAL_CASES_KEY = "temporal_prepositions"
LOCATIVE = {"in", "op", "bij", "te", "langs", "at", "near", "along", "nabij"}
# PLOVER manual, "Auxiliary modes": a cooperative act announced for the future is AGREE (intent),
# as CAMEO's 03x "express intent to …" codes map to AGREE in CAMEO2PLOVER. Meetings stay CONSULT.
# hosts whose nearby nominal event is what they deny, threaten or demand
CONTENT_HOSTS = {"REJECT", "THREATEN", "REQUEST"}
DOMESTIC_TYPES = {"PROTEST"}
THREAT_TYPES = {"SANCTION", "COERCE", "ASSAULT", "PROTEST", "MOBILIZE"}
PLEDGED_TYPES = {"SUPPORT", "AID", "COOPERATE", "CONCEDE", "RETREAT"}


@dataclass
class Participant:
    text: str
    code: str | None
    sector: str | None = None
    start: int | None = None  # char offsets in the document
    end: int | None = None
    resolved_from: str | None = None

    def as_dict(self) -> dict:
        out = {"text": self.text, "code": self.code, "sector": self.sector, "start": self.start, "end": self.end}
        if self.resolved_from:
            out["resolved_from"] = self.resolved_from
        return out


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


class SentenceCoder:
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
        for need in trig.term.with_:
            need = need.lower()
            if (" " in need and need in ctx.words) or need in ctx.lemmas:
                return True
            if self.triggers.compound_min and any(w.endswith(need) for w in ctx.lemmas):
                return True
        return False

    def _embedding(self, found) -> dict:
        """trigger token index → the trigger it is embedded in (its complement or condition)."""
        by_index = {t.token.i: t for t in found}
        out = self._embedded_nearby(found)
        for host in found:  # "Een aanval zou duur uitvallen, waarschuwde zij"
            tok = host.token
            if host.term.content and R.base_dep(tok) in ("conj", "parataxis") and tok.head.i < tok.i:
                own = {t.i for t in tok.subtree}
                for trig in found:
                    if trig.token.i < tok.i and trig.token.i not in own and trig.token.i in {t.i for t in tok.head.subtree}:
                        out.setdefault(trig.token.i, host)
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
        if term.symmetric:
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
    def _roles(self, trig, sent, ctx):
        if not ctx.parsed:
            return self._roles_by_order(trig, sent, ctx)
        actor, recipient = self._roles_by_syntax(trig, sent, ctx)
        if not actor and not recipient and trig.term.pos == "VERB":
            return self._roles_by_order(trig, sent, ctx)  # the parse gave a verb nothing: read the word order
        return actor, recipient

    def _roles_by_syntax(self, trig, sent, ctx):
        tok = trig.token
        if R.POS_NOUN(tok) and trig.term.pos != "VERB":
            return self._nominal_roles(trig, sent, ctx)
        subjects = R.subjects_of(tok)
        subject = subjects[0] if subjects else None
        passive = R.is_passive(tok)
        actor_head = R.agent_of(tok, self.agent_preps) if passive else subject
        actor = self._participants(actor_head, ctx, core=True) if actor_head is not None else []
        for other in ([] if passive else subjects[1:]):
            # a second subject is a conjunct the parser attached to the verb ("…, NATO and the EU threatened")
            more = self._participants(other, ctx, core=True)
            if more and (not actor or _coordinated(actor_head, other)):
                actor, actor_head = _pool(actor + more), actor_head if actor else other
        if not subjects and not passive:
            # no subject at all: after an inversion ("Gisteren bezetten rebellen de stad …") a parser
            # may call the subject an object; take the first object that names an actor
            for obj in (c for c in tok.children if R.dep(c) == "obj" and c.i > tok.i):
                actor = self._participants(obj, ctx, core=True)
                if actor:
                    actor_head = obj
                    break
        skip = {actor_head} if actor_head is not None else set()
        recipient = []
        heads = R.recipient_phrases(tok, self.recipient_preps, skip)
        if passive and subject is not None:
            heads = [subject] + heads
        if tok.head.lemma_.lower() in self.auxiliaries and R.base_dep(tok) in ("obj", "xcomp", "ccomp", "conj"):
            heads += R.recipient_phrases(tok.head, self.recipient_preps, skip | {tok})  # a mis-parsed auxiliary
        for head in heads:
            if self._is_temporal(head):
                continue
            recipient = _without(self._participants(head, ctx), actor)
            if recipient:
                break
        if not actor:
            actor = self._main_subject(tok, ctx, exclude=recipient) or self._nearest_actor(tok, ctx, exclude=recipient)
        if not recipient:
            recipient = self._content_participants(tok, ctx, actor)
        if not recipient:
            recipient = self._later_in_clause(tok, ctx, actor, actor_head)
        if not recipient and trig.term.content:
            # a warning or demand is about the other party the sentence names, wherever the parse put it
            codes = {p.code for p in actor}
            other = next((m for m in ctx.mentions if m.code and m.code not in codes and m.kind != "place"), None)
            recipient = [self._from_mention(other)] if other else []
        return actor, _without(recipient, actor)

    def _later_in_clause(self, tok, ctx, actor, actor_head) -> list[Participant]:
        """Last resort for a recipient: the first actor named after the trigger in its clause
        that is not the actor, not inside the actor's phrase and not a place ("in Genève")."""
        taken = {t.i for t in R.core(actor_head)} if actor_head is not None else set()
        codes = {p.code for p in actor}
        clause = {t.i for t in R.phrase(tok)}
        for m in ctx.mentions:
            if m.start <= tok.i or m.start not in clause or m.start in taken or not m.code or m.code in codes:
                continue
            head = tok.doc[m.start]
            prev = tok.doc[m.start - 1].text.lower() if m.start > 0 else ""
            if prev in LOCATIVE or R.case_of(head) in LOCATIVE or m.kind == "place":
                continue
            return [self._from_mention(m)]
        return []

    def _nominal_roles(self, trig, sent, ctx):
        tok = trig.token
        agent, patient = [], []
        own = [m for m in ctx.mentions if m.start <= tok.i < m.end]
        agent += [self._from_mention(m) for m in own]
        for child in tok.children:
            d, case = R.dep(child), R.case_of(child)
            if d in ("amod", "nmod:poss", "det:poss", "compound", "flat") or (R.base_dep(child) == "nmod" and case in self.agent_preps):
                agent += self._participants(child, ctx)
            elif R.base_dep(child) == "nmod" and case in self.patient_preps:
                parts = self._participants(child, ctx)
                if case == "van" and not agent and self._is_actor_head(child, ctx):
                    agent += parts
                else:
                    patient += parts
        if len(own) > 1 and trig.term.symmetric:
            agent = [self._from_mention(m) for m in own]
        if not agent and not patient:
            gov = tok.head
            if gov.i != tok.i and R.base_dep(tok) in ("obj", "obl", "nsubj"):
                subject = R.subject_of(gov)
                if subject is not None and subject.i != tok.i:
                    agent = self._participants(subject, ctx, core=True)
                if agent and R.base_dep(tok) == "obj":
                    # "issued an ultimatum to Ecuador": the light verb's other arguments
                    for head in R.recipient_phrases(gov, self.recipient_preps, {tok}):
                        if subject is None or head.i != subject.i:
                            patient = _without(self._participants(head, ctx), agent)
                            if patient:
                                break
        if not agent and not patient and trig.term.symmetric and tok.head.i != tok.i:
            # "een overleg is gepland bij de OVSE": the meeting's parties sit on its verb
            agent = [p for head in R.recipient_phrases(tok.head, self.recipient_preps) if head.i != tok.i
                     for p in self._participants(head, ctx)]
        if not agent:
            agent = self._nearest_actor(tok, ctx, exclude=patient)
        return agent, _without(patient, agent)

    def _is_actor_head(self, head, ctx) -> bool:
        return any(m.start <= head.i < m.end and m.kind in ("country", "organisation", "person", "group", "capital")
                   for m in ctx.mentions)

    def _is_temporal(self, head) -> bool:
        return R.case_of(head) in self.temporal_preps

    def _content_participants(self, tok, ctx, actor):
        actor_codes = {p.code for p in actor}
        for head in R.content_heads(tok):
            if self.modality.is_conditional_clause(head):
                continue  # "…, mocht Servië aanvallen": a condition, not what is said
            subject = R.subject_of(head) if head.pos_ in ("VERB", "AUX", "ADJ") else None
            if subject is not None:
                found = _without(self._participants(subject, ctx), actor)
                if found:
                    return found
            obj = next((c for c in head.children if R.dep(c) in ("obj", "iobj")), None)
            if obj is not None:  # "threatened to ban Ugandan opposition candidates"
                found = _without(self._participants(obj, ctx), actor)
                if found:
                    return found
            hosted = head.i < tok.i and tok.head.i == head.i  # "…, waarschuwde zij": the host clause
            own = {t.i for t in tok.subtree} if hosted else {tok.i}
            tokens = {t.i for t in R.phrase(head, cut={"punct"})} - own
            found = [self._from_mention(m) for m in ctx.mentions if m.start in tokens and m.code and m.code not in actor_codes]
            if found:
                return found[:1]
        return []

    def _participants(self, head, ctx, core=False) -> list[Participant]:
        """Actors named in a phrase, or the actor a pronoun or anaphoric noun stands for."""
        tokens = {t.i for t in (R.core(head) if core else R.phrase(head))}
        found = [self._from_mention(m) for m in ctx.mentions if any(i in tokens for i in range(m.start, m.end))]
        found = [p for p in found if p.code or p.sector]
        if not found and core:
            # "Thousands of Iraqi Kurds", "members of Hamas": the actor sits in the first attachment
            tokens = {t.i for t in R.phrase(head)}
            first = [m for m in ctx.mentions if m.start in tokens and m.code][:1]
            found = [self._from_mention(m) for m in first]
        if found:
            return self._fill_sector_only(found, ctx)
        word = head.text.lower()
        if word in self.relatives and R.dep(head.head) == "acl:relcl":
            antecedent = head.head.head
            tokens = {t.i for t in R.phrase(antecedent, cut=R.CLAUSE_CUT | {"acl"})}
            found = [self._from_mention(m) for m in ctx.mentions if m.start in tokens]
            return self._fill_sector_only(found, ctx)
        kind = self.pronouns.get(word) or self.anaphoric.get(head.lemma_.lower()) or self.anaphoric.get(word)
        if kind:
            mention = self._earlier_in_sentence(head, kind, ctx) or ctx.discourse.resolve(kind)
            if mention is not None:
                return [Participant(head.text, mention.code, getattr(mention, "sector", None),
                                    ctx.offset + head.idx, ctx.offset + head.idx + len(head.text), resolved_from=mention.text)]
        return []

    @staticmethod
    def _earlier_in_sentence(head, kind, ctx):
        """'Switzerland said it had expelled …': a pronoun's antecedent in the same sentence."""
        kinds = {"speaker": ("person", "organisation", "country", "demonym", "group"), "person": ("person",),
                 "organisation": ("organisation",), "country": ("country", "capital", "demonym"),
                 "any": ("country", "organisation", "person", "group", "demonym", "capital")}[kind if kind in (
                     "speaker", "person", "organisation", "country") else "any"]
        earlier = [m for m in ctx.mentions if m.code and m.end <= head.i and m.kind in kinds]
        return earlier[-1] if earlier and kind != "speaker" else None

    def _fill_sector_only(self, found, ctx):
        """'pro-Servische milities': SRB with sector REB; a bare 'de ministers': the topic's code."""
        coded = [p for p in found if p.code]
        sectors = [p.sector for p in found if p.code is None and p.sector]
        if coded:
            for p in coded:
                p.sector = p.sector or (sectors[0] if sectors else None)
            return _pool(coded)
        out = []
        for p in found:
            if p.code is None:
                # "rebels", "officials": most often of the country the sentence is about, else the topic
                earlier = [m for m in ctx.mentions if m.code and m.end_char <= (p.start or 0)
                           and m.kind in ("country", "demonym", "capital", "place", "group", "organisation")]
                mention = earlier[-1] if earlier else None  # the nearest: "westerse landen troepen"
                mention = mention or ctx.discourse.resolve("any") or next(
                    (m for m in ctx.mentions if m.code and m.kind in ("country", "demonym")), None)
                if mention is None:
                    continue
                p.code, p.resolved_from = mention.code, mention.text
            out.append(p)
        return _pool(out)

    def _from_mention(self, m) -> Participant:
        return Participant(m.text, m.code, m.sector, m.start_char, m.end_char)

    def _main_subject(self, tok, ctx, exclude=()) -> list[Participant]:
        """The subject of the sentence's main clause, for a verb the parser left without one."""
        root = tok.sent.root
        subject = R.subject_of(root) if root.i != tok.i else None
        if subject is None:
            return []
        banned = {p.code for p in exclude}
        return [p for p in self._participants(subject, ctx, core=True) if p.code not in banned]

    def _nearest_actor(self, tok, ctx, exclude=()) -> list[Participant]:
        """Fallback: the nearest actor named before the trigger, preferring subjects and objects
        ("China … sinds de bezetting": China) over obliques ("langs de Indiase grens")."""
        banned = {p.code for p in exclude}
        before = [m for m in ctx.mentions if m.code and m.code not in banned and m.end <= tok.i]
        if ctx.parsed:
            cores = [m for m in before if _argument_of_clause(tok.doc[m.start:m.end])]
            before = cores or before
        pick = max(before, key=lambda m: m.end) if before else None
        return [self._from_mention(pick)] if pick else []

    def _roles_by_order(self, trig, sent, ctx):
        """Fallback mode (no parse): actor before the trigger, recipient after it."""
        tok = trig.token
        before = [m for m in ctx.mentions if m.end <= tok.i and m.code]
        after = [m for m in ctx.mentions if m.start > tok.i and m.code]
        if not before and len(after) > 1:
            before, after = after[:1], after[1:]  # inversion: "In 2014 lijfde Rusland de Krim in"
        actor = [self._from_mention(before[-1])] if before else []
        recipient = [self._from_mention(after[0])] if after else []
        if not actor:
            for word in sent[: tok.i - sent.start]:
                kind = self.pronouns.get(word.text.lower())
                mention = ctx.discourse.resolve(kind) if kind else None
                if mention is not None:
                    actor = [Participant(word.text, mention.code, None, ctx.offset + word.idx, ctx.offset + word.idx + len(word.text), mention.text)]
        return actor, _without(recipient, actor)

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
            return _document_period(ctx.doc_date), False
        expr = min(own, key=lambda e: abs(e.start - tok.i))
        future = self.modality.future_tense(tok, expr, ctx.parsed) if aux is None else aux == "future"
        period = self.time.resolve(expr, ctx.doc_date, future=future, last_year=ctx.discourse.last_year)
        ahead = future and expr.kind in ("weekday", "relative_day", "period", "date", "month")
        if period is None:  # no document date: no interval, but "morgen" still points ahead
            return _document_period(ctx.doc_date), ahead
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


def _coordinated(first, second) -> bool:
    """Two subjects of one verb joined by a conjunction ("…, NATO and the EU"): one compound actor."""
    lo, hi = sorted((first.i, second.i))
    return any(t.pos_ == "CCONJ" for t in first.doc[lo + 1:hi])


def _argument_of_clause(span) -> bool:
    """Is a mention (part of) a subject or object of its clause?"""
    for tok in span:
        node = tok
        for _ in range(3):
            if R.dep(node) in R.CORE_ARGS:
                return True
            if R.dep(node) not in R.CORE_DEPS or node.head.i == node.i:
                break
            node = node.head
    return False


def _document_period(doc_date):
    if doc_date is None:
        return None
    return {"start": doc_date.start.isoformat(), "end": doc_date.end.isoformat(), "text": "", "precision": doc_date.precision}


def _pool(parts):
    seen, out = set(), []
    for p in parts:
        key = (p.code, p.sector)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _without(parts, others):
    """Recipients minus the actor's own mentions (a country may act on itself: "Sudan's
    government accused Darfur rebels" is SDN → SDN)."""
    def distinct(p):
        same = [o for o in others if o.code == p.code]
        if not same:
            return True
        if p.resolved_from in ("place", "domestic"):
            return True
        return all(o.start != p.start and o.sector and p.sector and o.sector != p.sector for o in same)

    return [p for p in _pool(parts) if distinct(p)]
