"""Score wirewatch's place resolution on public geoparsing benchmarks.

Datasets (read from ``../shared/benchmarks/geoparsing`` beside the repository, never copied
into it; see the README files there): LGL, TR-News, GeoWebNews (GWN) and GeoVirus.

Usage:
    python eval/geoparsing.py [--data DIR] [--datasets lgl,trnews,gwn,geovirus]
                              [--limit N] [--theatres neutral,default] [--max-shift 8]
                              [--top 10] [--out eval/results/geoparsing.md]

Two modes are scored for each gazetteer set-up:

* end-to-end: ``places_in_text`` finds and resolves the places itself. A gold toponym
  counts as found when a resolved predicted mention overlaps it; accuracy@161km, mean
  and median error and AUC are computed over the found toponyms only, as the published
  end-to-end numbers are, so the recall (found / gold) must be read beside them.
* resolution-only: every gold toponym with coordinates is given to the resolver as a
  forced span (as ``resolve_place`` builds one). accuracy@161km and the exact GeoNames id
  match count every gold toponym (unresolved = wrong); the error statistics use the
  resolved ones.

Set-ups: ``neutral`` is the gazetteer with the Ukraine/Russia theatre prior removed (the
primary number for these non-Ukraine benchmarks); ``default`` is the shipped gazetteer.

Gold offsets are checked against the text. GeoVirus's offsets are one character late
throughout and some TR-News articles drift by a few characters, so a span whose text is
not its phrase is moved to the nearest exact occurrence of the phrase at most
``--max-shift`` characters away (``--max-shift 0`` is strict); spans that still do not
match are skipped. Both counts are reported.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from wirewatch.nlp import get_nlp
from wirewatch.places import PlaceMention, places_in_text
from wirewatch.places.gazetteer import Gazetteer, default_gazetteer
from wirewatch.places.geo import distance_km
from wirewatch.places.models import Span
from wirewatch.places.recognize import TextView, add_evidence, make_view
from wirewatch.places.resolve import Resolver
from wirewatch.places.text import normalize

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "benchmarks" / "geoparsing"
DEFAULT_OUT = REPO / "eval" / "results" / "geoparsing.md"
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the largest possible error
ACC_KM = 161.0  # 100 miles, the "accuracy@161km" of the literature (error <= 161 km here)
E2E = "end-to-end"
RES = "resolution-only"


# -- gold data --------------------------------------------------------------------------------
@dataclass(frozen=True)
class GoldToponym:
    """One annotated toponym that has gold coordinates."""

    start: int
    end: int
    phrase: str
    lat: float
    lon: float
    geonameid: int | None
    name: str  # the gold place's name, for error listings
    kind: str  # GeoNames feature class.code (LGL, TR-News), GWN type, or "-"


@dataclass
class Article:
    """One benchmark article and its gold toponyms (in file order)."""

    doc_id: str
    text: str
    gold: list[GoldToponym] = field(default_factory=list)


@dataclass
class LoadReport:
    """How the gold annotations of a dataset were read."""

    articles: int = 0
    annotated: int = 0  # every annotated span
    without_coords: int = 0
    exact: int = 0
    realigned: int = 0
    skipped: int = 0
    shifts: Counter[int] = field(default_factory=Counter)  # offset corrections applied

    @property
    def used(self) -> int:
        """Return the number of gold toponyms kept for scoring."""
        return self.exact + self.realigned


def _articles(path: Path, limit: int) -> list[ET.Element]:
    """Return the ``<article>`` elements of a file, the first ``limit`` only when set."""
    found = list(ET.parse(path).getroot().iter("article"))
    return found[:limit] if limit else found


def _txt(el: ET.Element, tag: str) -> str:
    return (el.findtext(tag) or "").strip()


def _float(s: str) -> float | None:
    try:
        return float(s)
    except ValueError:
        return None


def _int(s: str | None) -> int | None:
    try:
        return int(s) if s else None
    except ValueError:
        return None


def align(text: str, start: int, end: int, phrase: str, max_shift: int) -> int | None:
    """Return the smallest shift that makes ``text[start+d:end+d] == phrase``, or None."""
    for d in sorted(range(-max_shift, max_shift + 1), key=lambda d: (abs(d), d)):
        if start + d >= 0 and text[start + d:end + d] == phrase:
            return d
    return None


def add_gold(article: Article, report: LoadReport, max_shift: int, *, start: int, end: int,
             phrase: str, lat: float, lon: float, geonameid: int | None, name: str,
             kind: str) -> None:
    """Check one gold span against the text and keep it (realigned if needed) or skip it."""
    shift = align(article.text, start, end, phrase, max_shift)
    if shift is None:
        report.skipped += 1
        return
    if shift:
        report.realigned += 1
        report.shifts[shift] += 1
    else:
        report.exact += 1
    article.gold.append(GoldToponym(start + shift, end + shift, phrase, lat, lon, geonameid,
                                    name, kind))


def load_lgl_format(path: Path, max_shift: int, limit: int = 0
                    ) -> tuple[list[Article], LoadReport]:
    """Read LGL or TR-News: ``<toponym>`` with ``<phrase>`` and a ``<gaztag>``."""
    report = LoadReport()
    articles: list[Article] = []
    for i, el in enumerate(_articles(path, limit)):
        art = Article(el.get("docid") or str(i), el.findtext("text") or "")
        for tp in el.iter("toponym"):
            report.annotated += 1
            tag = tp.find("gaztag")
            lat = _float(_txt(tag, "lat")) if tag is not None else None
            lon = _float(_txt(tag, "lon")) if tag is not None else None
            if tag is None or lat is None or lon is None:
                report.without_coords += 1
                continue
            country, kind = _txt(tag, "country"), f"{_txt(tag, 'fclass')}.{_txt(tag, 'fcode')}"
            is_country = kind.startswith("A.PCL")
            name = _txt(tag, "name") + (f" ({country})" if country and not is_country else "")
            add_gold(art, report, max_shift, start=int(_txt(tp, "start")),
                     end=int(_txt(tp, "end")), phrase=tp.findtext("phrase") or "", lat=lat,
                     lon=lon, geonameid=_int(tag.get("geonameid")), name=name, kind=kind)
        articles.append(art)
    report.articles = len(articles)
    return articles, report


def load_gwn(path: Path, max_shift: int, limit: int = 0
             ) -> tuple[list[Article], LoadReport]:
    """Read GeoWebNews: ``<toponym>`` with ``<extractedName>``, ``<latitude>``..."""
    report = LoadReport()
    articles: list[Article] = []
    for i, el in enumerate(_articles(path, limit)):
        art = Article(el.get("file") or str(i), el.findtext("text") or "")
        for tp in el.iter("toponym"):
            report.annotated += 1
            lat, lon = _float(_txt(tp, "latitude")), _float(_txt(tp, "longitude"))
            if lat is None or lon is None:
                report.without_coords += 1
                continue
            phrase = tp.findtext("extractedName") or ""
            add_gold(art, report, max_shift, start=int(_txt(tp, "start")),
                     end=int(_txt(tp, "end")), phrase=phrase, lat=lat, lon=lon,
                     geonameid=_int(_txt(tp, "geonamesID")),
                     name=_txt(tp, "normalisedName") or phrase, kind=_txt(tp, "type") or "-")
        articles.append(art)
    report.articles = len(articles)
    return articles, report


def _wiki_title(url: str) -> str:
    return unquote(url.rstrip("/").rsplit("/", 1)[-1]).replace("_", " ")


def load_geovirus(path: Path, max_shift: int, limit: int = 0
                  ) -> tuple[list[Article], LoadReport]:
    """Read GeoVirus: ``<location>`` with ``<name>``, ``<lat>``, ``<lon>``, ``<page>``."""
    report = LoadReport()
    articles: list[Article] = []
    for i, el in enumerate(_articles(path, limit)):
        art = Article(_wiki_title(_txt(el, "source")) or str(i), el.findtext("text") or "")
        for loc in el.iter("location"):
            report.annotated += 1
            lat, lon = _float(_txt(loc, "lat")), _float(_txt(loc, "lon"))
            if lat is None or lon is None:
                report.without_coords += 1
                continue
            phrase = loc.findtext("name") or ""
            add_gold(art, report, max_shift, start=int(_txt(loc, "start")),
                     end=int(_txt(loc, "end")), phrase=phrase, lat=lat, lon=lon,
                     geonameid=None, name=_wiki_title(_txt(loc, "page")) or phrase, kind="-")
        articles.append(art)
    report.articles = len(articles)
    return articles, report


# -- published numbers (copied from each dataset's README.md) ----------------------------------
@dataclass(frozen=True)
class Published:
    """A published score, as printed in the dataset's README ("—" where not given)."""

    system: str
    mode: str
    source: str
    acc161: str = "—"
    auc: str = "—"
    mean_km: str = "—"
    median_km: str = "—"
    exact_id: str = "—"
    n: str = "—"
    coverage: str = "—"


G18, G17 = "Gritta et al. 2018, Table 1", "Gritta et al. 2017 (LRE)"
EUPEG, M3 = "EUPEG, Wang & Hu 2019", "Mordecai 3 README"

LGL_PUBLISHED = [
    Published("CamCoder", E2E, G18, "0.76", "0.22", "~700"),
    Published("Edinburgh", E2E, G18, "0.76", "0.25"),
    Published("CLAVIN", E2E, G18, "0.71", "0.26"),
    Published("Yahoo", E2E, G18, "0.72", "0.34"),
    Published("GeoTxt", E2E, G18, "0.68", "0.29"),
    Published("Topocluster", E2E, G18, "0.63", "0.38"),
    Published("population baseline", E2E, G18, "0.70", "0.27"),
    Published("Edinburgh", E2E, G17, "0.760", "0.249", "755", "3.0"),
    Published("CLAVIN", E2E, G17, "0.706", "0.255", "1,279", "1.0"),
    Published("Edinburgh", E2E, EUPEG, "0.819", "0.172", "611", "0.005"),
    Published("CamCoder", E2E, EUPEG, "0.717", "0.248"),
    Published("CLAVIN", E2E, EUPEG, "0.701", "0.262"),
    Published("Mordecai 3 (held-out)", RES, M3, "0.827", "—", "304", "0", "0.794", "967"),
]
TRNEWS_PUBLISHED = [
    Published("Edinburgh", E2E, EUPEG, "0.85", "0.127", "770"),
    Published("CLAVIN", E2E, EUPEG, "0.829", "0.149"),
    Published("CamCoder", E2E, EUPEG, "0.824", "0.161"),
    Published("GeoTxt", E2E, EUPEG, "0.801"),
    Published("Mordecai 3 (held-out)", RES, M3, "0.873", "—", "295", "—", "0.843", "274"),
]
GWN_PUBLISHED = [
    Published("CLAVIN", E2E, EUPEG, "0.937", "0.06", "211", coverage="0.39 (recall)"),
    Published("Edinburgh", E2E, EUPEG, "0.921", "0.071", "347"),
    Published("GeoTxt", E2E, EUPEG, "0.903"),
    Published("CamCoder", E2E, EUPEG, "0.839", "0.15"),
    Published("Mordecai 3 (held-out)", RES, M3, "0.941", "—", "249", "—", "0.901", "474"),
    Published('Mordecai 3 ("GWN complete")', RES, M3, "0.957", "—", "—", "—", "0.920",
              "1,564"),
]
GEOVIRUS_PUBLISHED = [
    Published("CamCoder", E2E, G18, "0.82", "0.31", "~300"),
    Published("Edinburgh", E2E, G18, "0.78", "0.33"),
    Published("CLAVIN", E2E, G18, "0.79", "0.32"),
    Published("population baseline", E2E, G18, "0.80", "0.32"),
    Published("Edinburgh", E2E, EUPEG, "0.807", "0.319", "436"),
    Published("GeoTxt", E2E, EUPEG, "0.787"),
    Published("CLAVIN", E2E, EUPEG, "0.786"),
    Published("CamCoder", E2E, EUPEG, "0.770"),
]

Loader = Callable[[Path, int, int], tuple[list[Article], LoadReport]]


@dataclass(frozen=True)
class Dataset:
    """A benchmark: where its file is, how to read it and what others scored on it."""

    key: str
    label: str
    relpath: str
    loader: Loader
    published: Sequence[Published]
    note: str = ""


DATASETS = {d.key: d for d in (
    Dataset("lgl", "LGL", "lgl/lgl.xml", load_lgl_format, LGL_PUBLISHED,
            "EUPEG's best recognition F1 on LGL: DBpedia Spotlight, 0.713."),
    Dataset("trnews", "TR-News", "tr-news/TR-News.xml", load_lgl_format, TRNEWS_PUBLISHED,
            "EUPEG's best recognition F1 on TR-News: StanfordNER, 0.803."),
    Dataset("gwn", "GeoWebNews", "geowebnews/GWN.xml", load_gwn, GWN_PUBLISHED,
            "EUPEG counts only recognised toponyms; CLAVIN's recall was 0.39. Best "
            "recognition F1: StanfordNER, 0.739. Mordecai's sets are subsets of GWN."),
    Dataset("geovirus", "GeoVirus", "geovirus/GeoVirus.xml", load_geovirus,
            GEOVIRUS_PUBLISHED, "No GeoNames ids in the gold data (Wikipedia pages only)."),
)}


# -- metrics -----------------------------------------------------------------------------------
def auc_log_error(errors_km: Sequence[float]) -> float | None:
    """Return the area under the curve of sorted log errors, in [0, 1]; lower is better.

    Definition of Gritta, Pilehvar, Limsopatham & Collier, "What's missing in geographical
    parsing?" (LRE 2017), also used in Gritta et al. ACL 2018 ("Which Melbourne?"), as their
    code computes it (milangritta/Geocoding-with-Map-Vector, ``preprocessing.print_stats``):
    the errors are sorted, scaled to ln(1 + km), integrated with the trapezoidal rule at
    unit spacing, and divided by (n - 1) * ln(20039), 20039 km being the largest possible
    error (half the Earth's circumference). 0 is perfect, 1 is every error maximal.
    """
    n = len(errors_km)
    if n < 2:
        return None
    scaled = sorted(math.log1p(e) for e in errors_km)
    area = sum(scaled) - (scaled[0] + scaled[-1]) / 2
    return area / ((n - 1) * math.log(MAX_ERROR_KM))


@dataclass
class Outcome:
    """What the system made of one gold toponym (``mention`` None: not found / unresolved)."""

    gold: GoldToponym
    mention: PlaceMention | None

    @property
    def error_km(self) -> float | None:
        """Return the distance from the gold point to the resolution, if any."""
        if self.mention is None or self.mention.place is None:
            return None
        p = self.mention.place
        return distance_km(self.gold.lat, self.gold.lon, p.lat, p.lon)

    @property
    def correct(self) -> bool:
        """Return True when resolved within 161 km of the gold point."""
        err = self.error_km
        return err is not None and err <= ACC_KM

    @property
    def same_id(self) -> bool:
        """Return True when resolved to the gold GeoNames id."""
        return (self.gold.geonameid is not None and self.mention is not None
                and self.mention.place is not None
                and self.mention.place.geonameid == self.gold.geonameid)

    @property
    def same_place(self) -> bool:
        """Return True for the gold id or, without one, a country/admin-1 of the gold name.

        Diagnostics only: the name test is too loose for cities (Norfolk, England or
        Virginia), so it is used only for areas, whose points are the usual suspects.
        """
        if self.gold.geonameid is not None:
            return self.same_id
        p = self.mention.place if self.mention is not None else None
        return (p is not None and p.kind in ("country", "admin1")
                and normalize(p.name) == normalize(self.gold.name))


@dataclass(frozen=True)
class Score:
    """One row of our results."""

    setup: str
    mode: str
    gold: int
    found: int  # e2e: recognised and resolved; resolution-only: resolved
    acc161: float | None
    exact_id: float | None
    exact_id_n: int
    mean_km: float | None
    median_km: float | None
    auc: float | None
    seconds: float


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def summarise(setup: str, mode: str, outcomes: Sequence[Outcome], seconds: float) -> Score:
    """Return the scores of one set-up and mode (see the module docstring for the bases)."""
    errors = [e for o in outcomes if (e := o.error_km) is not None]
    correct = sum(1 for o in outcomes if o.correct)
    with_id = [o for o in outcomes if o.gold.geonameid is not None]
    id_hits = sum(1 for o in with_id if o.same_id)
    acc_base = len(errors) if mode == E2E else len(outcomes)
    id_base = sum(1 for o in with_id if o.error_km is not None) if mode == E2E else len(with_id)
    return Score(setup, mode, len(outcomes), len(errors), _ratio(correct, acc_base),
                 _ratio(id_hits, id_base), id_base, statistics.fmean(errors) if errors else None,
                 statistics.median(errors) if errors else None, auc_log_error(errors), seconds)


# -- running wirewatch -------------------------------------------------------------------------
def _overlap(m: PlaceMention, g: GoldToponym) -> int:
    return min(m.end, g.end) - max(m.start, g.start)


def end_to_end(articles: Sequence[Article], docs: Sequence[Any], gaz: Gazetteer
               ) -> list[Outcome]:
    """Run ``places_in_text``; match each gold toponym to the resolved mention overlapping most."""
    out: list[Outcome] = []
    for art, doc in zip(articles, docs, strict=True):
        mentions = [m for m in places_in_text(art.doc_id, art.text, doc, gaz)
                    if m.place is not None]
        for g in art.gold:
            hits = [m for m in mentions if _overlap(m, g) > 0]
            out.append(Outcome(g, max(hits, key=lambda m: _overlap(m, g)) if hits else None))
    return out


def forced_span(view: TextView, g: GoldToponym, gaz: Gazetteer) -> Span:
    """Return a span for a gold toponym, built as ``pipeline.resolve_place`` builds its target."""
    span = Span(g.start, g.end, g.phrase, gaz.exact(g.phrase), "exact")
    if not span.hits:
        span.how = "none"
    add_evidence(span, view, gaz)
    span.evidence.add("pattern")
    words = normalize(g.phrase).split()
    if words and gaz.is_region_word(words[-1]):
        span.evidence.add("region")
    return span


def resolution_only(articles: Sequence[Article], docs: Sequence[Any], gaz: Gazetteer
                    ) -> list[Outcome]:
    """Resolve the gold spans of each article together, in text order."""
    out: list[Outcome] = []
    resolver = Resolver(gaz)
    for art, doc in zip(articles, docs, strict=True):
        if not art.gold:
            continue
        gold = sorted(art.gold, key=lambda g: (g.start, g.end))
        view = make_view(art.text, doc)
        spans = [forced_span(view, g, gaz) for g in gold]
        mentions = resolver.resolve(art.doc_id, view, spans)
        out.extend(Outcome(g, m) for g, m in zip(gold, mentions, strict=True))
    return out


def gazetteers(names: Iterable[str]) -> dict[str, Gazetteer]:
    """Return the requested set-ups: ``neutral`` (no theatre prior) and/or ``default``."""
    base = default_gazetteer()
    made = {"neutral": lambda: Gazetteer(base.path, theatre={}), "default": lambda: base}
    return {n: made[n]() for n in names}


# -- error analysis ----------------------------------------------------------------------------
def _our_name(o: Outcome) -> str:
    if o.mention is None or o.mention.place is None:
        return "(unresolved)"
    p = o.mention.place
    return f"{p.name} ({p.country}, {p.kind})"


def wrong_resolutions(outcomes: Iterable[Outcome], top: int
                      ) -> list[tuple[str, str, str, int]]:
    """Return the most frequent (gold name, text, our name, count) more than 161 km apart.

    Resolutions to the gold place are left out: see ``far_same_place``.
    """
    c = Counter((o.gold.name, o.gold.phrase, _our_name(o)) for o in outcomes
                if o.error_km is not None and not o.correct and not o.same_place)
    return [(g, phrase, ours, n) for (g, phrase, ours), n in c.most_common(top)]


def far_same_place(outcomes: Iterable[Outcome], top: int) -> list[tuple[str, int, float]]:
    """Return (gold name, count, median km) of right-place resolutions more than 161 km off.

    These are places whose wirewatch coordinates differ from the GeoNames point the gold
    data uses (countries and subdivisions get the mean of their cities' coordinates).
    """
    errors: dict[str, list[float]] = {}
    for o in outcomes:
        err = o.error_km
        if o.same_place and err is not None and err > ACC_KM:
            errors.setdefault(o.gold.name, []).append(err)
    ranked = sorted(errors.items(), key=lambda kv: -len(kv[1]))[:top]
    return [(name, len(errs), statistics.median(errs)) for name, errs in ranked]


def diagnostics(outcomes: Sequence[Outcome]) -> tuple[float, float, int]:
    """Return acc@161, acc@161 counting right-place resolutions as correct, and their count.

    Over the outcomes given (for end-to-end, pass the found ones only).
    """
    n = len(outcomes) or 1
    far = sum(1 for o in outcomes if o.same_place and not o.correct)
    return (sum(o.correct for o in outcomes) / n,
            sum(o.correct or o.same_place for o in outcomes) / n, far)


CALIBRATION_CONFIDENCE = 0.9  # issue 11: of the resolutions this sure, 97% must be right


def calibration(outcomes: Iterable[Outcome]) -> tuple[int, int]:
    """Return (right, resolved) over the resolutions with confidence >= 0.9."""
    sure = [o for o in outcomes if o.mention is not None and o.mention.place is not None
            and o.mention.place.confidence >= CALIBRATION_CONFIDENCE]
    return sum(o.correct for o in sure), len(sure)


def unresolved(outcomes: Iterable[Outcome], top: int) -> list[tuple[str, int]]:
    """Return the most frequent gold phrases left unresolved."""
    return Counter(o.gold.phrase for o in outcomes if o.error_km is None).most_common(top)


def by_kind(outcomes: Sequence[Outcome], top: int
            ) -> list[tuple[str, int, float, float | None, float]]:
    """Return (kind, n, acc@161, exact id, unresolved share) for the most frequent kinds."""
    rows = []
    for kind, n in Counter(o.gold.kind for o in outcomes).most_common(top):
        group = [o for o in outcomes if o.gold.kind == kind]
        with_id = [o for o in group if o.gold.geonameid is not None]
        rows.append((kind, n, sum(o.correct for o in group) / n,
                     _ratio(sum(o.same_id for o in with_id), len(with_id)),
                     sum(o.error_km is None for o in group) / n))
    return rows


# -- report ------------------------------------------------------------------------------------
def _f(x: float | None, digits: int = 3) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def _km(x: float | None) -> str:
    return "—" if x is None else f"{x:,.0f}" if x >= 10 else f"{x:.1f}"


HEADER = ("| system | mode | N | coverage | acc@161 | exact id | mean km | median km | AUC "
          "| source |\n|---|---|---|---|---|---|---|---|---|---|")


def score_row(s: Score) -> str:
    """Return the Markdown table row of one of our scores."""
    ident = f"{_f(s.exact_id)} (n={s.exact_id_n:,})" if s.exact_id is not None else "—"
    return (f"| **wirewatch, {s.setup}** | {s.mode} | {s.gold:,} | {_f(_ratio(s.found, s.gold))} "
            f"({s.found:,}) | **{_f(s.acc161)}** | {ident} | {_km(s.mean_km)} | "
            f"{_km(s.median_km)} | {_f(s.auc)} | this script ({s.seconds:.0f} s) |")


WRONG_HEADER = "| gold place | text | wirewatch | count |\n|---|---|---|---|"


def wrong_row(w: tuple[str, str, str, int]) -> str:
    """Return the Markdown table row of one frequent wrong resolution."""
    gold, phrase, ours, n = w
    return f"| {gold} | {phrase} | {ours} | {n} |"


def published_row(p: Published) -> str:
    """Return the Markdown table row of a published score."""
    return (f"| {p.system} | {p.mode} | {p.n} | {p.coverage} | {p.acc161} | {p.exact_id} | "
            f"{p.mean_km} | {p.median_km} | {p.auc} | {p.source} |")


@dataclass
class DatasetResult:
    """Everything measured on one dataset."""

    dataset: Dataset
    report: LoadReport
    parse_seconds: float
    scores: list[Score] = field(default_factory=list)
    outcomes: dict[tuple[str, str], list[Outcome]] = field(default_factory=dict)


def primary(r: DatasetResult, mode: str) -> list[Outcome]:
    """Return the outcomes of the primary set-up (neutral when run) for a mode."""
    for setup in ("neutral", "default"):
        if (setup, mode) in r.outcomes:
            return r.outcomes[(setup, mode)]
    return []


def _shifts(rep: LoadReport) -> str:
    if not rep.shifts:
        return ""
    return " by " + ", ".join(f"{d:+d} ({n:,})" for d, n in sorted(rep.shifts.items()))


def dataset_section(r: DatasetResult, top: int) -> list[str]:
    """Return the Markdown lines of one dataset's results."""
    d, rep = r.dataset, r.report
    lines = [
        f"## {d.label} (`{d.relpath}`)", "",
        f"{rep.articles:,} articles; {rep.annotated:,} annotated spans, "
        f"{rep.without_coords:,} without coordinates; {rep.used:,} gold toponyms scored "
        f"({rep.realigned:,} offsets realigned{_shifts(rep)}, {rep.skipped:,} skipped as "
        f"offset mismatches). spaCy parse: {r.parse_seconds:.0f} s.", "", HEADER,
    ]
    lines += [score_row(s) for s in r.scores]
    lines += [published_row(p) for p in d.published]
    lines += ["", d.note, ""]
    res = primary(r, RES)
    if res:
        lines += diagnostics_lines(r)
        lines += ["Resolution-only (primary set-up) by gold kind:", "",
                  "| kind | n | acc@161 | exact id | unresolved |", "|---|---|---|---|---|"]
        lines += [f"| {k} | {n:,} | {_f(a)} | {_f(i)} | {_f(u)} |"
                  for k, n, a, i, u in by_kind(res, 10)]
        lines += ["", f"Most frequent wrong resolutions (> {ACC_KM:.0f} km and not the right "
                  "place; resolution-only, primary set-up):", "",
                  WRONG_HEADER]
        lines += [wrong_row(w) for w in wrong_resolutions(res, top)]
        far = far_same_place(res, top)
        if far:
            lines += ["", "Right place but > 161 km from the gold point (wirewatch's "
                      "coordinates for the place differ): "
                      + ", ".join(f"{g} ({n}, median {_km(km)} km)" for g, n, km in far)]
        lines += ["", "Most frequent unresolved gold phrases (resolution-only): "
                  + ", ".join(f"{p} ({n})" for p, n in unresolved(res, top)), ""]
    return lines


def diagnostics_lines(r: DatasetResult) -> list[str]:
    """Return a table of acc@161 with and without credit for a right GeoNames id."""
    lines = ["How much of the distance error is coordinates rather than choice: acc@161 "
             "if a resolution to the right place counted as correct whatever its coordinates "
             "(right place: the gold GeoNames id; for gold toponyms without one, a country or "
             "admin-1 of the gold name). Calibration: of the resolutions made with confidence "
             "0.9 or more, the share within 161 km of the gold point (issue 11 asks 0.97).",
             "",
             "| set-up | mode | acc@161 | acc@161, right place counts | right place but "
             "> 161 km | calibration: right among confidence >= 0.9 |",
             "|---|---|---|---|---|---|"]
    for (setup, mode), outcomes in r.outcomes.items():
        base = [o for o in outcomes if o.error_km is not None] if mode == E2E else outcomes
        acc, acc_id, far = diagnostics(base)
        right, sure = calibration(outcomes)
        lines.append(f"| {setup} | {mode} | {_f(acc)} | {_f(acc_id)} | {far:,} | "
                     f"{_f(_ratio(right, sure))} ({right:,}/{sure:,}) |")
    return [*lines, ""]


def library_snapshot() -> str:
    """Return a short hash of the place code and data, to tell which version was scored."""
    h = hashlib.sha256()
    root = Path(sys.modules[Resolver.__module__].__file__ or "").parents[1]
    for f in sorted([*root.glob("places/*.py"), *root.glob("data/places.yaml")]):
        h.update(f.name.encode() + f.read_bytes())
    return h.hexdigest()[:12]


def render(results: Sequence[DatasetResult], args: argparse.Namespace, wall: float,
           top: int) -> str:
    """Return the whole Markdown report."""
    lines = [
        "# wirewatch on public geoparsing benchmarks", "",
        f"Generated {date.today().isoformat()} by `eval/geoparsing.py` with "
        f"`--datasets {','.join(args.datasets)} --limit {args.limit or 0} "
        f"--theatres {','.join(args.theatres)} --max-shift {args.max_shift}`; "
        f"wall time {wall:.0f} s. Library snapshot: places code + data "
        f"`{library_snapshot()}`, gazetteer `{default_gazetteer().path.name}`.", "",
        "Columns: **coverage** is, end-to-end, the share of gold toponyms that wirewatch "
        "recognised *and* resolved (an overlapping resolved mention), and, resolution-only, "
        "the share it resolved at all. **End-to-end** acc@161, exact id, mean/median km and "
        "AUC are over the recognised-and-resolved toponyms only, as the published end-to-end "
        "numbers are, so a low coverage flatters them. **Resolution-only** acc@161 and exact "
        "id count every gold toponym (unresolved = wrong); its mean/median km and AUC are "
        "over the resolved ones. AUC: area under the sorted ln(1+km) error curve over "
        "ln(20039), Gritta et al. 2017; lower is better. End-to-end and resolution-only "
        "numbers are not comparable; published rows are copied from the datasets' README "
        "files, and Mordecai 3's are on held-out subsets.", "",
        "Set-ups: *neutral* = shipped gazetteer with the Ukraine/Russia theatre prior "
        "removed (primary); *default* = shipped gazetteer as is.", "",
    ]
    for r in results:
        lines += dataset_section(r, top)
    everything = [o for r in results for o in primary(r, RES)]
    if len(results) > 1 and everything:
        lines += ["## All datasets: most frequent wrong resolutions (resolution-only)", "",
                  WRONG_HEADER]
        lines += [wrong_row(w) for w in wrong_resolutions(everything, top)]
        lines.append("")
    return "\n".join(lines)


# -- main --------------------------------------------------------------------------------------
def run_dataset(d: Dataset, args: argparse.Namespace, nlp: Any,
                gazs: dict[str, Gazetteer]) -> DatasetResult:
    """Load, parse and score one dataset under every set-up and both modes."""
    articles, report = d.loader(args.data / d.relpath, args.max_shift, args.limit)
    t0 = time.perf_counter()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
    result = DatasetResult(d, report, time.perf_counter() - t0)
    for setup, gaz in gazs.items():
        for mode, run in ((E2E, end_to_end), (RES, resolution_only)):
            t0 = time.perf_counter()
            outcomes = run(articles, docs, gaz)
            seconds = time.perf_counter() - t0
            result.outcomes[(setup, mode)] = outcomes
            result.scores.append(summarise(setup, mode, outcomes, seconds))
            print(f"  {d.label} {setup} {mode}: {seconds:.1f} s", file=sys.stderr)
    return result


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Return the command-line options."""
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA,
                    help="folder holding lgl/, tr-news/, geowebnews/ and geovirus/")
    ap.add_argument("--datasets", type=_csv(DATASETS), default=list(DATASETS),
                    help="comma-separated: " + ",".join(DATASETS))
    ap.add_argument("--limit", type=int, default=0, help="articles per dataset (0: all)")
    ap.add_argument("--theatres", type=_csv({"neutral": 0, "default": 0}),
                    default=["neutral", "default"], help="neutral,default (neutral first)")
    ap.add_argument("--max-shift", type=int, default=8,
                    help="realign gold offsets by up to this many characters (0: strict)")
    ap.add_argument("--top", type=int, default=10, help="length of the error listings")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT,
                    help="Markdown file to write ('-': print only)")
    return ap.parse_args(argv)


def _csv(allowed: Iterable[str]) -> Callable[[str], list[str]]:
    names = list(allowed)

    def parse(value: str) -> list[str]:
        got = [v.strip() for v in value.split(",") if v.strip()]
        bad = [v for v in got if v not in names]
        if bad or not got:
            raise argparse.ArgumentTypeError(f"choose from {','.join(names)}")
        return got

    return parse


def main(argv: Sequence[str] | None = None) -> int:
    """Score the requested datasets, print the report and write it to ``--out``."""
    args = parse_args(argv)
    t0 = time.perf_counter()
    nlp = get_nlp()
    gazs = gazetteers(args.theatres)
    results = []
    for key in args.datasets:
        print(f"{DATASETS[key].label}...", file=sys.stderr)
        results.append(run_dataset(DATASETS[key], args, nlp, gazs))
    wall = time.perf_counter() - t0
    text = render(results, args, wall, args.top)
    print(text)
    if str(args.out) != "-":
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        print(f"written to {args.out}", file=sys.stderr)
    print(f"wall time: {wall:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
