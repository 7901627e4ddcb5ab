"""Readers for CSV, RSS/Atom, WARC, folders and http(s) URLs, as a user feeds them."""

from __future__ import annotations

import gzip
import http.server
import io
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from wirewatch.document import Document, ReadError
from wirewatch.ingest.fetch import fetch_url
from wirewatch.ingest.readers import Limits, read_path, read_sources

BODY = ("Russian drones struck the port of Izmail overnight, damaging a grain terminal, "
        "the governor of Odesa region said on Tuesday. ") * 3
PAGE = (f"<html><head><title>Izmail port hit</title><meta name='author' content='Olena Koval'>"
        f"<meta property='og:site_name' content='Danube Courier'>"
        f"<meta name='date' content='2025-08-12'></head><body><nav>Home | News</nav><article>"
        f"<h1>Izmail port hit</h1><p>{BODY}</p><p>{BODY}</p></article>"
        f"<footer>Copyright</footer></body></html>")


def test_csv_rows_become_documents_with_metadata_and_bad_rows_are_named(tmp_path: Path) -> None:
    f = tmp_path / "wire.csv"
    f.write_text(
        "id,text,outlet,published,url,desk\n"
        'c1,"Shelling hit Nikopol, officials said.",Steppe Wire,2025-07-01,https://x.test/1,south\n'
        "c2,,Steppe Wire,2025-07-02,,south\n"
        "c3,,Danube Courier,,https://x.test/3,west\n", encoding="utf-8")
    # the third row carries its page as HTML
    text = f.read_text(encoding="utf-8").replace(
        "c3,,Danube Courier", "c3,,Danube Courier").splitlines()
    text[0] = "id,text,outlet,published,url,desk,html"
    text[1] += ","
    text[2] += ","
    text[3] += ',"' + PAGE.replace('"', '""') + '"'
    f.write_text("\n".join(text) + "\n", encoding="utf-8")
    items = list(read_path(f))
    assert [type(i).__name__ for i in items] == ["Document", "ReadError", "Document"]
    first, bad, page = items
    assert isinstance(first, Document) and first.id == "c1" and first.outlet == "Steppe Wire"
    assert first.published == date(2025, 7, 1) and ("desk", "south") in first.extra
    assert isinstance(bad, ReadError) and bad.source.endswith("wire.csv:3")
    assert "neither 'text' nor 'html'" in bad.reason
    assert isinstance(page, Document) and "grain terminal" in page.text
    assert page.author == "Olena Koval" and page.published == date(2025, 8, 12)


def test_csv_without_a_text_column_is_one_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "meta.csv"
    f.write_text("id,headline\n1,Something happened\n", encoding="utf-8")
    [err] = list(read_path(f))
    assert isinstance(err, ReadError) and "neither a 'text' nor an 'html' column" in err.reason


def test_rss_and_atom_entries_are_articles(tmp_path: Path) -> None:
    rss = tmp_path / "feed.rss"
    rss.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel>
<title>Steppe Wire</title><link>https://steppe.test</link><description>x</description>
<item><title>Nikopol shelled</title><link>https://steppe.test/a</link>
<pubDate>Tue, 01 Jul 2025 08:00:00 GMT</pubDate><author>desk@steppe.test</author>
<description>Russian artillery shelled Nikopol overnight, the regional governor said.
One man was wounded and a power line was damaged.</description></item>
<item><title>Izmail port hit</title><link>https://steppe.test/b</link>
<pubDate>Wed, 02 Jul 2025 08:00:00 GMT</pubDate>
<description><![CDATA[{PAGE}]]></description></item>
<item><title>Empty</title><link>https://steppe.test/c</link></item>
</channel></rss>""", encoding="utf-8")
    items = list(read_path(rss))
    docs = [i for i in items if isinstance(i, Document)]
    errs = [i for i in items if isinstance(i, ReadError)]
    assert [d.url for d in docs] == ["https://steppe.test/a", "https://steppe.test/b"]
    assert docs[0].outlet == "Steppe Wire" and docs[0].published == date(2025, 7, 1)
    assert docs[0].title == "Nikopol shelled" and "Nikopol overnight" in docs[0].text
    assert "grain terminal" in docs[1].text and "<p>" not in docs[1].text
    assert len(errs) == 1 and errs[0].source.endswith("#entry3")

    atom = tmp_path / "feed.atom"
    atom.write_text("""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>River Monitor</title><id>urn:x</id>
<updated>2025-07-03T10:00:00Z</updated>
<entry><title>Kherson evacuation</title><id>urn:e1</id><link href="https://river.test/e1"/>
<updated>2025-07-03T10:00:00Z</updated>
<content type="text">Police evacuated 40 residents from the Korabelnyi district of Kherson,
the city administration said.</content>
</entry></feed>""", encoding="utf-8")
    [doc] = list(read_path(atom))
    assert isinstance(doc, Document) and doc.outlet == "River Monitor"
    assert doc.published == date(2025, 7, 3) and doc.text.startswith("Police evacuated 40")


def test_a_file_that_is_not_a_feed_is_an_error(tmp_path: Path) -> None:
    f = tmp_path / "junk.xml"
    f.write_text("this is not xml at all", encoding="utf-8")
    [err] = list(read_path(f))
    assert isinstance(err, ReadError) and "feed" in err.reason


def _warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)

        def response(url: str, status: str, ctype: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                http_headers=headers))

        w.write_record(w.create_warc_record("https://danube.test/a", "request",
                                            payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")))
        response("https://danube.test/a", "200 OK", "text/html; charset=utf-8", PAGE.encode())
        response("https://danube.test/logo.png", "200 OK", "image/png", b"\x89PNG....")
        response("https://danube.test/gone", "404 Not Found", "text/html", b"<html>no</html>")
        response("https://danube.test/empty", "200 OK", "text/html",
                 b"<html><body></body></html>")


def test_warc_response_pages_become_articles(tmp_path: Path) -> None:
    f = tmp_path / "crawl.warc.gz"
    _warc(f)
    items = list(read_path(f))
    docs = [i for i in items if isinstance(i, Document)]
    errs = [i for i in items if isinstance(i, ReadError)]
    assert len(docs) == 1 and docs[0].url == "https://danube.test/a"
    assert "grain terminal" in docs[0].text and docs[0].id == "https://danube.test/a"
    assert len(errs) == 1 and "https://danube.test/empty" in errs[0].source


def test_a_broken_warc_is_one_error(tmp_path: Path) -> None:
    f = tmp_path / "broken.warc.gz"
    f.write_bytes(gzip.compress(b"WARC/1.0\r\nthis is not a warc record\r\n\r\n"))
    items = list(read_path(f))
    assert items and all(isinstance(i, ReadError) for i in items)
    assert "broken.warc.gz" in items[0].source


def _pages_warc(n: int, gz: bool) -> bytes:
    """A WARC of ``n`` article pages, https://x.test/0 ... /n-1, as bytes."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for i in range(n):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"https://x.test/{i}", "response",
                                            payload=io.BytesIO(PAGE.encode()),
                                            http_headers=headers))
    return buf.getvalue()


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_a_truncated_warc_record_is_named_not_stored_cut(tmp_path: Path, gz: bool) -> None:
    whole = _pages_warc(3, gz)
    f = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    for cut in (len(whole) - 150, len(whole) - 400):  # inside the last record's page
        f.write_bytes(whole[:cut])
        items = list(read_path(f))
        docs = [i for i in items if isinstance(i, Document)]
        [err] = [i for i in items if isinstance(i, ReadError)]
        assert [d.url for d in docs] == ["https://x.test/0", "https://x.test/1"]
        assert all(d.text == docs[0].text for d in docs)  # the whole page, twice
        assert str(f) in err.source and ("https://x.test/2" in err.source
                                         or "#record3" in err.source), err
        assert "truncated" in err.reason


def test_folders_are_walked_recursively_hidden_and_foreign_files_passed_over(
        tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "one.txt").write_text("Shelling in Sumy.", encoding="utf-8")
    (tmp_path / "a" / "b" / "two.txt").write_text("Strike on Kharkiv.", encoding="utf-8")
    (tmp_path / "a" / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / ".git" / "config.txt").write_text("[core]", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    ignored: list[Path] = []
    docs = list(read_sources([tmp_path], ignored=ignored))
    assert sorted(d.id for d in docs if isinstance(d, Document)) == ["one.txt", "two.txt"]
    assert ignored == [tmp_path / "a" / "photo.png"]


def test_a_folder_that_cannot_be_listed_is_named(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "one.txt").write_text("Shelling in Sumy.", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "two.txt").write_text("Strike on Kharkiv.", encoding="utf-8")
    locked.chmod(0)
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:  # root reads any folder: refuse it as for a user
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    try:
        items = list(read_sources([tmp_path]))
    finally:
        locked.chmod(0o755)
    assert [d.id for d in items if isinstance(d, Document)] == ["one.txt"]
    [err] = [e for e in items if isinstance(e, ReadError)]
    assert err.source == str(locked) and "Permission denied" in err.reason


# --- URLs, against a server on this machine ------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/article":
            body = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/plain":
            body = b"Drones hit Sumy overnight, the regional administration said."
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html>" + b"x" * 50_000)
        elif self.path == "/slow":
            time.sleep(1.5)
            self.send_response(200)
            self.end_headers()
        elif self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.1)
        elif self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        elif self.path in ("/binary", "/untyped"):
            body = bytes(range(1, 256)) * 40  # no NUL: every byte is a Latin-1 character
            self.send_response(200)
            if self.path == "/binary":
                self.send_header("Content-Type", "text/html; charset=iso-8859-1")
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/image":
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(b"\x89PNG")
        else:
            self.send_response(404)
            self.end_headers()


@pytest.fixture()
def server() -> Iterator[str]:
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()


def test_urls_are_fetched_with_limits_and_only_over_http(server: str) -> None:
    [doc] = list(fetch_url(f"{server}/article", allow_private=True))
    assert isinstance(doc, Document) and "grain terminal" in doc.text
    assert doc.url == f"{server}/article" and doc.title == "Izmail port hit"
    [plain] = list(fetch_url(f"{server}/plain", allow_private=True))
    assert isinstance(plain, Document) and plain.text.startswith("Drones hit Sumy")

    def error(url: str, **kw: float) -> str:
        [item] = list(fetch_url(url, **kw, allow_private=True))  # type: ignore[arg-type]
        assert isinstance(item, ReadError), item
        assert item.source == url
        return item.reason

    assert "HTTP 404" in error(f"{server}/missing")
    assert "too large" in error(f"{server}/huge", max_bytes=10_000)
    assert "fetch failed" in error(f"{server}/slow", timeout=0.3)
    assert "not allowed" in error(f"{server}/to-file")
    assert "not an article page" in error(f"{server}/image")
    assert "binary data" in error(f"{server}/binary")
    assert "binary data" in error(f"{server}/untyped")
    assert "unsupported URL scheme 'file'" in error("file:///etc/passwd")
    assert "unsupported URL scheme 'ftp'" in error("ftp://example.test/x")


def test_read_sources_mixes_urls_and_files(server: str, tmp_path: Path) -> None:
    f = tmp_path / "one.txt"
    f.write_text("Shelling in Sumy.", encoding="utf-8")
    items = list(read_sources([f"{server}/article", str(f), f"{server}/missing"],
                              allow_private=True))
    assert [type(i).__name__ for i in items] == ["Document", "Document", "ReadError"]


def test_a_warc_record_over_the_limit_is_refused_and_the_rest_read(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    f = tmp_path / "bomb.warc.gz"
    with f.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for url, body in [("https://x.test/bomb", b"<html>" + b" " * 5_000_000 + b"</html>"),
                          ("https://x.test/a", PAGE.encode())]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                       protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                http_headers=headers))
    assert f.stat().st_size < 100_000  # five megabytes of spaces compress to almost nothing
    items = list(read_path(f, limits=Limits(record_bytes=1_000_000)))
    bomb, page = items
    assert isinstance(bomb, ReadError) and "over the limit" in bomb.reason
    assert "https://x.test/bomb" in bomb.source
    assert isinstance(page, Document) and "grain terminal" in page.text


def test_urls_on_this_machine_or_its_network_are_refused(server: str) -> None:
    for url in (f"{server}/article", "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.1/", "http://[::1]/", "http://localhost/"):
        [item] = list(fetch_url(url))
        assert isinstance(item, ReadError) and "non-public address" in item.reason, url
    # every redirect is checked again: a public page that redirects inside is refused
    import urllib.request
    from http.client import HTTPMessage

    from wirewatch.ingest import fetch

    hop = fetch._CheckedRedirect(allow_private=False)
    req = urllib.request.Request("http://example.org/a")
    with pytest.raises(fetch.Refused, match=r"169\.254\.169\.254"):
        hop.redirect_request(req, io.BytesIO(), 302, "Found", HTTPMessage(),
                             "http://169.254.169.254/latest/meta-data/")


def test_the_timeout_bounds_the_whole_fetch(server: str) -> None:
    started = time.monotonic()
    [item] = list(fetch_url(f"{server}/drip", timeout=1.0, allow_private=True))
    assert isinstance(item, ReadError) and "timeout" in item.reason
    assert time.monotonic() - started < 3.0  # the drip takes 4 s


def test_ingest_refuses_a_local_url_unless_a_private_network_is_allowed(
        server: str, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from wirewatch.cli import main

    db = str(tmp_path / "s.db")
    refused = CliRunner().invoke(main, ["ingest", "-q", "--db", db, f"{server}/plain"])
    assert refused.exit_code == 1 and "non-public address" in refused.stderr
    allowed = CliRunner().invoke(main, ["ingest", "-q", "--db", db, "--allow-private-network",
                                        f"{server}/plain"])
    assert allowed.exit_code == 0, allowed.output
    assert allowed.stdout.strip().endswith("stored 1, skipped 0, failed 0")


def test_a_feed_with_a_character_that_is_no_text_is_one_error(tmp_path: Path) -> None:
    f = tmp_path / "odd.rss"
    f.write_text("<rss><channel><item><title>&#xd800;</title></item></channel></rss>",
                 encoding="utf-8")
    [err] = list(read_path(f))
    assert isinstance(err, ReadError) and err.source == str(f) and "feed" in err.reason
