"""Podcast loudness: a measured gain into a look-ahead peak limiter, checked on the encoded MP3.

Podcast apps expect about -16 LUFS integrated with true peaks at or below -1 dBTP.
Piper normalizes every sentence to full scale, so its speech peaks 20 dB above its
loudness: a plain gain to -16 LUFS clips, and ffmpeg's two-pass loudnorm misses both
figures on it. What works: measure (ITU-R BS.1770, `briefing.audio.bs1770`), apply the gain,
catch the peaks with a look-ahead limiter, measure again and correct the gain (the
limiter takes some loudness away), all on numpy arrays in memory.

The encoder then changes the level once more: LAME scales its input by about 0.95
(-0.45 dB) up to 128 kbps and adds inter-sample overshoot. So the first guess
allows for LAME's known gain, and export measures the encoded file with ffmpeg's
`ebur128=peak=true` (the figure podcast checkers use) and, if it misses, corrects
once and encodes again (`briefing.audio.encode.finish_to_target`).

    from briefing.audio.loudness import normalize, measure_file
    louder = normalize(samples, 44100, target=-16.0)
    print(measure_file("episode.mp3"))    # Loudness(integrated=-16.1, true_peak=-1.6)
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..errors import BriefingError

DEFAULT_TARGET = -16.0  # LUFS integrated: Apple's and Spotify's podcast level
TRUE_PEAK_LIMIT = -1.0  # dBTP, measured on the encoded file
PEAK_MARGIN = 0.8  # dB the limiter stays under the limit, for the encoder's inter-sample overshoot
TOLERANCE = 0.5  # LU: within this of the target the encoded file is kept as it is
ATTACK = 0.005  # s: the limiter turns the gain down this long before a peak
HOLD = 0.020  # s: and keeps it down this long after, so speech's pitch periods do not modulate it
RELEASE = 0.080  # s: then recovers smoothly (time constant)
DECIMATE = 8  # samples per block of the limiter's gain computation
MIN_TARGET, MAX_TARGET = -36.0, -8.0

# LAME's own gain (dB) by bitrate: measured by encoding Piper speech with ffmpeg's libmp3lame and
# comparing the decoded RMS. Only a first guess: the encoded file is measured regardless.
_ENCODER_GAIN = ((128, -0.45), (160, -0.36), (192, -0.27), (256, -0.12), (320, 0.0))


@dataclass(frozen=True)
class Loudness:
    """Integrated loudness (LUFS) and true peak (dBTP) of a file, as ffmpeg's ebur128 measures them."""

    integrated: float
    true_peak: float

    def meets(self, target: float, *, tolerance: float = TOLERANCE, peak_limit: float = TRUE_PEAK_LIMIT) -> bool:
        return abs(self.integrated - target) <= tolerance and self.true_peak <= peak_limit


def check_target(target: float) -> float:
    if not MIN_TARGET <= target <= MAX_TARGET:
        raise BriefingError(f"--loudness {target:g}: choose between {MIN_TARGET:g} and {MAX_TARGET:g} LUFS "
                            "(podcasts use -16; -19 or -23 for quieter programmes)")
    return float(target)


def encoder_gain(bitrate: int) -> float:
    """The level change (dB) LAME applies at this bitrate, interpolated from measurements."""
    import numpy as np

    rates, gains = zip(*_ENCODER_GAIN)
    return float(np.interp(bitrate, rates, gains))


def integrated_loudness(samples, rate: int) -> float:
    """BS.1770 integrated loudness (LUFS) of float samples; -inf for silence."""
    import numpy as np

    from .bs1770 import integrated_loudness as measure

    if samples.size < int(0.4 * rate):  # shorter than one gating block
        samples = np.pad(samples, (0, int(0.4 * rate) - samples.size + 1))
    return measure(samples, rate)


def _one_pole(values, coefficient: float, chunk: int = 4096):
    """y[n] = c*y[n-1] + (1-c)*x[n] from y[-1] = x[0], vectorized chunk by chunk.

    Within a chunk, y[n] = c^(n+1) * (y0 + (1-c) * sum_{m<=n} x[m] c^-(m+1)): a cumulative
    sum instead of a Python loop; chunks keep c^-n small enough for float64 precision.
    """
    import numpy as np

    out = np.empty(values.size, dtype=np.float64)
    n = min(chunk, values.size)
    up = coefficient ** -(np.arange(n, dtype=np.float64) + 1)
    down = coefficient ** (np.arange(n, dtype=np.float64) + 1)
    state = float(values[0]) if values.size else 0.0
    for start in range(0, values.size, chunk):
        x = values[start:start + chunk].astype(np.float64)
        k = x.size
        y = down[:k] * (state + (1 - coefficient) * np.cumsum(x * up[:k]))
        out[start:start + k] = y
        state = y[-1]
    return out.astype(np.float32)


def _trailing_mean(values, length: int):
    """Mean of values[n - length .. n] for each n (`length` even; the start stands in before it)."""
    import numpy as np

    from .filters import moving_mean

    centred = moving_mean(values, length + 1)
    lag = length // 2
    return np.concatenate([np.full(lag, centred[0], dtype=np.float32), centred[: values.size - lag]])


def peak_envelope(samples, rate: int):
    """|samples|, raised to the inter-sample peaks that resampling and decoding will reconstruct.

    Speech at 22.05 kHz has energy up to its Nyquist frequency, so between samples the
    waveform overshoots its sample peaks by up to 1 dB; the limiter works on this
    envelope (4x oversampled, as BS.1770's true peak is) so the encoded file's true
    peak stays under the ceiling.
    """
    import numpy as np
    import soxr

    level = np.abs(samples)
    if samples.size < 64:
        return level
    up = np.abs(soxr.resample(samples, rate, rate * 4, quality="HQ"))
    n = min(up.size // 4, samples.size)
    np.maximum(level[:n], _every(np.maximum, up[: n * 4], 4), out=level[:n])
    return level


def _every(ufunc, values, step: int):
    """ufunc over each run of `step` values (values.size a multiple of step).

    Strided slices, not reshape(-1, step).max(axis=1): numpy reduces a short inner axis
    an element at a time, 15 times slower on a long signal.
    """
    out = values[0::step].copy()
    for k in range(1, step):
        ufunc(out, values[k::step], out=out)
    return out


def limiter_gain(samples, rate: int, ceiling_db: float, envelope=None):
    """Per-sample gain (<= 1) that keeps every |sample| at or under the ceiling.

    The gain needed at each sample is held over [n - HOLD, n + ATTACK] (minimum filter),
    then ramped with a moving average over ATTACK samples: every sample of that average
    already includes the peak's own need, so the peak is always caught (no overshoot) and
    the gain moves smoothly. A slow one-pole release on top only ever lowers it further.
    `envelope` is `peak_envelope(samples, rate)` when the caller has it already.
    """
    import numpy as np

    from .filters import moving_min

    ceiling = 10 ** (ceiling_db / 20)
    if envelope is None:
        envelope = peak_envelope(samples, rate)
    need = np.minimum(1.0, ceiling / np.maximum(envelope, 1e-12)).astype(np.float32)
    if need.min() >= 1.0:
        return need
    # The gain curve is slow (milliseconds), so it is worked out on blocks of DECIMATE samples
    # (each block's smallest need) and interpolated back; every window is one block wider on
    # each side than it must be, so the interpolated gain is never above any sample's need.
    step = DECIMATE
    blocks = -(-need.size // step)
    padded = np.concatenate([need, np.ones(blocks * step - need.size, np.float32)])
    coarse = _every(np.minimum, padded, step)
    block_rate = rate / step
    attack = 2 * max(1, int(ATTACK * block_rate / 2))
    hold = max(2, int(HOLD * block_rate)) + 2
    hold += (hold + attack) % 2  # an odd window, so its centre is a whole block
    # minimum over [k - hold, k + attack + 1]: a centred window, moved back by (hold - attack) / 2.
    # Near the start the first window stands in, which covers more blocks: only ever lower, so safe.
    centred = moving_min(coarse, hold + attack + 3)
    lag = max(0, (hold - attack) // 2 - 1)
    held = np.concatenate([np.full(lag, centred[0], dtype=np.float32), centred[: coarse.size - lag]])
    gain = _trailing_mean(held, attack)
    gain = np.minimum(gain, _one_pole(gain, float(np.exp(-1.0 / (RELEASE * block_rate)))))
    return _block_centres_to_samples(gain.astype(np.float32), step)[: need.size]


def _block_centres_to_samples(values, step: int):
    """Linear interpolation from one value per block of `step` samples (at the block's centre)
    to every sample, held flat beyond the first and last centres: what np.interp gives, without
    its binary search per sample."""
    import numpy as np

    frac = (np.arange(step, dtype=np.float32) - (step - 1) / 2) / step  # where each sample sits, in blocks
    before = np.concatenate([values[:1], values[:-1]])
    after = np.concatenate([values[1:], values[-1:]])
    weight = np.abs(frac)[None, :]
    neighbour = np.where(frac[None, :] < 0, before[:, None], after[:, None])
    return (values[:, None] * (1 - weight) + neighbour * weight).ravel()


def normalize(samples, rate: int, *, target: float = DEFAULT_TARGET, ceiling: float | None = None,
              encoder_gain_db: float = 0.0, passes: int = 3):
    """Float samples at `target` LUFS with peaks under `ceiling` dBFS, once the encoder applies its gain.

    Returns float32 samples (the input is not changed). Silence comes back unchanged.
    The signal is K-weighted and its peak envelope taken once: a gain scales both, and the
    limiter's slow gain curve scales the weighted signal sample by sample, so each pass of
    the search costs a limiter curve and a cumulative sum, not another filter.
    """
    import numpy as np

    from .bs1770 import gated_loudness, k_weighted

    if ceiling is None:
        ceiling = TRUE_PEAK_LIMIT - PEAK_MARGIN
    samples = np.asarray(samples, dtype=np.float32)
    weighted = k_weighted(samples, rate)
    one_block = int(0.4 * rate) + 1  # shorter input is measured as if followed by silence
    measured = gated_loudness(weighted, rate, min_blocks_of=one_block)
    if not np.isfinite(measured):
        return samples.copy()
    envelope = peak_envelope(samples, rate)
    aim = target - encoder_gain_db
    peak_ceiling = min(-0.1, ceiling - encoder_gain_db)
    gain_db = aim - measured
    tried: list[tuple[float, float]] = []  # (gain, resulting loudness)
    curve = np.ones(samples.size, dtype=np.float32)
    for _ in range(passes):
        gain = np.float32(10 ** (gain_db / 20))
        curve = gain * limiter_gain(samples * gain, rate, peak_ceiling, envelope=envelope * gain)
        reached = gated_loudness(weighted * curve, rate, min_blocks_of=one_block)
        tried.append((gain_db, reached))
        if abs(aim - reached) < 0.15:
            break
        # The limiter takes back part of any gain added; the secant through the last two tries
        # says how much (first time: assume half).
        slope = 0.5
        if len(tried) > 1 and tried[-1][0] != tried[-2][0]:
            slope = min(1.0, max(0.2, (tried[-1][1] - tried[-2][1]) / (tried[-1][0] - tried[-2][0])))
        gain_db += (aim - reached) / slope
    return (samples * curve).astype(np.float32)


SUMMARY_PATTERN = _SUMMARY = re.compile(r"Summary:.*?I:\s*(-?[\d.]+|-inf)\s*LUFS.*?Peak:\s*(-?[\d.]+|-inf)\s*dBFS", re.S)


def measure_file(path: str | Path) -> Loudness:
    """Integrated loudness and true peak of an audio file, with ffmpeg's ebur128 filter."""
    from .ffmpeg import ffmpeg_exe

    command = [ffmpeg_exe(), "-hide_banner", "-nostats", "-i", str(path),
               "-af", "ebur128=peak=true:framelog=quiet", "-f", "null", "-"]
    result = subprocess.run(command, capture_output=True, check=False)
    text = result.stderr.decode("utf-8", "replace")
    match = _SUMMARY.search(text)
    if result.returncode != 0 or not match:
        raise BriefingError(f"cannot measure the loudness of {path}: {text.strip().splitlines()[-1:] or 'ffmpeg failed'}")
    return Loudness(float(match.group(1)), float(match.group(2)))


def correction(measured: Loudness, target: float, peak_db: float, *,
               peak_limit: float = TRUE_PEAK_LIMIT) -> tuple[float, float]:
    """(gain dB, limiter ceiling dBFS) to correct audio whose encoded file measured `measured`.

    `peak_db` is the audio's sample peak after that gain. The file's true peak moves with
    the gain; the ceiling comes down by whatever would exceed the limit (less half the
    margin), so the second encode lands under it.
    """
    gain_db = target - measured.integrated
    excess = max(0.0, measured.true_peak + gain_db - (peak_limit - PEAK_MARGIN / 2))
    return gain_db, min(-0.1, peak_db - excess)
