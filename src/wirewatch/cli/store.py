"""The store commands: ``demo``, ``ingest``, ``events``, ``conflicts``, ``stories``."""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import click

from wirewatch.cli.common import (
    UnreadNotes,
    batch_size_option,
    db_option,
    event_filter_options,
    fetch_options,
    format_option,
    lang_option,
    open_store,
    printable,
    published_option,
    resources_for_extraction,
    resources_of,
    workers_option,
)


@click.command()
@click.option("--limit", default=10, show_default=True, help="Rows per table.")
@db_option
@click.pass_context
def demo(ctx: click.Context, limit: int, db: str | None) -> None:
    """Ingest the bundled sample corpus into the store and print a summary.

    Re-runnable: a second run finds every article stored and adds nothing.
    """

    from wirewatch.display import make_console, print_summary
    from wirewatch.sample import sample_dir, sample_files
    from wirewatch.store import ingest
    from wirewatch.store.db import display_url
    from wirewatch.store.ingest import spacy_extractor

    extractor = spacy_extractor(resources_of(ctx))
    console = make_console()
    with open_store(db, create=True) as store:
        console.print(f"[bold]wirewatch demo[/bold]: ingesting the sample corpus "
                      f"({sample_dir()}) into {display_url(store.url)}")
        t = time.perf_counter()
        # the corpus's articles only: its README.md describes the corpus, it reports nothing
        summary = ingest(sample_files(), store, extractor=extractor,
                         on_error=lambda e: click.echo(f"wirewatch: error: {printable(str(e))}",
                                                       err=True))
        console.print(f"read {summary.read}, stored {summary.stored}, skipped "
                      f"{summary.skipped} (already stored), failed {summary.failed} "
                      f"in {time.perf_counter() - t:.1f} s")
        print_summary(store, console, limit)
    sys.exit(1 if summary.failed else 0)


def _dask_address(_ctx: click.Context, _param: click.Parameter, value: str | None
                  ) -> str | None:
    if value is None:
        return None
    if value.startswith("local:") and value[6:].isdigit() and int(value[6:]) > 0:
        return value
    if "://" in value and value.split("://", 1)[0] in ("tcp", "tls", "inproc", "ws", "wss"):
        return value
    raise click.BadParameter("use local:N (N workers on this machine) or a scheduler's "
                             "address such as tcp://HOST:8786", param_hint="--dask")


@click.command()
@click.argument("sources", nargs=-1, required=True)
@db_option
@batch_size_option
@workers_option
@click.option("--dask", "dask", metavar="ADDRESS", default=None, callback=_dask_address,
              help="Extract on a Dask cluster: local:N starts N workers here; "
                   "tcp://HOST:8786 uses a running scheduler (see docs/scale.md).")
@published_option
@fetch_options
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no notes.")
@lang_option
@click.pass_context
def ingest(ctx: click.Context, sources: tuple[str, ...], db: str | None, batch_size: int,
           workers: int, dask: str | None, published: date | None, timeout: float,
           max_bytes: int, allow_private: bool, quiet: bool, lang: str | None) -> None:
    """Read files, folders (recursively) and http(s) URLs into the store.

    Formats: .txt, .html, JSON Lines and CSV (text/html + metadata columns), RSS/Atom
    feeds, WARC. Articles already stored are skipped; work is committed every
    --batch-size documents. A bad input is named on standard error with the reason;
    the rest is stored and the exit status is 1.
    """
    from wirewatch.display import progress_reporter
    from wirewatch.ingest.readers import count_documents
    from wirewatch.store import ingest as run_ingest
    from wirewatch.store.ingest import spacy_extractor

    total = count_documents(sources) if not quiet and sys.stderr.isatty() else None
    with open_store(db, create=True) as store, \
            progress_reporter(enabled=not quiet, total=total) as progress:
        unread = UnreadNotes(progress.error)
        extractor = spacy_extractor(resources_for_extraction(
            ctx, in_process=workers <= 1 and not dask))
        try:
            summary = run_ingest(
                list(sources), store, batch_size=batch_size, published=published,
                fetch_timeout=timeout, fetch_max_bytes=max_bytes, extractor=extractor,
                allow_private=allow_private, workers=workers, dask=dask, lang=lang,
                on_language=unread.note,
                on_error=lambda e: progress.error(f"wirewatch: error: {printable(str(e))}"),
                on_batch=progress.update)
        except OSError as exc:
            if not dask:
                raise
            why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            click.echo(f"wirewatch: error: --dask {dask}: cannot reach the scheduler "
                       f"({printable(why)})", err=True)
            sys.exit(2)
        unread.summary()
    if summary.ignored and not quiet:
        click.echo(f"wirewatch: note: {len(summary.ignored)} file(s) in folders passed over "
                   f"(not an article format), e.g. {summary.ignored[0]}", err=True)
    if set(unread.read) - {"en"}:
        click.echo(f"wirewatch: note: documents read by language: {unread.languages()}",
                   err=True)
    click.echo(f"read {summary.read}, stored {summary.stored}, skipped {summary.skipped}, "
               f"failed {summary.failed}")
    sys.exit(1 if summary.failed else 0)


def _event_filter(ctx: click.Context, query: dict[str, Any]) -> Any:
    """The filter of the ``events`` options, with the codebook and gazetteer in use (a
    one-line error and exit 2 for a filter that cannot be used)."""
    from wirewatch.store import QueryError, event_filter
    from wirewatch.store.query import VISIBLE

    resources = resources_of(ctx)
    if query.get("review_status") is None:  # as the API: rejected events left out
        query = {**query, "review_status": VISIBLE}
    try:
        return event_filter(resources.codebook, resources.gazetteer, **query)
    except QueryError as exc:
        click.echo(f"wirewatch: error: {exc}", err=True)
        sys.exit(2)


@click.command()
@db_option
@event_filter_options
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="At most N events (newest first).")
@format_option("table", "jsonl", "csv", "geojson", "parquet")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output (needed for parquet).")
@click.pass_context
def events(ctx: click.Context, /, db: str | None, limit: int | None, fmt: str,
           output: Path | None, **query: Any) -> None:
    """List canonical events: fused mentions with outlets, independent sources, conflicts."""

    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs --output FILE")
    f = _event_filter(ctx, query)
    with open_store(db) as store:
        rows = store.events(f, limit=limit)
    _write_events(rows, fmt, output)


def _write_events(rows: list[dict[str, Any]], fmt: str, output: Path | None) -> None:
    """Write canonical events in a format of ``wirewatch events`` to ``output`` or stdout."""
    from wirewatch.store import export as ex

    if fmt == "parquet":
        assert output is not None
        n = ex.write_parquet(rows, output)
        click.echo(f"wrote {n} events to {output}", err=True)
        return
    out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == "jsonl":
            ex.write_jsonl(rows, out)
        elif fmt == "csv":
            ex.write_csv(rows, out)
        elif fmt == "geojson":
            out.write(json.dumps(ex.geojson(rows), ensure_ascii=False) + "\n")
        else:
            from wirewatch.display import events_table, make_console

            make_console(out).print(events_table(rows))
    finally:
        if output:
            out.close()


@click.command()
@db_option
@click.option("--kind", type=click.Choice(["date", "count", "extent", "modality", "name"]),
              help="Only this kind of disagreement.")
@format_option("table", "jsonl")
def conflicts(db: str | None, kind: str | None, fmt: str) -> None:
    """List disagreements: reports of one event that differ on date, count, extent or
    modality (claimed vs denied), and articles giving one role two names."""
    from wirewatch.display import conflicts_table

    with open_store(db) as store:
        rows = store.conflicts(kind)
    _print_rows(rows, fmt, conflicts_table)


@click.command()
@db_option
@click.option("--min-size", default=2, show_default=True, help="Smallest family to list.")
@format_option("table", "jsonl")
def stories(db: str | None, min_size: int, fmt: str) -> None:
    """List rewrite families: near-duplicate and paraphrased rewrites of one report, each
    headed by its earliest-published member."""
    from wirewatch.display import stories_table

    with open_store(db) as store:
        rows = store.stories(min_size)
    _print_rows(rows, fmt, stories_table)


def _print_rows(rows: list[dict[str, Any]], fmt: str, table: Any) -> None:
    """Print store rows as JSON Lines, or as the rich table ``table`` makes of them."""
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False, default=str))
    else:
        from wirewatch.display import make_console

        make_console().print(table(rows))


@click.command("export-gold")
@db_option
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Write the YAML here (default: standard output).")
def export_gold(db: str | None, output: Path | None) -> None:
    """Write the reviewed articles as an evaluation set (eval/events*.yaml format).

    An article is written when every event mention in it was reviewed (confirmed,
    corrected or rejected): the gold is the machine's mentions with the analysts'
    corrections, rejected ones left out. Score with eval/score_events.py --gold FILE.
    """
    import yaml

    with open_store(db) as store:
        docs = store.gold()
    text = ("# wirewatch gold from analysts' review (wirewatch export-gold): articles whose\n"
            "# every event mention was reviewed; see docs/review.md.\n"
            + yaml.safe_dump(docs, allow_unicode=True, sort_keys=False, width=100))
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
    click.echo(f"wirewatch: {len(docs)} reviewed article(s), "
               f"{sum(len(d['events']) for d in docs)} gold event mention(s)", err=True)
