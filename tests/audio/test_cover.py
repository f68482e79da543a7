"""Cover art: generated or the user's, always a square 3000 px RGB JPEG; bad images are user errors."""

import io
from datetime import date

import pytest
from PIL import Image

from briefing.audio.cover import MIN_SIDE, SIZE, CoverError, cover_jpeg


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_generated_cover_is_square_rgb_jpeg_with_text():
    image = opened(cover_jpeg(None, show="Harbor Weekly", day=date(2026, 3, 1)))
    assert image.format == "JPEG" and image.mode == "RGB" and image.size == (SIZE, SIZE)
    # Text is drawn: the light text colour appears in the upper left where the title goes.
    corner = image.crop((0, 0, SIZE // 2, SIZE // 3)).convert("L")
    assert corner.getextrema()[1] > 200


def test_a_long_show_name_still_fits():
    image = opened(cover_jpeg(None, show="The Extremely Long Name Of A Local Evening News Roundup Show", day=date.today()))
    assert image.size == (SIZE, SIZE)


def test_user_image_cropped_resized_and_flattened(tmp_path):
    path = tmp_path / "wide.png"
    Image.new("RGBA", (1600, 900), (200, 30, 30, 128)).save(path)
    image = opened(cover_jpeg(path, show="x", day=date.today()))
    assert image.size == (SIZE, SIZE) and image.mode == "RGB"


@pytest.mark.parametrize("kind", ["tiny", "text", "missing"])
def test_bad_user_images_are_refused(tmp_path, kind):
    path = tmp_path / "cover.png"
    if kind == "tiny":
        Image.new("RGB", (MIN_SIDE - 1, MIN_SIDE - 1)).save(path)
    elif kind == "text":
        path.write_text("not an image")
    with pytest.raises(CoverError, match="--cover"):
        cover_jpeg(path, show="x", day=date.today())


def test_cli_refuses_a_bad_cover_before_speaking(tmp_path, short_article, cli):
    bad = tmp_path / "c.jpg"
    bad.write_bytes(b"\xff\xd8 truncated")
    out = tmp_path / "e.mp3"
    result = cli("make", str(short_article), "-o", str(out), "--cover", str(bad))
    assert result.returncode != 0
    lines = result.stderr.decode().strip().splitlines()
    assert lines[-1].startswith("briefing: error: --cover") and "Traceback" not in result.stderr.decode()
    assert not list(tmp_path.glob("e.*"))
