"""JSON Feed (versions 1.0 and 1.1, https://jsonfeed.org/version/1.1): its items as feed entries.

A JSON Feed is a JSON object whose "version" starts with "https://jsonfeed.org/version/";
each item has an id, and its text in content_html or content_text (or only a summary),
a title, a url and a date_published. The entries returned have the keys feedparser's
have (title, link, id, content, summary, published_parsed, author), so `feed.py` reads
both kinds the same way.

    briefing article https://example.org/feed.json --json
"""

from __future__ import annotations

import html
import json
import re
import time
from datetime import datetime, timezone

from ..errors import InputError

_VERSION = re.compile(rb'"version"\s*:\s*"https?://jsonfeed\.org/version/')


def looks_like_json_feed(data: bytes) -> bool:
    head = data[:65536].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and bool(_VERSION.search(head))


def parse(data: bytes, source: str) -> tuple[str, list[dict]]:
    """The feed's title and its items as feedparser-like entries, in the feed's order."""
    from .decode import decode_bytes

    try:
        feed = json.loads(decode_bytes(data, source))
    except ValueError as exc:
        raise InputError(f"{source}: not a readable JSON Feed ({exc.__class__.__name__}: {str(exc)[:60]})") from None
    if not isinstance(feed, dict) or not str(feed.get("version", "")).startswith(("https://jsonfeed.org/version/",
                                                                                   "http://jsonfeed.org/version/")):
        raise InputError(f"{source}: JSON, but not a JSON Feed (no jsonfeed.org version)")
    items = feed.get("items")
    if not isinstance(items, list):
        raise InputError(f"{source}: a JSON Feed without a list of items")
    entries = [_entry(item) for item in items if isinstance(item, dict)]
    return _string(feed.get("title")), entries


def _entry(item: dict) -> dict:
    content = _string(item.get("content_html"))
    if not content and item.get("content_text"):
        paragraphs = re.split(r"\n\s*\n", _string(item.get("content_text")))
        content = "".join(f"<p>{html.escape(p.strip())}</p>" for p in paragraphs if p.strip())
    entry = {
        "title": _string(item.get("title")),
        "link": _string(item.get("url")) or _string(item.get("external_url")),
        "id": _string(item.get("id")),
        "content": [{"value": content}] if content else [],
        "summary": html.escape(_string(item.get("summary"))),
        "author": _author(item),
    }
    for key, field in (("published_parsed", "date_published"), ("updated_parsed", "date_modified")):
        stamp = _date(item.get(field))
        if stamp is not None:
            entry[key] = stamp
    return entry


def _string(value) -> str:
    return value if isinstance(value, str) else str(value) if isinstance(value, (int, float)) else ""


def _author(item: dict) -> str:
    """Version 1.1's "authors" list, or 1.0's single "author"."""
    authors = item.get("authors") if isinstance(item.get("authors"), list) else [item.get("author")]
    names = [_string(a.get("name")) for a in authors if isinstance(a, dict)]
    return ", ".join(n for n in names if n)


def _date(value) -> time.struct_time | None:
    """An RFC 3339 date ("2024-05-03T09:30:00Z") as UTC, like feedparser's *_parsed fields."""
    if not isinstance(value, str) or not value:
        return None
    try:
        stamp = datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=timezone.utc)
    return stamp.astimezone(timezone.utc).timetuple()
