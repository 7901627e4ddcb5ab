"""How sure the extractor is of an event mention: a calibrated ``confidence`` in 0..1.

``confidence`` estimates the probability that a mention matches a gold mention of the
same type at the same place (``eval/score_events.py``'s matching): that it is a real
event, put at the right place. It is a small logistic model over what the extractor
already knows about the mention:

* its *signals*, noted while the trigger went through the steps (:func:`draft_signals`,
  kept on :attr:`EventMention.signals`, never written out): whether the trigger is a
  phrase or one of the codebook's weak single words, a noun or a verb, whether its
  subject and object were found in the parse, how its place was tied to it (beside it
  in the parse, referred back to, a fallback), the sentence's position and how many
  triggers it holds;
* the mention itself (:func:`features`): type, modality (hedged, denied, planned ...),
  the place's resolution confidence and method, whether it is a region, a claimant (one
  in the actor registry), a conduit, a count, a date, the language.

The weights are data (``data/confidence.yaml``), fitted by ``eval/fit_confidence.py``
on the non-blind evaluation sets; the file says when and on which sets, and may cap
the confidence of mentions with a given feature (``caps``). Calibration is measured on
the blind sets (``eval/score_events.py`` reports it; figures in docs/evaluation.md).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from importlib import resources as ir
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wirewatch.datafile import load_data_file
from wirewatch.events.models import EventMention
from wirewatch.events.syntax import children_of

if TYPE_CHECKING:
    from wirewatch.events.context import Draft, SentenceContext

MODEL_FILE = "confidence.yaml"
MODEL_KEYS = {"fitted", "fitted_on", "regularisation", "intercept", "weights", "caps",
              "prior", "training"}
_SUBJECTS = {"nsubj", "nsubjpass", "agent", "csubj"}
_OBJECTS = {"dobj", "nsubjpass", "pobj", "attr", "oprd"}
_MODALITIES = ("claimed", "reported", "planned", "denied", "hedged")
_WEAK_METHODS = ("fuzzy", "context", "transliteration", "appositive")
# single trigger words of many senses ("took", "fell", "lost", "cleared", "controls"):
# weak when the codebook also needs their object; "captured", "seized" are not weak
WEAK_WORDS = frozenset({"take", "took", "taken", "fall", "fell", "fallen", "lose", "lost",
                        "clear", "cleared", "occupy", "occupied", "control", "controlled",
                        "leave", "left", "abandon", "abandoned"})


class ConfidenceError(ValueError):
    """The confidence model file cannot be used."""


@dataclass(frozen=True)
class ConfidenceModel:
    """A logistic model: ``sigmoid(intercept + sum(weight * feature))``, then the caps."""

    intercept: float
    weights: Mapping[str, float]
    caps: Mapping[str, float] = field(default_factory=dict)
    fitted: str | None = None
    fitted_on: tuple[str, ...] = ()

    def score(self, feats: Mapping[str, float]) -> float:
        """Return the confidence of a mention with these features, rounded to 3 places."""
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        for name, cap in self.caps.items():
            if feats.get(name):
                p = min(p, cap)
        return round(p, 3)


def _parse(data: Any) -> ConfidenceModel:
    if not isinstance(data, dict):
        raise ConfidenceError("expected a mapping")
    unknown = set(data) - MODEL_KEYS
    if unknown:
        raise ConfidenceError(f"unknown key {sorted(unknown)[0]!r}")
    if "intercept" not in data or not isinstance(data.get("weights"), dict):
        raise ConfidenceError("needs 'intercept' and a mapping 'weights'")
    try:
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        caps = {str(k): float(v) for k, v in (data.get("caps") or {}).items()}
        intercept = float(data["intercept"])
    except (TypeError, ValueError) as exc:
        raise ConfidenceError(f"weights, caps and intercept must be numbers ({exc})") from exc
    return ConfidenceModel(intercept, weights, caps,
                           str(data["fitted"]) if data.get("fitted") else None,
                           tuple(str(x) for x in data.get("fitted_on") or ()))


def model_path() -> Path:
    """Return the bundled model file."""
    return Path(str(ir.files("wirewatch.data").joinpath(MODEL_FILE)))


def load_model(path: str | Path | None = None) -> ConfidenceModel:
    """Return the confidence model of a file (None: the bundled one)."""
    return load_data_file(path or model_path(), _parse, ConfidenceError, "confidence model")


def draft_signals(sc: SentenceContext, d: Draft) -> frozenset[str]:
    """Return what the steps learnt about a trigger that bears on how sure the mention
    is (the ``signal:`` features of :func:`features`)."""
    head, toks, et = d.head, d.tokens, d.type
    words = {t.lemma_.lower() for t in toks} | {t.lower_ for t in toks}
    out = {"trigger_phrase" if len(d.trigger.tokens) > 1 else "trigger_word"}
    if len(d.trigger.tokens) == 1 and words & (et.needs_object | et.partial_only) & WEAK_WORDS:
        out.add("trigger_weak")
    if head.pos_ in ("NOUN", "PROPN"):
        out.add("trigger_noun")
    deps = {c.dep_ for c in children_of(head)}
    if deps & _SUBJECTS:
        out.add("has_subject")
    if deps & _OBJECTS or any(c.dep_ == "prep" and any(g.dep_ == "pobj" for g in children_of(c))
                              for c in children_of(head)):
        out.add("has_object")
    if d.chosen:
        out.add("place_tied")
    elif d.ref_place is not None and d.ref_place.place is not None:
        out.add("place_referred")
        if d.ref_tok is not None and d.ref_tok.lemma_.lower() in \
                sc.doc.book.place_anaphora.get("city", frozenset()):
            out.add("town_referred")  # "in the city": an official's own town (decision 575)
    elif d.fell_back and d.places:
        out.add("place_fallback")
    if sc.index == 0:
        out.add("lead_sentence")
    if len({t.tokens for t in sc.triggers}) > 2:  # one word may trigger several types
        out.add("many_triggers")
    if d.att.carried:
        out.add("claim_carried")  # the speaker of an earlier sentence ("He said ...")
    if d.att.verbs:
        out.add("speech_verb")
    return frozenset(out)


def features(m: EventMention) -> dict[str, float]:
    """Return the features of a mention the model weighs (absent features are 0)."""
    f: dict[str, float] = {f"type:{m.type}": 1.0}
    if m.modality in _MODALITIES:
        f[f"modality:{m.modality}"] = 1.0
    if m.place is None:
        f["no_place"] = 1.0
    else:
        f["place_doubt"] = round(1.0 - float(m.place.confidence), 3)
        if m.place.method in _WEAK_METHODS:
            f[f"method:{m.place.method}"] = 1.0
        if m.place.kind in ("admin1", "country", "region"):
            f["place_region"] = 1.0
    if m.claimant:
        f["claimant"] = 1.0
        if m.claimant_actor is not None:
            f["claimant_registered"] = 1.0
    if m.conduit:
        f["conduit"] = 1.0
    if m.count is not None:
        f["count"] = 1.0
    if m.date.precision == "unknown":
        f["no_date"] = 1.0
    if m.aggregate:
        f["aggregate"] = 1.0
    if m.lang != "en":
        f["lang_other"] = 1.0
    if len(m.evidence.text) > 300:
        f["long_sentence"] = 1.0
    for s in m.signals:
        f[f"signal:{s}"] = 1.0
    return f


def with_confidence(mentions: Iterable[EventMention], model: ConfidenceModel | None = None
                    ) -> list[EventMention]:
    """Return the mentions, each with its ``confidence``."""
    model = model or load_model()
    return [replace(m, confidence=model.score(features(m))) for m in mentions]
