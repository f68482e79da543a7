"""An episode's files as export leaves them: X.mp3 and, when present, its sidecars.

Every sidecar is optional: an episode made by another tool (or before chapters and
covers existed) publishes with what it has, and the feed and page leave out the rest.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..errors import BriefingError
from .notes import ShowNotes, derive_notes, notes_text, read_notes

# kind -> the suffix after the stem, in the order files are copied.
SIDECAR_SUFFIXES: dict[str, str] = {
    "txt": ".txt",
    "vtt": ".vtt",
    "srt": ".srt",
    "chapters": ".chapters.json",
    "transcript": ".transcript.json",
    "jpg": ".jpg",
    "png": ".png",
    "notes": ".notes.json",  # the self-running show's notes: stories, starts, sources (show/notes.py)
}


@dataclass(frozen=True)
class Chapter:
    start: float
    title: str


@dataclass(frozen=True)
class TranscriptCue:
    start: float
    text: str
    speaker: str | None = None  # from the WebVTT voice tag, <v Hannah>, in a show with several hosts


@dataclass(frozen=True)
class EpisodeSource:
    """What publishing reads from an MP3 and the files beside it."""

    mp3: Path
    title: str
    day: date
    source: str | None
    duration: float
    sidecars: dict[str, Path]


def sidecar_path(mp3: Path, suffix: str) -> Path:
    return mp3.with_name(mp3.stem + suffix)


def read_episode(mp3: str | Path) -> EpisodeSource:
    """Tags, duration and sidecars of an MP3; a file that is not an MP3 is a user error."""
    from mutagen import MutagenError
    from mutagen.mp3 import MP3, HeaderNotFoundError

    mp3 = Path(mp3)
    if not mp3.is_file():
        raise BriefingError(f"{mp3}: no such file")
    try:
        audio = MP3(mp3)
    except (HeaderNotFoundError, MutagenError, OSError) as exc:
        raise BriefingError(f"{mp3}: not an MP3 file ({exc})") from None
    tags = audio.tags or {}

    def text(frame: str) -> str | None:
        values = tags.getall(frame) if hasattr(tags, "getall") else []
        value = str(values[0]).strip() if values else ""
        return value or None

    title = text("TIT2") or mp3.stem.replace("_", " ").replace("-", " ").strip() or mp3.stem
    day = _tag_date(text("TDRC")) or datetime.fromtimestamp(mp3.stat().st_mtime).date()
    sidecars = {kind: sidecar_path(mp3, suffix) for kind, suffix in SIDECAR_SUFFIXES.items()}
    return EpisodeSource(
        mp3=mp3, title=title, day=day, source=text("COMM"), duration=float(audio.info.length),
        sidecars={kind: path for kind, path in sidecars.items() if path.is_file()},
    )


def _tag_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def read_chapters(path: Path | None) -> list[Chapter]:
    """Podcasting 2.0 JSON chapters; an unreadable file means no chapters, not a failed publish."""
    if path is None or not path.is_file():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        chapters = [Chapter(float(c["startTime"]), str(c.get("title", "")).strip())
                    for c in data.get("chapters", []) if c.get("toc", True) is not False]
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return []
    return sorted((c for c in chapters if c.title), key=lambda c: c.start)


_VTT_CUE = re.compile(r"(?:(\d+):)?(\d\d):(\d\d)[.,](\d{3})\s+-->\s+\S+[^\n]*\n(.+?)(?:\n\n|\Z)", re.S)


def read_transcript(json_transcript: Path | None, vtt: Path | None, txt: Path | None) -> list[TranscriptCue]:
    """Timed sentences from the JSON transcript (a segment per sentence), else the WebVTT
    captions (parts of sentences), else the script's paragraphs without times."""
    if json_transcript is not None and json_transcript.is_file():
        try:
            data = json.loads(json_transcript.read_text(encoding="utf-8"))
            cues = [TranscriptCue(float(s["startTime"]), " ".join(str(s["body"]).split()), s.get("speaker") or None)
                    for s in data.get("segments", [])]
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            cues = []
        if cues:
            return cues
    if vtt is not None and vtt.is_file():
        text = vtt.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
        cues = []
        for m in _VTT_CUE.finditer(text):
            hours = int(m.group(1) or 0)
            start = hours * 3600 + int(m.group(2)) * 60 + int(m.group(3)) + int(m.group(4)) / 1000
            cues.append(_voiced_cue(start, " ".join(m.group(5).split())))
        if cues:
            return cues
    if txt is not None and txt.is_file():
        paragraphs = txt.read_text(encoding="utf-8", errors="replace").split("\n\n")
        return [TranscriptCue(-1.0, " ".join(p.split())) for p in paragraphs if p.strip()]
    return []


def source_links(source: EpisodeSource) -> list[str]:
    """The episode's sources as tagged (COMM, comma-separated): web addresses only."""
    return [part.strip() for part in (source.source or "").split(",") if re.match(r"^https?://", part.strip())]


def episode_notes(source: EpisodeSource) -> ShowNotes:
    """The episode's show notes: its notes sidecar, else derived from its chapters and source."""
    return (read_notes(source.sidecars.get("notes"))
            or derive_notes(read_chapters(source.sidecars.get("chapters")), source_links(source)))


_VOICE_TAG = re.compile(r"^<v(?:\.[^\s>]*)?\s+([^>]+)>(.*?)(?:</v>)?$")


def _voiced_cue(start: float, text: str) -> TranscriptCue:
    """A cue whose text may open with a WebVTT voice tag: the speaker apart, the text unescaped."""
    m = _VOICE_TAG.match(text)
    if m is None:
        return TranscriptCue(start, html.unescape(text))
    return TranscriptCue(start, html.unescape(m.group(2)).strip(), m.group(1).strip())


def transcript_speakers(cues: list[TranscriptCue]) -> list[str]:
    """The names heard in a transcript, in the order they first speak (the hosts)."""
    return list(dict.fromkeys(c.speaker for c in cues if c.speaker))


def describe(source: EpisodeSource) -> str:
    """The feed's plain-text description: the show notes (see notes.py)."""
    return notes_text(episode_notes(source), source.title)
