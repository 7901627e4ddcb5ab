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
    documents,
    format_option,
    printable,
    published_option,
    resources_of,
)
from wirewatch.document import Document, ReadError


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--what", type=click.Choice(["events", "places"]), default="events",
              show_default=True,
              help="What to extract: event mentions or place mentions (docs/contract.md, 7).")
@published_option
@format_option("jsonl")
@click.pass_context
def extract(ctx: click.Context, files: tuple[Path, ...], what: str, published: date | None,
            fmt: str) -> None:
    """Extract mentions from articles (.txt, .html, .jsonl) as JSON Lines on stdout.

    A file that cannot be read is named on standard error with the reason; the
    others are still processed and the exit status is 1.
    """
    resources = resources_of(ctx)
    errors: list[ReadError] = []
    out = sys.stdout
    for batch in batched(documents(files, published, errors), 32):
        for result in _extracted(batch, resources, errors):
            rows = result.places if what == "places" else result.events
            for m in rows:
                out.write(json.dumps(m.to_dict(), ensure_ascii=False) + "\n")
        out.flush()
    sys.exit(1 if errors else 0)


def _extracted(batch: list[Document], resources: Any, errors: list[ReadError]) -> list[Any]:
    """The extractions of a batch; if the pipeline fails on it, document by document, so
    that a document it cannot handle is named on stderr and the others are still read."""
    from wirewatch.pipeline import extract as run

    try:
        return run(batch, resources)
    except Exception as e:
        if len(batch) == 1:
            return _one_failed(batch[0], e, errors)
    out: list[Any] = []
    for d in batch:
        try:
            out.extend(run([d], resources))
        except Exception as e:
            _one_failed(d, e, errors)
    return out


def _one_failed(doc: Document, exc: Exception, errors: list[ReadError]) -> list[Any]:
    """Name a document the pipeline failed on (the first line of the reason) on stderr."""
    first = (str(exc).strip().splitlines() or [""])[0][:300]
    err = ReadError(doc.source or doc.id, f"extraction failed ({type(exc).__name__}: {first})")
    click.echo(f"wirewatch: error: {printable(str(err))}", err=True)
    errors.append(err)
    return []
