"""Response and request models of the HTTP API (pydantic).

The event models carry exactly the keys of the CLI's JSON (``wirewatch events --format
jsonl``, built by :func:`wirewatch.store.views.event_dicts`), so a record read from the
API and one exported by the CLI are the same object; field meanings follow docs/contract.md.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from wirewatch.document import storable_text

# One posted article's text: spaCy's own default limit, and minutes of extraction in one
# request; a longer text is read in parts by `wirewatch ingest`.
MAX_TEXT_CHARS = 1_000_000


class Model(BaseModel):
    """Base of the response models: unknown keys are refused, so a model and the JSON it
    documents cannot drift apart unnoticed."""

    model_config = ConfigDict(extra="forbid")


class Error(Model):
    """A 4xx or 5xx body: the reason, for a person to read."""

    detail: str = Field(description="Human-readable reason, naming the parameter at fault.")
    errors: list[dict[str, Any]] | None = Field(
        default=None, description="For 422: every validation error (location, message).")


# ------------------------------------------------------------------------------ places


class PlaceBrief(Model):
    """A canonical event's place: the gazetteer entry (docs/contract.md section 3)."""

    name: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None


class Place(PlaceBrief):
    """A place mention resolved to the gazetteer, with how its words were resolved."""

    surface: str | None = None
    confidence: float | None = None
    method: str | None = None
    explanation: str | None = None


class PlaceInfo(Model):
    """A place of the gazetteer and how many canonical events the store has there."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    admin1: str | None
    kind: str
    n_events: int = Field(description="Canonical events at this place.")
    n_events_inside: int | None = Field(
        description="For an admin-1 region: canonical events at places inside it.")


# ------------------------------------------------------------------------------ events


class CanonicalDate(Model):
    """The date of a canonical event: its best date and the window of days it spans."""

    value: str | None = Field(description="YYYY-MM-DD, YYYY-MM, YYYY or a range start/end.")
    precision: str
    window: list[date | None] = Field(description="[first day, last day] the date allows.")


class MentionDate(Model):
    """A mention's date as the codebook gives it."""

    value: str | None
    precision: str
    basis: str


class Count(Model):
    """A figure as the text gives it."""

    value: int | float | None
    approx: bool | None = None
    qualifier: str | None = None


class Evidence(Model):
    """The sentence carrying the claim; offsets in code points into the article's text."""

    text: str
    start: int
    end: int


class SourceGroup(Model):
    """Outlets that are not independent of one another, and what tied them."""

    outlets: list[str]
    ties: list[str]


class Mention(Model):
    """One claim in one article, fused into a canonical event."""

    mention: int = Field(description="Event mention id.")
    article_id: int = Field(description="Id of the article (GET /api/articles/{id}).")
    doc: str = Field(description="The document id the article was read with.")
    title: str | None
    outlet: str | None
    url: str | None
    published: date | None
    family: int | None = Field(description="Rewrite family of the article, if any.")
    type: str | None
    subtype: str | None
    actor: str | None
    actor_side: str | None
    weapon: str | None
    equipment: str | None
    claimant: str | None
    conduit: list[str]
    modality: str | None
    date: MentionDate | None
    count: Count | None
    extent: str | None
    place: Place | None
    evidence: Evidence | None
    confidence: float | None = Field(
        default=None, description="How sure the extractor is that this mention is a real "
        "event at the right place (0..1; calibrated, docs/evaluation.md); null for "
        "mentions stored before confidences were written.")


class ConflictMention(Model):
    """A mention on one side of a conflict."""

    mention: int
    doc: str
    outlet: str | None
    url: str | None
    published: date | None
    claimant: str | None
    modality: str | None
    evidence: Evidence | None


class ConflictSide(Model):
    """One value reports give, and the mentions giving it."""

    value: str
    mentions: list[ConflictMention]


class EventConflict(Model):
    """Mentions of one canonical event that disagree on a field."""

    kind: Literal["date", "count", "extent", "modality"]
    a: ConflictSide
    b: ConflictSide


class Report(Model):
    """An article an event rests on, and whether it carries a claim of it or a denial."""

    article: int
    outlet: str | None
    url: str | None
    title: str | None
    published: date | None
    role: Literal["claims", "denies"]


VerificationStatus = Literal["unverified", "corroborated", "confirmed", "refuted"]
ReviewStatus = Literal["unreviewed", "confirmed", "corrected", "rejected"]


class Verification(Model):
    """Whether the event happened, as far as wirewatch knows: kept apart from the
    modality (how reports put it) and the review status (whether it is an event)."""

    status: VerificationStatus = Field(description=(
        "`unverified`; `corroborated`: two or more independent sources (distinct rewrite "
        "families and claimants) claim it and no report denies it; `confirmed` or "
        "`refuted`: by an analyst, citing evidence."))
    by: str | None = Field(description="The analyst who confirmed or refuted it.")
    at: str | None = Field(description="When (ISO 8601, UTC).")
    evidence_url: str | None = Field(description="The evidence the analyst cited.")
    note: str | None
    machine: Literal["unverified", "corroborated"] = Field(
        description="What the reports alone give (in force unless an analyst decided).")


class Event(Model):
    """A canonical event: mentions of many articles fused into one claimed event."""

    id: int
    type: str
    subtype: str | None
    aggregate: bool
    place: PlaceBrief | None
    date: CanonicalDate
    modality: str
    count: int | None = Field(description="The lowest (most conservative) figure reported.")
    extent: str | None
    claimants: list[str] = Field(
        description="Who claims it: the speakers of the mentions that are not denials.")
    denied_by: list[str] = Field(
        description="Who denies it: the speakers of the denials (the outlet when a denial "
                    "names no speaker). Never mixed into `claimants`.")
    outlets: list[str]
    reports: list[Report] = Field(
        description="The articles it rests on: outlet, URL, date, and whether each claims "
                    "or denies it.")
    independent_sources: list[str] = Field(
        description="The first outlet of each group of independent sources.")
    n_independent_sources: int
    source_groups: list[SourceGroup]
    n_mentions: int
    n_articles: int
    has_conflict: bool
    conflicts: list[EventConflict]
    confidence: float | None = Field(
        default=None, description="How sure wirewatch is that the event is real and at the "
        "right place (0..1): its best mention's confidence, raised when independent "
        "sources agree (docs/store.md); null when no mention has one.")
    updated_at: str | None = Field(
        description="When the store last changed this event (ISO 8601, UTC).")
    review_status: ReviewStatus = Field(
        description="The analysts' verdict: `corrected` is confirmed with corrections; "
                    "`rejected`: not an event (docs/review.md).")
    reviewed_by: str | None = Field(description="Who last reviewed it.")
    reviewed_at: str | None = Field(description="When (ISO 8601, UTC).")
    review_note: str | None = Field(description="The note of the last review.")
    version: int = Field(description="Send it back with a change (`PATCH`, or `If-Match`): "
                                     "a change made against an older version gets 409.")
    machine: dict[str, Any] | None = Field(
        description="The machine's values of the fields an analyst corrected.")
    reviewed: dict[str, Any] | None = Field(
        description="The analyst's values of those fields (in force in the other keys).")
    verification: Verification


class FamilyRef(Model):
    """A rewrite family among an event's articles."""

    id: int
    size: int = Field(description="Articles in the whole family.")
    head: int = Field(description="Article id of the earliest-published member.")
    articles: list[int] = Field(description="Ids of this event's articles in the family.")
    version: int = Field(description="The family's version: analysts' decisions on it so "
                                     "far; a merge or split names it (409 when stale).")


class EventDetail(Event):
    """A canonical event with its mentions and the rewrite families among its articles."""

    mentions: list[Mention]
    family: list[FamilyRef]


class EventPage(Model):
    """One page of canonical events."""

    total: int = Field(description="Events matching the filters, over all pages.")
    limit: int
    offset: int
    items: list[Event]


# ------------------------------------------------------------------------------ map, timeline


class PointGeometry(Model):
    """A GeoJSON point."""

    type: Literal["Point"] = "Point"
    coordinates: tuple[float, float] = Field(description="[lon, lat]")


class MapProperties(Model):
    """What the map shows of an event."""

    kind: Literal["event"] = "event"
    id: int
    type: str
    date: CanonicalDate
    place: str | None
    modality: str = Field(description="The event's modality; `denied`: only denials "
                                      "support it, the map never draws it as a claim.")
    verification: VerificationStatus = Field(description="See the event's `verification`.")
    review_status: ReviewStatus
    n_independent_sources: int
    has_conflict: bool


class PlaceProperties(Model):
    """What the map shows of the events at one place (when grouped by place)."""

    kind: Literal["place"] = "place"
    geonameid: int
    place: str | None
    n: int = Field(description="Matching events at this place.")
    types: dict[str, int] = Field(description="Events at this place by type.")
    modalities: dict[str, int] = Field(description="Events at this place by modality.")
    verifications: dict[str, int] = Field(
        description="Events at this place by verification status.")
    n_independent_sources: int = Field(description="The most of any event here.")
    has_conflict: bool = Field(description="Whether any event here has conflicting reports.")
    first: date | None = Field(description="Day of the earliest event here.")
    last: date | None = Field(description="Day of the latest event here.")


class MapFeature(Model):
    """One canonical event, or the events at one place, as a GeoJSON feature."""

    type: Literal["Feature"] = "Feature"
    geometry: PointGeometry
    properties: MapProperties | PlaceProperties = Field(discriminator="kind")


class MapCollection(Model):
    """GeoJSON FeatureCollection of the matching events that have a place."""

    type: Literal["FeatureCollection"] = "FeatureCollection"
    grouped: Literal["events", "places"] = Field(
        description="`events`: one feature per event (newest first); `places`: one per "
                    "place, with its events counted by type.")
    features: list[MapFeature]
    total: int = Field(description="Events with a place matching the filters.")
    truncated: bool = Field(description="True when only the newest `limit` events are "
                                        "included (group=events only).")


class TimelineRow(Model):
    """Canonical events of one type counted on one day."""

    day: date
    type: str
    modality: str
    n: int


# ------------------------------------------------------------------------------ articles


class ArticleRef(Model):
    """An article's metadata."""

    id: int
    doc: str
    title: str | None
    outlet: str | None
    url: str | None
    published: date | None
    family: int | None
    lang: str | None  # the language the article was read in (ISO 639-1)


class ArticlePage(Model):
    """One page of articles."""

    total: int
    limit: int
    offset: int
    items: list[ArticleRef]


class PlaceSpan(Model):
    """A place mention of an article (``geonameid`` null when not resolved)."""

    start: int
    end: int
    surface: str
    name: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    confidence: float
    method: str | None
    explanation: str | None


class EventSpan(Model):
    """An event trigger of an article and the canonical event its mention fused into."""

    start: int
    end: int
    mention: int
    type: str
    subtype: str | None
    modality: str
    canonical_id: int | None
    evidence: Evidence


class Article(ArticleRef):
    """An article with its text (returned as stored, never escaped) and its spans."""

    author: str | None
    site_name: str | None
    irrelevant: bool = Field(description="An analyst marked it as reporting no event.")
    family_alone: bool = Field(description="An analyst split it out of its rewrite family "
                                           "(`POST /api/articles/{id}/rejoin` puts it back).")
    text: str
    places: list[PlaceSpan]
    events: list[EventSpan]


# ------------------------------------------------------------------------------ families


class FamilyMemberLink(Model):
    """Why a member was put in its family: a link to an earlier article."""

    to: int
    kind: str
    score: float
    reasons: list[str]


class FamilyMember(Model):
    """An article of a rewrite family."""

    article: int
    doc: str
    outlet: str | None
    title: str | None
    url: str | None
    published: date | None
    links: list[FamilyMemberLink]


class FamilyHead(Model):
    """The earliest-published member of a family."""

    article: int
    doc: str
    outlet: str | None
    title: str | None
    url: str | None
    published: date | None


class Family(Model):
    """A rewrite family (as ``wirewatch stories --format jsonl``)."""

    family: int
    size: int
    version: int = Field(description="Analysts' decisions on the family so far (merge, "
                                     "split, an article put back); a merge or split names "
                                     "it, and gets 409 when it is stale.")
    head: FamilyHead | None
    first_published: date | None
    last_published: date | None
    members: list[FamilyMember]


class FamilyPage(Model):
    """One page of rewrite families, largest first."""

    total: int
    limit: int
    offset: int
    items: list[Family]


# ------------------------------------------------------------------------------ writing


class ArticleIn(BaseModel):
    """An article to ingest."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description=(
        "Body text (plain text), at most 1,000,000 characters; NUL and other control "
        "characters but tab and line breaks are dropped or made spaces."))
    id: str | None = Field(default=None, max_length=300,
                           description="Document id; default: a hash of the text.")
    title: str | None = Field(default=None, max_length=1000)
    outlet: str | None = Field(default=None, max_length=300)
    url: str | None = Field(default=None, max_length=2000)
    author: str | None = Field(default=None, max_length=300)
    published: date | None = None

    @field_validator("text")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not storable_text(v).strip():
            raise ValueError("empty text (only white space)")
        return v


class IngestIn(BaseModel):
    """A batch of articles to ingest (extracted and fused in one transaction)."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=100)


class WriteResult(Model):
    """What a write did."""

    stored: int = Field(description="Articles stored (or re-extracted).")
    skipped: int = Field(description="Articles already stored (same normalised text).")
    article_ids: list[int]
    canonical_touched: int = Field(description="Canonical events created or updated.")


class Health(Model):
    """The server is up; what it serves."""

    status: Literal["ok"] = "ok"
    version: str
    writes: bool = Field(description="Whether write endpoints are enabled (a token is set).")
    counts: dict[str, int]


# ------------------------------------------------------------------------------ accounts


class Me(Model):
    """Who a bearer token names, and whether the server takes writes."""

    name: str | None
    role: Literal["reader", "analyst", "admin"] | None
    writes: bool


class AccountOut(Model):
    """An account (its token is never shown again)."""

    name: str
    role: Literal["reader", "analyst", "admin"]
    created_at: str
    disabled_at: str | None


class AccountIn(BaseModel):
    """A new account."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=100)
    role: Literal["reader", "analyst", "admin"]


class NewAccount(Model):
    """A new account and its token, shown this once."""

    name: str
    role: str
    token: str


# ------------------------------------------------------------------------------ review

ReviewField = Literal["type", "subtype", "place", "date", "count", "modality", "claimant",
                      "extent"]


class EventReviewIn(BaseModel):
    """An analyst's change to a canonical event: a verdict, corrected fields (each field
    given is the analyst's value; `null` where the analyst says there is none), fields
    given back to the machine, a note, and the version it was made against."""

    model_config = ConfigDict(extra="forbid")
    version: int | None = Field(default=None, ge=0, le=2**31, description=(
        "The event's `version` this change was made against (or an `If-Match` header); "
        "409 when the event changed meanwhile."))
    status: Literal["confirmed", "rejected", "unreviewed"] | None = Field(
        default=None, description="`confirmed`, `rejected` (not an event), or "
                                  "`unreviewed` (reopen it, dropping the corrections).")
    note: str | None = Field(default=None, max_length=2000)
    revert: list[ReviewField] = Field(default_factory=list, max_length=8, description=(
        "Fields given back to the machine's value."))
    type: str | None = Field(default=None, max_length=60)
    subtype: str | None = Field(default=None, max_length=40)
    geonameid: int | None = Field(default=None, ge=0, le=2**53, description=(
        "The place, as a GeoNames id of the gazetteer."))
    date: str | None = Field(default=None, max_length=40, description=(
        "YYYY, YYYY-MM, YYYY-MM-DD or a range A/B."))
    count: int | None = Field(default=None, ge=0, le=10**9)
    modality: Literal["asserted", "claimed", "reported", "planned", "denied", "hedged",
                      "contested"] | None = None
    claimant: str | None = Field(default=None, max_length=300)
    extent: Literal["full", "partial"] | None = None


class VerificationIn(BaseModel):
    """An analyst's verification of an event: confirmed or refuted, citing evidence; or
    `unverified` to withdraw it."""

    model_config = ConfigDict(extra="forbid")
    status: Literal["confirmed", "refuted", "unverified"]
    evidence_url: str | None = Field(default=None, max_length=2048, description=(
        "The evidence (http or https URL); required for confirmed and refuted."))
    note: str | None = Field(default=None, max_length=2000)
    version: int | None = Field(default=None, ge=0, le=2**31, description=(
        "The event's `version` (or an `If-Match` header); 409 when it changed."))


class MergeIn(BaseModel):
    """Merge another event into this one."""

    model_config = ConfigDict(extra="forbid")
    other: int = Field(ge=0, le=2**63 - 1, description="The event merged into this one.")
    version: int | None = Field(default=None, ge=0, le=2**31, description=(
        "This event's `version` (or an `If-Match` header); 409 when it changed."))
    other_version: int | None = Field(default=None, ge=0, le=2**31, description=(
        "The other event's `version`, if you want it checked too."))
    note: str | None = Field(default=None, max_length=2000)


class SplitIn(BaseModel):
    """Move mentions out of this event into a new one."""

    model_config = ConfigDict(extra="forbid")
    mentions: list[int] = Field(min_length=1, max_length=10_000, description=(
        "Ids of the mentions (`mentions[].mention`) to move out."))
    version: int | None = Field(default=None, ge=0, le=2**31, description=(
        "The event's `version` (or an `If-Match` header); 409 when it changed."))
    note: str | None = Field(default=None, max_length=2000)


class SplitOut(Model):
    """The event after a split, and the new event made of the mentions moved out."""

    event: EventDetail
    new_event: EventDetail


class FamilySplitOut(Model):
    """A rewrite family after an article was taken out (None: dissolved)."""

    family: Family | None
    article: int


class FamilyMergeIn(BaseModel):
    """Merge another rewrite family into this one."""

    model_config = ConfigDict(extra="forbid")
    other: int = Field(ge=0, le=2**63 - 1)
    version: int | None = Field(default=None, ge=0, le=2**31 - 1, description=(
        "This family's version the decision was made on (or an If-Match header)."))
    other_version: int | None = Field(default=None, ge=0, le=2**31 - 1, description=(
        "The other family's version (optional: checked when given)."))
    note: str | None = Field(default=None, max_length=2000)


class FamilySplitIn(BaseModel):
    """Take an article out of this rewrite family."""

    model_config = ConfigDict(extra="forbid")
    article: int = Field(ge=0, le=2**63 - 1)
    version: int | None = Field(default=None, ge=0, le=2**31 - 1, description=(
        "The family's version the decision was made on (or an If-Match header)."))
    note: str | None = Field(default=None, max_length=2000)


class RejoinIn(BaseModel):
    """Put an article split out of its rewrite family back (undo the split)."""

    model_config = ConfigDict(extra="forbid")
    version: int | None = Field(default=None, ge=0, le=2**31 - 1, description=(
        "The version of the family it goes back to, when known (checked when given)."))
    note: str | None = Field(default=None, max_length=2000)


class RejoinOut(Model):
    """The article put back and the family it is in again."""

    article: int
    family: Family


class Decision(Model):
    """One change in the audit trail: who, when, what, the values before and after."""

    id: int
    target: Literal["event", "article", "account", "family"]
    target_id: int
    action: str = Field(description="confirm, correct, reject, reopen, note; verify.confirm, "
                                    "verify.refute, verify.withdraw; merge, merged-into, "
                                    "split, split-from; followed, inherited, detached; "
                                    "irrelevant, relevant; family.merge, family.merged-into, "
                                    "family.split, family.rejoin; account.add, "
                                    "account.disable")
    actor: str
    at: str = Field(description="ISO 8601, UTC.")
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    note: str | None
    version: int | None = Field(description="The event's review version after it.")


class DecisionPage(Model):
    """One page of the audit trail, newest first."""

    total: int
    limit: int
    offset: int
    items: list[Decision]


class QueueEvent(Event):
    """An event in the review queue, with why it needs eyes."""

    attention: list[str] = Field(description="conflict, single source, low confidence "
                                             "(confidence below 0.7; for an event "
                                             "without one: no resolved place or date, or "
                                             "a hedged, denied or contested claim)")


class QueuePage(Model):
    """One page of the review queue, most in need of eyes first."""

    total: int
    limit: int
    offset: int
    items: list[QueueEvent]


class RelevanceIn(BaseModel):
    """Mark an article irrelevant (it reports no event) or relevant again."""

    model_config = ConfigDict(extra="forbid")
    irrelevant: bool
    note: str | None = Field(default=None, max_length=2000)


class WatchedSource(Model):
    """A feed or page ``wirewatch watch`` polls, with its status (times in UTC)."""

    url: str
    kind: Literal["feed", "page"] | None = Field(description="null until first fetched")
    status: Literal["ok", "failing", "new"]
    last_success: str | None
    last_error_at: str | None
    last_error: str | None = Field(description="the last error's one-line reason")
    failures: int = Field(description="errors in a row (0 after a success)")
    next_poll: str | None
    etag: str | None
    last_modified: str | None
    items_seen: int
    stored: int = Field(description="articles stored from it")


class WatchedSources(Model):
    """Every watched source, by URL."""

    total: int
    items: list[WatchedSource]
