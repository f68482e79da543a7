"""Just enough of the Chrome DevTools Protocol to drive headless Chromium from a test.

Chromium speaks it over two pipes (`--remote-debugging-pipe`: it reads commands on fd 3 and
writes answers on fd 4, each message JSON ended by a NUL byte), so no WebSocket client and no
Node are needed.
"""

from __future__ import annotations

import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--disable-dev-shm-usage", "--mute-audio",
    "--autoplay-policy=no-user-gesture-required", "--remote-debugging-pipe",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("BRIEFING_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


class Browser:
    """A headless Chromium; `evaluate(url, script)` opens a tab and runs an async script in it."""

    def __init__(self, executable: str, profile: Path):
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        # High numbers, so the redirections onto 3 and 4 cannot clobber them (bash, as dash stops at fd 9).
        high_r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 50)
        high_w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 50)
        for fd in (to_browser_r, from_browser_w):
            os.close(fd)
        command = ["/bin/bash", "-c", f'exec "$0" "$@" 3<&{high_r} 4>&{high_w} {high_r}<&- {high_w}>&-',
                   executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"]
        self.process = subprocess.Popen(command, pass_fds=(high_r, high_w), stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        os.close(high_r)
        os.close(high_w)
        self._buffer = b""
        self._next_id = 0

    def send(self, method: str, params: dict | None = None, session: str | None = None,
             timeout: float = 30) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            answer = self._receive(deadline)
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer["result"]

    def _receive(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._from_browser], [], [], max(0.0, left))
            if not ready:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._from_browser, 65536)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe: " + self.process.stderr.read().decode()[-500:])
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def evaluate(self, url: str, script: str, timeout: float = 60):
        """Open URL in a new tab, wait until it has loaded, run `script` (an expression that may
        be a Promise) and return its value."""
        return self.run(self.open_tab(url, timeout), script, timeout)

    def open_tab(self, url: str, timeout: float = 60) -> str:
        """Open URL in a new tab and wait until it has loaded; the tab's session id."""
        target = self.send("Target.createTarget", {"url": url})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        deadline = time.monotonic() + timeout
        while True:
            state = self.send("Runtime.evaluate", {"expression": "[location.href, document.readyState]",
                                                   "returnByValue": True}, session)["result"]["value"]
            if state[0] == url and state[1] == "complete":
                break
            if time.monotonic() > deadline:
                raise TimeoutError(f"the page did not load: {state}")
            time.sleep(0.1)
        return session

    def run(self, session: str, script: str, timeout: float = 60):
        """Run `script` in an open tab (see evaluate) and return its value."""
        result = self.send("Runtime.evaluate", {"expression": script, "awaitPromise": True,
                                                "returnByValue": True}, session, timeout=timeout)
        if "exceptionDetails" in result:
            raise RuntimeError(f"the script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=5)
        except (OSError, RuntimeError, TimeoutError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._to_browser, self._from_browser):
            os.close(fd)
        self.process.stderr.close()
