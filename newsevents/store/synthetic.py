"""Synthetic coded documents: for benchmarks, demos and tests with a known answer.

The sentences are written here from templates (no real news text), and each event
carries the offsets of its actor, trigger and recipient, just like the coder's.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import random

from ..documents import DocDate, Document
from .records import TYPE_QUAD

# Capitals as places (coordinates rounded to 0.1 degree; general knowledge).
ACTORS = {
    "USA": ("the United States", "Washington", 38.9, -77.0),
    "RUS": ("Russia", "Moscow", 55.8, 37.6),
    "UKR": ("Ukraine", "Kyiv", 50.5, 30.5),
    "EU": ("the European Union", "Brussels", 50.8, 4.4),
    "NATO": ("NATO", "Brussels", 50.9, 4.4),
    "CHN": ("China", "Beijing", 39.9, 116.4),
    "GBR": ("the United Kingdom", "London", 51.5, -0.1),
    "FRA": ("France", "Paris", 48.9, 2.4),
    "DEU": ("Germany", "Berlin", 52.5, 13.4),
    "POL": ("Poland", "Warsaw", 52.2, 21.0),
    "BLR": ("Belarus", "Minsk", 53.9, 27.6),
    "TUR": ("Turkey", "Ankara", 39.9, 32.9),
}

# PLOVER manual 2021, "PLOVER conflict--cooperation scores", category rows (ACCUSE read as -3).
TYPE_SCORE = {"AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5.0, "CONCEDE": 4.5, "COOPERATE": 9.5,
              "AID": 10.0, "RETREAT": 6.5, "REQUEST": 0.0, "ACCUSE": -3.0, "REJECT": -2.0,
              "THREATEN": -3.5, "PROTEST": -5.0, "SANCTION": -6.0, "MOBILIZE": -5.5, "COERCE": -7.0,
              "ASSAULT": -9.0}

VERBS = {"AGREE": "agreed with", "CONSULT": "held talks with", "SUPPORT": "praised",
         "CONCEDE": "gave way to", "COOPERATE": "worked together with", "AID": "sent aid to",
         "RETREAT": "pulled troops back from", "REQUEST": "asked", "ACCUSE": "accused",
         "REJECT": "rejected a proposal from", "THREATEN": "threatened", "PROTEST": "protested against",
         "SANCTION": "imposed sanctions on", "MOBILIZE": "massed troops near", "COERCE": "blockaded",
         "ASSAULT": "shelled positions of"}

# How often each type is drawn in random corpora (rough shape of wire news).
WEIGHTS = {"CONSULT": 20, "ACCUSE": 14, "SUPPORT": 10, "AGREE": 8, "REQUEST": 8, "AID": 7,
           "ASSAULT": 7, "SANCTION": 6, "COOPERATE": 5, "REJECT": 4, "THREATEN": 4, "COERCE": 3,
           "MOBILIZE": 2, "PROTEST": 1, "RETREAT": 1, "CONCEDE": 1}


def make_document(doc_id: str, date: dt.date, facts: list[tuple], title: str | None = None):
    """A document of one sentence per fact ``(actor, type, recipient[, aux])``.

    Returns ``(Document, sentences, events)`` as the coder would hand them to the store.
    """
    text, sentences, events = "", [], []
    for index, fact in enumerate(facts):
        source, etype, target = fact[:3]
        aux = fact[3] if len(fact) > 3 else None
        name_a, place, lat, lon = ACTORS[source]
        name_b = ACTORS[target][0]
        verb = VERBS[etype] if aux is None else f"may soon have {VERBS[etype].split(' ', 1)[-1]}"
        start = len(text)
        subject = name_a[0].upper() + name_a[1:]
        sentence = f"{subject} {verb} {name_b} in {place}."
        spans = {"actor": (start, start + len(subject)),
                 "trigger": (start + len(subject) + 1, start + len(subject) + 1 + len(verb)),
                 "recipient": (start + sentence.index(name_b, len(subject) + len(verb)),)}
        spans["recipient"] += (spans["recipient"][0] + len(name_b),)
        text += sentence + " "
        sentences.append({"index": index, "start": start, "end": start + len(sentence), "text": sentence})
        events.append(_event(doc_id, date, index, sentence, start, etype, aux, source, target, spans,
                             (place, source, lat, lon), text))
    document = Document(id=doc_id, text=text.strip(), date=DocDate.parse(date.isoformat()),
                        language="en", title=title or f"Synthetic report {doc_id}",
                        url=f"https://example.org/{doc_id}", source="synthetic")
    return document, sentences, events


def _event(doc_id, date, index, sentence, start, etype, aux, source, target, spans, where, text):
    event_id = hashlib.sha1(f"{doc_id}:{index}:{etype}".encode()).hexdigest()[:16]
    entity = lambda code, span: {"text": text[span[0]:span[1]], "code": code, "sector": "GOV",  # noqa: E731
                                 "start": span[0], "end": span[1]}
    return {
        "event_id": event_id, "doc_id": doc_id, "language": "en", "doc_date": date.isoformat(),
        "sentence": sentence, "sentence_index": index, "sentence_start": start,
        "sentence_end": start + len(sentence), "type": etype, "mode": None, "context": [], "aux": aux,
        "trigger": {"text": text[spans["trigger"][0]:spans["trigger"][1]], "start": spans["trigger"][0],
                    "end": spans["trigger"][1]},
        "score": TYPE_SCORE[etype], "quad": TYPE_QUAD[etype],
        "actor": [entity(source, spans["actor"])], "recipient": [entity(target, spans["recipient"])],
        "date": {"start": date.isoformat(), "end": date.isoformat(), "text": None, "precision": "day"},
        "where": {"text": where[0], "country": where[1], "lat": where[2], "lon": where[3]},
        "mentions": 1,
    }


def random_corpus(n_events: int, seed: int = 7, start: dt.date = dt.date(2022, 1, 3),
                  days: int = 365, per_doc: int = 5):
    """Yield ``(Document, sentences, events)`` with ``n_events`` random events in all."""
    rng = random.Random(seed)
    codes = list(ACTORS)
    types, weights = list(WEIGHTS), list(WEIGHTS.values())
    for number in range((n_events + per_doc - 1) // per_doc):
        date = start + dt.timedelta(days=rng.randrange(days))
        facts = []
        for _ in range(min(per_doc, n_events - number * per_doc)):
            source, target = rng.sample(codes[:6] if rng.random() < 0.7 else codes, 2)
            aux = "future" if rng.random() < 0.08 else None
            facts.append((source, rng.choices(types, weights)[0], target, aux))
        yield make_document(f"syn-{seed}-{number:06d}", date, facts)
