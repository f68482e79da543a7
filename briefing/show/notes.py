"""Show notes: the stories of an episode, where each starts, and every source's link.

Written beside the episode as `X.notes.json` (publish copies it into the site; the feed's
description and `content:encoded` and the page are made from it):

    {"stories": [{"title": str, "start": seconds, "sources": [{"name": str, "url": str}]}]}

`start` is the story's chapter start: the chapter of its announcement. A story a language
model wrote also has `"written": {"model": str, "turns": n, "from_model": k}`: k of its n
turns are the model's (grounded), the rest the source's own sentences.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from ..models import Mention

NOTES_SUFFIX = ".notes.json"


def story_starts(chapters: Sequence[tuple[float, str]], titles: Sequence[str]) -> list[float]:
    """Each story's start: the first chapter with its title after the previous story's."""
    starts, at = [], 0
    for title in titles:
        found = next((i for i in range(at, len(chapters)) if chapters[i][1] == title.strip()), None)
        if found is None:
            starts.append(starts[-1] if starts else 0.0)
            continue
        starts.append(round(chapters[found][0], 3))
        at = found + 1
    return starts


def notes(stories: Sequence[tuple[str, Sequence[Mention]]], starts: Sequence[float], script=None) -> dict:
    data = {"stories": [
        {"title": title, "start": start,
         "sources": [{"name": m.source, "url": m.url} for m in mentions]}
        for (title, mentions), start in zip(stories, starts)]}
    if script is not None and script.writer:
        for story in data["stories"]:
            said = [s.origin for s in script.segments if s.origin and s.title == story["title"]]
            if said:
                story["written"] = {"model": script.writer.get("model") or script.writer.get("url"),
                                    "turns": len(said), "from_model": said.count("model")}
    return data


def write_notes(mp3: str | Path, stories: Sequence[tuple[str, Sequence[Mention]]], script=None) -> Path:
    """Write X.notes.json beside X.mp3, with each story's start read from X.chapters.json."""
    from ..audio.export import staged

    mp3 = Path(mp3)
    chapters_file = mp3.with_name(mp3.stem + ".chapters.json")
    chapters = []
    if chapters_file.is_file():
        data = json.loads(chapters_file.read_text(encoding="utf-8"))
        chapters = [(float(c["startTime"]), str(c.get("title", "")).strip()) for c in data.get("chapters", [])]
    starts = story_starts(chapters, [title for title, _ in stories])
    path = mp3.with_name(mp3.stem + NOTES_SUFFIX)
    with staged(path) as tmp:
        tmp.write_text(json.dumps(notes(stories, starts, script), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def notes_text(data: dict) -> str:
    """The notes as plain lines: "0:42 Title (Source: URL; ...)"."""
    lines = []
    for story in data.get("stories", []):
        minutes, seconds = divmod(int(story.get("start", 0)), 60)
        links = "; ".join(f"{s['name']}: {s['url']}" for s in story.get("sources", []))
        lines.append(f"{minutes}:{seconds:02d} {story['title']} ({links})")
    return "\n".join(lines)
