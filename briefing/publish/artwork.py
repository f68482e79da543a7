"""The show's artwork in a site: its own cover at a stable address, episode covers that name it.

Without an `image` in the show file the feed still needs a show image (Apple requires one).
Borrowing the newest episode's cover changed its URL with every episode and showed whatever
show name that episode was made with; instead the show's own cover is drawn once, with the
show's name and no date, as `cover.jpg` at the site's root, and drawn again only when the
show's name changes. A cover.jpg that briefing did not draw (an image the show file named
earlier) is kept as it is.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

SHOW_COVER = "cover.jpg"


def _write(path: Path, data: bytes) -> None:
    from ..audio.export import staged

    with staged(path) as tmp:
        tmp.write_bytes(data)


def show_cover(site: Path, show: str) -> str:
    """The site's cover.jpg for `show` (drawn when missing or drawn for another name); its path
    relative to the site."""
    from ..audio.cover import cover_jpeg, drawn_for

    path = site / SHOW_COVER
    if not path.is_file() or drawn_for(path) not in (None, show.strip()):
        _write(path, cover_jpeg(None, show=show, day=None))
    return SHOW_COVER


def rename_episode_cover(path: Path, show: str, day: date) -> None:
    """An episode cover briefing drew for another show name (made without the show file, say)
    is drawn again with the show file's name; a user's own cover is left alone."""
    from ..audio.cover import cover_jpeg, drawn_for

    drawn = drawn_for(path) if path.is_file() else None
    if drawn is not None and drawn != show.strip():
        _write(path, cover_jpeg(None, show=show, day=day))
