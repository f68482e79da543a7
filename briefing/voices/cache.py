"""A content-addressed cache of rendered sentences.

The key is a hash of the engine, the voice, its settings and the text, so a
re-run renders only what changed, and a run that failed half-way resumes where
it stopped. Entries are WAV files written under a temporary name and renamed.

The cache may be shared by many processes and machines: a folder (a shared volume) or an
object-store URL (`s3://bucket/cache`, through `briefing.storage`). Writes are
content-addressed and atomic (a unique temporary name renamed into place; an object put is
whole or absent), so concurrent workers writing the same take write the same bytes, and a
reader never sees half of one. A spoken segment leaves a marker (`segments/KEY`) so that
the next worker skips it with one lookup, and its levelled speech (`levelled/KEY.npz`, see
`briefing.audio.levelled`) so that the workers mixing it do not level it again.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import wave
from pathlib import Path

CACHE_VERSION = 1


def default_cache_location() -> str:
    """`$BRIEFING_CACHE_DIR` (a folder or an object-store URL), else the user's cache folder."""
    override = os.environ.get("BRIEFING_CACHE_DIR")
    if override:
        return override
    from platformdirs import user_cache_dir

    return str(Path(user_cache_dir("briefing")) / "takes")


def default_cache_dir() -> Path:
    """The local folder for what stays on this machine (encoded episodes, covers)."""
    location = default_cache_location()
    if is_url(location):
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("briefing")) / "takes"
    return Path(location)


def is_url(location: str) -> bool:
    return "://" in location and not location.startswith("file://")


def cache_key(identity: dict, text: str) -> str:
    blob = json.dumps({"v": CACHE_VERSION, "voice": identity, "text": text}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class TakeCache:
    """Takes by key in a folder or, given an object-store URL, in a bucket.

    `directory` is always a local folder: the encoded episodes and covers kept beside the
    takes stay on the machine that made them. `misses` counts takes that had to be rendered.
    """

    def __init__(self, directory: str | Path | None = None):
        location = str(directory) if directory else default_cache_location()
        if location.startswith("file://"):
            location = location.removeprefix("file://")
        self.store = None
        if is_url(location):
            from ..storage import open_store  # the object-store layer of the publishing work

            self.store = open_store(location)
            self.directory = default_cache_dir()
        else:
            self.directory = Path(location)
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.wav"

    def _read(self, name: str) -> bytes | None:
        if self.store is not None:
            try:
                return _store_get(self.store, name)
            except Exception:  # noqa: BLE001 - an unreachable cache only costs time
                return None
        try:
            return (self.directory / name).read_bytes()
        except OSError:
            return None

    def _write(self, name: str, data: bytes, content_type: str) -> None:
        if self.store is not None:
            try:
                self.store.put(name, data, content_type=content_type)
            except Exception:  # noqa: BLE001 - a cache that cannot be written only costs time
                pass
            return
        from ..storage.folder import keep_file

        keep_file(self.directory / name, data)  # a cache that cannot be written only costs time

    def get(self, key: str) -> tuple[bytes, int] | None:
        data = self._read(f"{key[:2]}/{key}.wav")
        try:
            if data is None:
                raise EOFError
            with wave.open(io.BytesIO(data), "rb") as wav:
                if wav.getnchannels() != 1 or wav.getsampwidth() != 2:
                    raise wave.Error("not mono 16-bit")
                pcm = wav.readframes(wav.getnframes())
                rate = wav.getframerate()
        except (EOFError, wave.Error):
            self.misses += 1
            return None
        self.hits += 1
        return pcm, rate

    def has_take(self, key: str) -> bool:
        """Whether a take is kept under `key` (without reading it, in a folder)."""
        if self.store is None:
            return self._path(key).is_file()
        return self._read(f"{key[:2]}/{key}.wav") is not None

    def put(self, key: str, pcm: bytes, sample_rate: int) -> None:
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(sample_rate)
            wav.writeframes(pcm)
        self._write(f"{key[:2]}/{key}.wav", buffer.getvalue(), "audio/wav")

    def has_segment(self, key: str) -> bool:
        """Whether a segment was spoken whole into this cache (see `voices.segments`)."""
        return self._read(f"segments/{key}") is not None

    def mark_segment(self, key: str) -> None:
        self._write(f"segments/{key}", b"spoken\n", "text/plain")

    def get_levelled(self, key: str) -> bytes | None:
        """A segment's levelled speech as `briefing.audio.levelled` stored it, or None."""
        return self._read(f"levelled/{key[:2]}/{key}.npz")

    def put_levelled(self, key: str, data: bytes) -> None:
        self._write(f"levelled/{key[:2]}/{key}.npz", data, "application/octet-stream")

    def get_piece(self, key: str) -> bytes | None:
        """An encoded MP3 piece as `briefing.audio.pieces` stored it, or None."""
        return self._read(f"pieces/{key[:2]}/{key}.npz")

    def put_piece(self, key: str, data: bytes) -> None:
        self._write(f"pieces/{key[:2]}/{key}.npz", data, "application/octet-stream")


def pack_arrays(**arrays) -> bytes:
    """numpy arrays as one entry's bytes (an .npz), for what the take cache keeps beside takes."""
    import numpy as np

    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def unpack_arrays(data: bytes | None) -> dict | None:
    """An entry's arrays by name; None for no entry or one that is not whole (made again then)."""
    import zipfile

    import numpy as np

    if not data:
        return None
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as entry:
            return {name: entry[name] for name in entry.files}
    except (OSError, ValueError, EOFError, zipfile.BadZipFile):
        return None


def _store_get(store, name: str) -> bytes | None:
    """A store's object as bytes, or None when absent (stores answer `get` in a few shapes)."""
    found = store.get(name)
    if found is None:
        return None
    if isinstance(found, (bytes, bytearray)):
        return bytes(found)
    data = getattr(found, "data", found)
    return bytes(data) if data is not None else None
