"""Score event extraction (``wirewatch.extract``) against gold event mentions.

Usage: python eval/score_events.py [--gold eval/events.yaml ...] [--markdown [PATH]]
                                   [--verbose] [--ids e001,e002] [--json PATH]

Matching: per text, a predicted mention matches a gold mention of the same
``type`` and the same GeoNames id of ``place`` (a null place matches a null
place), one to one. Where several candidates share type and place (a claim and
its denial, three kinds of equipment), the pairs are chosen greedily by how
well they agree: overlapping evidence first, then modality, count, subtype.

On matched pairs the scorer reports the accuracy of count (value; qualifier),
date (value; basis), claimant (lenient and strict, see ``claimant_match``; lenient also
counts the same institution, group or outlet of the actor registry spelt otherwise,
``same_body``),
modality, conduit, extent, subtype, aggregate and venue.

``--verbose`` lists every false positive and false negative with its evidence,
and every matched pair whose count, date, claimant or modality disagree.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from wirewatch import Document, extract
from wirewatch.events.models import EventMention
from wirewatch.resources import Resources

HERE = Path(__file__).parent
DEFAULT_GOLD = HERE / "events.yaml"
DEFAULT_MARKDOWN = HERE / "results" / "events.md"

_DEMONYMS = {"russia": "russian", "ukraine": "ukrainian", "russias": "russian",
             "ukraines": "ukrainian"}
_DROP = {"the", "of", "s", "a", "an"}


@dataclass
class GoldEvent:
    doc: str
    type: str
    place: int | None
    evidence: str
    start: int
    end: int
    fields: dict[str, Any]


@dataclass
class Pair:
    doc: str
    gold: GoldEvent
    pred: dict[str, Any]


@dataclass
class Result:
    name: str
    texts: int
    gold: list[GoldEvent]
    pred: dict[str, list[dict[str, Any]]]
    pairs: list[Pair] = field(default_factory=list)
    fps: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    fns: list[GoldEvent] = field(default_factory=list)


def _date_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _interval(value: str) -> tuple[date, date] | None:
    """The first and last day a written date covers ("2024": the year, "2024-05": May,
    "2022-06/2022-08": June to August), or None when it is no date."""
    import calendar

    def ends(part: str) -> tuple[date, date] | None:
        bits = part.split("-")
        try:
            y = int(bits[0])
            if len(bits) == 1:
                return date(y, 1, 1), date(y, 12, 31)
            m = int(bits[1])
            if len(bits) == 2:
                return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
            d = date(y, m, int(bits[2]))
            return d, d
        except (ValueError, IndexError):
            return None
    if "/" in value:
        first, last = (ends(x) for x in value.split("/", 1))
        return (first[0], last[1]) if first and last else None
    return ends(value)


def same_date(gold: Any, pred: str | None) -> bool:
    """True when the gold and predicted dates cover the same days, however each is written
    ("2022-06/2022-08" and "2022-06-01/2022-08-31"; "2024" and "2024-01-01/2024-12-31")."""
    g = _date_str(gold)
    if g is None or pred is None:
        return g == pred
    if g == pred:
        return True
    gi, pi = _interval(g), _interval(pred)
    return gi is not None and gi == pi


def load_gold(path: Path, ids: set[str] | None = None
              ) -> tuple[list[dict[str, Any]], list[GoldEvent]]:
    """Return the documents and gold event mentions of an annotated YAML file."""
    docs = yaml.safe_load(path.read_text(encoding="utf-8"))
    if ids:
        docs = [d for d in docs if d["id"] in ids]
    gold: list[GoldEvent] = []
    for d in docs:
        text = d["text"]
        for g in d.get("events") or []:
            pos = text.find(g["evidence"])
            if pos < 0:
                raise ValueError(f"{d['id']}: evidence {g['evidence']!r} is not in the text")
            place = g.get("place")
            gold.append(GoldEvent(d["id"], g["type"], int(place) if place is not None else None,
                                  g["evidence"], pos, pos + len(g["evidence"]), g))
    return docs, gold


def predict_mentions(docs: list[dict[str, Any]], resources: Resources | None = None
                     ) -> dict[str, list[EventMention]]:
    """Return every event mention ``wirewatch.extract`` finds, per document."""
    # a set in another language says so on each document (``lang``): it is read by the
    # pipeline of that language, as wirewatch reads a record that gives its language
    documents = [Document(id=d["id"], text=d["text"], outlet=d.get("outlet"),
                          published=_as_date(d.get("published")), lang=d.get("lang"))
                 for d in docs]
    out: dict[str, list[EventMention]] = {d.id: [] for d in documents}
    for res in extract(documents, resources):
        out[res.doc.id] = list(res.events)
    return out


def as_json(mentions: dict[str, list[EventMention]]) -> dict[str, list[dict[str, Any]]]:
    """Return the contract JSON of the mentions, per document."""
    return {doc: [json.loads(json.dumps(e.to_dict())) for e in evs]
            for doc, evs in mentions.items()}


def predict(docs: list[dict[str, Any]], resources: Resources | None = None
            ) -> dict[str, list[dict[str, Any]]]:
    """Return the contract JSON of every event ``wirewatch.extract`` finds, per document."""
    return as_json(predict_mentions(docs, resources))


def _as_date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _pred_place(p: dict[str, Any]) -> int | None:
    place = p.get("place")
    return int(place["geonameid"]) if place else None


def _agreement(g: GoldEvent, p: dict[str, Any]) -> float:
    ev = p.get("evidence") or {}
    score = 0.0
    if ev.get("start", 0) < g.end and g.start < ev.get("end", 0):
        score += 4
    if p.get("modality") == g.fields.get("modality"):
        score += 2
    if _count_value(p) == g.fields.get("count"):
        score += 1
    if p.get("subtype") == g.fields.get("subtype"):
        score += 1
    if same_date(g.fields.get("date"), (p.get("date") or {}).get("value")):
        score += 0.5
    return score


def match(gold: list[GoldEvent], pred: dict[str, list[dict[str, Any]]], name: str,
          texts: int) -> Result:
    """Return the one-to-one matching of predicted to gold mentions, text by text."""
    res = Result(name, texts, gold, pred)
    by_doc: dict[str, list[GoldEvent]] = {}
    for g in gold:
        by_doc.setdefault(g.doc, []).append(g)
    for doc in pred.keys() | by_doc.keys():
        gs = by_doc.get(doc, [])
        ps = pred.get(doc, [])
        cands = [(_agreement(g, p), -gi, -pi, gi, pi)
                 for gi, g in enumerate(gs) for pi, p in enumerate(ps)
                 if g.type == p.get("type") and g.place == _pred_place(p)]
        cands.sort(reverse=True)
        used_g: set[int] = set()
        used_p: set[int] = set()
        for _s, _a, _b, gi, pi in cands:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            res.pairs.append(Pair(doc, gs[gi], ps[pi]))
        res.fns.extend(g for gi, g in enumerate(gs) if gi not in used_g)
        res.fps.extend((doc, p) for pi, p in enumerate(ps) if pi not in used_p)
    return res


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _norm_words(text: str | None) -> list[str]:
    if not text:
        return []
    t = text.lower().replace("’", "'")
    t = re.sub(r"'s\b", " s", t)
    words = re.findall(r"[\w-]+", t)
    return [_DEMONYMS.get(w, w) for w in words if w not in _DROP]


def _strip_role(text: str | None) -> str | None:
    if text is None:
        return None
    return re.sub(r"\s*\([^)]*\)", "", text).strip()


def claimant_match(gold: str | None, pred: str | None) -> bool:
    """Return whether two claimants name the same source, leniently.

    Equal after lower-casing and dropping "the", "of", possessives and
    punctuation, in any word order ("Russia's Defence Ministry" = "Russian
    Ministry of Defence"); or the same once a role in parentheses is set aside
    on both sides ("Valery Gerasimov (Chief of the General Staff)" = "Valery
    Gerasimov (General Staff chief)" = "Valery Gerasimov").
    """
    if gold is None or pred is None:
        return gold is None and pred is None
    if sorted(_norm_words(gold)) == sorted(_norm_words(pred)):
        return True
    g, p = _strip_role(gold), _strip_role(pred)
    return bool(g) and sorted(_norm_words(g)) == sorted(_norm_words(p))


def same_body(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Return whether gold and prediction name the same institution, group or outlet of
    the actor registry ("Ukrainian General Staff" = "General Staff of the Armed Forces of
    Ukraine": both ``ua-general-staff``). A person must be named as the lenient match
    says: the registry knowing who holds a role does not name them in the text."""
    gold_id = gold.get("claimant_actor")
    pred_id = (pred.get("claimant_actor") or {}).get("id")
    if not gold_id or gold_id != pred_id:
        return False
    return _actor_type(gold_id) not in (None, "person")


def _actor_type(actor_id: str) -> str | None:
    from wirewatch.events.actors import ActorRegistry

    actor = ActorRegistry.bundled().get(actor_id)
    return actor.type if actor is not None else None


def claimant_strict(gold: str | None, pred: str | None) -> bool:
    """Return whether two claimants are the same string up to case and spacing."""
    if gold is None or pred is None:
        return gold is None and pred is None
    return " ".join(gold.lower().split()) == " ".join(pred.lower().split())


def conduit_match(gold: list[str] | None, pred: list[str] | None) -> bool:
    """Return whether two conduit chains name the same relays in the same order."""
    g, p = gold or [], pred or []
    return len(g) == len(p) and all(_norm_words(a) == _norm_words(b) for a, b in zip(g, p,
                                                                                    strict=True))


def _count_value(p: dict[str, Any]) -> int | None:
    c = p.get("count")
    return c.get("value") if c else None


def _count_qualifier(p: dict[str, Any]) -> str | None:
    c = p.get("count")
    return c.get("qualifier") if c else None


CHECKS: list[tuple[str, Callable[[dict[str, Any], dict[str, Any]], bool]]] = [
    ("count", lambda g, p: g.get("count") == _count_value(p)),
    ("count qualifier", lambda g, p: g.get("count_qualifier") == _count_qualifier(p)),
    ("date", lambda g, p: same_date(g.get("date"), (p.get("date") or {}).get("value"))),
    ("date basis", lambda g, p: (g.get("date_basis") or "unknown")
     == (p.get("date") or {}).get("basis")),
    ("claimant", lambda g, p: claimant_match(g.get("claimant"), p.get("claimant"))
     or same_body(g, p)),
    ("claimant (strict)", lambda g, p: claimant_strict(g.get("claimant"), p.get("claimant"))),
    ("modality", lambda g, p: g.get("modality") == p.get("modality")),
    ("conduit", lambda g, p: conduit_match(g.get("conduit"), p.get("conduit"))),
    ("extent", lambda g, p: g.get("extent") == p.get("extent")),
    ("subtype", lambda g, p: g.get("subtype") == p.get("subtype")),
    ("aggregate", lambda g, p: bool(g.get("aggregate")) == bool(p.get("aggregate"))),
    ("venue", lambda g, p: g.get("venue") == ((p.get("venue") or {}).get("geonameid"))),
]
TARGETS = {"event F1": 0.85, "count": 0.8, "date": 0.8, "claimant": 0.8}


def summarise(res: Result) -> dict[str, Any]:
    """Return the figures of a matching: micro and per-type P/R/F1, field accuracies."""
    tp, fp, fn = len(res.pairs), len(res.fps), len(res.fns)
    p, r, f = _prf(tp, fp, fn)
    types = sorted({g.type for g in res.gold} | {x.get("type", "") for _d, x in res.fps})
    per_type = {}
    for t in types:
        ttp = sum(1 for x in res.pairs if x.gold.type == t)
        tfp = sum(1 for _d, x in res.fps if x.get("type") == t)
        tfn = sum(1 for g in res.fns if g.type == t)
        per_type[t] = {"gold": ttp + tfn, "predicted": ttp + tfp, "tp": ttp,
                       "p": _prf(ttp, tfp, tfn)[0], "r": _prf(ttp, tfp, tfn)[1],
                       "f1": _prf(ttp, tfp, tfn)[2]}
    fields = {}
    for name, check in CHECKS:
        ok = sum(1 for x in res.pairs if check(x.gold.fields, x.pred))
        fields[name] = {"correct": ok, "of": tp, "accuracy": ok / tp if tp else 0.0}
    return {"name": res.name, "texts": res.texts, "gold": tp + fn, "predicted": tp + fp,
            "tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f,
            "per_type": per_type, "fields": fields, "calibration": calibration(res),
            "texts_without_events": sum(1 for d, evs in res.pred.items()
                                        if not evs and not any(g.doc == d for g in res.gold)),
            "gold_empty_texts": len({d for d in res.pred} - {g.doc for g in res.gold})}


# The reliability table's bins of confidence: [lo, hi); the last includes 1.0.
BINS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.0))
CONFIDENT = 0.9  # "of mentions at >= 0.9, the share right" (issue 14): target >= 0.9


def calibration(res: Result) -> dict[str, Any]:
    """Return how well the mentions' ``confidence`` is calibrated: per bin of confidence,
    how many predicted mentions fall in it, how many of them match a gold mention (are
    right) and their mean confidence; and the share right of those at >= 0.9."""
    scored = [(x.pred.get("confidence"), True) for x in res.pairs]
    scored += [(p.get("confidence"), False) for _d, p in res.fps]
    rows = []
    for lo, hi in BINS:
        inside = [(c, ok) for c, ok in scored if c is not None
                  and lo <= c and (c < hi or (hi == 1.0 and c <= 1.0))]
        right = sum(1 for _c, ok in inside if ok)
        rows.append({"bin": f"{lo:.1f}-{hi:.1f}" if hi < 1.0 else f">= {lo:.1f}",
                     "lo": lo, "hi": hi, "count": len(inside), "right": right,
                     "share_right": right / len(inside) if inside else None,
                     "mean_confidence": (sum(c for c, _ in inside) / len(inside)
                                         if inside else None)})
    top = rows[-1]
    known = [(c, ok) for c, ok in scored if c is not None]
    brier = (sum((c - (1.0 if ok else 0.0)) ** 2 for c, ok in known) / len(known)
             if known else None)
    return {"bins": rows, "confident_count": top["count"], "confident_right": top["right"],
            "confident_share_right": top["share_right"],
            "without_confidence": len(scored) - len(known), "brier": brier}


def render_calibration(c: dict[str, Any]) -> list[str]:
    """Return the Markdown reliability table of one calibration."""
    share = c["confident_share_right"]
    lines = ["", "Calibration of `confidence` (a predicted mention is right when it matches a "
             "gold mention):", "", "| confidence | mentions | right | share right | "
             "mean confidence |", "|---|---|---|---|---|"]
    for b in c["bins"]:
        sr = f"{b['share_right']:.3f}" if b["share_right"] is not None else "-"
        mc = f"{b['mean_confidence']:.3f}" if b["mean_confidence"] is not None else "-"
        lines.append(f"| {b['bin']} | {b['count']} | {b['right']} | {sr} | {mc} |")
    lines += ["", f"Of mentions at confidence >= {CONFIDENT}: "
              + (f"**{share:.3f}** right ({c['confident_right']}/{c['confident_count']}; "
                 f"target {CONFIDENT})" if share is not None else "none")
              + (f"; Brier score {c['brier']:.3f}" if c["brier"] is not None else "")
              + (f"; {c['without_confidence']} mentions without confidence"
                 if c["without_confidence"] else "") + "."]
    return lines


def render(s: dict[str, Any]) -> list[str]:
    """Return the Markdown tables of one summary."""
    lines = [f"### {s['name']}", "",
             f"{s['texts']} texts ({s['gold_empty_texts']} without events; "
             f"{s['texts_without_events']} of them left empty), {s['gold']} gold mentions, "
             f"{s['predicted']} predicted.", "",
             "| | precision | recall | F1 | TP | FP | FN |", "|---|---|---|---|---|---|---|",
             f"| **all (micro)** | {s['precision']:.3f} | {s['recall']:.3f} | "
             f"**{s['f1']:.3f}** | {s['tp']} | {s['fp']} | {s['fn']} |"]
    for t, v in s["per_type"].items():
        lines.append(f"| {t} | {v['p']:.3f} | {v['r']:.3f} | {v['f1']:.3f} | {v['tp']} | "
                     f"{v['predicted'] - v['tp']} | {v['gold'] - v['tp']} |")
    lines += ["", "Accuracy on matched mentions:", "", "| field | accuracy | correct |",
              "|---|---|---|"]
    for name, v in s["fields"].items():
        mark = " (target 0.8)" if name in TARGETS else ""
        lines.append(f"| {name}{mark} | {v['accuracy']:.3f} | {v['correct']}/{v['of']} |")
    if "calibration" in s:
        lines += render_calibration(s["calibration"])
    return lines


def _short(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _describe_pred(p: dict[str, Any]) -> str:
    place = p.get("place")
    where = f"{place['name']} {place['geonameid']}" if place else "null"
    return f"{p.get('type')} @ {where} [{p.get('modality')}]"


def verbose(res: Result) -> Iterable[str]:
    """Yield one line per false positive, false negative and disagreeing matched pair."""
    for g in res.fns:
        yield (f"FN {g.doc} {g.type} @ {g.place} [{g.fields.get('modality')}]: "
               f"{_short(g.evidence)}")
    for doc, p in res.fps:
        yield f"FP {doc} {_describe_pred(p)}: {_short((p.get('evidence') or {}).get('text', ''))}"
    for x in res.pairs:
        diffs = []
        for name, check in CHECKS:
            if name in ("claimant (strict)",):
                continue
            if not check(x.gold.fields, x.pred):
                gold_v, pred_v = _field_values(name, x.gold.fields, x.pred)
                diffs.append(f"{name}: gold {gold_v!r} got {pred_v!r}")
        if diffs:
            head = f"MISMATCH {x.doc} {x.gold.type} @ {x.gold.place}"
            yield f"{head} ({_short(x.gold.evidence, 60)}): " + "; ".join(diffs)


def _field_values(name: str, g: dict[str, Any], p: dict[str, Any]) -> tuple[Any, Any]:
    return {
        "count": (g.get("count"), _count_value(p)),
        "count qualifier": (g.get("count_qualifier"), _count_qualifier(p)),
        "date": (_date_str(g.get("date")), (p.get("date") or {}).get("value")),
        "date basis": (g.get("date_basis"), (p.get("date") or {}).get("basis")),
        "claimant": (g.get("claimant"), p.get("claimant")),
        "modality": (g.get("modality"), p.get("modality")),
        "conduit": (g.get("conduit"), p.get("conduit")),
        "extent": (g.get("extent"), p.get("extent")),
        "subtype": (g.get("subtype"), p.get("subtype")),
        "aggregate": (g.get("aggregate"), p.get("aggregate")),
        "venue": (g.get("venue"), (p.get("venue") or {}).get("geonameid")),
    }.get(name, (None, None))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, action="append",
                    help="Gold file (repeatable; default eval/events.yaml).")
    ap.add_argument("--ids", help="Only these document ids (comma-separated).")
    ap.add_argument("--codebook", type=Path, default=os.environ.get("WIREWATCH_CODEBOOK"),
                    help="Your own codebook (default: WIREWATCH_CODEBOOK, else the bundled).")
    ap.add_argument("--markdown", nargs="?", type=Path, const=DEFAULT_MARKDOWN,
                    help=f"Write the tables as Markdown (default {DEFAULT_MARKDOWN}).")
    ap.add_argument("--verbose", action="store_true",
                    help="List every false positive, false negative and field disagreement.")
    ap.add_argument("--json", type=Path, help="Write the figures as JSON here.")
    a = ap.parse_args()
    resources = Resources.load(codebook=a.codebook)
    ids = set(a.ids.split(",")) if a.ids else None
    summaries = []
    md: list[str] = []
    for path in a.gold or [DEFAULT_GOLD]:
        docs, gold = load_gold(path, ids)
        res = match(gold, predict(docs, resources), path.name, len(docs))
        s = summarise(res)
        summaries.append(s)
        table = render(s)
        md += [*table, ""]
        print("\n".join(table) + "\n")
        if a.verbose:
            for line in verbose(res):
                print(line)
            print()
        met = {"event F1": s["f1"], **{k: s["fields"][k]["accuracy"]
                                       for k in ("count", "date", "claimant")}}
        print("targets: " + ", ".join(f"{k} {v:.3f} {'met' if v >= TARGETS[k] else 'NOT met'}"
                                      f" (>= {TARGETS[k]})" for k, v in met.items()) + "\n")
        share = s["calibration"]["confident_share_right"]
        if share is not None:
            print(f"calibration: of mentions at confidence >= {CONFIDENT}, {share:.3f} right "
                  f"({'met' if share >= CONFIDENT else 'NOT met'}, >= {CONFIDENT})\n")
    if a.markdown:
        a.markdown.parent.mkdir(parents=True, exist_ok=True)
        a.markdown.write_text("# Event extraction: scores\n\nWritten by "
                              "`python eval/score_events.py --markdown` (see its docstring for "
                              "the matching rules).\n\n" + "\n".join(md), encoding="utf-8")
    if a.json:
        a.json.write_text(json.dumps(summaries, indent=1), encoding="utf-8")
    counts = Counter(s["name"] for s in summaries)
    return 0 if counts else 1


if __name__ == "__main__":
    sys.exit(main())
