"""Who is actor and who is recipient, read from Universal Dependencies relations.

UD relations are the same in every language, so these rules carry no language: the
subject (or the passive agent) is the actor; indirect objects, objects and obliques
with a recipient preposition are the recipient; a nominal event takes its agent from
a possessive, a demonym or a "by" phrase inside its noun phrase. Compound actors
("the United States, NATO and the EU") come out as one list, since a conjunct is in
the subtree of the first conjunct.
"""
from __future__ import annotations

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT = ("nsubj:pass", "csubj:pass")
OBJECT_ORDER = ("iobj", "obj", "obl:arg", "obl", "nsubj:pass", "nmod", "obl:agent")
CLAUSE_CUT = {"acl:relcl", "parataxis", "advcl", "ccomp", "csubj", "discourse", "vocative", "punct"}
INHERIT_SUBJECT = {"xcomp", "conj"}
CONTENT_DEPS = {"ccomp", "xcomp", "parataxis", "advcl", "obj"}


def POS_NOUN(token) -> bool:
    return token.pos_ in ("NOUN", "PROPN")


def dep(token) -> str:
    return token.dep_.lower()


def base_dep(token) -> str:
    return dep(token).split(":")[0]


CORE_DEPS = {"amod", "compound", "flat", "flat:name", "appos", "det", "nmod:poss", "det:poss", "conj", "cc", "nummod",
             "fixed", "case", "punct", "nmod:desc", "compound:prt"}
CORE_ARGS = {"nsubj", "nsubj:pass", "obj", "iobj", "csubj"}


def core(token) -> list:
    """A noun phrase's core: head, modifiers, appositions and conjuncts, not its nmod attachments
    ("pro-Servische milities", not "… met hulp van Belgrado delen van Kosovo")."""
    out, stack = [], [token]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if dep(c) in CORE_DEPS)
    return sorted(out, key=lambda t: t.i)


def phrase(token, cut=CLAUSE_CUT) -> list:
    """The tokens of a phrase: the subtree of its head, without embedded clauses."""
    out, stack = [], [token]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if dep(c) not in cut)
    return sorted(out, key=lambda t: t.i)


def case_of(token) -> str:
    """The preposition marking a nominal ("aan", "tegen", "to" …), lower case, or ''."""
    for child in token.children:
        if dep(child) in ("case", "mark"):
            return child.text.lower()
    return ""


def is_passive(verb) -> bool:
    """Passive only with a passive auxiliary: parsers mislabel reflexives ("hebben zich verzameld") as nsubj:pass."""
    return any(dep(c) == "aux:pass" for c in verb.children)


def subject_of(verb):
    """The subject of a verb, looking up through control verbs and coordination."""
    found = subjects_of(verb)
    return found[0] if found else None


def subjects_of(verb) -> list:
    """Subject candidates, best first (a parser sometimes gives a verb two)."""
    seen = 0
    while verb is not None and seen < 4:
        active = [c for c in verb.children if dep(c) in SUBJECT_DEPS]
        passive = [c for c in verb.children if dep(c) in PASSIVE_SUBJECT]
        subjects = active + (passive if not is_passive(verb) else []) if active else passive
        subjects = subjects or [c for c in verb.children if dep(c) == "expl"]  # "it is willing"
        if subjects:
            return subjects
        if dep(verb) in INHERIT_SUBJECT or base_dep(verb) == "conj":
            verb = verb.head if verb.head.i != verb.i else None
            seen += 1
            continue
        return []
    return []


def agent_of(verb, agent_preps) -> object | None:
    """The 'door X' / 'by X' phrase of a passive verb."""
    for child in verb.children:
        if dep(child) == "obl:agent" or (base_dep(child) == "obl" and case_of(child) in agent_preps):
            return child
    return None


def recipient_phrases(verb, recipient_preps, skip=()) -> list:
    """Candidate recipient heads in order of preference."""
    ranked = []
    for child in verb.children:
        if child in skip:
            continue
        d = dep(child)
        name = d if d in OBJECT_ORDER else base_dep(child)
        if name not in OBJECT_ORDER:
            continue
        if name in ("obl", "nmod") and case_of(child) not in recipient_preps:
            continue
        ranked.append((OBJECT_ORDER.index(name), child.i, child))
    return [tok for _, _, tok in sorted(ranked)]


def content_heads(trigger) -> list:
    """The clause a speech-like event is about: its complement, or its host clause when it is parenthetical."""
    heads = [c for c in trigger.children if dep(c) in CONTENT_DEPS or base_dep(c) in ("ccomp", "xcomp")]
    # "Een aanval zou duur uitvallen, waarschuwde zij": the host clause is the content
    if base_dep(trigger) in ("parataxis", "conj") and trigger.head.i != trigger.i and trigger.head.i < trigger.i:
        heads.append(trigger.head)
    return heads
