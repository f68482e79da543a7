"""`briefing serve` on 127.0.0.1, started as a user would, asked what podcast apps and
browsers ask: HEAD, byte ranges, MIME types, CORS, and paths that try to leave the site."""

from __future__ import annotations

import http.client
import socket
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET

import pytest

from helpers import stop
from site_fixtures import copy_site, episodes, show_file, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.slow

SECRET = "top-secret-marker-7f3a"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(site, tmp_path_factory):
    """A copy of the site beside a secret file, a symlink inside pointing at it, and the server."""
    root = tmp_path_factory.mktemp("served")
    folder = copy_site(site["dir"], root / "site")
    (root / "secret.txt").write_text(SECRET)
    (folder / "escape.txt").symlink_to(root / "secret.txt")
    (folder / "episodes" / "escape-dir").symlink_to(root, target_is_directory=True)
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "briefing", "serve", str(folder), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    printed: list[str] = []
    reader = threading.Thread(target=lambda: printed.extend(process.stdout), daemon=True)
    reader.start()
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"briefing serve did not start: {process.stderr.read()}")
            time.sleep(0.1)
    yield {"port": port, "dir": folder, "printed": printed}
    stop(process)


def request(server, method: str, path: str, headers: dict | None = None):
    """The path goes out exactly as written (http.client does not normalize it)."""
    connection = http.client.HTTPConnection("127.0.0.1", server["port"], timeout=10)
    connection.putrequest(method, path, skip_accept_encoding=True)
    for name, value in (headers or {}).items():
        connection.putheader(name, value)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def episode_path(server) -> str:
    return "/episodes/" + sorted(p.name for p in (server["dir"] / "episodes").glob("*.mp3"))[0]


def test_head_gives_length_without_a_body(server):
    path = episode_path(server)
    response, body = request(server, "HEAD", path)
    assert response.status == 200 and body == b""
    assert int(response.getheader("Content-Length")) == (server["dir"] / path[1:]).stat().st_size
    assert response.getheader("Content-Type") == "audio/mpeg"
    assert response.getheader("Accept-Ranges") == "bytes"


def test_range_request_gives_206_with_two_bytes(server):
    path = episode_path(server)
    size = (server["dir"] / path[1:]).stat().st_size
    response, body = request(server, "GET", path, {"Range": "bytes=0-1"})
    assert response.status == 206
    assert body == (server["dir"] / path[1:]).read_bytes()[:2]
    assert response.getheader("Content-Range") == f"bytes 0-1/{size}"
    # A player seeking near the end.
    response, body = request(server, "GET", path, {"Range": f"bytes={size - 100}-"})
    assert response.status == 206 and len(body) == 100


def test_feed_is_served_as_rss(server):
    response, body = request(server, "GET", "/feed.xml")
    assert response.status == 200
    assert response.getheader("Content-Type").startswith("application/rss+xml")
    assert len(ET.fromstring(body).findall("channel/item")) == 3


def test_page_is_served_at_the_root_with_three_players(server):
    response, body = request(server, "GET", "/")
    assert response.status == 200 and response.getheader("Content-Type").startswith("text/html")
    assert body.decode().count("<audio controls") == 3


@pytest.mark.parametrize("suffix, mime", [(".vtt", "text/vtt"), (".srt", "application/x-subrip"),
                                          (".chapters.json", "application/json+chapters")])
def test_transcripts_and_chapters_have_their_types_and_cors(server, suffix, mime):
    name = next(p.name for p in (server["dir"] / "episodes").iterdir() if p.name.endswith(suffix))
    response, body = request(server, "GET", f"/episodes/{name}", {"Origin": "https://player.example"})
    assert response.status == 200 and body
    assert response.getheader("Content-Type").split(";")[0] == mime
    assert response.getheader("Access-Control-Allow-Origin") == "*"


@pytest.mark.parametrize("path", [
    "/../secret.txt", "/episodes/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
    "/episodes/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/episodes/..%5c..%5csecret.txt",
    "//secret.txt", "/escape.txt", "/episodes/escape-dir/secret.txt", "/catalog.sqlite",
    "/%2fetc%2fpasswd", "/../../../../etc/passwd",
])
def test_nothing_outside_the_site_is_served(server, path):
    response, body = request(server, "GET", path)
    assert response.status in (400, 404), (path, response.status)
    assert SECRET.encode() not in body and b"root:" not in body


def test_prints_feed_url_and_qr_and_listens_on_localhost_only(server):
    out = "".join(server["printed"])  # printed (and flushed) before the server accepts connections
    assert f"Feed: http://127.0.0.1:{server['port']}/feed.xml" in out
    assert "█" in out or "▀" in out  # the QR code, drawn with block characters
    assert "Only this computer can connect" in out


def test_port_in_use_is_one_line(site, tmp_path):
    from conftest import run_cli

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        result = run_cli("serve", str(site["dir"]), "--port", str(busy.getsockname()[1]), timeout=30)
    assert result.returncode == 1
    assert result.stderr.decode().count("\n") == 1 and "--port" in result.stderr.decode()


def test_serving_a_folder_that_is_not_a_site_is_one_line(tmp_path):
    from conftest import run_cli

    result = run_cli("serve", str(tmp_path), "--port", str(free_port()), timeout=30)
    assert result.returncode == 1 and "publish an episode first" in result.stderr.decode()
