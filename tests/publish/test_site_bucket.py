"""Publishing into a bucket (moto's S3 server on 127.0.0.1) through the CLI, as a user would:
three episodes, one republished, one removed; what a listener's app then fetches; and the
mistakes that must end in one line without writing anything."""

from __future__ import annotations

import re

import shutil
import xml.etree.ElementTree as ET

import pytest

from bucket_site import check_listener_view, feed_urls, fetch
from conftest import run_cli
from site_fixtures import episodes, show_file  # noqa: F401 (fixtures)
from briefing.publish.server import media_type

pytestmark = pytest.mark.slow

PREFIX = "shows/alder"


def objects(server, bucket: str) -> dict[str, int]:
    listing = server.client().list_objects_v2(Bucket=bucket).get("Contents", [])
    return {item["Key"]: item["Size"] for item in listing}


@pytest.fixture(scope="module")
def bucket_site(s3_server, episodes, show_file):
    """Three episodes published into s3://BUCKET/shows/alder, the first one twice."""
    bucket = s3_server.bucket()
    public = s3_server.public_url(bucket, PREFIX)
    env = {**s3_server.env, "BRIEFING_CONFIG": str(show_file)}
    site = f"s3://{bucket}/{PREFIX}"
    outputs = []
    for name in ("ferry", "scope", "garden", "ferry"):
        result = run_cli("publish", str(episodes[name]), "--site", site, "--public-url", public, env=env)
        assert result.returncode == 0, result.stderr.decode()
        outputs.append(result)
    return {"bucket": bucket, "site": site, "public": public, "env": env, "outputs": outputs}


def test_published_feed_is_what_a_listener_gets(bucket_site, s3_server):
    root = check_listener_view(bucket_site["public"])
    items = root.findall("channel/item")
    assert len(items) == 3, "republishing the first episode did not add a fourth"
    assert bucket_site["outputs"][-1].stdout.decode().strip() == bucket_site["public"] + "feed.xml"
    assert "updated episode 1" in bucket_site["outputs"][-1].stderr.decode()
    assert [i.findtext("title") for i in items][1] == "Library Lends Telescopes"
    names = objects(s3_server, bucket_site["bucket"])
    assert f"{PREFIX}/catalog.sqlite" in names and f"{PREFIX}/feed.xml" in names and f"{PREFIX}/cover.jpg" in names


def test_every_file_has_the_type_serve_sends_and_a_cdn_caching(bucket_site):
    feed = fetch(bucket_site["public"] + "feed.xml")
    for url in feed_urls(feed.body, bucket_site["public"]) | {bucket_site["public"] + "index.html"}:
        got = fetch(url)
        name = url.rsplit("/", 1)[-1]
        assert got.headers["content-type"] == media_type(name), name
        if "/episodes/" in url:
            assert got.headers["cache-control"] == "public, max-age=31536000, immutable", name
        else:
            assert got.headers["cache-control"] == "public, max-age=300", name
    assert feed.headers["cache-control"] == "public, max-age=300"
    assert fetch(bucket_site["public"] + "catalog.sqlite").status == 403, "the catalog is not public"



def test_a_bucket_site_is_an_app_too(bucket_site):
    for name, mime in (("manifest.webmanifest", "application/manifest+json"), ("sw.js", "text/javascript; charset=utf-8"),
                       ("app.js", "text/javascript; charset=utf-8"), ("icon-192.png", "image/png"),
                       ("icon-512.png", "image/png")):
        got = fetch(bucket_site["public"] + name)
        assert got.status == 200 and got.headers["content-type"] == mime, name
    page = fetch(bucket_site["public"] + "index.html").body.decode()
    embed = re.search(r"embed/([a-z0-9-]+)\.html", page).group(0)
    got = fetch(bucket_site["public"] + embed)
    assert got.status == 200 and b"<audio controls" in got.body


def test_media_names_carry_the_episode_key_and_a_content_hash(bucket_site):
    root = ET.fromstring(fetch(bucket_site["public"] + "feed.xml").body)
    for item in root.iter("item"):
        name = item.find("enclosure").get("url").rsplit("/", 1)[-1]
        assert name.startswith("20") and len(name.rsplit("-", 1)[-1]) == len("3f2a9c1e.mp3"), name


def test_republished_changes_get_new_urls_and_the_old_files_go(bucket_site, s3_server, episodes, tmp_path):
    bucket = s3_server.bucket()
    public = s3_server.public_url(bucket, "show")
    site = f"s3://{bucket}/show"
    env = {**s3_server.env, "BRIEFING_CONFIG": bucket_site["env"]["BRIEFING_CONFIG"]}
    for name in ("scope", "garden"):
        assert run_cli("publish", str(episodes[name]), "--site", site, "--public-url", public, env=env).returncode == 0
    before = ET.fromstring(fetch(public + "feed.xml").body)
    old = {i.findtext("title"): i for i in before.iter("item")}["Library Lends Telescopes"]
    old_url = old.find("enclosure").get("url")
    # The same episode with a corrected script: same key (name and date), new content.
    fixed = tmp_path / "scope"
    fixed.mkdir()
    for path in episodes["scope"].parent.glob("scope.*"):
        shutil.copyfile(path, fixed / path.name)
    (fixed / "scope.txt").write_text("A corrected script.\n", encoding="utf-8")
    result = run_cli("publish", str(fixed / "scope.mp3"), "--site", site, env=env)
    assert result.returncode == 0, result.stderr.decode()
    after = check_listener_view(public)
    new = {i.findtext("title"): i for i in after.iter("item")}["Library Lends Telescopes"]
    assert new.find("enclosure").get("url") != old_url
    assert new.findtext("guid") == old.findtext("guid")
    assert new.findtext("{http://www.itunes.com/dtds/podcast-1.0.dtd}episode") == "1"
    stem = old_url.rsplit("/", 1)[-1][: -len(".mp3")]
    assert not [k for k in objects(s3_server, bucket) if stem in k], "the old version's files are deleted"
    assert len(after.findall("channel/item")) == 2


def test_remove_an_episode_from_a_bucket(bucket_site, s3_server, episodes):
    bucket = s3_server.bucket()
    public = s3_server.public_url(bucket, "show")
    site = f"s3://{bucket}/show"
    env = {**s3_server.env, "BRIEFING_CONFIG": bucket_site["env"]["BRIEFING_CONFIG"]}
    for name in ("ferry", "scope", "garden"):
        assert run_cli("publish", str(episodes[name]), "--site", site, "--public-url", public, env=env).returncode == 0
    scope_files = [k for k in objects(s3_server, bucket) if "-scope-" in k]
    assert len(scope_files) >= 5
    listed = run_cli("episodes", site, env=env)
    assert [line.split()[0] for line in listed.stdout.decode().splitlines()] == ["3", "2", "1"]
    result = run_cli("episodes", site, "--remove", "2", env=env)
    assert result.returncode == 0, result.stderr.decode()
    root = check_listener_view(public)
    assert "Library Lends Telescopes" not in [i.findtext("title") for i in root.iter("item")]
    assert not [k for k in objects(s3_server, bucket) if "-scope-" in k]
    assert "Library Lends Telescopes" not in fetch(public + "index.html").body.decode()
    missing = run_cli("episodes", site, "--remove", "2", env=env)
    assert missing.returncode == 1 and missing.stderr.decode().count("\n") == 1
    assert "no episode '2'" in missing.stderr.decode()


def test_show_file_names_the_bucket_and_the_public_url(s3_server, episodes, tmp_path):
    bucket = s3_server.bucket()
    public = "https://cdn.example.org/alder/"
    show = tmp_path / "briefing.toml"
    show.write_text(f'[show]\ntitle = "Alder"\nsite = "s3://{bucket}/alder"\npublic_url = "{public}"\n')
    env = {**s3_server.env, "BRIEFING_CONFIG": str(show)}
    result = run_cli("publish", str(episodes["garden"]), env=env)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().strip() == public + "feed.xml"
    feed = s3_server.client().get_object(Bucket=bucket, Key="alder/feed.xml")["Body"].read().decode()
    assert f'url="{public}episodes/' in feed
    assert run_cli("episodes", env=env).stdout.decode().count("\n") == 1


def test_a_bucket_without_a_public_url_is_refused_before_writing(s3_server, episodes):
    bucket = s3_server.bucket()
    result = run_cli("publish", str(episodes["garden"]), "--site", f"s3://{bucket}/show", env=s3_server.env)
    err = result.stderr.decode()
    assert result.returncode == 1 and err.count("\n") == 1 and "--public-url" in err, err
    assert objects(s3_server, bucket) == {}


def test_a_missing_bucket_is_one_line(s3_server, episodes):
    result = run_cli("publish", str(episodes["garden"]), "--site", "s3://no-such-bucket-anywhere/show",
                     "--public-url", "https://cdn.example.org/", env=s3_server.env)
    err = result.stderr.decode()
    assert result.returncode == 1 and err.count("\n") == 1 and "no such bucket" in err, err


def test_an_unknown_kind_of_site_is_refused_without_a_folder(episodes, tmp_path):
    result = run_cli("publish", str(episodes["garden"]), "--site", "foo://bucket/show", cwd=tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 1 and err.count("\n") == 1 and "unknown kind of site" in err, err
    assert not list(tmp_path.iterdir()), "no folder named 'foo:'"


def test_serve_is_for_folders(s3_server):
    result = run_cli("serve", "s3://podcasts/show", env=s3_server.env)
    err = result.stderr.decode()
    assert result.returncode == 1 and err.count("\n") == 1 and "site folder" in err, err


def test_init_writes_the_public_url_and_the_site(tmp_path):
    show = tmp_path / "show" / "briefing.toml"
    show.parent.mkdir()
    result = run_cli("init", "--title", "Harbor", "--public-url", "https://cdn.example.org/harbor/",
                     "--site", "s3://podcasts/harbor", "--path", str(show))
    assert result.returncode == 0, result.stderr.decode()
    from briefing.show.config import find_settings

    settings = find_settings(show)
    assert settings.public_url == "https://cdn.example.org/harbor/" and settings.site == "s3://podcasts/harbor"
    folder = run_cli("init", "--site", "public", "--path", str(show), cwd=tmp_path)
    assert folder.returncode == 0, folder.stderr.decode()
    assert find_settings(show).site == str(show.parent / ".." / "public")
    bad = run_cli("init", "--site", "foo://x", "--path", str(show))
    assert bad.returncode == 1 and "unknown kind of site" in bad.stderr.decode()


def test_page_and_feed_carry_the_transcripts_and_chapters_read_back_from_the_bucket(bucket_site):
    """The page and the feed are built from the sidecars in the bucket (later publishes from the
    copies kept in the cache): every episode's first transcript line and its chapters show."""
    import html
    import json

    public = bucket_site["public"]
    root = ET.fromstring(fetch(public + "feed.xml").body)
    page = fetch(public + "index.html").body.decode()
    podlove = "{http://podlove.org/simple-chapters}"
    for item in root.iter("item"):
        urls = {element.get("type"): element.get("url") for element in item
                if element.tag.endswith("}transcript") or element.tag.endswith("}chapters")}
        vtt = fetch(urls["text/vtt"]).body.decode()
        first_line = vtt.split("-->", 1)[1].split("\n", 2)[1].strip()
        assert html.escape(first_line, quote=False) in page
        chapters = json.loads(fetch(urls["application/json+chapters"]).body)["chapters"]
        assert len(item.findall(f"{podlove}chapters/{podlove}chapter")) == len(chapters) > 0


def test_a_bucket_keeps_files_another_publisher_may_still_be_recording(bucket_site, s3_server, episodes):
    """A bucket has no lock: a file no episode names yet may be another publisher's, mid-way.
    It stays until it is old (what a killed publish left then goes)."""
    bucket = s3_server.bucket()
    site, public = f"s3://{bucket}/young", s3_server.public_url(bucket, "young")
    key = "young/episodes/2026-11-20-other-0badf00d.mp3"
    s3_server.client().put_object(Bucket=bucket, Key=key, Body=b"another publisher's episode")
    result = run_cli("publish", str(episodes["garden"]), "--site", site, "--public-url", public,
                     env=bucket_site["env"])
    assert result.returncode == 0, result.stderr.decode()
    assert key in objects(s3_server, bucket)
    assert len(check_listener_view(public).findall("channel/item")) == 1
