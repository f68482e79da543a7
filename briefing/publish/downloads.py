"""Download counting the IAB way (IAB Tech Lab Podcast Measurement Guidelines 2.2): one counting
core, fed by `briefing serve` as it answers media requests and by access-log parsers (S3,
CloudFront, nginx, Caddy) for a site in a bucket behind a CDN.

The rule: a download is one (listener, episode file, UTC day) whose requests' bytes add up to
at least the file's header plus one minute of audio at its bitrate (the whole file, when it is
shorter). A listener is a salted hash of the IP address and the user agent, the salt new every
day and the address never kept (a private show's listener is the listener their token names).
Requests of at most two bytes (`bytes=0-1` probes) never count; known bots and crawlers never
count (crawlerdetect's maintained list), nor requests without a user agent. Where the byte
range is known (served here, CloudFront, Caddy) overlapping ranges count once; where a log
gives only the bytes sent (nginx, S3), they are added up.
"""

from __future__ import annotations

from typing import NamedTuple

import hashlib
import re
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

PROBE_BYTES = 2  # bytes=0-1: players asking whether ranges work, never a listen
MINUTE = 60  # seconds of audio a download needs, after the header

# The app or platform behind a user agent, first match wins: podcast apps before the browsers
# whose engines they embed. Names as their makers spell them.
APPS = tuple((name, re.compile(pattern, re.I)) for name, pattern in (
    ("Apple Podcasts", r"^Podcasts/|^Apple ?Podcasts|iTunes|^AppleCoreMedia/"),
    ("Spotify", r"^Spotify/|Spotify"),
    ("Overcast", r"Overcast"),
    ("Pocket Casts", r"Pocket ?Casts"),
    ("Castro", r"^Castro"),
    ("AntennaPod", r"AntennaPod"),
    ("Podcast Addict", r"Podcast ?Addict"),
    ("Castbox", r"CastBox"),
    ("Podverse", r"Podverse"),
    ("Fountain", r"Fountain"),
    ("Player FM", r"Player ?FM"),
    ("gPodder", r"gPodder"),
    ("Google Podcasts", r"Google-Podcast|GSA/"),
    ("Amazon Music", r"AmazonMusic|Amazon Music|Alexa|Echo/"),
    ("Deezer", r"Deezer"),
    ("briefing (embedded player)", r"briefing-embed"),
    ("Edge", r"Edg(?:e|A|iOS)?/"),
    ("Firefox", r"Firefox/|FxiOS/"),
    ("Chrome", r"Chrome/|CriOS/|Chromium/"),
    ("Safari", r"Safari/"),
))
PLATFORMS = tuple((name, re.compile(pattern, re.I)) for name, pattern in (
    ("iOS", r"iPhone|iPad|iPod|\biOS\b|CFNetwork|AppleCoreMedia|watchOS"),
    ("Android", r"Android"),
    ("macOS", r"Macintosh|Mac OS X|Darwin"),
    ("Windows", r"Windows"),
    ("Linux", r"Linux|X11"),
))


@lru_cache(maxsize=4096)
def is_bot(user_agent: str) -> bool:
    """A crawler, bot or script (crawlerdetect's list), or no user agent at all."""
    if not user_agent.strip() or user_agent.strip() == "-":
        return True
    return _detector().isCrawler(user_agent)


@lru_cache(maxsize=1)
def _detector():
    from crawlerdetect import CrawlerDetect

    return CrawlerDetect()


@lru_cache(maxsize=4096)
def app_of(user_agent: str) -> str:
    """"Overcast", "Chrome on Android", ...: the app, and for a browser its platform."""
    app = next((name for name, pattern in APPS if pattern.search(user_agent)), "Other")
    if app in ("Edge", "Firefox", "Chrome", "Safari", "Other"):
        platform = next((name for name, pattern in PLATFORMS if pattern.search(user_agent)), None)
        if platform:
            return f"{app} on {platform}"
    return app


class DailySalt:
    """A random salt per UTC day: yesterday's listeners cannot be linked to today's, and with the
    old salt gone no hash can be traced back to an address."""

    def __init__(self, known: dict[str, str] | None = None):
        self._salts = dict(known or {})

    def for_day(self, day: str) -> str:
        if day not in self._salts:
            self._salts[day] = secrets.token_hex(16)
        return self._salts[day]


@lru_cache(maxsize=65536)  # a log repeats its listeners: each pair is hashed once
def listener_id(salt: str, ip: str, user_agent: str) -> str:
    return hashlib.sha256(f"{salt}\0{ip}\0{user_agent}".encode("utf-8", "replace")).hexdigest()[:20]


class MediaRequest(NamedTuple):  # a tuple: a million of them are made for a long log
    """One media request, as counting needs it: never the address itself."""

    day: str  # UTC day, YYYY-MM-DD
    listener: str  # the salted hash (or a private listener's own id)
    file: str  # the file's name in episodes/
    start: int | None  # the first byte sent, when known
    length: int  # bytes sent
    app: str


@dataclass(frozen=True)
class Media:
    """What counting needs of a file: its size, header and bitrate."""

    size: int
    header: int
    bitrate: int  # bits per second
    episode: str = ""  # the episode's key: its MP3 and its Opus file are one episode

    @property
    def threshold(self) -> int:
        """Bytes that make a download: the header plus a minute of audio, at most the whole file."""
        return min(self.size, self.header + MINUTE * self.bitrate // 8)


class Download(NamedTuple):  # a tuple: a million of them are made for a long log
    day: str
    listener: str
    file: str
    app: str


@dataclass
class _Pending:
    spans: list[tuple[int, int]] = field(default_factory=list)  # [first, end) of known ranges
    loose: int = 0  # bytes of requests whose range is unknown


def _covered(spans: list[tuple[int, int]]) -> int:
    total, reach = 0, -1
    for first, end in sorted(spans):
        if end <= reach:
            continue
        total += end - max(first, reach)
        reach = end
    return total


def count(requests: Iterable[MediaRequest], media: dict[str, Media]) -> Iterator[Download]:
    """The downloads among `requests` (any order within a day is fine): each (listener, episode,
    day) once, at the request that brings one of its files to that file's threshold (ranges of
    the MP3 and of the Opus file are not added together). Files not in `media` are not episodes
    and never count."""
    pending: dict[tuple[str, str, str], _Pending] = {}
    done: set[tuple[str, str, str]] = set()
    for request in requests:
        facts = media.get(request.file)
        if facts is None or request.length <= PROBE_BYTES:
            continue
        key = (request.listener, request.file, request.day)
        episode = (request.listener, facts.episode or request.file, request.day)
        if episode in done:
            continue
        state = pending.setdefault(key, _Pending())
        if request.start is None:
            state.loose += request.length
        else:
            state.spans.append((request.start, request.start + request.length))
        if state.loose + _covered(state.spans) >= facts.threshold:
            done.add(episode)
            pending.pop(key, None)
            yield Download(request.day, request.listener, request.file, request.app)

