"""``wirewatch extract``: mentions of articles as JSON Lines."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from wirewatch.batches import batched
from wirewatch.cli.common import (
    UnreadNotes,
    documents,
    format_option,
    lang_option,
    printable,
    published_option,
    resources_for_extraction,
    workers_option,
)
from wirewatch.document import ReadError


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--what", type=click.Choice(["events", "places"]), default="events",
              show_default=True,
              help="What to extract: event mentions or place mentions (docs/contract.md, 7).")
@published_option
@lang_option
@workers_option
@format_option("jsonl")
@click.pass_context
def extract(ctx: click.Context, files: tuple[Path, ...], what: str, published: date | None,
            lang: str | None, workers: int, fmt: str) -> None:
    """Extract mentions from articles (.txt, .html, .jsonl) as JSON Lines on stdout.

    A file or document that cannot be read is named on standard error with the reason;
    the others are still processed and the exit status is 1. A text in a language
    wirewatch cannot read is named on standard error (a note; exit status 0).
    """
    from wirewatch.pipeline import extract as run
    from wirewatch.workers import Workers

    resources = resources_for_extraction(ctx, in_process=workers <= 1)
    errors: list[ReadError] = []
    unread = UnreadNotes()
    out = sys.stdout
    pool = Workers[Any](lambda docs: run(docs, resources), workers)
    for results in pool.map(batched(documents(files, published, errors, lang), 32)):
        for result in results:
            if isinstance(result, ReadError):
                click.echo(f"wirewatch: error: {printable(str(result))}", err=True)
                errors.append(result)
                continue
            unread.note(result.doc, result.unread)
            rows = result.places if what == "places" else result.events
            for m in rows:
                out.write(json.dumps(m.to_dict(), ensure_ascii=False) + "\n")
        out.flush()
    unread.summary()
    sys.exit(1 if errors else 0)

