"""Three short real episodes, made once for all publishing tests, and a site built from them.

Issue 4 adds SRT, chapters and a cover beside every MP3; until an episode has them, stand-ins
are written here (from the episode's own WebVTT), so the feed's tags can all be checked.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from briefing.audio.ffmpeg import ffmpeg_exe

TRICKY_TITLE = 'Tom & Jerry <script>alert("boo")</script> Win'

ARTICLES = {
    "ferry": """Harbor Ferry Adds Night Service

The harbor ferry will run until midnight from next month, the port authority said on Monday.

Fares

Night fares stay the same as day fares, the authority said.
""",
    "scope": """Library Lends Telescopes

The town library now lends small telescopes. Each loan lasts two weeks, the librarian said.
""",
    "garden": """Garden Club Plants Orchard

Volunteers planted forty apple trees on the old school field on Sunday.
""",
}


def _vtt_cues(vtt: str) -> list[tuple[str, str, str]]:
    return re.findall(r"(\d\d:\d\d:\d\d\.\d{3}) --> (\d\d:\d\d:\d\d\.\d{3})\n(.+)", vtt)


def _seconds(stamp: str) -> float:
    h, m, s = stamp.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def complete_sidecars(mp3: Path) -> None:
    """Stand-ins for the SRT, chapters and cover issue 4 makes, only where they are missing."""
    vtt = mp3.with_suffix(".vtt").read_text(encoding="utf-8")
    cues = _vtt_cues(vtt)
    srt = mp3.with_suffix(".srt")
    if not srt.exists():
        srt.write_text("".join(f"{n}\n{a.replace('.', ',')} --> {b.replace('.', ',')}\n{text}\n\n"
                               for n, (a, b, text) in enumerate(cues, 1)), encoding="utf-8")
    chapters = mp3.with_name(mp3.stem + ".chapters.json")
    if not chapters.exists():
        marks = [{"startTime": 0, "title": "Introduction"}]
        if len(cues) > 2:
            marks.append({"startTime": round(_seconds(cues[2][0]), 3), "title": "The story & <more>"})
        chapters.write_text(json.dumps({"version": "1.2.0", "chapters": marks}), encoding="utf-8")
    cover = mp3.with_suffix(".jpg")
    if not cover.exists():
        make_jpeg(cover)


def make_jpeg(path: Path, size: int = 1400) -> Path:
    subprocess.run([ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                    f"color=c=0x1a6fb5:s={size}x{size}", "-frames:v", "1", str(path)], check=True)
    return path


# Each test module imports these fixtures, which makes a fixture per module; this memo (this
# module is imported once) lets them all share one set of episodes and one site. Tests treat
# both as read-only and copy the site before changing it.
_MADE: dict[str, object] = {}


@pytest.fixture(scope="session")
def episodes(tmp_path_factory) -> dict[str, Path]:
    """name -> MP3 made by `briefing make`, with its sidecars complete."""
    if "episodes" not in _MADE:
        _MADE["episodes"] = _make_episodes(tmp_path_factory)
    return _MADE["episodes"]


def _make_episodes(tmp_path_factory) -> dict[str, Path]:
    from conftest import run_cli

    folder = tmp_path_factory.mktemp("episodes")
    made = {}
    for name, text in ARTICLES.items():
        article = folder / f"{name}.txt"
        article.write_text(text, encoding="utf-8")
        out = folder / "made" / f"{name}.mp3"
        out.parent.mkdir(exist_ok=True)
        extra = ["--title", TRICKY_TITLE] if name == "ferry" else []
        result = run_cli("make", str(article), "-o", str(out), "--show", "Alder Daily", "-q", *extra)
        assert result.returncode == 0, result.stderr.decode()
        complete_sidecars(out)
        made[name] = out
    return made


@pytest.fixture(scope="session")
def show_file(tmp_path_factory) -> Path:
    if "show_file" not in _MADE:
        _MADE["show_file"] = _write_show_file(tmp_path_factory)
    return _MADE["show_file"]


def _write_show_file(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("show")
    make_jpeg(folder / "show-cover.jpg")
    path = folder / "briefing.toml"
    path.write_text("""[show]
title = "Alder Daily & <Friends>"
description = "Local news from Alder, read aloud."
author = "Alder Newsroom"
email = "news@alder.example"
language = "en-gb"
category = "News/Daily News"
explicit = true
image = "show-cover.jpg"
""", encoding="utf-8")
    return path


BASE_URL = "http://podcast.alder.example/daily/"


@pytest.fixture(scope="session")
def site(tmp_path_factory, episodes, show_file) -> dict:
    """Three episodes published, the first one twice, through the CLI as a user would."""
    if "site" not in _MADE:
        _MADE["site"] = _publish_site(tmp_path_factory, episodes, show_file)
    return _MADE["site"]


def _publish_site(tmp_path_factory, episodes, show_file) -> dict:
    from conftest import run_cli

    site = tmp_path_factory.mktemp("site") / "public"
    env = {"BRIEFING_CONFIG": str(show_file)}
    outputs = []
    for name in ("ferry", "scope", "garden"):
        result = run_cli("publish", str(episodes[name]), "--site", str(site), "--base-url", BASE_URL, env=env)
        assert result.returncode == 0, result.stderr.decode()
        outputs.append(result)
    first_feed = (site / "feed.xml").read_text(encoding="utf-8")
    again = run_cli("publish", str(episodes["ferry"]), "--site", str(site), env=env)
    assert again.returncode == 0, again.stderr.decode()
    return {"dir": site, "first_feed": first_feed, "outputs": outputs, "again": again, "env": env}


def copy_site(site: Path, target: Path) -> Path:
    shutil.copytree(site, target)
    return target


def republished(site: dict, episodes: dict, show_file: Path, root: Path, show_lines: str):
    """A copy of the shared site under `root`, published again with `show_lines` added to the
    show file (`private = true`, a schedule ...): (the folder, the publish result)."""
    from conftest import run_cli

    folder = copy_site(site["dir"], root / "site")
    shutil.copy(show_file.parent / "show-cover.jpg", root / "show-cover.jpg")
    changed = root / "briefing.toml"
    changed.write_text(show_file.read_text() + show_lines, encoding="utf-8")
    result = run_cli("publish", str(episodes["scope"]), "--site", str(folder), env={"BRIEFING_CONFIG": str(changed)})
    assert result.returncode == 0, result.stderr.decode()
    return folder, result
