"""What the robustness tests share: the user-error check, folder snapshots, and misbehaving
servers on 127.0.0.1 (a closed port, a silent server, a scripted flaky one)."""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from conftest import run_cli  # noqa: F401  (re-exported for the test modules)


def assert_user_error(result, *, mentions: str | None = None) -> str:
    """One line `briefing: error: ...` on stderr, a non-zero exit, no traceback."""
    err = result.stderr.decode("utf-8", "replace")
    lines = [line for line in err.splitlines() if line.strip()]
    assert result.returncode not in (0, 70), (result.returncode, err)
    assert "Traceback" not in err, err
    assert lines and lines[-1].startswith("briefing: error: "), err
    assert sum(line.startswith("briefing: error") for line in lines) == 1, err
    if mentions:
        assert mentions.lower() in lines[-1].lower(), lines[-1]
    return lines[-1]


def snapshot(folder: Path) -> dict[str, int]:
    """Every file under `folder` (hidden ones too) with its size."""
    return {str(p.relative_to(folder)): p.stat().st_size for p in folder.rglob("*") if p.is_file()}


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SilentServer:
    """Accepts connections and never says a word."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.held: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)

    def close(self):
        self.sock.close()
        for conn in self.held:
            conn.close()


Reply = tuple[int, dict[str, str], bytes]


class ScriptedServer:
    """An HTTP server whose n-th answer for a path is the script's n-th reply (the last one repeats).

    A reply is (status, headers, body); status 0 means: promise the body's length, send half, hang up.
    """

    def __init__(self, routes: dict[str, list[Reply]]):
        self.routes = routes
        self.hits: dict[str, int] = {}
        self.times: dict[str, list[float]] = {}
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                replies = owner.routes.get(self.path) or [(404, {}, b"not here")]
                n = owner.hits.get(self.path, 0)
                owner.hits[self.path] = n + 1
                owner.times.setdefault(self.path, []).append(time.monotonic())
                status, headers, body = replies[min(n, len(replies) - 1)]
                self.send_response(status or 200)
                for name, value in {"Content-Type": "text/html; charset=utf-8", **headers}.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body if status else body[: len(body) // 2])
                self.wfile.flush()
                if not status:
                    self.close_connection = True

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()



# Small real episodes, made once per test session and shared by the modules that need them
# (this module is imported once); tests copy them before changing anything.
_MADE: dict[str, Path] = {}

HOSTILE_TITLE = "<script>alert(1)</script> & Co"
ARTICLES = {
    "pier": "Pier Reopens\n\nThe old pier reopened on Saturday after a year of repairs, the council said.\n",
    "bells": "Church Bells Ring Again\n\nThe bells of Saint Anne rang on Sunday for the first time in ten years.\n",
}


def small_episode(folder_factory, name: str) -> Path:
    """`briefing make` of a two-line article (no music: quick); the hostile title on 'bells'."""
    if name not in _MADE:
        folder = folder_factory.mktemp(f"episode-{name}")
        article = folder / f"{name}.txt"
        article.write_text(ARTICLES[name], encoding="utf-8")
        extra = ["--title", HOSTILE_TITLE] if name == "bells" else []
        result = run_cli("make", str(article), "-o", str(folder / f"{name}.mp3"), "--no-music", "-q",
                         "--minutes", "0.3", *extra, timeout=300)
        assert result.returncode == 0, result.stderr.decode()
        _MADE[name] = folder / f"{name}.mp3"
    return _MADE[name]


def episode_files(mp3: Path) -> list[Path]:
    """The MP3 and every sidecar sharing its stem."""
    return sorted(p for p in mp3.parent.iterdir() if p.name.startswith(mp3.stem + ".") and p.is_file())


def copy_episode(mp3: Path, folder: Path, stem: str) -> Path:
    """The episode's files under a new stem (a new episode to the site)."""
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    for path in episode_files(mp3):
        shutil.copyfile(path, folder / (stem + path.name[len(mp3.stem):]))
    return folder / f"{stem}.mp3"


def kill_after(process, seconds: float) -> bool:
    """SIGKILL `process` after `seconds` unless it has finished by then; True when it finished
    (exit 0), False when it was killed. Any other ending fails the test with its stderr."""
    import signal

    time.sleep(seconds)
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode in (0, -signal.SIGKILL), process.stderr.read().decode()
    process.stderr.close()
    return process.returncode == 0
