"""Show notes: the stories of an episode, where each starts, and where each came from.

The self-running show writes them beside the MP3 as `X.notes.json`:

    {"stories": [{"title": str, "start": seconds, "sources": [{"name": str, "url": str}]}]}

A plain `briefing make` writes none; then the notes are derived from the episode's chapters
(their titles and times) and its source link, never from cut-off script text. They become the
item's `<description>` (plain text: a line per story with its time and links) and its
`content:encoded` (the same as an HTML list). Every line is a whole title or a whole link, so a
description never ends on a heading run into a sentence or inside an open quotation.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

# Chapter titles the episode's own intro and outro get (audio/chapters.py); not stories.
FRAME_TITLES = {"Introduction", "Closing"}
MAX_STORIES = 40  # a description stays well under Apple's 4000 bytes


@dataclass(frozen=True)
class Source:
    name: str
    url: str


@dataclass(frozen=True)
class Story:
    title: str
    start: float | None
    sources: tuple[Source, ...] = ()
    written: str | None = None  # "written with MODEL: 5 of 6 turns", when a language model wrote it


@dataclass(frozen=True)
class ShowNotes:
    stories: tuple[Story, ...]
    sources: tuple[Source, ...] = ()  # the episode's own, when they belong to no one story

    def to_json(self) -> str:
        def source(s: Source) -> dict:
            return {"name": s.name, "url": s.url}

        data: dict = {"stories": [{"title": s.title, "start": s.start, "sources": [source(x) for x in s.sources],
                                   **({"written_note": s.written} if s.written else {})}
                                  for s in self.stories]}
        if self.sources:
            data["sources"] = [source(s) for s in self.sources]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _web_link(url: object) -> str | None:
    """Only http(s) addresses: a local file's path says nothing to a listener and stays private."""
    url = str(url or "").strip()
    return url if re.match(r"^https?://[^\s/]+", url) and not re.search(r"\s", url) else None


def _sources(items: object) -> tuple[Source, ...]:
    found = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and (url := _web_link(item.get("url"))):
            found.append(Source(" ".join(str(item.get("name") or "").split()) or host_of(url), url))
    return tuple(found)


def host_of(url: str) -> str:
    host = urlparse(url).hostname or url
    return host.removeprefix("www.")


def read_notes(path: Path | None) -> ShowNotes | None:
    """The notes sidecar; an unreadable or empty one is no notes (publishing derives them)."""
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        stories = []
        for item in data.get("stories", []):
            title = " ".join(str(item.get("title") or "").split())
            start = item.get("start")
            start = float(start) if isinstance(start, (int, float)) and not isinstance(start, bool) else None
            if title:
                stories.append(Story(title, start, _sources(item.get("sources")), _written(item)))
        notes = ShowNotes(tuple(stories), _sources(data.get("sources")))
    except (OSError, ValueError, TypeError, AttributeError):
        return None
    return notes if notes.stories or notes.sources else None


def _written(item: dict) -> str | None:
    """How a story a language model wrote came to be, in a few words for the notes."""
    if isinstance(item.get("written_note"), str):
        return item["written_note"]
    written = item.get("written")
    if not isinstance(written, dict):
        return None
    try:
        turns, mine = int(written.get("turns", 0)), int(written.get("from_model", 0))
    except (TypeError, ValueError):
        return None
    model = " ".join(str(written.get("model") or "a language model").split())[:60]
    return f"written with {model}: {mine} of {turns} turns, the rest in the source's own words" if turns else None


def derive_notes(chapters: list, links: list[str]) -> ShowNotes:
    """Notes for an episode without a notes file: its chapters (without the intro and the
    closing) as stories, and its web source links."""
    titled = [c for c in chapters if c.title]
    if titled and titled[0].title in FRAME_TITLES:
        titled = titled[1:]
    if titled and titled[-1].title in FRAME_TITLES:
        titled = titled[:-1]
    sources = tuple(Source(host_of(url), url) for url in (_web_link(link) for link in links) if url)
    return ShowNotes(tuple(Story(c.title, c.start) for c in titled), sources)


def clock(seconds: float) -> str:
    """12:05 or 1:02:05, as players show a position (and as apps make show-note times links)."""
    total = int(max(0.0, seconds))
    h, rem = divmod(total, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def _closed(text: str) -> str:
    """A title cut inside a quotation gets its closing mark, so no line ends in an open quote."""
    if text.count('"') % 2:
        text += '"'
    if text.count("\u201c") > text.count("\u201d"):
        text += "\u201d"
    return text


def _story_line(story: Story) -> str:
    line = (f"{clock(story.start)} " if story.start is not None else "") + _closed(story.title)
    if story.sources:
        line += " (" + "; ".join(f"{s.name}: {s.url}" for s in story.sources) + ")"
    if story.written:
        line += f" [{story.written}]"
    return line


def notes_text(notes: ShowNotes, title: str) -> str:
    """The item's plain-text description: what the episode covers, a line per story."""
    lines = []
    stories = notes.stories[:MAX_STORIES]
    if stories:
        lines.append("In this episode:")
        lines += [_story_line(story) for story in stories]
    else:
        lines.append(_closed(title) + ("" if title.endswith((".", "!", "?", '"', "\u201d")) else "."))
    if notes.sources:
        label = "Source" if len(notes.sources) == 1 else "Sources"
        lines.append(f"{label}: " + ", ".join(s.url for s in notes.sources))
    return "\n".join(lines)


def notes_html(notes: ShowNotes, title: str) -> str:
    """The item's content:encoded: the same notes as HTML, stories linked to their sources."""
    from markupsafe import Markup, escape

    def link(source: Source) -> Markup:
        return Markup('<a href="{}">{}</a>').format(source.url, source.name)

    parts = []
    stories = notes.stories[:MAX_STORIES]
    if stories:
        parts.append(Markup("<p>In this episode:</p>\n<ul>"))
        for story in stories:
            item = Markup("<li>")
            if story.start is not None:
                item += escape(clock(story.start)) + " "
            item += escape(_closed(story.title))
            if story.sources:
                item += Markup(" (") + Markup("; ").join(link(s) for s in story.sources) + Markup(")")
            if story.written:
                item += Markup(" <em>[{}]</em>").format(story.written)
            parts.append(item + Markup("</li>"))
        parts.append(Markup("</ul>"))
    else:
        parts.append(Markup("<p>{}</p>").format(notes_text(ShowNotes(()), title)))
    if notes.sources:
        label = "Source" if len(notes.sources) == 1 else "Sources"
        parts.append(Markup("<p>{}: {}</p>").format(label, Markup(", ").join(link(s) for s in notes.sources)))
    return str(Markup("\n").join(parts))
