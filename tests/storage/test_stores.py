"""The Store interface, the same for a folder and a bucket (moto's S3 server on 127.0.0.1):
whole-file writes, versions, the conditional write the catalog relies on, listing, deleting;
and which site strings name which store."""

from __future__ import annotations

import urllib.request

import pytest

from briefing.errors import BriefingError
from briefing.storage import Conflict, StorageError, open_store


def test_put_get_and_size(store, tmp_path):
    assert store.get("feed.xml") is None and store.size("feed.xml") is None and store.version("feed.xml") is None
    store.put("feed.xml", b"<rss/>", content_type="application/rss+xml", cache_control="max-age=300")
    source = tmp_path / "episode.mp3"
    source.write_bytes(bytes(range(256)) * 400)
    store.put("episodes/a.mp3", source, content_type="audio/mpeg")
    assert store.get("feed.xml").data == b"<rss/>"
    assert store.get("episodes/a.mp3").data == source.read_bytes()
    assert store.size("episodes/a.mp3") == 102400
    assert store.get("feed.xml").version == store.version("feed.xml")


def test_a_new_write_is_a_new_version(store):
    store.put("catalog.sqlite", b"one")
    first = store.version("catalog.sqlite")
    store.put("catalog.sqlite", b"two")
    assert store.version("catalog.sqlite") != first


def test_conditional_write_succeeds_only_on_the_version_read(store):
    created = store.put_if("catalog.sqlite", b"v1", None)
    with pytest.raises(Conflict):
        store.put_if("catalog.sqlite", b"someone else", None)  # no longer absent
    updated = store.put_if("catalog.sqlite", b"v2", created)
    assert store.get("catalog.sqlite").data == b"v2"
    with pytest.raises(Conflict):
        store.put_if("catalog.sqlite", b"stale writer", created)  # read v1, v2 is in place
    assert store.get("catalog.sqlite").data == b"v2"
    assert store.version("catalog.sqlite") == updated


def test_list_and_delete(store):
    for name in ("episodes/a.mp3", "episodes/a.vtt", "feed.xml"):
        store.put(name, name.encode())
    assert sorted(e.name for e in store.list("episodes/")) == ["episodes/a.mp3", "episodes/a.vtt"]
    assert {e.name: e.size for e in store.list()}["feed.xml"] == len(b"feed.xml")
    store.delete("episodes/a.mp3")
    store.delete("episodes/a.mp3")  # already gone: not an error
    assert [e.name for e in store.list("episodes/")] == ["episodes/a.vtt"]


def test_a_bucket_serves_the_type_and_caching_it_was_given(s3_server, monkeypatch):
    for name, value in s3_server.env.items():
        monkeypatch.setenv(name, value)
    bucket = s3_server.bucket()
    store = open_store(f"s3://{bucket}/harbor")
    store.put("feed.xml", b"<rss/>", content_type="application/rss+xml; charset=utf-8",
              cache_control="public, max-age=300")
    with urllib.request.urlopen(s3_server.public_url(bucket, "harbor") + "feed.xml") as response:
        assert response.headers["Content-Type"] == "application/rss+xml; charset=utf-8"
        assert response.headers["Cache-Control"] == "public, max-age=300"
        assert response.read() == b"<rss/>"


def test_a_missing_bucket_is_one_clear_error(s3_server, monkeypatch):
    for name, value in s3_server.env.items():
        monkeypatch.setenv(name, value)
    store = open_store("s3://no-such-bucket-here/show")
    with pytest.raises(StorageError, match="no such bucket"):
        store.put("feed.xml", b"x")


@pytest.mark.parametrize("site, kind", [
    ("s3://podcasts/harbor", "bucket"), ("gs://podcasts/harbor", "bucket"), ("az://podcasts/harbor", "bucket"),
    ("site", "folder"), ("/srv/site", "folder"), ("file:///srv/site", "folder"),
])
def test_site_strings_name_a_store(site, kind, monkeypatch):
    monkeypatch.setenv("AZURE_STORAGE_ACCOUNT_NAME", "harbor")  # Azure's URLs name only the container
    assert open_store(site).local == (kind == "folder")


@pytest.mark.parametrize("site, says", [
    ("foo://bucket/show", "unknown kind of site"), ("s3:/bucket/show", "two slashes"),
    ("https://cdn.example.org/show/", "--public-url"), ("s3://", "name the bucket"),
    ("file://elsewhere/srv", "this machine"),
])
def test_urls_that_name_no_store_are_refused(site, says, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BriefingError, match=says):
        open_store(site)
    assert not list(tmp_path.iterdir()), "no folder named after the URL"
