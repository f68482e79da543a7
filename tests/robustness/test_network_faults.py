"""A flaky network, at the HTTP layer: a local server that fails, then answers (or never does).

Reading a URL retries connection errors, HTTP 429 (after its Retry-After, capped) and 5xx and
a body cut short, with backoff; when every attempt fails the user reads one clear line.
(gTTS's own retries are tested in tests/voices/test_gtts_http.py.)
"""

from __future__ import annotations

import json

import pytest

from conftest import run_cli
from robust_support import ScriptedServer, assert_user_error

PAGE = ("<!doctype html><html><head><title>Pier Reopens</title></head><body><article><h1>Pier Reopens</h1>"
        + "".join(f"<p>The old pier reopened on Saturday after repairs, paragraph {n} of the story says, and "
                  f"crowds walked its length in the sun while the band played on the bandstand.</p>"
                  for n in range(1, 6))
        + "</article></body></html>").encode()
OK = (200, {}, PAGE)


@pytest.fixture
def server():
    made: list[ScriptedServer] = []

    def make(script):
        made.append(ScriptedServer({"/story.html": script}))
        return made[-1]

    yield make
    for s in made:
        s.close()


def _read(url: str):
    return run_cli("article", url, "--json", timeout=60)


@pytest.mark.parametrize("faults", [
    [(503, {}, b"busy")],
    [(502, {}, b"bad gateway"), (500, {}, b"oops")],
    [(0, {}, PAGE)],  # the body cut in half
    [(429, {"Retry-After": "0"}, b"slow down")],
])
def test_transient_faults_then_success(server, faults):
    site = server(faults + [OK])
    result = _read(site.base + "/story.html")
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["title"] == "Pier Reopens"
    assert site.hits["/story.html"] == len(faults) + 1


def test_retry_after_is_honoured(server):
    site = server([(429, {"Retry-After": "2"}, b"slow down"), OK])
    result = _read(site.base + "/story.html")
    assert result.returncode == 0, result.stderr.decode()
    first, second = site.times["/story.html"]
    assert second - first >= 1.9, "the client waited as the server asked"


def test_retry_after_is_capped(server, monkeypatch):
    from briefing.ingest import fetch

    monkeypatch.setattr(fetch, "MAX_RETRY_AFTER", 0.5)
    site = server([(429, {"Retry-After": "3600"}, b"come back in an hour"), OK])
    assert fetch.fetch(site.base + "/story.html").data == PAGE
    first, second = site.times["/story.html"]
    assert second - first < 60


def test_always_503_ends_in_one_clear_line(server):
    site = server([(503, {}, b"down for maintenance")])
    result = _read(site.base + "/story.html")
    message = assert_user_error(result, mentions="503")
    assert "attempts" in message
    assert site.hits["/story.html"] == 4


def test_always_truncated_ends_in_one_clear_line(server):
    site = server([(0, {}, PAGE)])
    assert_user_error(_read(site.base + "/story.html"), mentions="truncated")


@pytest.mark.parametrize("status", [404, 403, 410])
def test_client_errors_are_not_retried(server, status):
    site = server([(status, {}, b"no")])
    assert_user_error(_read(site.base + "/story.html"), mentions=str(status))
    assert site.hits["/story.html"] == 1


def test_oversized_page_is_refused_by_its_declared_length(server, monkeypatch):
    from briefing.errors import InputError
    from briefing.ingest import fetch

    site = server([(200, {}, b"<p>" + b"x" * 200_000 + b"</p>")])
    with pytest.raises(InputError, match="larger than"):
        fetch.fetch(site.base + "/story.html", max_bytes=100_000)
    assert site.hits["/story.html"] == 1, "refusing is final, not retried"
