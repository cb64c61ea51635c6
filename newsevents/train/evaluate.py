"""Score a pipeline on gold-tokenised CoNLL-U sentences, CoNLL 2018 style.

LAS is reported twice: on the universal part of the relation (``obl:arg`` counts
as ``obl``; the shared-task metric) and on the full label. Punctuation is
scored like any other token, as in the shared task.
"""
from __future__ import annotations

import time
from dataclasses import asdict, dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .conllu import Sentence


@dataclass
class Scores:
    tokens: int
    upos: float
    ufeats: float
    lemma: float
    uas: float
    las: float  # universal relation (subtypes stripped)
    las_full: float
    sent_split_rate: float  # share of gold sentences the parser cut in pieces
    tokens_per_second: float

    def as_dict(self) -> dict:
        return asdict(self)


def _universal(label: str) -> str:
    return label.split(":")[0].lower()


def _feats(morph) -> set[str]:
    return set(str(morph).split("|")) - {""}


def gold_docs(nlp: Language, sentences: list[Sentence]) -> list[Doc]:
    """Unannotated Docs with the gold tokens and gold sentence extent, one per sentence.

    Gold segmentation comes with gold tokenisation in CoNLL 2018; spaCy's parser
    respects tokens marked as not starting a sentence, as it does at run time in
    :func:`newsevents.syntax.parse_sentences`.
    """
    return [Doc(nlp.vocab, words=[t.form for t in s.tokens],
                spaces=[t.space_after for t in s.tokens],
                sent_starts=[i == 0 for i in range(len(s.tokens))]) for s in sentences]


def evaluate(nlp: Language, sentences: list[Sentence], batch_size: int = 256) -> Scores:
    """Run ``nlp``'s components on gold tokens and compare with the treebank."""
    docs = gold_docs(nlp, sentences)
    start = time.perf_counter()
    for _name, proc in nlp.pipeline:
        docs = list(proc.pipe(docs, batch_size=batch_size))
    elapsed = time.perf_counter() - start
    n = upos = feats = lemma = uas = las = las_full = split = 0
    for sent, doc in zip(sentences, docs):
        split += sum(1 for t in doc[1:] if t.is_sent_start) > 0
        for gold, tok in zip(sent.tokens, doc):
            n += 1
            upos += tok.pos_ == gold.upos
            feats += _feats(tok.morph) == _feats(gold.feats)
            lemma += tok.lemma_ == gold.lemma
            gold_head = gold.head - 1 if gold.head else tok.i
            pred_dep = "root" if tok.dep_.lower() == "root" else tok.dep_
            if tok.head.i == gold_head and (tok.dep_.lower() == "root") == (gold.head == 0):
                uas += 1
                las += _universal(pred_dep) == _universal(gold.deprel)
                las_full += pred_dep.lower() == gold.deprel.lower()
    return Scores(n, upos / n, feats / n, lemma / n, uas / n, las / n, las_full / n,
                  split / max(len(sentences), 1), n / elapsed if elapsed else 0.0)

