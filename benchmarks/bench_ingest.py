"""Ingest throughput and the cost of fusion as the store grows (SQLite and PostgreSQL).

Usage: python benchmarks/bench_ingest.py [--articles 10000] [--batch 1000]
                                          [--spacy 200] [--backends sqlite,postgresql]
       python benchmarks/bench_ingest.py --end-to-end 100000 [--batch 100] [--workers 1]
                                          [--checkpoints 10000,25000,50000] [--pg URL]

1. Store + fusion: ``--articles`` synthetic articles (benchmarks/synthetic.py: stories told
   by originals, paraphrases, republications and denials, over a year) are written to a
   JSON Lines file and ingested with ``wirewatch.store.ingest`` in batches of
   ``--batch``, with the extraction precomputed (the generator knows the events it
   wrote), so the figures are those of reading, hashing, storing and fusing. The time
   of each batch is reported against the size of the store before it: if fusion were
   quadratic, the last batch would cost ~10x the first.
2. Full pipeline: the first ``--spacy`` of the same articles ingested with the real
   extractor (spaCy + places + events) into SQLite, to show what dominates.

3. ``--end-to-end N``: N articles streamed (generated one by one and written to a JSON
   Lines file, never held in memory) through ``wirewatch.store.ingest`` with the real
   extractor (not precomputed) into PostgreSQL, in one process (``--workers``: extraction
   processes, as ``wirewatch ingest --workers``). At each checkpoint (``--checkpoints
   10000,25000,50000,100000``; default: every tenth of N) it prints a line to standard
   error at once (so a long run's log shows its progress, and a run cut short keeps its
   figures) with articles/s so far and since the last checkpoint, the resident memory of
   the writing process and of the worker processes now, and their peaks so far (VmHWM);
   memory must stay flat as the input grows; with one process also the size of spaCy's
   vocabulary (strings and lexemes), which grows with every new word read. At the end: the
   rows of each table, and the peak memory's growth per 10,000 articles over the second
   half of the run (``peak_mb_per_10k_articles_second_half``: the creep).

PostgreSQL: a fresh schema of ``--pg`` (default 127.0.0.1:5432/test), dropped afterwards.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from synthetic import as_record, corpus

from wirewatch.document import Document
from wirewatch.resources import Resources
from wirewatch.store import Extracted, IngestSummary, Store, ingest
from wirewatch.store.ingest import spacy_extractor

PG = "postgresql://postgres@127.0.0.1:5432/test"


def _precomputed(extracted: dict[str, Extracted]) -> Any:
    def run(docs: Sequence[Document]) -> list[Extracted]:
        return [Extracted(d, extracted[d.id].places, extracted[d.id].events) for d in docs]

    return run


def _run(url: str, source: Path, batch: int, extractor: Any) -> dict[str, Any]:
    times: list[tuple[int, float]] = []
    with Store(url) as store:
        last = [time.perf_counter()]
        before = [0]

        def tick(s: IngestSummary, _doc: Document | None) -> None:
            now = time.perf_counter()
            times.append((before[0], now - last[0]))
            before[0] = s.stored + s.skipped
            last[0] = now

        t0 = time.perf_counter()
        summary = ingest([source], store, batch_size=batch, extractor=extractor,
                         on_batch=tick)
        total = time.perf_counter() - t0
        counts = store.counts()
        arts = store.articles()
    return {"summary": summary.to_dict(), "seconds": total, "batches": times,
            "rate": summary.stored / total if total else 0.0, "counts": counts,
            "families_pr": _family_pr(arts)}


def _status_mb(pid: int | str) -> tuple[float, float]:
    """Resident memory of process ``pid`` now and its peak so far (VmRSS, VmHWM), in MB
    (Linux); zeros for a process that has gone."""
    now = peak = 0.0
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    kb = int(line.split()[1]) * 1024 / 1e6
                    if line.startswith("VmRSS:"):
                        now = kb
                    else:
                        peak = kb
    except OSError:
        pass
    return now, peak


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (the extraction workers), from /proc."""
    import os

    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    stat = f.read()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:  # field 4, after "(comm)"
                out.append(int(entry))
    return out


def _memory() -> dict[str, float]:
    """Resident memory (MB) now and peak so far of this process (the reader and writer)
    and, summed, of its children (the extraction workers; pages they share with this
    process by fork are counted in both)."""
    import os

    main, main_peak = _status_mb("self")
    kids = [_status_mb(c) for c in _children(os.getpid())]
    return {"main_mb": main, "main_peak_mb": main_peak,
            "workers_mb": sum(k[0] for k in kids), "workers_peak_mb": sum(k[1] for k in kids)}


def checkpoints(spec: str | None, n: int, batch: int) -> list[int]:
    """The article counts to report at: ``spec`` (comma-separated, ``_`` allowed: "10_000,
    25000"), those above ``n`` dropped and ``n`` added; without it every tenth of ``n``
    (at least one batch apart)."""
    if spec:
        marks = {int(x.replace("_", "")) for x in spec.split(",") if x.strip()}
    else:
        step = max(batch, n // 10)
        marks = set(range(step, n, step))
    return sorted({m for m in marks if 0 < m < n} | {n})


def crossed(marks: Sequence[int], before: int, done: int) -> list[int]:
    """The checkpoints passed when the count of articles went from ``before`` to ``done``
    (one batch may pass several)."""
    return [m for m in marks if before < m <= done]


def _end_to_end(n: int, batch: int, seed: int, tmp: Path, *, pg: str = PG,
                marks: Sequence[int] = (), workers: int = 1) -> dict[str, Any] | None:
    """Ingest ``n`` generated articles with the real extractor into PostgreSQL."""
    import resource

    src = tmp / "e2e.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for x in corpus(n, seed=seed):
            f.write(json.dumps(as_record(x)) + "\n")
    made = _pg_schema(pg)
    if made is None:
        return None
    resources = Resources.load()
    inner = spacy_extractor(resources)
    inner([Document("warm", "Warm-up text about Kharkiv.")])  # load the models
    vocab = resources.nlp.vocab  # of this process; workers have their own
    marks = list(marks) or checkpoints(None, n, batch)
    rows: list[dict[str, float]] = [{"articles": 0, "seconds": 0.0, **_memory(),
                                     **_vocab(vocab)}]
    print(f"models loaded: {rows[0]['main_mb']:.0f} MB resident", file=sys.stderr, flush=True)
    t0 = time.perf_counter()

    def tick(s: IngestSummary, _doc: Document | None) -> None:
        done = s.stored + s.skipped
        if not crossed(marks, int(rows[-1]["articles"]), done):
            return
        now = time.perf_counter() - t0
        last = rows[-1]
        row = {"articles": done, "seconds": now, "rate": done / now,
               "rate_since_last": (done - last["articles"]) / (now - last["seconds"]),
               **_memory(), **_vocab(vocab)}
        rows.append(row)
        print(f"{done} articles, {now:.0f} s: {row['rate']:.1f} articles/s "
              f"({row['rate_since_last']:.1f} since {int(last['articles'])}); RSS "
              f"{row['main_mb']:.0f} MB (peak {row['main_peak_mb']:.0f})"
              + (f", workers {row['workers_mb']:.0f} MB (peak {row['workers_peak_mb']:.0f})"
                 if workers > 1 else "")
              + (f"; spaCy strings {row['strings']:.0f}, lexemes {row['lexemes']:.0f}"
                 if workers == 1 else "")
              + f"; {time.strftime('%H:%M:%S')}, load average "
              + " ".join(f"{x:.2f}" for x in _loadavg()), file=sys.stderr, flush=True)

    try:
        with Store(made[1]) as store:
            summary = ingest([src], store, batch_size=batch, extractor=inner, on_batch=tick,
                             workers=workers)
            seconds = time.perf_counter() - t0
            counts = store.counts()
    finally:
        _drop(made[0], pg)
    return {"articles": summary.stored, "summary": summary.to_dict(), "seconds": seconds,
            "rate": summary.stored / seconds if seconds else 0.0, "counts": counts,
            "workers": workers,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6,
            "peak_mb_per_10k_articles_second_half": memory_slope(rows),
            "checkpoints": rows}


def _vocab(vocab: Any) -> dict[str, float]:
    """The size of the extraction pipeline's vocabulary: spaCy adds every new word's string
    and lexeme and never drops them, so a long run's memory grows with the distinct words
    it has read."""
    return {"strings": len(vocab.strings), "lexemes": len(vocab)}


def memory_slope(rows: Sequence[dict[str, float]]) -> float | None:
    """Growth of the peak resident memory in MB per 10,000 articles over the second half of
    the run (the first thousands fill the parser's working memory; what grows after that is
    the creep), or None with fewer than two checkpoints in it."""
    half = rows[-1]["articles"] / 2
    late = [r for r in rows if r["articles"] >= half]
    if len(late) < 2 or late[-1]["articles"] == late[0]["articles"]:
        return None
    grown = late[-1]["main_peak_mb"] - late[0]["main_peak_mb"]
    return grown / (late[-1]["articles"] - late[0]["articles"]) * 10_000


def _loadavg() -> tuple[float, float, float]:
    import os

    return os.getloadavg()


def _family_pr(arts: list[dict[str, Any]]) -> tuple[float, float]:
    """Pairwise precision and recall of the families against the generator's stories
    (article ids are s<story>-<n>)."""
    import itertools
    from collections import defaultdict

    fams: dict[int, list[str]] = defaultdict(list)
    stories: dict[str, list[str]] = defaultdict(list)
    for a in arts:
        if a["family"]:
            fams[a["family"]].append(a["doc"])
        stories[a["doc"].split("-")[0]].append(a["doc"])
    pred = {frozenset(p) for d in fams.values() for p in itertools.combinations(d, 2)}
    gold = {frozenset(p) for d in stories.values() for p in itertools.combinations(d, 2)}
    tp = len(pred & gold)
    return (tp / len(pred) if pred else 1.0, tp / len(gold) if gold else 1.0)


def _pg_schema(pg: str = PG) -> tuple[str, str] | None:
    try:
        import psycopg

        schema = f"ww_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(pg, autocommit=True, connect_timeout=3) as con:
            con.execute(f'CREATE SCHEMA "{schema}"')
        return schema, f"{pg}?options=-csearch_path%3D{schema}"
    except Exception as e:  # the benchmark still runs SQLite
        print(f"PostgreSQL unavailable: {e}", file=sys.stderr)
        return None


def _drop(schema: str, pg: str = PG) -> None:
    import psycopg

    with psycopg.connect(pg, autocommit=True) as con:
        con.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--spacy", type=int, default=200,
                    help="Articles for the full-pipeline run (0: skip).")
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--end-to-end", type=int, default=0, metavar="N",
                    help="Only this: N articles extracted for real into PostgreSQL, "
                         "with articles/s and memory.")
    ap.add_argument("--checkpoints", metavar="N,N,...",
                    help="With --end-to-end: article counts to report at (default: "
                         "every tenth).")
    ap.add_argument("--workers", type=int, default=1,
                    help="With --end-to-end: extraction processes (default 1).")
    ap.add_argument("--pg", default=PG,
                    help=f"PostgreSQL database to make a scratch schema in (default {PG}).")
    args = ap.parse_args(argv)
    if args.end_to_end:
        marks = checkpoints(args.checkpoints, args.end_to_end, args.batch)
        with tempfile.TemporaryDirectory() as tmp:
            r = _end_to_end(args.end_to_end, args.batch, args.seed, Path(tmp), pg=args.pg,
                            marks=marks, workers=args.workers)
        if r is None:
            return 1
        print(json.dumps(r, indent=1))
        print(f"\n{r['articles']} articles extracted and stored in PostgreSQL in "
              f"{r['seconds']:.0f} s ({args.workers} extraction process(es)): "
              f"{r['rate']:.1f} articles/s; peak RSS {r['peak_rss_mb']:.0f} MB")
        print("\n| articles | seconds | articles/s so far | since last | RSS MB | peak MB "
              "| workers' RSS MB | workers' peak MB |\n|---|---|---|---|---|---|---|---|")
        for c in r["checkpoints"]:
            print(f"| {int(c['articles'])} | {c['seconds']:.0f} | {c.get('rate', 0):.1f} "
                  f"| {c.get('rate_since_last', 0):.1f} | {c['main_mb']:.0f} "
                  f"| {c['main_peak_mb']:.0f} | {c['workers_mb']:.0f} "
                  f"| {c['workers_peak_mb']:.0f} |")
        print("\nrows: " + ", ".join(f"{k} {v}" for k, v in r["counts"].items()))
        return 0

    xs = list(corpus(args.articles, seed=args.seed))
    by_id = {x.doc.id: x for x in xs}
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "synthetic.jsonl"
        src.write_text("".join(json.dumps(as_record(x)) + "\n" for x in xs), encoding="utf-8")
        for backend in args.backends.split(","):
            if backend == "sqlite":
                results["SQLite"] = _run(str(Path(tmp) / "bench.db"), src, args.batch,
                                         _precomputed(by_id))
            elif backend == "postgresql":
                made = _pg_schema()
                if made:
                    try:
                        results["PostgreSQL"] = _run(made[1], src, args.batch,
                                                     _precomputed(by_id))
                    finally:
                        _drop(made[0])
        if args.spacy:
            small = Path(tmp) / "small.jsonl"
            small.write_text("".join(json.dumps(as_record(x)) + "\n"
                                     for x in xs[:args.spacy]), encoding="utf-8")
            inner = spacy_extractor()
            inner([Document("warm", "Warm-up text about Kharkiv.")])  # load the models
            spent = [0.0]

            def extractor(docs: Sequence[Document]) -> list[Extracted]:
                t = time.perf_counter()
                out = inner(docs)
                spent[0] += time.perf_counter() - t
                return out

            full = _run(str(Path(tmp) / "spacy.db"), small, 50, extractor)
            full["extract_only"] = spent[0]
            results["SQLite, full pipeline (spaCy)"] = full

    print(f"## Ingest benchmark: {args.articles} synthetic articles, batches of {args.batch}\n")
    print("| run | articles stored | seconds | articles/s | canonical events | families "
          "| family pairs: precision / recall vs the generator's stories |")
    print("|---|---|---|---|---|---|---|")
    for name, r in results.items():
        c = r["counts"]
        pr = r.get("families_pr")
        prs = f"{pr[0]:.3f} / {pr[1]:.3f}" if pr else "—"
        print(f"| {name} | {r['summary']['stored']} | {r['seconds']:.1f} | {r['rate']:.0f} "
              f"| {c['canonical_events']} | {c['rewrite_families']} | {prs} |")
    if "SQLite, full pipeline (spaCy)" in results:
        r = results["SQLite, full pipeline (spaCy)"]
        n = r["summary"]["stored"]
        print(f"\nFull pipeline: extraction (spaCy, places, events) took "
              f"{r['extract_only']:.1f} s of "
              f"{r['seconds']:.1f} s for {n} articles "
              f"({100 * r['extract_only'] / r['seconds']:.0f}%).")
    print(f"\n## Seconds per batch of {args.batch} vs store size before the batch\n")
    names = [n for n in results if "spaCy" not in n]
    print("| store size | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    rows = max((len(results[n]["batches"]) for n in names), default=0)
    for i in range(rows):
        size = results[names[0]]["batches"][i][0]
        cells = [f"{results[n]['batches'][i][1]:.2f}" for n in names
                 if i < len(results[n]["batches"])]
        print(f"| {size} | " + " | ".join(cells) + " |")
    for n in names:
        b = [t for _, t in results[n]["batches"]]
        if len(b) >= 4:
            first, last = statistics.median(b[:3]), statistics.median(b[-3:])
            print(f"\n{n}: median of the last three batches / first three = "
                  f"{last / first:.2f} (quadratic growth would give ~{len(b) / 2:.0f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
