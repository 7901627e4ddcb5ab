"""Rewrite families: articles that are near-duplicates or paraphrased rewrites of one report.

Two signals, both computed from one article alone and stored with it, so a new article
is compared only with the few stored articles an indexed lookup returns:

* **near-duplicates**: MinHash of word 3-shingles; candidates share an LSH band key,
  and are kept when the estimated Jaccard similarity is >= 0.5;
* **paraphrased rewrites** (a content farm retelling one ministry statement in its own
  words shares few 3-shingles): candidates share an event key (event type + GeoNames
  id) and were published within three days; they are kept when enough of these agree:
  shared event keys, same claimant, shared specific numbers, shared proper names and
  the overlap of their content-word stems (see :func:`compare`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from wirewatch.fuse.claimants import claimant_key
from wirewatch.fuse.text import (
    NEAR_DUPLICATE,
    band_keys,
    content_words,
    jaccard,
    minhash,
    names,
    numbers,
)

MAX_GAP_DAYS = 3  # paraphrased rewrites of one statement appear within days of it
PARAPHRASE = 0.6  # score a candidate pair needs to be linked as a paraphrased rewrite
MAX_CANDIDATES = 100  # per event key: the most recent ones (keeps a batch's cost bounded)


@dataclass(frozen=True)
class ArticleFeatures:
    """What family matching needs of one article (all derivable from the article alone)."""

    id: int
    published: date | None
    outlet: str | None
    signature: bytes
    words: frozenset[str]
    numbers: frozenset[str]
    names: frozenset[str]
    event_keys: frozenset[str]
    claimants: frozenset[str]
    bands: tuple[int, ...] = field(default=(), compare=False)

    def to_json(self) -> dict[str, Any]:
        """Return the JSON-able part stored with the article (the signature is stored apart)."""
        return {"words": sorted(self.words), "numbers": sorted(self.numbers),
                "names": sorted(self.names), "event_keys": sorted(self.event_keys),
                "claimants": sorted(self.claimants)}

    @classmethod
    def from_json(cls, id: int, published: date | None, outlet: str | None,
                  signature: bytes, data: Mapping[str, Any]) -> ArticleFeatures:
        """Return features rebuilt from what :meth:`to_json` stored."""
        return cls(id=id, published=published, outlet=outlet, signature=signature,
                   words=frozenset(data.get("words", ())),
                   numbers=frozenset(data.get("numbers", ())),
                   names=frozenset(data.get("names", ())),
                   event_keys=frozenset(data.get("event_keys", ())),
                   claimants=frozenset(data.get("claimants", ())))


def event_keys(events: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    """Return the "type|geonameid" keys of the events tied to a locality or region
    (countries are too coarse to say two articles tell one story)."""
    out = set()
    for e in events:
        p = e.get("place")
        if p and p.get("geonameid") is not None and p.get("admin1"):
            out.add(f"{e['type']}|{p['geonameid']}")
    return frozenset(out)


def article_features(id: int, text: str, published: date | None, outlet: str | None,
                     events: Sequence[Mapping[str, Any]]) -> ArticleFeatures:
    """Return the family-matching features of one article from its text and event mentions
    (contract JSON dicts)."""
    sig = minhash(text)
    claimants = {k for e in events if (k := claimant_key(e.get("claimant")))}
    nums = set(numbers(text))
    for e in events:
        c = e.get("count")
        if c and c.get("value") is not None and c["value"] >= 10:
            nums.add(str(c["value"]))
    return ArticleFeatures(id=id, published=published, outlet=outlet, signature=sig,
                           words=content_words(text), numbers=frozenset(nums),
                           names=names(text), event_keys=event_keys(events),
                           claimants=frozenset(claimants), bands=tuple(band_keys(sig)))


@dataclass(frozen=True)
class Link:
    """Two articles found to tell one report: ``article`` (newer) rewrites ``other``."""

    article: int
    other: int
    kind: str  # near-duplicate | paraphrase
    score: float
    reasons: tuple[str, ...]


def _gap(a: date | None, b: date | None) -> int | None:
    return abs((a - b).days) if a and b else None


def compare(a: ArticleFeatures, b: ArticleFeatures) -> tuple[str, float, tuple[str, ...]] | None:
    """Return (kind, score, reasons) when ``a`` and ``b`` are rewrites of one report, else None."""
    j = jaccard(a.signature, b.signature)
    if j >= NEAR_DUPLICATE:
        return "near-duplicate", round(j, 3), (f"text overlap {j:.2f} (MinHash)",)
    gap = _gap(a.published, b.published)
    if gap is not None and gap > MAX_GAP_DAYS:
        return None
    ev = a.event_keys & b.event_keys
    if not ev:
        return None
    cl = a.claimants & b.claimants
    num = a.numbers & b.numbers
    nm = a.names & b.names
    small = min(len(a.words), len(b.words)) or 1
    overlap = len(a.words & b.words) / small
    # each signal alone is weak (a town is in the news daily); together they are not
    score = 0.25 if len(ev) == 1 else 0.4
    score += 0.2 if cl else 0.0
    score += min(0.3, 0.15 * len(num))
    score += min(0.2, 0.05 * len(nm))
    score += min(0.3, max(0.0, overlap - 0.2))
    score += 0.05 if gap is not None and gap <= 1 else 0.0
    if score < PARAPHRASE:
        return None
    reasons = [f"{len(ev)} shared event(s): {', '.join(sorted(ev)[:3])}"]
    if cl:
        reasons.append("same claimant: " + ", ".join(sorted(cl)))
    if num:
        reasons.append("shared numbers: " + ", ".join(sorted(num)[:5]))
    if nm:
        reasons.append("shared names: " + ", ".join(sorted(nm)[:6]))
    reasons.append(f"content-word overlap {overlap:.2f}")
    if gap is not None:
        reasons.append(f"published {gap} day(s) apart")
    return "paraphrase", round(score, 3), tuple(reasons)


CandidateLookup = Callable[[Sequence[ArticleFeatures]], Mapping[int, Sequence[ArticleFeatures]]]


def match_batch(batch: Sequence[ArticleFeatures], lookup: CandidateLookup) -> list[Link]:
    """Return the rewrite links of a batch of new articles: each against the stored
    candidates ``lookup`` returns for it, and against the batch's earlier articles."""
    stored = lookup(batch)
    by_band: dict[int, list[ArticleFeatures]] = defaultdict(list)
    by_event: dict[str, list[ArticleFeatures]] = defaultdict(list)
    links: list[Link] = []
    for a in batch:
        cands: dict[int, ArticleFeatures] = {c.id: c for c in stored.get(a.id, ()) if c.id != a.id}
        for band in a.bands:
            for c in by_band.get(band, []):
                cands[c.id] = c
        for k in a.event_keys:
            for c in by_event.get(k, [])[-MAX_CANDIDATES:]:
                g = _gap(a.published, c.published)
                if g is None or g <= MAX_GAP_DAYS:
                    cands[c.id] = c
        for c in sorted(cands.values(), key=lambda f: f.id):
            found = compare(a, c)
            if found:
                links.append(Link(a.id, c.id, *found))
        for band in a.bands:
            by_band[band].append(a)
        for k in a.event_keys:
            by_event[k].append(a)
    return links
