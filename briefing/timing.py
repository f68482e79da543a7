"""Stage timings: `with stage("encode"):` anywhere in the pipeline adds to the current stopwatch.

The benchmark (`scripts/bench.py`) installs a stopwatch and reads it; without one,
`stage()` costs a context-variable lookup and nothing else.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_current: ContextVar[dict[str, float] | None] = ContextVar("briefing_stopwatch", default=None)


@contextmanager
def stage(name: str) -> Iterator[None]:
    watch = _current.get()
    if watch is None:
        yield
        return
    started = time.perf_counter()
    try:
        yield
    finally:
        watch[name] += time.perf_counter() - started


@contextmanager
def stopwatch() -> Iterator[dict[str, float]]:
    """Collect stage timings (seconds) for the code run inside the block."""
    watch: dict[str, float] = defaultdict(float)
    token = _current.set(watch)
    try:
        yield watch
    finally:
        _current.reset(token)
