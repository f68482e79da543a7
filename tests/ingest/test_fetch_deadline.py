"""The whole download has one deadline: a server sending a byte a second cannot hold a reader."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler

import pytest

from conftest import run_cli
from helpers import QuietHTTPServer, drip


@pytest.fixture
def dripping_server():
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            drip(self, "text/html", seconds=200, byte=b"<")

        def log_message(self, *args):
            pass

    server = QuietHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("command", ["article", "make"])
def test_a_dripping_server_ends_at_the_deadline(dripping_server, tmp_path, command):
    args = [command, dripping_server + "/story.html"] + (["-o", str(tmp_path / "e.mp3")] if command == "make" else [])
    started = time.monotonic()
    result = run_cli(*args, env={"BRIEFING_FETCH_DEADLINE": "3"}, timeout=60)
    took = time.monotonic() - started
    err = result.stderr.decode().strip()
    assert result.returncode != 0
    errors = [line for line in err.splitlines() if "error" in line]
    assert len(errors) == 1 and "not downloaded within 3 s" in errors[0] and "Traceback" not in err
    assert took < 15, f"took {took:.1f} s"  # the deadline, plus starting Python; not 120 s
    assert not list(tmp_path.iterdir())


def test_the_default_deadline_is_15_seconds():
    from briefing.ingest.fetch import default_deadline

    assert default_deadline() == 15.0
