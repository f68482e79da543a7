"""Fetching every source of a show at once: feeds, pages, local files and folders.

All sources are fetched together (a bounded thread pool), each within the fetch deadline
(`ingest/fetch.py`: 15 s for the whole download, retries included) and under the size cap
and redirect rules `make` has. A feed is asked with a conditional GET (the ETag and
Last-Modified of its last fetch): a feed that did not change costs one 304, and its items
are those remembered from that fetch. A source that fails is reported with its reason and
skipped; the others go on.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from pathlib import Path

from ..errors import BriefingError
from ..models import Article, Item, Section, Source

MAX_PARALLEL = 8
PAGE_BUDGET = 2.0  # teaser pages are fetched while the source's time lasts: this many fetch deadlines
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xml", ".rss", ".atom",
                    ".pdf", ".docx", ".epub", ".eml", ".mbox")


@dataclass(frozen=True)
class SourceState:
    """What the catalog remembers of a source's last fetch."""

    url: str
    name: str
    fetched: str
    status: str
    items: int
    etag: str | None = None
    last_modified: str | None = None
    body: str | None = None  # JSON of the last successful fetch's items


@dataclass
class Fetch:
    """One source's outcome in this run."""

    source: Source
    name: str
    status: str
    items: list[Item] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
    not_articles: list[str] = field(default_factory=list)  # items left out: why each is not an article

    @property
    def failed(self) -> bool:
        return self.status not in ("ok", "not modified")


def article_to_dict(article: Article) -> dict:
    return {"title": article.title, "source": article.source,
            "published": article.published.isoformat() if article.published else None,
            "byline": article.byline, "language": article.language,
            "sections": [[s.heading, list(s.paragraphs)] for s in article.sections]}


def article_from_dict(data: dict) -> Article:
    return Article(title=data["title"], source=data["source"],
                   sections=tuple(Section(h, tuple(p)) for h, p in data["sections"]),
                   published=date.fromisoformat(data["published"]) if data.get("published") else None,
                   byline=data.get("byline"), language=data.get("language", "en"))


def _items_json(fetch: Fetch) -> str:
    return json.dumps({"name": fetch.name, "items": [
        {"link": i.link, "guid": i.guid, "position": i.position, "article": article_to_dict(i.article),
         "first_seen": i.first_seen.isoformat() if i.first_seen else None}
        for i in fetch.items]}, ensure_ascii=False)


def _items_from_json(source: Source, text: str) -> tuple[str, list[Item]]:
    data = json.loads(text)
    items = [Item(source=data["name"], source_url=source.url, link=i["link"], guid=i["guid"],
                  article=article_from_dict(i["article"]), position=i["position"],
                  first_seen=date.fromisoformat(i["first_seen"]) if i.get("first_seen") else None)
             for i in data["items"]]
    return data["name"], items


def _seen(fetch: Fetch, state: SourceState | None, day: date) -> Fetch:
    """Date each item by the run it first appeared in (kept from the last fetch), so that an
    undated item ages too."""
    earlier = {}
    if state is not None and state.body:
        try:
            earlier = {i.guid: i.first_seen for i in _items_from_json(fetch.source, state.body)[1]}
        except (ValueError, KeyError, TypeError):
            earlier = {}
    fetch.items = [replace(i, first_seen=min(d for d in (earlier.get(i.guid), i.first_seen, day) if d))
                   for i in fetch.items]
    return fetch


def load_states(site: str | Path) -> dict[str, SourceState]:
    """Each source's last fetch, by URL (empty before the first run)."""
    from ..publish.catalog import read_catalog

    with read_catalog(site) as catalog:
        if catalog is None:
            return {}
        rows = catalog.connection.execute("SELECT * FROM sources").fetchall()
    return {r["url"]: SourceState(**{k: r[k] for k in r.keys()}) for r in rows}


def save_states(site: str | Path, fetches: Sequence[Fetch], now: datetime | None = None) -> None:
    """Remember this run's fetches: status and counts for `briefing sources`; validators and
    items of a successful fetch for the next conditional GET. One transaction."""
    from ..publish.catalog import change_catalog
    from ..storage import open_store

    stamp = (now or datetime.now(timezone.utc)).replace(microsecond=0).isoformat()
    store = open_store(site)
    if store.local:
        try:
            store.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BriefingError(f"{site}: cannot create the site folder ({exc.strerror or exc})") from None
    change_catalog(store, lambda catalog, conn: _record_fetches(conn, fetches, stamp))


def _record_fetches(conn, fetches: Sequence[Fetch], stamp: str) -> None:
    """One row per source: status and counts; a good fetch's validators and items too."""
    for fetch in fetches:
        if fetch.failed:  # keep the last good validators and items; record the failure
            conn.execute(
                "INSERT INTO sources (url, name, fetched, status, items) VALUES (?, ?, ?, ?, 0) "
                "ON CONFLICT(url) DO UPDATE SET fetched = excluded.fetched, status = excluded.status, "
                "items = 0", (fetch.source.url, fetch.name, stamp, fetch.status))
        else:
            conn.execute(
                "INSERT OR REPLACE INTO sources (url, name, fetched, status, items, etag, last_modified, body) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (fetch.source.url, fetch.name, stamp, fetch.status, len(fetch.items), fetch.etag,
                 fetch.last_modified, _items_json(fetch)))


def fetch_sources(sources: Sequence[Source], states: dict[str, SourceState] | None = None, *,
                  on_fetched=None, day: date | None = None) -> list[Fetch]:
    """Fetch every source at once; `on_fetched(fetch)` is called as each one ends (any order).
    The result is in the show file's order. `day` is the run's day (first sightings)."""
    states = states or {}
    day = day or date.today()
    if not sources:
        return []

    def one(source: Source) -> Fetch:
        result = _seen(fetch_source(source, states.get(source.url)), states.get(source.url), day)
        if on_fetched is not None:
            on_fetched(result)
        return result

    with ThreadPoolExecutor(max_workers=min(MAX_PARALLEL, len(sources))) as pool:
        return list(pool.map(one, sources))


def fetch_source(source: Source, state: SourceState | None = None) -> Fetch:
    """One source's items; a failure is a Fetch with the reason as its status, never an exception."""
    name = source.name or (state.name if state else None) or source.url
    try:
        if source.url.lower().startswith(("http://", "https://")):
            return _fetch_url(source, state)
        if source.url.lower().startswith(("imap://", "imaps://")):
            from .imap import fetch_imap

            name, items = fetch_imap(source)
            return Fetch(source, name, "ok", items)
        return _read_local(source)
    except BriefingError as exc:
        reason = str(exc)
        prefix = f"{source.url}: "
        return Fetch(source, name, reason[len(prefix):] if reason.startswith(prefix) else reason)


def _fetch_url(source: Source, state: SourceState | None) -> Fetch:
    from ..errors import NetworkError
    from ..ingest import _parse, _with_language, read_page
    from ..ingest.fetch import default_deadline, fetch
    from ..ingest.sniff import kind_of

    ends = time.monotonic() + PAGE_BUDGET * default_deadline()

    def read_link(url: str):
        # Past the source's time, a teaser stays a teaser rather than hold up the run.
        if time.monotonic() > ends:
            raise NetworkError(f"{url}: no time left to fetch the page")
        return read_page(url)

    headers = {}
    if state is not None and state.body:
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
    fetched = fetch(source.url, headers=headers)
    if fetched.status == 304 and state is not None and state.body:
        name, items = _items_from_json(source, state.body)
        return Fetch(source, source.name or name, "not modified", items[: source.latest],
                     etag=fetched.etag or state.etag, last_modified=fetched.last_modified or state.last_modified)
    kind = kind_of(fetched.data, suffix="", content_type=fetched.content_type)
    skipped: list[str] = []
    if kind == "feed":
        from ..ingest.feed import parse_feed

        title, entries = _feed_entries(fetched.data, source, read_link, parse_feed, skipped.append)
        name = source.name or title or source.url
        items = [Item(name, source.url, link, guid, _with_language(article), position)
                 for position, (guid, link, article) in enumerate(entries)]
    else:
        article = _with_language(_parse(fetched.data, source=source.url, suffix="", content_type=fetched.content_type,
                                         charset=fetched.charset, url=fetched.url, title=None, latest=None)[0])
        name = source.name or article.title
        items = [Item(name, source.url, fetched.url, fetched.url, article, 0)]
    if skipped:  # no validators kept: the next run reads the feed again, and asks the skipped links again
        return Fetch(source, name, "ok", items, not_articles=skipped)
    return Fetch(source, name, "ok", items, etag=fetched.etag, last_modified=fetched.last_modified)


def _feed_entries(data: bytes, source: Source, read_page, parse_feed, on_skip=None):
    from ..errors import InputError

    try:
        return parse_feed(data, source=source.url, latest=source.latest, read_link=read_page, on_skip=on_skip)
    except InputError as exc:
        if str(exc).endswith("the feed has no items"):
            return "", []
        raise


def _read_local(source: Source) -> Fetch:
    from ..ingest import read_articles

    path = Path(source.url)
    if not path.exists():
        raise BriefingError(f"{source.url}: no such file or folder")
    if _is_mail(path):
        return _read_mail(source, path)
    files = sorted((p for p in path.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES),
                   key=lambda p: p.stat().st_mtime, reverse=True) if path.is_dir() else [path]
    from ..ingest.verdict import NotAnArticle

    items: list[Item] = []
    skipped: list[str] = []
    name = source.name or path.stem
    for file in files[: source.latest]:
        if _is_mail(file):  # a mailbox in the folder: its messages, known by Message-ID
            items += [replace(i, source=name, position=len(items) + n)
                      for n, i in enumerate(_read_mail(replace(source, name=name), file).items)]
            continue
        try:
            articles = read_articles(str(file), latest=source.latest)
        except NotAnArticle as exc:
            if not path.is_dir():
                raise
            skipped.append(str(exc))  # one page of the folder is not a story; the others are
            continue
        for article in articles:
            items.append(Item(name, source.url, article.source, article.source, article, len(items)))
    return Fetch(source, name, "ok", items[: source.latest], not_articles=skipped)


def _is_mail(path: Path) -> bool:
    from ..ingest.mail import is_mailbox

    return is_mailbox(path) or path.suffix.lower() == ".eml"


def _read_mail(source: Source, path: Path) -> Fetch:
    """A Maildir, an .mbox or an .eml: each message an item, its Message-ID the guid."""
    from ..ingest import _with_language, read_bytes
    from ..ingest.mail import is_mailbox, read_messages

    mailbox = is_mailbox(path)  # a Maildir or an mbox: message by message; an .eml: its bytes
    messages = read_messages(None if mailbox else read_bytes(str(path)), source=source.url,
                             path=path if mailbox else None, latest=source.latest)
    name = source.name or next((m.article.byline for m in messages if m.article.byline), path.stem)
    return Fetch(source, name, "ok", [Item(name, source.url, m.link, m.message_id, _with_language(m.article), i)
                                      for i, m in enumerate(messages)])
