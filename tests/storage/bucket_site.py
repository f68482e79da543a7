"""A bucket site as a listener's app sees it: the feed fetched over plain HTTP, and every
file it points at fetched too (status, type, caching, length)."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass


@dataclass(frozen=True)
class Fetched:
    status: int
    headers: dict[str, str]
    body: bytes


def fetch(url: str) -> Fetched:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return Fetched(response.status, {k.lower(): v for k, v in response.headers.items()}, response.read())
    except urllib.error.HTTPError as exc:
        return Fetched(exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read())


def feed_urls(feed: bytes, public_url: str) -> set[str]:
    """Every address of a file in the site the feed names (enclosures, transcripts, chapters,
    images); the site's own address (a folder, ending in /) is not a file."""
    text = feed.decode("utf-8")
    found = set(re.findall(r'(?:url|href)="([^"]+)"', text)) | set(re.findall(r"<url>([^<]+)</url>", text))
    return {u.replace("&amp;", "&") for u in found if u.startswith(public_url) and not u.endswith("/")}


def check_listener_view(public_url: str) -> ET.Element:
    """The feed parses, and every file it names answers 200 with its whole length (an enclosure:
    the length the feed promises). Returns the feed's root."""
    feed = fetch(public_url + "feed.xml")
    assert feed.status == 200, feed.status
    root = ET.fromstring(feed.body)  # raises if not well-formed
    assert root.tag == "rss"
    promised = {item.find("enclosure").get("url"): int(item.find("enclosure").get("length"))
                for item in root.iter("item")}
    for url in feed_urls(feed.body, public_url):
        got = fetch(url)
        assert got.status == 200, f"{url}: {got.status}"
        assert int(got.headers["content-length"]) == len(got.body), url
        if url in promised:
            assert len(got.body) == promised[url], f"{url}: {len(got.body)} bytes, the feed says {promised[url]}"
    return root


def check_catalog(server, bucket: str, prefix: str) -> set[str]:
    """The bucket's catalog (read with credentials) passes SQLite's integrity check and every
    file it names is in the bucket. Returns the MP3 names it lists."""
    import json
    import sqlite3
    import tempfile

    client = server.client()
    keys = {item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])}
    data = client.get_object(Bucket=bucket, Key=f"{prefix}/catalog.sqlite")["Body"].read()
    with tempfile.NamedTemporaryFile(suffix=".sqlite") as copy:
        copy.write(data)
        copy.flush()
        db = sqlite3.connect(copy.name)
        try:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            rows = [json.loads(files) for files, in db.execute("SELECT files FROM episodes")]
        finally:
            db.close()
    for files in rows:
        for name in files.values():
            assert f"{prefix}/episodes/{name}" in keys, f"the catalog lists {name}, which is missing"
    return {files["mp3"] for files in rows}
