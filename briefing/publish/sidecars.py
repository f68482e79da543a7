"""An episode's files as export leaves them: X.mp3 and, when present, its sidecars.

Every sidecar is optional: an episode made by another tool (or before chapters and
covers existed) publishes with what it has, and the feed and page leave out the rest.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..errors import BriefingError

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


def read_transcript(vtt: Path | None, txt: Path | None) -> list[TranscriptCue]:
    """Timed sentences from the WebVTT file, else the script's paragraphs without times."""
    if vtt is not None and vtt.is_file():
        text = vtt.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
        cues = []
        for m in _VTT_CUE.finditer(text):
            hours = int(m.group(1) or 0)
            start = hours * 3600 + int(m.group(2)) * 60 + int(m.group(3)) + int(m.group(4)) / 1000
            cues.append(TranscriptCue(start, " ".join(m.group(5).split())))
        if cues:
            return cues
    if txt is not None and txt.is_file():
        paragraphs = txt.read_text(encoding="utf-8", errors="replace").split("\n\n")
        return [TranscriptCue(-1.0, " ".join(p.split())) for p in paragraphs if p.strip()]
    return []


def describe(source: EpisodeSource) -> str:
    """A short description for the feed: the script's news (after the intro's greeting), else
    the chapters' titles, else the title; then the source."""
    paragraphs = []
    if "txt" in source.sidecars:
        paragraphs = [" ".join(p.split()) for p in
                      source.sidecars["txt"].read_text(encoding="utf-8", errors="replace").split("\n\n")
                      if p.strip()]
    # The script opens with a greeting and ends with a sign-off; the news is in between.
    body = paragraphs[1:-1] if len(paragraphs) > 2 else paragraphs
    chapters = [c.title for c in read_chapters(source.sidecars.get("chapters"))]
    if body:
        text = _shorten(" ".join(body), 400)
    elif chapters:
        text = "In this episode: " + "; ".join(chapters) + "."
    else:
        text = source.title
    # Only web addresses: a local file's path says nothing to a listener and should not go public.
    links = [part.strip() for part in (source.source or "").split(",") if re.match(r"^https?://", part.strip())]
    if links:
        text += " Source: " + ", ".join(links) + "."
    return text


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    return cut[: end + 1] if end > limit // 3 else cut.rsplit(" ", 1)[0] + "…"
