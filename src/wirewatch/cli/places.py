"""``wirewatch places``: resolve a name, build the gazetteer index."""

from __future__ import annotations

import json
import sys
import time
from typing import Any

import click

from wirewatch.cli.common import (
    resources_of,
)


@click.group()
def places() -> None:
    """Resolve place names and manage the gazetteer index."""


@places.command("resolve")
@click.argument("text")
@click.option("--context", default="", help="Text around the name (a sentence, an article).")
@click.pass_context
def places_resolve(ctx: click.Context, text: str, context: str) -> None:
    """Resolve one place name and print it as docs/contract.md section 3 (JSON)."""
    from wirewatch.places import resolve_place

    m = resolve_place(text, context, resources_of(ctx).gazetteer)
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
