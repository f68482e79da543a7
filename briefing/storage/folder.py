"""A site in a folder: files written under a temporary name and renamed into place.

The version of a file is the SHA-256 of its content (the catalog is small). Conditional
writes hold an flock on FOLDER/.catalog.lock while they compare and rename; a whole
publish holds FOLDER/.publish.lock, so two publishes into one folder take turns.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from .base import Blob, Conflict, Entry, StorageError, Version

PUBLISH_LOCK = ".publish.lock"
CATALOG_LOCK = ".catalog.lock"
LOCK_WAIT = 120.0  # s a publish waits for another one to finish


def write_atomically(target: Path, write: Callable[[Path], None]) -> None:
    """Write a file through `write(tmp)` under a unique temporary name beside `target`, then
    rename it into place: a reader sees the old file or the whole new one, and processes or
    threads writing the same file at once never mix their bytes. Raises OSError; leaves no
    temporary file behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def keep_file(target: Path, data: bytes) -> None:
    """`write_atomically` for what is kept only to save time (caches): a file that cannot be
    written is left out."""
    try:
        write_atomically(target, lambda tmp: tmp.write_bytes(data))
    except OSError:
        pass


def _flock(path: Path, wait: float, busy_message: str):
    import fcntl

    handle = open(path, "a+")  # noqa: SIM115 - the caller closes it, which releases the lock
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return handle
        except BlockingIOError:
            if time.monotonic() > deadline:
                handle.close()
                raise StorageError(busy_message) from None
            time.sleep(0.05)


class FolderStore:
    """A site folder on this machine."""

    local = True

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.location = str(self.root)

    def path(self, name: str) -> Path:
        return self.root / name

    def _staged_write(self, target: Path, write) -> None:
        try:
            write_atomically(target, write)
        except OSError as exc:
            raise StorageError(f"cannot write {target}: {exc.strerror or exc}") from None

    def put(self, name: str, source: bytes | Path, *, content_type: str | None = None,
            cache_control: str | None = None) -> None:
        # Type and caching are decided by whoever serves the folder (`briefing serve` sends both).
        if isinstance(source, Path):
            self._staged_write(self.path(name), lambda tmp: shutil.copyfile(source, tmp))
        else:
            self._staged_write(self.path(name), lambda tmp: tmp.write_bytes(source))

    def get(self, name: str) -> Blob | None:
        try:
            data = self.path(name).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StorageError(f"cannot read {self.path(name)}: {exc.strerror or exc}") from None
        return Blob(data, Version(hashlib.sha256(data).hexdigest()))

    def version(self, name: str) -> Version | None:
        blob = self.get(name)
        return blob.version if blob else None

    def size(self, name: str) -> int | None:
        try:
            return self.path(name).stat().st_size
        except FileNotFoundError:
            return None

    def put_if(self, name: str, data: bytes, expected: Version | None, *, content_type: str | None = None,
               cache_control: str | None = None) -> Version:
        self.root.mkdir(parents=True, exist_ok=True)
        handle = _flock(self.root / CATALOG_LOCK, LOCK_WAIT, f"{self.root}: the catalog is locked")
        try:
            if self.version(name) != expected:
                raise Conflict(f"{self.path(name)} changed while it was being updated")
            self.put(name, data)
        finally:
            handle.close()
        return Version(hashlib.sha256(data).hexdigest())

    def delete(self, name: str) -> None:
        try:
            self.path(name).unlink(missing_ok=True)
        except OSError as exc:
            raise StorageError(f"cannot remove {self.path(name)}: {exc.strerror or exc}") from None

    def list(self, prefix: str = "") -> Iterator[Entry]:
        if not self.root.is_dir():
            return
        for path in sorted(self.root.rglob("*")):
            name = path.relative_to(self.root).as_posix()
            if path.is_file() and name.startswith(prefix) and not path.name.startswith("."):
                stat = path.stat()
                yield Entry(name, stat.st_size, datetime.fromtimestamp(stat.st_mtime, timezone.utc))

    @contextmanager
    def lock(self) -> Iterator[None]:
        """One change to a site at a time: two publishes at once would each rebuild the feed from
        the catalog as it stood before the other's episode, and the last writer would drop one.

        An flock on FOLDER/.publish.lock: the kernel releases it when the holder exits, even
        killed, so a crash never leaves the site locked. Temporary files a killed run left are
        removed here.
        """
        if self.root.exists() and not self.root.is_dir():
            raise StorageError(f"{self.root}: exists and is not a folder")
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            handle = _flock(self.root / PUBLISH_LOCK, LOCK_WAIT,
                            f"{self.root}: another briefing is still publishing into it; "
                            "try again when it has finished")
        except OSError as exc:
            raise StorageError(f"{self.root}: cannot lock the site ({exc.strerror or exc})") from None
        try:
            for leftover in self.root.rglob(".*.part"):
                leftover.unlink(missing_ok=True)
            yield
        finally:
            handle.close()
