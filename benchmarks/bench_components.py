"""Where the time of English extraction goes, component by component, and what parsing
only the sentences that can hold an event could save at most.

Usage: python benchmarks/bench_components.py [--docs 40] [--repeat 5] [--distinct]
       python benchmarks/bench_components.py --gold eval/events.yaml [--gold ...]

The texts are ``bench_extract.py``'s (``--distinct``: its deduplicated ones). Bare spaCy
(``wirewatch.nlp.get_nlp()``) and the extraction pipeline (``Resources.nlp_for("en")``)
run over them one component at a time (``pipe`` per component, batch size 16; the
pipeline under ``extract``'s collector policy, ``collector.fewer_collections``), each
timed in CPU seconds of this process (``time.process_time``: other sessions' load on a
shared machine counts less than in wall time), median of ``--repeat`` runs. In
prediction, spaCy's tagger and parser read the shared ``tok2vec`` output from
``doc.tensor``, so timing them one after the other is timing the pipeline.

Then, on the pipeline's own parse of the same texts, the share of sentences and tokens
that could be given to the parser alone if it parsed only sentences that can hold an
event (docs/performance.md, round 6), under widening definitions:

* ``trigger``: every word of some trigger phrase of the codebook (follow-ups included)
  is a lower-case form or lemma of the sentence;
* ``+ claim``: or a verb of saying or of denial (``speech_verbs``, the denial phrases);
* ``+ place``: or a GPE, LOC or FAC entity;
* ``+ neighbour``: ``+ claim`` and one sentence either side (attribution, coreference).

and the CPU time of the en_core_web_sm ``senter`` (the model's own cheap sentence
splitter, shipped disabled), which a selective parse would need for the sentences
it does not parse. ``bound`` is the parser's time times the share of tokens outside
the selection: the most that skipping them could save (the parser's cost is linear in
tokens), before paying for the senter.

``--gold FILE`` (repeatable) times nothing: for the texts of each evaluation file it
prints the same shares, how often the ``senter`` and a rule sentencizer start a sentence
where the parser does, and how many tokens get another head or label when each sentence
is parsed alone, given the whole document's ``tok2vec`` output (``doc.tensor``, which
spaCy's listeners read in prediction) and as a fresh doc (tags compared too).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Iterable
from typing import Any

import yaml
from bench_extract import corpus  # the same texts (this script's folder is on sys.path)
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from wirewatch import Document
from wirewatch.collector import fewer_collections
from wirewatch.nlp import get_nlp
from wirewatch.pipeline import _spacy_docs
from wirewatch.resources import Resources


def run_components(nlp: Any, made: list[Any],
                   batch_size: int) -> tuple[dict[str, float], list[Any]]:
    """CPU seconds of each enabled component over ``made`` (already tokenized docs)."""
    times: dict[str, float] = {}
    docs: Iterable[Any] = made
    for name, proc in nlp.pipeline:
        t = time.process_time()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(d) for d in docs]
        times[name] = time.process_time() - t
    return times, list(docs)


def selection_shares(docs: list[Any], book: Any) -> dict[str, dict[str, float]]:
    """Share of sentences and tokens in each widening definition of 'can hold an event'."""
    phrases = [p for index in (book.phrases, book.followup_phrases)
               for found in index.values() for _, p in found]
    claim = set(book.speech_verbs) | {w for p in book.modality.get("denied", ()) for w in p}
    rows: list[tuple[int, bool, bool, bool, bool]] = []
    for doc in docs:
        flags = []
        for s in doc.sents:
            forms = {t.lower_ for t in s} | {t.lemma_.lower() for t in s}
            trig = any(all(w in forms for w in p) for p in phrases)
            said = trig or bool(forms & claim)
            place = said or any(e.label_ in ("GPE", "LOC", "FAC") for e in s.ents)
            flags.append((len(s), trig, said, place))
        for i, (n, trig, said, place) in enumerate(flags):
            near = said or any(flags[j][2] for j in (i - 1, i + 1) if 0 <= j < len(flags))
            rows.append((n, trig, said, place, near))
    total_s, total_t = len(rows), sum(r[0] for r in rows)
    out = {}
    for k, name in enumerate(("trigger", "+ claim", "+ place", "+ neighbour"), start=1):
        chosen = [r for r in rows if r[k]]
        out[name] = {"sentences": round(len(chosen) / total_s, 3),
                     "tokens": round(sum(r[0] for r in chosen) / total_t, 3)}
    return out


def boundaries_and_alone(nlp: Any, texts: list[str]) -> dict[str, float]:
    """Sentence starts of the senter and a rule sentencizer against the parser's, and the
    share of tokens whose parse changes when each sentence is parsed alone."""
    senter, parser, rule = nlp.get_pipe("senter"), nlp.get_pipe("parser"), Sentencizer()
    starts = same_senter = same_rule = tokens = alone_sliced = alone_fresh = 0
    for doc in nlp.pipe(texts):
        gold = {s.start for s in doc.sents}
        cheap = nlp.make_doc(doc.text)
        for name, proc in nlp.pipeline:
            if name in ("tok2vec", "tagger", "wirewatch_paragraphs"):
                cheap = proc(cheap)
        by_senter = {s.start for s in senter(cheap).sents}
        by_rule = {s.start for s in rule(nlp.make_doc(doc.text)).sents}
        starts += len(gold | by_senter)
        same_senter += len(gold & by_senter)
        same_rule += len(gold & by_rule)
        for s in doc.sents:
            sub = Doc(nlp.vocab, words=[t.text for t in s],
                      spaces=[bool(t.whitespace_) for t in s])
            sub.tensor = doc.tensor[s.start:s.end].copy()
            sub = parser(sub)
            fresh = nlp(s.text)
            for a, b, c in zip(s, sub, fresh, strict=False):
                tokens += 1
                want = (a.head.i - s.start, a.dep_)
                alone_sliced += want != (b.head.i, b.dep_)
                alone_fresh += want != (c.head.i, c.dep_) or a.tag_ != c.tag_
    return {"senter_same_starts": round(same_senter / max(starts, 1), 3),
            "rule_same_starts": round(same_rule / max(starts, 1), 3),
            "alone_changed_tokens_sliced_tensor": round(alone_sliced / max(tokens, 1), 4),
            "alone_changed_tokens_fresh_doc": round(alone_fresh / max(tokens, 1), 4)}


def gold_report(paths: list[str]) -> int:
    """The shares, boundaries and sentence-alone changes of evaluation files' texts."""
    nlp = Resources.load().nlp_for("en")
    book = nlp.get_pipe("wirewatch_events").codebook
    bare = get_nlp()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            texts = [d["text"] for d in yaml.safe_load(f)]
        docs = [Document(id=f"gold-{i:04d}", text=t) for i, t in enumerate(texts)]
        parsed = list(nlp.pipe(_spacy_docs(nlp, docs)))
        report = {"file": path, "texts": len(texts),
                  "sentences": sum(1 for d in parsed for _ in d.sents),
                  "selection_shares": selection_shares(parsed, book),
                  **boundaries_and_alone(bare, texts)}
        print(json.dumps(report))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--distinct", action="store_true")
    ap.add_argument("--gold", action="append", default=[],
                    help="Report shares, boundaries and sentence-alone parses of these texts.")
    a = ap.parse_args()
    if a.gold:
        return gold_report(a.gold)
    texts = corpus(a.docs, distinct=a.distinct)
    docs = [Document(id=f"bench-{i:04d}", text=t) for i, t in enumerate(texts)]
    bare = get_nlp()
    pipeline = Resources.load().nlp_for("en")
    senter = bare.get_pipe("senter")
    run_components(bare, [bare.make_doc(t) for t in texts[:4]], a.batch_size)  # warm up
    run_components(pipeline, list(_spacy_docs(pipeline, docs[:4])), a.batch_size)
    runs: dict[str, dict[str, list[float]]] = {"bare": {}, "pipeline": {}}
    parsed: list[Any] = []
    for _ in range(a.repeat):
        t = time.process_time()
        made = [bare.make_doc(x) for x in texts]
        runs["bare"].setdefault("tokenizer", []).append(time.process_time() - t)
        times, _docs = run_components(bare, made, a.batch_size)
        for k, v in times.items():
            runs["bare"].setdefault(k, []).append(v)
        t = time.process_time()
        list(senter.pipe([bare.make_doc(x) for x in texts], batch_size=a.batch_size))
        runs["bare"].setdefault("senter (disabled; alone)", []).append(
            time.process_time() - t - runs["bare"]["tokenizer"][-1])
        with fewer_collections():  # as ``extract`` runs the pipeline (decision 150)
            t = time.process_time()
            made = list(_spacy_docs(pipeline, docs))
            runs["pipeline"].setdefault("tokenizer", []).append(time.process_time() - t)
            times, parsed = run_components(pipeline, made, a.batch_size)
        for k, v in times.items():
            runs["pipeline"].setdefault(k, []).append(v)
    med = {side: {k: statistics.median(v) for k, v in r.items()} for side, r in runs.items()}
    totals = {side: sum(v for k, v in m.items() if not k.startswith("senter"))
              for side, m in med.items()}
    shares = selection_shares(parsed, pipeline.get_pipe("wirewatch_events").codebook)
    parser_s = med["pipeline"]["parser"]
    bound = {k: round(parser_s * (1 - v["tokens"]), 3) for k, v in shares.items()}
    result = {"docs": len(texts), "repeat": a.repeat,
              "median_cpu_s": {s: {k: round(v, 3) for k, v in m.items()} for s, m in med.items()},
              "total_cpu_s": {s: round(v, 3) for s, v in totals.items()},
              "bare_over_pipeline": round(totals["bare"] / totals["pipeline"], 3),
              "selection_shares": shares, "parser_s_saved_at_most": bound}
    print(json.dumps(result, indent=1))
    names = list(dict.fromkeys([*med["bare"], *med["pipeline"]]))
    print("\n| component | bare spaCy CPU s | pipeline CPU s |\n|---|---|---|")
    for n in names:
        cells = [f"{med[s][n]:.3f}" if n in med[s] else "" for s in ("bare", "pipeline")]
        print(f"| {n} | {cells[0]} | {cells[1]} |")
    print(f"| **total** | {totals['bare']:.3f} | {totals['pipeline']:.3f} |")
    print(f"| **bare / pipeline** | | **{result['bare_over_pipeline']:.3f}** |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
