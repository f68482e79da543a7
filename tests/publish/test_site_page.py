"""index.html as a listener's browser gets it: a player per episode, chapters that seek,
the transcript, subscribing, and nothing loaded from elsewhere or run from a title."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from site_fixtures import TRICKY_TITLE, episodes, show_file, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.slow


class Page(HTMLParser):
    """Every element with its attributes, and the text of each <script>."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if tag == "script":
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)

    def all(self, tag):
        return [attrs for t, attrs in self.elements if t == tag]


@pytest.fixture(scope="module")
def page(site):
    return Page((site["dir"] / "index.html").read_text(encoding="utf-8"))


def test_one_player_per_episode_with_metadata_preload(page, site):
    players = page.all("audio")
    assert len(players) == 3
    for audio in players:
        assert "controls" in audio and audio["preload"] == "metadata"
        assert (site["dir"] / audio["src"]).is_file()


def test_readable_on_a_phone_and_discoverable(page):
    assert {"name": "viewport", "content": "width=device-width, initial-scale=1"} in page.all("meta")
    feeds = [a for a in page.all("link") if a.get("rel") == "alternate"]
    assert feeds and feeds[0]["type"] == "application/rss+xml" and feeds[0]["href"] == "feed.xml"
    assert any(a.get("href") == "feed.xml" and "subscribe" in a.get("class", "") for a in page.all("a"))
    assert "@media" in "".join(page.text)  # responsive rules in the inline stylesheet


def test_nothing_is_loaded_from_another_site(page):
    for _, attrs in page.elements:
        for name in ("src", "href"):
            value = attrs.get(name, "")
            assert "://" not in value and not value.startswith("//"), value


def test_a_title_with_markup_stays_text(page):
    assert len(page.scripts) == 2  # ours, at the end (the inline one and app.js); none from a title
    assert not any("boo" in script for script in page.scripts)
    assert TRICKY_TITLE in "".join(page.text)


def test_chapters_are_seek_links_at_their_start_times(page, episodes):
    seeks = [float(a["data-seek"]) for a in page.all("a") if "data-seek" in a]
    for mp3 in episodes.values():
        chapters = json.loads(mp3.with_name(mp3.stem + ".chapters.json").read_text())["chapters"]
        for chapter in chapters:
            assert round(float(chapter["startTime"]), 3) in seeks
    assert "currentTime" in page.scripts[0]


def test_transcript_is_on_the_page_sentence_by_sentence(page, episodes):
    text = " ".join("".join(page.text).split())
    for mp3 in episodes.values():
        segments = json.loads(mp3.with_name(mp3.stem + ".transcript.json").read_text())["segments"]
        # Whole sentences (the captions split them into cards), each a seek link at its start.
        assert segments and all(" ".join(s["body"].split()) in text for s in segments)
    seeks = {float(a["data-seek"]) for a in page.all("a") if "data-seek" in a}
    assert all(round(s["startTime"], 3) in seeks for mp3 in episodes.values()
               for s in json.loads(mp3.with_name(mp3.stem + ".transcript.json").read_text())["segments"])
