"""Build ``newsevents/lang/<iso>/lemmas.json`` (word form → lemma) from the UD training treebanks.

The table lets the coder find event-term candidates before parsing (only sentences with a
candidate are parsed) and lemmatise in fallback mode when no syntax model is installed.
Only the training files are read (the same ones the syntax model trains on).

    python scripts/build_lemma_lookup.py ../shared/ud

The output is derived from Universal Dependencies treebanks (CC BY-SA 4.0).
"""
from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

TRAIN_FILES = {
    "nl": ["nl/nl_lassysmall-2017-train.conllu", "nl/nl_alpino-ud-dev.conllu"],
    "en": ["en/en_ewt-ud-train.conllu"],
}
SOURCES = {
    "nl": "UD_Dutch-LassySmall (2017 train) and UD_Dutch-Alpino (dev), CC BY-SA 4.0",
    "en": "UD_English-EWT (train), CC BY-SA 4.0",
}
KEEP_UPOS = {"VERB", "AUX", "NOUN", "ADJ", "PROPN"}


def count_pairs(paths):
    counts = collections.defaultdict(collections.Counter)
    for path in paths:
        for line in open(path, encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 10 or not cols[0].isdigit():
                continue
            form, lemma, upos = cols[1].lower(), cols[2].lower(), cols[3]
            if upos in KEEP_UPOS and lemma not in ("_", form):
                # Dutch UD joins separable verbs' lemma with '_' in some files: keep the plain verb
                counts[form][lemma.replace("_", "")] += 1
    return counts


def build(ud_dir: Path, lang: str) -> dict:
    counts = count_pairs(ud_dir / name for name in TRAIN_FILES[lang])
    table = {form: c.most_common(1)[0][0] for form, c in sorted(counts.items())}
    return {"_source": f"word form -> lemma, derived from {SOURCES[lang]} by scripts/build_lemma_lookup.py",
            "LEMMAS": table}


def main(argv):
    ud_dir = Path(argv[1] if len(argv) > 1 else "../shared/ud")
    out_root = Path(__file__).resolve().parents[1] / "newsevents" / "lang"
    for lang in TRAIN_FILES:
        data = build(ud_dir, lang)
        (out_root / lang / "lemmas.json").write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv)
