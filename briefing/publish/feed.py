"""The podcast feed: RSS 2.0 with the itunes and podcast namespaces, from a Jinja2 template.

A template rather than feedgen: feedgen writes itunes:explicit as yes/no/clean (Apple now
wants true/false) and knows nothing of the podcast namespace. The template autoescapes
every value, so a title with `<script>` or `&` is text, and the feed stays well formed.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime
from urllib.parse import quote

from .catalog import CatalogEpisode
from .sidecars import Chapter

# The podcast namespace's URI, and the older GitHub address the spec says readers must treat as
# the same. gPodder's podcastparser (0.6.x) only knows the GitHub address, so the feed declares
# both (prefixes `podcast` and `podcastgh`) and repeats the transcript and chapters under the
# second; readers that know neither ignore it, readers that know both see the same URLs twice.
PODCAST_NAMESPACE = "https://podcastindex.org/namespace/1.0"
PODCAST_NAMESPACE_GITHUB = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"
# podcast:guid is a UUIDv5 of the feed URL (without scheme) in this namespace, fixed by the spec.
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")

MIME_TYPES = {
    "mp3": "audio/mpeg",
    "vtt": "text/vtt",
    "srt": "application/x-subrip",
    "chapters": "application/json+chapters",
    "transcript": "application/json",
    "txt": "text/plain",
    "jpg": "image/jpeg",
    "png": "image/png",
}

# XML 1.0 forbids most control characters even as references; a stray one would break the feed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: object) -> str:
    return _NOT_XML.sub("", str(value))


def podcast_guid(feed_url: str) -> str:
    """The show's podcast:guid: UUIDv5 of the feed URL without its scheme and trailing slashes."""
    bare = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", feed_url.strip()).rstrip("/")
    return str(uuid.uuid5(PODCAST_GUID_NAMESPACE, bare))


def episode_guid(key: str) -> str:
    """An episode's guid, derived from its key (DATE-STEM) alone, so it survives a new base URL
    and even a lost catalog: publishing the same file of the same day again is the same episode."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"briefing:episode:{key}"))


@dataclass(frozen=True)
class Channel:
    """The show, as the feed and the page describe it."""

    title: str
    description: str
    author: str
    email: str
    language: str
    category: str
    subcategory: str | None
    explicit: bool
    locked: bool
    base_url: str  # ends with "/"
    image_url: str | None  # absolute, for the feed
    image_path: str | None  # relative to the site, for the page (None when the image is elsewhere)
    guid: str  # podcast:guid, made from the first feed URL and kept when the site moves

    @property
    def feed_url(self) -> str:
        return self.base_url + "feed.xml"


def site_url(channel: Channel, relative: str) -> str:
    return channel.base_url + quote(relative)


def rfc2822(moment: datetime) -> str:
    return format_datetime(moment.astimezone(timezone.utc), usegmt=True)


def render_feed(channel: Channel, episodes: list[CatalogEpisode], chapters: dict[str, list[Chapter]],
                *, now: datetime | None = None, hosts: dict[str, list[str]] | None = None) -> str:
    """The whole feed.xml; `episodes` newest first, `chapters` and `hosts` (names) by episode key."""
    from .templates import environment

    items = []
    for episode in episodes:
        urls = {kind: site_url(channel, f"episodes/{name}") for kind, name in episode.files.items()}
        items.append({
            "episode": episode,
            "urls": urls,
            "pub_date": rfc2822(episode.published),
            "seconds": int(round(episode.duration)),
            "chapters": chapters.get(episode.key, []),
            "hosts": (hosts or {}).get(episode.key, []),
        })
    last_build = max((e.updated for e in episodes), default=now or datetime.now(timezone.utc))
    return environment().get_template("feed.xml.j2").render(
        channel=channel, items=items, mime=MIME_TYPES, last_build=rfc2822(last_build),
        podcast_ns=PODCAST_NAMESPACE, podcast_ns_github=PODCAST_NAMESPACE_GITHUB,
    )


def npt(seconds: float) -> str:
    """Podlove Simple Chapters time: HH:MM:SS.mmm."""
    ms = int(round(max(0.0, seconds) * 1000))
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"
