"""The site's catalog: one SQLite file inside the site, a row per published episode.

The catalog is the site's memory: the feed and the page are rebuilt from it on every
publish, so a republished episode keeps its number, guid and first publication time.
Each change is one transaction: an interrupted publish leaves the previous catalog.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..errors import BriefingError

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

    def __init__(self, site: str | Path, *, create: bool = False):
        self.site = Path(site)
        self.path = self.site / CATALOG_NAME
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
