"""The loudness stage on real numbers: the limiter never lets a peak through, the target is reached."""

import numpy as np
import pytest

from briefing.audio import loudness
from briefing.errors import BriefingError

RATE = 44100


def speechlike(seconds: float = 12.0, seed: int = 3) -> np.ndarray:
    """Bursts of a buzzy tone with sharp peaks and pauses: speech's high crest factor, no model needed."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * RATE)) / RATE
    tone = np.sign(np.sin(2 * np.pi * 140 * t)) * 0.3 + 0.2 * np.sin(2 * np.pi * 900 * t)
    bursts = (np.sin(2 * np.pi * 1.3 * t) > -0.2).astype(np.float32)
    clicks = (rng.random(t.size) > 0.9995) * rng.uniform(0.5, 1.0, t.size)
    return ((tone * bursts + clicks) * 0.5).astype(np.float32)


def test_limiter_keeps_every_sample_under_the_ceiling():
    loud = speechlike() * 4.0  # +12 dB: peaks far over full scale
    gain = loudness.limiter_gain(loud, RATE, -2.0)
    out = loud * gain
    assert np.abs(out).max() <= 10 ** (-2.0 / 20) + 1e-6
    assert gain.max() <= 1.0 and out.size == loud.size  # same length: the Timeline stays exact


def test_normalize_reaches_the_target_in_memory():
    quiet = speechlike() * 0.1
    out = loudness.normalize(quiet, RATE, target=-16.0)
    assert abs(loudness.integrated_loudness(out, RATE) + 16.0) <= 0.3
    assert np.abs(out).max() <= 10 ** ((loudness.TRUE_PEAK_LIMIT - loudness.PEAK_MARGIN) / 20) + 1e-6


def test_silence_stays_silent():
    out = loudness.normalize(np.zeros(RATE, np.float32), RATE)
    assert not out.any()


@pytest.mark.parametrize("target", [-5.0, -40.0])
def test_unreasonable_targets_are_user_errors(target):
    with pytest.raises(BriefingError, match="--loudness"):
        loudness.check_target(target)


def test_encoded_file_measured_and_conformed(tmp_path):
    """A file encoded too quiet is measured by ffmpeg's ebur128, corrected once and lands on target."""
    from briefing.audio.export import encode_to_target

    samples = loudness.normalize(speechlike(), RATE, target=-22.0)
    path = tmp_path / "x.mp3"
    measured = encode_to_target(samples, RATE, path, bitrate=96, loudness=-16.0)
    assert measured == loudness.measure_file(path)
    assert abs(measured.integrated + 16.0) <= 0.5 and measured.true_peak <= -1.0


def test_streamed_file_that_misses_the_target_is_corrected(tmp_path):
    """The streaming encoder measures what it wrote; a miss is corrected from the kept blocks."""
    from briefing.audio.encode import StreamingEncoder, reencode_to_target

    rng = np.random.default_rng(0)
    path = tmp_path / "quiet.mp3"
    with StreamingEncoder(path, 22050, 96) as encoder:
        for _ in range(8):
            encoder((rng.standard_normal(22050) * 0.02).astype(np.float32))
        first = encoder.close()
        assert first.integrated < -25  # far too quiet: the miss is real
        fixed = reencode_to_target(encoder.kept, 22050, path, first, bitrate=96, loudness=-16.0)
    on_file = loudness.measure_file(path)
    assert abs(on_file.integrated - first.integrated) > 5
    assert abs(on_file.integrated + 16.0) <= 1.0 and on_file.true_peak <= -1.0
    assert abs(fixed.integrated - on_file.integrated) <= 0.1  # the stream's measure is the file's
