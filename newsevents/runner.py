"""Code many documents: in parallel on local cores or a Dask cluster, resumably.

:func:`run` reads the inputs, skips documents a previous run already committed,
sends the rest in chunks to workers that each load the coder once, and hands the
results *in input order* to the sinks of :mod:`newsevents.output`. A bad file, a
bad line or a document the coder chokes on is reported (log + summary) and never
stops the others.
"""
from __future__ import annotations

import logging
import os
import re
import sys
import threading
import time
from collections import deque
from dataclasses import asdict, dataclass, field
from typing import Iterable, Iterator

from .documents import Document
from .errors import InputError, NewsEventsError
from .output import document_key, open_sinks
from .progress import Progress, estimate_total, stderr_is_tty

log = logging.getLogger(__name__)

_FILE_LINE = re.compile(r"^(.+):(\d+)$")  # "news.jsonl:12", as readers name a document's source
_BARE_URL = re.compile(r"^[a-z]+://[^/]+$")  # "http://host:8000" ends in a port, not a line
CHUNK_DOCS = 8  # documents per task: enough to amortise the round trip, small enough to balance


@dataclass
class Coded:
    """One coded document as it travels back from a worker (plain, picklable)."""

    key: str
    document: Document
    sentences: list = field(default_factory=list)
    events: list = field(default_factory=list)
    error: dict | None = None
    story_id: str | None = None


@dataclass
class RunSummary:
    """What a run did; ``errors`` are dicts with ``code``, ``message``, ``file``, ``line``."""

    read: int = 0
    coded: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    errors: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def docs_per_second(self) -> float:
        return self.coded / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict:
        return asdict(self) | {"docs_per_second": round(self.docs_per_second, 2)}

    def __str__(self) -> str:
        return (f"{self.read} documents read, {self.coded} coded, {self.skipped} skipped (already done), "
                f"{self.failed} failed, {self.events} events in {self.seconds:.1f} s")


def error_record(err: Exception, *, where: str | None = None) -> dict:
    """An error as the summary lists it: which file and line, what and why."""
    fields = getattr(err, "fields", {}) or {}
    place = str(fields.get("path") or fields.get("where") or fields.get("url") or where or "")
    line = fields.get("line")
    located = _FILE_LINE.match(place)
    if line is None and located and not _BARE_URL.match(place):
        place, line = located.group(1), int(located.group(2))
    return {"code": getattr(err, "code", type(err).__name__), "message": str(err), "file": place or None, "line": line}


# --------------------------------------------------------------------------- the worker side


def code_chunk(documents: list[Document], language: str | None = None, nested: bool = False) -> list[Coded]:
    """Code a chunk of documents (in a worker process or on a Dask worker).

    The coder is imported here, so each worker process loads it once and keeps it.
    If the coder raises mid-chunk, the remaining documents are coded one by one so
    that only the document at fault fails.
    """
    from . import pipeline

    out: list[Coded] = []
    keys = [document_key(doc) for doc in documents]  # before the coder may fill in e.g. the language
    position = 0
    while position < len(documents):
        try:
            for result in pipeline.code_documents(documents[position:], language=language, nested=nested):
                out.append(_coded(result, keys[position]))
                position += 1
        except Exception as err:  # noqa: BLE001 — a coder bug must cost one document, not the run
            doc = documents[position]
            log.debug("coding %s failed", doc.id, exc_info=True)
            out.append(Coded(keys[position], doc, error=_coding_error(doc, err)))
            position += 1
    return out


def _coded(result, key: str) -> Coded:
    doc = result.document
    error = None if result.error is None else error_record(result.error, where=doc.source or doc.id)
    sentences = [s.as_dict() if hasattr(s, "as_dict") else dict(s) for s in result.sentences or []]
    return Coded(key, doc, sentences, list(result.events or []), error)


def _coding_error(doc: Document, err: Exception) -> dict:
    if isinstance(err, NewsEventsError):
        return error_record(err, where=doc.source or doc.id)
    wrapped = NewsEventsError("E037", where=doc.source or doc.id, detail=f"{type(err).__name__}: {err}")
    return error_record(wrapped, where=doc.source or doc.id)


def _warm_worker(language: str | None, nested: bool, parent: int) -> None:
    """Process-pool initializer: load the coder (and the run's language) before the first chunk."""
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    try:
        from . import pipeline

        coder = pipeline.load_coder(nested)
        if language:
            coder.for_language(language)
    except Exception:  # noqa: BLE001 — a failing initializer would break the pool; documents report it
        log.debug("could not preload the coder", exc_info=True)


# --------------------------------------------------------------------------- executors


def _exit_with(parent: int, interval: float = 1.0) -> None:
    """End this worker when the run that started it is gone (``kill -9`` leaves no one to tell it)."""
    while True:
        time.sleep(interval)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # the pid now belongs to someone else's process
            os._exit(1)


class _InProcess:
    """workers=1: no pool, no pickling."""

    depth = 1

    class _Done:
        def __init__(self, value):
            self.value = value

        def result(self):
            return self.value

    def __init__(self, nested: bool):
        self.nested = nested

    def submit(self, documents, language):
        return self._Done(code_chunk(documents, language, self.nested))

    def close(self):
        pass


class _Local:
    """A process pool; a crashed worker (e.g. killed by the OOM killer) costs only its documents."""

    def __init__(self, workers: int, language, nested: bool):
        self.workers, self.language, self.nested = workers, language, nested
        self.depth = 2 * workers  # chunks in flight: every worker busy, one chunk queued behind it
        self.pool = self._new_pool()

    def _new_pool(self):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("forkserver" if sys.platform != "win32" else "spawn")
        return ProcessPoolExecutor(self.workers, mp_context=context, initializer=_warm_worker,
                                   initargs=(self.language, self.nested, os.getpid()))

    def submit(self, documents, language, attempts: int = 2):
        from concurrent.futures.process import BrokenProcessPool

        pool = self.pool
        try:
            future = pool.submit(code_chunk, documents, language, self.nested)
        except BrokenProcessPool:  # broken by a chunk whose result is not collected yet
            pool = self.restart(pool)
            future = pool.submit(code_chunk, documents, language, self.nested)
        return _Retrying(self, pool, documents, language, future, attempts)

    def restart(self, broken):
        """Replace the pool once, however many of its futures report the breakage."""
        if broken is self.pool:
            broken.shutdown(wait=False)
            self.pool = self._new_pool()
        return self.pool

    def close(self):
        self.pool.shutdown(wait=True, cancel_futures=True)


class _Retrying:
    """A chunk's future that, if a worker died, retries each of its documents alone.

    A dying worker breaks the whole pool, so the chunk at fault is not known: every
    document of every broken chunk is retried alone, and only one that breaks the pool
    again (twice) is reported as failed (E038).
    """

    def __init__(self, local: _Local, pool, documents, language, future, attempts: int):
        self.local, self.pool, self.documents, self.language = local, pool, documents, language
        self.future, self.attempts = future, attempts

    def result(self):
        from concurrent.futures import CancelledError
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.future.result()
        except (BrokenProcessPool, CancelledError) as err:
            self.local.restart(self.pool)
            if len(self.documents) > 1:
                return [c for doc in self.documents for c in self.local.submit([doc], self.language).result()]
            if self.attempts > 1:
                return self.local.submit(self.documents, self.language, self.attempts - 1).result()
            doc = self.documents[0]
            crash = NewsEventsError("E038", where=doc.source or doc.id, detail=err or "worker process died")
            return [Coded(document_key(doc), doc, error=error_record(crash, where=doc.source or doc.id))]


class _Dask:
    """A Dask distributed cluster, given by its scheduler address; the same chunk function."""

    def __init__(self, scheduler: str, nested: bool):
        self.nested = nested
        try:
            _reachable(scheduler)
            from distributed import Client

            self.client = Client(scheduler, timeout="20s", set_as_default=False)
        except (OSError, TimeoutError, ImportError) as err:
            raise NewsEventsError("E039", scheduler=scheduler, detail=err) from None
        self.depth = 2 * max(1, sum(self.client.nthreads().values()))

    def submit(self, documents, language):
        return self.client.submit(code_chunk, documents, language, self.nested, pure=False)

    def close(self):
        self.client.close()


def _reachable(address: str, timeout: float = 5.0) -> None:
    """Fail at once on a refused connection instead of waiting out Dask's connect timeout."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme in ("tcp", "") and parts.hostname and parts.port:
        socket.create_connection((parts.hostname, parts.port), timeout=timeout).close()


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


# --------------------------------------------------------------------------- run


def run(
    paths_or_documents: Iterable,
    *,
    language: str | None = None,
    date: str | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    output=None,
    fmt: str = "jsonl",
    db=None,
    resume: bool = True,
    progress: bool = True,
    nested: bool = False,
    chunk_size: int = CHUNK_DOCS,
    max_chars: int | None = None,
) -> RunSummary:
    """Code every document of the inputs and write the events; see the module docstring.

    ``paths_or_documents`` mixes files, folders, ``http(s)://`` URLs and
    :class:`Document` objects. ``output`` is a path or an open text stream
    (stdout when neither ``output`` nor ``db`` is given); with ``resume`` a rerun
    after an interruption codes only what was not yet committed.
    """
    from .dedup import StoryIndex

    started = time.perf_counter()
    summary = RunSummary()
    items = list(paths_or_documents) if not isinstance(paths_or_documents, (str, os.PathLike)) else [paths_or_documents]
    sinks, executor, bar = [], None, None
    try:
        sinks = open_sinks(output, fmt, db, resume=resume)
        executor = _executor(workers, scheduler, language, nested)
        stories = StoryIndex()
        bar = Progress(progress, total=estimate_total(items) if progress and stderr_is_tty() else None)
        todo = _to_code(_documents(items, date, language, max_chars, summary), sinks, stories, summary, bar)
        window: deque = deque()
        for chunk in _chunks(todo, chunk_size):
            window.append(executor.submit(chunk, language))
            while len(window) >= executor.depth:
                _deliver(window.popleft().result(), sinks, stories, summary, bar)
        while window:
            _deliver(window.popleft().result(), sinks, stories, summary, bar)
    finally:
        # sinks first: what was committed stays committed even if the workers hang up badly
        for sink in sinks:
            sink.close()
        if bar is not None:
            bar.close()
        if executor is not None:
            executor.close()
        summary.seconds = time.perf_counter() - started
    log.info("%s", summary)
    return summary


def _executor(workers, scheduler, language, nested):
    if scheduler:
        return _Dask(scheduler, nested)
    workers = workers or default_workers()
    return _InProcess(nested) if workers == 1 else _Local(workers, language, nested)


def _documents(items, date, language, max_chars, summary) -> Iterator[Document]:
    """Documents from every input; read errors go to the summary and the log, never up."""
    from .readers import DEFAULT_MAX_CHARS, iter_documents

    for item in items:
        if isinstance(item, Document):
            summary.read += 1
            yield item
            continue
        try:
            for doc in iter_documents([item], date=date, language=language, max_chars=max_chars or DEFAULT_MAX_CHARS):
                if isinstance(doc, InputError):
                    _fail(summary, error_record(doc))
                else:
                    summary.read += 1
                    yield doc
        except Exception as err:  # noqa: BLE001 — a reader bug must cost one input, not the run
            crash = err if isinstance(err, NewsEventsError) else NewsEventsError("E037", where=item, detail=f"{type(err).__name__}: {err}")
            _fail(summary, error_record(crash, where=str(item)))


def _fail(summary: RunSummary, record: dict) -> None:
    summary.failed += 1
    summary.errors.append(record)
    log.warning("%s", record["message"])


def _to_code(documents, sinks, stories, summary, bar) -> Iterator[Document]:
    """Skip what a previous run committed to every sink; every document still joins the story index."""
    for doc in documents:
        try:
            stories.add(doc.id, doc.full_text)
            key = document_key(doc)
        except Exception as err:  # noqa: BLE001 — e.g. a Document built by hand without text
            _fail(summary, _coding_error(doc, err))
            continue
        if sinks and all(sink.has(doc, key) for sink in sinks):
            summary.skipped += 1
            bar.advance(1, skipped=True)
            continue
        yield doc


def _chunks(documents, size) -> Iterator[list]:
    chunk = []
    for doc in documents:
        chunk.append(doc)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _deliver(results: list[Coded], sinks, stories, summary, bar) -> None:
    """Hand one chunk's results to every sink that does not have them yet."""
    good = []
    for coded in results:
        if coded.error:
            _fail(summary, coded.error)
            continue
        coded.story_id = stories.stories.get(coded.document.id, coded.document.id)
        for event in coded.events:
            event.setdefault("story_id", coded.story_id)
        good.append(coded)
        summary.coded += 1
        summary.events += len(coded.events)
    for sink in sinks:
        fresh = [c for c in good if c.key not in sink.done]  # the store checks content itself
        if fresh:
            sink.write(fresh)
    bar.advance(len(results), summary.events)
