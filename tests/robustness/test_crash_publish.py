"""Killing `briefing publish` at random moments never leaves a broken site.

After every SIGKILL: feed.xml is well-formed and complete, index.html is whole, the catalog
opens and passes SQLite's integrity check, every episode the feed or page lists has its files
(with the feed's length), and catalog, feed and page agree, except for the one episode whose
publish was cut short (it may be in the catalog and not yet in the feed: the feed lags by at
most that episode, and the next publish brings them level). Two publishes at once are serialized.
"""

from __future__ import annotations

import os
import random
import re
import sqlite3
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from robust_support import copy_episode, kill_after, run_cli, small_episode

KILLS = 52
BASE = "http://127.0.0.1:8000/"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.mp3s: set[str] = set()
        self.closed = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in {"href", "src"} and value and value.endswith(".mp3"):
                self.mp3s.add(value.rsplit("/", 1)[-1])

    def handle_endtag(self, tag):
        if tag == "html":
            self.closed = True


def site_state(site: Path) -> dict[str, set[str]]:
    """The MP3 names the catalog, the feed and the page each list; checks each is whole on the way."""
    feed = ET.parse(site / "feed.xml").getroot()  # raises if not well-formed
    assert feed.tag == "rss"
    feed_mp3s = set()
    for item in feed.iter("item"):
        enclosure = item.find("enclosure")
        name = enclosure.get("url").rsplit("/", 1)[-1]
        path = site / "episodes" / name
        assert path.is_file(), f"the feed lists {name}, which is missing"
        assert path.stat().st_size == int(enclosure.get("length")), name
        feed_mp3s.add(name)
    page = _Links()
    page.feed((site / "index.html").read_text(encoding="utf-8"))
    assert page.closed, "index.html is whole"
    # Opened as briefing opens it: a journal a killed writer left is rolled back on opening.
    db = sqlite3.connect(site / "catalog.sqlite")
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        import json

        catalog = {}
        for files_json, in db.execute("SELECT files FROM episodes"):
            files = json.loads(files_json)
            for name in files.values():
                assert (site / "episodes" / name).is_file(), f"the catalog lists {name}, which is missing"
            catalog[files["mp3"]] = files
    finally:
        db.close()
    return {"catalog": set(catalog), "feed": feed_mp3s, "page": page.mp3s}


def assert_consistent(site: Path, interrupted: set[str] = frozenset()) -> None:
    """Feed and page list nothing the catalog lacks; the catalog lists more only for interrupted publishes."""
    state = site_state(site)
    assert state["feed"] <= state["catalog"], "every feed item is in the catalog"
    assert state["page"] <= state["catalog"], "every episode on the page is in the catalog"
    for listing in ("feed", "page"):
        lag = {name for name in state["catalog"] - state[listing]
               if not any(re.search(rf"-{stem}-[0-9a-f]{{8}}\.mp3$", name) for stem in interrupted)}
        assert not lag, f"only interrupted publishes may be missing from the {listing}: {lag}"


@pytest.fixture(scope="module")
def sources(tmp_path_factory):
    return {name: small_episode(tmp_path_factory, name) for name in ("pier", "bells")}


def _footprint(site: Path) -> tuple:
    """What a publish changes: every file's name, size and modification time."""
    return tuple(sorted((str(p.relative_to(site)), p.stat().st_size, p.stat().st_mtime_ns)
                        for p in site.rglob("*") if p.is_file() and p.name != ".publish.lock"))


def _publish_args(mp3: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "briefing", "-q", "publish", str(mp3), "--site", str(site), "--base-url", BASE]


def test_publish_survives_random_kills(sources, tmp_path):
    rng = random.Random(20261125)
    site = tmp_path / "site"
    staging = tmp_path / "staging"
    for name, mp3 in sources.items():
        assert run_cli("publish", str(mp3), "--site", str(site), "--base-url", BASE).returncode == 0
    assert_consistent(site)
    started = time.monotonic()
    assert run_cli("publish", str(sources["pier"]), "--site", str(site)).returncode == 0
    whole_run = time.monotonic() - started

    killed = finished = mid_write = 0
    interrupted: set[str] = set()  # new episodes whose publish was killed since the last one that finished
    for round_number in range(2 * KILLS):
        if killed >= KILLS:
            break
        # Half the rounds publish a new episode, half republish one the site already has.
        if rng.random() < 0.5:
            stem = f"k{round_number}"
            mp3 = copy_episode(sources[rng.choice(["pier", "bells"])], staging, stem)
        else:
            mp3, stem = sources[rng.choice(["pier", "bells"])], None
        before = _footprint(site)
        process = subprocess.Popen(_publish_args(mp3, site), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if kill_after(process, whole_run * rng.uniform(0.35, 1.25)):
            finished += 1
            interrupted.clear()  # a whole publish rebuilds feed and page from the catalog
        else:
            killed += 1
            interrupted.update([stem] if stem else [])
            mid_write += _footprint(site) != before
        assert_consistent(site, interrupted)

    assert killed >= KILLS, (killed, finished)
    assert mid_write >= 5, "kills landed while the site was being written, not only at start-up"
    # The next publish brings catalog, feed and page level and sweeps away the temporary files.
    assert run_cli("publish", str(sources["bells"]), "--site", str(site)).returncode == 0
    state = site_state(site)
    assert state["catalog"] == state["feed"] == state["page"]
    assert not [p for p in site.rglob("*.part")]
    print(f"publish: {killed} kills survived ({mid_write} after the site was touched), "
          f"{finished} runs finished before their kill")


def test_two_publishes_at_once_are_serialized(sources, tmp_path):
    """Without the lock, the slower rebuild wins and the feed loses the other's episode."""
    for attempt in range(4):
        site = tmp_path / f"site{attempt}"
        assert run_cli("publish", str(sources["pier"]), "--site", str(site), "--base-url", BASE).returncode == 0
        a = copy_episode(sources["pier"], tmp_path / f"a{attempt}", "alpha")
        b = copy_episode(sources["bells"], tmp_path / f"b{attempt}", "beta")
        runs = [subprocess.Popen(_publish_args(mp3, site), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                for mp3 in (a, b)]
        for run in runs:
            assert run.wait(timeout=120) == 0, run.stderr.read().decode()
            run.stderr.close()
        state = site_state(site)
        assert state["catalog"] == state["feed"] == state["page"]
        assert len(state["feed"]) == 3


def test_a_held_lock_makes_publish_wait(sources, tmp_path):
    import fcntl

    site = tmp_path / "site"
    assert run_cli("publish", str(sources["pier"]), "--site", str(site), "--base-url", BASE).returncode == 0
    before = (site / "feed.xml").read_bytes()
    with open(site / ".publish.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        waiting = subprocess.Popen(_publish_args(sources["bells"], site), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE)
        time.sleep(3)
        assert waiting.poll() is None, "the publish waits for the lock"
        assert (site / "feed.xml").read_bytes() == before
    assert waiting.wait(timeout=60) == 0, waiting.stderr.read().decode()
    waiting.stderr.close()
    assert len(site_state(site)["feed"]) == 2
