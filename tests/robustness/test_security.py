"""Hostile text stays text: a title with a script tag is published as words, never as code.

(Template sandboxing is checked in test_bad_input.py; the server's traversal, symlink and
loopback rules in tests/publish/test_site_server.py; URL scheme, size and time limits in
test_bad_input.py and test_network_faults.py.)
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from robust_support import HOSTILE_TITLE, run_cli, small_episode


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inside = False
        self.scripts: list[str] = []
        self.handlers: list[str] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        self.inside = tag == "script"
        if self.inside:
            self.scripts.append("")
        self.handlers += [name for name, _ in attrs if name.startswith("on")]

    def handle_endtag(self, tag):
        self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.scripts[-1] += data
        self.text += data


def test_hostile_title_is_escaped_in_page_and_feed(tmp_path_factory, tmp_path):
    mp3 = small_episode(tmp_path_factory, "bells")
    site = tmp_path / "site"
    result = run_cli("publish", str(mp3), "--site", str(site), "--base-url", "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.stderr.decode()

    page = _Scripts()
    page.feed((site / "index.html").read_text(encoding="utf-8"))
    assert not any("alert" in script for script in page.scripts), "no live script carries the title"
    assert not page.handlers
    assert HOSTILE_TITLE in page.text, "the title is shown, as text"

    feed = ET.parse(site / "feed.xml").getroot()  # well-formed, or this raises
    titles = [item.findtext("title") for item in feed.iter("item")]
    assert titles == [HOSTILE_TITLE], "the parsed feed gives back the title exactly"
    raw = (site / "feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in raw, "escaped as &lt;script&gt;, not raw markup"
