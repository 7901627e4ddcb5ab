"""Kill -9 soak: writers killed at random moments lose and duplicate nothing.

Usage: python benchmarks/soak_kill.py [--kills 20] [--articles 240] [--seed 1]
                                       [--backends sqlite,postgresql]

For each backend, ``--kills`` runs are killed with SIGKILL at a random moment:

* a third of them while a *new* store is being created and migrated (a fresh store
  each time, opened by a process killed within its first second);
* the rest in the middle of an ingest into one store that grows from kill to kill
  (synthetic articles with their extraction precomputed, batches of 8, two writers at
  once every other run, so kills also land while another writer waits for the lock).

Then the inputs are ingested once more to completion, and the store is compared with
one built by a single clean run (:meth:`wirewatch.store.Store.snapshot`: articles,
families, links, canonical events, conflicts, name flags). Every store created under
a kill must still open. The figures go to docs/reliability.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from synthetic import as_record, corpus

HERE = Path(__file__).resolve().parent
PG = "postgresql://postgres@127.0.0.1:5432/test"

# The child process: ingest one JSON Lines file with the extraction of the synthetic
# corpus precomputed (the store's atomicity is what is under test, not spaCy).
CHILD = """
import json, sys
sys.path.insert(0, {here!r})
from synthetic import corpus
from wirewatch.store import Extracted, Store, ingest
known = {{x.doc.id: x for x in corpus({n}, seed={seed}, days=60)}}
def run(docs):
    return [Extracted(d, known[d.id].places, known[d.id].events) for d in docs]
with Store(sys.argv[1]) as store:
    if len(sys.argv) > 2:
        ingest([sys.argv[2]], store, batch_size=8, extractor=run)
"""


def _child(url: str, source: Path | None, n: int, seed: int) -> subprocess.Popen[bytes]:
    code = CHILD.format(here=str(HERE), n=n, seed=seed)
    args = [sys.executable, "-c", code, url] + ([str(source)] if source else [])
    return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _kill_after(proc: subprocess.Popen[bytes], seconds: float) -> bool:
    """Kill ``proc`` after ``seconds`` unless it ended; return True if it was killed."""
    try:
        proc.wait(seconds)
        return False
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        return True


def _snapshot(url: str) -> dict[str, Any]:
    from wirewatch.store import Store

    with Store(url) as store:
        return store.snapshot()


def _finish(url: str, files: list[Path], n: int, seed: int) -> None:
    for f in files:
        proc = _child(url, f, n, seed)
        _, err = proc.communicate()
        if proc.returncode:
            raise SystemExit(f"clean run failed: {err.decode()[-500:]}")


def soak(backend: str, new_url: Any, kills: int, n: int, seed: int, work: Path
         ) -> dict[str, Any]:
    """Run the soak on one backend; return its figures."""
    rng = random.Random(seed)
    records = [as_record(x) for x in corpus(n, seed=seed, days=60)]
    files = []
    for i in range(4):  # four inputs, so two writers can run at once
        f = work / f"{backend}-part{i}.jsonl"
        f.write_text("".join(json.dumps(r) + "\n" for r in records[i::4]), encoding="utf-8")
        files.append(f)
    reference = new_url()
    _finish(reference, files, n, seed)
    expected = _snapshot(reference)

    opened_after_kill, creation_kills, ingest_kills = 0, 0, 0
    store = new_url()
    for k in range(kills):
        if k % 3 == 0:  # kill while a new store is created and migrated
            fresh = new_url()
            creation_kills += _kill_after(_child(fresh, None, n, seed), rng.uniform(0.2, 1.2))
            _snapshot(fresh)  # must open (and finish its migration)
            opened_after_kill += 1
            continue
        procs = [_child(store, rng.choice(files), n, seed)
                 for _ in range(2 if k % 2 else 1)]
        moment = rng.uniform(0.5, 4.0)
        ingest_kills += sum(_kill_after(p, moment) for p in procs)
    _finish(store, files, n, seed)
    got = _snapshot(store)
    lost = len(set(expected["articles"]) - set(got["articles"]))
    extra = len(got["articles"]) - len(expected["articles"]) + lost
    same = {part: got[part] == expected[part] for part in expected}
    return {"backend": backend, "kills": creation_kills + ingest_kills,
            "kills_during_creation": creation_kills, "kills_during_ingest": ingest_kills,
            "articles": len(got["articles"]), "lost": lost, "duplicated": extra,
            "stores_opened_after_kill": opened_after_kill, "same_as_clean_run": same}


def _pg_urls(made: list[str]) -> Any:
    def new() -> str:
        import psycopg

        schema = f"ww_soak_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(PG, autocommit=True) as con:
            con.execute(f'CREATE SCHEMA "{schema}"')
        made.append(schema)
        return f"{PG}?options=-csearch_path%3D{schema}"

    return new


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--articles", type=int, default=240)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--backends", default="sqlite,postgresql")
    args = ap.parse_args(argv)
    results = []
    count = iter(range(1_000_000))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)

        def sqlite_url() -> str:
            return str(work / f"store{next(count)}.db")

        for backend in args.backends.split(","):
            made: list[str] = []
            new_url = _pg_urls(made) if backend == "postgresql" else sqlite_url
            t = time.perf_counter()
            try:
                r = soak(backend, new_url, args.kills, args.articles, args.seed, work)
            finally:
                if made:
                    import psycopg

                    with psycopg.connect(PG, autocommit=True) as con:
                        for schema in made:
                            con.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            r["seconds"] = round(time.perf_counter() - t, 1)
            results.append(r)
            print(json.dumps(r))
    ok = all(r["lost"] == 0 and r["duplicated"] == 0 and all(r["same_as_clean_run"].values())
             for r in results)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
