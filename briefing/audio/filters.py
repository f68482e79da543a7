"""Sliding-window minimum and mean in numpy (what the limiter and the music bed need).

scipy.ndimage has both, but importing it costs a quarter of a second on every run; these
are O(n) and match `minimum_filter1d` / `uniform_filter1d` with an odd `size`, centred
windows and mode="nearest" (the tests compare them).
"""

from __future__ import annotations


def _padded(values, size: int):
    import numpy as np

    radius = size // 2
    return np.concatenate([np.full(radius, values[0], values.dtype), values, np.full(radius, values[-1], values.dtype)])


def moving_min(values, size: int):
    """Minimum over each centred window of `size` (odd) samples, edges extended (van Herk/Gil-Werman)."""
    import numpy as np

    if values.size == 0 or size <= 1:
        return values.copy()
    padded = _padded(values, size)
    blocks = -(-padded.size // size)
    grid = np.concatenate([padded, np.full(blocks * size - padded.size, np.inf, padded.dtype)]).reshape(blocks, size)
    forward = np.minimum.accumulate(grid, axis=1).ravel()  # min from each block's start
    backward = np.minimum.accumulate(grid[:, ::-1], axis=1)[:, ::-1].ravel()  # min to each block's end
    starts = np.arange(values.size)
    return np.minimum(backward[starts], forward[starts + size - 1]).astype(values.dtype)


def moving_mean(values, size: int):
    """Mean over each centred window of `size` (odd) samples, edges extended."""
    import numpy as np

    if values.size == 0 or size <= 1:
        return values.copy()
    padded = _padded(values.astype(np.float64), size)
    total = np.concatenate([[0.0], np.cumsum(padded)])
    return ((total[size:] - total[:-size]) / size).astype(values.dtype)
