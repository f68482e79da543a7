"""RSS, Atom (feedparser) and JSON feeds (jsonfeed.py): the latest items, each one Article.

An item that carries only a teaser (a line or two, "Read more...") is not worth
reading aloud: its link is fetched and the page read instead; when that page is not
an article (a home page, a paywall stub: `verdict.py`), the item is left out.

The bytes are decoded by `decode.py` before feedparser sees them (feedparser falls back
to Windows-1252 for a feed that declares no charset, which turns KOI8-R or Big5 into
mojibake). A feed that is not well-formed still gives the items it holds; an XML
document that is not a feed is refused in one line.

    briefing article https://example.org/feed.xml --latest 3 --json
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..errors import BriefingError, InputError
from ..models import Article, Section

# Fewer words than this in an item's own text and it is a teaser: the page is read instead.
TEASER_WORDS = 120
DEFAULT_LATEST = 5


def parse(
    data: bytes,
    *,
    source: str,
    latest: int | None = None,
    read_link: Callable[[str], Article] | None = None,
) -> list[Article]:
    """The feed's newest `latest` items (all when None), newest first as the feed lists them."""
    return [article for _, _, article in parse_feed(data, source=source, latest=latest, read_link=read_link)[1]]


def parse_feed(
    data: bytes,
    *,
    source: str,
    latest: int | None = None,
    read_link: Callable[[str], Article] | None = None,
    on_skip: Callable[[str], None] | None = None,
) -> tuple[str, list[tuple[str, str, Article]]]:
    """The feed's title and its newest `latest` items as (guid, link, Article), newest first.

    An item whose teaser links to a page that is not an article is left out, and
    `on_skip(why)` is told (one line: "URL: looks like a home page ...")."""
    from .html import sections_from_fragment
    from .verdict import NotAnArticle

    feed_title, entries = _entries(data, source)
    entries = _newest_first(entries)
    if latest is not None:
        entries = entries[: max(0, latest)]
    articles: list[tuple[str, str, Article]] = []
    skipped: list[str] = []
    for entry in entries:
        title = _clean(entry.get("title")) or "Untitled"
        link = entry.get("link") or ""
        sections = sections_from_fragment(_own_text(entry))
        words = sum(len(p.split()) for s in sections for p in s.paragraphs)
        if words < TEASER_WORDS and link.startswith(("http://", "https://")) and read_link is not None:
            try:
                page = read_link(link)
            except NotAnArticle as exc:
                skipped.append(str(exc))  # the link leads to a home page or a paywall: no story to tell
                if on_skip is not None:
                    on_skip(str(exc))
                continue
            except BriefingError:
                page = None  # the teaser is better than nothing when the page cannot be had
            if page is not None and page.word_count > words:
                sections = page.sections
        if not sections:
            continue
        articles.append((entry.get("id") or link, link, Article(
            title=title,
            source=link or source,
            sections=tuple(Section(s.heading, s.paragraphs) for s in sections),
            published=_published(entry),
            byline=_clean(entry.get("author")) or None,
        )))
    if not articles and skipped:
        if on_skip is not None:
            return _clean(feed_title), []  # each one was reported
        raise InputError(f"{source}: no item of the feed is an article (the first: {skipped[0]})")
    if not articles and entries:
        raise InputError(f"{source}: the feed's items have no text")
    if not articles:
        raise InputError(f"{source}: the feed has no items")
    return _clean(feed_title), articles


def _entries(data: bytes, source: str) -> tuple[str, list]:
    """The feed's title and its entries (feedparser's, or JSON Feed's in the same shape)."""
    from . import jsonfeed
    from .decode import xml_as_utf8

    if jsonfeed.looks_like_json_feed(data):
        return jsonfeed.parse(data, source)
    import feedparser

    parsed = feedparser.parse(xml_as_utf8(data, source))
    if not parsed.entries and not parsed.version:
        root = _root_name(data)
        what = f"an XML document <{root}>" if root else "not XML"
        raise InputError(f"{source}: {what}, not an RSS, Atom or JSON feed")
    if parsed.bozo and not parsed.entries:
        raise InputError(f"{source}: not a readable RSS or Atom feed")
    return parsed.feed.get("title"), parsed.entries


def _root_name(data: bytes) -> str | None:
    from .sniff import xml_root

    return xml_root(data)


def _own_text(entry) -> str:
    """The fullest text the item carries: its content, else its summary."""
    candidates = [c.get("value", "") for c in entry.get("content", []) or []]
    candidates.append(entry.get("summary", "") or "")
    return max(candidates, key=len)


def _published(entry) -> date | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None


def _newest_first(entries: list) -> list:
    """Feeds usually list the newest item first, but not all do; sort when every item is dated."""
    stamps = [e.get("published_parsed") or e.get("updated_parsed") for e in entries]
    if entries and all(stamps):
        order = sorted(range(len(entries)), key=lambda i: tuple(stamps[i])[:6], reverse=True)
        return [entries[i] for i in order]
    return list(entries)


def _clean(text: str | None) -> str:
    import html

    return " ".join(html.unescape(text or "").split())
