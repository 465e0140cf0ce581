#!/usr/bin/env python3
"""Writes the real-text search fixture of one language: (form, lemma, part
of speech, count) of the words of a Universal Dependencies treebank's
*train* split, and no sentences.

    scripts/real-text-fixture.py LANG TRAIN.conllu > crates/okuma-core/tests/real_text/LANG.tsv

Run once per language (the treebanks used are named in the fixture's
header and in crates/okuma-core/tests/real_text/README.md). The native test
`real_text.rs` composes its own documents from these forms.
"""
import collections
import sys

# Word classes a reader searches for, and the ones that only fill a text.
KEEP = {"NOUN", "PROPN", "ADJ", "VERB", "ADV", "PRON", "DET", "ADP", "AUX",
        "CCONJ", "SCONJ", "PART", "INTJ"}
MAX_PAIRS = 5000


def lower(word, lang):
    if lang in ("tr", "az"):
        word = word.replace("I", "ı").replace("İ", "i")
    return word.lower()


def main():
    lang, path = sys.argv[1], sys.argv[2]
    pairs = collections.Counter()
    for line in open(path, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        # Multiword tokens (1-2) and empty nodes (1.1) are not words of the text.
        if "-" in cols[0] or "." in cols[0]:
            continue
        form, lemma, upos = cols[1], cols[2], cols[3]
        if upos not in KEEP or lemma == "_":
            continue
        form, lemma = lower(form, lang), lower(lemma, lang)
        # Clitics split off by the treebank ('s, n't) are not words a text shows.
        if not form[:1].isalpha():
            continue
        pairs[(form, lemma, upos)] += 1
    top = sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_PAIRS]
    print(f"# {lang}: (form, lemma, upos, count) from {path.rsplit('/', 1)[-1]}; no sentences")
    for (form, lemma, upos), n in top:
        print(f"{form}\t{lemma}\t{upos}\t{n}")


main()
