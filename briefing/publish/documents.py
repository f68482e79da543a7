"""The site's two documents, feed.xml and index.html, rendered from the catalog's episodes.

`publish` writes them into the site; `briefing serve` renders them again for each address a
listener reaches it at (and under each listener's token), from the channel the last publish
recorded in the catalog, so the served links always point back at the server.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import asdict, replace
from pathlib import Path

from .catalog import CATALOG_NAME, Catalog, CatalogEpisode
from .feed import Channel, render_feed
from .notes import read_notes
from .page import render_page
from .sidecars import read_chapters, read_transcript, transcript_speakers

CHANNEL_KEY = "channel"  # catalog site-table entry: the channel as last published (JSON)


def render_documents(sidecars: Path | Callable[[CatalogEpisode, str], Path | None], channel: Channel,
                     episodes: list[CatalogEpisode], *, media: dict | None = None) -> tuple[str, str]:
    """(feed.xml, index.html) for `episodes` (newest first), their sidecars read from a folder
    (or found by `sidecars(episode, kind)`, for a bucket's files fetched to this machine)."""
    if callable(sidecars):
        sidecar = sidecars
    else:
        folder = Path(sidecars)

        def sidecar(episode: CatalogEpisode, kind: str) -> Path | None:
            return folder / episode.files[kind] if kind in episode.files else None

    chapters = {e.key: read_chapters(sidecar(e, "chapters")) for e in episodes}
    notes = {e.key: read_notes(sidecar(e, "notes")) for e in episodes}
    transcripts = {e.key: read_transcript(sidecar(e, "transcript"), sidecar(e, "vtt"), sidecar(e, "txt"))
                   for e in episodes}
    hosts = {key: transcript_speakers(cues) for key, cues in transcripts.items()}  # podcast:person
    return (render_feed(channel, episodes, chapters, notes, hosts=hosts, media=media),
            render_page(channel, episodes, chapters, transcripts))


def render_embed_pages(sidecars: Callable[[CatalogEpisode, str], Path | None], channel: Channel,
                       episodes: list[CatalogEpisode]) -> dict[str, str]:
    """Each episode's embed page (embed/KEY.html -> its HTML); see embed.py."""
    from .embed import embed_name, render_embed

    return {embed_name(e): render_embed(channel, e, read_chapters(sidecars(e, "chapters"))) for e in episodes}


def channel_json(channel: Channel) -> str:
    """The channel as publish records it in the catalog (CHANNEL_KEY) for `briefing serve`."""
    return json.dumps(asdict(channel))


def recorded_channel(catalog: Catalog) -> Channel | None:
    stored = catalog.get(CHANNEL_KEY)
    if not stored:
        return None
    try:
        return Channel(**json.loads(stored))
    except (TypeError, ValueError):
        return None  # recorded by another version: the caller falls back to the static files


def at_address(channel: Channel, base_url: str, *, block: bool = False) -> Channel:
    """The same channel with every link under `base_url` (an image elsewhere stays where it is);
    `block` marks it for directories to leave out (a listener's private feed)."""
    image_url = base_url + channel.image_path if channel.image_path else channel.image_url
    return replace(channel, base_url=base_url, image_url=image_url, block=channel.block or block)


def read_only(site: Path) -> sqlite3.Connection:
    """The catalog opened for reading only: serving must never write it (opening a Catalog
    brings its schema up to date, a write, which would race a publish on every request)."""
    connection = sqlite3.connect((Path(site) / CATALOG_NAME).resolve().as_uri() + "?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    return connection


class CatalogReader:
    """What `briefing serve` reads of the catalog (the same queries as Catalog), read-only."""

    get = Catalog.get
    episodes = Catalog.episodes

    def __init__(self, site: Path):
        self.connection = read_only(site)

    def __enter__(self) -> "CatalogReader":
        return self

    def __exit__(self, *exc_info) -> None:
        self.connection.close()
