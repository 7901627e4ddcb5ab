"""The ``wirewatch`` command line: a thin layer over the Python API."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from wirewatch.batches import batched
from wirewatch.document import Document, ReadError
from wirewatch.ingest.readers import parse_date, read_paths


def _published_option(value: str | None) -> date | None:
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


def published_option(f: F) -> F:
    """The ``--published`` option: the date of inputs that do not carry one."""
    return click.option("--published", callback=lambda _c, _p, v: _published_option(v),
                        help="Publication date (YYYY-MM-DD) for inputs that do not carry "
                             "one.")(f)


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


def _env_paths(name: str) -> tuple[Path, ...]:
    value = os.environ.get(name, "")
    return tuple(Path(p) for p in value.split(os.pathsep) if p)


@click.group()
@click.version_option(package_name="wirewatch")
@click.option("--places-file", "places_files", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A YAML file of your own places and aliases (repeatable; env "
                   "WIREWATCH_PLACES_FILE, paths separated by ':').")
@click.option("--codebook", "codebook", envvar="WIREWATCH_CODEBOOK",
              type=click.Path(dir_okay=False, path_type=Path),
              help="Your own codebook YAML (env WIREWATCH_CODEBOOK; default: the bundled "
                   "one; see docs/codebook.md).")
@click.pass_context
def main(ctx: click.Context, places_files: tuple[Path, ...], codebook: Path | None) -> None:
    """wirewatch: a sourced, geocoded record of claimed events from conflict news."""
    ctx.obj = Config(codebook, places_files or _env_paths("WIREWATCH_PLACES_FILE"))


def _resources(ctx: click.Context) -> Any:
    config: Config = ctx.find_root().obj
    return config.resources()


def _documents(files: tuple[Path, ...], published: date | None,
               errors: list[ReadError]) -> Iterator[Document]:
    for item in read_paths(files, published):
        if isinstance(item, ReadError):
            click.echo(f"wirewatch: error: {item}", err=True)
            errors.append(item)
        else:
            yield item


@main.command()
@click.argument("files", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--what", type=click.Choice(["events", "places"]), default="events",
              show_default=True,
              help="What to extract: event mentions or place mentions (CODEBOOK.md section 7).")
@published_option
@format_option("jsonl")
@click.pass_context
def extract(ctx: click.Context, files: tuple[Path, ...], what: str, published: date | None,
            fmt: str) -> None:
    """Extract mentions from articles (.txt, .html, .jsonl) as JSON Lines on stdout.

    A file that cannot be read is named on standard error with the reason; the
    others are still processed and the exit status is 1.
    """
    from wirewatch.pipeline import extract as run

    resources = _resources(ctx)
    errors: list[ReadError] = []
    out = sys.stdout
    for batch in batched(_documents(files, published, errors), 32):
        for result in run(batch, resources):
            rows = result.places if what == "places" else result.events
            for m in rows:
                out.write(json.dumps(m.to_dict(), ensure_ascii=False) + "\n")
        out.flush()
    sys.exit(1 if errors else 0)


@main.group()
def places() -> None:
    """Resolve place names and manage the gazetteer index."""


@places.command("resolve")
@click.argument("text")
@click.option("--context", default="", help="Text around the name (a sentence, an article).")
@click.pass_context
def places_resolve(ctx: click.Context, text: str, context: str) -> None:
    """Resolve one place name and print it as CODEBOOK.md section 3 (JSON)."""
    from wirewatch.places import resolve_place

    m = resolve_place(text, context, _resources(ctx).gazetteer)
    if m.place is None:
        click.echo(json.dumps({"surface": text, "geonameid": None, "confidence": 0.0,
                               "method": None, "explanation": m.explanation},
                              ensure_ascii=False))
        sys.exit(2)
    click.echo(json.dumps(m.place.to_dict(), ensure_ascii=False))


@places.command("index")
@click.option("--rebuild", is_flag=True, help="Build the index again even if it is current.")
def places_index(rebuild: bool) -> None:
    """Build (if needed) the local gazetteer index and print where it is and what it holds."""
    from wirewatch.places.build import build_index
    from wirewatch.places.gazetteer import index_path

    path = index_path()
    took = None
    if rebuild or not path.exists():
        t = time.perf_counter()
        build_index(path)
        took = time.perf_counter() - t
    import sqlite3

    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("place", "name", "fkey")}
    con.close()
    info: dict[str, Any] = {"path": str(path), "bytes": path.stat().st_size, **counts}
    if took is not None:
        info["build_seconds"] = round(took, 1)
    click.echo(json.dumps(info))


@main.command()
@click.option("--limit", default=10, show_default=True, help="Rows per table.")
@db_option
@click.pass_context
def demo(ctx: click.Context, limit: int, db: str | None) -> None:
    """Ingest the bundled sample corpus into the store and print a summary.

    Re-runnable: a second run finds every article stored and adds nothing.
    """

    from wirewatch.display import make_console, print_summary
    from wirewatch.sample import sample_dir
    from wirewatch.store import Store, ingest
    from wirewatch.store.db import display_url
    from wirewatch.store.ingest import spacy_extractor

    extractor = spacy_extractor(_resources(ctx))
    console = make_console()
    with Store(db) as store:
        console.print(f"[bold]wirewatch demo[/bold]: ingesting the sample corpus "
                      f"({sample_dir()}) into {display_url(store.url)}")
        t = time.perf_counter()
        summary = ingest([sample_dir()], store, extractor=extractor,
                         on_error=lambda e: click.echo(f"wirewatch: error: {e}", err=True))
        console.print(f"read {summary.read}, stored {summary.stored}, skipped "
                      f"{summary.skipped} (already stored), failed {summary.failed} "
                      f"in {time.perf_counter() - t:.1f} s")
        print_summary(store, console, limit)
    sys.exit(1 if summary.failed else 0)


# ---------------------------------------------------------------- store commands (issue 4)

@main.command()
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1, 10000),
              help="Documents per committed batch.")
@published_option
@click.option("--timeout", default=20.0, show_default=True, help="Seconds per URL fetch.")
@click.option("--max-bytes", default=5_000_000, show_default=True,
              help="Largest page a URL fetch accepts.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no notes.")
@click.pass_context
def ingest(ctx: click.Context, sources: tuple[str, ...], db: str | None, batch_size: int,
           published: date | None, timeout: float, max_bytes: int, quiet: bool) -> None:
    """Read files, folders (recursively) and http(s) URLs into the store.

    Formats: .txt, .html, JSON Lines and CSV (text/html + metadata columns), RSS/Atom
    feeds, WARC. Articles already stored are skipped; work is committed every
    --batch-size documents. A bad input is named on standard error with the reason;
    the rest is stored and the exit status is 1.
    """
    from wirewatch.display import progress_reporter
    from wirewatch.store import Store
    from wirewatch.store import ingest as run_ingest
    from wirewatch.store.ingest import spacy_extractor

    extractor = spacy_extractor(_resources(ctx))
    with Store(db) as store, progress_reporter(enabled=not quiet) as progress:
        summary = run_ingest(
            list(sources), store, batch_size=batch_size, published=published,
            fetch_timeout=timeout, fetch_max_bytes=max_bytes, extractor=extractor,
            on_error=lambda e: progress.error(f"wirewatch: error: {e}"),
            on_batch=progress.update)
    if summary.ignored and not quiet:
        click.echo(f"wirewatch: note: {len(summary.ignored)} file(s) in folders passed over "
                   f"(not an article format), e.g. {summary.ignored[0]}", err=True)
    click.echo(f"read {summary.read}, stored {summary.stored}, skipped {summary.skipped}, "
               f"failed {summary.failed}")
    sys.exit(1 if summary.failed else 0)


def _event_filter(ctx: click.Context, query: dict[str, Any]) -> Any:
    """The filter of the ``events`` options, with the codebook and gazetteer in use (a
    one-line error and exit 2 for a filter that cannot be used)."""
    from wirewatch.store import QueryError, event_filter

    resources = _resources(ctx)
    try:
        return event_filter(resources.codebook, resources.gazetteer, **query)
    except QueryError as exc:
        click.echo(f"wirewatch: error: {exc}", err=True)
        sys.exit(2)


@main.command()
@db_option
@click.option("--type", "types", help="Event types, comma-separated, e.g. strike or "
                                      "territory (a prefix: every territory.* type).")
@click.option("--place", help="Place name (resolved like any place) or GeoNames id; a region "
                              "also matches the events inside it.")
@click.option("--admin1", help="Admin-1 region, e.g. 'Donetsk Oblast': events inside it.")
@click.option("--since", callback=lambda _c, _p, v: _published_option(v),
              help="Events dated on or after YYYY-MM-DD (undated events are left out).")
@click.option("--until", callback=lambda _c, _p, v: _published_option(v),
              help="Events dated on or before YYYY-MM-DD (undated events are left out).")
@click.option("--min-sources", default=0, show_default=True,
              help="Only events with at least N independent sources.")
@click.option("--modality", "modalities", help="Modalities, comma-separated, e.g. "
                                               "claimed,denied.")
@click.option("--conflict/--no-conflict", "has_conflict", default=None,
              help="Only events with (or without) conflicting reports.")
@click.option("--words", help="Words that must each occur in an evidence sentence.")
@click.option("--limit", type=int, default=None, help="At most N events (newest first).")
@format_option("table", "jsonl", "csv", "geojson", "parquet")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output (needed for parquet).")
@click.pass_context
def events(ctx: click.Context, /, db: str | None, limit: int | None, fmt: str,
           output: Path | None, **query: Any) -> None:
    """List canonical events: fused mentions with outlets, independent sources, conflicts."""
    from wirewatch.store import Store

    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs --output FILE")
    f = _event_filter(ctx, query)
    with Store(db) as store:
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


@main.command()
@db_option
@click.option("--kind", type=click.Choice(["date", "count", "extent", "modality", "name"]),
              help="Only this kind of disagreement.")
@format_option("table", "jsonl")
def conflicts(db: str | None, kind: str | None, fmt: str) -> None:
    """List disagreements: reports of one event that differ on date, count, extent or
    modality (claimed vs denied), and articles giving one role two names."""
    from wirewatch.display import conflicts_table
    from wirewatch.store import Store

    with Store(db) as store:
        rows = store.conflicts(kind)
    _print_rows(rows, fmt, conflicts_table)


@main.command()
@db_option
@click.option("--min-size", default=2, show_default=True, help="Smallest family to list.")
@format_option("table", "jsonl")
def stories(db: str | None, min_size: int, fmt: str) -> None:
    """List rewrite families: near-duplicate and paraphrased rewrites of one report, each
    headed by its earliest-published member."""
    from wirewatch.display import stories_table
    from wirewatch.store import Store

    with Store(db) as store:
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


# ---------------------------------------------------------------- serve (issue 5)

@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (the default serves this machine only).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token", envvar="WIREWATCH_TOKEN", default=None,
              help="Enable the write endpoints for requests with 'Authorization: Bearer "
                   "TOKEN' (env WIREWATCH_TOKEN). Without it the server is read-only.")
@click.option("--max-body", default=2_000_000, show_default=True,
              type=click.IntRange(1_000, 1_000_000_000), help="Largest request body, in bytes.")
@click.pass_context
def serve(ctx: click.Context, db: str | None, host: str, port: int, token: str | None,
          max_body: int) -> None:
    """Serve the JSON API and the web interface (map, timeline, events, articles)."""
    import ipaddress

    import uvicorn

    from wirewatch.api import create_app
    from wirewatch.store.db import database_url, display_url

    if token is not None and len(token) < 16:
        raise click.BadParameter("use a token of at least 16 characters", param_hint="--token")
    try:
        local = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        local = False
    app = create_app(db, token, max_body_bytes=max_body, resources=_resources(ctx))
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    click.echo(f"wirewatch: serving {display_url(database_url(db))} at "
               f"http://{shown}:{port}/ (API: /api/, OpenAPI: /docs); writing "
               f"{'enabled (bearer token)' if token else 'disabled (no --token)'}", err=True)
    if not local:
        click.echo(f"wirewatch: warning: listening on {host}, reachable from other machines; "
                   "there is no TLS: put it behind a TLS proxy", err=True)
    uvicorn.run(app, host=host, port=port, server_header=False, log_level="info")


if __name__ == "__main__":  # pragma: no cover
    main()
