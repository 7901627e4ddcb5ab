"""The ``wirewatch`` command line: a thin layer over the Python API."""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import click

from wirewatch.ingest.document import Document, ReadError
from wirewatch.ingest.readers import parse_date, read_paths


def _published_option(value: str | None) -> date | None:
    if value is None:
        return None
    d = parse_date(value)
    if d is None:
        raise click.BadParameter(f"'{value}' is not a date in YYYY-MM-DD form")
    return d


@click.group()
@click.version_option(package_name="wirewatch")
@click.option("--places-file", "places_files", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A YAML file of your own places and aliases (repeatable).")
@click.option("--codebook", "codebook", type=click.Path(dir_okay=False, path_type=Path),
              help="Your own codebook YAML (default: WIREWATCH_CODEBOOK, else the bundled "
                   "one; see docs/codebook.md).")
@click.pass_context
def main(ctx: click.Context, places_files: tuple[Path, ...], codebook: Path | None) -> None:
    """wirewatch: a sourced, geocoded record of claimed events from conflict news."""
    ctx.obj = {"codebook": codebook}
    if places_files:
        existing = os.environ.get("WIREWATCH_PLACES_FILE")
        paths = [str(p) for p in places_files] + ([existing] if existing else [])
        os.environ["WIREWATCH_PLACES_FILE"] = os.pathsep.join(paths)


def _documents(files: tuple[Path, ...], published: date | None,
               errors: list[ReadError]) -> Iterator[Document]:
    for item in read_paths(files, published):
        if isinstance(item, ReadError):
            click.echo(f"wirewatch: error: {item}", err=True)
            errors.append(item)
        else:
            yield item


def _batches(docs: Iterator[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for d in docs:
        batch.append(d)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@main.command()
@click.argument("files", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--what", type=click.Choice(["events", "places"]), default="events",
              show_default=True,
              help="What to extract: event mentions or place mentions (CODEBOOK.md section 7).")
@click.option("--published", callback=lambda _c, _p, v: _published_option(v),
              help="Publication date (YYYY-MM-DD) for inputs that do not carry one.")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl",
              show_default=True, help="Output format.")
@click.pass_context
def extract(ctx: click.Context, files: tuple[Path, ...], what: str, published: date | None,
            fmt: str) -> None:
    """Extract mentions from articles (.txt, .html, .jsonl) as JSON Lines on stdout.

    A file that cannot be read is named on standard error with the reason; the
    others are still processed and the exit status is 1.
    """
    from wirewatch.events.codebook import CodebookError, load_codebook
    from wirewatch.pipeline import extract as run

    try:
        book = load_codebook((ctx.obj or {}).get("codebook"))
    except CodebookError as exc:
        click.echo(f"wirewatch: error: {exc}", err=True)
        sys.exit(2)
    errors: list[ReadError] = []
    out = sys.stdout
    for batch in _batches(_documents(files, published, errors), 32):
        for result in run(batch, codebook=book):
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
def places_resolve(text: str, context: str) -> None:
    """Resolve one place name and print it as CODEBOOK.md section 3 (JSON)."""
    from wirewatch.places import resolve_place

    m = resolve_place(text, context)
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
@click.option("--limit", default=12, show_default=True, help="Rows per table.")
def demo(limit: int) -> None:
    """Run wirewatch on the bundled sample corpus and print a summary."""
    from rich.console import Console
    from rich.table import Table

    from wirewatch.places import extract_places
    from wirewatch.sample import sample_files

    console = Console()
    errors: list[ReadError] = []
    docs = list(_documents(tuple(sample_files()), None, errors))
    console.print(f"[bold]wirewatch demo[/bold]: {len(docs)} sample articles")
    t = time.perf_counter()
    results = extract_places(docs)
    took = time.perf_counter() - t
    mentions = [m for ms in results for m in ms]
    resolved = [m for m in mentions if m.place is not None]
    console.print(f"{len(mentions)} place mentions, {len(resolved)} resolved, "
                  f"in {took:.1f} s")
    by_place: Counter[tuple[str, int, str]] = Counter(
        (m.place.name, m.place.geonameid, m.place.admin1 or m.place.country)
        for m in resolved if m.place is not None)
    table = Table(title="Places most mentioned")
    for col in ("place", "GeoNames id", "admin1 / country", "mentions"):
        table.add_column(col)
    for (name, gid, where), n in by_place.most_common(limit):
        table.add_row(name, str(gid), where, str(n))
    console.print(table)
    table = Table(title="Names that needed more than a lookup")
    for col in ("doc", "text says", "resolved to", "method", "conf.", "why"):
        table.add_column(col, overflow="fold")
    shown = 0
    for m in mentions:
        if m.place is None or m.place.method in ("exact", "alias") or shown >= limit:
            continue
        shown += 1
        table.add_row(m.doc, m.surface, m.place.name, m.place.method,
                      f"{m.place.confidence:.2f}", m.place.explanation)
    console.print(table)
    unresolved = sorted({m.surface for m in mentions if m.place is None})
    if unresolved:
        console.print("Unresolved (reported, never guessed): " + ", ".join(unresolved))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
