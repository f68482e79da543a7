"""Levelled speech, kept: a segment's takes levelled once, however many episodes carry it.

The mix levels each segment's speech on its own (`briefing.audio.mix.level_speech`: its
sentences joined with pauses at the mix rate, then `loudness.normalize` to the target), so
what comes out depends only on the segment's takes and the target: a story in thirty
listeners' episodes is thirty times the same levelled audio. It is kept under the hash of
exactly those inputs (every take's samples and rate, the pause, the target, the encoder's
gain), so a hit is the very array levelling would have made:

- in this process's memory (`LevelledCache`, a small LRU shared by every episode made here:
  a local `briefing run` makes all its listeners' episodes in one process);
- in a shared take cache (a folder or a bucket, `levelled/KEY.npz`), where a cluster's speak
  task puts the segment it spoke (`voices.segments.speak_segment`), for the workers that mix.
  Written atomically and content-addressed, like the takes.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import SentenceTake

LEVELLED_VERSION = 1  # bump when levelling changes what it makes of the same takes
# Levelled speech is float32 at the mix rate, 5.3 MB a minute: this holds the stories of a day's
# personal briefings, and keeps a cluster worker well inside its memory budget.
MEMORY_BYTES = 48 * 2**20


@dataclass(frozen=True)
class LevelledSpeech:
    """A segment's speech as the mix lays it down (read-only float32 samples at the mix rate),
    and each sentence's speech span within it, in samples."""

    samples: object
    spans: tuple[tuple[int, int], ...]

    @property
    def nbytes(self) -> int:
        return self.samples.nbytes


def levelled_key(sentences: Sequence[SentenceTake], *, gap: float, rate: int, loudness: float | None,
                 encoder_gain_db: float) -> str:
    """The hash of everything levelling reads: the takes' samples and rates, the pause between
    them, the mix rate, the target and the encoder's gain."""
    digest = hashlib.sha256(repr((LEVELLED_VERSION, gap, rate, loudness, encoder_gain_db)).encode())
    for sentence in sentences:
        digest.update(f"|{sentence.sample_rate}:{len(sentence.pcm)}|".encode())
        digest.update(sentence.pcm)
    return digest.hexdigest()


class Memory:
    """Least recently used entries (anything with `nbytes`), up to a number of bytes; safe across
    threads. Levelled segments here, encoded pieces in `briefing.audio.pieces`."""

    def __init__(self, budget: int):
        self.budget = budget
        self.used = 0
        self.entries: OrderedDict[str, object] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str):
        with self.lock:
            found = self.entries.get(key)
            if found is not None:
                self.entries.move_to_end(key)
            return found

    def put(self, key: str, entry) -> None:
        size = entry.nbytes
        if size > self.budget:
            return
        with self.lock:
            if key in self.entries:
                return
            self.entries[key] = entry
            self.used += size
            while self.used > self.budget:
                _, dropped = self.entries.popitem(last=False)
                self.used -= dropped.nbytes

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.used = 0


_memory = Memory(MEMORY_BYTES)


class LevelledCache:
    """Levelled segments by key: this process's memory first, then the shared take cache (if any).

    The mix only reads the shared cache; the task that speaks a segment writes it (`share`).
    `hits` and `misses` count lookups, for tests and benchmarks.
    """

    def __init__(self, shared=None):
        self.shared = shared  # a voices.cache.TakeCache, or None
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> LevelledSpeech | None:
        found = _memory.get(key)
        if found is None and self.shared is not None:
            found = _decode(self.shared.get_levelled(key))
            if found is not None:
                _memory.put(key, found)
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found

    def put(self, key: str, samples, spans, *, share: bool = False) -> LevelledSpeech:
        """Keep a segment's levelled speech; with `share`, in the shared cache too. Returns it,
        read-only (an episode must never change audio other episodes will reuse)."""
        import numpy as np

        samples = np.asarray(samples, dtype=np.float32)
        samples.setflags(write=False)
        speech = LevelledSpeech(samples, tuple((int(a), int(b)) for a, b in spans))
        _memory.put(key, speech)
        if share and self.shared is not None:
            self.shared.put_levelled(key, _encode(speech))
        return speech


def forget_levelled() -> None:
    """Empty this process's levelled segments (tests compare a mix with and without them)."""
    _memory.clear()


def _encode(speech: LevelledSpeech) -> bytes:
    import numpy as np

    from ..voices.cache import pack_arrays

    return pack_arrays(samples=speech.samples, spans=np.asarray(speech.spans, dtype=np.int64).reshape(-1, 2))


def _decode(data: bytes | None) -> LevelledSpeech | None:
    """An entry read back; None for none, or for one that is not whole (it is levelled again)."""
    import numpy as np

    from ..voices.cache import unpack_arrays

    entry = unpack_arrays(data)
    try:
        samples = entry["samples"].astype(np.float32, copy=False)
        spans = tuple((int(a), int(b)) for a, b in entry["spans"])
    except (TypeError, KeyError, ValueError):
        return None
    if samples.ndim != 1:
        return None
    samples.setflags(write=False)
    return LevelledSpeech(samples, spans)
