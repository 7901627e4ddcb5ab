"""Fetch articles from http(s) URLs: public addresses only, one deadline, a size limit.

A URL given to ``wirewatch ingest`` or to the API must not become a way into the
machine's own network: loopback, private, link-local (169.254.169.254, the cloud
metadata service), multicast and reserved addresses are refused unless the user
allows a private network, and every redirect is checked again. ``timeout`` bounds
the whole fetch, not each read, so a server that sends one byte a second cannot
hold a run. (A host name is checked when it is resolved; a DNS answer that
changes between that check and the connection is not caught.)
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from http.client import HTTPMessage
from typing import IO, Any
from urllib.parse import urlsplit

from wirewatch.document import Document, ReadError
from wirewatch.ingest.decode import NotText, decode_bytes

ALLOWED_SCHEMES = ("http", "https")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
USER_AGENT = "wirewatch/0.1 (+news event monitoring; one request per page)"
CHUNK = 64 * 1024


class Refused(urllib.error.URLError):
    """A URL wirewatch will not fetch, with the reason."""


def is_url(text: str) -> bool:
    """Return True when ``text`` looks like a URL with a scheme (``x://...``)."""
    return bool(SCHEME.match(text))


def check_url(url: str, allow_private: bool = False) -> None:
    """Raise Refused for a URL of another scheme, or whose host is not a public address."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise Refused(f"unsupported URL scheme '{parts.scheme.lower()}' (only http and https)")
    host = parts.hostname
    if not host:
        raise Refused("no host in the URL")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or 80, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise Refused(f"cannot resolve {host} ({exc})") from exc
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not ip.is_global or ip.is_multicast:
            raise Refused(f"{host} is a non-public address ({ip}); use --allow-private-network "
                          "to fetch from a private network")


class _CheckedRedirect(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s) URLs that pass the same checks as the first."""

    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int,
                         msg: str, headers: HTTPMessage, newurl: str
                         ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in ALLOWED_SCHEMES:
            raise Refused(f"redirect to a disallowed scheme: {newurl}")
        check_url(newurl, self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _read_until(resp: Any, max_bytes: int, deadline: float) -> bytes:
    """Read a response body of at most ``max_bytes + 1`` bytes before ``deadline``."""
    parts: list[bytes] = []
    size = 0
    while size <= max_bytes:
        if time.monotonic() > deadline:
            raise TimeoutError("the page did not arrive within the timeout")
        chunk = resp.read1(CHUNK)
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


def fetch_url(url: str, timeout: float = 20.0, max_bytes: int = 5_000_000,
              allow_private: bool = False) -> Iterator[Document | ReadError]:
    """Yield the document of one web page (HTML or plain text), or an error naming the URL.

    Only public addresses are fetched unless ``allow_private``; ``timeout`` seconds
    bound the whole fetch.
    """
    deadline = time.monotonic() + timeout
    try:
        check_url(url, allow_private)
        opener = urllib.request.build_opener(_CheckedRedirect(allow_private))
        req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        with opener.open(req, timeout=timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                yield ReadError(url, f"page too large ({length} bytes > limit {max_bytes})")
                return
            body = _read_until(resp, max_bytes, deadline)
            ctype = (resp.headers.get("Content-Type") or "").lower()
            charset = resp.headers.get_content_charset()
            final_url = resp.geturl()
    except Refused as e:
        yield ReadError(url, str(e.reason))
        return
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
    yield _page_document(url, final_url, body, ctype, charset)


@dataclass(frozen=True)
class Fetched:
    """The answer to a conditional request: ``status`` 304 (not modified: no body) or 200
    with the body, its type and the validators to send next time."""

    status: int
    body: bytes = b""
    content_type: str = ""
    charset: str | None = None
    final_url: str = ""
    etag: str | None = None
    last_modified: str | None = None


class FetchFailed(Exception):
    """A fetch that failed, with its one-line reason."""


def conditional_fetch(url: str, etag: str | None = None, last_modified: str | None = None,
                      timeout: float = 20.0, max_bytes: int = 5_000_000,
                      allow_private: bool = False) -> Fetched:
    """Fetch ``url`` with ``If-None-Match``/``If-Modified-Since`` from the validators of the
    last answer; a 304 comes back as ``Fetched(304)`` with nothing read. The same guards
    as :func:`fetch_url` (public addresses only unless ``allow_private``, every redirect
    checked, ``timeout`` for the whole fetch, ``max_bytes``); raises FetchFailed."""
    deadline = time.monotonic() + timeout
    headers = {"User-Agent": USER_AGENT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        check_url(url, allow_private)
        opener = urllib.request.build_opener(_CheckedRedirect(allow_private))
        with opener.open(urllib.request.Request(url, headers=headers), timeout=timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchFailed(f"page too large ({length} bytes > limit {max_bytes})")
            body = _read_until(resp, max_bytes, deadline)
            answer = Fetched(200, body, (resp.headers.get("Content-Type") or "").lower(),
                             resp.headers.get_content_charset(), resp.geturl(),
                             resp.headers.get("ETag"), resp.headers.get("Last-Modified"))
    except Refused as e:
        raise FetchFailed(str(e.reason)) from None
    except urllib.error.HTTPError as e:
        if e.code == 304:
            return Fetched(304, etag=e.headers.get("ETag") or etag,
                           last_modified=e.headers.get("Last-Modified") or last_modified)
        raise FetchFailed(f"HTTP {e.code} {e.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as e:
        reason = getattr(e, "reason", None) or e
        raise FetchFailed(f"fetch failed ({reason})") from None
    if len(body) > max_bytes:
        raise FetchFailed(f"page too large (more than the limit of {max_bytes} bytes)")
    return answer


def page_document(url: str, fetched: Fetched) -> Document | ReadError:
    """The article of a fetched page (HTML through trafilatura, or plain text)."""
    return _page_document(url, fetched.final_url or url, fetched.body, fetched.content_type,
                          fetched.charset)


def _page_document(url: str, final_url: str, body: bytes, ctype: str,
                   charset: str | None) -> Document | ReadError:
    from wirewatch.ingest.readers import html_to_document

    if ctype and not ctype.startswith(("text/", "application/xhtml")):
        return ReadError(url, f"not an article page (Content-Type {ctype})")
    try:
        text = decode_bytes(body, charset).text
        if "html" in ctype or text.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
            return html_to_document(text, url, url, url=final_url)
        if not text.strip():
            raise ValueError("empty page")
        return Document(id=url, text=text, url=final_url, source=url)
    except NotText as e:
        return ReadError(url, f"not a text page ({e})")
    except ValueError as e:
        return ReadError(url, str(e))
