"""Score rewrite families and conflict detection on the project's set (eval/families.yaml).

Usage: python eval/score_fusion.py [--gold eval/families.yaml] [--errors] [--pairs]

The articles go through the whole pipeline (spaCy, places, events) into a temporary
SQLite store, in batches of 5 so that fusion runs incrementally across batches.

* Families: pairwise precision and recall over article pairs (a pair is predicted when
  both articles end in one rewrite family), beside a MinHash-only baseline (pairs whose
  estimated Jaccard of word 3-shingles is >= 0.5, closed transitively).
* Conflicts: a predicted conflict is right when a gold conflict has the same kind, event
  type and GeoNames id and the two sides share an article with the gold sides (either
  way round); for name flags, the same article and one of the two names.

Prints a Markdown summary.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from wirewatch.document import Document
from wirewatch.fuse.families import compare
from wirewatch.fuse.text import jaccard, minhash
from wirewatch.store import Store, ingest
from wirewatch.store.ingest import spacy_extractor

HERE = Path(__file__).parent


def load(path: Path) -> dict[str, Any]:
    """Return the gold set: articles and conflicts."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    if "families" in data:
        # the cross-language sets list families as [original, rewrite, ...]; an article
        # listed in none is a family of its own
        family = {a: f"F{n}" for n, fam in enumerate(data["families"]) for a in fam}
        for art in data["articles"]:
            art.setdefault("family", family.get(art["id"], art["id"]))
    data.setdefault("conflicts", [])
    return data


def _pairs(groups: dict[str, str]) -> set[frozenset[str]]:
    return {frozenset((a, b)) for a, b in itertools.combinations(sorted(groups), 2)
            if groups[a] == groups[b]}


def _closure(ids: list[str], links: set[frozenset[str]]) -> dict[str, str]:
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for pair in links:
        a, b = sorted(pair)
        parent[find(b)] = find(a)
    return {i: find(i) for i in ids}


def _pr(pred: set[Any], gold: set[Any]) -> tuple[float, float, float]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _matches(c: dict[str, Any], g: dict[str, Any], doc_of: dict[int, str]) -> bool:
    if c["kind"] != g["kind"]:
        return False
    if g["kind"] == "name":
        return c["doc"] == g["doc"] and bool({c["a"]["value"], c["b"]["value"]}
                                             & set(g["names"]))
    if c["type"] != g["type"] or c["geonameid"] != g["place"]:
        return False
    a = {m["doc"] for m in c["a"]["mentions"]}
    b = {m["doc"] for m in c["b"]["mentions"]}
    ga, gb = set(g["a"]), set(g["b"])
    return bool((a & ga and b & gb) or (a & gb and b & ga))


def _print_errors(pred_pairs: set[frozenset[str]], gold_pairs: set[frozenset[str]],
                  flat: list[dict[str, Any]], hit_pred: list[dict[str, Any]],
                  gold_c: list[dict[str, Any]], hit_gold: list[dict[str, Any]],
                  reachable: Callable[[dict[str, Any]], bool]) -> None:
    """List wrong and missed family pairs and conflicts (``--errors``)."""
    print("\n### Family errors\n")
    for pair in sorted(pred_pairs - gold_pairs, key=sorted):
        print("- wrong pair:", " + ".join(sorted(pair)))
    for pair in sorted(gold_pairs - pred_pairs, key=sorted):
        print("- missed pair:", " + ".join(sorted(pair)))
    print("\n### Conflict errors\n")
    for c in flat:
        if c not in hit_pred:
            sides = [sorted({m["doc"] for m in c[s]["mentions"]}) if "mentions" in c[s]
                     else c[s]["value"] for s in ("a", "b")]
            print(f"- wrong: {c['kind']} {c.get('type', '')} {c.get('place', '')} "
                  f"{c['a']['value']} vs {c['b']['value']} {sides}")
    for g in gold_c:
        if g not in hit_gold:
            why = "" if reachable(g) else " (extraction gave no mention of this type "\
                "and place on one side)"
            print(f"- missed: {g}{why}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=HERE / "families.yaml")
    ap.add_argument("--errors", action="store_true", help="List wrong and missed pairs.")
    ap.add_argument("--pairs", action="store_true",
                    help="Print the paraphrase score of every candidate pair (for tuning).")
    args = ap.parse_args(argv)
    data = load(args.gold)
    arts = data["articles"]
    docs = [Document(id=a["id"], text=a["text"], outlet=a.get("outlet"),
                     published=date.fromisoformat(str(a["published"])), lang=a.get("lang"))
            for a in arts]  # ``lang``: a set in several languages may give each article's
    gold_fam = {a["id"]: a["family"] for a in arts}
    gold_pairs = _pairs(gold_fam)
    ids = [a["id"] for a in arts]

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "eval.db")
        ingest([], store)  # migrations only
        extractor = spacy_extractor()
        extracted = extractor(docs)
        from wirewatch.store import Extracted

        for i in range(0, len(extracted), 5):
            store.write_batch([Extracted(x.doc, x.places, x.events)
                               for x in extracted[i:i + 5]])
        fams = {a["doc"]: a["family"] for a in store.articles()}
        conflicts = store.conflicts()
        events = store.events()
        if args.pairs:
            from wirewatch.fuse.families import article_features

            feats = {x.doc.id: article_features(n, x.doc.text, x.doc.published,
                                                x.doc.outlet, x.events)
                     for n, x in enumerate(extracted)}
            for a, b in itertools.combinations(ids, 2):
                fa, fb = feats[a], feats[b]
                if fa.event_keys & fb.event_keys or jaccard(fa.signature, fb.signature) > 0.2:
                    res = compare(fa, fb)
                    mark = "GOLD" if frozenset((a, b)) in gold_pairs else "    "
                    print(mark, a, b, res[0] if res else "-", res[1] if res else "",
                          sorted(fa.event_keys & fb.event_keys), file=sys.stderr)
        store.close()

    pred_pairs = _pairs({i: str(fams.get(i) or f"single-{i}") for i in ids})
    sigs = {a["id"]: minhash(a["text"]) for a in arts}
    mh_links = {frozenset((a, b)) for a, b in itertools.combinations(ids, 2)
                if jaccard(sigs[a], sigs[b]) >= 0.5}
    mh_pairs = _pairs(_closure(ids, mh_links))

    by_id = {e["id"]: e for e in events}
    flat = []
    for c in conflicts:
        if c["kind"] != "name":
            ev = by_id[c["canonical_event"]]
            c = {**c, "geonameid": (ev.get("place") or {}).get("geonameid")}
        flat.append(c)
    gold_c = data.get("conflicts", [])
    hit_pred = [c for c in flat if any(_matches(c, g, {}) for g in gold_c)]
    hit_gold = [g for g in gold_c if any(_matches(c, g, {}) for c in flat)]
    # which gold conflicts the extraction made reachable: a mention of the gold type
    # and place on each side (else fusion cannot see the disagreement)
    seen: dict[str, set[tuple[str, Any]]] = {}
    for x in extracted:
        seen[x.doc.id] = {(e["type"], (e.get("place") or {}).get("geonameid"))
                          for e in x.events}
    def reachable(g: dict[str, Any]) -> bool:
        if g["kind"] == "name":
            return True
        key = (g["type"], g["place"])
        return (any(key in seen[d] for d in g["a"]) and any(key in seen[d] for d in g["b"]))
    reach = [g for g in gold_c if reachable(g)]

    print(f"## Rewrite families ({len(arts)} articles, {len(gold_pairs)} gold pairs in "
          f"{len({f for f in gold_fam.values() if list(gold_fam.values()).count(f) > 1})} "
          f"families)\n")
    print("| method | pairs predicted | precision | recall | F1 |")
    print("|---|---|---|---|---|")
    for name, pred in (("MinHash LSH only (Jaccard >= 0.5)", mh_pairs),
                       ("wirewatch (MinHash + paraphrase signals)", pred_pairs)):
        p, r, f = _pr(pred, gold_pairs)
        print(f"| {name} | {len(pred)} | {p:.2f} | {r:.2f} | {f:.2f} |")
    print(f"\n## Conflicts ({len(gold_c)} gold)\n")
    p = len(hit_pred) / len(flat) if flat else 1.0
    r = len(hit_gold) / len(gold_c) if gold_c else 1.0
    print("| predicted | right | precision | gold found | recall |")
    print("|---|---|---|---|---|")
    print(f"| {len(flat)} | {len(hit_pred)} | {p:.2f} | {len(hit_gold)}/{len(gold_c)} "
          f"| {r:.2f} |")
    kinds = sorted({g["kind"] for g in gold_c})
    print("\n| kind | gold | reachable after extraction | found |")
    print("|---|---|---|---|")
    for k in kinds:
        gk = [g for g in gold_c if g["kind"] == k]
        print(f"| {k} | {len(gk)} | {sum(g in reach for g in gk)} | "
              f"{sum(g in hit_gold for g in gk)} |")
    rr = sum(g in hit_gold for g in reach)
    print(f"\nRecall where the extractor produced both sides' mentions (the fusion stage "
          f"alone): {rr}/{len(reach)}" + (f" = {rr / len(reach):.2f}" if reach else ""))
    if args.errors:
        _print_errors(pred_pairs, gold_pairs, flat, hit_pred, gold_c, hit_gold, reachable)
    return 0


if __name__ == "__main__":
    sys.exit(main())
