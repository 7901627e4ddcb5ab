"""The ``wirewatch`` command line: a thin layer over the Python API, one module per
command group (``extract``, ``places``, the store commands, ``serve``); the options they
share are in :mod:`wirewatch.cli.common`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click

from wirewatch.cli.common import Config, env_paths, printable


class _Main(click.Group):
    """The ``wirewatch`` group: an exception no command expected becomes one line on
    standard error and exit status 1, never a traceback (``WIREWATCH_DEBUG=1`` shows it)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit,
                click.exceptions.Abort):
            raise
        except Exception as exc:
            if os.environ.get("WIREWATCH_DEBUG") == "1":
                raise
            first = (str(exc).strip().splitlines() or [""])[0][:300]
            click.echo(f"wirewatch: error: internal error ({type(exc).__name__}: "
                       f"{printable(first)}); WIREWATCH_DEBUG=1 shows where", err=True)
            ctx.exit(1)


@click.group(cls=_Main)
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
    ctx.obj = Config(codebook, places_files or env_paths("WIREWATCH_PLACES_FILE"))


def _add_commands() -> None:
    from wirewatch.cli import extract, places, serve, store

    for command in (extract.extract, places.places, store.demo, store.ingest, store.events,
                    store.conflicts, store.stories, serve.serve):
        main.add_command(command)


_add_commands()

__all__ = ["main"]
