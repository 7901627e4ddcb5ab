"""The ``watch`` command: poll feeds and pages until stopped (docs/watch.md)."""

from __future__ import annotations

import re
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from types import FrameType

import click

from wirewatch.cli.common import (
    batch_size_option,
    db_option,
    fetch_options,
    lang_option,
    open_store,
    printable,
    resources_of,
    workers_option,
)

DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(_ctx: click.Context | None, param: click.Parameter | None,
                   value: str) -> timedelta:
    """A duration such as ``90s``, ``10m``, ``2h`` or ``1d`` (a bare number: seconds)."""
    match = DURATION.match(value)
    if not match or float(match[1]) <= 0:
        raise click.BadParameter(f"'{value}' is not a duration such as 30s, 10m, 2h or 1d",
                                 param=param)
    return timedelta(seconds=float(match[1]) * UNITS[match[2]])


def utcnow() -> datetime:
    """The time now, in UTC without a zone (as the store keeps times)."""
    return datetime.now(UTC).replace(tzinfo=None)


class Stopper:
    """Set by SIGTERM or SIGINT: the loop finishes what it is doing and returns."""

    def __init__(self) -> None:
        self.stopped = False

    def __call__(self) -> bool:
        return self.stopped

    def stop(self, _signum: int, _frame: FrameType | None) -> None:
        """The signal handler."""
        self.stopped = True

    def sleep_until(self, when: datetime) -> None:
        """Sleep until ``when`` (UTC), or until a stop is asked (checked every second)."""
        while not self.stopped and (left := (when - utcnow()).total_seconds()) > 0:
            time.sleep(min(left, 1.0))


@contextmanager
def stop_on_signals(stopper: Stopper) -> Iterator[None]:
    """Route SIGTERM and SIGINT to ``stopper`` while the block runs."""
    before = {s: signal.signal(s, stopper.stop) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)


def _check_urls(urls: tuple[str, ...]) -> None:
    """Refuse (exit 2) anything that is not an http(s) URL."""
    from wirewatch.ingest.fetch import ALLOWED_SCHEMES, is_url

    for url in urls:
        if not is_url(url) or url.split("://", 1)[0].lower() not in ALLOWED_SCHEMES:
            raise click.BadParameter(f"'{url}' is not an http(s) URL", param_hint="FEED_OR_PAGE")


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="FEED_OR_PAGE...")
@click.option("--every", default="10m", show_default=True, callback=parse_duration,
              help="How often each source is polled (30s, 10m, 2h, 1d).")
@click.option("--max-backoff", default="6h", show_default=True, callback=parse_duration,
              help="Longest wait before polling again a source that keeps failing.")
@db_option
@click.option("--once", is_flag=True, help="Poll every source once, then exit (status 1 "
                                           "when one failed): for cron.")
@batch_size_option
@workers_option
@fetch_options
@click.option("--quiet", "-q", is_flag=True, help="Only errors on standard error.")
@lang_option
@click.pass_context
def watch(ctx: click.Context, sources: tuple[str, ...], every: timedelta,
          max_backoff: timedelta, db: str | None, once: bool, batch_size: int,
          workers: int, timeout: float, max_bytes: int, allow_private: bool, quiet: bool,
          lang: str | None) -> None:
    """Poll RSS/Atom feeds and pages, storing new articles, until SIGTERM or Ctrl-C.

    Conditional requests (ETag, Last-Modified): an unchanged feed costs one 304. A new
    item's page is fetched once and read like ``ingest`` reads a URL (the feed's text
    when the page cannot be fetched). A failing source is polled less and less often
    (doubling up to --max-backoff) and normally again after a success. Each source's
    status is kept in the store (GET /api/sources). A stop signal lets the source being
    polled finish; the exit status is then 0. --workers extract in forked processes,
    as for ingest, at most two batches per worker in memory; they finish their batches
    and end with the source (a stop signal does not cut them short).
    """
    from wirewatch.ingest.watch import (
        HttpFetcher,
        PollReport,
        Schedule,
        load_sources,
        next_due,
        poll_once,
    )
    from wirewatch.store.ingest import spacy_extractor

    _check_urls(sources)
    schedule = Schedule(every=every, max_backoff=max_backoff)
    fetcher = HttpFetcher(timeout=timeout, max_bytes=max_bytes, allow_private=allow_private)

    def report(r: PollReport) -> None:
        for e in r.item_errors:
            click.echo(f"wirewatch: error: {printable(str(e))}", err=True)
        if r.error:
            click.echo(f"wirewatch: error: {printable(r.url)}: {printable(r.error)}", err=True)
        elif not quiet:
            click.echo(f"{utcnow():%Y-%m-%d %H:%M:%S} {printable(r.url)}: {r.outcome}, "
                       f"{r.items} new item(s), {r.stored} stored", err=True)

    stopper = Stopper()
    failed = False
    with open_store(db, create=True) as store, stop_on_signals(stopper):
        watched = load_sources(store, sources)
        if once:
            for s in watched:
                s.next_poll = None
        extractor = spacy_extractor(resources_of(ctx))
        while not stopper():
            reports = poll_once(watched, store, fetcher, utcnow(), extractor=extractor,
                                schedule=schedule, batch_size=batch_size, lang=lang,
                                stop=stopper, on_report=report, workers=workers)
            failed = failed or any(r.error for r in reports)
            if once:
                break
            stopper.sleep_until(next_due(watched, utcnow()))
    if stopper() and not quiet:
        click.echo("wirewatch: stopped (every polled source is saved)", err=True)
    sys.exit(1 if once and failed else 0)
