"""Benchmark place extraction: gazetteer build/load and documents per second, one process.

Usage: python benchmarks/bench_places.py [--docs 200] [--repeat 5] [--build]

Documents of about 600 words are made by joining the bundled sample articles and
the evaluation texts. spaCy parses them once, outside the timed part: the
figure is place recognition + resolution alone (the issue's target excludes
spaCy's own model time); spaCy's ``nlp.pipe`` time over the same texts is
printed beside it, measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

from wirewatch.document import Document, ReadError
from wirewatch.ingest.readers import read_paths
from wirewatch.nlp import get_nlp
from wirewatch.places.build import build_index
from wirewatch.places.gazetteer import Gazetteer, ensure_index
from wirewatch.places.pipeline import places_in_text
from wirewatch.sample import sample_files

ROOT = Path(__file__).resolve().parents[1]


def corpus(n_docs: int, words: int = 600) -> list[str]:
    """Return ``n_docs`` texts of about ``words`` words built from the project's own texts."""
    texts = [d.text for d in read_paths(sample_files()) if not isinstance(d, ReadError)
             and isinstance(d, Document)]
    gold = ROOT / "eval" / "places.yaml"
    if gold.exists():
        texts += [d["text"] for d in yaml.safe_load(gold.read_text(encoding="utf-8"))]
    paragraphs = [p for t in texts for p in t.split("\n") if p.strip()]
    out, cur, i = [], [], 0
    while len(out) < n_docs:
        cur.append(paragraphs[i % len(paragraphs)])
        i += 1
        if sum(len(p.split()) for p in cur) >= words:
            out.append("\n".join(cur))
            cur = []
    return out


def rss_mb() -> float:
    """Return the peak resident memory of this process in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--build", action="store_true", help="Also time a full index build.")
    a = ap.parse_args()
    result: dict[str, object] = {}
    if a.build:
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            counts = build_index(Path(tmp) / "g.sqlite")
            result["index_build_s"] = round(time.perf_counter() - t, 1)
            result["index_bytes"] = (Path(tmp) / "g.sqlite").stat().st_size
            result["index_counts"] = counts
    path = ensure_index()
    before = rss_mb()
    t = time.perf_counter()
    gaz = Gazetteer(path)
    gaz.exact("Pokrovsk")
    result["index_load_ms"] = round((time.perf_counter() - t) * 1000, 1)
    texts = corpus(a.docs)
    result["docs"] = len(texts)
    result["mean_words"] = round(statistics.mean(len(t.split()) for t in texts))
    nlp = get_nlp()
    t, c = time.perf_counter(), time.process_time()
    parsed = list(nlp.pipe(texts, batch_size=16))
    spacy_s, spacy_cpu = time.perf_counter() - t, time.process_time() - c
    result["spacy_docs_per_s"] = round(len(texts) / spacy_s, 1)
    result["spacy_docs_per_cpu_s"] = round(len(texts) / spacy_cpu, 1)
    runs, cpu_runs = [], []
    for _ in range(a.repeat):
        t, c = time.perf_counter(), time.process_time()
        n = sum(len(places_in_text(str(i), tx, p, gaz))
                for i, (tx, p) in enumerate(zip(texts, parsed, strict=True)))
        runs.append(time.perf_counter() - t)
        cpu_runs.append(time.process_time() - c)
    med = statistics.median(runs)
    # CPU seconds of this process: what "per core" means, and less moved than wall time
    # by other work on a shared machine.
    result["places_docs_per_cpu_s_median"] = round(len(texts) / statistics.median(cpu_runs), 1)
    result["place_mentions"] = n
    result["places_docs_per_s_median"] = round(len(texts) / med, 1)
    result["places_ms_per_doc_median"] = round(med / len(texts) * 1000, 2)
    result["first_run_docs_per_s"] = round(len(texts) / runs[0], 1)
    result["ratio_places_to_spacy_speed"] = round(spacy_s / med, 2)
    result["rss_mb_after_gazetteer_and_model"] = round(rss_mb(), 1)
    result["rss_mb_before_gazetteer"] = round(before, 1)
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
