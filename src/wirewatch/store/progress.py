"""The ingest progress bar: rich on a terminal, silent otherwise or with --quiet."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from wirewatch.document import Document
from wirewatch.store.ingest import IngestSummary


class _Reporter:
    def __init__(self, progress: Any | None, task: Any | None) -> None:
        self.progress = progress
        self.task = task

    def update(self, s: IngestSummary, last: Document | None) -> None:
        if self.progress is not None:
            name = (last.id if last else "")[-40:]
            self.progress.update(self.task, completed=s.read,
                                 description=f"stored {s.stored} · skipped {s.skipped} · "
                                             f"failed {s.failed} · {name}")

    def error(self, message: str) -> None:
        if self.progress is not None:
            self.progress.console.print(message, style="red", markup=False, highlight=False)
        else:
            print(message, file=sys.stderr, flush=True)


@contextmanager
def progress_reporter(enabled: bool = True) -> Iterator[_Reporter]:
    """Yield a reporter with ``update(summary, last_doc)`` and ``error(message)``; it draws a
    progress bar on standard error only when that is a terminal and ``enabled``."""
    if not (enabled and sys.stderr.isatty()):
        yield _Reporter(None, None)
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    console = Console(stderr=True)
    with Progress(SpinnerColumn(), TextColumn("[bold]ingest[/bold]"), BarColumn(),
                  MofNCompleteColumn(), TextColumn("{task.description}"),
                  TimeElapsedColumn(), console=console, transient=False) as progress:
        task = progress.add_task("starting", total=None)
        yield _Reporter(progress, task)
