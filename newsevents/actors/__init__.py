"""Political actors in text, normalised to codes (ISO 3166 alpha-3, organisation codes, CAMEO
regions and sectors).

    >>> import spacy, datetime
    >>> from newsevents.actors import ActorRecognizer
    >>> doc = spacy.blank("nl")("De Russische militairen en NAVO-topman Stoltenberg.")
    >>> [(m.text, m.code, m.sector) for m in ActorRecognizer("nl").find(doc, datetime.date(2022, 1, 14))]
    [('Russische militairen', 'RUS', 'MIL'), ('NAVO-topman Stoltenberg', 'NATO', 'GOV')]
"""
from .lexicon import load_lexicon, supported_languages
from .people import Person, load_people, resolve
from .recognizer import KINDS, ActorMention, ActorRecognizer

__all__ = ["ActorMention", "ActorRecognizer", "KINDS", "Person", "load_lexicon", "load_people",
           "resolve", "supported_languages"]
