"""newsevents: dated news articles in, PLOVER political event data out.

The library is the product; the command line and the web app are thin layers over
these public functions::

    from newsevents import code_text, code_documents, iter_documents
    events = code_text("Rusland viel vrijdag Oekraïne aan.", date="2022-02", language="nl")
"""
__version__ = "0.1.0"

from .documents import DocDate, Document  # noqa: E402
from .errors import Errors, InputError, NewsEventsError, UnsupportedLanguage  # noqa: E402
from .readers import iter_documents  # noqa: E402


def __getattr__(name):
    # the coder pulls in spaCy and the models: import it only when asked for
    if name in {"code_text", "code_document", "code_documents", "Coder", "load_coder"}:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)


__all__ = ["DocDate", "Document", "Errors", "InputError", "NewsEventsError", "UnsupportedLanguage",
           "iter_documents", "code_text", "code_document", "code_documents", "Coder", "load_coder"]
