"""What `briefing serve` keeps of its media requests, for `briefing stats`: SITE/stats.sqlite.

A row per GET of an episode's audio that sent more than a probe's two bytes, from a user agent
that is not a known bot: the UTC day, the listener's salted hash, the file, the first byte and
the bytes sent, the app. Never the address. The day's salt is kept in the same file (a restart
the same day recognises the same listeners) and every earlier day's salt is deleted.

Counting must not slow serving: a request only puts a tuple on a queue; a thread writes the
rows in batches (one transaction every half second at most). The file is never served.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from datetime import datetime, timezone
from pathlib import Path

from .downloads import PROBE_BYTES, app_of, is_bot, listener_id

STATS_NAME = "stats.sqlite"
SCHEMA = """
CREATE TABLE IF NOT EXISTS requests (
    day TEXT NOT NULL,        -- UTC, YYYY-MM-DD
    listener TEXT NOT NULL,   -- sha256 of the day's salt, the address and the user agent (or a private listener's)
    file TEXT NOT NULL,       -- the file's name in episodes/
    start INTEGER NOT NULL,   -- the first byte sent
    length INTEGER NOT NULL,  -- bytes sent
    app TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS requests_day ON requests (day);
CREATE TABLE IF NOT EXISTS salts (day TEXT PRIMARY KEY, salt TEXT NOT NULL);
"""
FLUSH_SECONDS = 0.5


def connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=10)
    connection.executescript(SCHEMA)
    return connection


class Recorder:
    """Media requests into SITE/stats.sqlite, off the request path."""

    def __init__(self, site: Path):
        self.path = Path(site) / STATS_NAME
        self._salt: tuple[str, str] | None = None
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._lock = threading.Lock()
        connect(self.path).close()  # a folder we cannot write fails here, at start, in one line
        self._thread = threading.Thread(target=self._write, name="briefing-stats", daemon=True)
        self._thread.start()

    def _day_salt(self, day: str) -> str:
        with self._lock:
            if self._salt is None or self._salt[0] != day:
                import secrets

                with connect(self.path) as db:
                    db.execute("INSERT OR IGNORE INTO salts (day, salt) VALUES (?, ?)", (day, secrets.token_hex(16)))
                    db.execute("DELETE FROM salts WHERE day != ?", (day,))
                    salt = db.execute("SELECT salt FROM salts WHERE day = ?", (day,)).fetchone()[0]
                self._salt = (day, salt)
            return self._salt[1]

    def record(self, *, ip: str, user_agent: str, file: str, start: int, length: int,
               listener: str | None = None) -> None:
        """One media response: `length` bytes of `file` from byte `start`. `listener` names a
        private show's listener (their token), who is counted as themselves."""
        if length <= PROBE_BYTES or is_bot(user_agent):
            return
        day = datetime.now(timezone.utc).date().isoformat()
        salt = self._day_salt(day)
        who = listener_id(salt, f"listener:{listener}", "") if listener else listener_id(salt, ip, user_agent)
        self._queue.put((day, who, file, start, length, app_of(user_agent)))

    def _write(self) -> None:
        db = connect(self.path)
        while True:
            rows = [self._queue.get()]
            stop = rows[0] is None
            try:
                while len(rows) < 1000:
                    rows.append(self._queue.get(timeout=FLUSH_SECONDS if len(rows) == 1 else 0.05))
            except queue.Empty:
                pass
            stop = stop or None in rows
            rows = [row for row in rows if row is not None]
            if rows:
                try:
                    with db:
                        db.executemany("INSERT INTO requests VALUES (?, ?, ?, ?, ?, ?)", rows)
                except sqlite3.Error:
                    pass  # counting never stops serving
            if stop:
                db.close()
                return

    def close(self) -> None:
        """Write what is queued and stop."""
        self._queue.put(None)
        self._thread.join(timeout=10)


def served_requests(site: Path, first_day: str | None = None):
    """The requests `briefing serve` recorded, oldest first (from `first_day` on)."""
    from .downloads import MediaRequest

    path = Path(site) / STATS_NAME
    if not path.is_file():
        return
    db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        rows = db.execute("SELECT day, listener, file, start, length, app FROM requests WHERE day >= ? "
                          "ORDER BY rowid", (first_day or "",))
        for row in rows:
            yield MediaRequest(*row)
    finally:
        db.close()
