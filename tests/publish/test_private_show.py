"""A private show: no public feed, every path under a listener's token, tokens stored hashed,
wrong and revoked tokens answered with 404, through `briefing serve` and the CLI."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from serving import free_port, request, running_server
from site_fixtures import episodes, republished, show_file, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def private_site(site, episodes, show_file, tmp_path_factory):
    """The shared site, made private by publishing again with `private = true` in the show file."""
    root = tmp_path_factory.mktemp("private")
    folder, result = republished(site, episodes, show_file, root, "private = true\n")
    private_show = root / "briefing.toml"  # the show file `republished` wrote
    port = free_port()
    with running_server(folder, port) as printed:
        yield {"dir": folder, "port": port, "publish": result, "printed": printed,
               "env": {"BRIEFING_CONFIG": str(private_show)}}


def add(private_site, name: str) -> str:
    from conftest import run_cli

    result = run_cli("listeners", "add", name, "--site", str(private_site["dir"]),
                     "--base-url", f"http://127.0.0.1:{private_site['port']}/")
    assert result.returncode == 0, result.stderr.decode()
    url = result.stdout.decode().strip()
    assert re.fullmatch(rf"http://127\.0\.0\.1:{private_site['port']}/t/[A-Za-z0-9_-]{{43}}/feed\.xml", url), url
    assert "▀" in result.stderr.decode() or "█" in result.stderr.decode()  # the QR code to scan
    return url.split(f":{private_site['port']}", 1)[1][: -len("feed.xml")]  # /t/<token>/


def test_no_public_feed_or_page_and_nothing_served_without_a_token(private_site):
    folder, port = private_site["dir"], private_site["port"]
    assert not (folder / "feed.xml").exists() and not (folder / "index.html").exists()
    assert b"private show" in private_site["publish"].stderr and private_site["publish"].stdout == b""
    mp3 = "/episodes/" + next(p.name for p in (folder / "episodes").glob("*.mp3"))
    for path in ("/", "/feed.xml", "/index.html", mp3, "/cover.jpg", "/t/", "/t//feed.xml"):
        response, body = request(port, "GET", path)
        assert response.status == 404 and b"ID3" not in body, path
    assert "feed.xml" not in "".join(private_site["printed"]).split("Private show")[0]


def test_a_listener_gets_a_feed_whose_every_link_carries_the_token(private_site):
    port = private_site["port"]
    prefix = add(private_site, "Ana")
    response, body = request(port, "GET", prefix + "feed.xml")
    assert response.status == 200
    root = ET.fromstring(body)
    urls = re.findall(r'(?:url|href)="(http[^"]+)"', body.decode()) + [root.findtext("channel/link")]
    site_urls = [u for u in urls if "127.0.0.1" in u]
    assert len(site_urls) > 10 and all(u.startswith(f"http://127.0.0.1:{port}{prefix}") for u in site_urls)
    enclosure = root.find("channel/item/enclosure")
    response, mp3 = request(port, "GET", enclosure.get("url").split(f":{port}", 1)[1], {"Range": "bytes=0-2"})
    assert response.status == 206 and mp3 == b"ID3"
    response, page = request(port, "GET", prefix)
    assert response.status == 200 and f"http://127.0.0.1:{port}{prefix}feed.xml" in page.decode()
    response, _ = request(port, "GET", prefix.rstrip("/"))
    assert response.status in (307, 308) and response.getheader("Location").endswith(prefix)


def test_a_wrong_token_is_404_and_the_catalog_keeps_only_hashes(private_site):
    port = private_site["port"]
    prefix = add(private_site, "Ben")
    token = prefix.split("/")[2]
    wrong = token[:-1] + ("A" if token[-1] != "A" else "B")
    for path in (f"/t/{wrong}/feed.xml", f"/t/{wrong}/", "/t/x/feed.xml", f"/t/{token}x/feed.xml"):
        response, _ = request(port, "GET", path)
        assert response.status == 404, path
    catalog = (private_site["dir"] / "catalog.sqlite").read_bytes()
    assert token.encode() not in catalog


def test_a_revoked_token_fails_at_once_and_others_keep_working(private_site):
    from conftest import run_cli

    port = private_site["port"]
    cara, dev = add(private_site, "Cara"), add(private_site, "Dev")
    assert request(port, "GET", cara + "feed.xml")[0].status == 200
    result = run_cli("listeners", "revoke", "Cara", "--site", str(private_site["dir"]))
    assert result.returncode == 0, result.stderr.decode()
    assert request(port, "GET", cara + "feed.xml")[0].status == 404
    assert request(port, "GET", cara + "cover.jpg")[0].status == 404
    assert request(port, "GET", dev + "feed.xml")[0].status == 200
    listed = run_cli("listeners", "--site", str(private_site["dir"])).stdout.decode()
    assert re.search(r"^Cara\t.*revoked", listed, re.M) and re.search(r"^Dev\t.*active", listed, re.M)


def test_listener_mistakes_are_one_line(private_site):
    from conftest import run_cli

    add(private_site, "Eve")
    for args in (("listeners", "add", "Eve"), ("listeners", "revoke", "Nobody"), ("listeners", "add", "  ")):
        result = run_cli(*args, "--site", str(private_site["dir"]))
        err = result.stderr.decode()
        assert result.returncode == 1 and err.count("\n") == 1 and "Traceback" not in err, (args, err)
