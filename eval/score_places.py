"""Score place recognition and resolution on the project's annotated set (eval/places.yaml).

Usage: python eval/score_places.py [--gold eval/places.yaml] [--errors]

A gold mention counts as correct when a predicted mention overlaps its span and
carries the same GeoNames id (``geonameid: null`` gold mentions are correct when
nothing overlapping is resolved). Predicted mentions that overlap no gold
mention are recognition false positives. Prints a Markdown summary.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from wirewatch.nlp import get_nlp, load_lemma_model
from wirewatch.places import PlaceMention, places_in_text

HERE = Path(__file__).parent
BINS = (("conf >= 0.9", 0.9), ("0.5 <= conf < 0.9", 0.5), ("conf < 0.5", 0.0))


@dataclass
class Gold:
    doc: str
    surface: str
    start: int
    end: int
    geonameid: int | None
    note: str


def load_gold(path: Path) -> tuple[list[dict[str, Any]], list[Gold]]:
    """Return the texts and gold mentions of an annotated YAML file."""
    docs = yaml.safe_load(path.read_text(encoding="utf-8"))
    gold: list[Gold] = []
    for d in docs:
        text = d["text"]
        for g in d.get("places") or []:
            nth = int(g.get("nth", 1))
            pos = -1
            for _ in range(nth):
                pos = text.find(g["surface"], pos + 1)
                if pos < 0:
                    raise ValueError(f"{d['id']}: '{g['surface']}' (#{nth}) not in text")
            gid = g.get("geonameid")
            gold.append(Gold(d["id"], g["surface"], pos, pos + len(g["surface"]),
                             int(gid) if gid is not None else None, g.get("note", "")))
    return docs, gold


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score(docs: list[dict[str, Any]], gold: list[Gold]) -> dict[str, Any]:
    """Return the scores of the current pipeline against the gold mentions."""
    nlp = get_nlp()
    other: dict[str, Any] = {}  # the tokenizers of the documents' other languages
    predicted: dict[str, list[PlaceMention]] = {}
    for d in docs:
        lang = d.get("lang") or "en"
        if lang != "en" and lang not in other:
            other[lang] = load_lemma_model(lang)  # a set with ``lang`` on its documents
        parse = other[lang] if lang != "en" else nlp
        predicted[d["id"]] = places_in_text(d["id"], d["text"], parse(d["text"]))
    correct = wrong = missed = 0
    unresolved_ok = unresolved_total = 0
    confident_wrong: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    confident = confident_right = 0  # calibration: gold mentions resolved at >= 0.9
    # reliability in every bin (issue 11: a confidence must not understate either):
    # gold mentions by the confidence of their first overlapping resolution, and how many
    # of them are right
    bins = {name: [0, 0] for name, _low in BINS}
    for g in gold:
        preds = [p for p in predicted[g.doc] if _overlaps(p.start, p.end, g.start, g.end)]
        resolved = [p for p in preds if p.place is not None]
        if resolved:
            first = resolved[0].place
            assert first is not None
            name = next(n for n, low in BINS if first.confidence >= low)
            bins[name][0] += 1
            bins[name][1] += first.geonameid == g.geonameid
        sure = [p for p in resolved if p.place is not None and p.place.confidence >= 0.9]
        if sure:
            confident += 1
            confident_right += any(p.place is not None and p.place.geonameid == g.geonameid
                                   for p in sure)
        if g.geonameid is None:
            unresolved_total += 1
            if not resolved:
                unresolved_ok += 1
            else:
                p = resolved[0]
                assert p.place is not None
                errors.append({"doc": g.doc, "surface": g.surface, "gold": None,
                               "got": p.place.geonameid, "name": p.place.name,
                               "confidence": p.place.confidence})
                if p.place.confidence > 0.9:
                    confident_wrong.append(errors[-1])
            continue
        if any(p.place is not None and p.place.geonameid == g.geonameid for p in preds):
            correct += 1
        elif resolved:
            wrong += 1
            p = resolved[0]
            assert p.place is not None
            errors.append({"doc": g.doc, "surface": g.surface, "gold": g.geonameid,
                           "got": p.place.geonameid, "name": p.place.name,
                           "confidence": p.place.confidence, "method": p.place.method,
                           "explanation": p.place.explanation})
            if p.place.confidence > 0.9:
                confident_wrong.append(errors[-1])
        else:
            missed += 1
            errors.append({"doc": g.doc, "surface": g.surface, "gold": g.geonameid,
                           "got": None, "found": bool(preds)})
    spurious = [
        {"doc": doc, "surface": p.surface, "name": p.place.name if p.place else None}
        for doc, preds in predicted.items() for p in preds
        if not any(g.doc == doc and _overlaps(p.start, p.end, g.start, g.end) for g in gold)
    ]
    n_resolvable = sum(1 for g in gold if g.geonameid is not None)
    n_pred = sum(len(v) for v in predicted.values())
    return {
        "texts": len(docs), "gold_mentions": len(gold), "resolvable": n_resolvable,
        "must_stay_unresolved": unresolved_total,
        "accuracy": round(correct / n_resolvable, 4) if n_resolvable else 0.0,
        "correct": correct, "wrong": wrong, "missed": missed,
        "unresolved_kept_unresolved": unresolved_ok,
        "predicted_mentions": n_pred, "spurious_mentions": len(spurious),
        "recognition_precision": round((n_pred - len(spurious)) / n_pred, 4) if n_pred else 0,
        "wrong_with_confidence_over_0.9": len(confident_wrong),
        "resolved_at_0.9": confident, "right_at_0.9": confident_right,
        "calibration_at_0.9": round(confident_right / confident, 4) if confident else 0.0,
        "reliability": {name: {"resolved": n, "right": r} for name, (n, r) in bins.items()},
        "errors": errors, "spurious": spurious,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", type=Path, default=HERE / "places.yaml")
    ap.add_argument("--errors", action="store_true", help="List every error.")
    ap.add_argument("--json", type=Path, help="Also write the full result here.")
    a = ap.parse_args()
    docs, gold = load_gold(a.gold)
    r = score(docs, gold)
    print("| texts | gold mentions | accuracy (right GeoNames id) | wrong | missed | "
          "unresolved kept unresolved | recognition precision | wrong with conf > 0.9 | "
          "right among conf >= 0.9 |")
    print("|---|---|---|---|---|---|---|---|---|")
    print(f"| {r['texts']} | {r['gold_mentions']} | {r['accuracy']:.1%} "
          f"({r['correct']}/{r['resolvable']}) | {r['wrong']} | {r['missed']} | "
          f"{r['unresolved_kept_unresolved']}/{r['must_stay_unresolved']} | "
          f"{r['recognition_precision']:.1%} | {r['wrong_with_confidence_over_0.9']} | "
          f"{r['calibration_at_0.9']:.1%} ({r['right_at_0.9']}/{r['resolved_at_0.9']}) |")
    print("\nreliability (gold mentions by the confidence of their resolution): " + "; ".join(
        f"{name}: {v['right']}/{v['resolved']}"
        + (f" = {v['right'] / v['resolved']:.3f}" if v["resolved"] else "")
        for name, v in r["reliability"].items()))
    if a.errors:
        for e in r["errors"]:
            print("ERROR", json.dumps(e, ensure_ascii=False))
        for s in r["spurious"]:
            print("SPURIOUS", json.dumps(s, ensure_ascii=False))
    if a.json:
        a.json.write_text(json.dumps(r, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
