"""`briefing publish` and `briefing episodes` as a user drives them: listing, removing,
episodes without sidecars, and mistakes that must fail in one line without touching the site."""

from __future__ import annotations

import re
import shutil
import sqlite3
import xml.etree.ElementTree as ET

import pytest

from conftest import run_cli
from site_fixtures import BASE_URL, copy_site, episodes, show_file, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.slow


def feed_items(folder):
    return ET.parse(folder / "feed.xml").getroot().findall("channel/item")


def test_episodes_lists_newest_first(site):
    result = run_cli("episodes", str(site["dir"]))
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().splitlines()
    assert [line.split()[0] for line in lines] == ["3", "2", "1"]
    assert "garden" in lines[0] and "Library Lends Telescopes" in lines[1]


def test_catalog_has_one_row_per_episode(site):
    with sqlite3.connect(site["dir"] / "catalog.sqlite") as db:
        rows = db.execute("SELECT number, key FROM episodes ORDER BY number").fetchall()
    assert [n for n, _ in rows] == [1, 2, 3]
    assert len({k for _, k in rows}) == 3


def test_remove_one_episode(site, episodes, tmp_path):
    folder = copy_site(site["dir"], tmp_path / "copy")
    result = run_cli("episodes", str(folder), "--remove", "2", env=site["env"])
    assert result.returncode == 0, result.stderr.decode()
    titles = [i.findtext("title") for i in feed_items(folder)]
    assert len(titles) == 2 and "Library Lends Telescopes" not in titles
    assert not list((folder / "episodes").glob("*scope*"))
    assert "Library Lends Telescopes" not in (folder / "index.html").read_text()
    # The next episode gets a new number; removed numbers are not reused.
    newer = tmp_path / "newer.mp3"
    shutil.copyfile(episodes["scope"], newer)
    assert run_cli("publish", str(newer), "--site", str(folder), env=site["env"]).returncode == 0
    listed = run_cli("episodes", str(folder)).stdout.decode().splitlines()
    assert [line.split()[0] for line in listed] == ["4", "3", "1"]
    missing = run_cli("episodes", str(folder), "--remove", "2")
    assert missing.returncode == 1
    assert missing.stderr.decode().count("\n") == 1 and "no episode '2'" in missing.stderr.decode()


def test_episode_without_any_sidecar(episodes, tmp_path):
    lone = tmp_path / "lone.mp3"
    shutil.copyfile(episodes["scope"], lone)
    folder = tmp_path / "site"
    result = run_cli("publish", str(lone), "--site", str(folder), "--base-url", BASE_URL)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().strip() == BASE_URL + "feed.xml"
    (item,) = feed_items(folder)
    assert item.find("enclosure").get("length") == str(lone.stat().st_size)
    assert not [child for child in item if "transcript" in child.tag or "chapters" in child.tag]
    key = item_key(folder)
    # Beside the MP3 only what publishing makes: the show notes (with no chapters and no web
    # source, the episode's title) and the small Opus file. All names carry the key and a hash of
    # the episode's content.
    names = sorted(p.name for p in (folder / "episodes").iterdir())
    assert len(names) == 3, names
    assert re.fullmatch(re.escape(key) + r"-[0-9a-f]{8}\.mp3", names[0]), names
    assert re.fullmatch(re.escape(key) + r"-[0-9a-f]{8}\.notes\.json", names[1]), names
    assert re.fullmatch(re.escape(key) + r"-[0-9a-f]{8}\.opus", names[2]), names
    assert item.findtext("description") == "Library Lends Telescopes."
    assert "<audio controls" in (folder / "index.html").read_text()


def item_key(folder):
    with sqlite3.connect(folder / "catalog.sqlite") as db:
        return db.execute("SELECT key FROM episodes").fetchone()[0]


def test_not_an_mp3_is_one_line_and_creates_nothing(tmp_path):
    bogus = tmp_path / "notes.mp3"
    bogus.write_text("not audio")
    folder = tmp_path / "site"
    result = run_cli("publish", str(bogus), "--site", str(folder))
    assert result.returncode == 1
    err = result.stderr.decode()
    assert err.startswith("briefing: error: ") and err.count("\n") == 1 and "not an MP3" in err
    assert not folder.exists()


def test_category_not_on_apples_list_is_refused_before_touching_the_site(episodes, tmp_path):
    show = tmp_path / "briefing.toml"
    show.write_text('[show]\ntitle = "X"\ncategory = "Newz"\n')
    folder = tmp_path / "site"
    result = run_cli("publish", str(episodes["scope"]), "--site", str(folder), env={"BRIEFING_CONFIG": str(show)})
    assert result.returncode == 1
    err = result.stderr.decode()
    assert err.count("\n") == 1 and "'Newz'" in err and "'News'" in err
    assert not folder.exists()


def test_bad_base_url_is_one_line(episodes, tmp_path):
    result = run_cli("publish", str(episodes["scope"]), "--site", str(tmp_path / "s"), "--base-url", "ftp:/x")
    assert result.returncode == 1 and "base URL" in result.stderr.decode()


def test_episodes_of_a_folder_that_is_not_a_site(tmp_path):
    result = run_cli("episodes", str(tmp_path))
    assert result.returncode == 1 and "not a briefing site" in result.stderr.decode()


def test_moving_the_site_keeps_the_show_and_episode_guids(site, episodes, tmp_path):
    folder = copy_site(site["dir"], tmp_path / "moved")
    before = ET.parse(folder / "feed.xml").getroot()
    result = run_cli("publish", str(episodes["scope"]), "--site", str(folder), "--base-url", "https://new.example/")
    assert result.returncode == 0, result.stderr.decode()
    after = ET.parse(folder / "feed.xml").getroot()
    ns = {"podcast": "https://podcastindex.org/namespace/1.0"}
    assert after.findtext("channel/podcast:guid", namespaces=ns) == before.findtext("channel/podcast:guid", namespaces=ns)
    assert [i.findtext("guid") for i in after.iter("item")] == [i.findtext("guid") for i in before.iter("item")]
    assert all(i.find("enclosure").get("url").startswith("https://new.example/episodes/") for i in after.iter("item"))
    # Without a show file, the show's details are those the site was published with.
    assert after.findtext("channel/title") == "Alder Daily & <Friends>"


def test_files_a_killed_publish_left_go_with_the_next_publish(site, episodes, tmp_path):
    """A publish killed after copying its media but before recording it leaves files no episode
    names; the next publish into the folder (it holds the site's lock) removes them."""
    folder = copy_site(site["dir"], tmp_path / "copy")
    orphans = [folder / "episodes" / "2026-11-20-killed-0badf00d.mp3",
               folder / "episodes" / "2026-11-20-killed-0badf00d.notes.json"]
    for orphan in orphans:
        orphan.write_bytes(b"half of an episode")
    newer = tmp_path / "newer.mp3"
    shutil.copyfile(episodes["scope"], newer)
    assert run_cli("publish", str(newer), "--site", str(folder), env=site["env"]).returncode == 0
    assert not any(orphan.exists() for orphan in orphans)
    listed = run_cli("episodes", str(folder)).stdout.decode().splitlines()
    assert len(listed) == 4
