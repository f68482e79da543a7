"""What a podcast app shows beside an episode: show notes (from X.notes.json, else from the
chapters and the source link) as description and content:encoded, and covers that name the show."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from briefing.audio.cover import drawn_for
from site_fixtures import episodes, show_file, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.slow

CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"


class Links(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.items = 0
        self._href = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href = dict(attrs)["href"]
        self.items += tag == "li"

    def handle_data(self, data):
        if self._href:
            self.links.append((self._href, data))
            self._href = None


def publish(mp3, folder, show, *extra):
    from conftest import run_cli

    result = run_cli("publish", str(mp3), "--site", str(folder), *extra, env={"BRIEFING_CONFIG": str(show)})
    assert result.returncode == 0, result.stderr.decode()
    return ET.fromstring((folder / "feed.xml").read_bytes()).find("channel")


def copy_episode(mp3, target):
    target.mkdir(parents=True, exist_ok=True)
    for path in mp3.parent.glob(mp3.stem + ".*"):
        shutil.copy(path, target / path.name)
    return target / mp3.name


@pytest.fixture
def plain_show(tmp_path):
    """A show file without an image: the show's cover is ours to draw."""
    path = tmp_path / "briefing.toml"
    path.write_text('[show]\ntitle = "Harbor Weekly"\nauthor = "Harbor Newsroom"\n', encoding="utf-8")
    return path


def test_notes_sidecar_becomes_description_and_html_show_notes(episodes, plain_show, tmp_path):
    mp3 = copy_episode(episodes["ferry"], tmp_path / "made")
    notes = {"stories": [
        {"title": "Harbor Ferry Adds Night Service", "start": 12.4,
         "sources": [{"name": "Alder Times", "url": "https://alder.example/ferry?x=1&y=2"},
                     {"name": "Local file", "url": "/home/me/ferry.txt"}]},
        {"title": 'Mayor: "We will keep fares low', "start": 75.0, "sources": []},
    ]}
    mp3.with_name("ferry.notes.json").write_text(json.dumps(notes), encoding="utf-8")
    item = publish(mp3, tmp_path / "site", plain_show).find("item")
    assert item.findtext("description").splitlines() == [
        "In this episode:",
        "0:12 Harbor Ferry Adds Night Service (Alder Times: https://alder.example/ferry?x=1&y=2)",
        '1:15 Mayor: "We will keep fares low"',  # a quotation the title left open is closed
    ]
    html = Links(item.findtext(CONTENT))
    assert html.links == [("https://alder.example/ferry?x=1&y=2", "Alder Times")] and html.items == 2
    assert "/home/me" not in ET.tostring(item, encoding="unicode")


def test_without_notes_the_chapters_are_the_notes(site, episodes):
    feed = ET.fromstring((site["dir"] / "feed.xml").read_bytes()).find("channel")
    for item in feed.findall("item"):
        key = item.find("enclosure").get("url").rsplit("/", 1)[1][:-4]
        chapters = json.loads((site["dir"] / "episodes" / f"{key}.chapters.json").read_text())["chapters"]
        stories = [c for c in chapters if c["title"] not in ("Introduction", "Closing")]
        lines = item.findtext("description").splitlines()
        assert lines[0] == "In this episode:" and len(lines) == 1 + len(stories)
        for line, chapter in zip(lines[1:], stories):
            minutes, seconds = divmod(int(chapter["startTime"]), 60)
            assert line == f"{minutes}:{seconds:02d} {chapter['title']}"
        assert Links(item.findtext(CONTENT)).items == len(stories)
        assert "Welcome" not in item.findtext("description")  # never the script's greeting


def test_show_cover_is_drawn_once_with_the_shows_name(episodes, plain_show, tmp_path):
    folder = tmp_path / "site"
    first = publish(episodes["scope"], folder, plain_show)
    image = first.find(f"{ITUNES}image").get("href")
    assert image.endswith("/cover.jpg") and drawn_for(folder / "cover.jpg") == "Harbor Weekly"
    drawn = (folder / "cover.jpg").stat().st_mtime_ns
    second = publish(episodes["garden"], folder, plain_show)
    assert second.find(f"{ITUNES}image").get("href") == image  # stable: not the newest episode's
    assert (folder / "cover.jpg").stat().st_mtime_ns == drawn  # not drawn again
    plain_show.write_text(plain_show.read_text().replace("Harbor Weekly", "Harbor Daily"), encoding="utf-8")
    publish(episodes["garden"], folder, plain_show)
    assert drawn_for(folder / "cover.jpg") == "Harbor Daily"


def test_episode_covers_are_drawn_with_the_show_files_name(episodes, plain_show, tmp_path):
    folder = tmp_path / "site"
    assert drawn_for(episodes["scope"].with_suffix(".jpg")) == "Alder Daily"  # made with --show
    publish(episodes["scope"], folder, plain_show)
    (cover,) = (folder / "episodes").glob("*.jpg")
    assert drawn_for(cover) == "Harbor Weekly"
    assert drawn_for(episodes["scope"].with_suffix(".jpg")) == "Alder Daily"  # the maker's copy is untouched


def test_a_users_own_cover_is_never_redrawn(episodes, plain_show, tmp_path):
    from site_fixtures import make_jpeg

    mp3 = copy_episode(episodes["garden"], tmp_path / "made")
    make_jpeg(mp3.with_suffix(".jpg"))
    publish(mp3, tmp_path / "site", plain_show)
    (cover,) = (tmp_path / "site" / "episodes").glob("*.jpg")
    assert cover.read_bytes() == mp3.with_suffix(".jpg").read_bytes()
