"""The coding pipeline: named stages, each with one job.

    detect_language → split_sentences → analyse_syntax → recognise_actors
    → recognise_events (roles, aux mode, time, place) → finalise → deduplicate

Stages are registered by name in :data:`STAGES` (as spaCy registers components), so a
user can insert or replace one (``Coder(stages=[...])``). Reading happens before the
pipeline (:func:`newsevents.readers.iter_documents`) and storing after it
(:mod:`newsevents.store`).
"""
from __future__ import annotations

import functools
import hashlib
import logging
import re
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Iterator

from .documents import DocDate, Document
from .errors import NewsEventsError, UnsupportedLanguage

log = logging.getLogger(__name__)

STAGES: dict[str, Callable] = {}
DEFAULT_STAGES = ["detect_language", "split_sentences", "analyse_syntax", "recognise_actors",
                  "recognise_events", "finalise", "deduplicate"]
_PARAGRAPH = re.compile(r"\n\s*\n")
# the treebanks write straight quotes: typographic ones confuse the parser
PLAIN_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})


def stage(name: str, batch: Callable | None = None):
    """Register a pipeline stage under a name.

    ``batch``, if given, does the same work for several documents at once (the parse:
    one ``nlp.pipe`` over the sentences of many documents is ~10% cheaper than one per
    document); :meth:`Coder.code_many` uses it, :meth:`Coder.code` the one-document form.
    """

    def wrap(func):
        func.batch = batch
        STAGES[name] = func
        return func

    return wrap


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    doc: object = None  # spaCy Doc of this sentence (tokens; parsed when it may hold an event)
    parsed: bool = False
    mentions: list = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"index": self.index, "start": self.start, "end": self.end, "text": self.text}


@dataclass
class DocumentResult:
    """What coding one document gives: its sentences and events, or the error that stopped it."""

    document: Document
    sentences: list = field(default_factory=list)
    events: list = field(default_factory=list)
    error: NewsEventsError | None = None
    language: str | None = None
    mode: str | None = None  # "parser" or "fallback"


class Coder:
    """Codes documents; loads each language's models once, on first use."""

    def __init__(self, stages: list[str] | None = None, nested: bool = False):
        names = stages or DEFAULT_STAGES
        unknown = [n for n in names if n not in STAGES]
        if unknown:
            raise NewsEventsError("E016", name=unknown[0], known=", ".join(STAGES))
        self.stages = [STAGES[n] for n in names]
        self.nested = nested
        _one_blas_thread()

    def code(self, document: Document, language: str | None = None) -> DocumentResult:
        return self.code_many([document], language)[0]

    def code_many(self, documents: list[Document], language: str | None = None) -> list[DocumentResult]:
        """Code documents together, stage by stage; a document's error stops only that document."""
        results = [DocumentResult(document=doc, language=language or doc.language) for doc in documents]
        for run in self.stages:
            live = [r for r in results if r.error is None]
            if getattr(run, "batch", None) is not None and len(live) > 1:
                run.batch(self, live)
                continue
            for result in live:
                _run_stage(run, self, result)
        return results

    @functools.lru_cache(maxsize=None)
    def for_language(self, lang: str) -> "LanguageCoder":
        return LanguageCoder(lang)


def _run_stage(run: Callable, coder: "Coder", result: DocumentResult) -> None:
    try:
        run(coder, result)
    except NewsEventsError as err:
        result.error, result.events = err, []


def _one_blas_thread() -> None:
    """The parser multiplies small matrices: BLAS threads cost more than they save (measured
    7,100 vs 5,600 words/s on 2 cores), and parallelism comes from one worker per core."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return
    threadpool_limits(limits=1, user_api="blas")


class LanguageCoder:
    """Everything needed to code one language: data, syntax model, recognisers."""

    def __init__(self, lang: str):
        from .actors import ActorRecognizer
        from .coder.events import SentenceCoder
        from .coder.morph import LemmaGuesser
        from .coder.scores import Plover
        from .coder.timex import TimeResolver
        from .coder.triggers import TriggerIndex
        from .lang import load_language
        from .lang.events_schema import load_event_terms
        from .syntax import load_syntax

        self.lang = lang
        self.data = load_language(lang)
        self.syntax = load_syntax(lang)
        self.guesser = LemmaGuesser(self.data.lemmas, self.data.morphology)
        self.triggers = TriggerIndex(load_event_terms(lang), self.guesser, self.data.morphology)
        self.actors = ActorRecognizer(lang)
        self.time = TimeResolver(self.data.dates)
        self.sentences = SentenceCoder(self.data, self.triggers, self.time, Plover.load())
        self.tokenizer = self.syntax.nlp.tokenizer
        self.speech = self.data.cue("speech_verbs") | self.data.cue("speech_markers")


# -- stages ------------------------------------------------------------------------------------
@stage("detect_language")
def detect_language_stage(coder: Coder, result: DocumentResult) -> None:
    if not result.language:
        result.language = detect_language(result.document.full_text, where=result.document.source or result.document.id)
    from .lang import load_language

    load_language(result.language, where=result.document.source or result.document.id)


@stage("split_sentences")
def split_sentences_stage(coder: Coder, result: DocumentResult) -> None:
    lc = coder.for_language(result.language)
    result.sentences = split_sentences(result.document.full_text, lc.tokenizer)


def analyse_syntax_many(coder: Coder, results: list[DocumentResult]) -> None:
    """Parse, in one ``nlp.pipe`` per language, the sentences of all ``results`` that may hold
    an event term; the others are only tokenised."""
    todo: dict[str, list] = {}
    for result in results:
        try:
            todo.setdefault(result.language, []).extend(_tokenise_sentences(coder, result))
        except NewsEventsError as err:
            result.error, result.events = err, []
    for lang, pending in todo.items():
        nlp = coder.for_language(lang).syntax.nlp
        for (sent, _), doc in zip(pending, nlp.pipe((tokens for _, tokens in pending), batch_size=256)):
            sent.doc, sent.parsed = doc, True


@stage("analyse_syntax", batch=analyse_syntax_many)
def analyse_syntax_stage(coder: Coder, result: DocumentResult) -> None:
    """Parse only the sentences that may hold an event term; tokenise the rest."""
    analyse_syntax_many(coder, [result])
    if result.error is not None:
        raise result.error


def _tokenise_sentences(coder: Coder, result: DocumentResult) -> list:
    """Tokenise every sentence; return (sentence, tokens) for those worth parsing."""
    from .syntax import one_sentence

    lc = coder.for_language(result.language)
    result.mode = "parser" if lc.syntax.has_parser else "fallback"
    todo = []
    for sent in result.sentences:
        # the treebanks write straight quotes; the translation keeps every offset
        tokens = one_sentence(lc.tokenizer(sent.text.translate(PLAIN_QUOTES)))
        if lc.syntax.has_parser and lc.triggers.may_hold_event(t.text for t in tokens):
            todo.append((sent, tokens))
        else:
            sent.doc = tokens
    return todo


@stage("recognise_actors")
def recognise_actors_stage(coder: Coder, result: DocumentResult) -> None:
    lc = coder.for_language(result.language)
    when = result.document.date.start if result.document.date else None
    for sent in result.sentences:
        # offsets in the document, not the sentence
        sent.mentions = [replace(m, start_char=m.start_char + sent.start, end_char=m.end_char + sent.start)
                         for m in lc.actors.find(sent.doc, when)]


@stage("recognise_events")
def recognise_events_stage(coder: Coder, result: DocumentResult) -> None:
    from .coder.discourse import Discourse
    from .coder.events import SentenceContext

    lc = coder.for_language(result.language)
    discourse = Discourse()
    for sent in result.sentences:
        ctx = SentenceContext(doc_date=result.document.date, offset=sent.start, discourse=discourse,
                              parsed=sent.parsed, mentions=sent.mentions, times=lc.time.find(sent.doc))
        update_speaker(lc, sent, discourse)
        # with a parser, an unparsed sentence was found to hold no event term: nothing to code
        coded = lc.sentences.code(sent.doc[:], ctx, nested=coder.nested) if sent.parsed or result.mode != "parser" else []
        for event in coded:
            event["sentence_index"] = sent.index
            result.events.append(event)
        discourse.remember(sent.mentions)
        years = [e.value[0] for e in ctx.times if e.kind in ("year", "since_year", "date", "month") and e.value and e.value[0]]
        if years:
            discourse.last_year = years[-1]


@stage("finalise")
def finalise_stage(coder: Coder, result: DocumentResult) -> None:
    """Add the document's fields and a stable id to every event."""
    doc = result.document
    base = doc.content_hash
    for event in result.events:
        sent = result.sentences[event["sentence_index"]]
        event.pop("_trigger_i", None)
        key = f"{base}:{sent.index}:{event['trigger']['start']}:{event['type']}"
        event.update({
            "event_id": hashlib.sha1(key.encode()).hexdigest()[:20],
            "doc_id": doc.id,
            "language": result.language,
            "doc_date": str(doc.date) if doc.date else None,
            "sentence": sent.text,
            "sentence_start": sent.start,
            "sentence_end": sent.end,
            "mentions": 1,
            "coder": result.mode,
        })
    result.events = [_ordered(e) for e in result.events]


@stage("deduplicate")
def deduplicate_stage(coder: Coder, result: DocumentResult) -> None:
    """Link repeated mentions of one event within a document (:func:`newsevents.dedup.dedup_events`).

    Every mention stays a record with its own sentence (traceability); the first carries
    ``mentions`` = N, the later ones point to it with ``same_as``. Counting and trends use
    only records without ``same_as``.
    """
    from .dedup import dedup_events

    by_place = {(e["sentence_index"], e["trigger"]["start"]): e for e in result.events}
    for merged in dedup_events(result.events):
        members = [by_place.get((p.get("sentence_index"), (p.get("trigger") or {}).get("start")))
                   for p in merged.get("provenance") or []]
        members = [m for m in members if m is not None]
        if len(members) < 2:
            continue
        first = members[0]
        first["mentions"] = len(members)
        for later in members[1:]:
            later["same_as"] = first["event_id"]


# -- helpers ------------------------------------------------------------------------------------
FIELD_ORDER = ["event_id", "doc_id", "sentence", "type", "mode", "context", "aux", "actor", "recipient",
               "date", "where", "score", "quad", "trigger", "sentence_index", "sentence_start", "sentence_end",
               "language", "doc_date", "mentions", "coder"]


def _ordered(event: dict) -> dict:
    out = {k: event[k] for k in FIELD_ORDER if k in event}
    out.update({k: v for k, v in event.items() if k not in out})
    return out


def split_sentences(text: str, tokenizer) -> list[Sentence]:
    """Paragraphs at blank lines, sentences at final punctuation; offsets into ``text``."""
    from spacy.pipeline import Sentencizer

    sentencizer = _sentencizer(Sentencizer)
    out = []
    for para in _paragraphs(text):
        start, chunk = para
        # the treebanks write straight quotes; the translation keeps every offset
        doc = sentencizer(tokenizer(chunk.translate(PLAIN_QUOTES)))
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            s_start = start + sent.start_char
            original = text[s_start:s_start + len(sent.text)]
            out.append(Sentence(index=len(out), start=s_start, end=s_start + len(sent.text), text=original))
    return out


@functools.lru_cache(maxsize=1)
def _sentencizer(cls):
    return cls()


def _paragraphs(text: str):
    pos = 0
    for match in _PARAGRAPH.finditer(text):
        yield from _chunk(text, pos, match.start())
        pos = match.end()
    yield from _chunk(text, pos, len(text))


def _chunk(text, start, end, limit=100_000):
    """A paragraph, cut into pieces a tokenizer handles comfortably (a 5 MB "article" is coded too)."""
    while start < end:
        stop = min(end, start + limit)
        if stop < end:
            cut = text.rfind(". ", start, stop)
            stop = cut + 1 if cut > start else stop
        piece = text[start:stop]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            yield start + lead, piece.strip()
        start = stop


def update_speaker(lc: LanguageCoder, sent: Sentence, discourse) -> None:
    """'…, zei Rutte' / 'aldus Rutte' / 'Volgens X': X speaks the sentence and the quotes after it."""
    people = [m for m in sent.mentions if m.code and m.kind in ("person", "organisation", "country", "group", "demonym")]
    if not people:
        return
    for tok in sent.doc:
        lemmas = {tok.lemma_.lower()} if sent.parsed else set(lc.guesser.guess(tok.text.lower()))
        if not (lemmas | {tok.text.lower()}) & lc.speech:
            continue
        after = [m for m in people if 0 < m.start - tok.i <= 4]
        subject = [m for m in people if sent.parsed and any(
            c.dep_.startswith("nsubj") and m.start <= c.i < m.end for c in tok.children)]
        pick = (subject or after or [])
        if pick:
            discourse.speaker = pick[0]
            return
    if sent.text.lstrip()[:1] not in "“\"'‘„":
        persons = [m for m in people if m.kind == "person"]
        if persons and not discourse.speaker:
            discourse.speaker = persons[0]


def detect_language(text: str, where: str = "input") -> str:
    """The document's language (ISO 639-1), detected offline with py3langid."""
    from .lang import supported_languages

    sample = text[:5000]
    if len(sample.strip()) < 12:
        raise UnsupportedLanguage("E009", where=where, supported=", ".join(supported_languages()))
    import py3langid

    lang, _ = py3langid.classify(sample)
    return lang


# -- public functions ----------------------------------------------------------------------------
@functools.lru_cache(maxsize=4)
def load_coder(nested: bool = False) -> Coder:
    return Coder(nested=nested)


def code_document(doc: Document, language: str | None = None, nested: bool = False) -> list[dict]:
    """The events of one document (raises its error, if any)."""
    result = load_coder(nested).code(doc, language)
    if result.error is not None:
        raise result.error
    return result.events


def code_documents(docs: Iterable[Document], language: str | None = None, nested: bool = False,
                   batch: int = 16) -> Iterator[DocumentResult]:
    """Code many documents, ``batch`` at a time; a failing document yields a result with
    ``.error`` and the run goes on.

    Should the coder itself fail (a bug, not a bad document) inside a batch, that batch is
    coded again one document at a time, so that the exception points at its document.
    """
    coder = load_coder(nested)
    for group in _groups(docs, batch):
        try:
            results = coder.code_many(group, language) if len(group) > 1 else None
        except Exception:  # noqa: BLE001 — re-raised below, by the one document that causes it
            log.debug("batch of %d failed; coding one by one", len(group), exc_info=True)
            results = None
        if results is None:
            for doc in group:
                yield coder.code(doc, language)
        else:
            yield from results


def _groups(items: Iterable, size: int) -> Iterator[list]:
    group: list = []
    for item in items:
        group.append(item)
        if len(group) >= max(size, 1):
            yield group
            group = []
    if group:
        yield group


def code_text(text: str, date: str | None = None, language: str | None = None, doc_id: str = "text",
              nested: bool = False) -> list[dict]:
    """Code a string: ``code_text("Rusland viel vrijdag Oekraïne aan.", date="2022-02-25")``."""
    doc = Document(id=doc_id, text=text, date=DocDate.parse(date) if date else None, language=language)
    return code_document(doc, language, nested)
