"""Which treebank files make train, dev and test per language, and label harmonisation.

Dutch needs care (see ``shared/ud/README.md``): the only LassySmall train file
here is the 2017 one, whose sentences partly reappear in the current dev and
test files, and which follows older annotation conventions. We split by
sentence text so that no test sentence was seen in training, and rewrite the
2017 labels (and the lemmas of the current files) to one convention.
"""
from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from .conllu import Sentence, read_conllu
from .reattach import reattach_v2

# Old (2017) relation names that current UD Dutch spells differently.
RENAMED = {"flat:name": "flat"}
# Possessive pronoun → person; the 2017 file tags them DET/det, current UD PRON/nmod:poss.
POSSESSIVES = {"mijn": 1, "m'n": 1, "ons": 1, "onze": 1, "jouw": 2, "je": 2, "uw": 2,
               "zijn": 3, "z'n": 3, "haar": 3, "d'r": 3, "hun": 3}
# Features the 2017 file never has; dropped everywhere so the morphologizer sees one scheme.
NL_DROP_FEATS = {"ExtPos", "Poss"}
# Heads under which a 2017 ``fixed`` is still ``fixed`` today (multiword function words).
FIXED_HEADS = {"ADP", "ADV", "CCONJ", "SCONJ", "PUNCT"}
EN_DROP_FEATS: set[str] = set()


def default_ud_dir() -> Path:
    """``<repo>/../shared/ud``: where the workplace keeps the treebanks."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "ud"


@dataclass
class Split:
    train: list[Sentence]
    dev: list[Sentence]
    test: list[Sentence]


def load_split(lang: str, ud_dir: Path | None = None, dev_size: int = 500, seed: int = 0,
               repeat_current: int = 1) -> Split:
    """Build the train/dev/test split for ``lang`` (``nl`` or ``en``), harmonised.

    ``repeat_current`` (Dutch) puts the current-convention training sentences
    (Alpino dev, new LassySmall dev) that many times into train: the test
    follows the current conventions, the 2017 file only approximately.
    """
    ud_dir = Path(ud_dir or default_ud_dir())
    if lang == "nl":
        return _dutch_split(ud_dir / "nl", dev_size, seed, repeat_current)
    if lang == "en":
        d = ud_dir / "en"
        split = Split(list(read_conllu(d / "en_ewt-ud-train.conllu")),
                      list(read_conllu(d / "en_ewt-ud-dev.conllu")),
                      list(read_conllu(d / "en_ewt-ud-test.conllu")))
        for sents in (split.train, split.dev, split.test):
            for s in sents:
                drop_feats(s, EN_DROP_FEATS)
        return split
    raise ValueError(f"no treebanks configured for language {lang!r} (known: nl, en)")


def _dutch_split(d: Path, dev_size: int, seed: int, repeat_current: int = 1) -> Split:
    old = list(read_conllu(d / "nl_lassysmall-2017-train.conllu"))
    alpino_dev = list(read_conllu(d / "nl_alpino-ud-dev.conllu"))
    lassy_dev = list(read_conllu(d / "nl_lassysmall-ud-dev.conllu"))
    seen = {s.key for s in old}
    lassy_dev_new = [s for s in lassy_dev if s.key not in seen]
    # 2017 sentences that the current dev file re-annotated: train on the current annotation
    by_key = {s.key: s for s in lassy_dev if s.key in seen}  # one per sentence
    reannotated, reannotated_keys = list(by_key.values()), set(by_key)
    current = alpino_dev + lassy_dev_new
    for s in current + reannotated:
        harmonise_current_nl(s)
    stats = obl_arg_stats(current + reannotated)
    old = [s for s in old if s.key not in reannotated_keys]
    for s in old:
        harmonise_2017_nl(s, stats)
    train_pool = old + current + reannotated
    train_keys = {s.key for s in train_pool}
    test = list(read_conllu(d / "nl_alpino-ud-test.conllu"))
    test += [s for s in read_conllu(d / "nl_lassysmall-ud-test.conllu") if s.key not in train_keys]
    for s in test:
        harmonise_current_nl(s)
    # A small dev set for model selection, held out of the training pool (never the test).
    rng = random.Random(seed)
    order = list(range(len(current)))
    rng.shuffle(order)
    dev_idx = set(order[:dev_size])
    dev = [current[i] for i in sorted(dev_idx)]
    fresh = [current[i] for i in range(len(current)) if i not in dev_idx] + reannotated
    train = old + fresh * max(repeat_current, 1)
    return Split(train, dev, test)


def drop_feats(sent: Sentence, names: set[str]) -> None:
    if not names:
        return
    for t in sent.tokens:
        if t.feats:
            t.feats = "|".join(f for f in t.feats.split("|") if f.split("=")[0] not in names)


def harmonise_current_nl(sent: Sentence) -> None:
    """Current files → the lemma convention the coder matches on.

    Alpino marks compound parts in lemmas (``basis_niveau``, ``op_leggen``). We
    join them (``opleggen``), except that a verb whose particle stands apart as a
    ``compound:prt`` dependent keeps only the verb (``legden … op`` → ``leggen``),
    as the 2017 file does: the coder joins particle and verb itself.
    """
    drop_feats(sent, NL_DROP_FEATS)
    particles = defaultdict(list)
    for t in sent.tokens:
        if t.deprel == "compound:prt" and t.head:
            particles[t.head - 1].append(t.form.lower())
    for i, t in enumerate(sent.tokens):
        if "_" not in t.lemma or "_" in t.form:
            continue
        first, _, rest = t.lemma.partition("_")
        if i in particles and first.lower() in particles[i]:
            t.lemma = rest.replace("_", "")
        else:
            t.lemma = t.lemma.replace("_", "")


def obl_arg_stats(sents: list[Sentence]) -> dict[tuple[str, str], float]:
    """P(obl:arg | head lemma, preposition) from the current-convention files."""
    counts: Counter = Counter()
    args: Counter = Counter()
    for s in sents:
        for t, case in _obliques(s):
            key = (s.tokens[t.head - 1].lemma.lower(), case)
            counts[key] += 1
            args[key] += t.deprel == "obl:arg"
    return {k: args[k] / n for k, n in counts.items() if n >= 2}


def _obliques(sent: Sentence):
    cases = {}
    for t in sent.tokens:
        if t.deprel == "case" and t.head:
            cases.setdefault(t.head - 1, t.lemma.lower())
    for i, t in enumerate(sent.tokens):
        if t.deprel in ("obl", "obl:arg") and i in cases and t.head:
            yield t, cases[i]


def harmonise_2017_nl(sent: Sentence, obl_arg: dict[tuple[str, str], float]) -> None:
    """Rewrite the 2017 LassySmall labels towards current UD Dutch (best effort).

    ``flat:name``→``flat``; possessive pronouns DET/``det``→PRON/``nmod:poss``;
    ``zich`` as ``obj``→``expl:pv`` (its usual reading in the current files);
    ``door``-phrases under a passive→``obl:agent``; and ``obl``→``obl:arg`` where
    the verb+preposition pair is mostly ``obl:arg`` in the current files; ``fixed`` names
    → ``flat``; punctuation and coordinators re-attached by UD v2 rules (:mod:`.reattach`).
    """
    toks = sent.tokens
    for t in toks:  # multiword names: ``fixed`` in 2017, ``flat`` now (fixed stays for "in plaats van")
        if t.deprel == "fixed" and t.head and toks[t.head - 1].upos not in FIXED_HEADS:
            t.deprel = "flat"
    passive_heads = {t.head - 1 for t in toks if t.deprel == "aux:pass" and t.head}
    for t in toks:
        t.deprel = RENAMED.get(t.deprel, t.deprel)
        low = t.form.lower()
        if t.deprel == "det" and t.upos in ("DET", "PRON") and low in POSSESSIVES:
            t.deprel, t.upos = "nmod:poss", "PRON"
            t.feats = f"Person={POSSESSIVES[low]}|PronType=Prs"
        elif t.deprel == "obj" and low == "zich":
            t.deprel = "expl:pv"
    for t, case in list(_obliques(sent)):
        if t.deprel != "obl":
            continue
        if case == "door" and t.head - 1 in passive_heads:
            t.deprel = "obl:agent"
        elif obl_arg.get((toks[t.head - 1].lemma.lower(), case), 0.0) >= 0.5:
            t.deprel = "obl:arg"
    drop_feats(sent, NL_DROP_FEATS)
    reattach_v2(sent)  # punctuation and ``cc`` the UD v2 way
