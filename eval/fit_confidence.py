"""Fit the event-mention confidence model (``src/wirewatch/data/confidence.yaml``).

Usage: python eval/fit_confidence.py [--gold eval/events.yaml ...] [--prior FILE]
                                     [--cap FEATURE=VALUE ...] [--out PATH] [--dry-run]

Runs the extractor over the non-blind gold sets (by default the English tuning sets
``events.yaml``, ``events_unseen.yaml``, ``events_unseen2.yaml``, ``events_holdout.yaml``
and the Russian and Ukrainian dev sets ``events_ru.yaml``, ``events_uk.yaml``), labels
each predicted mention right (1) when ``eval/score_events.py``'s one-to-one matching
pairs it with a gold mention of the same type and place, else wrong (0), and fits a
logistic regression on the features of ``wirewatch.events.confidence.features`` by MAP
(Newton's method, numpy) under the prior of ``eval/confidence_prior.yaml``, which says
why a prior is needed: the tuning sets hold almost no wrong mention. It writes the
intercept, the weights, the date, the sets and the prior to the model file; caps given
with ``--cap`` (else those already in the file) are kept. The blind sets
(``events_*blind*.yaml``) are refused: they measure the calibration, never fitted on.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import yaml

sys.path.insert(0, str(Path(__file__).parent))

from score_events import as_json, load_gold, match, predict_mentions

from wirewatch.events.confidence import features, load_model, model_path
from wirewatch.resources import Resources

HERE = Path(__file__).parent
DEFAULT_SETS = ("events.yaml", "events_unseen.yaml", "events_unseen2.yaml",
                "events_holdout.yaml", "events_ru.yaml", "events_uk.yaml")


def labelled(paths: list[Path], resources: Resources
             ) -> list[tuple[dict[str, float], int]]:
    """Return (features, right) for every mention the extractor finds in these sets."""
    out: list[tuple[dict[str, float], int]] = []
    for path in paths:
        if "blind" in path.name:
            raise SystemExit(f"{path}: a blind set is never fitted on")
        docs, gold = load_gold(path)
        mentions = predict_mentions(docs, resources)
        pred = as_json(mentions)
        res = match(gold, pred, path.name, len(docs))
        right = {id(x.pred) for x in res.pairs}
        for doc, evs in mentions.items():
            for m, p in zip(evs, pred[doc], strict=True):
                out.append((features(m), int(id(p) in right)))
    return out


def fit(rows: list[tuple[dict[str, float], int]], prior: dict[str, Any], rounds: int = 50
        ) -> dict[str, float]:
    """Return the weights of a logistic regression fitted by MAP (Newton's method): a
    Gaussian prior pulls each weight towards ``prior["weights"]`` (0 where it names none)
    with penalty ``prior["strength"]``; the intercept is held at ``prior["intercept"]``."""
    w0 = {str(k): float(v) for k, v in (prior.get("weights") or {}).items()}
    names = sorted({k for f, _ in rows for k in f} | set(w0))
    x = np.array([[f.get(k, 0.0) for k in names] for f, _ in rows])
    y = np.array([label for _, label in rows], dtype=float)
    b = float(prior["intercept"])
    lam = float(prior["strength"])
    mu = np.array([w0.get(k, 0.0) for k in names])
    w = mu.copy()
    for _ in range(rounds):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        grad = x.T @ (p - y) + lam * (w - mu)
        hess = (x.T * (p * (1 - p))) @ x + lam * np.eye(len(names))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return {k: round(float(v), 4) for k, v in zip(names, w, strict=True) if abs(v) >= 1e-4}


def reliability(rows: list[tuple[dict[str, float], int]], intercept: float,
                weights: dict[str, float], caps: dict[str, float]) -> list[str]:
    """Return lines of the in-sample reliability table (for a sanity check only)."""
    from wirewatch.events.confidence import ConfidenceModel

    model = ConfidenceModel(intercept, weights, caps)
    scored = [(model.score(f), y) for f, y in rows]
    lines = []
    for lo, hi in ((0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01)):
        inside = [y for c, y in scored if lo <= c < hi]
        share = f"{sum(inside) / len(inside):.3f}" if inside else "-"
        lines.append(f"  {lo:.1f}-{min(hi, 1.0):.1f}: {len(inside)} mentions, {share} right")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, action="append",
                    help="A non-blind gold set (repeatable; default the six tuning sets).")
    ap.add_argument("--prior", type=Path, default=HERE / "confidence_prior.yaml",
                    help="The prior: intercept, weights, strength (default "
                         "eval/confidence_prior.yaml).")
    ap.add_argument("--cap", action="append", default=None, metavar="FEATURE=VALUE",
                    help="Cap the confidence of mentions with this feature (repeatable).")
    ap.add_argument("--out", type=Path, default=model_path(), help="Model file to write.")
    ap.add_argument("--dry-run", action="store_true", help="Print, do not write.")
    a = ap.parse_args()
    paths = a.gold or [HERE / n for n in DEFAULT_SETS]
    rows = labelled(paths, Resources.load())
    prior = yaml.safe_load(a.prior.read_text(encoding="utf-8"))
    intercept = float(prior["intercept"])
    weights = fit(rows, prior)
    caps = (dict(load_model(a.out).caps) if a.cap is None and a.out.exists() else
            {k: float(v) for k, v in (c.split("=", 1) for c in a.cap or [])})
    print(f"{len(rows)} mentions, {sum(y for _, y in rows)} right; in-sample:")
    print("\n".join(reliability(rows, intercept, weights, caps)))
    data: dict[str, Any] = {
        "fitted": date.today().isoformat(), "fitted_on": [p.name for p in paths],
        "training": f"{len(rows)} mentions, {sum(y for _, y in rows)} right",
        "prior": f"{a.prior.name} (strength {prior['strength']}; intercept held)",
        "intercept": round(intercept, 4),
        "weights": dict(sorted(weights.items())), "caps": caps}
    text = ("# The event-mention confidence model (wirewatch.events.confidence): a logistic\n"
            "# regression written by eval/fit_confidence.py; do not edit the weights by hand.\n"
            "# Calibration on the blind sets: docs/evaluation.md, eval/score_events.py.\n"
            + yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    if a.dry_run:
        print(text)
    else:
        a.out.write_text(text, encoding="utf-8")
        print(f"written {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
