"""Telegram Desktop channel exports (``result.json``): one document per message.

Telegram Desktop's "Export chat history" in JSON writes the channel's ``name``,
``type`` and ``id`` and a list of ``messages``. A message's ``text`` is a string or a
list of strings and entity objects (``{"type": "bold", "text": ...}``); its ``date`` is
ISO; a forwarded message names its origin in ``forwarded_from``. Each message with text
becomes a document: the channel is its outlet, ``https://t.me/USERNAME/ID`` its URL
(``https://t.me/c/CHANNEL_ID/ID`` when the export has no username), and the channel it
was forwarded from is kept (``extra``: ``forwarded_from``) as the conduit of its claims.
Service messages and messages without text (a photo, a poll) are skipped and counted.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from wirewatch.document import Document, ReadError
from wirewatch.ingest.decode import clean_text


def is_telegram_export(text: str) -> bool:
    """Return whether a .json file's text looks like a Telegram Desktop export."""
    head = text.lstrip()[:4000]
    return head.startswith("{") and '"messages"' in text[:200_000] and (
        '"type"' in head and ('"name"' in head or '"id"' in head))


def message_text(value: Any) -> str:
    """Return the plain text of a message's ``text`` (a string, or a list of strings and
    entity objects)."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(v if isinstance(v, str) else str(v.get("text", ""))
                       if isinstance(v, dict) else "" for v in value)
    return ""


def read_telegram(path: Path, text: str) -> Iterator[Document | ReadError]:
    """Yield one document per message with text of a Telegram Desktop export."""
    from wirewatch.ingest.readers import parse_date

    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        yield ReadError(str(path), f"malformed JSON ({e.msg})")
        return
    messages = data.get("messages") if isinstance(data, dict) else None
    if not isinstance(messages, list):
        yield ReadError(str(path), "a Telegram export has a list of 'messages'")
        return
    channel = str(data.get("name") or "") or None
    username = str(data.get("username") or "").lstrip("@")
    base = f"https://t.me/{username}" if username else f"https://t.me/c/{data.get('id')}"
    skipped = 0
    for msg in messages:
        body = clean_text(message_text(msg.get("text"))) if isinstance(msg, dict) else ""
        if not isinstance(msg, dict) or msg.get("type", "message") != "message" \
                or not body.strip():
            skipped += 1
            continue
        mid = msg.get("id")
        extra = (("forwarded_from", str(msg["forwarded_from"])),) \
            if msg.get("forwarded_from") else ()
        yield Document(id=f"{username or data.get('id')}/{mid}", text=body, url=f"{base}/{mid}",
                       outlet=channel, published=parse_date(str(msg.get("date", ""))[:10]),
                       source=f"{path}#{mid}", author=msg.get("author") or None, extra=extra)
    if skipped:
        # a note, not an error: the export was read (standard error, like every note)
        print(f"wirewatch: note: {path}: {skipped} message(s) without text skipped (service "
              "messages, photos, polls)", file=sys.stderr)
