"""Read CoNLL-U treebanks into plain token records and spaCy ``Doc`` objects.

Our own small reader instead of ``spacy convert`` because the Dutch split needs
the sentences as data first (dedup by text, label harmonisation) before they
become Docs, and because the 2017 LassySmall file has no ``# text`` lines.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from spacy.tokens import Doc
from spacy.vocab import Vocab


@dataclass
class Token:
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 1-based, 0 = root
    deprel: str
    space_after: bool


@dataclass
class Sentence:
    tokens: list[Token]
    sent_id: str = ""
    source: str = ""
    meta: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The surface text, rebuilt from tokens (the 2017 file has no ``# text``)."""
        return "".join(t.form + (" " if t.space_after else "") for t in self.tokens).strip()

    @property
    def key(self) -> str:
        """Whitespace-free token string: the dedup key across files whose spacing differs."""
        return "".join(t.form for t in self.tokens)


def read_conllu(path: Path | str) -> Iterator[Sentence]:
    """Yield sentences; multiword-token ranges and empty nodes are skipped.

    We train and score on syntactic words (gold tokenisation, as CoNLL 2018 does
    with gold segmentation), so the surface ranges are not needed.
    """
    path = Path(path)
    tokens: list[Token] = []
    meta: dict = {}
    with path.open(encoding="utf8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if tokens:
                    yield Sentence(tokens, meta.get("sent_id", ""), path.name, meta)
                tokens, meta = [], {}
                continue
            if line.startswith("#"):
                key, _, value = line[1:].partition("=")
                meta[key.strip()] = value.strip()
                continue
            cols = line.split("\t")
            if len(cols) != 10 or not cols[0].isdigit():
                continue  # "3-4" multiword range or "8.1" empty node
            misc = cols[9]
            tokens.append(Token(
                form=cols[1], lemma=cols[2], upos=cols[3], xpos=cols[4],
                feats="" if cols[5] == "_" else cols[5],
                head=int(cols[6]), deprel=cols[7],
                space_after="SpaceAfter=No" not in misc,
            ))
    if tokens:
        yield Sentence(tokens, meta.get("sent_id", ""), path.name, meta)


def sentence_to_doc(vocab: Vocab, sents: Iterable[Sentence]) -> Doc:
    """One Doc holding several consecutive sentences, so the parser learns boundaries."""
    words, spaces, lemmas, pos, morphs, heads, deps, starts = [], [], [], [], [], [], [], []
    for sent in sents:
        offset = len(words)
        for i, tok in enumerate(sent.tokens):
            words.append(tok.form)
            spaces.append(tok.space_after)
            lemmas.append(tok.lemma)
            pos.append(tok.upos)
            morphs.append(tok.feats)
            heads.append(offset + (tok.head - 1 if tok.head else i))
            deps.append(tok.deprel)
            starts.append(i == 0)
        if spaces:
            spaces[-1] = True
    return Doc(vocab, words=words, spaces=spaces, lemmas=lemmas, pos=pos,
               morphs=morphs, heads=heads, deps=deps, sent_starts=starts)


def to_docs(vocab: Vocab, sentences: list[Sentence], per_doc: int = 10) -> list[Doc]:
    """Group consecutive sentences ``per_doc`` at a time (1 = one sentence per Doc)."""
    return [sentence_to_doc(vocab, sentences[i:i + per_doc])
            for i in range(0, len(sentences), per_doc)]
