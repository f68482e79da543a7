"""Publishing into a site, a folder or a bucket: store the episode's files, record it, rebuild feed and page.

    SITE/                   a folder, or a prefix in a bucket (s3://, gs://, az://; see briefing.storage)
      catalog.sqlite        the episodes (see catalog.py)
      feed.xml, index.html  rebuilt on every change, each replaced atomically
      cover.jpg             the show's image, when the show file names a local one
      episodes/DATE-STEM-HASH.mp3 (+ .txt .vtt .srt .chapters.json .transcript.json .jpg)

An episode's identity is its key, DATE-STEM: the date tagged in the MP3 (TDRC) and the
file's stem. Publishing a file with the same name and date again updates that episode
(same number, guid and publication time); the same name on another day is a new one.
Its files are named by the key and a short hash of their content, so a file name never
changes its content: a CDN may cache media forever, and a republished episode gets new URLs.

Order, so a reader never sees a feed pointing at a missing file: media and sidecars first,
then the catalog (a conditional write, retried on conflict), then index.html, feed.xml last;
files an episode no longer uses are deleted only after the feed without them is in place.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from ..errors import BriefingError
from ..show.config import Settings
from ..storage import Store, open_store
from ..storage.folder import keep_file
from .catalog import (CATALOG_NAME, Catalog, CatalogEpisode, CatalogState, fetch_catalog, not_a_site, open_copy,
                      update_catalog)
from .categories import parse_category
from .artwork import cover_title, episode_cover_for, show_cover
from .app import write_app_files
from .documents import CHANNEL_KEY, channel_json, render_documents, render_embed_pages
from .embed import write_embed_pages
from .feed import Channel, episode_guid, podcast_guid
from .media import describe_mp3, describe_opus, record_media, recorded_media
from .sidecars import SIDECAR_SUFFIXES, describe, episode_notes, read_episode

EPISODES_DIR = "episodes"
DEFAULT_BASE_URL = "http://localhost:8000/"
IMAGE_TYPES = {".jpg": ".jpg", ".jpeg": ".jpg", ".png": ".png"}
# What a CDN in front of a bucket may cache: the feed and the page briefly (a new episode shows
# up within minutes), files whose names carry their content's hash for a year.
SHORT_CACHE = "public, max-age=300"
IMMUTABLE_CACHE = "public, max-age=31536000, immutable"
# A file in episodes/ that no catalog entry names is a leftover of an interrupted publish, once
# it is this old; younger ones may belong to a publish still on its way to the catalog.
ORPHAN_AGE = timedelta(hours=1)
# Rebuilds after which a feed is left as it is even if the catalog keeps changing: each change
# is made by a publisher that writes the feed itself afterwards.
SETTLE_ROUNDS = 5


@dataclass(frozen=True)
class Published:
    """What publish did: the episode as recorded, and whether it replaced an earlier version.

    `feed` and `page` are paths for a folder site, "s3://bucket/prefix/feed.xml" for a bucket.
    """

    episode: CatalogEpisode
    updated: bool
    feed: Path | str
    page: Path | str
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


def content_type(name: str) -> str:
    """The type a reader gets for a file: the same `briefing serve` sends."""
    from .server import media_type

    return media_type(name) or "application/octet-stream"


def _where(store: Store, name: str) -> Path | str:
    return store.root / name if store.local else f"{store.location}/{name}"


def _show_settings(catalog: Catalog, settings: Settings | None) -> Settings:
    """The show file's settings when there is one, else those the site last published with."""
    if settings is not None:
        return settings
    stored = catalog.get("show")
    if stored:
        known = {k: v for k, v in json.loads(stored).items() if k in Settings.__dataclass_fields__}
        return replace(Settings(), **known)
    return Settings()


def _local_show_image(settings: Settings | None) -> tuple[str, Path] | None:
    """The show file's image when it is a file here: (its name in the site, its path). Checked
    before the site is touched."""
    image = settings.image.strip() if settings else ""
    if not image or re.match(r"^https?://", image):
        return None
    suffix = IMAGE_TYPES.get(Path(image).suffix.lower())
    if suffix is None or not Path(image).is_file():
        raise BriefingError(f"show image {image}: give a square .jpg or .png file (or an http(s) URL)")
    return "cover" + suffix, Path(image)


def _channel(store: Store, settings: Settings, base_url: str, guid: str) -> Channel:
    category, subcategory = parse_category(settings.category)
    image_url = image_path = None
    local_image = _local_show_image(settings)
    if re.match(r"^https?://", settings.image.strip()):
        image_url = settings.image.strip()
    elif local_image:
        image_path, source = local_image
        store.put(image_path, source, content_type=content_type(image_path), cache_control=SHORT_CACHE)
    else:
        image_path = show_cover(store, cover_title(settings), cache_control=SHORT_CACHE)  # drawn once
    if image_path:
        image_url = base_url + image_path
    return Channel(
        title=settings.show, description=settings.description, author=settings.author, email=settings.email,
        language=settings.language, category=category, subcategory=subcategory, explicit=settings.explicit,
        locked=settings.locked, base_url=base_url, image_url=image_url, image_path=image_path, guid=guid,
        schedule=settings.schedule, block=settings.private or settings.block,
    )


# The sidecars feed and page are made from.
SIDECAR_KINDS = ("chapters", "notes", "transcript", "vtt", "txt")

# Media names carrying a content hash (DATE-STEM-3f2a9c1e.vtt) never change their content, so
# their parsed text can be kept on this machine; names from before hashing are read every time.
_IMMUTABLE_NAME = re.compile(r"-[0-9a-f]{8}\.[a-z.]+$")


def _read_sidecars(store: Store, episodes: list[CatalogEpisode], channel: Channel,
                   media: dict | None = None) -> tuple[str, str, dict[str, str]]:
    """Chapters and transcripts of every episode, by key, read from the site's own files.

    From a bucket, a file whose name carries its content hash is fetched once and kept in the
    cache folder (sidecars/), so a publish does not download every episode's sidecars again.
    """
    wanted = {kind: {e.key: e.files[kind] for e in episodes if kind in e.files} for kind in SIDECAR_KINDS}
    if store.local:
        folder = store.root / EPISODES_DIR
        paths = {name: folder / name for names in wanted.values() for name in names.values()}
        return _documents(_sidecar_locator(wanted, paths), channel, episodes, media)
    from concurrent.futures import ThreadPoolExecutor

    from ..voices.cache import default_cache_dir

    kept = default_cache_dir() / "sidecars"
    names = sorted({name for names in wanted.values() for name in names.values()})
    with tempfile.TemporaryDirectory(prefix="briefing-sidecars-") as scratch:
        paths = {}
        missing = []
        for name in names:
            if _IMMUTABLE_NAME.search(name) and (kept / name).is_file():
                paths[name] = kept / name
            else:
                missing.append(name)
        with ThreadPoolExecutor(max_workers=8) as pool:  # one request each; obstore releases the GIL
            blobs = list(pool.map(lambda n: store.get(f"{EPISODES_DIR}/{n}"), missing))
        for name, blob in zip(missing, blobs):
            if blob is None:
                continue
            paths[name] = Path(scratch) / name
            paths[name].write_bytes(blob.data)
            if _IMMUTABLE_NAME.search(name):
                keep_file(kept / name, blob.data)  # a cache: a file left out only costs a download
        return _documents(_sidecar_locator(wanted, paths), channel, episodes, media)


def _documents(located, channel: Channel, episodes: list[CatalogEpisode], media) -> tuple[str, str, dict[str, str]]:
    """feed.xml, index.html and the embed pages, from the sidecars where `located` finds them."""
    feed, page = render_documents(located, channel, episodes, media=media)
    return feed, page, render_embed_pages(located, channel, episodes)


def _sidecar_locator(wanted: dict, paths: dict[str, Path]):
    """Where each episode's sidecar of a kind is on this machine (None when it has none)."""

    def located(episode: CatalogEpisode, kind: str) -> Path | None:
        name = wanted[kind].get(episode.key)
        return paths.get(name) if name else None

    return located


def rebuild(site: str | Path | Store, catalog: Catalog, settings: Settings | None = None,
            base_url: str | None = None) -> Path | str:
    """Write index.html, then feed.xml, from the catalog; each replaces the old one atomically."""
    store = open_store(site)
    settings = _show_settings(catalog, settings)
    base_url = normalize_base_url(base_url or catalog.get("base_url") or settings.public_url
                                  or settings.base_url or DEFAULT_BASE_URL)
    # The spec wants podcast:guid made once and kept "even if the feed URL changes".
    guid = catalog.get("podcast_guid") or podcast_guid(base_url + "feed.xml")
    channel = _channel(store, settings, base_url, guid)
    episodes = catalog.episodes()
    feed, page, embeds = _read_sidecars(store, episodes, channel, recorded_media(catalog))
    # The page as an app: manifest, icons and scripts (publish/app.py), before the page links them.
    write_app_files(store, channel, private=settings.private, cache_control=SHORT_CACHE)
    if settings.private:
        # A private show has no public feed, page or embed pages: `briefing serve` answers only
        # under a listener's token (see listeners.py).
        embeds = {}
        for name in ("feed.xml", "index.html"):
            store.delete(name)
    write_embed_pages(store, embeds, cache_control=SHORT_CACHE)
    if settings.private:
        return _where(store, "feed.xml")
    store.put("index.html", page.encode("utf-8"), content_type=content_type("index.html"), cache_control=SHORT_CACHE)
    store.put("feed.xml", feed.encode("utf-8"), content_type=content_type("feed.xml"), cache_control=SHORT_CACHE)
    return _where(store, "feed.xml")


def _rebuild_settled(store: Store, state: CatalogState, settings: Settings | None) -> CatalogState:
    """Rebuild from `state`, then again while the catalog moved on meanwhile: another publisher
    may have written its feed from an older catalog after ours. Returns the state last built from."""
    for _ in range(SETTLE_ROUNDS):
        with open_copy(store, state) as catalog:
            rebuild(store, catalog, settings)
        if store.version(CATALOG_NAME) == state.version:
            break
        state = fetch_catalog(store)
    return state


def _episode_digest(source) -> str:
    """A short hash of the episode's files: names change exactly when content does."""
    digest = hashlib.sha256()
    for kind, path in [("mp3", source.mp3), *sorted(source.sidecars.items())]:
        digest.update(kind.encode() + b"\0")
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()[:8]


def publish(mp3: str | Path, site: str | Path, *, base_url: str | None = None, public_url: str | None = None,
            settings: Settings | None = None,
            also: Callable[[Catalog, sqlite3.Connection], None] | None = None) -> Published:
    """Store MP3 + sidecars in SITE/episodes, record the episode, rebuild page and feed.

    SITE is a folder or a bucket URL (s3://bucket/prefix, gs://..., az://...). `public_url` is
    the address listeners reach the site at, which the feed's links start with (`base_url` is
    its older name). `settings` is the show file's content (None when there is none: the site
    keeps what it last published with). `also` runs inside the catalog change that records the
    episode (the self-running show marks its stories covered there: both or neither; on a
    conflicting writer the whole change, `also` included, is applied again to the newer catalog).
    Example: briefing publish today.mp3 --site s3://podcasts/harbor
    """
    source = read_episode(mp3)
    store = open_store(site)
    address = public_url or base_url
    if address is not None:
        address = normalize_base_url(address)
    if settings is not None:
        parse_category(settings.category)  # refuse a bad category before touching the site
        _local_show_image(settings)
    with store.lock():
        return _publish_locked(source, store, address=address, settings=settings, also=also)


def _publish_locked(source, store: Store, *, address: str | None, settings: Settings | None,
                    also: Callable[[Catalog, sqlite3.Connection], None] | None = None) -> Published:
    stem = slug(source.mp3.stem)
    key = stem if stem.startswith(source.day.isoformat()) else f"{source.day.isoformat()}-{stem}"
    named = f"{key}-{_episode_digest(source)}"
    files = {"mp3": f"{named}.mp3"}
    files.update({kind: named + SIDECAR_SUFFIXES[kind] for kind in source.sidecars})
    # Every episode has show notes: its own, or derived from its chapters and source link.
    made: dict[str, bytes] = {"notes": episode_notes(source).to_json().encode("utf-8")}
    files["notes"] = named + SIDECAR_SUFFIXES["notes"]
    # The small Opus file for mobile data, made from this MP3 once (its name carries the hash).
    files["opus"] = f"{named}.opus"
    media = {files["mp3"]: describe_mp3(source.mp3)}
    if store.size(f"{EPISODES_DIR}/{files['opus']}") is None:
        from ..audio.opus import opus_from_mp3

        made["opus"] = opus_from_mp3(source.mp3)
        media[files["opus"]] = describe_opus(made["opus"], source.duration)
    if settings is not None and "jpg" in source.sidecars:
        # A cover briefing drew for another show name is drawn again with the show file's.
        redrawn = episode_cover_for(source.sidecars["jpg"], cover_title(settings), source.day)
        if redrawn is not None:
            made["jpg"] = redrawn
    # The flag, else the show file, else what the site had, else (a folder only) localhost.
    chosen = address or (settings.public_url or settings.base_url if settings else "")
    state = fetch_catalog(store)
    if not chosen and not store.local:
        with open_copy(store, state, create=True) as catalog:
            if catalog.get("base_url") is None:
                raise BriefingError(f"{store.location}: a bucket has no address listeners could use; give the "
                                    "public one with --public-url (or public_url in the show file), "
                                    "e.g. https://cdn.example.org/show/")
    for kind, path in [("mp3", source.mp3), *source.sidecars.items(), *((k, None) for k in made)]:
        if kind in made and path is not None:
            continue  # replaced by what was made above
        data = made[kind] if path is None else path
        name = f"{EPISODES_DIR}/{files[kind]}"
        # Same name, same content: a file already there (a re-run, or one killed after it) stays.
        if store.size(name) != (len(data) if isinstance(data, bytes) else path.stat().st_size):
            store.put(name, data, content_type=content_type(name), cache_control=IMMUTABLE_CACHE)
    size = source.mp3.stat().st_size

    def record(catalog: Catalog, conn) -> tuple[CatalogEpisode, CatalogEpisode | None]:
        previous = catalog.find(key)
        episode = catalog.upsert(conn, key=key, guid=episode_guid(key), title=source.title,
                                 description=describe(source), duration=source.duration, size=size,
                                 files=files, now=datetime.now(timezone.utc))
        if settings is not None:
            catalog.put(conn, "show", json.dumps(asdict(settings)))
        if chosen or catalog.get("base_url") is None:
            catalog.put(conn, "base_url", normalize_base_url(chosen or DEFAULT_BASE_URL))
        if catalog.get("podcast_guid") is None:
            catalog.put(conn, "podcast_guid", podcast_guid(catalog.get("base_url") + "feed.xml"))
        # `briefing serve` renders feed and page again for its own address from this channel.
        channel = _channel(store, _show_settings(catalog, settings), catalog.get("base_url"),
                           catalog.get("podcast_guid"))
        catalog.put(conn, CHANNEL_KEY, channel_json(channel))
        record_media(catalog, conn, media)
        if also is not None:
            also(catalog, conn)
        return episode, previous

    (episode, previous), written = update_catalog(store, record, create=True, first=state)
    settled = _rebuild_settled(store, written, settings)
    # The feed without the earlier version's files is in place: now they can go.
    for name in set(previous.files.values() if previous else ()) - set(files.values()):
        store.delete(f"{EPISODES_DIR}/{name}")
    sweep_orphans(store, settled)
    with open_copy(store, written) as catalog:
        feed_url = catalog.get("base_url") + "feed.xml"
    return Published(episode=episode, updated=previous is not None, feed=_where(store, "feed.xml"),
                     page=_where(store, "index.html"), feed_url=feed_url)


def sweep_orphans(store: Store, state: CatalogState) -> None:
    """Delete files in episodes/ that no episode names (left by publishes that were killed).

    Called under the store's lock. A folder's lock is exclusive, so every such file is an
    orphan; a bucket has no lock, so only files older than ORPHAN_AGE are (a publisher still
    at work has files there that its catalog write has not named yet).
    """
    with open_copy(store, state) as catalog:
        named = {f"{EPISODES_DIR}/{name}" for e in catalog.episodes() for name in e.files.values()}
    cutoff = datetime.now(timezone.utc) - (timedelta(0) if store.local else ORPHAN_AGE)
    for entry in list(store.list(EPISODES_DIR + "/")):
        if entry.name not in named and entry.modified < cutoff:
            store.delete(entry.name)


def list_episodes(site: str | Path) -> list[CatalogEpisode]:
    """The site's episodes, newest first. Example: briefing episodes s3://podcasts/harbor"""
    store = open_store(site)
    with open_copy(store, fetch_catalog(store)) as catalog:
        return catalog.episodes()


def remove_episode(site: str | Path, ident: str, *, settings: Settings | None = None) -> CatalogEpisode:
    """Remove one episode (by number, key or guid) and its files; rebuild page and feed.

    Example: briefing episodes site --remove 2
    """
    store = open_store(site)
    if store.size(CATALOG_NAME) is None:
        raise not_a_site(store)  # before the lock, which would create the folder

    def forget(catalog: Catalog, conn) -> CatalogEpisode:
        episode = catalog.find(ident)
        if episode is None:
            raise BriefingError(f"{store.location}: no episode {ident!r} (see `briefing episodes {store.location}`)")
        catalog.delete(conn, episode.key)
        return episode

    with store.lock():
        episode, written = update_catalog(store, forget)
        # Page and feed first, files after: interrupted, the site never lists a file that is gone.
        _rebuild_settled(store, written, settings)
        for name in episode.files.values():
            store.delete(f"{EPISODES_DIR}/{name}")
    return episode
