"""What the CLI shows people (rich): tables of the store (events, conflicts, stories, the
demo summary), the ingest progress bar and the console they are printed on."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.table import Table

from wirewatch.document import Document
from wirewatch.store import Store
from wirewatch.store.ingest import IngestSummary


def make_console(file: Any = None) -> Console:
    """A rich console; 120 columns wide when output does not go to a terminal."""
    out = Console(file=file)
    if not out.is_terminal:
        out = Console(file=file, width=120)
    return out


def _clip(text: str | None, n: int) -> str:
    t = " ".join((text or "").split())
    return t if len(t) <= n else t[: n - 1] + "…"


def _date(e: Mapping[str, Any]) -> str:
    d = e["date"]
    if d.get("value"):
        return str(d["value"])
    w = d.get("window") or [None, None]
    return f"≤{w[1]}" if w[1] else "?"


def events_table(events: Sequence[Mapping[str, Any]], title: str = "Canonical events"
                 ) -> Table:
    """Return a table of canonical events (one row each)."""
    t = Table(title=title, show_lines=False)
    for col in ("id", "date", "type", "place", "modality", "count", "mentions",
                "independent sources", "conflicts"):
        t.add_column(col, overflow="fold")
    for e in events:
        place = e.get("place") or {}
        where = place.get("name") or "—"
        if place.get("admin1") and place.get("admin1") != place.get("name"):
            where += f", {place['admin1']}"
        kinds = ", ".join(sorted({c["kind"] for c in e.get("conflicts", [])}))
        sub = f" ({e['subtype']})" if e.get("subtype") else ""
        modality = e["modality"]
        if e.get("denied_by"):
            modality += " (denied by " + "; ".join(e["denied_by"]) + ")"
        t.add_row(str(e["id"]), _date(e), e["type"] + sub, where, modality,
                  "" if e.get("count") is None else str(e["count"]), str(e["n_mentions"]),
                  f"{e['n_independent_sources']}: " + ", ".join(e["independent_sources"]),
                  kinds)
    return t


def conflicts_table(conflicts: Sequence[Mapping[str, Any]]) -> Table:
    """Return a table of disagreements, each side with its outlet and evidence."""
    t = Table(title="Conflicts", show_lines=True)
    for col in ("kind", "event / article", "side A", "side B"):
        t.add_column(col, overflow="fold")

    def side(s: Mapping[str, Any]) -> str:
        if "mentions" not in s:
            return f"{s['value']} (chars {s['start']}–{s['end']})"
        ms = s["mentions"]
        first = ms[0] if ms else {}
        ev = _clip((first.get("evidence") or {}).get("text"), 160)
        outlets = ", ".join(dict.fromkeys(str(m.get("outlet") or m.get("doc")) for m in ms))
        return f"[bold]{s['value']}[/bold] — {outlets}\n“{ev}”"

    for c in conflicts:
        if c["kind"] == "name":
            what = f"{c['outlet'] or c['doc']}: {c['role']}"
        else:
            what = f"#{c['canonical_event']} {c['type']} {c['place'] or '—'} {c['date'] or ''}"
        t.add_row(c["kind"], what, side(c["a"]), side(c["b"]))
    return t


def stories_table(stories: Sequence[Mapping[str, Any]]) -> Table:
    """Return a table of rewrite families: head, members and why they were linked."""
    t = Table(title="Rewrite families (stories)", show_lines=True)
    for col in ("family", "size", "head (earliest)", "members", "linked by"):
        t.add_column(col, overflow="fold")
    for f in stories:
        head = f["head"] or {}
        members = "\n".join(f"{m['published'] or '?'} {m['outlet'] or m['doc']}"
                            for m in f["members"])
        kinds = Counter(lk["kind"] for m in f["members"] for lk in m["links"])
        t.add_row(str(f["family"]), str(f["size"]),
                  f"{head.get('outlet') or head.get('doc')}\n{_clip(head.get('title'), 70)}",
                  members, ", ".join(f"{n} {k}" for k, n in kinds.most_common()))
    return t


def print_summary(store: Store, console: Console, limit: int = 10) -> None:
    """Print the store's summary: counts, events by type, top places, rewrite families,
    conflicts."""
    counts = store.counts()
    console.print(f"Store: {counts['articles']} articles, {counts['event_mentions']} event "
                  f"mentions fused into {counts['canonical_events']} canonical events, "
                  f"{counts['rewrite_families']} rewrite families, {counts['conflicts']} "
                  f"conflicts, {counts['name_flags']} name flags.")
    events = store.events(with_mentions=False)
    by_type = Counter(e["type"] for e in events)
    t = Table(title="Canonical events by type")
    for col in ("type", "events", "with ≥ 2 independent sources", "contested"):
        t.add_column(col)
    for etype, n in by_type.most_common():
        es = [e for e in events if e["type"] == etype]
        t.add_row(etype, str(n), str(sum(e["n_independent_sources"] >= 2 for e in es)),
                  str(sum(e["modality"] == "contested" for e in es)))
    console.print(t)
    places: Counter[str] = Counter()
    for e in events:
        p = e.get("place") or {}
        if p.get("name"):
            places[f"{p['name']} ({p.get('admin1') or p.get('country')}, {p['geonameid']})"] += (
                e["n_mentions"])
    t = Table(title="Top places (event mentions)")
    t.add_column("place")
    t.add_column("mentions")
    for name, n in places.most_common(limit):
        t.add_row(name, str(n))
    console.print(t)
    multi = [e for e in events if e["n_mentions"] > 1 and e.get("place")]
    multi.sort(key=lambda e: (-e["n_articles"], -e["n_mentions"]))
    console.print(events_table(multi[:limit], "Events reported by more than one mention"))
    console.print(stories_table(store.stories()[:limit]))
    console.print(conflicts_table(store.conflicts()[: limit * 2]))


# ---------------------------------------------------------------------- progress


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
def progress_reporter(enabled: bool = True, total: int | None = None
                      ) -> Iterator[_Reporter]:
    """Yield a reporter with ``update(summary, last_doc)`` and ``error(message)``; it draws a
    progress bar on standard error only when that is a terminal and ``enabled``, with
    the time left when the ``total`` of documents is known."""
    if not (enabled and sys.stderr.isatty()):
        yield _Reporter(None, None)
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True)
    with Progress(SpinnerColumn(), TextColumn("[bold]ingest[/bold]"), BarColumn(),
                  MofNCompleteColumn(), TextColumn("{task.description}"),
                  TimeElapsedColumn(), TimeRemainingColumn(), console=console,
                  transient=False) as progress:
        task = progress.add_task("starting", total=total)
        yield _Reporter(progress, task)
