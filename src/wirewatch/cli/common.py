"""What the commands share: option decorators, the group's configuration and the
resources it names, reading input files."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from wirewatch.document import Document, ReadError
from wirewatch.ingest.readers import parse_date, read_paths


def parse_date_option(value: str | None) -> date | None:
    if value is None:
        return None
    d = parse_date(value)
    if d is None:
        raise click.BadParameter(f"'{value}' is not a date in YYYY-MM-DD form")
    return d


# ---------------------------------------------------------------- shared options
# (decorators, in the style of sqlite-utils, so a repeated option reads the same everywhere)

F = TypeVar("F", bound=Callable[..., Any])


def db_option(f: F) -> F:
    """The ``--db`` option: the store to use."""
    return click.option("--db", envvar="WIREWATCH_DB", default=None,
                        help="Store: SQLite path or postgresql:// URL (env WIREWATCH_DB) "
                             "[default: wirewatch.db].")(f)


def format_option(*choices: str) -> Callable[[F], F]:
    """The ``--format`` option (value in ``fmt``) with these choices, the first the default."""
    return click.option("--format", "fmt", type=click.Choice(list(choices)),
                        default=choices[0], show_default=True, help="Output format.")


def batch_size_option(f: F) -> F:
    """The ``--batch-size`` option: documents per committed batch."""
    return click.option("--batch-size", default=32, show_default=True,
                        type=click.IntRange(1, 10000),
                        help="Documents per committed batch.")(f)


def fetch_options(f: F) -> F:
    """The options of fetching URLs (``ingest``, ``watch``): the whole-fetch timeout, the
    size limit, and whether this machine and private networks may be fetched."""
    f = click.option("--allow-private-network", "allow_private", is_flag=True,
                     help="Also fetch URLs on this machine and private networks (refused "
                          "by default: loopback, 10/8, 192.168/16, 169.254/16, ...).")(f)
    f = click.option("--max-bytes", default=5_000_000, show_default=True,
                     help="Largest feed or page a fetch accepts.")(f)
    return click.option("--timeout", default=20.0, show_default=True,
                        help="Seconds one fetch may take in all.")(f)


def workers_option(f: F) -> F:
    """The ``--workers`` option: processes that extract (default: every core)."""
    from wirewatch.workers import default_workers

    return click.option("--workers", type=click.IntRange(1, 512), default=default_workers,
                        show_default="this machine's cores",
                        help="Processes that extract, each with its own model (1: this "
                             "process only). Output stays in input order.")(f)


def event_filter_options(f: F) -> F:
    """The filters of canonical events, as the API's event filters take them (``events``
    and its exports): type, place, admin-1, dates, sources, modality, conflicts, words,
    claimant, denier, outlet, review status, verification and confidence. Each lands in
    a keyword of :func:`wirewatch.store.query.event_filter`; ``review_status`` is None
    when not given (the command then leaves rejected events out, as the API does)."""
    # the statuses as wirewatch.store.query names them (not imported: the command line
    # starts without SQLAlchemy; event_filter checks the values, tests/test_cli.py the help)
    options = [
        click.option("--type", "types", help="Event types, comma-separated, e.g. strike or "
                                              "territory (a prefix: every territory.* type)."),
        click.option("--place", help="Place name (resolved like any place) or GeoNames id; a "
                                     "region also matches the events inside it."),
        click.option("--admin1", help="Admin-1 region, e.g. 'Donetsk Oblast': events inside "
                                      "it."),
        click.option("--since", callback=lambda _c, _p, v: parse_date_option(v),
                     help="Events dated on or after YYYY-MM-DD (undated events are left "
                          "out)."),
        click.option("--until", callback=lambda _c, _p, v: parse_date_option(v),
                     help="Events dated on or before YYYY-MM-DD (undated events are left "
                          "out)."),
        click.option("--min-sources", type=click.IntRange(min=1), default=None,
                     help="Only events with at least N independent sources."),
        click.option("--modality", "modalities", help="Modalities, comma-separated, e.g. "
                                                      "claimed,denied."),
        click.option("--conflict/--no-conflict", "has_conflict", default=None,
                     help="Only events with (or without) conflicting reports."),
        click.option("--words", help="Words that must each occur in an evidence sentence."),
        click.option("--claimant", help="Events claimed by this speaker (part of the name, "
                                        "any case; comma-separated alternatives). Deniers "
                                        "are not claimants: see --denied-by."),
        click.option("--denied-by", "denied_by", help="Events denied by this speaker (or, "
                                                      "for a denial naming none, this "
                                                      "outlet)."),
        click.option("--outlet", help="Events reported (claimed or denied) by this outlet."),
        click.option("--review-status", "review_status", metavar="STATUSES",
                     help="Review statuses, comma-separated: unreviewed, confirmed, corrected, "
                          "rejected; all: any. Default: every status but rejected."),
        click.option("--verification", metavar="STATUSES",
                     help="Verification statuses, comma-separated: unverified, corroborated, "
                          "confirmed, refuted; all: any (the default)."),
        click.option("--min-confidence", "min_confidence", type=click.FloatRange(0.0, 1.0),
                     default=None, help="Only events at least this sure (0..1; events "
                                        "stored without a confidence are left out)."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def published_option(f: F) -> F:
    """The ``--published`` option: the date of inputs that do not carry one."""
    return click.option("--published", callback=lambda _c, _p, v: parse_date_option(v),
                        help="Publication date (YYYY-MM-DD) for inputs that do not carry "
                             "one.")(f)


def lang_option(f: F) -> F:
    """The ``--lang`` option: the language of inputs that do not give one."""
    return click.option(
        "--lang", callback=lambda _c, _p, v: _lang_code(v),
        help="Language (ISO 639-1: en, ru, uk) of inputs that do not give one; "
             "default: detected per document.")(f)


def _lang_code(value: str | None) -> str | None:
    from wirewatch.ingest.language import normalise_code

    code = normalise_code(value)
    if value is not None and (code is None or not re.fullmatch(r"[a-z]{2,3}", code)):
        raise click.BadParameter(f"'{value}' is not a language code such as en, ru or uk")
    return code


class UnreadNotes:
    """The notes about documents in a language wirewatch cannot read: one line each on
    standard error, then a count by language."""

    def __init__(self, echo: Callable[[str], None] | None = None) -> None:
        self.echo = echo or (lambda line: click.echo(line, err=True))
        self.by_lang: dict[str, int] = {}
        self.read: dict[str, int] = {}  # documents by the language they were read in

    def note(self, doc: Document, reason: str | None) -> None:
        """Note one document, read (counted by language) or not (a note on stderr)."""
        lang = doc.lang or "?"
        if reason is None:
            self.read[lang] = self.read.get(lang, 0) + 1
            return
        self.by_lang[lang] = self.by_lang.get(lang, 0) + 1
        self.echo(f"wirewatch: note: {printable(doc.id)}: {reason}")

    def languages(self) -> str:
        """Return the documents read by language ("en 10, ru 2"), or "" for none."""
        return ", ".join(f"{k} {v}" for k, v in sorted(self.read.items()))

    def summary(self) -> None:
        """Print the count of unread documents by language (nothing if there were none)."""
        if self.by_lang:
            n = sum(self.by_lang.values())
            langs = ", ".join(f"{k} {v}" for k, v in sorted(self.by_lang.items()))
            self.echo(f"wirewatch: note: {n} document(s) in a language wirewatch cannot "
                      f"read ({langs}): no events extracted from them")


class Config:
    """The options of the ``wirewatch`` group; the resources are built once, when first used."""

    def __init__(self, codebook: Path | None, places_files: tuple[Path, ...]) -> None:
        self.codebook = codebook
        self.places_files = places_files
        self._resources: Any = None

    def resources(self) -> Any:
        """Return the codebook, gazetteer and pipeline these options name (exit 2 if unusable)."""
        if self._resources is None:
            from wirewatch.events.codebook import CodebookError
            from wirewatch.places.build import PlacesFileError
            from wirewatch.resources import Resources

            try:
                self._resources = Resources.load(self.codebook, self.places_files)
            except (CodebookError, PlacesFileError) as exc:
                click.echo(f"wirewatch: error: {exc}", err=True)
                sys.exit(2)
        return self._resources


def open_store(db: str | None, *, create: bool = False, fusion: Any = None) -> Any:
    """Open the store ``db`` for a command; on a store that cannot be opened print one line
    naming it and the reason and exit 2. Only commands that write pass ``create`` (a read
    command never leaves an empty store behind a mistyped path)."""
    from wirewatch.store import Store, StoreError

    try:
        return Store(db, create=create, fusion=fusion)
    except StoreError as exc:
        click.echo(f"wirewatch: error: store {printable(str(exc))}", err=True)
        sys.exit(2)


def env_paths(name: str) -> tuple[Path, ...]:
    value = os.environ.get(name, "")
    return tuple(Path(p) for p in value.split(os.pathsep) if p)


def resources_of(ctx: click.Context) -> Any:
    """The resources of the ``wirewatch`` group's options, built on first use."""
    config: Config = ctx.find_root().obj
    return config.resources()


def resources_for_extraction(ctx: click.Context, in_process: bool) -> Any:
    """The resources of the group's options, for a command that extracts. When it extracts
    in this process (``in_process``), the pipeline of the default language is built now and
    everything loaded is moved out of the garbage collector's reach
    (``collector.freeze_loaded``, decision 150): the command line is the host process, so
    it may; worker processes build their own pipelines and are left as they are."""
    resources = resources_of(ctx)
    if in_process:
        from wirewatch.collector import freeze_loaded

        resources.nlp_for(resources.settings.lang)  # built now, before the freeze
        freeze_loaded()
    return resources


def documents(files: tuple[Path, ...], published: date | None,
              errors: list[ReadError], lang: str | None = None) -> Iterator[Document]:
    """Yield the documents of ``files`` (``lang`` for those that do not give theirs); name
    each one that cannot be read on stderr."""
    for item in read_paths(files, published):
        if isinstance(item, ReadError):
            click.echo(f"wirewatch: error: {printable(str(item))}", err=True)
            errors.append(item)
        else:
            yield replace(item, lang=lang) if lang and not item.lang else item


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Return ``text`` with control characters shown as escapes: a file name with a newline
    or a terminal escape sequence cannot forge a line or clear the screen."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
