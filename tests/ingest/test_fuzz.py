"""Property-based fuzzing of every reader and of `wirewatch extract` (hypothesis).

Generated inputs: random bytes, text in broken or mixed encodings, lone surrogates, NUL
and other control characters, huge lines, deeply nested JSON, truncated or damaged gzip
and WARC files, folders of all of these. The properties, for every input: no exception
escapes, each item is a document (storable, non-empty text) or a one-line error naming
the input, good documents beside bad ones are still read, and the command line prints no
traceback and exits 1 exactly when it named an error.

`make test` runs a quick profile (WIREWATCH_FUZZ_EXAMPLES unset: a few dozen examples per
test); `make fuzz` sets WIREWATCH_FUZZ_EXAMPLES so that more than 10,000 inputs are run.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest.mock import patch

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirewatch.cli import main
from wirewatch.cli.common import Config
from wirewatch.document import Document, ReadError, storable_text
from wirewatch.ingest.readers import ARTICLE_SUFFIXES, read_path, read_sources

EXAMPLES = int(os.environ.get("WIREWATCH_FUZZ_EXAMPLES", "0") or 0)
FUZZ = settings(max_examples=EXAMPLES or 40, deadline=None, database=None,
                suppress_health_check=list(HealthCheck))
# `extract` runs spaCy on every input: a quarter of the examples of a reader test
FUZZ_EXTRACT = settings(FUZZ, max_examples=max(10, (EXAMPLES or 40) // 4))

SUFFIXES = sorted(ARTICLE_SUFFIXES)
GOOD = "Russian troops entered Krasnoarmeysk in the Donetsk region, the ministry said."
PAGE = ("<html><head><title>Izmail port hit</title></head><body><article><h1>Izmail</h1>"
        + "<p>Russian drones struck the port of Izmail overnight, the governor said.</p>" * 6
        + "</article></body></html>")

# --- generated content ------------------------------------------------------------------

any_text = st.text(max_size=300)  # any code point, lone surrogates included
nasty_chars = st.sampled_from(["\x00", "\ud800", "\udfff", "\x1b[2J", "\r", "\u2028", "\ufeff",
                               "\x85", "\ufffd", "\x7f", '"', "\\", "<", "\n\n", "é", "Ж"])
nasty_text = st.lists(st.one_of(any_text, nasty_chars), max_size=12).map("".join)
ENCODINGS = ["utf-8", "utf-16", "utf-16-le", "utf-32", "cp1251", "koi8-r", "latin-1",
             "shift_jis"]


@st.composite
def encoded(draw: st.DrawFn, text: st.SearchStrategy[str] = nasty_text) -> bytes:
    """Text in an encoding it may not fit (unencodable characters replaced or passed)."""
    enc = draw(st.sampled_from(ENCODINGS))
    errors = "surrogatepass" if enc.startswith("utf") else "replace"
    try:
        return draw(text).encode(enc, errors=errors)
    except UnicodeEncodeError:
        return draw(text).encode("utf-8", errors="surrogatepass")


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` cut short, with bytes flipped, NUL or junk inserted, or a huge line added."""
    how = draw(st.sampled_from(["cut", "flip", "insert", "huge", "none"]))
    if how == "cut":
        return data[:draw(st.integers(0, max(0, len(data) - 1)))]
    if how == "flip" and data:
        i = draw(st.integers(0, len(data) - 1))
        return data[:i] + bytes([data[i] ^ draw(st.integers(1, 255))]) + data[i + 1:]
    if how == "insert":
        i = draw(st.integers(0, len(data)))
        return data[:i] + draw(st.one_of(st.just(b"\x00"), st.binary(max_size=64))) + data[i:]
    if how == "huge":
        return data + b"\n" + b"a" * draw(st.sampled_from([70_000, 140_000])) + b"\n"
    return data


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | nasty_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["text", "html", "id", "title", "outlet", "url", "published",
                         "author", "x"]) | any_text, inner, max_size=5),
    max_leaves=12)


@st.composite
def jsonl_line(draw: st.DrawFn) -> str:
    """One line of a JSON Lines file that is anything but a good record."""
    kind = draw(st.sampled_from(["value", "record", "deep", "broken", "escape"]))
    if kind == "value":
        return json.dumps(draw(json_values))
    if kind == "record":
        rec = draw(st.dictionaries(st.sampled_from(["text", "html", "title", "outlet", "url",
                                                    "published", "id"]), json_values))
        return json.dumps(rec)
    if kind == "deep":
        n = draw(st.sampled_from([50, 5_000, 100_000]))
        return "[" * n + "]" * n if draw(st.booleans()) else '{"a":' * n + "1" + "}" * n
    if kind == "escape":
        return '{"text": "' + draw(st.sampled_from(["\\ud800", "\\u0000", "\\udfff\\ud800",
                                                    "\\u001b", "\\uffff"])) + ' x"}'
    return draw(nasty_text)[:200]


# --- what every reader must do ----------------------------------------------------------


@contextmanager
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="ww-fuzz-") as d:
        yield Path(d)


def check_items(items: list[Document | ReadError], inputs: list[Path]) -> None:
    """Every item is a storable document or a one-line error naming one of the inputs."""
    names = [str(p) for p in inputs]
    for item in items:
        if isinstance(item, ReadError):
            assert any(item.source.startswith(n) for n in names), item
            assert item.reason.strip() and "\n" not in item.reason and "\r" not in item.reason
            assert "Traceback" not in item.reason
        else:
            assert isinstance(item, Document)
            assert item.text.strip(), item
            for value in (item.id, item.text, item.title, item.outlet, item.author, item.url):
                if value is not None:
                    assert storable_text(value) == value
                    value.encode("utf-8")


def read_all(path: Path) -> list[Document | ReadError]:
    items = list(read_path(path))
    check_items(items, [path])
    return items


@FUZZ
@given(data=st.one_of(st.binary(max_size=3000), encoded()), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_in_any_format_are_read_or_named(data: bytes, suffix: str) -> None:
    with folder() as d:
        f = d / f"input{suffix}"
        f.write_bytes(data)
        read_all(f)


@FUZZ
@given(text=st.text(st.characters(exclude_categories=["Cs", "Cc"], exclude_characters="<\ufeff"
                                  "\ufffd"), min_size=1, max_size=500).filter(str.strip),
       suffix=st.sampled_from([".txt", ".md", ".text"]))
def test_any_plain_text_is_read_whole(text: str, suffix: str) -> None:
    with folder() as d:
        f = d / f"note{suffix}"
        f.write_text(text, encoding="utf-8", newline="")
        [doc] = read_all(f)
        assert isinstance(doc, Document) and doc.text == storable_text(text)


@FUZZ
@given(junk=st.lists(jsonl_line(), min_size=1, max_size=6), n_good=st.integers(1, 3),
       data=st.data())
def test_jsonl_good_records_are_read_beside_any_bad_line(junk: list[str], n_good: int,
                                                         data: st.DataObject) -> None:
    lines = list(junk)
    for i in range(n_good):
        lines.insert(data.draw(st.integers(0, len(lines))),
                     json.dumps({"id": f"good-{i}", "text": GOOD}))
    with folder() as d:
        f = d / "wire.jsonl"
        f.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
        items = read_all(f)
    ids = [i.id for i in items if isinstance(i, Document)]
    if len(items) == 1 and isinstance(items[0], ReadError) and items[0].source == str(f):
        return  # the file as a whole is no text (a lone surrogate is no UTF-8): named
    assert all(f"good-{i}" in ids for i in range(n_good)), items


@FUZZ
@given(rows=st.lists(st.lists(nasty_text, min_size=1, max_size=4), max_size=6),
       header=st.sampled_from(["id,text,outlet", "text", "html,id", "id,headline", ""]),
       suffix=st.sampled_from([".csv", ".tsv"]), data=st.data())
def test_csv_rows_of_anything_are_read_or_named(rows: list[list[str]], header: str,
                                                suffix: str, data: st.DataObject) -> None:
    sep = "\t" if suffix == ".tsv" else ","
    body = header.replace(",", sep) + "\n" + "".join(sep.join(r) + "\n" for r in rows)
    raw = data.draw(mutated(body.encode("utf-8", errors="surrogatepass")))
    with folder() as d:
        f = d / f"wire{suffix}"
        f.write_bytes(raw)
        read_all(f)


tags = st.sampled_from(["<html>", "</html>", "<body>", "<article>", "<p>", "</p>", "<script>",
                        "<!doctype html>", "<meta charset='koi8-r'>", "<meta charset=x-nope>",
                        "<title>", "<![CDATA[", "<!--", "<rss>", "<?xml version='1.0'?>",
                        "<feed>", "<entry>", "<item>", "&#0;", "&#xd800;", "&amp;", "<a href='"])


@FUZZ
@given(parts=st.lists(st.one_of(tags, nasty_text, st.just(PAGE)), max_size=20),
       suffix=st.sampled_from([".html", ".htm", ".xhtml", ".rss", ".atom", ".xml", ".txt"]),
       data=st.data())
def test_html_and_feeds_of_tag_soup_are_read_or_named(parts: list[str], suffix: str,
                                                      data: st.DataObject) -> None:
    raw = data.draw(mutated("".join(parts).encode("utf-8", errors="surrogatepass")))
    with folder() as d:
        f = d / f"page{suffix}"
        f.write_bytes(raw)
        read_all(f)


# --- WARC: damaged archives -------------------------------------------------------------


def warc_of(n: int, gz: bool) -> tuple[bytes, list[int]]:
    """A WARC of ``n`` copies of PAGE (https://x.test/0 ...), and the end of each record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    ends = []
    for i in range(n):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                   protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"https://x.test/{i}", "response",
                                            payload=io.BytesIO(PAGE.encode()),
                                            http_headers=headers))
        ends.append(buf.tell())
    return buf.getvalue(), ends


WARCS = {gz: warc_of(3, gz) for gz in (False, True)}


@FUZZ
@given(gz=st.booleans(), data=st.data())
def test_a_cut_warc_yields_whole_pages_and_names_the_cut_record(gz: bool,
                                                                data: st.DataObject) -> None:
    whole, ends = WARCS[gz]
    cut = data.draw(st.integers(0, len(whole)))
    with folder() as d:
        f = d / ("crawl.warc.gz" if gz else "crawl.warc")
        f.write_bytes(whole)
        [reference, *_] = read_all(f)
        f.write_bytes(whole[:cut])
        items = read_all(f)
    assert isinstance(reference, Document)
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, ReadError)]
    complete = sum(1 for e in ends if e <= cut)
    assert [x.url for x in docs] == [f"https://x.test/{i}" for i in range(len(docs))]
    assert all(x.text == reference.text for x in docs)  # never a page cut short
    assert complete <= len(docs) <= complete + 1  # +1: only a gzip trailer was cut
    if cut not in (0, *ends) and len(docs) == complete:
        assert errors, (cut, items)


@FUZZ
@given(gz=st.booleans(), data=st.data())
def test_a_damaged_warc_is_read_or_named(gz: bool, data: st.DataObject) -> None:
    whole, _ = WARCS[gz]
    raw = data.draw(mutated(whole))
    if gz and data.draw(st.booleans()):  # damage inside the compressed stream's content
        raw = gzip.compress(data.draw(mutated(WARCS[False][0])))  # one stream, not per record
    with folder() as d:
        f = d / ("crawl.warc.gz" if gz else "crawl.warc")
        f.write_bytes(raw)
        read_all(f)


# --- folders ----------------------------------------------------------------------------

names = st.text(st.characters(exclude_characters="/\x00", exclude_categories=["Cs"]),
                min_size=1, max_size=20).filter(lambda s: s not in (".", ".."))


@FUZZ
@given(files=st.dictionaries(st.tuples(st.sampled_from(["", "sub", "sub/deeper", ".hidden"]),
                                       names, st.sampled_from([*SUFFIXES, ".png", ""])),
                             st.one_of(st.binary(max_size=500), encoded()), max_size=6))
def test_a_folder_of_anything_is_walked_and_its_good_files_read(
        files: dict[tuple[str, str, str], bytes]) -> None:
    with folder() as d:
        paths = []
        for (sub, name, suffix), content in files.items():
            p = d / sub / f"{name}{suffix}"
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(content)
            paths.append(p)
        (d / "good.txt").write_text(GOOD, encoding="utf-8")
        items = list(read_sources([d]))
        check_items(items, [d])
    assert any(isinstance(i, Document) and i.id == "good.txt" for i in items)


# --- the command line -------------------------------------------------------------------


@FUZZ_EXTRACT
@given(bad=st.lists(st.tuples(st.sampled_from([*SUFFIXES, ".png"]),
                              st.one_of(st.binary(max_size=2000), encoded(),
                                        st.lists(jsonl_line(), max_size=3).map(
                                            lambda ls: "\n".join(ls).encode(
                                                "utf-8", errors="surrogatepass")))),
                    min_size=1, max_size=3))
def test_extract_never_shows_a_traceback_and_names_each_bad_input(
        bad: list[tuple[str, bytes]], resources: Any) -> None:
    with folder() as d, patch.object(Config, "resources", lambda _self: resources):
        # (the pipeline is loaded once, not once per example)
        inputs = []
        for n, (suffix, content) in enumerate(bad):
            inputs.append(d / f"in{n}{suffix}")
            inputs[-1].write_bytes(content)
        good = d / "good.txt"
        good.write_text(GOOD, encoding="utf-8")
        res = CliRunner().invoke(main, ["extract", "--what", "places", *map(str, inputs),
                                        str(good)])
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    assert "Traceback" not in res.output and "Traceback" not in res.stderr
    lines = res.stderr.splitlines()
    # a text in a language wirewatch cannot read is a note, not an error (exit 0)
    errors = [x for x in lines if not x.startswith("wirewatch: note: ")]
    assert all(x.startswith("wirewatch: error: ") and any(
        p.name in x for p in inputs) for x in errors), lines
    assert res.exit_code == (1 if errors else 0)
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert any(r["doc"] == "good.txt" for r in rows)
