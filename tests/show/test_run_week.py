"""`briefing run` over a scripted week against a real local news server: what each episode
covers, nothing twice, grouped stories credited, failing sources reported, conditional GETs."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest

from conftest import run_cli
from news_server import NewsServer, set_day

pytestmark = pytest.mark.slow

ENV = {"BRIEFING_FETCH_DEADLINE": "3"}


def show_file(folder: Path, base: str) -> Path:
    path = folder / "briefing.toml"
    path.write_text(f"""# Harbor Weekly: made every morning
[show]
title = "Harbor Weekly"
minutes = 3
site = "site"   # beside this file
schedule = "06:30"

[[source]]
url = "{base}/a/feed.xml"

[[source]]
url = "{base}/b/feed.xml"
name = "Coast Courier"

[[source]]
url = "{base}/c/feed.xml"
""", encoding="utf-8")
    return path


def episode_file(site: Path, key: str, kind: str) -> Path:
    """An episode's file in the site, by the name its catalog gives it (names carry a content hash)."""
    from briefing.publish import list_episodes

    episode = next(e for e in list_episodes(site) if e.key == key)
    return site / "episodes" / episode.files[kind]


def covered(site: Path) -> list[tuple[str, str]]:
    """(episode key, story title) for every story the site's notes list."""
    from briefing.publish import list_episodes

    found = []
    for episode in sorted(list_episodes(site), key=lambda e: e.key):
        if "notes" in episode.files:
            notes = site / "episodes" / episode.files["notes"]
            for story in json.loads(notes.read_text(encoding="utf-8"))["stories"]:
                found.append((episode.key, story["title"]))
    return found


def feed_items(site: Path) -> list[str]:
    import podcastparser

    with open(site / "feed.xml", "rb") as fh:
        parsed = podcastparser.parse("file://" + str(site / "feed.xml"), fh)
    return [e["title"] for e in parsed["episodes"]]


@pytest.fixture(scope="module")
def week(tmp_path_factory):
    """Three scripted days run one after the other; each day's result kept for the tests."""
    folder = tmp_path_factory.mktemp("show")
    days = {}
    with NewsServer() as server:
        show = show_file(folder, server.base)
        # Day 2 twice: in the morning, and again later that day after one more story appeared.
        for n, late in ((1, False), (2, False), (2.5, True), (3, False)):
            set_day(server, int(n), late)
            before = len(server.not_modified)
            started = time.monotonic()
            result = run_cli("run", "--show", str(show), "--date", f"2026-11-2{2 + int(n)}", env=ENV, timeout=300)
            listing = run_cli("sources", "--show", str(show), env=ENV, timeout=60)
            days[n] = {"result": result, "seconds": time.monotonic() - started,
                       "not_modified": server.not_modified[before:], "sources": listing,
                       "covered": covered(folder / "site")}
        yield {"folder": folder, "site": folder / "site", "show": show, "days": days}


def test_day_one_groups_the_ferry_story_and_credits_both_sources(week):
    day = week["days"][1]
    assert day["result"].returncode == 0, day["result"].stderr.decode()
    assert day["result"].stdout.decode().strip().splitlines()[-1].endswith("/feed.xml")
    titles = [t for _, t in day["covered"]]
    assert len(titles) == 4, titles  # five items, two of them one story
    assert sum("Marigold" in t or "Ferry" in t for t in titles) == 1
    notes = json.loads(episode_file(week["site"], "2026-11-23-harbor-weekly", "notes").read_text())
    ferry = next(s for s in notes["stories"] if "Marigold" in s["title"])
    assert {s["name"] for s in ferry["sources"]} == {"Harbor Gazette", "Coast Courier"}
    assert all("utm_" not in s["url"] for s in ferry["sources"])  # canonical links
    script = episode_file(week["site"], "2026-11-23-harbor-weekly", "txt").read_text()
    assert "Reported by Harbor Gazette and Coast Courier." in script or \
        "Reported by Coast Courier and Harbor Gazette." in script
    starts = [s["start"] for s in notes["stories"]]
    assert starts == sorted(starts) and starts[0] > 0
    # The episode's title says the day and the top story (the one two sources carry).
    assert feed_items(week["site"])[-1].startswith("Monday 23 November: Marigold")


def test_day_two_tells_only_the_new_story_and_survives_two_failing_sources(week):
    day = week["days"][2]
    result = day["result"]
    assert result.returncode == 0, result.stderr.decode()
    err = result.stderr.decode()
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert len(warnings) == 2, err
    assert any("Coast Courier" in w and "500" in w for w in warnings)
    assert any("Town Crier" in w and "within 3 s" in w for w in warnings)
    day_two = [t for key, t in day["covered"] if key.startswith("2026-11-24")]
    assert day_two == ["Brindle Sets Aside Money for Flood Defences"]  # not the re-posted market story
    assert day["seconds"] < 120
    listing = day["sources"].stdout.decode()
    assert "500" in listing and "within 3 s" in listing


def test_day_three_has_nothing_new_and_asks_with_conditional_gets(week):
    day = week["days"][3]
    assert day["result"].returncode == 0, day["result"].stderr.decode()
    assert day["result"].stdout.decode().strip().splitlines()[-1] == "nothing new"
    assert sorted(day["not_modified"]) == ["/a/feed.xml", "/b/feed.xml", "/c/feed.xml"]
    assert day["covered"] == week["days"][2.5]["covered"]


def test_nothing_is_covered_twice_and_the_feed_lists_each_episode_once(week):
    titles = [t for _, t in covered(week["site"])]
    assert len(titles) == len(set(titles)) == 6
    episodes = feed_items(week["site"])
    assert len(episodes) == 3 and len(set(episodes)) == 3


def test_a_second_run_the_same_day_makes_a_second_episode_with_only_the_new_story(week):
    day = week["days"][2.5]
    assert day["result"].returncode == 0, day["result"].stderr.decode()
    later = [t for key, t in day["covered"] if key == "2026-11-24-harbor-weekly-2"]
    assert later == ["Swing Bridge at Kell Quay Reopens After Storm Damage"]
    from briefing.publish import list_episodes

    numbered = {e.key: e.number for e in list_episodes(week["site"])}
    assert numbered == {"2026-11-23-harbor-weekly": 1, "2026-11-24-harbor-weekly": 2,
                        "2026-11-24-harbor-weekly-2": 3}


def test_sources_lists_each_source_with_its_last_fetch(week):
    listing = week["days"][3]["sources"]
    assert listing.returncode == 0, listing.stderr.decode()
    lines = listing.stdout.decode().splitlines()
    assert len(lines) == 3
    assert "Harbor Gazette" in lines[0] and "not modified" in lines[0] and "5 items" in lines[0]
    assert "Coast Courier" in lines[1]
