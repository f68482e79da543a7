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
from .notes import ShowNotes, derive_notes, notes_html, notes_text
from .sidecars import Chapter

# The podcast namespace's URI. Its older GitHub address is, by the spec, the same namespace: a feed
# that repeats transcripts and chapters under it has two podcast:chapters per item to a conforming
# client. So only this one is declared. gPodder's podcastparser (0.6.x) knows only the GitHub
# address; it still gets the chapters, from the Podlove Simple Chapters, but no transcript link.
PODCAST_NAMESPACE = "https://podcastindex.org/namespace/1.0"
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
    "opus": "audio/ogg; codecs=opus",
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
    schedule: str = ""  # the show file's "06:30" (daily): podcast:updateFrequency FREQ=DAILY
    block: bool = False  # itunes:block and podcast:block: private and listener feeds stay out of directories

    @property
    def feed_url(self) -> str:
        return self.base_url + "feed.xml"


def site_url(channel: Channel, relative: str) -> str:
    return channel.base_url + quote(relative)


def rfc2822(moment: datetime) -> str:
    return format_datetime(moment.astimezone(timezone.utc), usegmt=True)


def render_feed(channel: Channel, episodes: list[CatalogEpisode], chapters: dict[str, list[Chapter]],
                notes: dict[str, ShowNotes | None] | None = None, *, now: datetime | None = None,
                hosts: dict[str, list[str]] | None = None, media: dict[str, dict] | None = None) -> str:
    """The whole feed.xml; `episodes` newest first, `chapters`, show `notes` and `hosts` (names,
    for podcast:person) by episode key.

    An episode's description is its show notes as text, and content:encoded the same as HTML;
    an episode published without notes (before they existed) keeps its recorded description.
    """
    from .templates import environment

    items = []
    for episode in episodes:
        urls = {kind: site_url(channel, f"episodes/{name}") for kind, name in episode.files.items()}
        its_chapters = chapters.get(episode.key, [])
        its_notes = (notes or {}).get(episode.key)
        shown = its_notes or derive_notes(its_chapters, [])
        items.append({
            "episode": episode,
            "urls": urls,
            "pub_date": rfc2822(episode.published),
            "seconds": int(round(episode.duration)),
            "chapters": its_chapters,
            "description": notes_text(its_notes, episode.title) if its_notes else episode.description,
            "content_html": notes_html(shown, episode.title),
            "hosts": (hosts or {}).get(episode.key, []),
            "opus": (media or {}).get(episode.files.get("opus", "")),
        })
    last_build = max((e.updated for e in episodes), default=now or datetime.now(timezone.utc))
    return environment().get_template("feed.xml.j2").render(
        channel=channel, items=items, mime=MIME_TYPES, last_build=rfc2822(last_build),
        podcast_ns=PODCAST_NAMESPACE, update_frequency=update_frequency(channel.schedule),
    )


def update_frequency(schedule: str) -> tuple[str, str] | None:
    """podcast:updateFrequency for the show file's schedule: (rrule, text), None without one.
    A schedule is a time of day, every day ("06:30"), so the rule is FREQ=DAILY."""
    from ..errors import BriefingError
    from ..show.schedule import parse_time

    if not (schedule or "").strip():
        return None
    try:
        hour, minute = parse_time(schedule)
    except BriefingError:
        return None
    return "FREQ=DAILY", f"Daily at {hour:02d}:{minute:02d}"


def insecure_links_warning(feed_url: str) -> str | None:
    """One line for `publish` when the feed's links are plain http: Podcasting 2.0 asks for https
    in podcast:* links, and directories expect it. On your own network http is fine."""
    if feed_url.startswith("http://"):
        return ("the feed's links start with http://; podcast apps on your network play them, but a public "
                "show wants https:// (set public_url in the show file, or --base-url https://...)")
    return None


def missing_email_warning(email: str | None) -> str | None:
    """One line for `publish` when the show has no email: the feed is valid without its
    itunes:owner, but Apple Podcasts Connect checks the owner's email to list a show."""
    if not email:
        return ("the show has no email, so the feed names no owner; Apple Podcasts needs one to list "
                "the show (set email in the show file: briefing init --email you@example.org)")
    return None


def npt(seconds: float) -> str:
    """Podlove Simple Chapters time: HH:MM:SS.mmm."""
    ms = int(round(max(0.0, seconds) * 1000))
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"
