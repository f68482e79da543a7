"""Cover art: our own design drawn with Pillow, or the user's image made podcast-ready.

Podcast directories want a square RGB JPEG of 1400 to 3000 pixels; we always write
3000 x 3000. The generated cover shows the show's name and the episode's date in the
font Pillow ships (Aileron, public domain; `ImageFont.load_default(size=...)`), over
a dark gradient with a few rings like a sound wave. A user image (`--cover`) must
open as an image and be at least MIN_SIDE pixels on its short side; it is cropped to
its central square, resized and converted to RGB.

    from briefing.audio.cover import cover_jpeg
    open("cover.jpg", "wb").write(cover_jpeg(None, show="Harbor Weekly", day=date.today()))
"""

from __future__ import annotations

import io
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..errors import BriefingError

SIZE = 3000
MIN_SIDE = 600  # smaller than this would be visibly blurry at 3000 px
JPEG_QUALITY = 88
TOP, BOTTOM = (18, 32, 58), (6, 10, 20)  # gradient colours
ACCENT = (242, 169, 59)
TEXT = (245, 245, 240)


class CoverError(BriefingError):
    pass


def _font(size: int):
    from PIL import ImageFont

    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1 has no sizeable default font
        raise CoverError("drawing the cover needs Pillow 10.1 or newer: pip install -U pillow") from None


def _wrap(draw, text: str, font, width: int) -> list[str]:
    """Greedy word wrap to `width` pixels."""
    lines: list[str] = []
    for word in text.split():
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(trial, font=font) <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines or [""]


def generate_cover(show: str, day: date | None):
    """Our own cover: the show's name large, the date under it (none on the show's own cover),
    rings and a rule in the accent colour."""
    import numpy as np
    from PIL import Image, ImageDraw

    ramp = np.linspace(0.0, 1.0, SIZE, dtype=np.float32)[:, None, None]
    gradient = np.array(TOP, np.float32) * (1 - ramp) + np.array(BOTTOM, np.float32) * ramp
    # One column, stretched sideways: building all 3000 x 3000 pixels in float took 0.2 s.
    column = Image.fromarray(np.ascontiguousarray(gradient.astype(np.uint8)), "RGB")
    image = column.resize((SIZE, SIZE), Image.Resampling.NEAREST)
    draw = ImageDraw.Draw(image)
    # Rings spreading from the lower right, like a sound wave.
    cx, cy = int(SIZE * 0.82), int(SIZE * 0.86)
    for n in range(1, 8):
        r = n * SIZE // 9
        shade = tuple(int(c * (0.55 - n * 0.05)) + int(b * (0.45 + n * 0.05)) for c, b in zip(ACCENT, BOTTOM))
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=shade, width=SIZE // 120)
    margin = SIZE // 10
    width = SIZE - 2 * margin
    title = show.strip() or "The Briefing"
    size = SIZE // 7
    font = _font(size)
    lines = _wrap(draw, title, font, width)
    while size > SIZE // 30 and (len(lines) > 4 or any(draw.textlength(x, font=font) > width for x in lines)):
        size = int(size * 0.9)
        font = _font(size)
        lines = _wrap(draw, title, font, width)
    y = margin
    draw.rectangle((margin, y, margin + SIZE // 6, y + SIZE // 100), fill=ACCENT)
    y += SIZE // 18
    for line in lines:
        draw.text((margin, y), line, font=font, fill=TEXT)
        y += int(size * 1.15)
    if day is not None:
        small = _font(SIZE // 22)
        draw.text((margin, y + SIZE // 40), f"{day:%B} {day.day}, {day.year}", font=small, fill=ACCENT)
    return image


def load_cover(path: str | Path):
    """The user's image, checked, cropped to its central square, SIZE px, RGB."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    path = Path(path)
    if not path.is_file():
        raise CoverError(f"--cover {path}: no such file")
    try:
        with Image.open(path) as opened:
            opened.load()
            image = ImageOps.exif_transpose(opened)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise CoverError(f"--cover {path}: not an image Pillow can read ({exc.__class__.__name__})") from None
    if min(image.size) < MIN_SIDE:
        raise CoverError(f"--cover {path}: {image.width}x{image.height} px is too small; "
                         f"give at least {MIN_SIDE}x{MIN_SIDE} (podcast apps show 1400-3000 px)")
    if image.mode in ("RGBA", "LA", "P", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    image = image.convert("RGB")
    return ImageOps.fit(image, (SIZE, SIZE), method=Image.Resampling.LANCZOS)


def cover_jpeg(path: str | Path | None, *, show: str, day: date | None) -> bytes:
    """The episode's cover as JPEG bytes: the user's image if given, else our generated one
    (`day=None`: the show's own cover, without a date). A drawn cover says in its JPEG comment
    which show it was drawn for, so publishing can tell it from a user's image and redraw it
    when the show file names the show differently."""
    buffer = io.BytesIO()
    if path:
        load_cover(path).save(buffer, "JPEG", quality=JPEG_QUALITY, dpi=(72, 72))
    else:
        generate_cover(show, day).save(buffer, "JPEG", quality=JPEG_QUALITY, dpi=(72, 72),
                                       comment=(DRAWN_MARK + show.strip()).encode("utf-8"))
    return buffer.getvalue()


DRAWN_MARK = "drawn by briefing for: "


@lru_cache(maxsize=8)
def drawn_cover(show: str, day: date | None) -> bytes:
    """Our own cover for a show and day as JPEG bytes, drawn once per process (a third of a
    second each): every listener's episode of a show's day carries the same one."""
    return cover_jpeg(None, show=show, day=day)


def drawn_for(path: str | Path) -> str | None:
    """The show name a cover briefing drew carries; None for any other image (or none)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            comment = image.info.get("comment", b"")
    except (OSError, UnidentifiedImageError, ValueError):
        return None
    text = comment.decode("utf-8", "replace") if isinstance(comment, bytes) else str(comment)
    return text[len(DRAWN_MARK):] if text.startswith(DRAWN_MARK) else None
