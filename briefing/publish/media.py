"""What publish records of each episode's audio files, for the feed and for download counting.

The catalog's site table keeps, under MEDIA_KEY, a JSON object by file name in episodes/:
`{"size": bytes, "header": bytes before the audio (the MP3's ID3 tag, the Ogg headers),
"bitrate": bits per second}`. The feed's Opus podcast:alternateEnclosure needs its length and
bitrate; the IAB download rule needs the header and bitrate (a download is the header plus
one minute of audio). Recorded at publish, so neither a bucket's files nor the MP3's tags have
to be read again.
"""

from __future__ import annotations

import json
from pathlib import Path

MEDIA_KEY = "media"


def describe_mp3(path: Path) -> dict:
    """Size, ID3 header length and bitrate of an MP3 file."""
    from mutagen.id3 import ID3, ID3NoHeaderError
    from mutagen.mp3 import MP3

    try:
        header = ID3(path).size
    except (ID3NoHeaderError, OSError, ValueError):
        header = 0
    audio = MP3(path)
    return {"size": path.stat().st_size, "header": int(header), "bitrate": int(audio.info.bitrate)}


def describe_opus(data: bytes, duration: float) -> dict:
    """Size, Ogg header length (the identification and comment pages) and mean bitrate of an
    Ogg Opus file of `duration` seconds."""
    pages = []
    at = data.find(b"OggS")
    while at != -1 and len(pages) < 3:
        pages.append(at)
        at = data.find(b"OggS", at + 4)
    header = pages[2] if len(pages) == 3 else 0
    bitrate = int(round((len(data) - header) * 8 / duration)) if duration > 0 else 0
    return {"size": len(data), "header": header, "bitrate": bitrate}


def recorded_media(catalog) -> dict[str, dict]:
    """{file name: {"size", "header", "bitrate"}} as publish recorded it ({} for older sites)."""
    try:
        return json.loads(catalog.get(MEDIA_KEY) or "{}")
    except ValueError:
        return {}


def record_media(catalog, conn, entries: dict[str, dict]) -> None:
    """Add `entries` and forget files no episode names any more (inside a catalog change)."""
    named = {name for episode in catalog.episodes() for name in episode.files.values()}
    media = {name: facts for name, facts in {**recorded_media(catalog), **entries}.items() if name in named}
    catalog.put(conn, MEDIA_KEY, json.dumps(media, sort_keys=True))
