"""Dump what ``wirewatch.extract`` finds in every evaluation and benchmark text, as JSON.

Usage: python benchmarks/dump_extract.py OUT.jsonl [--skip NAME ...] [--only NAME ...]

A speed change must not change any output: run this before and after it (the same
command, ``PYTHONPATH`` pointing at each tree) and ``cmp`` the two files. One line per
document: its set, id, and the contract JSON (``to_dict``) of its place and event
mentions. The texts are those of every ``eval/events*.yaml`` and ``eval/places*.yaml``
(read with their ``published``, ``outlet`` and ``lang`` as the scorers read them), the
benchmark's usual and distinct texts (``bench_extract.corpus``), and 300 articles of the
ingest benchmark's generated corpus (``synthetic.py``). Sets named by ``--skip`` (blind
sets being written) are not opened.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from wirewatch import Document
from wirewatch.pipeline import extract
from wirewatch.resources import Resources

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_extract import corpus  # noqa: E402
from synthetic import corpus as synthetic_corpus  # noqa: E402


def _date(v: Any) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v))


def eval_documents(skip: set[str]) -> dict[str, list[Document]]:
    """Return the documents of each evaluation set not skipped, by file name."""
    sets: dict[str, list[Document]] = {}
    files = sorted(ROOT.glob("eval/events*.yaml")) + sorted(ROOT.glob("eval/places*.yaml"))
    for path in files:
        if path.name in skip:
            continue
        rows = yaml.safe_load(path.read_text(encoding="utf-8"))
        sets[path.name] = [Document(id=d["id"], text=d["text"], outlet=d.get("outlet"),
                                    published=_date(d.get("published")), lang=d.get("lang"))
                           for d in rows]
    return sets


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--skip", nargs="*", default=[])
    ap.add_argument("--only", nargs="*", default=None, help="Dump only these sets (quick checks).")
    a = ap.parse_args()
    sets = eval_documents(set(a.skip))
    sets["bench_usual"] = [Document(id=f"u{i:03d}", text=t) for i, t in enumerate(corpus(100))]
    sets["bench_distinct"] = [Document(id=f"d{i:03d}", text=t)
                              for i, t in enumerate(corpus(100, distinct=True))]
    sets["synthetic"] = [x.doc for x in synthetic_corpus(300)]
    if a.only is not None:
        sets = {k: v for k, v in sets.items() if k in a.only}
    resources = Resources.load()
    with a.out.open("w", encoding="utf-8") as out:
        for name, docs in sets.items():
            for res in extract(docs, resources):
                row = {"set": name, "id": res.doc.id, "unread": res.unread,
                       "places": [m.to_dict() for m in res.places],
                       "events": [e.to_dict() for e in res.events]}
                out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
            print(name, len(docs), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
