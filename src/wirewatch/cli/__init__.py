"""The ``wirewatch`` command line: a thin layer over the Python API, one module per
command group (``extract``, ``places``, the store commands, ``serve``); the options they
share are in :mod:`wirewatch.cli.common`."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from wirewatch.cli.common import Config, env_paths, printable


class Guarded(click.Group):
    """The ``wirewatch`` group: no Python traceback ever reaches the user.

    A store that fails mid-run, an interrupt or a fault of wirewatch itself ends the
    command with one line and a non-zero exit; ``WIREWATCH_DEBUG=1`` shows the traceback
    (for bug reports).
    """

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command, turning anything but click's own exits into one line."""
        from sqlalchemy.exc import SQLAlchemyError

        from wirewatch.store.db import StoreError, store_error

        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("wirewatch: interrupted (every committed batch is kept)", err=True)
            sys.exit(130)
        except StoreError as exc:
            click.echo(f"wirewatch: error: store {printable(str(exc))}", err=True)
            sys.exit(2)
        except Exception as exc:
            if os.environ.get("WIREWATCH_DEBUG"):
                raise
            if isinstance(exc, SQLAlchemyError):
                line = str(store_error("store", exc))
            else:
                first = next(iter(str(exc).splitlines()), "")
                line = f"unexpected {type(exc).__name__}: {first}"
            click.echo(f"wirewatch: error: {printable(line)} (WIREWATCH_DEBUG=1 shows where)",
                       err=True)
            sys.exit(1)


@click.group(cls=Guarded)
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
    from wirewatch.cli import extract, places, serve, store, users, watch

    for command in (extract.extract, places.places, store.demo, store.ingest, store.events,
                    store.conflicts, store.stories, store.export_gold, watch.watch,
                    serve.serve, users.users):
        main.add_command(command)


_add_commands()

__all__ = ["main"]
