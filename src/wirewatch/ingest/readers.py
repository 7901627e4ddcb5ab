"""Read articles from files: plain text, HTML, JSON Lines, CSV, RSS/Atom feeds and WARC.

Every reader yields :class:`Document` or :class:`ReadError` items, so that one
bad file, line or record never stops a batch: the caller reports the errors and
goes on. :func:`read_sources` also walks folders and fetches http(s) URLs.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from html import unescape
from pathlib import Path
from typing import Any, BinaryIO

from wirewatch.document import Document, ReadError
from wirewatch.ingest.decode import clean_text, decode_bytes
from wirewatch.ingest.language import normalise_code
from wirewatch.ingest.telegram import is_telegram_export, read_telegram

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
CSV_SUFFIXES = {".csv", ".tsv"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
WARC_SUFFIXES = {".warc", ".warc.gz", ".arc", ".arc.gz"}
CHUNK = 1 << 16
HEAD_BYTES = 1 << 16  # what a streamed file's encoding is told from
# read as they are read, record by record (memory does not grow with the file)
STREAMED_SUFFIXES = {".jsonl", ".ndjson"} | CSV_SUFFIXES
MAX_OUTLET = 300  # what a store keeps of an outlet's name (and the API accepts)
META_FIELDS = ("title", "url", "outlet", "published", "author")
# what a folder walk picks up; other files in a folder are passed over (see read_sources)
ARTICLE_SUFFIXES = (TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES
                    | FEED_SUFFIXES | WARC_SUFFIXES)


def parse_date(value: Any) -> date | None:
    """Return the date of an ISO ``YYYY-MM-DD`` string (time part ignored), else None."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class Limits:
    """How much one input may hold; what is over a limit is refused with its reason."""

    file_bytes: int = 512 * 1024 * 1024  # one file on disk (a JSON Lines or WARC file)
    record_bytes: int = 32 * 1024 * 1024  # one decompressed WARC record or one document


DEFAULT_LIMITS = Limits()


def _read_regular(path: Path, limit: int) -> bytes:
    """Return the bytes of a regular file of at most ``limit`` bytes (OSError/ValueError
    otherwise): never a FIFO, a device or a link to one, which could block or never end."""
    _check_regular(path, limit)
    with path.open("rb") as fh:
        raw = fh.read(limit + 1)
    if len(raw) > limit:
        raise ValueError(f"file grew over the limit of {limit:,} bytes while being read")
    return raw


def _check_regular(path: Path, limit: int) -> None:
    """Raise ValueError unless ``path`` is a regular file of at most ``limit`` bytes."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else "a device" if (
            stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)) else "a directory" \
            if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise ValueError(f"not a regular file ({kind})")
    if info.st_size > limit:
        raise ValueError(f"file of {info.st_size:,} bytes is over the limit of {limit:,}")


def _with_encoding(doc: Document, note: str | None) -> Document:
    if note is None:
        return doc
    return replace(doc, extra=tuple(sorted((*doc.extra, ("encoding", note)))))


def html_to_document(html: str, doc_id: str, source: str, **meta: Any) -> Document:
    """Return the document of an HTML page: main text, title and date via trafilatura."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            favor_precision=True)
    data: dict[str, Any] = {}
    if extracted is not None:
        data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = data.get("text")
    if not text:
        raise ValueError("no main text found in the HTML")
    site = (data.get("sitename") or "")[:MAX_OUTLET] or None
    return Document(
        id=doc_id, text=text, title=meta.get("title") or data.get("title"),
        url=meta.get("url") or data.get("url"), outlet=meta.get("outlet") or site,
        published=parse_date(meta.get("published")) or parse_date(data.get("date")),
        source=source, author=meta.get("author") or data.get("author") or None,
        site_name=site, extra=tuple(meta.get("extra") or ()),
    )


def _record_to_document(rec: Any, doc_id: str, source: str,
                        what: str = "a JSON Lines record") -> Document:
    if not isinstance(rec, dict):
        raise ValueError(f"{what} must be an object")
    meta: dict[str, Any] = {k: rec.get(k) or None for k in META_FIELDS}
    for k in ("title", "url", "outlet", "author"):
        if meta[k] is not None and not isinstance(meta[k], str):
            raise ValueError(f"field '{k}' must be a string")
    lang = normalise_code(rec["lang"]) if isinstance(rec.get("lang"), str) else None
    if meta["outlet"] and len(meta["outlet"]) > MAX_OUTLET:
        raise ValueError(f"field 'outlet' longer than {MAX_OUTLET} characters")
    extra = sorted((str(k), str(v)) for k, v in rec.items()
                   if k not in (*META_FIELDS, "id", "text", "html", "lang")
                   and v not in (None, "")
                   and isinstance(v, str | int | float))
    meta["extra"] = tuple(extra)
    rid = str(rec["id"]) if rec.get("id") not in (None, "") else doc_id
    if isinstance(rec.get("text"), str) and rec["text"].strip():
        return Document(id=rid, text=clean_text(rec["text"]), title=meta["title"],
                        url=meta["url"],
                        outlet=meta["outlet"], published=parse_date(meta["published"]),
                        source=source, author=meta["author"], extra=meta["extra"],
                        lang=lang)
    if isinstance(rec.get("html"), str) and rec["html"].strip():
        return replace(html_to_document(clean_text(rec["html"]), rid, source, **meta),
                       lang=lang)
    if any(isinstance(rec.get(k), str) and rec[k] for k in ("text", "html")):
        raise ValueError("empty text (only white space)")
    raise ValueError("record has neither 'text' nor 'html'")


def _with_date(doc: Document, published: date | None) -> Document:
    return replace(doc, published=published) if published and doc.published is None else doc


def _read_jsonl(path: Path, text: str) -> Iterator[Document | ReadError]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield _jsonl_record(path, lineno, line)


def _jsonl_record(path: Path, lineno: int, line: str) -> Document | ReadError:
    """The document of one JSON Lines line, or an error naming the line."""
    where = f"{path}:{lineno}"
    try:
        return _record_to_document(json.loads(line), f"{path.name}:{lineno}", where)
    except json.JSONDecodeError as e:
        return ReadError(where, f"malformed JSON ({e.msg})")
    except RecursionError:
        return ReadError(where, "malformed JSON (nested too deeply)")
    except ValueError as e:
        return ReadError(where, str(e))


def _head(fh: BinaryIO) -> bytes:
    """The first bytes of a file, cut after a line break (so that no character is cut in
    two), for telling its encoding before it is read line by line."""
    head = fh.read(HEAD_BYTES)
    fh.seek(0)
    cut = head.rfind(b"\n")
    return head[:cut + 1] if cut >= 0 and len(head) == HEAD_BYTES else head


def _stream_jsonl(path: Path, limits: Limits) -> Iterator[Document | ReadError]:
    """JSON Lines read line by line, so memory does not grow with the file: each line is
    UTF-8 (a byte that is not spoils only its line), a line over ``record_bytes`` is
    refused, a file that is binary from its first bytes is refused whole. A file in
    another encoding (UTF-16 with its byte-order mark) is read whole."""
    _check_regular(path, limits.file_bytes)
    with path.open("rb") as fh:
        if decode_bytes(_head(fh), utf8=True).encoding.lower() not in ("utf-8", "utf_8"):
            text = decode_bytes(_read_regular(path, limits.file_bytes), utf8=True).text
            yield from _read_jsonl(path, text)
            return
        for lineno in itertools.count(1):
            raw = fh.readline(limits.record_bytes + 1)
            if not raw:
                return
            if len(raw) > limits.record_bytes:
                yield ReadError(f"{path}:{lineno}", f"line over the limit of "
                                f"{limits.record_bytes:,} bytes")
                while raw and not raw.endswith(b"\n"):  # skip the rest of it
                    raw = fh.readline(CHUNK)
                continue
            if raw.strip():
                yield _utf8_line(path, lineno, raw)


def _utf8_line(path: Path, lineno: int, raw: bytes) -> Document | ReadError:
    """The record of one line of UTF-8 bytes; bytes that are not UTF-8 become U+FFFD and
    the document says so in its metadata."""
    text = raw.decode("utf-8", errors="replace")
    if lineno == 1:
        text = text.lstrip("\ufeff")
    item = _jsonl_record(path, lineno, text)
    lossy = text.count("\ufffd") > raw.count(b"\xef\xbf\xbd")
    return _with_encoding(item, "utf-8 (bytes not in it replaced)") \
        if lossy and isinstance(item, Document) else item


def _read_csv(path: Path, text: str | Iterable[str]) -> Iterator[Document | ReadError]:
    """Rows with a ``text`` or ``html`` column plus any metadata columns (``text``: the
    whole file, or its lines as they are read)."""
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    csv.field_size_limit(min(2**31 - 1, 64 * 1024 * 1024))
    lines = io.StringIO(text, newline="") if isinstance(text, str) else text
    reader = csv.DictReader(lines, delimiter=delimiter)
    fields = [f.strip().lower() for f in (reader.fieldnames or [])]
    if "text" not in fields and "html" not in fields:
        yield ReadError(str(path), "CSV has neither a 'text' nor an 'html' column "
                        f"(columns: {', '.join(fields) or 'none'})")
        return
    reader.fieldnames = fields
    while True:
        where = f"{path}:{reader.line_num + 1}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield ReadError(where, f"malformed CSV ({e})")
            return
        if None in row:
            yield ReadError(where, "row has more cells than the header")
            continue
        try:
            yield _record_to_document(row, f"{path.name}:{reader.line_num}",
                                      f"{path}:{reader.line_num}", "a CSV row")
        except ValueError as e:
            yield ReadError(f"{path}:{reader.line_num}", str(e))


def _stream_csv(path: Path, limits: Limits) -> Iterator[Document | ReadError]:
    """A CSV file read row by row in the encoding its first bytes show, so memory does not
    grow with the file (NUL characters are dropped before the CSV reader sees them)."""
    _check_regular(path, limits.file_bytes)
    with path.open("rb") as fh:
        decoded = decode_bytes(_head(fh))
        enc = "utf-8-sig" if decoded.encoding.replace("_", "-").lower() in (
            "utf-8", "utf8") else decoded.encoding
        text = io.TextIOWrapper(fh, encoding=enc, errors="replace", newline="")
        lines = (line.replace("\x00", "") for line in text)
        for item in _read_csv(path, lines):
            yield _with_encoding(item, decoded.note()) if isinstance(item, Document) else item


def _read_feed(path: Path, raw: bytes) -> Iterator[Document | ReadError]:
    """Entries of an RSS or Atom feed; the entry's content (or summary) is its body."""
    yield from read_feed(raw, str(path), path.name)


def read_feed(raw: bytes, where: str, name: str) -> Iterator[Document | ReadError]:
    """Entries of the RSS or Atom feed ``raw`` (read from ``where``, called ``name`` in the
    ids of entries without one); the entry's content (or summary) is its body."""
    import feedparser

    try:
        feed = feedparser.parse(raw)
    except (UnicodeError, ValueError) as exc:  # e.g. "&#xd800;", a character that is no text
        yield ReadError(where, f"not a readable RSS/Atom feed ({type(exc).__name__}: {exc})")
        return
    if not feed.entries:
        why = feed.get("bozo_exception")
        yield ReadError(where, f"not an RSS/Atom feed or no entries ({why or 'empty'})")
        return
    outlet = feed.feed.get("title") or None
    for n, e in enumerate(feed.entries, 1):
        where = f"{where}#entry{n}"
        body = ""
        if e.get("content"):
            body = e["content"][0].get("value", "")
        body = body or e.get("summary", "")
        published = None
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        if stamp:
            try:
                published = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
            except ValueError:  # year 0 and the like: no date rather than no entry
                published = None
        rec = {"id": e.get("id") or e.get("link") or f"{name}#entry{n}",
               "title": e.get("title"), "url": e.get("link"), "outlet": outlet,
               "author": e.get("author"), "published": published}
        if "<" in body and ">" in body:
            rec["html"] = f"<html><body><article>{body}</article></body></html>"
        else:
            rec["text"] = body
        try:
            doc = _record_to_document(rec, rec["id"], where, "a feed entry")
        except ValueError as err:
            if "html" in rec:  # a short summary with a tag or two: fall back to its text
                plain = unescape(re.sub(r"<[^>]+>", " ", body)).strip()
                if plain:
                    rec.pop("html")
                    rec["text"] = " ".join(plain.split())
                    yield _record_to_document(rec, rec["id"], where, "a feed entry")
                    continue
            yield ReadError(where, str(err))
            continue
        yield replace(doc, published=doc.published or published)


def _drained_short(record: Any) -> int:
    """Read the rest of a WARC record; return how many of the bytes its Content-Length
    promises the file did not have (0 for a whole record)."""
    stream = record.raw_stream
    while stream.read(CHUNK):
        pass
    return max(0, int(getattr(stream, "limit", 0) or 0))


def _warc_payload(record: Any, where: str, ctype: str, limit: int) -> Document | ReadError:
    """The article of one WARC response record, read up to ``limit`` decompressed bytes;
    a record the file ends inside is refused, not stored cut."""
    payload = record.content_stream().read(limit + 1)
    if len(payload) > limit:
        return ReadError(where, f"record over the limit of {limit:,} bytes (decompressed)")
    missing = _drained_short(record)
    if missing:
        return ReadError(where, f"truncated record: the file ends {missing:,} bytes short "
                                "of its Content-Length")
    declared = None
    if "charset=" in ctype:
        declared = ctype.split("charset=", 1)[1].split(";")[0].strip() or None
    url = where.split("#", 1)[-1]
    try:
        decoded = decode_bytes(payload, declared)
        doc = html_to_document(decoded.text, url, where, url=url)
    except (ValueError, LookupError) as e:
        return ReadError(where, str(e))
    return _with_encoding(doc, decoded.note())


def _warc_record(record: Any, path: Path, n: int, limits: Limits) -> Document | ReadError | None:
    """The article of the ``n``-th record of a WARC file, an error naming the record, or
    None for a record that is no article page (requests, redirects, images)."""
    if not record.rec_type:
        return ReadError(f"{path}#record{n}", "malformed WARC record (no WARC-Type header)")
    if record.length is None:
        return ReadError(f"{path}#record{n}", "malformed or truncated WARC record (no "
                                              "Content-Length header)")
    url = record.rec_headers.get_header("WARC-Target-URI") or f"record{n}"
    where = f"{path}#{url}"
    http = record.http_headers if record.rec_type == "response" else None
    if http is not None and http.get_statuscode() == "200" and "html" in (
            ctype := (http.get_header("Content-Type") or "").lower()):
        return _warc_payload(record, where, ctype, limits.record_bytes)
    missing = _drained_short(record)
    if missing:
        return ReadError(where, f"truncated record: the file ends {missing:,} bytes short "
                                "of its Content-Length")
    if record.rec_type == "response" and http is None:
        return ReadError(where, "response record without HTTP headers")
    return None


class _Damaged(Exception):
    """A WARC file warcio could not go on reading, with its reason."""


def _next_record(it: Any) -> Any:
    """The next record of a warcio iterator, None at the end; _Damaged when warcio fails."""
    from warcio.exceptions import ArchiveLoadFailed

    try:
        return next(it)
    except StopIteration:
        return None
    except ArchiveLoadFailed as e:
        raise _Damaged("one gzip stream for the whole file, not one per record" if
                       "non-chunked gzip" in str(e) else str(e)) from e
    except (OSError, EOFError, ValueError, AttributeError, TypeError, IndexError) as e:
        # warcio meets a record cut or garbled in its headers with any of these
        raise _Damaged(f"{type(e).__name__}: {e}") from e


def _read_warc(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[Document | ReadError]:
    """HTML pages of the ``response`` records of a WARC (or ARC) file, gzipped or not.

    A record the file ends inside, or whose length does not match its header, is named
    (``file#url`` or ``file#recordN``) and not stored; the records before it are read.
    """
    from warcio.archiveiterator import ArchiveIterator

    records = 0
    try:
        with path.open("rb") as fh:
            it = ArchiveIterator(fh, arc2warc=True)
            it.INC_RECORD = ""  # warcio's multi-line warning: counted, reported below
            while (record := _next_record(it)) is not None:
                if it.err_count:
                    it.err_count = 0
                    yield ReadError(f"{path}#record{records}", "record longer than its "
                                    "Content-Length (data after its end)")
                records += 1
                item = _warc_record(record, path, records, limits)
                if item is not None:
                    yield item
            if records and it.offset < path.stat().st_size:
                yield ReadError(f"{path}#record{records + 1}", "truncated or malformed record "
                                f"at byte {it.offset:,} (the file ends inside it)")
    except (_Damaged, OSError) as e:
        if records:
            yield ReadError(f"{path}#record{records + 1}", f"malformed or truncated record ({e})")
        else:
            yield ReadError(str(path), f"not a readable WARC file ({e})")
        return
    if not records:
        yield ReadError(str(path), "not a readable WARC file (no records found)")


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".".join(("", *name.split(".")[-2:])) if name.endswith(".gz") else path.suffix.lower()


def read_path(path: Path, published: date | None = None, limits: Limits = DEFAULT_LIMITS
              ) -> Iterator[Document | ReadError]:
    """Yield the documents of one file (several for JSON Lines, CSV, feeds and WARC),
    or errors naming the input and the reason. Only regular files are read, within
    ``limits``."""
    suffix = _suffix(path)
    if suffix in WARC_SUFFIXES:
        try:
            info = path.stat()
        except OSError as e:
            yield ReadError(str(path), e.strerror or str(e))
            return
        if not stat.S_ISREG(info.st_mode) or info.st_size > limits.file_bytes:
            yield ReadError(str(path), "not a regular file" if not stat.S_ISREG(info.st_mode)
                            else f"file of {info.st_size:,} bytes is over the limit of "
                                 f"{limits.file_bytes:,}")
            return
        for item in _read_warc(path, limits):
            yield _usable(_with_date(item, published)) if isinstance(item, Document) else item
        return
    if suffix in STREAMED_SUFFIXES:
        yield from _streamed(path, suffix, published, limits)
        return
    name = path.name
    try:
        raw = _read_regular(path, limits.file_bytes)
        decoded = decode_bytes(raw, utf8=suffix in JSONL_SUFFIXES)
    except (OSError, ValueError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        yield ReadError(str(path), reason)
        return
    text = decoded.text
    items: Iterable[Document | ReadError]
    head = text.lstrip()[:200].lower()
    if suffix == ".json" and is_telegram_export(text):
        items = read_telegram(path, text)
    elif suffix in JSONL_SUFFIXES:
        items = _read_jsonl(path, text)
    elif suffix in CSV_SUFFIXES:
        items = _read_csv(path, text)
    elif suffix in FEED_SUFFIXES or head.startswith("<rss") or (
            head.startswith("<?xml") and ("<rss" in head or "<feed" in head)):
        items = _read_feed(path, raw)
    else:
        try:
            if suffix in HTML_SUFFIXES or head[:15].startswith(("<!doctype", "<html")):
                items = [html_to_document(text, name, str(path), published=None)]
            else:
                items = [Document(id=name, text=text, source=str(path))]
        except ValueError as e:
            items = [ReadError(str(path), str(e))]
    for item in items:
        if isinstance(item, Document):
            yield _usable(_with_encoding(_with_date(item, published), decoded.note()))
        else:
            yield item


def _streamed(path: Path, suffix: str, published: date | None, limits: Limits
              ) -> Iterator[Document | ReadError]:
    """The documents of a JSON Lines or CSV file, read record by record."""
    reader = _stream_jsonl if suffix in JSONL_SUFFIXES else _stream_csv
    try:
        for item in reader(path, limits):
            yield _usable(_with_date(item, published)) if isinstance(item, Document) \
                else item
    except (OSError, ValueError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        yield ReadError(str(path), reason)


def _usable(doc: Document) -> Document | ReadError:
    """The document, or an error naming it when its text is empty or only white space
    (after cleaning: a text of control characters is empty too)."""
    if doc.text.strip():
        return doc
    return ReadError(doc.source or doc.id, "empty text (only white space)")


def read_paths(paths: Iterable[Path], published: date | None = None
               ) -> Iterator[Document | ReadError]:
    """Yield the documents and read errors of many files, in order."""
    for p in paths:
        yield from read_path(p, published)


def walk(folder: Path) -> Iterator[Path | ReadError]:
    """Yield the article files under a folder, recursively, in sorted order (hidden skipped),
    and an error naming each subfolder that cannot be listed (no permission, gone)."""
    failed: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=failed.append):
        while failed:
            yield _os_error(failed.pop(0), folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if not f.startswith("."):
                yield Path(root) / f
    for e in failed:
        yield _os_error(e, folder)


def _os_error(e: OSError, fallback: Path) -> ReadError:
    """The error of a folder that could not be listed, naming it."""
    return ReadError(str(e.filename or fallback), f"folder not read ({e.strerror or e})")


def read_sources(sources: Iterable[str | Path], published: date | None = None,
                 fetch_timeout: float = 20.0, fetch_max_bytes: int = 5_000_000,
                 ignored: list[Path] | None = None, limits: Limits = DEFAULT_LIMITS,
                 allow_private: bool = False) -> Iterator[Document | ReadError]:
    """Yield documents and errors of files, folders (recursively) and http(s) URLs.

    Files in a folder whose type is not an article format (images, archives...) are
    passed over and appended to ``ignored``; a file named explicitly is always read.
    URLs on loopback, private or link-local addresses are refused unless
    ``allow_private``.
    """
    from wirewatch.ingest.fetch import fetch_url, is_url

    for src in sources:
        s = str(src)
        if isinstance(src, str) and is_url(s):
            yield from (_usable(_with_date(d, published)) if isinstance(d, Document) else d
                        for d in fetch_url(s, fetch_timeout, fetch_max_bytes, allow_private))
            continue
        path = Path(src)
        if path.is_dir():
            for f in walk(path):
                if isinstance(f, ReadError):
                    yield f
                elif _suffix(f) in ARTICLE_SUFFIXES:
                    yield from read_path(f, published, limits)
                elif ignored is not None:
                    ignored.append(f)
        else:
            yield from read_path(path, published, limits)


def count_documents(sources: Iterable[str | Path]) -> int | None:
    """Return how many documents the sources hold, counted without reading them (a text
    or HTML file is one, a JSON Lines file its non-blank lines, a CSV file its lines
    after the header), or None when that cannot be told: a URL, a feed, a WARC crawl, a
    Telegram export. For a progress bar's total; an estimate (a CSV cell may hold a line
    break)."""
    total = 0
    for src in sources:
        if str(src).startswith(("http://", "https://")):
            return None
        path = Path(src)
        files = [p for p in walk(path) if isinstance(p, Path)
                 and _suffix(p) in ARTICLE_SUFFIXES] if path.is_dir() else [path]
        for f in files:
            n = _count_in(f)
            if n is None:
                return None
            total += n
    return total


def _count_in(path: Path) -> int | None:
    suffix = _suffix(path)
    if suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
        return 1
    if suffix not in STREAMED_SUFFIXES:
        return None
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return 0
        lines = 0
        with path.open("rb") as fh:
            for line in fh:
                lines += bool(line.strip())
    except OSError:
        return 0
    return lines if suffix in JSONL_SUFFIXES else max(0, lines - 1)
