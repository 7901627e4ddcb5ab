"""Fetch articles from http(s) URLs: with a timeout, a size limit and no other schemes."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.client import HTTPMessage
from typing import IO
from urllib.parse import urlsplit

from wirewatch.document import Document, ReadError

ALLOWED_SCHEMES = ("http", "https")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
USER_AGENT = "wirewatch/0.1 (+news event monitoring; one request per page)"


def is_url(text: str) -> bool:
    """Return True when ``text`` looks like a URL with a scheme (``x://...``)."""
    return bool(SCHEME.match(text))


class _SameSchemesRedirect(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s): never to file://, ftp:// or others."""

    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int,
                         msg: str, headers: HTTPMessage, newurl: str
                         ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in ALLOWED_SCHEMES:
            raise urllib.error.URLError(f"redirect to a disallowed scheme: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_SameSchemesRedirect)


def fetch_url(url: str, timeout: float = 20.0, max_bytes: int = 5_000_000
              ) -> Iterator[Document | ReadError]:
    """Yield the document of one web page (HTML or plain text), or an error naming the URL."""
    from wirewatch.ingest.readers import html_to_document

    scheme = urlsplit(url).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        yield ReadError(url, f"unsupported URL scheme '{scheme}' (only http and https)")
        return
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with _OPENER.open(req, timeout=timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                yield ReadError(url, f"page too large ({length} bytes > limit {max_bytes})")
                return
            body = resp.read(max_bytes + 1)
            ctype = (resp.headers.get("Content-Type") or "").lower()
            charset = resp.headers.get_content_charset() or "utf-8"
            final_url = resp.geturl()
    except urllib.error.HTTPError as e:
        yield ReadError(url, f"HTTP {e.code} {e.reason}")
        return
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as e:
        reason = getattr(e, "reason", None) or e
        yield ReadError(url, f"fetch failed ({reason})")
        return
    if len(body) > max_bytes:
        yield ReadError(url, f"page too large (more than the limit of {max_bytes} bytes)")
        return
    try:
        text = body.decode(charset, errors="replace")
    except LookupError:
        text = body.decode("utf-8", errors="replace")
    try:
        if "html" in ctype or text.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
            yield html_to_document(text, url, url, url=final_url)
        elif ctype.startswith("text/plain") or not ctype:
            if not text.strip():
                raise ValueError("empty page")
            yield Document(id=url, text=text, url=final_url, source=url)
        else:
            yield ReadError(url, f"not an article page (Content-Type {ctype})")
    except ValueError as e:
        yield ReadError(url, str(e))
