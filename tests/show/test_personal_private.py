"""Personal briefings of a private show: each listener's token serves that listener's own feed
(and files) through `briefing serve`, and nobody else's."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import run_cli
from personal_fixtures import write_personal_show

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "publish"))
from serving import free_port, request, running_server  # noqa: E402

pytestmark = pytest.mark.slow


def test_each_token_serves_its_listeners_own_briefing(tmp_path):
    show = write_personal_show(tmp_path, listeners=2)
    show.write_text(show.read_text().replace('[show]\n', '[show]\nprivate = true\n', 1), encoding="utf-8")
    made = run_cli("run", "--show", str(show), "--date", "2026-11-25", env={"BRIEFING_CACHE_DIR": str(tmp_path / "c")})
    assert made.returncode == 0, made.stderr.decode()
    site = tmp_path / "site"
    port = free_port()
    tokens = {}
    for name in ("Ana", "Ben"):
        added = run_cli("listeners", "add", name, "--site", str(site), "--base-url", f"http://127.0.0.1:{port}/")
        assert added.returncode == 0, added.stderr.decode()
        tokens[name] = re.search(r"/t/([^/]+)/feed\.xml", added.stdout.decode()).group(1)
    with running_server(site, port):
        titles = {}
        for name, token in tokens.items():
            response, body = request(port, "GET", f"/t/{token}/feed.xml")
            assert response.status == 200, (name, response.status)
            feed = ET.fromstring(body)
            (item,) = feed.iter("item")
            titles[name] = feed.find("channel").findtext("title")  # the listener's own show
            enclosure = item.find("enclosure").get("url")
            assert enclosure.startswith(f"http://127.0.0.1:{port}/t/{token}/episodes/"), enclosure
            audio, data = request(port, "GET", enclosure.split(str(port), 1)[1])
            assert audio.status == 200 and len(data) == int(item.find("enclosure").get("length"))
            own = sorted((site / "listeners" / name.lower() / "episodes").glob("*.mp3"))
            assert [p.name for p in own] == [enclosure.rsplit("/", 1)[1]]
        assert titles == {"Ana": "Harbor Daily for Ana", "Ben": "Harbor Daily for Ben"}
        # Another listener's briefing is not reachable with one's own token, nor anything without one.
        ben_mp3 = next((site / "listeners" / "ben" / "episodes").glob("*.mp3")).name
        assert request(port, "GET", f"/t/{tokens['Ana']}/episodes/{ben_mp3}")[0].status == 404
        assert request(port, "GET", f"/t/{tokens['Ana']}/listeners/ben/feed.xml")[0].status == 404
        assert request(port, "GET", f"/listeners/ana/feed.xml")[0].status == 404
        assert request(port, "GET", f"/t/not-a-token/feed.xml")[0].status == 404
