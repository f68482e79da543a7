"""gTTS exercised at the HTTP layer: a real local server speaks Google's batchexecute protocol.

Google's endpoint cannot be reached from here, so `BRIEFING_GTTS_URL` points the real
gTTS client at a server started by the test, which answers with real MP3 audio,
rate limits (429 + Retry-After), server errors and garbage.
"""

from __future__ import annotations

import base64
import json
import subprocess
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from mutagen.mp3 import MP3

from briefing.audio.ffmpeg import ffmpeg_exe

pytestmark = pytest.mark.slow


def _tone_mp3(seconds: float = 0.6) -> bytes:
    return subprocess.run(
        [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
         f"sine=frequency=330:duration={seconds}:sample_rate=24000", "-ac", "1", "-b:a", "32k", "-f", "mp3", "pipe:1"],
        capture_output=True, check=True,
    ).stdout


class FakeGoogle:
    """Answers like translate.google.com's batchexecute; `plan` scripts failures per request."""

    def __init__(self):
        self.audio = _tone_mp3()
        self.texts: list[str] = []
        self.plan: list[tuple[int, dict]] = []  # (status, headers) for the next requests
        self.fail_texts: set[str] = set()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                payload = urllib.parse.unquote(body.split("f.req=", 1)[1].rstrip("&"))
                text = json.loads(json.loads(payload)[0][0][1])[0]
                outer.texts.append(text)
                if outer.plan:
                    status, headers = outer.plan.pop(0)
                elif any(t in text for t in outer.fail_texts):
                    status, headers = 503, {"Retry-After": "0"}
                else:
                    status, headers = 200, {}
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                if status != 200:
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                b64 = base64.b64encode(outer.audio).decode()
                line = ')]}\'\n\n123\n[["wrb.fr","jQ1olc","[\\"' + b64 + '\\"]",null,null,null,"generic"]]\n'
                data = line.encode()
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/_/TranslateWebserverUi/data/batchexecute"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def google():
    fake = FakeGoogle()
    yield fake
    fake.server.shutdown()


def _make(cli, article, out, url, cache, *extra):
    return cli("make", str(article), "-o", str(out), "--engine", "gtts", "-q", *extra,
               env={"BRIEFING_GTTS_URL": url, "BRIEFING_CACHE_DIR": str(cache)})


def test_gtts_episode_through_the_http_layer(cli, short_article, tmp_path, google):
    out = tmp_path / "g.mp3"
    result = _make(cli, short_article, out, google.url, tmp_path / "cache")
    assert result.returncode == 0, result.stderr.decode()
    assert MP3(out).info.sample_rate == 44100
    # Every request carried speakable text of at most 100 characters (gTTS splits longer text).
    assert google.texts and all(len(t) <= 100 for t in google.texts)
    assert any("Alder" in t for t in google.texts)


def test_rate_limit_is_retried_honouring_retry_after(cli, short_article, tmp_path, google):
    google.plan = [(429, {"Retry-After": "1"}), (500, {"Retry-After": "0"})]
    started = time.monotonic()
    result = _make(cli, short_article, tmp_path / "g.mp3", google.url, tmp_path / "cache")
    assert result.returncode == 0, result.stderr.decode()
    assert time.monotonic() - started >= 1.0  # it waited as told
    assert google.texts[0] == google.texts[1] == google.texts[2]  # the same text, asked again


def test_persistent_failure_names_the_segment_and_resumes_from_cache(cli, short_article, tmp_path, google):
    cache = tmp_path / "cache"
    google.fail_texts = {"musical instruments"}
    out = tmp_path / "g.mp3"
    result = _make(cli, short_article, out, google.url, cache)
    assert result.returncode != 0
    err = result.stderr.decode().strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert "Books and Beyond" in err and "HTTP 503" in err
    assert not out.exists() and not out.with_suffix(".vtt").exists()
    asked_before = len(google.texts)

    google.fail_texts = set()
    google.texts.clear()
    result = _make(cli, short_article, out, google.url, cache)
    assert result.returncode == 0, result.stderr.decode()
    assert out.exists()
    # Only what had not been rendered is asked for again.
    assert 0 < len(google.texts) < asked_before


def test_no_network_fails_fast_with_a_clear_message(cli, short_article, tmp_path):
    started = time.monotonic()
    result = _make(cli, short_article, tmp_path / "g.mp3", "http://127.0.0.1:9/unreachable", tmp_path / "cache")
    assert time.monotonic() - started < 20
    assert result.returncode != 0
    err = result.stderr.decode().strip()
    assert len(err.splitlines()) == 1
    assert "cannot reach" in err and "--engine piper" in err
    assert not (tmp_path / "g.mp3").exists()
