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

from wirewatch.events.lexicon import Lexicon, load_lexicon
from wirewatch.fuse.claimants import claimant_key
from wirewatch.fuse.config import FusionConfig, default_fusion
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
DIFFERENT_EVENTS = 0.2  # set on eval/families.yaml and the seeds (000 is not 001's rewrite)
# what a shared claim adds between articles in two languages (eval/families_crosslang.yaml:
# a Russian original and its English rewrite share event, claimant and day, and little
# else a word comparison can see)
CROSSLANG_CLAIM = 0.25
CROSSLANG_DAY = 1  # the days two languages' readings of one report may differ by
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
    places: frozenset[str] = frozenset()
    event_days: Mapping[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    # the language the article was read in, and its claims as language-neutral keys
    # ("type|geonameid|actor id|day"): what a translation shares with its original
    lang: str = "en"
    claims: frozenset[str] = frozenset()
    bands: tuple[int, ...] = field(default=(), compare=False)

    def to_json(self) -> dict[str, Any]:
        """Return the JSON-able part stored with the article (the signature is stored apart)."""
        return {"words": sorted(self.words), "numbers": sorted(self.numbers),
                "names": sorted(self.names), "event_keys": sorted(self.event_keys),
                "claimants": sorted(self.claimants), "places": sorted(self.places),
                "event_days": {k: list(v) for k, v in sorted(self.event_days.items())},
                "lang": self.lang, "claims": sorted(self.claims)}

    def lookup_keys(self) -> frozenset[str]:
        """Return the keys under which paraphrase candidates are looked up: event keys and
        the localities and regions the article names."""
        return self.event_keys | {f"place|{p}" for p in self.places}

    @classmethod
    def from_json(cls, id: int, published: date | None, outlet: str | None,
                  signature: bytes, data: Mapping[str, Any]) -> ArticleFeatures:
        """Return features rebuilt from what :meth:`to_json` stored."""
        return cls(id=id, published=published, outlet=outlet, signature=signature,
                   words=frozenset(data.get("words", ())),
                   numbers=frozenset(data.get("numbers", ())),
                   names=frozenset(data.get("names", ())),
                   event_keys=frozenset(data.get("event_keys", ())),
                   claimants=frozenset(data.get("claimants", ())),
                   places=frozenset(data.get("places", ())),
                   event_days={k: tuple(v) for k, v in data.get("event_days", {}).items()},
                   lang=str(data.get("lang") or "en"),
                   claims=frozenset(data.get("claims", ())))


def event_keys(events: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    """Return the "type|geonameid" keys of the events tied to a locality or region
    (countries are too coarse to say two articles tell one story)."""
    out = set()
    for e in events:
        p = e.get("place")
        if p and p.get("geonameid") is not None and p.get("admin1"):
            out.add(f"{e['type']}|{p['geonameid']}")
    return frozenset(out)


def _event_days(events: Iterable[Mapping[str, Any]]) -> dict[str, tuple[str, ...]]:
    days: dict[str, set[str]] = defaultdict(set)
    for e in events:
        p = e.get("place") or {}
        d = e.get("date") or {}
        if p.get("geonameid") is not None and d.get("precision") == "day" and d.get("value"):
            days[f"{e['type']}|{p['geonameid']}"].add(str(d["value"]))
    return {k: tuple(sorted(v)) for k, v in days.items()}


def claim_keys(events: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    """Return the language-neutral keys of an article's claims: event type, GeoNames id,
    the claimant's registry id and the day ("territory.captured|694677|ru-mod|2024-11-28")."""
    out = set()
    for e in events:
        p, actor = e.get("place") or {}, e.get("claimant_actor") or {}
        if p.get("geonameid") is not None and actor.get("id"):
            day = (e.get("date") or {}).get("value") or ""
            out.add(f"{e['type']}|{p['geonameid']}|{actor['id']}|{day}")
    return frozenset(out)


def article_features(id: int, text: str, published: date | None, outlet: str | None,
                     events: Sequence[Mapping[str, Any]],
                     places: Sequence[Mapping[str, Any]] = (),
                     lexicon: Lexicon | None = None, lang: str | None = None
                     ) -> ArticleFeatures:
    """Return the family-matching features of one article from its text, event mentions
    and place mentions (contract JSON dicts); ``lexicon``: the language's words (None: the
    bundled English lexicon); ``lang``: the language the article was read in."""
    lexicon = lexicon or load_lexicon("en")
    sig = minhash(text)
    claimants = {k for e in events if (k := claimant_key(e.get("claimant"), lexicon))}
    nums = set(numbers(text))
    for e in events:
        c = e.get("count")
        if c and c.get("value") is not None and c["value"] >= 10:
            nums.add(str(c["value"]))
    return ArticleFeatures(id=id, published=published, outlet=outlet, signature=sig,
                           words=content_words(text, lexicon), numbers=frozenset(nums),
                           names=names(text, lexicon), event_keys=event_keys(events),
                           claimants=frozenset(claimants),
                           places=frozenset(str(p["geonameid"]) for p in places
                                            if p.get("geonameid") is not None
                                            and p.get("admin1")),
                           event_days=_event_days(events), bands=tuple(band_keys(sig)),
                           lang=lang or "en", claims=claim_keys(events))


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


def _same_days(a: ArticleFeatures, b: ArticleFeatures, key: str, fusion: FusionConfig
               ) -> bool:
    da, db = a.event_days.get(key), b.event_days.get(key)
    if not da or not db:
        return True
    # across languages the relative days are read by different rules ("минулої доби",
    # "overnight"), so a day either way is the same day (eval/families_crosslang*.yaml)
    tol = fusion.tolerance(key.split("|", 1)[0]) + (CROSSLANG_DAY if a.lang != b.lang else 0)
    return any(abs((date.fromisoformat(x) - date.fromisoformat(y)).days) <= tol
               for x in da for y in db)


def _speakers(f: ArticleFeatures) -> set[str]:
    """The registry ids of the speakers of an article's claims ("actor:ru-mod")."""
    return {"actor:" + k.split("|")[2] for k in f.claims}


def _has_event_at(f: ArticleFeatures, place: str) -> bool:
    return any(k.endswith("|" + place) for k in f.event_keys)


def signals(a: ArticleFeatures, b: ArticleFeatures, fusion: FusionConfig | None = None
            ) -> dict[str, Any]:
    """Return the raw signals that two articles retell one report (for scoring and tuning);
    ``fusion``: the tolerances in use (default: the bundled data/fusion.yaml)."""
    fusion = fusion or default_fusion()
    small = min(len(a.words), len(b.words)) or 1
    return {
        "jaccard": jaccard(a.signature, b.signature),
        "gap": _gap(a.published, b.published),
        # an event key only counts when the two articles do not date it differently:
        # a strike on a city one day and another the next are two stories
        "events": {k for k in a.event_keys & b.event_keys if _same_days(a, b, k, fusion)},
        "events_apart": {k for k in a.event_keys & b.event_keys if not _same_days(a, b, k, fusion)},
        # a shared place counts fully only where one of the two has no event there (the
        # extractor missed it); events of different types there lean to two stories
        "places": {p for p in a.places & b.places
                   if not (_has_event_at(a, p) and _has_event_at(b, p))},
        "places_other_events": {p for p in a.places & b.places
                                if _has_event_at(a, p) and _has_event_at(b, p)},
        # across languages the claimant strings differ ("Ministry of Defence of Russia",
        # "Russian Defence Ministry"); the registry ids of the claims' speakers do not
        "claimants": a.claimants & b.claimants | (
            _speakers(a) & _speakers(b) if a.lang != b.lang else set()),
        # both report events, none of them the same: two stories from one region
        "different_events": bool(a.event_keys and b.event_keys
                                 and not a.event_keys & b.event_keys),
        "numbers": a.numbers & b.numbers,
        "names": a.names & b.names,
        "overlap": len(a.words & b.words) / small,
        # a translation shares no words with its original: across languages the shared
        # claims (same type, place, claimant and day) stand in for the words
        "crosslang": a.lang != b.lang,
        "claims": a.claims & b.claims,
    }


def paraphrase_score(sig: Mapping[str, Any]) -> float:
    """Return how strongly the signals say "one report retold" (>= PARAPHRASE links)."""
    if sig["events_apart"] and not sig["events"]:
        return 0.0
    # one shared event dated differently by the two is strong evidence of two stories
    score = -0.4 if sig["events_apart"] else 0.0
    if sig["events"]:
        score += 0.25 if len(sig["events"]) == 1 else 0.4
    elif sig["places"]:
        score += 0.1
    elif sig["places_other_events"]:
        score += 0.05
    else:
        return 0.0
    # one official issues many statements: the same claimant speaks for one report only
    # where the two also share an event
    score += 0.2 if sig["claimants"] and sig["events"] else 0.0
    # the extractor may miss or misplace a rewrite's event, so this only weighs against
    score -= DIFFERENT_EVENTS if sig.get("different_events") else 0.0
    score += min(0.3, 0.15 * len(sig["numbers"]))
    score += min(0.2, 0.05 * len(sig["names"]))
    score += min(0.3, max(0.0, sig["overlap"] - 0.2))
    score += CROSSLANG_CLAIM if sig.get("crosslang") and sig.get("claims") else 0.0
    gap = sig["gap"]
    score += 0.05 if gap is not None and gap <= 1 else 0.0
    return float(score)


def compare(a: ArticleFeatures, b: ArticleFeatures, fusion: FusionConfig | None = None
            ) -> tuple[str, float, tuple[str, ...]] | None:
    """Return (kind, score, reasons) when ``a`` and ``b`` are rewrites of one report, else None."""
    j = jaccard(a.signature, b.signature)
    if j >= NEAR_DUPLICATE:
        return "near-duplicate", round(j, 3), (f"text overlap {j:.2f} (MinHash)",)
    gap = _gap(a.published, b.published)
    if gap is not None and gap > MAX_GAP_DAYS:
        return None
    sig = signals(a, b, fusion)
    score = paraphrase_score(sig)
    if score < PARAPHRASE:
        return None
    ev = sig["events"]
    places = sig["places"] or sig["places_other_events"]
    reasons = [f"{len(ev)} shared event(s): {', '.join(sorted(ev)[:3])}" if ev else
               f"shared places: {', '.join(sorted(places)[:3])}"]
    if sig["claimants"]:
        reasons.append("same claimant: " + ", ".join(sorted(sig["claimants"])))
    if sig.get("crosslang") and sig.get("claims"):
        reasons.append(f"{len(sig['claims'])} shared claim(s) across languages")
    if sig["numbers"]:
        reasons.append("shared numbers: " + ", ".join(sorted(sig["numbers"])[:5]))
    if sig["names"]:
        reasons.append("shared names: " + ", ".join(sorted(sig["names"])[:6]))
    reasons.append(f"content-word overlap {sig['overlap']:.2f}")
    if gap is not None:
        reasons.append(f"published {gap} day(s) apart")
    return "paraphrase", round(score, 3), tuple(reasons)


CandidateLookup = Callable[[Sequence[ArticleFeatures]], Mapping[int, Sequence[ArticleFeatures]]]


def match_batch(batch: Sequence[ArticleFeatures], lookup: CandidateLookup,
                fusion: FusionConfig | None = None) -> list[Link]:
    """Return the rewrite links of a batch of new articles: each against the stored
    candidates ``lookup`` returns for it, and against the batch's earlier articles."""
    fusion = fusion or default_fusion()
    stored = lookup(batch)
    by_band: dict[int, list[ArticleFeatures]] = defaultdict(list)
    by_event: dict[str, list[ArticleFeatures]] = defaultdict(list)
    links: list[Link] = []
    for a in batch:
        cands: dict[int, ArticleFeatures] = {c.id: c for c in stored.get(a.id, ()) if c.id != a.id}
        for band in a.bands:
            for c in by_band.get(band, []):
                cands[c.id] = c
        for k in a.lookup_keys():
            for c in by_event.get(k, [])[-MAX_CANDIDATES:]:
                g = _gap(a.published, c.published)
                if g is None or g <= MAX_GAP_DAYS:
                    cands[c.id] = c
        for c in sorted(cands.values(), key=lambda f: f.id):
            found = compare(a, c, fusion)
            if found:
                links.append(Link(a.id, c.id, *found))
        for band in a.bands:
            by_band[band].append(a)
        for k in a.lookup_keys():
            by_event[k].append(a)
    return links
