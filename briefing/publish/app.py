"""The page as an installable app (a progressive web app): the manifest, the icons drawn from the
show's cover, the service worker and the page's script.

    SITE/manifest.webmanifest   name, short name, icons, start_url, display standalone, colours
    SITE/icon-192.png, icon-512.png   the show's cover, square, for the home screen
    SITE/sw.js                  the service worker (opens offline; saved episodes play from the device)
    SITE/app.js                 the page's player: save for offline, lock screen, speed, resume, new

Every link in them is relative, so the same files work at the site's root and under a private
listener's /t/<token>/ (where `briefing serve` renders the manifest itself: a private folder has
no file that names the show). Written through the store like every other file, so a site in a
bucket is an app too. Nothing is loaded from another site.
"""

from __future__ import annotations

import hashlib
import io
import json
from importlib.resources import files as package_files

from .feed import Channel

ICON_SIZES = (192, 512)
THEME_COLOR = "#1a6fb5"  # the page's accent
BACKGROUND_COLOR = "#0a1020"  # the drawn cover's dark ground, for the splash screen
SCRIPTS = ("sw.js", "app.js")
MANIFEST = "manifest.webmanifest"


def script(name: str) -> bytes:
    """sw.js or app.js as shipped in the package."""
    return package_files("briefing.publish").joinpath("web", name).read_bytes()


def short_name(title: str, limit: int = 12) -> str:
    """What a home screen shows under the icon: the title, or its first words within `limit`."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    words, kept = title.split(), ""
    for word in words:
        if len((kept + " " + word).strip()) > limit:
            break
        kept = (kept + " " + word).strip()
    return kept or title[:limit]


def manifest(channel: Channel) -> str:
    """The web app manifest (JSON): relative start_url and scope, so it works in any folder."""
    return json.dumps({
        "name": channel.title,
        "short_name": short_name(channel.title),
        "description": channel.description,
        "lang": channel.language,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [{"src": f"icon-{size}.png", "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
                  for size in ICON_SIZES],
    }, indent=2, ensure_ascii=False)


ICON_MARK = "briefing-cover"  # the icons' PNG text chunk: a hash of the cover they were drawn from


def cover_digest(cover: bytes) -> str:
    return hashlib.sha256(cover).hexdigest()[:16]


def icons(cover: bytes) -> dict[str, bytes]:
    """icon-192.png and icon-512.png from the show's cover (cropped to its central square),
    each marked with the cover's hash."""
    from PIL import Image, ImageOps, PngImagePlugin

    mark = PngImagePlugin.PngInfo()
    mark.add_text(ICON_MARK, cover_digest(cover))
    with Image.open(io.BytesIO(cover)) as image:
        image.draft("RGB", (max(ICON_SIZES),) * 2)  # a JPEG decodes at a fraction of 3000 px: 10 times faster
        square = ImageOps.fit(image.convert("RGB"), (max(ICON_SIZES),) * 2, Image.Resampling.LANCZOS)
    made = {}
    for size in ICON_SIZES:
        out = io.BytesIO()
        square.resize((size, size), Image.Resampling.LANCZOS).save(out, "PNG", pnginfo=mark)
        made[f"icon-{size}.png"] = out.getvalue()
    return made


def _icons_drawn_from(store, cover: bytes) -> bool:
    """Whether the site's icons were drawn from this very cover (then they are not drawn again)."""
    from PIL import Image, UnidentifiedImageError

    for size in ICON_SIZES:
        kept = store.get(f"icon-{size}.png")
        if kept is None:
            return False
        try:
            with Image.open(io.BytesIO(kept.data)) as image:
                if image.text.get(ICON_MARK) != cover_digest(cover):
                    return False
        except (UnidentifiedImageError, OSError, AttributeError):
            return False
    return True


def _cover_bytes(store, channel: Channel, show: str) -> bytes:
    """The show's cover as the site has it; the drawn one when its image lives elsewhere."""
    from ..audio.cover import drawn_cover

    if channel.image_path:
        kept = store.get(channel.image_path)
        if kept is not None:
            return kept.data
    return drawn_cover(show, None)


def write_app_files(store, channel: Channel, *, private: bool, cache_control: str) -> None:
    """Manifest (public sites only), icons and scripts into the site; a file already as it should
    be is left alone (no upload, no new modification time)."""
    from .site import content_type

    wanted: dict[str, bytes] = {name: script(name) for name in SCRIPTS}
    cover = _cover_bytes(store, channel, channel.title)
    if not _icons_drawn_from(store, cover):
        wanted.update(icons(cover))
    if private:
        store.delete(MANIFEST)  # it names the show; `briefing serve` renders it under a token
    else:
        wanted[MANIFEST] = manifest(channel).encode("utf-8")
    for name, data in wanted.items():
        current = store.get(name) if store.size(name) == len(data) else None
        if current is None or current.data != data:
            store.put(name, data, content_type=content_type(name), cache_control=cache_control)
