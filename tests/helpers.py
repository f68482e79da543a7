"""Measuring what was written: decode the MP3 ourselves rather than trust the code's intent."""

from __future__ import annotations

import re
import subprocess
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np

from briefing.audio.ffmpeg import ffmpeg_exe


def decode(path: str | Path, rate: int = 44100) -> np.ndarray:
    """The MP3's samples as float32 mono, decoded by ffmpeg."""
    out = subprocess.run(
        [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-i", str(path), "-f", "s16le", "-ac", "1",
         "-ar", str(rate), "pipe:1"],
        capture_output=True, check=True,
    )
    return np.frombuffer(out.stdout, dtype="<i2").astype(np.float32) / 32768.0


def has_xing_or_info_header(path: str | Path) -> bool:
    data = Path(path).read_bytes()
    start = 0
    if data[:3] == b"ID3":  # skip the ID3v2 tag (a cover makes it large): its size is syncsafe
        start = 10 + sum((byte & 0x7F) << (7 * (3 - i)) for i, byte in enumerate(data[6:10]))
    head = data[start:start + 8192]
    return b"Xing" in head or b"Info" in head


def parse_vtt(text: str) -> list[tuple[float, float, str]]:
    """Every cue as (start, end, text): a cue's lines joined by spaces, character references read."""
    import html

    cues = []
    pattern = re.compile(r"(\d+):(\d\d):(\d\d)\.(\d{3}) --> (\d+):(\d\d):(\d\d)\.(\d{3})\n((?:.+\n?)+)")
    for m in pattern.finditer(text):
        g = [int(x) for x in m.groups()[:8]]
        start = g[0] * 3600 + g[1] * 60 + g[2] + g[3] / 1000
        end = g[4] * 3600 + g[5] * 60 + g[6] + g[7] / 1000
        cues.append((start, end, html.unescape(" ".join(m.group(9).split()))))
    return cues


class QuietHTTPServer(ThreadingHTTPServer):
    """A test server that says nothing when a client gives up (a deadline resets the connection)."""

    daemon_threads = True

    def handle_error(self, request, client_address):
        pass


def drip(handler: BaseHTTPRequestHandler, content_type: str, *, seconds: int, byte: bytes = b" ") -> None:
    """Answer 200 announcing far more than will come, then send one byte a second for `seconds`:
    a server too slow for any reader to wait for."""
    handler.send_response(200)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(100 * seconds))
    handler.end_headers()
    try:
        for _ in range(seconds):
            handler.wfile.write(byte)
            handler.wfile.flush()
            time.sleep(1)
    except (BrokenPipeError, ConnectionResetError):
        pass


def stop(process: subprocess.Popen, timeout: float = 10) -> None:
    """A server a test started, stopped: asked to end, then killed if it has not within `timeout`."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
