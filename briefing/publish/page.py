"""The site's index.html: a player per episode, its chapters as seek links, its transcript.

Links inside the page are relative, so it plays from any address the site is served at
(localhost, a LAN address, a static host) and needs nothing from the internet.
"""

from __future__ import annotations

from urllib.parse import quote

from .catalog import CatalogEpisode
from .feed import Channel
from .sidecars import Chapter, TranscriptCue


def clock(seconds: float) -> str:
    """12:05 or 1:02:05: how a player shows a position."""
    total = int(max(0.0, seconds))
    h, rem = divmod(total, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def render_page(channel: Channel, episodes: list[CatalogEpisode], chapters: dict[str, list[Chapter]],
                transcripts: dict[str, list[TranscriptCue]]) -> str:
    """The whole index.html; `episodes` newest first, chapters and transcripts by episode key."""
    from .app import THEME_COLOR
    from .embed import snippet
    from .templates import environment

    items = []
    for episode in episodes:
        files = {kind: "episodes/" + quote(name) for kind, name in episode.files.items()}
        items.append({
            "episode": episode,
            "files": files,
            "cover": files.get("jpg") or files.get("png"),
            "date": episode.published.strftime("%-d %B %Y"),
            "embed_snippet": snippet(channel, episode),
            "length": clock(episode.duration),
            "chapters": [{"start": round(c.start, 3), "at": clock(c.start), "title": c.title}
                         for c in chapters.get(episode.key, [])],
            "transcript": [{"start": round(c.start, 3) if c.start >= 0 else None, "at": clock(c.start),
                            "text": c.text, "speaker": c.speaker} for c in transcripts.get(episode.key, [])],
        })
    return environment().get_template("index.html.j2").render(channel=channel, items=items, theme_color=THEME_COLOR)
