"""Our numpy loudness meter and filters agree with the reference libraries (test-only dependencies)."""

import numpy as np
import pytest

from briefing.audio.bs1770 import integrated_loudness
from briefing.audio.filters import moving_mean, moving_min
from briefing.audio.loudness import _one_pole


@pytest.mark.parametrize("rate", [22050, 44100, 48000])
def test_loudness_matches_pyloudnorm(rate):
    pyloudnorm = pytest.importorskip("pyloudnorm")
    rng = np.random.default_rng(rate)
    # Bursts of noise at varying levels with silences: the gates matter.
    envelope = np.repeat(rng.choice([0.0, 0.02, 0.1, 0.3], 120), rate // 10)
    samples = (rng.standard_normal(envelope.size) * envelope).astype(np.float32)
    ours = integrated_loudness(samples, rate)
    reference = pyloudnorm.Meter(rate).integrated_loudness(samples.astype(np.float64))
    assert abs(ours - reference) < 0.05


def test_loudness_of_silence_is_minus_infinity():
    assert integrated_loudness(np.zeros(22050, np.float32), 22050) == float("-inf")


def test_sliding_filters_match_scipy():
    ndimage = pytest.importorskip("scipy.ndimage")
    rng = np.random.default_rng(3)
    for n in (1, 7, 1000, 22051):
        values = rng.uniform(0, 1, n).astype(np.float32)
        for size in (1, 3, 221, 661):
            assert np.array_equal(moving_min(values, size), ndimage.minimum_filter1d(values, size, mode="nearest"))
            assert np.allclose(moving_mean(values, size), ndimage.uniform_filter1d(values, size, mode="nearest"),
                               atol=1e-5)


def test_release_filter_matches_lfilter():
    signal = pytest.importorskip("scipy.signal")
    rng = np.random.default_rng(4)
    gain = rng.uniform(0.3, 1.0, 30000).astype(np.float32)
    c = float(np.exp(-1 / (0.08 * 22050)))
    reference = signal.lfilter([1 - c], [1, -c], gain, zi=[c * gain[0]])[0]
    assert np.abs(_one_pole(gain, c) - reference).max() < 1e-5
