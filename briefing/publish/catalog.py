"""The site's catalog: one SQLite file inside the site, a row per published episode.

The catalog is the site's memory: the feed and the page are rebuilt from it on every
publish, so a republished episode keeps its number, guid and first publication time.

The site may be a folder or a bucket (see briefing.storage), so a change is made the same way
for both: fetch the file (remembering its version, or that there was none), apply the change
to a temporary copy in one SQLite transaction, and put the copy back only if the stored file
is still that version. When another publisher got there first, fetch again and apply the same
change again (`with_catalog`). An interrupted change leaves the previous catalog in place.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

from ..errors import BriefingError
from ..storage import Conflict, Store, Version

T = TypeVar("T")

CATALOG_NAME = "catalog.sqlite"
SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS episodes (
    number INTEGER PRIMARY KEY AUTOINCREMENT,  -- itunes:episode; never reused after a removal
    key TEXT NOT NULL UNIQUE,                  -- the episode's file stem in the site: DATE-STEM
    guid TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    published TEXT NOT NULL,                   -- ISO 8601, UTC; the first publication, kept on updates
    updated TEXT NOT NULL,
    duration REAL NOT NULL,                    -- seconds, read from the MP3
    size INTEGER NOT NULL,                     -- bytes of the MP3 in the site
    files TEXT NOT NULL                        -- JSON: kind ("mp3", "vtt", ...) -> file name in episodes/
);
CREATE TABLE IF NOT EXISTS site (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
-- The self-running show's memory (show/memory.py): every item an episode covered.
CREATE TABLE IF NOT EXISTS covered (
    episode TEXT NOT NULL,                     -- the episode's key
    story TEXT NOT NULL,                       -- the story's title as announced
    source TEXT NOT NULL,                      -- the source's name
    title TEXT NOT NULL,                       -- the item's own title
    url TEXT NOT NULL,                         -- canonical: tracking parameters stripped
    guid TEXT NOT NULL,                        -- scoped by the source's URL
    fingerprint TEXT NOT NULL                  -- hex MinHash of the text's word shingles
);
CREATE INDEX IF NOT EXISTS covered_url ON covered (url);
CREATE INDEX IF NOT EXISTS covered_guid ON covered (guid);
-- Each source's last fetch (show/sources.py): what `briefing sources` shows, and the
-- validators and items a conditional GET answered 304 falls back on.
CREATE TABLE IF NOT EXISTS sources (
    url TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    fetched TEXT NOT NULL,                     -- ISO 8601, UTC
    status TEXT NOT NULL,                      -- "ok", "not modified", or why it failed
    items INTEGER NOT NULL,
    etag TEXT,
    last_modified TEXT,
    body TEXT                                  -- JSON: the items of the last successful fetch
);
"""


@dataclass(frozen=True)
class CatalogEpisode:
    """One published episode as the catalog remembers it."""

    number: int
    key: str
    guid: str
    title: str
    description: str
    published: datetime
    updated: datetime
    duration: float
    size: int
    files: dict[str, str]


def _row_to_episode(row: sqlite3.Row) -> CatalogEpisode:
    return CatalogEpisode(
        number=row["number"], key=row["key"], guid=row["guid"], title=row["title"],
        description=row["description"], published=datetime.fromisoformat(row["published"]),
        updated=datetime.fromisoformat(row["updated"]), duration=row["duration"], size=row["size"],
        files=json.loads(row["files"]),
    )


class Catalog:
    """The episodes of one site. Use as a context manager: `with Catalog(site) as catalog:`."""

    def __init__(self, site: str | Path, *, create: bool = False, path: str | Path | None = None):
        """The catalog of the site folder SITE, or the catalog file at `path` (a working copy
        of a stored catalog; SITE is then only what messages call the site)."""
        if path is None and isinstance(site, str) and "://" in site:
            raise BriefingError(f"{site}: a bucket's catalog is changed with with_catalog(open_store(site), change)")
        self.site = Path(site)
        self.path = Path(path) if path is not None else self.site / CATALOG_NAME
        if not self.path.is_file() and not create:
            raise BriefingError(f"{self.site}: not a briefing site (no {CATALOG_NAME}); "
                                f"publish an episode into it first")
        try:
            self.connection = sqlite3.connect(self.path)
            self.connection.row_factory = sqlite3.Row
            with self.connection:
                self.connection.executescript(SCHEMA)
                version = self.connection.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise BriefingError(f"{self.path}: made by a newer briefing (catalog version {version})")
                self.connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            raise BriefingError(f"{self.path}: cannot open the catalog ({exc})") from None

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *exc_info) -> None:
        self.connection.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: commits when the block ends, rolls back if it raises."""
        try:
            with self.connection:
                yield self.connection
        except sqlite3.DatabaseError as exc:
            raise BriefingError(f"{self.path}: the catalog could not be updated ({exc})") from None

    def episodes(self) -> list[CatalogEpisode]:
        """Newest first: by first publication, then by number (two publishes in one second)."""
        rows = self.connection.execute("SELECT * FROM episodes ORDER BY published DESC, number DESC")
        return [_row_to_episode(r) for r in rows]

    def find(self, ident: str) -> CatalogEpisode | None:
        """An episode by its number, key or guid."""
        column = "number" if ident.isdigit() else "key"
        row = self.connection.execute(f"SELECT * FROM episodes WHERE {column} = ? OR guid = ?",
                                      (int(ident) if ident.isdigit() else ident, ident)).fetchone()
        return _row_to_episode(row) if row else None

    def upsert(self, conn: sqlite3.Connection, *, key: str, guid: str, title: str, description: str,
               duration: float, size: int, files: dict[str, str], now: datetime | None = None) -> CatalogEpisode:
        """Add the episode, or update the one with the same key (keeping its number, guid and date)."""
        now = (now or datetime.now(timezone.utc)).replace(microsecond=0).isoformat()
        files_json = json.dumps(files, sort_keys=True)
        # UPDATE then INSERT rather than an upsert: SQLite's upsert spends an AUTOINCREMENT number
        # even when it updates, and episode numbers would skip after every republish.
        changed = conn.execute(
            "UPDATE episodes SET title = ?, description = ?, updated = ?, duration = ?, size = ?, files = ? "
            "WHERE key = ?", (title, description, now, duration, size, files_json, key)).rowcount
        if not changed:
            conn.execute(
                "INSERT INTO episodes (key, guid, title, description, published, updated, duration, size, files) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (key, guid, title, description, now, now, duration, size, files_json))
        row = conn.execute("SELECT * FROM episodes WHERE key = ?", (key,)).fetchone()
        return _row_to_episode(row)

    def delete(self, conn: sqlite3.Connection, key: str) -> None:
        conn.execute("DELETE FROM episodes WHERE key = ?", (key,))

    def get(self, name: str) -> str | None:
        row = self.connection.execute("SELECT value FROM site WHERE name = ?", (name,)).fetchone()
        return row["value"] if row else None

    def put(self, conn: sqlite3.Connection, name: str, value: str) -> None:
        conn.execute("INSERT INTO site (name, value) VALUES (?, ?) "
                     "ON CONFLICT(name) DO UPDATE SET value = excluded.value", (name, value))


# ---- the catalog in a store (folder or bucket) -----------------------------------------------

CATALOG_TYPE = "application/vnd.sqlite3"
CATALOG_CACHE = "no-store"  # the site's own state, never a CDN's
CHANGE_ATTEMPTS = 12  # conflicts in a row before giving up: only under a storm of publishers


@dataclass(frozen=True)
class CatalogState:
    """The stored catalog as read (or written): its bytes and version; None for both: no catalog yet."""

    data: bytes | None
    version: Version | None


def not_a_site(store: Store) -> BriefingError:
    return BriefingError(f"{store.location}: not a briefing site (no {CATALOG_NAME}); publish an episode into it first")


def fetch_catalog(store: Store) -> CatalogState:
    blob = store.get(CATALOG_NAME)
    return CatalogState(blob.data, blob.version) if blob else CatalogState(None, None)


@contextmanager
def open_copy(store: Store, state: CatalogState, *, create: bool = False) -> Iterator[Catalog]:
    """A Catalog on a temporary copy of `state`; the copy is removed when the block ends."""
    if state.data is None and not create:
        raise not_a_site(store)
    handle, name = tempfile.mkstemp(prefix="briefing-catalog-", suffix=".sqlite")
    try:
        with os.fdopen(handle, "wb") as copy:
            copy.write(state.data or b"")
        catalog = Catalog(store.location, create=True, path=name)
        try:
            yield catalog
        finally:
            catalog.connection.close()
    finally:
        for leftover in (name, name + "-journal"):
            Path(leftover).unlink(missing_ok=True)


def update_catalog(store: Store, change: Callable[[Catalog, sqlite3.Connection], T], *,
                   create: bool = False, first: CatalogState | None = None) -> tuple[T, CatalogState]:
    """Apply `change` in one transaction and store the result conditionally; on a conflict,
    fetch the catalog again and apply `change` again. Returns its result and what was stored.

    `change` may run several times, each time on a fresh copy: it should only read and write
    the catalog (side effects belong after this returns). `first` is a state already fetched.
    A BriefingError from `change` (say, no such episode) ends it at once, storing nothing.
    """
    from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, wait_random_exponential

    states = iter([first] if first is not None else [])

    def attempt() -> tuple[T, CatalogState]:
        state = next(states, None) or fetch_catalog(store)
        with open_copy(store, state, create=create) as catalog:
            with catalog.transaction() as conn:
                result = change(catalog, conn)
            catalog.connection.close()
            data = catalog.path.read_bytes()
        version = store.put_if(CATALOG_NAME, data, state.version, content_type=CATALOG_TYPE,
                               cache_control=CATALOG_CACHE)
        return result, CatalogState(data, version)

    # Jittered backoff, so publishers that collided do not collide again in step.
    retrying = Retrying(retry=retry_if_exception_type(Conflict), stop=stop_after_attempt(CHANGE_ATTEMPTS),
                        wait=wait_random_exponential(multiplier=0.05, max=2.0), reraise=True)
    try:
        return retrying(attempt)
    except Conflict:
        raise BriefingError(f"{store.location}: the catalog kept changing under this publish "
                            f"({CHANGE_ATTEMPTS} tries); try again") from None


def with_catalog(store: Store, change: Callable[[Catalog, sqlite3.Connection], T], *,
                 create: bool = False) -> T:
    """Apply `change(catalog, connection)` to the site's catalog as one transaction, retried
    whole when another writer changed the catalog meanwhile. Returns what `change` returned.

    Example: with_catalog(open_store("s3://podcasts/show"), lambda c, conn: c.put(conn, "k", "v"))
    """
    return update_catalog(store, change, create=create)[0]
