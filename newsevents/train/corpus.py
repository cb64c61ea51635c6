"""A spaCy corpus reader that keeps the treebank's own tokens.

spaCy's stock reader re-tokenises the text and aligns; our scores are on gold
tokens (and the 2017 Dutch file has no real spacing), so the predicted side of
each Example gets exactly the gold words, while Docs still hold several
sentences so that the parser learns where sentences end.
"""
from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.util import registry


@registry.readers("newsevents.GoldTokenCorpus.v1")
def gold_token_corpus(path: Path):
    def read(nlp):
        for ref in DocBin().from_disk(path).get_docs(nlp.vocab):
            pred = Doc(nlp.vocab, words=[t.text for t in ref],
                       spaces=[bool(t.whitespace_) for t in ref])
            yield Example(pred, ref)
    return read
