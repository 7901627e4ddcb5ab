"""Poll RSS/Atom feeds and pages for new articles (``wirewatch watch``; docs/watch.md).

Each source is fetched with a conditional request (``If-None-Match`` /
``If-Modified-Since`` from its last answer; a 304 fetches nothing). A feed's new items
(links not seen before from that source) have their pages fetched and read through
trafilatura, as ``wirewatch ingest`` reads a URL; an item whose page cannot be fetched
falls back to the feed's content or summary. A plain page is one article. New articles
go through the one write path (:func:`wirewatch.store.ingest.ingest_documents`), whose
content hash skips what is stored already. A source that fails is polled again later and
later (doubling, capped), and at its ordinary pace after a success.

The clock and the fetcher are arguments, so that a test needs neither sleeping nor the
network: :func:`poll_once` polls the sources that are due at ``now`` and returns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Protocol

from wirewatch.document import Document, ReadError
from wirewatch.ingest.fetch import (
    Fetched,
    FetchFailed,
    conditional_fetch,
    fetch_url,
    page_document,
)
from wirewatch.store.ingest import Extractor, ingest_documents
from wirewatch.store.store import Store

SEEN_CAP = 5000  # item links remembered per source (a feed lists its last few dozen)
FEED_TYPES = ("xml", "rss", "atom")


@dataclass
class Source:
    """A watched feed or page and what is known of it (saved in ``watch_sources``)."""

    url: str
    kind: str | None = None  # feed or page, once fetched
    etag: str | None = None
    last_modified: str | None = None
    last_success: datetime | None = None
    last_error_at: datetime | None = None
    last_error: str | None = None
    failures: int = 0  # errors in a row
    next_poll: datetime | None = None  # None: now
    items_seen: int = 0
    stored: int = 0
    seen: list[str] = field(default_factory=list)  # item links fetched, newest last

    def due(self, now: datetime) -> bool:
        """Whether the source is to be polled at ``now``."""
        return self.next_poll is None or self.next_poll <= now

    def to_state(self) -> dict[str, Any]:
        """The state as the store saves it."""
        return {"url": self.url, "kind": self.kind, "etag": self.etag,
                "last_modified": self.last_modified, "last_success": self.last_success,
                "last_error_at": self.last_error_at, "last_error": self.last_error,
                "failures": self.failures, "next_poll": self.next_poll,
                "items_seen": self.items_seen, "stored": self.stored,
                "seen": self.seen[-SEEN_CAP:]}


def load_sources(store: Store, urls: Iterable[str]) -> list[Source]:
    """The sources of these URLs, with the state the store keeps of them (new ones
    start due now). A URL given twice is watched once."""
    wanted = list(dict.fromkeys(urls))
    states = store.watch_states(wanted)
    return [Source(**states[u]) if u in states else Source(u) for u in wanted]


@dataclass(frozen=True)
class Schedule:
    """How often a source is polled: ``every`` after a success; after the n-th error in a
    row, ``every`` times 2**n, at most ``max_backoff`` (never less than ``every``)."""

    every: timedelta = timedelta(minutes=10)
    max_backoff: timedelta = timedelta(hours=6)

    def after_error(self, now: datetime, failures: int) -> datetime:
        """When a source that has just failed ``failures`` times in a row is polled next."""
        cap = max(self.max_backoff, self.every)
        delay: timedelta = min(self.every * 2 ** min(failures, 20), cap)
        return now + delay


class Fetcher(Protocol):
    """What polling fetches through (a test passes its own)."""

    def fetch(self, url: str, etag: str | None, last_modified: str | None) -> Fetched:
        """The conditional GET of a source; raises FetchFailed with a one-line reason."""
        ...

    def page(self, url: str) -> Document | ReadError:
        """The article of an item's page, or why it could not be read."""
        ...


@dataclass(frozen=True)
class HttpFetcher:
    """The fetcher over HTTP with ingest's guards: public addresses only unless
    ``allow_private``, ``timeout`` seconds for a whole fetch, pages of ``max_bytes``."""

    timeout: float = 20.0
    max_bytes: int = 5_000_000
    allow_private: bool = False

    def fetch(self, url: str, etag: str | None, last_modified: str | None) -> Fetched:
        """The conditional GET of a source (see :func:`conditional_fetch`)."""
        return conditional_fetch(url, etag, last_modified, self.timeout, self.max_bytes,
                                 self.allow_private)

    def page(self, url: str) -> Document | ReadError:
        """The article of one page (see :func:`wirewatch.ingest.fetch.fetch_url`)."""
        for item in fetch_url(url, self.timeout, self.max_bytes, self.allow_private):
            return item
        return ReadError(url, "nothing fetched")


@dataclass
class PollReport:
    """What one poll of one source did: ``outcome`` is new (answered 200), not modified
    (304) or error; ``items`` the new items read, ``stored`` the articles stored."""

    url: str
    outcome: str
    items: int = 0
    stored: int = 0
    error: str | None = None
    item_errors: list[ReadError] = field(default_factory=list)


def is_feed(fetched: Fetched) -> bool:
    """Whether an answer is an RSS/Atom feed (by its type, or its first bytes)."""
    if any(t in fetched.content_type for t in FEED_TYPES):
        return True
    head = fetched.body.lstrip()[:300].lower()
    return head.startswith((b"<rss", b"<feed")) or (
        head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head))


def feed_items(url: str, raw: bytes) -> list[tuple[str, Document | ReadError]]:
    """Each entry of a feed as (its link, or its id without one; the entry's own article
    from its content or summary, or why it has none), in the feed's order. Raises
    FetchFailed for a body that is no feed."""
    import feedparser

    from wirewatch.ingest.readers import read_feed

    try:
        parsed = feedparser.parse(raw)
    except (UnicodeError, ValueError) as exc:
        raise FetchFailed(f"not a readable RSS/Atom feed ({type(exc).__name__})") from None
    if not parsed.entries:
        if parsed.get("version"):
            return []
        raise FetchFailed("not an RSS/Atom feed")
    own = list(read_feed(raw, url, url))
    if len(own) != len(parsed.entries):  # never expected: one item per entry
        own = [ReadError(url, "entry not read")] * len(parsed.entries)
    keys = [str(e.get("link") or e.get("id") or f"{url}#entry{n}")
            for n, e in enumerate(parsed.entries, 1)]
    return list(zip(keys, own, strict=True))


def _item_document(link: str, own: Document | ReadError, fetcher: Fetcher
                   ) -> Document | ReadError:
    """An item's article: its page read through trafilatura with the feed's title, date,
    outlet and author where the page lacks them; else the feed's own text."""
    page = fetcher.page(link) if link.startswith(("http://", "https://")) else own
    if isinstance(page, ReadError) or not isinstance(own, Document):
        return own if isinstance(own, Document) else page
    if page is own:
        return own
    return replace(page, title=own.title or page.title,
                   published=page.published or own.published,
                   outlet=page.outlet or own.outlet, author=page.author or own.author)


def _new_documents(source: Source, fetched: Fetched, fetcher: Fetcher,
                   report: PollReport) -> Iterable[Document]:
    """The articles of a 200 answer not read before: a feed's new items, or the page.
    A feed's items are fetched as they are asked for (:func:`_feed_documents`)."""
    if not is_feed(fetched):
        source.kind = "page"
        doc = page_document(source.url, fetched)
        if isinstance(doc, ReadError):
            raise FetchFailed(doc.reason)
        report.items = 1
        return [doc]
    source.kind = "feed"
    return _feed_documents(source, feed_items(source.url, fetched.body), fetcher, report)


def _feed_documents(source: Source, items: list[tuple[str, Document | ReadError]],
                    fetcher: Fetcher, report: PollReport) -> Iterator[Document]:
    """Yield a feed's new items, each page fetched when the extraction asks for it: the
    articles in memory are those of the batches in flight, however long the feed."""
    seen = set(source.seen)
    for key, own in items:
        if key in seen:
            continue
        item = _item_document(key, own, fetcher)
        if isinstance(item, ReadError):
            report.item_errors.append(item)
            continue
        seen.add(key)
        source.seen.append(key)
        source.items_seen += 1
        report.items += 1
        yield item


def _fail(source: Source, report: PollReport, reason: str, now: datetime,
          schedule: Schedule) -> None:
    """Record an error of the source and put its next poll off."""
    source.failures += 1
    source.last_error = " ".join(reason.split())[:500]
    source.last_error_at = now
    source.next_poll = schedule.after_error(now, source.failures)
    report.outcome, report.error = "error", source.last_error


def poll_source(source: Source, store: Store, fetcher: Fetcher, now: datetime, *,
                extractor: Extractor, schedule: Schedule = Schedule(), batch_size: int = 32,
                lang: str | None = None, workers: int = 1) -> PollReport:
    """Poll one source, store its new articles and save its state; return the report.

    A source that cannot be fetched (or read) is put off (see :class:`Schedule`); an item
    whose page and feed text both fail is reported and tried again next poll.
    ``workers``: processes that extract, as ``ingest``'s (:mod:`wirewatch.workers`:
    forked when the new articles fill more than one batch, at most two batches per
    worker in flight, ended when the source is done)."""
    report = PollReport(source.url, "new")
    try:
        fetched = fetcher.fetch(source.url, source.etag, source.last_modified)
        if fetched.status == 304:
            report.outcome = "not modified"
            docs: Iterable[Document] = []
        else:
            docs = _new_documents(source, fetched, fetcher, report)
        source.etag, source.last_modified = fetched.etag, fetched.last_modified
    except FetchFailed as exc:
        _fail(source, report, str(exc) or "fetch failed", now, schedule)
    else:
        if fetched.status != 304:
            summary = ingest_documents(docs, store, batch_size=batch_size,
                                       extractor=extractor, lang=lang, workers=workers)
            report.stored = summary.stored
            source.stored += summary.stored
        source.failures, source.last_success = 0, now
        source.next_poll = now + schedule.every
    store.save_watch_state(source.to_state())
    return report


def poll_once(sources: Sequence[Source], store: Store, fetcher: Fetcher, now: datetime, *,
              extractor: Extractor, schedule: Schedule = Schedule(), batch_size: int = 32,
              lang: str | None = None, stop: Callable[[], bool] = lambda: False,
              on_report: Callable[[PollReport], None] | None = None,
              workers: int = 1) -> list[PollReport]:
    """Poll the sources due at ``now`` one after another (each saved as it is done) and
    return their reports; ``stop`` is asked before each source (a stop request lets the
    source being polled finish)."""
    reports = []
    for source in sources:
        if stop():
            break
        if not source.due(now):
            continue
        report = poll_source(source, store, fetcher, now, extractor=extractor,
                             schedule=schedule, batch_size=batch_size, lang=lang,
                             workers=workers)
        reports.append(report)
        if on_report is not None:
            on_report(report)
    return reports


def next_due(sources: Sequence[Source], now: datetime) -> datetime:
    """When the next source is due (``now`` when one is due already)."""
    return min((s.next_poll or now for s in sources), default=now)
