"""Read articles from files: plain text, HTML, and JSON Lines.

Every reader yields :class:`Document` or :class:`ReadError` items, so that one
bad file or line never stops a batch: the caller reports the errors and goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from wirewatch.ingest.document import Document, ReadError

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}


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


def _decode(raw: bytes, source: str) -> str:
    if b"\x00" in raw[:8192]:
        raise ValueError("binary file (NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ValueError(f"not valid UTF-8 text (byte {e.start})") from e


def html_to_document(html: str, doc_id: str, source: str, **meta: Any) -> Document:
    """Return the document of an HTML page: main text, title and date via trafilatura."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                            favor_precision=True)
    text = title = published = None
    if extracted is not None:
        data = extracted if isinstance(extracted, dict) else extracted.as_dict()
        text, title, published = data.get("text"), data.get("title"), data.get("date")
    if not text:
        raise ValueError("no main text found in the HTML")
    return Document(
        id=doc_id, text=text, title=meta.get("title") or title, url=meta.get("url"),
        outlet=meta.get("outlet"), published=parse_date(meta.get("published")) or
        parse_date(published), source=source,
    )


def _record_to_document(rec: Any, doc_id: str, source: str) -> Document:
    if not isinstance(rec, dict):
        raise ValueError("a JSON Lines record must be an object")
    meta = {k: rec.get(k) for k in ("title", "url", "outlet", "published")}
    for k in ("title", "url", "outlet"):
        if meta[k] is not None and not isinstance(meta[k], str):
            raise ValueError(f"field '{k}' must be a string")
    rid = str(rec["id"]) if rec.get("id") not in (None, "") else doc_id
    if isinstance(rec.get("text"), str) and rec["text"].strip():
        return Document(id=rid, text=rec["text"], title=meta["title"], url=meta["url"],
                        outlet=meta["outlet"], published=parse_date(meta["published"]),
                        source=source)
    if isinstance(rec.get("html"), str) and rec["html"].strip():
        return html_to_document(rec["html"], rid, source, **meta)
    raise ValueError("record has neither 'text' nor 'html'")


def read_path(path: Path, published: date | None = None) -> Iterator[Document | ReadError]:
    """Yield the documents of one file (several for JSON Lines), or errors naming the input."""
    name = path.name
    try:
        raw = path.read_bytes()
        text = _decode(raw, str(path))
    except (OSError, ValueError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        yield ReadError(str(path), reason)
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                doc = _record_to_document(json.loads(line), f"{name}:{lineno}", where)
            except json.JSONDecodeError as e:
                yield ReadError(where, f"malformed JSON ({e.msg})")
                continue
            except ValueError as e:
                yield ReadError(where, str(e))
                continue
            if published and doc.published is None:
                doc = Document(**{**doc.__dict__, "published": published})
            yield doc
        return
    try:
        if suffix in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
            doc = html_to_document(text, name, str(path), published=None)
        else:
            doc = Document(id=name, text=text, source=str(path))
    except ValueError as e:
        yield ReadError(str(path), str(e))
        return
    if published and doc.published is None:
        doc = Document(**{**doc.__dict__, "published": published})
    yield doc


def read_paths(paths: Iterable[Path], published: date | None = None
               ) -> Iterator[Document | ReadError]:
    """Yield the documents and read errors of many files, in order."""
    for p in paths:
        yield from read_path(p, published)
