"""Publishing into a site folder: copy the episode's files, record it, rebuild feed and page.

    DIR/
      catalog.sqlite        the episodes (see catalog.py)
      feed.xml, index.html  rebuilt on every change, each replaced atomically
      cover.jpg             the show's image, when the show file names a local one
      episodes/DATE-STEM.mp3 (+ .txt .vtt .srt .chapters.json .transcript.json .jpg)

An episode's identity is its key, DATE-STEM: the date tagged in the MP3 (TDRC) and the
file's stem. Publishing a file with the same name and date again updates that episode
(same number, guid and publication time); the same name on another day is a new one.
"""

from __future__ import annotations

import json
import re
import sqlite3
import shutil
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from ..show.config import Settings
from ..errors import BriefingError
from ..audio.export import staged
from .catalog import Catalog, CatalogEpisode
from .categories import parse_category
from .feed import Channel, episode_guid, podcast_guid, render_feed
from .page import render_page
from .sidecars import SIDECAR_SUFFIXES, read_chapters, read_episode, read_transcript, describe

EPISODES_DIR = "episodes"
DEFAULT_BASE_URL = "http://localhost:8000/"
IMAGE_TYPES = {".jpg": ".jpg", ".jpeg": ".jpg", ".png": ".png"}


@dataclass(frozen=True)
class Published:
    """What publish did: the episode as recorded, and whether it replaced an earlier version."""

    episode: CatalogEpisode
    updated: bool
    feed: Path
    page: Path
    feed_url: str


def slug(text: str, limit: int = 60) -> str:
    """A file-name and URL-safe form of a stem: lower-case ASCII letters, digits and dashes."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return cleaned[:limit].rstrip("-") or "episode"


def normalize_base_url(url: str) -> str:
    url = url.strip()
    if not re.match(r"^https?://[^/\s]+", url):
        raise BriefingError(f"base URL {url!r}: give an http:// or https:// address, e.g. http://192.168.1.20:8000/")
    return url if url.endswith("/") else url + "/"


def _write_atomically(path: Path, text: str) -> None:
    with staged(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def _copy_atomically(source: Path, target: Path) -> None:
    with staged(target) as tmp:
        shutil.copyfile(source, tmp)


def _show_settings(catalog: Catalog, settings: Settings | None) -> Settings:
    """The show file's settings when there is one, else those the site last published with."""
    if settings is not None:
        return settings
    stored = catalog.get("show")
    if stored:
        known = {k: v for k, v in json.loads(stored).items() if k in Settings.__dataclass_fields__}
        return replace(Settings(), **known)
    return Settings()


def _channel(site: Path, settings: Settings, base_url: str, guid: str) -> Channel:
    category, subcategory = parse_category(settings.category)
    image_url = image_path = None
    image = settings.image.strip()
    if re.match(r"^https?://", image):
        image_url = image
    elif image:
        suffix = IMAGE_TYPES.get(Path(image).suffix.lower())
        if suffix is None or not Path(image).is_file():
            raise BriefingError(f"show image {image}: give a square .jpg or .png file (or an http(s) URL)")
        image_path = "cover" + suffix
        _copy_atomically(Path(image), site / image_path)
    elif (site / "cover.jpg").is_file():
        image_path = "cover.jpg"
    if image_path:
        image_url = base_url + image_path
    return Channel(
        title=settings.show, description=settings.description, author=settings.author, email=settings.email,
        language=settings.language, category=category, subcategory=subcategory, explicit=settings.explicit,
        locked=settings.locked, base_url=base_url, image_url=image_url, image_path=image_path, guid=guid,
    )


def rebuild(site: Path, catalog: Catalog, settings: Settings | None = None, base_url: str | None = None) -> Path:
    """Write feed.xml and index.html from the catalog; each replaces the old one atomically."""
    settings = _show_settings(catalog, settings)
    base_url = normalize_base_url(base_url or catalog.get("base_url") or settings.base_url or DEFAULT_BASE_URL)
    # The spec wants podcast:guid made once and kept "even if the feed URL changes".
    guid = catalog.get("podcast_guid") or podcast_guid(base_url + "feed.xml")
    channel = _channel(site, settings, base_url, guid)
    episodes = catalog.episodes()
    if channel.image_url is None:
        # No show image configured: borrow the newest episode's cover, as Apple wants one.
        for episode in episodes:
            cover = episode.files.get("jpg") or episode.files.get("png")
            if cover:
                channel = replace(channel, image_url=base_url + f"{EPISODES_DIR}/{cover}",
                                  image_path=f"{EPISODES_DIR}/{cover}")
                break
    folder = site / EPISODES_DIR
    chapters = {e.key: read_chapters(folder / e.files["chapters"]) if "chapters" in e.files else []
                for e in episodes}
    transcripts = {e.key: read_transcript(folder / e.files["vtt"] if "vtt" in e.files else None,
                                          folder / e.files["txt"] if "txt" in e.files else None)
                   for e in episodes}
    _write_atomically(site / "feed.xml", render_feed(channel, episodes, chapters))
    _write_atomically(site / "index.html", render_page(channel, episodes, chapters, transcripts))
    return site / "feed.xml"


LOCK_NAME = ".publish.lock"
LOCK_WAIT = 120.0  # s a publish waits for another one to finish


@contextmanager
def site_lock(site: Path, wait: float = LOCK_WAIT) -> Iterator[None]:
    """One change to a site at a time: two publishes at once would each rebuild the feed from
    the catalog as it stood before the other's episode, and the last writer would drop one.

    An flock on SITE/.publish.lock: the kernel releases it when the holder exits, even killed,
    so a crash never leaves the site locked. Temporary files a killed run left are removed here.
    """
    import fcntl

    try:
        handle = open(site / LOCK_NAME, "a+")  # noqa: SIM115 - held for the whole block
    except OSError as exc:
        raise BriefingError(f"{site}: cannot lock the site ({exc.strerror or exc})") from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise BriefingError(f"{site}: another briefing is still publishing into it; "
                                        "try again when it has finished") from None
                time.sleep(0.05)
        for leftover in [*site.glob(".*.part"), *(site / EPISODES_DIR).glob(".*.part")]:
            leftover.unlink(missing_ok=True)
        yield
    finally:
        handle.close()


def _prepare_site(site: Path) -> None:
    if site.exists() and not site.is_dir():
        raise BriefingError(f"{site}: exists and is not a folder")
    try:
        (site / EPISODES_DIR).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BriefingError(f"{site}: cannot create the site folder ({exc.strerror or exc})") from None


def publish(mp3: str | Path, site: str | Path, *, base_url: str | None = None,
            settings: Settings | None = None,
            also: Callable[[Catalog, sqlite3.Connection], None] | None = None) -> Published:
    """Copy MP3 + sidecars into SITE/episodes, record the episode, rebuild feed and page.

    `settings` is the show file's content (None when there is none: the site keeps what it
    last published with). `also` runs inside the catalog transaction that records the
    episode (the self-running show marks its stories covered there: both or neither).
    Example: briefing publish today.mp3 --site site
    """
    source = read_episode(mp3)
    site = Path(site)
    if base_url is not None:
        base_url = normalize_base_url(base_url)
    if settings is not None:
        parse_category(settings.category)  # refuse a bad category before touching the site
    _prepare_site(site)
    with site_lock(site):
        return _publish_locked(source, site, base_url=base_url, settings=settings, also=also)


def _publish_locked(source, site: Path, *, base_url: str | None, settings: Settings | None,
                    also: Callable[[Catalog, sqlite3.Connection], None] | None = None) -> Published:
    stem = slug(source.mp3.stem)
    key = stem if stem.startswith(source.day.isoformat()) else f"{source.day.isoformat()}-{stem}"
    folder = site / EPISODES_DIR
    files = {"mp3": f"{key}.mp3"}
    files.update({kind: key + SIDECAR_SUFFIXES[kind] for kind in source.sidecars})
    try:
        _copy_atomically(source.mp3, folder / files["mp3"])
        for kind, path in source.sidecars.items():
            _copy_atomically(path, folder / files[kind])
        # A sidecar the earlier version had and this one has not would be stale: remove it.
        for kind, suffix in SIDECAR_SUFFIXES.items():
            if kind not in source.sidecars:
                (folder / (key + suffix)).unlink(missing_ok=True)
    except OSError as exc:
        raise BriefingError(f"cannot copy {source.mp3} into {folder}: {exc.strerror or exc}") from None
    size = (folder / files["mp3"]).stat().st_size
    with Catalog(site, create=True) as catalog:
        updated = catalog.find(key) is not None
        with catalog.transaction() as conn:
            episode = catalog.upsert(conn, key=key, guid=episode_guid(key), title=source.title,
                                     description=describe(source), duration=source.duration, size=size,
                                     files=files, now=datetime.now(timezone.utc))
            if settings is not None:
                catalog.put(conn, "show", json.dumps(asdict(settings)))
            # The flag, else the show file, else what the site had, else localhost.
            chosen = base_url or (settings.base_url if settings else "")
            if chosen or catalog.get("base_url") is None:
                catalog.put(conn, "base_url", normalize_base_url(chosen or DEFAULT_BASE_URL))
            if catalog.get("podcast_guid") is None:
                catalog.put(conn, "podcast_guid", podcast_guid(catalog.get("base_url") + "feed.xml"))
            if also is not None:
                also(catalog, conn)
        feed = rebuild(site, catalog, settings)
        feed_url = catalog.get("base_url") + "feed.xml"
    return Published(episode=episode, updated=updated, feed=feed, page=site / "index.html", feed_url=feed_url)


def list_episodes(site: str | Path) -> list[CatalogEpisode]:
    """The site's episodes, newest first. Example: briefing episodes site"""
    with Catalog(site) as catalog:
        return catalog.episodes()


def remove_episode(site: str | Path, ident: str, *, settings: Settings | None = None) -> CatalogEpisode:
    """Remove one episode (by number, key or guid) and its files; rebuild feed and page.

    Example: briefing episodes site --remove 2
    """
    site = Path(site)
    with Catalog(site) as catalog, site_lock(site):
        episode = catalog.find(ident)
        if episode is None:
            raise BriefingError(f"{site}: no episode {ident!r} (see `briefing episodes {site}`)")
        with catalog.transaction() as conn:
            catalog.delete(conn, episode.key)
        # Feed and page first, files after: interrupted, the site never lists a file that is gone.
        rebuild(site, catalog, settings)
        for name in episode.files.values():
            (site / EPISODES_DIR / name).unlink(missing_ok=True)
    return episode
