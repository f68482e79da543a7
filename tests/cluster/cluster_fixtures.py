"""A real redis-server on a free 127.0.0.1 port and real `briefing worker` processes."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def redis_server(folder: Path):
    """Start redis-server (the Debian package) in `folder`; yield its URL; stop it."""
    exe = shutil.which("redis-server")
    if exe is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen([exe, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder),
                                "--save", "", "--appendonly", "no", "--protected-mode", "yes"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        break
            except OSError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(10)


class Workers:
    """`briefing worker` subprocesses, each in its own process group (so a kill takes its children)."""

    def __init__(self, broker: str, folder: Path, env: dict[str, str]):
        self.broker, self.folder, self.env = broker, folder, env
        self.processes: list[subprocess.Popen] = []

    def start(self, count: int = 1, concurrency: int = 1) -> list[subprocess.Popen]:
        started = []
        for _ in range(count):
            log = open(self.folder / f"worker-{len(self.processes)}.log", "wb")
            process = subprocess.Popen(
                [sys.executable, "-m", "briefing", "worker", "--broker", self.broker, "--concurrency", str(concurrency)],
                stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **self.env}, start_new_session=True)
            self.processes.append(process)
            started.append(process)
        return started

    def kill(self, process: subprocess.Popen) -> None:
        """SIGKILL the worker and its pool at once, as a lost machine would."""
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait(10)

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    continue
        for process in self.processes:
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(10)

    def logs(self) -> str:
        return "\n".join(p.read_text(errors="replace")[-3000:] for p in sorted(self.folder.glob("worker-*.log")))


@pytest.fixture
def broker(tmp_path):
    with redis_server(tmp_path / "redis") as url:
        yield url


@pytest.fixture
def workers(broker, tmp_path):
    pool = Workers(broker, tmp_path, {"BRIEFING_VISIBILITY_TIMEOUT": "20"})
    try:
        yield pool
    finally:
        pool.stop()
