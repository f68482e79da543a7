"""The show's artwork in a site: its own cover at a stable address, episode covers that name it.

Without an `image` in the show file the feed still needs a show image (Apple requires one).
Borrowing the newest episode's cover changed its URL with every episode and showed whatever
show name that episode was made with; instead the show's own cover is drawn once, with the
show's name and no date, as `cover.jpg` at the site's root, and drawn again only when the
show's name changes. A cover.jpg that briefing did not draw (an image the show file named
earlier) is kept as it is. The name drawn is the show's, or its `cover_title` when it has one
(a listener's feed shows its show's covers).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

SHOW_COVER = "cover.jpg"


def cover_title(settings) -> str:
    """The name drawn covers carry for these Settings."""
    return settings.cover_title.strip() or settings.show


def show_cover(store, show: str, *, cache_control: str | None = None) -> str:
    """The site's cover.jpg for `show` (drawn when missing or drawn for another name); its path
    relative to the site. `store` is the site's Store (a folder or a bucket)."""
    import io

    from ..audio.cover import drawn_cover, drawn_for

    current = store.get(SHOW_COVER)
    if current is None or drawn_for(io.BytesIO(current.data)) not in (None, show.strip()):
        store.put(SHOW_COVER, drawn_cover(show, None), content_type="image/jpeg",
                  cache_control=cache_control)
    return SHOW_COVER


def episode_cover_for(path: Path, show: str, day: date) -> bytes | None:
    """An episode cover briefing drew for another show name (made without the show file, say),
    drawn again with the show file's name; None when it is right as it is or a user's own."""
    from ..audio.cover import drawn_cover, drawn_for

    drawn = drawn_for(path) if path.is_file() else None
    if drawn is not None and drawn != show.strip():
        return drawn_cover(show, day)
    return None
