"""Join hits that belong to one noun phrase into one actor.

"Russische militairen" is one actor, RUS/MIL; "de Letse minister Edgars Rinkevics van
Buitenlandse Zaken" is one, LVA/GOV, with the person's role; "de president van Rusland" is
RUS/GOV. Without a parser the phrase is read from word order, using only the function words
listed under ``GRAMMAR`` in the language's actors.yaml, so the rules are the same for every
language that writes modifiers before the noun.
"""
from __future__ import annotations

from .lexicon import Grammar
from .matcher import CODE_KINDS, Hit, Tokens

# hits that can say whose a following sector noun is
MODIFIER_KINDS = CODE_KINDS - {"person"}
# stances that make the name a backer, not the owner, of the noun after it:
# "Russian-backed separatists" are not Russian soldiers
STANCES = frozenset({"backed", "led", "pro", "anti"})
# names that can modify a noun directly where the language allows it ("US troops")
NOUN_MODIFIER_KINDS = frozenset({"country", "organisation", "capital"})
# how many adjective-like words may stand between a demonym and its noun
MAX_GAP = 2


def combine(hits: list[Hit], tok: Tokens, g: Grammar) -> list[Hit]:
    """Merge modifier + sector (+ person) (+ "van" complement) runs; keep the rest."""
    out: list[Hit] = []
    i = 0
    while i < len(hits):
        group = _same_span(hits, i)
        if len(group) > 1:  # a compound naming several actors: leave as is
            out.extend(group)
            i += len(group)
            continue
        phrase, i = _grow(hits, i, tok, g)
        _share_sector_back(out, phrase, tok, g)
        out.append(phrase)
    return out


def _same_span(hits: list[Hit], i: int) -> list[Hit]:
    j = i + 1
    while j < len(hits) and hits[j].start == hits[i].start and hits[j].end == hits[i].end:
        j += 1
    return hits[i:j]


def _next(hits: list[Hit], k: int) -> Hit | None:
    """The hit at ``k`` if it is a lone hit (not one of a compound's several)."""
    if k < len(hits) and len(_same_span(hits, k)) == 1:
        return hits[k]
    return None


def _grow(hits: list[Hit], i: int, tok: Tokens, g: Grammar) -> tuple[Hit, int]:
    head, k = hits[i], i + 1
    phrase = Hit(head.start, head.end, head.kind, head.codes, head.sector, head.role,
                 head.person, head.modifier)
    nxt = _next(hits, k)
    if (_can_modify(head, tok, nxt, g) and nxt.kind == "sector" and nxt.modifier is None
            and _adjective_gap(tok, head.end, nxt.start, g)):
        phrase.sector, phrase.end = nxt.sector, nxt.end
        k += 1
    if phrase.sector is None or phrase.kind == "person":
        return phrase, k
    nxt = _next(hits, k)
    if nxt is not None and nxt.kind == "person" and _apposition_gap(tok, phrase.end, nxt.start):
        _add_person(phrase, nxt)
        k += 1
    nxt = _next(hits, k)
    if nxt is not None and _of_gap(tok, phrase.end, nxt, g):
        if nxt.kind == "sector" and nxt.sector == phrase.sector:
            phrase.end = nxt.end  # "minister ... van Buitenlandse Zaken"
            k += 1
        elif not phrase.codes and nxt.kind in MODIFIER_KINDS and nxt.codes and nxt.modifier is None:
            phrase.codes, phrase.end = nxt.codes, nxt.end  # "de president van Rusland"
            phrase.kind = nxt.kind
            k += 1
    return phrase, k


def _can_modify(head: Hit, tok: Tokens, nxt: Hit | None, g: Grammar) -> bool:
    """Can ``head`` say whose the next noun is? A demonym always ("Russische militairen"); a
    name when possessive ("Amerika's leger", "Russia's army") or where the language lets
    nouns modify nouns ("US troops", "Kremlin officials"; Dutch glues those: "NAVO-troepen")."""
    if nxt is None or head.kind not in MODIFIER_KINDS or head.modifier in STANCES:
        return False
    if head.kind == "demonym" or head.possessive:
        return True
    if any(tok.lower[j] in g.possessive_tokens for j in range(head.end, nxt.start)):
        return True
    return g.noun_modifiers and head.kind in NOUN_MODIFIER_KINDS and nxt.start == head.end


def _add_person(phrase: Hit, person: Hit) -> None:
    """"(Amerikaanse) president Joe Biden": the text's own country wins over the person's
    office (a text may call Rutte "de Nederlandse premier" after he left that post)."""
    phrase.end, phrase.person = person.end, person.person
    if not phrase.codes:
        phrase.codes = person.codes
    if person.codes == phrase.codes:
        phrase.role = person.role
    phrase.kind = "person"


def _adjective_gap(tok: Tokens, a: int, b: int, g: Grammar) -> bool:
    """Only possessive markers and up to two lower-case adjective-like words in between."""
    if b - a > MAX_GAP + 1:
        return False
    words = 0
    for j in range(a, b):
        low = tok.lower[j]
        if low in g.possessive_tokens:
            continue
        if not (tok.cased[j].isalpha() and tok.cased[j].islower()) or low in g.np_breakers:
            return False
        words += 1
    return words <= MAX_GAP


def _apposition_gap(tok: Tokens, a: int, b: int) -> bool:
    """"president Poetin" or "de minister, Sergej Lavrov": adjacent or one comma apart."""
    return b == a or (b == a + 1 and tok.cased[a] == ",")


def _of_gap(tok: Tokens, a: int, nxt: Hit, g: Grammar) -> bool:
    """"van (de)", "of (the)", "uit"; "in" only before a capital ("de regering in Moskou")."""
    b = nxt.start
    if b - a not in (1, 2):
        return False
    prep = tok.lower[a]
    if b - a == 2 and tok.lower[a + 1] not in g.articles:
        return False
    if prep in g.of_preps:
        return True
    # "officials in Washington" are Washington's; "the embassy in Kyiv" is somebody else's
    return prep in g.seat_preps and nxt.kind == "capital" and tok.lower[a - 1] not in g.seat_exempt


def _share_sector_back(out: list[Hit], phrase: Hit, tok: Tokens, g: Grammar) -> None:
    """"Russische en Oekraïense militairen": the earlier demonyms share the noun's sector."""
    if phrase.sector is None or phrase.kind not in ("demonym", "country") or not out:
        return
    right = phrase.start
    for prev in reversed(out):
        between = [tok.lower[j] for j in range(prev.end, right)]
        if (prev.kind != "demonym" or prev.sector is not None or prev.modifier
                or len(between) != 1 or between[0] not in g.conjunctions):
            return
        prev.sector = phrase.sector
        right = prev.start
