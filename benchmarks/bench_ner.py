"""The English NER: what running it on fewer tokens could save, and ``wirewatch_ner``
against the stock component (docs/performance.md, round 15).

Usage: python benchmarks/bench_ner.py [--docs 40] [--repeat 3] [--gold eval/FILE.yaml ...]

The texts are ``bench_extract.py``'s (``--gold``: the texts of evaluation files instead,
e.g. every English set). They are run through the extraction pipeline up to the NER;
then, on the same docs:

* **selective NER, by sentence**: the share of tokens in sentences that can hold an
  entity wirewatch reads (a word with a capital letter, but for a function word opening
  the sentence that the tagger does not call a proper noun; a digit; a calendar word),
  the share the NER would still see with four tokens of context either side (its
  embedding's reach), and the entities the full NER finds outside the selection, by
  label and whether wirewatch reads them (PERSON, ORG, NORP, GPE, LOC, FAC, DATE
  anywhere, any label on a capitalised word);
* **selective NER, by stretch**: the same with every stretch of more than eight
  tokens without such a word left out but for four tokens at each end;
* **decoding**: CPU seconds (``time.process_time``, median of ``--repeat``) of the stock
  ``ner`` and of ``wirewatch_ner`` over the same docs in batches of 16, and the number of
  docs whose entities (IOB and type of every token) differ.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from bench_extract import corpus  # the same texts (this script's folder is on sys.path)
from spacy.lang.en.stop_words import STOP_WORDS

from wirewatch.resources import Resources

READ = {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "DATE"}
CALENDAR = frozenset({"today", "yesterday", "tomorrow", "tonight", "overnight", "morning",
    "afternoon", "evening", "night", "midnight", "noon", "dawn", "day", "days", "daily",
    "week", "weeks", "weekly", "weekend", "month", "months", "monthly", "year", "years",
    "yearly", "annual", "decade", "decades", "century", "hour", "hours", "minute", "minutes",
    "ago", "spring", "summer", "autumn", "fall", "winter", "season", "quarter", "anniversary"})
NUMBERS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "fifteen", "twenty", "forty", "fifty", "sixty", "hundred",
    "first", "third", "last", "next", "former", "latter", "may"})
OPENERS = {w for w in STOP_WORDS if w.isalpha() and w not in NUMBERS}
REACH = 4  # tokens either side a token's NER vector depends on (window 1, depth 4)


def needs(doc: Any) -> list[bool]:
    """Per token: whether it can be (in) an entity wirewatch reads."""
    out, first = [], True
    for t in doc:
        if t.is_sent_start:
            first = True
        word = t.text
        b = any(c.isupper() or c.isdigit() for c in word) or word.lower() in CALENDAR
        out.append(b and not (first and word.lower() in OPENERS and t.pos_ != "PROPN"))
        if first and word[:1].isalnum():
            first = False
    return out


def by_sentence(doc: Any, need: list[bool]) -> tuple[set[int], int]:
    """Tokens of the needed sentences, and how many tokens the NER would see with
    ``REACH`` tokens of context either side of each run of them."""
    kept: set[int] = set()
    for s in doc.sents:
        if any(need[s.start:s.end]):
            kept.update(range(s.start, s.end))
    seen = {j for i in kept for j in range(max(0, i - REACH), min(len(doc), i + REACH + 1))}
    return kept, len(seen)


def by_stretch(doc: Any, need: list[bool]) -> set[int]:
    """Tokens left out: the inside of every stretch of unneeded tokens longer than
    2 * ``REACH``, but for ``REACH`` tokens at each end."""
    out: set[int] = set()
    run = 0
    for i, b in enumerate([*need, True]):
        if not b:
            run += 1
            continue
        if run > 2 * REACH:
            out.update(range(i - run + REACH, i - REACH))
        run = 0
    return out


def lost(doc: Any, outside: set[int], counts: Counter[tuple[str, bool]]) -> None:
    """Count the full NER's entities with a token in ``outside``."""
    for e in doc.ents:
        if any(t.i in outside for t in e):
            counts[(e.label_, e.label_ in READ or e.text[:1].isupper())] += 1


def selection(docs: list[Any]) -> dict[str, Any]:
    """The shares and lost entities of both selections."""
    n = sum(len(d) for d in docs)
    kept = seen = skipped = 0
    lost_s: Counter[tuple[str, bool]] = Counter()
    lost_t: Counter[tuple[str, bool]] = Counter()
    for doc in docs:
        need = needs(doc)
        k, s = by_sentence(doc, need)
        kept, seen = kept + len(k), seen + s
        lost(doc, set(range(len(doc))) - k, lost_s)
        out = by_stretch(doc, need)
        skipped += len(out)
        lost(doc, out, lost_t)

    def named(c: Counter[tuple[str, bool]]) -> dict[str, int]:
        return {f"{label}{' (read)' if read else ''}": v for (label, read), v in c.items()}

    return {"tokens": n, "sentences_needed_share": round(kept / n, 4),
            "sentences_with_context_share": round(seen / n, 4),
            "sentences_lost_entities": named(lost_s),
            "stretches_left_out_share": round(skipped / n, 4),
            "stretches_lost_entities": named(lost_t)}


def decoding(nlp: Any, docs: list[Any], repeat: int) -> dict[str, Any]:
    """CPU seconds of the stock NER and of ``wirewatch_ner``, and docs that differ."""
    stock, fast = nlp.get_pipe("ner"), nlp.get_pipe("wirewatch_ner")
    times: dict[str, list[float]] = {"ner": [], "wirewatch_ner": []}
    outs: dict[str, list[Any]] = {}
    for _ in range(repeat):
        for name, proc in (("ner", stock), ("wirewatch_ner", fast)):
            copies = [d.copy() for d in docs]
            t = time.process_time()
            outs[name] = list(proc.pipe(copies, batch_size=16))
            times[name].append(time.process_time() - t)
    differ = sum([(t.ent_iob, t.ent_type) for t in a] != [(t.ent_iob, t.ent_type) for t in b]
                 for a, b in zip(outs["ner"], outs["wirewatch_ner"], strict=True))
    return {"cpu_s": {k: round(statistics.median(v), 3) for k, v in times.items()},
            "docs_differing": differ}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--gold", nargs="*", type=Path, default=[])
    a = ap.parse_args()
    texts = [d["text"] for g in a.gold
             for d in yaml.safe_load(g.read_text(encoding="utf-8"))] or corpus(a.docs)
    nlp = Resources.load().nlp_for("en")
    with nlp.select_pipes(disable=["wirewatch_ner", "wirewatch_places", "wirewatch_events"]):
        bare = list(nlp.pipe(texts, batch_size=16))  # parsed, no entities
    full = list(nlp.get_pipe("ner").pipe([d.copy() for d in bare], batch_size=16))
    report = {"docs": len(texts), **selection(full), **decoding(nlp, bare, a.repeat)}
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
