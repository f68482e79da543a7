"""Takes to one Episode: stings, speech, pauses and a music bed, with an exact Timeline.

Audio is handled as numpy sample arrays (soxr resamples every take to 44.1 kHz) and
joined in one step: joining pydub segments with `+=` is quadratic, and `append()`
crossfades 100 ms by default, which would shift every later timestamp. Music is only
ever *added on top* (the bed under the intro, ducked under the voice), never spliced
in, so it cannot move anything. Every time in the Timeline is counted in samples.

A cue is where its sentence is heard: the take's own leading and trailing silence
(Piper leaves up to a quarter of a second) is measured and left out, so transcripts
and chapters point at speech, not at the pause before it.

Last, the whole episode is brought to the loudness target (`briefing.loudness`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .models import Cue, Episode, Script, Take, Timeline, TimelineEntry

MIX_RATE = 44100
SENTENCE_GAP = 0.30  # seconds of silence between sentences of one segment
SEGMENT_GAP = 0.75  # between segments
STING_GAP = 0.35  # between a sting and the voice

# Levels, in dB applied to the show's own sounds (audio/*.wav), chosen against Piper's speech
# (about -20 LUFS before the loudness stage): stings about as loud as the voice, the bed 8 LU
# under it on its own and 22 LU under it while someone speaks.
STING_GAIN_DB = -4.0
BED_GAIN_DB = -10.0
BED_DUCKED_DB = -24.0
BED_LEAD = 1.0  # s: the bed comes in under the intro sting's tail
DUCK_RAMP = 0.30  # s: the bed dips this long before the voice starts
BED_FADE = 0.7  # s: and fades out after the intro's last word, within the pause that follows

SPEECH_FLOOR_DB = -38.0  # a 10 ms frame quieter than this (relative to the take's loudest) is silence
FRAME = 0.010


def audio_dir() -> Path:
    """The show's sound assets: inside the installed package, or `audio/` in a checkout."""
    packaged = Path(__file__).parent / "_audio"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "audio"


def to_mix_rate(pcm: bytes, rate: int):
    """16-bit mono PCM at any rate to float32 samples at MIX_RATE (soxr, high quality)."""
    import numpy as np

    samples = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0
    if rate == MIX_RATE or samples.size == 0:
        return samples
    import soxr

    return soxr.resample(samples, rate, MIX_RATE, quality="HQ").astype(np.float32)


@lru_cache(maxsize=8)
def load_sound(name: str):
    """A sound from the assets folder as float32 samples at MIX_RATE (empty if absent)."""
    import wave

    import numpy as np

    path = audio_dir() / name
    if not path.is_file():
        return np.zeros(0, dtype=np.float32)
    with wave.open(str(path), "rb") as wav:
        frames = wav.readframes(wav.getnframes())
        channels, width, rate = wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
    if width != 2:
        raise ValueError(f"{path}: 16-bit WAV expected")
    samples = np.frombuffer(frames, dtype="<i2")
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1).astype("<i2")
    return to_mix_rate(samples.tobytes(), rate)


def speech_bounds(samples) -> tuple[int, int]:
    """First and last sample of a take where speech is heard (its silent edges left out)."""
    import numpy as np

    hop = int(FRAME * MIX_RATE)
    usable = samples.size // hop * hop
    if usable == 0:
        return 0, samples.size
    rms = np.sqrt(np.mean(samples[:usable].reshape(-1, hop) ** 2, axis=1))
    loud = np.nonzero(rms > rms.max() * 10 ** (SPEECH_FLOOR_DB / 20))[0]
    if loud.size == 0:
        return 0, samples.size
    return int(loud[0] * hop), int(min(samples.size, (loud[-1] + 1) * hop))


def _gain(db: float) -> float:
    return 10 ** (db / 20)


def bed_track(length: int, start: int, voice: list[tuple[int, int]], end: int):
    """The music bed laid from `start` to `end` (+ fade), ducked under the voice spans; `length` samples."""
    import numpy as np

    bed = load_sound("bed.wav")
    track = np.zeros(length, dtype=np.float32)
    fade = int(BED_FADE * MIX_RATE)
    stop = min(length, end + fade, start + bed.size)
    if bed.size == 0 or stop <= start:
        return track
    span = stop - start
    # The level curve: full, dipping to the ducked level around each voice span (ramped), then faded.
    level = np.full(span, _gain(BED_GAIN_DB), dtype=np.float32)
    ramp = int(DUCK_RAMP * MIX_RATE)
    ducked = _gain(BED_DUCKED_DB)
    for index, (a, b) in enumerate(voice):
        # After the last word it stays down and fades out, before the next segment speaks.
        b = stop if index == len(voice) - 1 else b
        a, b = max(0, a - start - ramp), min(span, b - start + ramp)
        if a < b:
            level[a:b] = ducked
    # Smooth the steps into ramps (a moving average is enough for a slow pad).
    from scipy.ndimage import uniform_filter1d

    level = uniform_filter1d(level, size=ramp | 1, mode="nearest")
    fade_from = max(0, min(span, end - start))
    level[fade_from:] *= np.linspace(1.0, 0.0, span - fade_from, dtype=np.float32)
    level[: min(span, ramp)] *= np.linspace(0.0, 1.0, min(span, ramp), dtype=np.float32)
    track[start:stop] = bed[:span] * level
    return track


def mix(
    script: Script,
    takes: tuple[Take, ...],
    *,
    intro_sting: str | None = "intro.wav",
    outro_sting: str | None = "outro.wav",
    bed: bool = True,
    loudness: float | None = None,
    encoder_gain_db: float = 0.0,
) -> Episode:
    """Lay the takes end to end with pauses, stings and the bed; return the audio and its Timeline.

    With `loudness` (LUFS), the result is brought to that level with true peaks under -1 dBTP
    (after an encoder gain of `encoder_gain_db`, see `briefing.loudness.encoder_gain`).
    """
    import numpy as np

    pieces: list = []
    frames = 0

    def add(samples) -> tuple[int, int]:
        nonlocal frames
        start = frames
        pieces.append(samples)
        frames += len(samples)
        return start, frames

    def silence(seconds: float):
        return np.zeros(int(round(seconds * MIX_RATE)), dtype=np.float32)

    entries: list[TimelineEntry] = []
    intro = load_sound(intro_sting) * _gain(STING_GAIN_DB) if intro_sting else np.zeros(0, np.float32)
    if intro.size:
        add(intro)
        add(silence(STING_GAP))
    intro_voice: list[tuple[int, int]] = []
    for t_index, take in enumerate(takes):
        if t_index:
            add(silence(SEGMENT_GAP))
        cues: list[Cue] = []
        spans: list[tuple[int, int]] = []
        for s_index, sentence in enumerate(take.sentences):
            if s_index:
                add(silence(SENTENCE_GAP))
            samples = to_mix_rate(sentence.pcm, sentence.sample_rate)
            first, last = speech_bounds(samples)
            start, _ = add(samples)
            spans.append((start + first, start + last))
            cues.append(Cue((start + first) / MIX_RATE, (start + last) / MIX_RATE, sentence.text))
        seg_start = spans[0][0] if spans else frames
        seg_end = spans[-1][1] if spans else frames
        if t_index == 0:
            seg_start = 0  # the first chapter includes the opening sting
            intro_voice = spans
        entries.append(TimelineEntry(take.segment.kind, take.segment.title, seg_start / MIX_RATE,
                                     seg_end / MIX_RATE, tuple(cues)))
    outro = load_sound(outro_sting) * _gain(STING_GAIN_DB) if outro_sting else np.zeros(0, np.float32)
    if outro.size:
        add(silence(STING_GAP))
        add(outro)
    if entries:
        last = entries[-1]
        entries[-1] = TimelineEntry(last.kind, last.title, last.start, frames / MIX_RATE, last.cues)
    samples = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.float32)
    if bed and intro_voice:
        bed_start = max(0, intro.size - int(BED_LEAD * MIX_RATE))
        samples += bed_track(samples.size, bed_start, intro_voice, intro_voice[-1][1])
    if loudness is not None and samples.size:
        from .loudness import normalize

        samples = normalize(samples, MIX_RATE, target=loudness, encoder_gain_db=encoder_gain_db)
    return Episode(script=script, audio=samples, timeline=Timeline(tuple(entries), frames / MIX_RATE),
                   sample_rate=MIX_RATE)
