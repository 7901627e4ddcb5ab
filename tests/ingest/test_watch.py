"""Watching feeds: conditional requests, new items once, back-off, the sources' record.

Every test serves its feeds from a local HTTP server of its own (127.0.0.1, fetched with
``allow_private``) and passes the clock, so nothing sleeps."""

from __future__ import annotations

import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from wirewatch.document import Document
from wirewatch.ingest.watch import HttpFetcher, Schedule, load_sources, poll_once
from wirewatch.store import Extracted, Store

T0 = datetime(2026, 12, 5, 12, 0, 0)
ETAG = '"feed-v1"'


def fake_extractor(docs: Sequence[Document]) -> list[Extracted]:
    """No spaCy: each document stored with no mentions."""
    return [Extracted(d, [], []) for d in docs]


def article(title: str, body: str) -> bytes:
    paras = "".join(f"<p>{body} Paragraph {n} of the report, with enough words to be read "
                    f"as the article's main text by the extractor.</p>" for n in range(4))
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"{paras}</article></body></html>").encode()


class Site:
    """What the local server serves, and the requests it saw."""

    def __init__(self) -> None:
        self.base = ""
        self.pages: dict[str, tuple[int, str, bytes]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []

    def feed(self, items: list[tuple[str, str]]) -> bytes:
        entries = "".join(
            f"<item><title>{t}</title><link>{self.base}{p}</link><guid>{self.base}{p}</guid>"
            f"<description>{t}: the feed's summary of the report.</description>"
            f"<pubDate>Fri, 04 Dec 2026 08:00:00 GMT</pubDate></item>" for p, t in items)
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>'
                f"<link>{self.base}/</link>{entries}</channel></rss>").encode()

    def hits(self, path: str) -> list[dict[str, str]]:
        return [h for p, h in self.requests if p == path]


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append((self.path, dict(self.headers.items())))
            status, ctype, body = state.pages.get(self.path, (404, "text/plain", b"gone"))
            if (self.path.endswith(".rss") and status == 200
                    and self.headers.get("If-None-Match") == ETAG):
                self.send_response(304)
                self.send_header("ETag", ETAG)
                self.end_headers()
                return
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            if self.path.endswith(".rss"):
                self.send_header("ETag", ETAG)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def serve_feed(site: Site) -> str:
    site.pages["/a"] = (200, "text/html; charset=utf-8", article("Strike on depot",
                                                                 "A depot was struck."))
    site.pages["/b"] = (200, "text/html; charset=utf-8", article("Bridge damaged",
                                                                 "A bridge was damaged."))
    site.pages["/wire.rss"] = (200, "application/rss+xml",
                               site.feed([("/a", "Strike on depot"), ("/b", "Bridge damaged")]))
    return f"{site.base}/wire.rss"


def stored(store: Store) -> dict[str, str]:
    """The stored articles' texts by title."""
    from sqlalchemy import select

    from wirewatch.store import models as m

    with store.session() as s:
        return {t or "": x for t, x in s.execute(select(m.Article.title, m.Article.text))}


def poll(store: Store, urls: list[str], now: datetime) -> Any:
    sources = load_sources(store, urls)
    return poll_once(sources, store, HttpFetcher(timeout=10, allow_private=True), now,
                     extractor=fake_extractor, schedule=Schedule(every=timedelta(minutes=10)))


def test_first_poll_stores_each_new_item_once_and_a_second_gets_304(site: Site,
                                                                   tmp_path: Path) -> None:
    feed = serve_feed(site)
    with Store(tmp_path / "w.db") as store:
        [first] = poll(store, [feed], T0)
        assert (first.outcome, first.items, first.stored) == ("new", 2, 2)
        texts = stored(store)
        assert sorted(texts) == ["Bridge damaged", "Strike on depot"]
        assert "A depot was struck." in texts["Strike on depot"]  # the page's text
        assert len(site.hits("/a")) == 1 and len(site.hits("/b")) == 1

        [second] = poll(store, [feed], T0 + timedelta(minutes=10))
        assert (second.outcome, second.items, second.stored) == ("not modified", 0, 0)
        assert site.hits("/wire.rss")[-1].get("If-None-Match") == ETAG
        assert len(stored(store)) == 2
        assert len(site.hits("/a")) == 1  # no page fetched twice

        [row] = store.sources()
        assert row["url"] == feed and row["status"] == "ok" and row["etag"] == ETAG
        assert (row["kind"], row["items_seen"], row["stored"]) == ("feed", 2, 2)
        assert row["next_poll"] == "2026-12-05T12:20:00Z"


def test_a_changed_feed_fetches_only_its_new_item(site: Site, tmp_path: Path) -> None:
    feed = serve_feed(site)
    with Store(tmp_path / "w.db") as store:
        poll(store, [feed], T0)
        site.pages["/c"] = (200, "text/html", article("Drone downed", "A drone was downed."))
        site.pages["/wire.rss"] = (200, "application/rss+xml", site.feed(
            [("/c", "Drone downed"), ("/a", "Strike on depot"), ("/b", "Bridge damaged")]))
        # the server's ETag is the same, but the feed asks again without it: a new store
        with Store(tmp_path / "w.db") as again:
            sources = load_sources(again, [feed])
            sources[0].etag = None
            [report] = poll_once(sources, again, HttpFetcher(allow_private=True),
                                 T0 + timedelta(minutes=10), extractor=fake_extractor)
        assert (report.items, report.stored) == (1, 1)
        assert len(site.hits("/a")) == 1 and len(site.hits("/c")) == 1


def test_an_item_whose_page_fails_falls_back_to_the_feed_summary(site: Site,
                                                                 tmp_path: Path) -> None:
    site.pages["/wire.rss"] = (200, "application/rss+xml",
                               site.feed([("/missing", "Shelling reported")]))
    with Store(tmp_path / "w.db") as store:
        [report] = poll(store, [f"{site.base}/wire.rss"], T0)
        assert report.stored == 1
        [(title, text)] = stored(store).items()
        assert title == "Shelling reported" and "the feed's summary" in text


def test_a_failing_source_backs_off_while_another_goes_on(site: Site, tmp_path: Path) -> None:
    feed = serve_feed(site)
    site.pages["/broken.rss"] = (500, "text/plain", b"boom")
    broken = f"{site.base}/broken.rss"
    with Store(tmp_path / "w.db") as store:
        reports = poll(store, [broken, feed], T0)
        assert [r.outcome for r in reports] == ["error", "new"]
        assert reports[0].error == "HTTP 500 Internal Server Error"
        assert reports[1].stored == 2
        rows = {r["url"]: r for r in store.sources()}
        assert rows[broken]["status"] == "failing"
        assert rows[broken]["last_error"] == "HTTP 500 Internal Server Error"
        assert rows[broken]["next_poll"] == "2026-12-05T12:20:00Z"  # 2 x 10 min

        # ten minutes on: the feed is due, the failing source is not
        reports = poll(store, [broken, feed], T0 + timedelta(minutes=10))
        assert [r.url for r in reports] == [feed]
        reports = poll(store, [broken, feed], T0 + timedelta(minutes=20))
        assert [r.outcome for r in reports] == ["error", "not modified"]
        row = {r["url"]: r for r in store.sources()}[broken]
        assert (row["failures"], row["next_poll"]) == (2, "2026-12-05T13:00:00Z")  # 4 x 10

        site.pages["/broken.rss"] = site.pages["/wire.rss"]
        reports = poll(store, [broken], T0 + timedelta(hours=1))
        assert reports[0].outcome == "new"
        row = {r["url"]: r for r in store.sources()}[broken]
        assert (row["status"], row["failures"], row["next_poll"]) == (
            "ok", 0, "2026-12-05T13:10:00Z")


def test_a_private_address_is_refused_without_allow_private(site: Site,
                                                            tmp_path: Path) -> None:
    feed = serve_feed(site)
    with Store(tmp_path / "w.db") as store:
        [report] = poll_once(load_sources(store, [feed]), store, HttpFetcher(), T0,
                             extractor=fake_extractor)
        assert report.outcome == "error" and "non-public address" in (report.error or "")
        assert site.requests == []


def test_a_plain_page_is_one_article(site: Site, tmp_path: Path) -> None:
    site.pages["/report"] = (200, "text/html", article("Front update", "The front held."))
    with Store(tmp_path / "w.db") as store:
        [report] = poll(store, [f"{site.base}/report"], T0)
        assert (report.outcome, report.stored) == ("new", 1)
        assert store.sources()[0]["kind"] == "page"


def test_watch_once_polls_each_source_and_exits_1_when_one_failed(site: Site,
                                                                  tmp_path: Path) -> None:
    from click.testing import CliRunner

    from wirewatch.cli import main

    site.pages["/broken.rss"] = (500, "text/plain", b"boom")
    db = str(tmp_path / "w.db")
    res = CliRunner().invoke(main, ["watch", f"{site.base}/broken.rss", "--once", "--db", db,
                                    "--allow-private-network"])
    assert res.exit_code == 1
    assert f"{site.base}/broken.rss: HTTP 500 Internal Server Error" in res.stderr
    with Store(db) as store:
        assert store.sources()[0]["status"] == "failing"

    res = CliRunner().invoke(main, ["watch", "file:///etc/passwd", "--once", "--db", db])
    assert res.exit_code == 2 and "is not an http(s) URL" in res.stderr
    res = CliRunner().invoke(main, ["watch", site.base, "--every", "soon", "--db", db])
    assert res.exit_code == 2 and "not a duration" in res.stderr


def test_sigterm_stops_watch_with_status_0_and_its_sources_saved(site: Site,
                                                                 tmp_path: Path) -> None:
    import os
    import sys

    site.pages["/broken.rss"] = (500, "text/plain", b"boom")
    db = tmp_path / "w.db"
    proc = subprocess.Popen([sys.executable, "-m", "wirewatch.cli", "watch",
                             f"{site.base}/broken.rss", "--every", "1h", "--db", str(db),
                             "--allow-private-network"], env=dict(os.environ),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    err = _stop_when(proc, lambda: bool(site.requests), wait=120, timeout=60)
    assert proc.returncode == 0, err
    assert b"wirewatch: stopped" in err
    with Store(db) as store:
        assert [s["status"] for s in store.sources()] == ["failing"]


def test_the_api_serves_each_source_with_its_status_and_a_csv_twin(site: Site,
                                                                    tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from wirewatch.api import create_app

    feed = serve_feed(site)
    site.pages["/broken.rss"] = (500, "text/plain", b"boom")
    db = str(tmp_path / "w.db")
    with Store(db) as store:
        poll(store, [feed, f"{site.base}/broken.rss"], T0)
    client = TestClient(create_app(db, serve_web=False))
    body = client.get("/api/sources").json()
    assert body["total"] == 2
    by_url = {s["url"]: s for s in body["items"]}
    assert by_url[feed]["status"] == "ok" and by_url[feed]["stored"] == 2
    assert by_url[f"{site.base}/broken.rss"]["last_error"] == "HTTP 500 Internal Server Error"
    csv = client.get("/api/export/sources.csv")
    assert csv.headers["content-type"].startswith("text/csv")
    lines = csv.text.splitlines()
    assert lines[0].startswith("url,kind,status,last_success")
    assert len(lines) == 3 and "HTTP 500 Internal Server Error" in csv.text


def _serve_long_feed(site: Site, n: int) -> str:
    items = []
    for i in range(n):
        path, title = f"/item{i}", f"Report {i}"
        site.pages[path] = (200, "text/html; charset=utf-8",
                            article(title, f"Shelling damaged building {i} in Kharkiv."))
        items.append((path, title))
    site.pages["/long.rss"] = (200, "application/rss+xml", site.feed(items))
    return f"{site.base}/long.rss"


def test_watch_extracts_in_worker_processes(site: Site, tmp_path: Path) -> None:
    import os

    url = _serve_long_feed(site, 6)
    pids = tmp_path / "pids"

    def recording(docs: Sequence[Document]) -> list[Extracted]:
        with pids.open("a") as f:
            f.write(f"{os.getpid()}\n")
        return fake_extractor(docs)

    with Store(tmp_path / "w.db") as store:
        [report] = poll_once(load_sources(store, [url]), store,
                             HttpFetcher(timeout=10, allow_private=True), T0,
                             extractor=recording, batch_size=1, workers=2)
        assert report.items == 6 and report.stored == 6 and not report.error
        assert len(stored(store)) == 6
    extracted_in = set(pids.read_text().split())
    assert extracted_in and str(os.getpid()) not in extracted_in


def test_a_long_feed_is_fetched_as_it_is_extracted(site: Site, tmp_path: Path) -> None:
    """Memory stays bounded: the items' pages are fetched batch by batch as extraction
    asks for them, not all before the first batch is extracted."""
    url = _serve_long_feed(site, 8)
    fetched_when_extracting: list[int] = []

    def counting(docs: Sequence[Document]) -> list[Extracted]:
        fetched_when_extracting.append(
            sum(1 for p, _ in site.requests if p.startswith("/item")))
        return fake_extractor(docs)

    with Store(tmp_path / "w.db") as store:
        [report] = poll_once(load_sources(store, [url]), store,
                             HttpFetcher(timeout=10, allow_private=True), T0,
                             extractor=counting, batch_size=2, workers=1)
        assert report.items == 8 and report.stored == 8
    assert len(fetched_when_extracting) == 4
    assert fetched_when_extracting[0] <= 4 < 8  # two batches read ahead, not the feed
    assert fetched_when_extracting == sorted(fetched_when_extracting)


def _stop_when(proc: subprocess.Popen[bytes], ready: Callable[[], bool], *, wait: float,
               timeout: float, poll: float = 0.05) -> bytes:
    """Wait (at most ``wait`` s) until ``ready()`` or the process ends, stop it with SIGTERM
    and return its stderr; never leave it running."""
    try:
        deadline = time.monotonic() + wait
        while not ready() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(poll)
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return err


def _children(pid: int) -> set[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return set()
    return {int(x) for x in text.split()}


def test_sigterm_with_workers_ends_watch_and_its_workers_cleanly(site: Site,
                                                                 tmp_path: Path) -> None:
    """`watch --workers 2`: a stop signal during extraction lets the source finish (its
    articles stored, its state saved), the workers end with it, and the exit is 0."""
    import os
    import sys

    url = _serve_long_feed(site, 6)
    db = tmp_path / "w.db"
    proc = subprocess.Popen([sys.executable, "-m", "wirewatch.cli", "watch", url,
                             "--every", "1h", "--db", str(db), "--workers", "2",
                             "--batch-size", "1", "--allow-private-network"],
                            env=dict(os.environ), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    seen: set[int] = set()

    def workers_forked() -> bool:
        seen.update(_children(proc.pid))  # the extraction workers, once forked
        return bool(seen)

    err = _stop_when(proc, workers_forked, wait=180, timeout=120, poll=0.01)
    assert seen, "no worker process was started"
    assert proc.returncode == 0, err
    assert b"wirewatch: stopped" in err
    time.sleep(0.5)
    for pid in seen:  # no worker outlives watch
        assert not Path(f"/proc/{pid}").exists() or \
            Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"
    with Store(db) as store:
        [source] = store.sources()
        assert source["status"] == "ok" and source["stored"] == 6
        assert len(stored(store)) == 6
