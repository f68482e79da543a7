"""`briefing serve` started as a user would (a subprocess), and plain HTTP requests to it."""

from __future__ import annotations

import http.client
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager

import pytest

from helpers import stop


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_server(folder, port: int, *extra: str, env: dict | None = None):
    """`briefing serve FOLDER --port PORT EXTRA...` until the block ends; yields what it printed."""
    import os

    process = subprocess.Popen([sys.executable, "-m", "briefing", "serve", str(folder), "--port", str(port), *extra],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, **(env or {})})
    printed: list[str] = []
    threading.Thread(target=lambda: printed.extend(process.stdout), daemon=True).start()
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"briefing serve did not start: {process.stderr.read()}")
            time.sleep(0.05)
    try:
        yield printed
    finally:
        stop(process)


def request(port: int, method: str, path: str, headers: dict | None = None):
    """The path goes out exactly as written (http.client does not normalize it)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest(method, path, skip_host="Host" in (headers or {}), skip_accept_encoding=True)
    for name, value in (headers or {}).items():
        connection.putheader(name, value)
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body
