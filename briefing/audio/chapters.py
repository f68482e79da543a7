"""Chapters from the Timeline: ID3 CHAP frames with one CTOC, and Podcasting 2.0 JSON.

One chapter per segment (the intro, each section, the outro), starting where the
segment's speech starts; the first starts at zero (it includes the opening sting)
and each ends where the next begins, so the chapters tile the episode. Both forms
are made from the same list, so they agree exactly.

    from briefing.audio.chapters import chapters_from, chapters_json
    print(chapters_json(chapters_from(episode.timeline)))
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..models import Timeline

DEFAULT_TITLES = {"intro": "Introduction", "outro": "Closing"}
JSON_VERSION = "1.2.0"  # Podcasting 2.0 JSON chapters


@dataclass(frozen=True)
class Chapter:
    start: float
    end: float
    title: str


def chapters_from(timeline: Timeline) -> list[Chapter]:
    """A chapter per Timeline segment, contiguous from zero to the end of the episode."""
    starts: list[tuple[float, str]] = []
    for index, entry in enumerate(timeline.entries):
        title = (entry.title or DEFAULT_TITLES.get(entry.kind) or f"Part {index + 1}").strip()
        if starts and title == starts[-1][1]:
            continue  # a hand-over and the story it hands over to are one chapter
        start = 0.0 if not starts else max(entry.start, starts[-1][0])
        starts.append((start, title))
    return [Chapter(start, starts[i + 1][0] if i + 1 < len(starts) else timeline.duration, title)
            for i, (start, title) in enumerate(starts)]


def chapters_json(chapters: list[Chapter]) -> str:
    """The Podcasting 2.0 chapters file (`X.chapters.json`)."""
    data = {"version": JSON_VERSION,
            "chapters": [{"startTime": round(c.start, 3), "title": c.title} for c in chapters]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_chapters(tags, chapters: list[Chapter]) -> None:
    """Add CHAP frames and one top-level, ordered CTOC to mutagen ID3 `tags` (saved by the caller)."""
    from mutagen.id3 import CHAP, CTOC, TIT2, CTOCFlags

    tags.delall("CHAP")
    tags.delall("CTOC")
    ids = [f"chp{n}" for n in range(len(chapters))]
    for element_id, chapter in zip(ids, chapters):
        tags.add(CHAP(element_id=element_id, start_time=int(round(chapter.start * 1000)),
                      end_time=int(round(chapter.end * 1000)), start_offset=0xFFFFFFFF, end_offset=0xFFFFFFFF,
                      sub_frames=[TIT2(encoding=1, text=[chapter.title])]))
    if ids:
        tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids,
                      sub_frames=[TIT2(encoding=1, text=["Chapters"])]))
