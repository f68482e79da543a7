"""Takes to one Episode: stings, speech and pauses joined once, with an exact Timeline.

Audio is handled as 16-bit sample arrays while it is assembled (numpy, soxr for
resampling) and joined in one step into a pydub `AudioSegment`; joining with
`+=` in a loop is quadratic and `append()` would crossfade and shift every later
timestamp. Every time in the Timeline is counted in samples, so it is exact.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .models import Cue, Episode, Script, Take, Timeline, TimelineEntry

MIX_RATE = 44100
SENTENCE_GAP = 0.30  # seconds of silence between sentences of one segment
SEGMENT_GAP = 0.75  # between segments
STING_GAP = 0.35  # between a sting and the voice


def audio_dir() -> Path:
    """The show's sound assets: inside the installed package, or `audio/` in a checkout."""
    packaged = Path(__file__).parent / "_audio"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "audio"


def to_mix_rate(pcm: bytes, rate: int):
    """16-bit mono PCM at any rate to an int16 array at MIX_RATE (soxr, high quality)."""
    import numpy as np

    samples = np.frombuffer(pcm, dtype="<i2")
    if rate == MIX_RATE or samples.size == 0:
        return samples.astype(np.int16)
    import soxr

    out = soxr.resample(samples.astype(np.float32) / 32768.0, rate, MIX_RATE, quality="HQ")
    return np.clip(np.round(out * 32768.0), -32768, 32767).astype(np.int16)


@lru_cache(maxsize=8)
def load_sting(name: str):
    """A sting from the assets folder as an int16 array at MIX_RATE (empty if absent)."""
    import wave

    import numpy as np

    path = audio_dir() / name
    if not path.is_file():
        return np.zeros(0, dtype=np.int16)
    with wave.open(str(path), "rb") as wav:
        frames = wav.readframes(wav.getnframes())
        channels, width, rate = wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
    samples = np.frombuffer(frames, dtype="<i2")
    if width != 2:
        raise ValueError(f"{path}: 16-bit WAV expected")
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1).astype(np.int16)
    return to_mix_rate(samples.tobytes(), rate)


def _silence(seconds: float):
    import numpy as np

    return np.zeros(int(round(seconds * MIX_RATE)), dtype=np.int16)


def with_headroom(samples, peak_db: float = -3.0):
    """Scale so the loudest sample sits at `peak_db`: Piper normalizes each sentence to full scale."""
    import numpy as np

    peak = int(np.max(np.abs(samples.astype(np.int32)))) if samples.size else 0
    if peak == 0:
        return samples
    gain = (10 ** (peak_db / 20) * 32767) / peak
    return np.clip(np.round(samples.astype(np.float32) * gain), -32768, 32767).astype(np.int16)


def mix(
    script: Script,
    takes: tuple[Take, ...],
    *,
    intro_sting: str | None = "intro.wav",
    outro_sting: str | None = "outro.wav",
) -> Episode:
    """Lay the takes end to end with pauses and stings; return the audio and its Timeline."""
    import numpy as np

    from .ffmpeg import audio_segment

    AudioSegment = audio_segment()
    pieces: list = []
    frames = 0

    def add(samples) -> tuple[int, int]:
        nonlocal frames
        start = frames
        pieces.append(samples)
        frames += len(samples)
        return start, frames

    entries: list[TimelineEntry] = []
    intro = load_sting(intro_sting) if intro_sting else np.zeros(0, dtype=np.int16)
    if intro.size:
        add(intro)
        add(_silence(STING_GAP))
    for t_index, take in enumerate(takes):
        if t_index:
            add(_silence(SEGMENT_GAP))
        cues: list[Cue] = []
        seg_start = frames
        for s_index, sentence in enumerate(take.sentences):
            if s_index:
                add(_silence(SENTENCE_GAP))
            start, end = add(to_mix_rate(sentence.pcm, sentence.sample_rate))
            cues.append(Cue(start / MIX_RATE, end / MIX_RATE, sentence.text))
        seg_end = frames
        # The intro chapter starts at zero so that it includes the opening sting.
        if t_index == 0:
            seg_start = 0
        entries.append(TimelineEntry(take.segment.kind, take.segment.title, seg_start / MIX_RATE,
                                     seg_end / MIX_RATE, tuple(cues)))
    outro = load_sting(outro_sting) if outro_sting else np.zeros(0, dtype=np.int16)
    if outro.size:
        add(_silence(STING_GAP))
        add(outro)
    if entries:
        last = entries[-1]
        entries[-1] = TimelineEntry(last.kind, last.title, last.start, frames / MIX_RATE, last.cues)
    samples = with_headroom(np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int16))
    audio = AudioSegment(data=samples.astype("<i2").tobytes(), sample_width=2, frame_rate=MIX_RATE, channels=1)
    return Episode(script=script, audio=audio, timeline=Timeline(tuple(entries), frames / MIX_RATE))
