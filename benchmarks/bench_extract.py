"""Benchmark end-to-end `extract` (parse, places, events) against bare spaCy, side by side.

Usage: python benchmarks/bench_extract.py [--docs 100] [--repeat 3] [--processes 1 2]
                                          [--dask 2] [--profile] [--distinct]

Documents of about 600 words are built from the project's own texts (the
bundled sample corpus and the evaluation sets). In each repeat, for each
process count, the same texts go through

* bare spaCy: ``nlp.pipe(texts, batch_size=16, n_process=N)`` with the model
  wirewatch uses (``wirewatch.nlp.get_nlp()``, the same pipeline object), and
* the whole pipeline: ``wirewatch.extract`` (``nlp.pipe`` with the same batch
  size, place recognition and resolution, event extraction), in N worker
  processes (``wirewatch.pipeline.extract_parallel``),

one after the other, and the medians of the repeats are compared. Worker start
is inside the timed part on both sides. With one process, the CPU seconds of this process
(``time.process_time``) are compared too: on a shared machine they wander less than the
wall clock. ``--dask N`` adds the whole pipeline on a Dask
LocalCluster of N single-threaded worker processes (``wirewatch.workers.DaskWorkers``,
what ``wirewatch ingest --dask local:N`` uses); the cluster is started once, outside the
timing, and each worker loads the model on its first batch (inside the first repeat).
``--profile`` runs pyinstrument over one single-process pipeline pass and prints where
the time goes.

The texts repeat paragraphs: their sources hold 223 distinct paragraphs (about 10,400
words), so 40 documents of 600 words use each about 2.5 times and 100 about 6 times,
which flatters every cache keyed by what was seen before (the gazetteer's lookups,
``wirewatch_attributes``). ``--distinct`` builds the documents from distinct paragraphs
only, each used once (so at most about 17 documents): the fair figure for such caches.
Every run also times spaCy's tokenizer alone (``nlp.make_doc``) on the same texts: the
upper bound of any pipeline built on it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from wirewatch import Document
from wirewatch.document import ReadError
from wirewatch.ingest.readers import read_paths
from wirewatch.nlp import get_nlp
from wirewatch.pipeline import extract, extract_parallel
from wirewatch.resources import Resources
from wirewatch.sample import sample_files

ROOT = Path(__file__).resolve().parents[1]


def corpus(n_docs: int, words: int = 600, distinct: bool = False) -> list[str]:
    """Return ``n_docs`` texts of about ``words`` words built from the project's own texts
    (``distinct``: each distinct paragraph at most once, so perhaps fewer texts)."""
    texts = [d.text for d in read_paths(sample_files())
             if not isinstance(d, ReadError) and isinstance(d, Document)]
    for name in ("events.yaml", "places.yaml"):
        gold = ROOT / "eval" / name
        if gold.exists():
            texts += [d["text"] for d in yaml.safe_load(gold.read_text(encoding="utf-8"))]
    paragraphs = [p for t in texts for p in t.split("\n") if p.strip()]
    if distinct:
        paragraphs = list(dict.fromkeys(paragraphs))
    out: list[str] = []
    cur: list[str] = []
    i = 0
    while len(out) < n_docs:
        if distinct and i >= len(paragraphs):
            break
        cur.append(paragraphs[i % len(paragraphs)])
        i += 1
        if sum(len(p.split()) for p in cur) >= words:
            out.append("\n".join(cur))
            cur = []
    return out


# CPU seconds of this process per timed call, by the label of the call (one process only:
# other sessions' load on a shared machine counts less than in wall time)
CPU: dict[str, list[float]] = {}


def timed(fn: Callable[[], object], label: str = "") -> tuple[float, object]:
    """Return the seconds a call took and what it returned (its CPU seconds in this
    process are kept under ``label``, if given)."""
    t, c = time.perf_counter(), time.process_time()
    out = fn()
    if label:
        CPU.setdefault(label, []).append(time.process_time() - c)
    return time.perf_counter() - t, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--dask", type=int, default=0,
                    help="Also run the pipeline on a Dask LocalCluster of N workers.")
    ap.add_argument("--profile", action="store_true",
                    help="Profile one single-process pipeline pass with pyinstrument.")
    ap.add_argument("--distinct", action="store_true",
                    help="Build the texts from distinct paragraphs, each used once.")
    a = ap.parse_args()
    texts = corpus(a.docs, distinct=a.distinct)
    paragraphs = [p for t in texts for p in t.split("\n")]
    docs = [Document(id=f"bench-{i:04d}", text=t) for i, t in enumerate(texts)]
    resources = Resources.load()
    nlp = get_nlp()
    # load everything once (model, gazetteer caches, codebook) before timing anything
    extract(docs[:4], resources)
    list(nlp.pipe(texts[:4]))
    result: dict[str, object] = {
        "docs": len(texts), "mean_words": round(statistics.mean(len(t.split()) for t in texts)),
        "repeat": a.repeat, "batch_size": a.batch_size, "cpus": os.cpu_count(),
        "spacy_pipes": nlp.pipe_names,
        "paragraphs": len(paragraphs), "distinct_paragraphs": len(set(paragraphs)),
    }
    runs: dict[str, list[float]] = {}
    events = 0
    for _ in range(a.repeat):
        runs.setdefault("tokenizer", []).append(
            timed(lambda: [nlp.make_doc(t) for t in texts])[0])
        for n in a.processes:
            s, _parsed = timed(lambda n=n: sum(1 for _ in nlp.pipe(
                texts, batch_size=a.batch_size, n_process=n)), f"spacy_{n}" if n == 1 else "")
            runs.setdefault(f"spacy_{n}", []).append(s)
            if n == 1:
                p, res = timed(lambda: extract(docs, resources,
                                               batch_size=a.batch_size), "pipeline_1")
            else:
                p, res = timed(lambda n=n: extract_parallel(docs, processes=n, resources=resources,
                                                            batch_size=a.batch_size))
            runs.setdefault(f"pipeline_{n}", []).append(p)
            events = sum(len(r.events) for r in res)  # type: ignore[attr-defined]
    result["events_found"] = events
    if a.dask:
        runs["dask"] = _dask_runs(docs, resources, a)
        result["dask"] = {"workers": a.dask,
                          "docs_per_s": round(len(texts) / statistics.median(runs["dask"]), 2),
                          "runs_s": [round(x, 2) for x in runs["dask"]],
                          "vs_spacy_1": round(statistics.median(runs["spacy_1"])
                                              / statistics.median(runs["dask"]), 3)
                          if "spacy_1" in runs else None}
    table = []
    for n in a.processes:
        spacy_med = statistics.median(runs[f"spacy_{n}"])
        pipe_med = statistics.median(runs[f"pipeline_{n}"])
        row = {"processes": n,
               "spacy_docs_per_s": round(len(texts) / spacy_med, 2),
               "pipeline_docs_per_s": round(len(texts) / pipe_med, 2),
               "ratio_pipeline_to_spacy": round(spacy_med / pipe_med, 3),
               "spacy_runs_s": [round(x, 2) for x in runs[f"spacy_{n}"]],
               "pipeline_runs_s": [round(x, 2) for x in runs[f"pipeline_{n}"]]}
        table.append(row)
    result["results"] = table
    if CPU:
        cpu = {k: statistics.median(v) for k, v in CPU.items()}
        result["one_process_cpu_s"] = {"spacy": round(cpu["spacy_1"], 3),
                                       "pipeline": round(cpu["pipeline_1"], 3),
                                       "ratio_pipeline_to_spacy": round(
                                           cpu["spacy_1"] / cpu["pipeline_1"], 3)}
    tok_med = statistics.median(runs["tokenizer"])
    result["tokenizer_docs_per_s"] = round(len(texts) / tok_med, 1)
    if 1 in a.processes:
        result["pipeline_1_over_tokenizer"] = round(
            statistics.median(runs["pipeline_1"]) / tok_med, 1)
    print(json.dumps(result, indent=1))
    print()
    print(f"tokenizer alone: {result['tokenizer_docs_per_s']} docs/s")
    print("| processes | bare spaCy docs/s | whole pipeline docs/s | pipeline / spaCy |")
    print("|---|---|---|---|")
    for row in table:
        print(f"| {row['processes']} | {row['spacy_docs_per_s']} | "
              f"{row['pipeline_docs_per_s']} | {row['ratio_pipeline_to_spacy']:.0%} |")
    if CPU:
        c = result["one_process_cpu_s"]
        print(f"| 1, CPU seconds of this process | {c['spacy']} s | {c['pipeline']} s | "  # type: ignore[index]
              f"{c['ratio_pipeline_to_spacy']:.1%} |")  # type: ignore[index]
    if a.dask:
        d = result["dask"]
        print(f"| Dask LocalCluster, {a.dask} workers | | {d['docs_per_s']} | "  # type: ignore[index]
              f"{d['vs_spacy_1']:.0%} of 1-process spaCy |")  # type: ignore[index]
    if a.profile:
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
        extract(docs, resources, batch_size=a.batch_size)
        profiler.stop()
        print(profiler.output_text(unicode=False, color=False, show_all=False))
    return 0


def _dask_runs(docs: list[Any], resources: Any, a: argparse.Namespace) -> list[float]:
    """Seconds of each repeat of the pipeline on a Dask LocalCluster of ``a.dask`` workers."""
    from wirewatch.pipeline import extract as run
    from wirewatch.workers import DaskWorkers

    batches = [docs[i:i + a.batch_size] for i in range(0, len(docs), a.batch_size)]
    times = []
    with DaskWorkers[Any](lambda part: run(part, resources, batch_size=a.batch_size),
                          f"local:{a.dask}") as pool:
        for _ in range(a.repeat):
            t = time.perf_counter()
            n = sum(len(r) for r in pool.map(batches))
            times.append(time.perf_counter() - t)
            assert n == len(docs)
    return times


if __name__ == "__main__":
    sys.exit(main())

