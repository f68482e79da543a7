"""`briefing serve --host 0.0.0.0` as a phone reaches it: the feed's links name the address the
request came to, web players get CORS on everything, and a restarted server takes its port back."""

from __future__ import annotations

import http.client
import re
import xml.etree.ElementTree as ET

import pytest

from serving import free_port, request, running_server
from site_fixtures import copy_site, episodes, show_file, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.slow

NS = {"itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd", "podcast": "https://podcastindex.org/namespace/1.0",
      "atom": "http://www.w3.org/2005/Atom"}


@pytest.fixture(scope="module")
def lan_server(site, tmp_path_factory):
    folder = copy_site(site["dir"], tmp_path_factory.mktemp("lan") / "site")
    port = free_port()
    with running_server(folder, port, "--host", "0.0.0.0") as printed:
        yield {"port": port, "dir": folder, "printed": printed}


def feed_links(body: bytes) -> list[str]:
    """Every address in the feed that points into the site (not the namespaces' own URIs)."""
    root = ET.fromstring(body)
    channel = root.find("channel")
    links = [channel.findtext("link"), channel.find("atom:link", NS).get("href"),
             channel.find("itunes:image", NS).get("href"), channel.findtext("image/url")]
    for item in channel.findall("item"):
        links.append(item.find("enclosure").get("url"))
        links += [e.get("href") for e in item.findall("itunes:image", NS)]
        links += [e.get("url") for e in item.findall("podcast:transcript", NS) + item.findall("podcast:chapters", NS)]
    return links


def test_feed_links_use_the_address_the_phone_asked_for(lan_server):
    port = lan_server["port"]
    response, body = request(port, "GET", "/feed.xml", {"Host": f"192.168.1.20:{port}"})
    assert response.status == 200 and response.getheader("Content-Type").startswith("application/rss+xml")
    links = feed_links(body)
    assert len(links) > 10
    assert all(link.startswith(f"http://192.168.1.20:{port}/") for link in links), links
    assert "podcast.alder.example" not in body.decode()  # the address it was published for is gone
    # The links work: the enclosure's path, fetched from this server, is the MP3.
    enclosure = ET.fromstring(body).find("channel/item/enclosure")
    path = enclosure.get("url").split(f":{port}", 1)[1]
    response, mp3 = request(port, "GET", path)
    assert response.status == 200 and len(mp3) == int(enclosure.get("length"))


def test_page_names_the_same_feed_and_another_address_gets_its_own(lan_server):
    port = lan_server["port"]
    _, page = request(port, "GET", "/", {"Host": f"192.168.1.20:{port}"})
    assert f"http://192.168.1.20:{port}/feed.xml" in page.decode()
    _, body = request(port, "GET", "/feed.xml", {"Host": f"10.1.2.3:{port}"})
    assert all(link.startswith(f"http://10.1.2.3:{port}/") for link in feed_links(body))


@pytest.mark.parametrize("host", ["evil.example:{port}", "192.168.1.20:9", "[::1]:{port}x", ""])
def test_a_host_the_server_does_not_answer_to_is_not_echoed(lan_server, host):
    port = lan_server["port"]
    response, body = request(port, "GET", "/feed.xml", {"Host": host.format(port=port)})
    assert response.status == 200
    printed = re.search(r"Serving \S+ at (\S+)", "".join(lan_server["printed"])).group(1)
    assert all(link.startswith(printed) for link in feed_links(body))
    assert b"evil.example" not in body


def test_feed_answers_head_and_conditional_requests(lan_server):
    port = lan_server["port"]
    response, body = request(port, "GET", "/feed.xml")
    etag = response.getheader("ETag")
    head, empty = request(port, "HEAD", "/feed.xml")
    assert head.status == 200 and empty == b"" and int(head.getheader("Content-Length")) == len(body)
    again, nothing = request(port, "GET", "/feed.xml", {"If-None-Match": etag})
    assert again.status == 304 and nothing == b""


def test_preflight_is_answered_and_media_and_images_carry_cors(lan_server):
    port = lan_server["port"]
    mp3 = "/episodes/" + next(p.name for p in (lan_server["dir"] / "episodes").glob("*.mp3"))
    response, _ = request(port, "OPTIONS", mp3, {"Origin": "https://player.example",
                                                 "Access-Control-Request-Method": "GET",
                                                 "Access-Control-Request-Headers": "range"})
    assert response.status == 204
    assert response.getheader("Access-Control-Allow-Origin") == "*"
    assert "GET" in response.getheader("Access-Control-Allow-Methods")
    assert "range" in response.getheader("Access-Control-Allow-Headers").lower()
    for path in (mp3, "/cover.jpg", mp3[:-4] + ".jpg", "/feed.xml", "/"):
        response, _ = request(port, "GET", path, {"Origin": "https://player.example", "Range": "bytes=0-9"})
        assert response.status in (200, 206) and response.getheader("Access-Control-Allow-Origin") == "*", path
    response, _ = request(port, "GET", mp3, {"Range": "bytes=0-9"})
    assert "Content-Range" in response.getheader("Access-Control-Expose-Headers")


def test_serve_restarts_on_the_same_port_at_once(site, tmp_path):
    folder = copy_site(site["dir"], tmp_path / "site")
    port = free_port()
    with running_server(folder, port):
        # A listener's connection is open when the server stops: the server closes it first,
        # which leaves the port's old connection in TIME_WAIT for a minute.
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/feed.xml")
        assert connection.getresponse().read()
    connection.close()
    with running_server(folder, port) as printed:
        response, _ = request(port, "GET", "/feed.xml")
        assert response.status == 200
    assert any(f":{port}/" in line for line in printed)


def test_serving_never_writes_the_catalog(lan_server):
    catalog = lan_server["dir"] / "catalog.sqlite"
    before = (catalog.stat().st_mtime_ns, catalog.read_bytes())
    port = lan_server["port"]
    for host in ("192.168.1.20", "10.9.8.7", "127.0.0.1"):
        for path in ("/feed.xml", "/", "/index.html"):
            assert request(port, "GET", path, {"Host": f"{host}:{port}"})[0].status == 200
    assert (catalog.stat().st_mtime_ns, catalog.read_bytes()) == before
