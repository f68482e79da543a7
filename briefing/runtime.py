"""Imports made in background threads (numpy, onnxruntime, the voice engines, imageio-ffmpeg), one
thread at a time.

The voices load in background threads while the article is read, one thread per engine when two
hosts use two engines, and the encoders find ffmpeg from theirs. An extension module built on numpy
(onnxruntime's) imports numpy's C core from C, holding that submodule's import lock while it waits
for the `numpy` package; a second thread importing `numpy` at that moment holds the package's lock
and waits for the submodule's. Python breaks that cycle by handing one of them a half-initialized
module, and numpy then fails with "cannot load module more than once per process" (seen once in CI,
in a two-host `make`). So every loader imports under one lock, and imports numpy whole before
anything built on it; the encoders import imageio-ffmpeg under it too (a render once failed with
"ffmpeg not found" while the voice loaded: its import had met the loader's).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

_IMPORTS = threading.RLock()


@contextmanager
def heavy_imports() -> Iterator[None]:
    """Hold while importing a voice engine or imageio-ffmpeg: numpy is imported whole first, by this
    thread alone."""
    with _IMPORTS:
        try:
            import numpy  # noqa: F401
        except ImportError:
            pass  # the engine's own import reports what is missing
        yield
