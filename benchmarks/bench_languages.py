"""Throughput of extraction per language: English beside Russian and Ukrainian.

Usage: python benchmarks/bench_languages.py [--repeat 3] [--min-docs 200]

Each language's texts are the project's own non-blind evaluation sets (English:
``eval/events.yaml`` and ``eval/places.yaml``; Russian: ``events_ru.yaml`` and
``places_ru.yaml``; Ukrainian: ``events_uk.yaml`` and ``places_uk.yaml``), repeated in
order until at least ``--min-docs`` documents, with the language given (no detection).
Each language's pipeline is built and warmed on a few documents first; then one process
runs ``wirewatch.extract`` over the documents ``--repeat`` times, and the best run is
reported as documents and thousands of characters per second. Run on one quiet machine
and compare the languages with each other, not with figures taken elsewhere.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import yaml

from wirewatch import Document
from wirewatch.pipeline import extract
from wirewatch.resources import Resources

ROOT = Path(__file__).resolve().parents[1]
SETS = {"en": ("events.yaml", "places.yaml"), "ru": ("events_ru.yaml", "places_ru.yaml"),
        "uk": ("events_uk.yaml", "places_uk.yaml")}


def texts_of(lang: str) -> list[str]:
    """The texts of a language's non-blind evaluation sets."""
    out: list[str] = []
    for name in SETS[lang]:
        data = yaml.safe_load((ROOT / "eval" / name).read_text(encoding="utf-8"))
        out += [d["text"] for d in data]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--min-docs", type=int, default=200)
    ap.add_argument("--batch-size", type=int, default=16)
    a = ap.parse_args()
    resources = Resources.load()
    rows = []
    for lang in SETS:
        base = texts_of(lang)
        texts = (base * (a.min_docs // len(base) + 1))[:max(a.min_docs, len(base))]
        docs = [Document(id=f"{lang}-{i:04d}", text=t, lang=lang) for i, t in enumerate(texts)]
        extract(docs[:8], resources)  # build the language's pipeline, warm the caches
        runs = []
        events = 0
        for _ in range(a.repeat):
            t = time.perf_counter()
            res = extract(docs, resources, batch_size=a.batch_size)
            runs.append(time.perf_counter() - t)
            events = sum(len(r.events) for r in res)
        best = min(runs)
        chars = sum(len(t) for t in texts)
        rows.append({"lang": lang, "docs": len(texts), "distinct_texts": len(base),
                     "chars_per_doc": round(chars / len(texts)),
                     "docs_per_s": round(len(texts) / best, 1),
                     "kchars_per_s": round(chars / best / 1000, 1),
                     "events": events, "runs_s": [round(x, 2) for x in runs],
                     "median_s": round(statistics.median(runs), 2)})
    print(json.dumps(rows, indent=1))
    print()
    print("| language | docs (distinct) | chars/doc | docs/s | kchars/s | runs (s) |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['lang']} | {r['docs']} ({r['distinct_texts']}) | {r['chars_per_doc']} | "
              f"{r['docs_per_s']} | {r['kchars_per_s']} | "
              f"{', '.join(str(x) for x in r['runs_s'])} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
