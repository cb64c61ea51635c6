"""Numbered, specific error messages (in the manner of spaCy's ``Errors``).

Every message names what went wrong and what to do about it. The number makes an
error searchable in the docs and stable across rewordings; tests match on it.
"""
from __future__ import annotations


class Errors:
    E001 = "{path}: the file is empty; there is nothing to code."
    E002 = "{path}: this looks like a binary file, not text (NUL bytes found). newsevents reads UTF-8 text, JSON Lines, CSV, HTML, feeds, WARC and Parquet."
    E003 = "{path}: not valid UTF-8 at byte {offset} (line {line}). Re-encode the file as UTF-8, e.g. `iconv -f latin1 -t utf-8`."
    E004 = "{path}:{line}: not valid JSON ({detail}). Each line of a .jsonl file must be one JSON object."
    E005 = "{path}:{line}: the JSON line is a {kind}, not an object with 'id', 'date' and 'text'."
    E006 = "{path}:{line}: '{value}' is not a date. Use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2022-01 or 2022-01-14)."
    E007 = "{path}:{line}: the document has no text."
    E008 = "{where}: language '{language}' is not supported. Supported languages: {supported}. Pass --language to override detection if it guessed wrong."
    E009 = "{where}: could not tell the language of a text this short; pass --language (supported: {supported})."
    E010 = "{path}: CSV has no '{column}' column (found: {found}). The columns are id, date, text and optionally language, title, url."
    E011 = "{path}: no such file or folder."
    E012 = "{path}: no reader for files ending in '{suffix}'. Known: {known}."
    E013 = "{path}: the first line should be a date marker ('date 2022-01 …'); use --date to give the date of a plain text file."
    E014 = "{where}: the document is {size:,} characters long, more than the limit of {limit:,}; raise it with --max-chars if this is really one article."
    E015 = "Unknown output format '{fmt}'. Choose one of: {known}."
    E016 = "Unknown pipeline stage '{name}'. Registered stages: {known}."
    E017 = "{path}: not a reference file: expected an object with 'events' or 'documents'."
    E018 = "{where}: no syntax model is installed for '{language}'; coding in fallback mode (no dependency parse: roles from word order, lower accuracy). Train one with `newsevents train-syntax {language}`."

    # E030–E049: ingestion at scale (HTML, feeds, WARC, Parquet) and the runner [helper "ingest"]
    E030 = "{path}: no article text could be extracted from this HTML page (navigation or boilerplate only?)."
    E031 = "{path}: not an RSS or Atom feed ({detail})."
    E032 = "{url}: could not fetch ({detail})."
    E033 = "{path}: feed entry {line} ('{title}') has no text; feeds that carry only titles cannot be coded."
    E034 = "{path}: the WARC/ARC archive is damaged at byte {offset} ({detail}); the records before it were read."
    E035 = "{path}: not a readable Parquet file ({detail})."
    E036 = "{path}: Parquet has no '{column}' column (found: {found}). The columns are id, date, text and optionally language, title, url."
    E037 = "{where}: coding failed ({detail}); the other documents of the run go on."
    E038 = "{where}: a worker process died while coding this chunk ({detail}); the documents were retried one at a time."
    E039 = "Could not reach the Dask scheduler at {scheduler} ({detail}). Start one with `dask scheduler` or drop --scheduler to use local cores."
    E040 = "Parquet output is a folder of date partitions; give --output a folder path, not a stream or a file ({path})."
    E041 = "--db needs the store (newsevents.store), which could not be loaded ({detail})."
    E042 = "{path}: {count} line(s) at the end were cut off by an interrupted run and are rewritten now."
    E043 = "{path}: this output file was not written by a resumable newsevents run (no journal beside it, {journal}); pass --no-resume to overwrite it or choose another output."

class NewsEventsError(Exception):
    """An error a user can act on; ``code`` is the number from :class:`Errors`."""

    def __init__(self, code: str, **fields):
        self.code = code
        self.fields = fields
        template = getattr(Errors, code)
        super().__init__(f"[{code}] " + template.format(**fields))


class InputError(NewsEventsError, ValueError):
    """Raised by readers for one bad file or line; the run goes on with the rest."""


class UnsupportedLanguage(NewsEventsError, ValueError):
    """Raised when a document's language has no folder in ``newsevents/lang``."""
