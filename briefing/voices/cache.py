"""A content-addressed cache of rendered sentences.

The key is a hash of the engine, the voice, its settings and the text, so a
re-run renders only what changed, and a run that failed half-way resumes where
it stopped. Entries are WAV files written under a temporary name and renamed.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import wave
from pathlib import Path

CACHE_VERSION = 1


def default_cache_dir() -> Path:
    override = os.environ.get("BRIEFING_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("briefing")) / "takes"


def cache_key(identity: dict, text: str) -> str:
    blob = json.dumps({"v": CACHE_VERSION, "voice": identity, "text": text}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class TakeCache:
    def __init__(self, directory: str | Path | None = None):
        self.directory = Path(directory) if directory else default_cache_dir()
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.wav"

    def get(self, key: str) -> tuple[bytes, int] | None:
        path = self._path(key)
        try:
            with wave.open(str(path), "rb") as wav:
                if wav.getnchannels() != 1 or wav.getsampwidth() != 2:
                    return None
                pcm = wav.readframes(wav.getnframes())
                rate = wav.getframerate()
        except (OSError, EOFError, wave.Error):
            self.misses += 1
            return None
        self.hits += 1
        return pcm, rate

    def put(self, key: str, pcm: bytes, sample_rate: int) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
            try:
                with os.fdopen(fd, "wb") as fh, wave.open(fh, "wb") as wav:
                    wav.setnchannels(1)
                    wav.setsampwidth(2)
                    wav.setframerate(sample_rate)
                    wav.writeframes(pcm)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            pass  # a cache that cannot be written only costs time
