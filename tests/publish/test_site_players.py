"""Feeds for every player and a player for every page: the small Opus file beside each MP3 (in
the feed as podcast:alternateEnclosure), podcast:updateFrequency from the show's schedule,
itunes:block and podcast:block in a listener's private feed only, the embed page per episode with
its <iframe> snippet on the site's page, and oEmbed from `briefing serve`."""

from __future__ import annotations

import html as html_module
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from urllib.parse import quote

import pytest
from mutagen.mp3 import MP3

from briefing.audio.ffmpeg import ffmpeg_exe
from serving import free_port, request, running_server
from site_fixtures import BASE_URL, copy_site, episodes, republished, show_file, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.slow

PODCAST = "{https://podcastindex.org/namespace/1.0}"
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"


def items(feed_text: str):
    return ET.fromstring(feed_text).find("channel").findall("item")


def decoded(path) -> tuple[float, int]:
    """(seconds, channels) of an audio file as ffmpeg decodes it."""
    done = subprocess.run([ffmpeg_exe(), "-hide_banner", "-i", str(path), "-f", "null", "-"], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr[-500:]
    stamps = re.findall(r"time=(\d+):(\d+):([\d.]+)", done.stderr)
    h, m, s = stamps[-1]
    channels = 1 if re.search(r"Audio: opus, 48000 Hz, mono", done.stderr) else 2
    return int(h) * 3600 + int(m) * 60 + float(s), channels


def test_each_episode_has_a_small_opus_file_from_the_same_mix(site):
    folder = site["dir"]
    feed = (folder / "feed.xml").read_text(encoding="utf-8")
    for item in items(feed):
        mp3_url = item.find("enclosure").get("url")
        assert item.find("enclosure").get("type") == "audio/mpeg"  # the MP3 stays the enclosure
        alternate = item.find(PODCAST + "alternateEnclosure")
        assert alternate.get("type") == "audio/ogg; codecs=opus"
        opus_url = alternate.find(PODCAST + "source").get("uri")
        assert opus_url.startswith(BASE_URL + "episodes/") and opus_url.endswith(".opus")
        mp3 = folder / "episodes" / mp3_url.rsplit("/", 1)[1]
        opus = folder / "episodes" / opus_url.rsplit("/", 1)[1]
        assert int(alternate.get("length")) == opus.stat().st_size
        assert 16000 <= int(alternate.get("bitrate")) <= 40000
        assert opus.stat().st_size < mp3.stat().st_size / 2
        seconds, channels = decoded(opus)
        assert channels == 1
        assert abs(seconds - MP3(mp3).info.length) < 0.15


def test_update_frequency_follows_the_schedule(site, episodes, show_file, tmp_path):
    from conftest import run_cli

    assert "updateFrequency" not in (site["dir"] / "feed.xml").read_text()  # no schedule, no promise
    folder, _ = republished(site, episodes, show_file, tmp_path, 'schedule = "06:30"\n')
    scheduled = tmp_path / "briefing.toml"  # the show file `republished` wrote
    channel = ET.parse(folder / "feed.xml").getroot().find("channel")
    frequency = channel.find(PODCAST + "updateFrequency")
    assert frequency.get("rrule") == "FREQ=DAILY" and frequency.text == "Daily at 06:30"
    assert channel.find(ITUNES + "block") is None and channel.find(PODCAST + "block") is None  # public
    # A show file's `block = true` (a listener's personal feed has it) keeps a public feed out too.
    scheduled.write_text(show_file.read_text() + "block = true\n", encoding="utf-8")
    result = run_cli("publish", str(episodes["scope"]), "--site", str(folder), env={"BRIEFING_CONFIG": str(scheduled)})
    assert result.returncode == 0, result.stderr.decode()
    channel = ET.parse(folder / "feed.xml").getroot().find("channel")
    assert channel.findtext(ITUNES + "block") == "Yes" and channel.findtext(PODCAST + "block") == "yes"
    assert channel.find(PODCAST + "updateFrequency") is None  # that show file has no schedule


def test_a_listeners_feed_stays_out_of_directories(site, episodes, show_file, tmp_path):
    from conftest import run_cli

    folder, _ = republished(site, episodes, show_file, tmp_path, "private = true\n")
    # The private folder has no file that names the show: no manifest, no embed pages.
    assert not (folder / "manifest.webmanifest").exists() and not list(folder.glob("embed/*"))
    assert (folder / "sw.js").is_file() and (folder / "icon-192.png").is_file()
    port = free_port()
    added = []
    for name in ("Ana", "Ben"):
        made = run_cli("listeners", "add", name, "--site", str(folder), "--base-url", f"http://127.0.0.1:{port}/")
        assert made.returncode == 0, made.stderr.decode()
        added.append(made.stdout.decode().strip().split(f":{port}", 1)[1][: -len("feed.xml")])
    with running_server(folder, port):
        response, body = request(port, "GET", added[0] + "feed.xml")
        manifest_response, manifest = request(port, "GET", added[0] + "manifest.webmanifest")
        embed, _ = request(port, "GET", added[0] + "embed/" + next(folder.glob("episodes/*.mp3")).stem[:-9])
        oembed, _ = request(port, "GET", added[0] + "oembed?url=x")
    assert response.status == 200
    channel = ET.fromstring(body).find("channel")
    assert channel.findtext(ITUNES + "block") == "Yes" and channel.findtext(PODCAST + "block") == "yes"
    assert manifest_response.status == 200
    manifest = json.loads(manifest)
    assert manifest["start_url"] == "./" and manifest["name"] == "Alder Daily & <Friends>"
    assert embed.status == 404 and oembed.status == 404  # a private show's episodes are not for other pages


def test_every_episode_has_an_embed_page_and_the_page_its_snippet(site):
    folder = site["dir"]
    page = (folder / "index.html").read_text(encoding="utf-8")
    embeds = sorted(folder.glob("embed/*.html"))
    assert len(embeds) == 3
    for embed in embeds:
        html = embed.read_text(encoding="utf-8")
        assert re.search(r'<audio controls preload="metadata" src="\.\./episodes/[^"]+\.mp3">', html)
        assert f'href="{BASE_URL}feed.xml"' in html
        assert "data-seek" in html  # chapters seek the player
        assert not re.search(r'(src|href)="https?://(?!podcast\.alder\.example)', html)  # nothing from elsewhere
        assert f'<iframe src="{BASE_URL}embed/{embed.name}"' in html_module.unescape(page), embed.name  # as text
        assert f'<iframe src="{BASE_URL}embed/' not in page  # never as markup on the page itself
    assert "<script>alert" not in "".join(e.read_text() for e in embeds)


def test_a_removed_episode_loses_its_embed_page(site, tmp_path):
    from conftest import run_cli

    folder = copy_site(site["dir"], tmp_path / "site")
    before = {p.name for p in folder.glob("embed/*.html")}
    result = run_cli("episodes", str(folder), "--remove", "2", env=site["env"])
    assert result.returncode == 0, result.stderr.decode()
    after = {p.name for p in folder.glob("embed/*.html")}
    assert len(after) == 2 and after < before


def test_oembed_from_a_link(site, tmp_path):
    folder = copy_site(site["dir"], tmp_path / "site")
    port = free_port()
    key = sorted(folder.glob("embed/*.html"))[0].stem
    base = f"http://127.0.0.1:{port}/"
    with running_server(folder, port):
        answers = {}
        for name, link in (("embed", f"{base}embed/{key}.html"), ("short", f"{base}embed/{key}"),
                           ("page", f"{base}index.html#episode-1"), ("other", f"{base}nothing"),
                           ("elsewhere", f"http://example.org/embed/{key}.html")):
            response, body = request(port, "GET", "/oembed?url=" + quote(link, safe="") + "&maxwidth=400")
            answers[name] = (response.status, json.loads(body) if response.status == 200 else None)
        xml, _ = request(port, "GET", "/oembed?format=xml&url=" + quote(f"{base}embed/{key}.html", safe=""))
        embed, html = request(port, "GET", f"/embed/{key}")
    status, answer = answers["embed"]
    assert status == 200 and answer["type"] == "rich" and answer["version"] == "1.0"
    assert answer["width"] == 400 and answer["provider_name"] == "Alder Daily & <Friends>"
    assert f'src="{base}embed/{key}.html"' in answer["html"] and answer["html"].startswith("<iframe")
    assert answers["short"][1]["html"] == answer["html"]
    assert answers["page"][0] == 200 and answers["page"][1]["title"]
    assert answers["other"][0] == 404 and answers["elsewhere"][0] == 404
    assert xml.status == 501
    assert embed.status == 200 and f'href="{base}feed.xml"'.encode() in html  # links follow the address


def test_a_publish_rewrites_only_the_embed_pages_that_changed(site, tmp_path):
    from conftest import run_cli

    folder = copy_site(site["dir"], tmp_path / "site")
    before = {p.stem.split("-", 3)[3]: p for p in folder.glob("embed/*.html")}
    assert sorted(before) == ["ferry", "garden", "scope"]
    stamps = {name: path.stat().st_mtime_ns for name, path in before.items()}
    before["garden"].unlink()  # a page lost from the folder is written again
    result = run_cli("episodes", str(folder), "--remove", "1", env=site["env"])  # the ferry episode
    assert result.returncode == 0, result.stderr.decode()
    assert not before["ferry"].exists()
    assert before["garden"].is_file()
    assert before["scope"].stat().st_mtime_ns == stamps["scope"]  # unchanged: not written again
