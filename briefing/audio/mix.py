"""Takes to one Episode: stings, speech, pauses and a music bed, with an exact Timeline.

The mix is built *as a stream*, a segment at a time, so that it can run while the
voice is still speaking the next segment, and so that a long briefing never holds
more than a segment of float audio (`Mixer`). Each finished block goes to a sink:
the streaming MP3 encoder (`briefing.audio.encode`), or a list (`mix()`).

- Each segment's takes and pauses are joined once as pydub AudioSegments (`join_once`);
  levelling and mixing then work on numpy arrays.
- Audio is mixed at the speech rate (22.05 kHz, Piper's own): everything here is
  half the work it would be at 44.1 kHz, and the encoder resamples (soxr) once.
  The show's sounds have nothing above 11 kHz to lose.
- Loudness is levelled per segment (`level_speech` -> `briefing.audio.loudness.normalize`:
  a measured gain into a look-ahead limiter), so each block can be encoded as soon as it is
  mixed; stings and the bed are set relative to the same target. The encoded file is
  measured all the same (see `briefing.audio.encode`). A segment levelled once is kept
  (`briefing.audio.levelled`): a story shared by many episodes is levelled once.
- Blocks are laid end to end and music is only ever *added on top* (the bed under
  the intro, ducked under the voice), never spliced in: nothing crossfades, so no
  timestamp moves. Every time in the Timeline is counted in samples.
- A cue is where its sentence is heard: the take's own leading and trailing silence
  (Piper leaves up to a quarter of a second) is measured and left out, so
  transcripts and chapters point at speech, not at the pause before it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from ..models import Cue, Episode, Script, Segment, SentenceTake, Take, Timeline, TimelineEntry
from .levelled import LevelledCache, LevelledSpeech, levelled_key

MIX_RATE = 22050
SENTENCE_GAP = 0.30  # seconds of silence between sentences of one segment
SEGMENT_GAP = 0.75  # between segments
STING_GAP = 0.35  # between a sting and the voice

# Levels of the show's own sounds (audio/*.wav), in LU relative to the loudness target: stings a
# little under the voice, the bed 8 LU under it on its own and 22 LU under it while someone speaks.
STING_LU = -3.0
BED_LU = -8.0
BED_DUCKED_LU = -22.0
UNLEVELLED_TARGET = -20.0  # LUFS the sounds are set against when no loudness target is given
BED_LEAD = 1.0  # s: the bed comes in under the intro sting's tail
DUCK_RAMP = 0.30  # s: the bed dips this long before the voice starts
BED_FADE = 0.7  # s: and fades out after the intro's last word, within the pause that follows

SPEECH_FLOOR_DB = -38.0  # a 10 ms frame quieter than this (relative to the take's loudest) is silence
FRAME = 0.010

Sink = Callable[[object], None]  # receives float32 blocks at MIX_RATE, in order


def audio_dir() -> Path:
    """The show's sound assets: inside the installed package, or `audio/` in a checkout."""
    packaged = Path(__file__).resolve().parent.parent / "_audio"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "audio"


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
    import numpy as np

    from .ffmpeg import audio_segment

    path = audio_dir() / name
    if not path.is_file():
        return np.zeros(0, dtype=np.float32)
    # pydub reads WAV itself (no ffmpeg); any channels or width become mono 16-bit.
    sound = audio_segment().from_wav(str(path)).set_channels(1).set_sample_width(2)
    out = to_mix_rate(sound.raw_data, sound.frame_rate)
    out.setflags(write=False)  # shared by every episode of the process
    return out


@lru_cache(maxsize=8)
def sound_loudness(name: str) -> float:
    """Integrated loudness (LUFS) of an asset, measured once."""
    from .loudness import integrated_loudness

    samples = load_sound(name)
    return integrated_loudness(samples, MIX_RATE) if samples.size else float("-inf")


def sound_at(name: str | None, level_lufs: float):
    """An asset gained to `level_lufs` integrated (empty if there is none)."""
    import math

    import numpy as np

    if not name:
        return np.zeros(0, dtype=np.float32)
    samples = load_sound(name)
    measured = sound_loudness(name)
    if samples.size == 0 or not math.isfinite(measured):
        return np.zeros(0, dtype=np.float32)
    return samples * np.float32(_gain(level_lufs - measured))


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


def to_pcm16(samples) -> bytes:
    """Float samples to 16-bit little-endian PCM (rounded, clipped)."""
    import numpy as np

    return np.clip(np.round(np.asarray(samples, dtype=np.float32) * 32767.0), -32768, 32767).astype("<i2").tobytes()


def join_once(parts):
    """pydub AudioSegments laid end to end in one step, exactly.

    `+=` in a loop copies everything so far at every step (quadratic), and `append()`
    crossfades 100 ms by default, shifting every later timestamp: neither will do.
    """
    first = parts[0]
    for part in parts[1:]:
        if (part.frame_rate, part.sample_width, part.channels) != (first.frame_rate, first.sample_width,
                                                                    first.channels):
            raise ValueError("join_once: every part must share rate, width and channels")
    return type(first)(data=b"".join(p.raw_data for p in parts), sample_width=first.sample_width,
                       frame_rate=first.frame_rate, channels=first.channels)


def _gain(db: float) -> float:
    return 10 ** (db / 20)


def bed_track(length: int, start: int, voice: list[tuple[int, int]], end: int, level_lufs: float):
    """The music bed laid from `start` to `end` (+ fade), ducked under the voice spans; `length` samples.

    `level_lufs` is the bed's level on its own; under the voice it dips by BED_DUCKED_LU - BED_LU.
    """
    import numpy as np

    from .filters import moving_mean

    track = np.zeros(length, dtype=np.float32)
    bed = sound_at("bed.wav", level_lufs)
    fade = int(BED_FADE * MIX_RATE)
    stop = min(length, end + fade, start + bed.size)
    if bed.size == 0 or stop <= start:
        return track
    span = stop - start
    # The level curve: full, dipping to the ducked level around each voice span (ramped), then faded.
    level = np.ones(span, dtype=np.float32)
    ramp = int(DUCK_RAMP * MIX_RATE)
    ducked = _gain(BED_DUCKED_LU - BED_LU)
    for index, (a, b) in enumerate(voice):
        # After the last word it stays down and fades out, before the next segment speaks.
        b = stop if index == len(voice) - 1 else b
        a, b = max(0, a - start - ramp), min(span, b - start + ramp)
        if a < b:
            level[a:b] = ducked
    level = moving_mean(level, ramp | 1)  # steps into ramps
    fade_from = max(0, min(span, end - start))
    level[fade_from:] *= np.linspace(1.0, 0.0, span - fade_from, dtype=np.float32)
    level[: min(span, ramp)] *= np.linspace(0.0, 1.0, min(span, ramp), dtype=np.float32)
    track[start:stop] = bed[:span] * level
    return track


def level_speech(sentences: Sequence[SentenceTake], loudness: float | None, encoder_gain_db: float = 0.0):
    """A segment's sentences joined with pauses at the mix rate and levelled to `loudness` (none:
    as they are); and each sentence's speech span within it, in samples.

    Depends on nothing but its arguments, so `Mixer` keeps what it returns (`briefing.audio.levelled`).
    """
    import numpy as np

    from .ffmpeg import audio_segment

    AudioSegment = audio_segment()
    pause = AudioSegment.silent(duration=int(SENTENCE_GAP * 1000), frame_rate=MIX_RATE)
    parts, spans, position = [], [], 0
    for index, sentence in enumerate(sentences):
        if index:
            parts.append(pause)
            position += int(pause.frame_count())
        samples = to_mix_rate(sentence.pcm, sentence.sample_rate)
        first, last = speech_bounds(samples)
        spans.append((position + first, position + last))
        parts.append(AudioSegment(data=to_pcm16(samples), sample_width=2, frame_rate=MIX_RATE, channels=1))
        position += samples.size
    speech = (np.frombuffer(join_once(parts).raw_data, dtype="<i2").astype(np.float32) / 32768.0
              if parts else np.zeros(0, np.float32))
    if loudness is not None and speech.size:
        from .loudness import normalize

        speech = normalize(speech, MIX_RATE, target=loudness, encoder_gain_db=encoder_gain_db)
    return speech, spans


def levelled_speech(sentences: Sequence[SentenceTake], loudness: float | None, encoder_gain_db: float,
                    kept: LevelledCache, *, share: bool = False) -> LevelledSpeech:
    """`level_speech`, levelled once: taken from `kept` when the same takes were levelled for the
    same target before. With `share` (the task that spoke the segment) it is levelled and left in
    the shared cache for the workers that mix it."""
    key = levelled_key(sentences, gap=SENTENCE_GAP, rate=MIX_RATE, loudness=loudness,
                       encoder_gain_db=encoder_gain_db)
    found = None if share else kept.get(key)
    if found is None:
        found = kept.put(key, *level_speech(sentences, loudness, encoder_gain_db), share=share)
    return found


class Mixer:
    """Lays segments end to end as they arrive and hands each finished block to `sink`.

        mixer = Mixer(sink=blocks.append, loudness=-16.0)
        for segment, sentences in rendered:
            mixer.add(segment, sentences)
        timeline = mixer.finish()

    The first segment is held back until it is complete, because the bed runs under
    all of it; every later segment goes out as soon as it is added.
    """

    def __init__(self, sink: Sink, *, intro_sting: str | None = "intro.wav", outro_sting: str | None = "outro.wav",
                 bed: bool = True, loudness: float | None = None, encoder_gain_db: float = 0.0,
                 levelled: LevelledCache | None = None):
        self.sink = sink
        self.levelled = levelled if levelled is not None else LevelledCache()
        self.intro_sting = intro_sting
        self.outro_sting = outro_sting
        self.bed = bed
        self.loudness = loudness
        self.encoder_gain_db = encoder_gain_db
        # What the blocks aim at before the encoder's own gain: the target the listener hears.
        self.level = (loudness - encoder_gain_db) if loudness is not None else UNLEVELLED_TARGET
        self.frames = 0
        self.entries: list[TimelineEntry] = []
        self.gap_sent = False  # the pause before the next segment has gone out already

    def _silence(self, seconds: float):
        import numpy as np

        return np.zeros(int(round(seconds * MIX_RATE)), dtype=np.float32)

    def _emit(self, block) -> None:
        if block.size:
            self.sink(block)
            self.frames += block.size

    def _speech(self, sentences: Sequence[SentenceTake]):
        """The segment's sentences with pauses, levelled; and each sentence's speech span within it.

        Levelled once per process (or cluster) for the same takes: see `briefing.audio.levelled`.
        """
        kept = levelled_speech(sentences, self.loudness, self.encoder_gain_db, self.levelled)
        return kept.samples, list(kept.spans)

    def add(self, segment: Segment, sentences: Sequence[SentenceTake]) -> None:
        """Mix one segment (after the pause that separates it from the last) and send it on."""
        import numpy as np

        first_segment = not self.entries
        head = []
        if first_segment:
            sting = sound_at(self.intro_sting, self.level + STING_LU)
            if sting.size:
                head = [sting, self._silence(STING_GAP)]
        elif not self.gap_sent:
            head = [self._silence(SEGMENT_GAP)]
        self.gap_sent = False
        speech, spans = self._speech(sentences)
        offset = sum(h.size for h in head)
        block = np.concatenate([*head, speech]) if head else speech
        if first_segment and self.bed and spans:
            # The bed fades out within the pause after the intro, so that pause goes out with this block.
            block = np.concatenate([block, self._silence(SEGMENT_GAP)])
            self.gap_sent = True
            voice = [(offset + a, offset + b) for a, b in spans]
            bed_start = max(0, head[0].size - int(BED_LEAD * MIX_RATE)) if head else 0
            block = block + bed_track(block.size, bed_start, voice, voice[-1][1], self.level + BED_LU)
        base = self.frames + offset
        cues = tuple(Cue((base + a) / MIX_RATE, (base + b) / MIX_RATE, s.text, segment.speaker)
                     for (a, b), s in zip(spans, sentences))
        start = 0.0 if first_segment else (cues[0].start if cues else base / MIX_RATE)
        end = cues[-1].end if cues else (base + speech.size) / MIX_RATE
        self.entries.append(TimelineEntry(segment.kind, segment.title, start, end, cues, segment.speaker))
        if first_segment:
            # Speech alone was limited when it was levelled; the sting and the bed add to it.
            self._emit(self._limited(block))
        else:
            # The pause goes out as a block of its own: a sink that cuts the stream into pieces
            # (`briefing.audio.pieces`) keeps it with the segment before, so that each segment's
            # piece is the same wherever the segment falls.
            self._emit(block[:offset])
            self._emit(block[offset:])

    def _limited(self, block):
        """Catch any peak the sum of voice and music puts over the ceiling."""
        return _limited(block, self.encoder_gain_db)

    def finish(self) -> Timeline:
        """Send the closing sting; return the Timeline of everything sent."""
        closing = _closing(self.outro_sting, self.level, self.encoder_gain_db)
        pause = int(round(STING_GAP * MIX_RATE)) if closing.size else 0
        self._emit(closing[:pause])  # silence: the pause before the sting, a block of its own
        self._emit(closing[pause:])
        if self.entries:
            last = self.entries[-1]
            self.entries[-1] = TimelineEntry(last.kind, last.title, last.start, self.frames / MIX_RATE, last.cues,
                                             last.speaker)
        return Timeline(tuple(self.entries), self.frames / MIX_RATE)


def _limited(block, encoder_gain_db: float):
    from .loudness import PEAK_MARGIN, TRUE_PEAK_LIMIT, limiter_gain

    ceiling = min(-0.1, TRUE_PEAK_LIMIT - PEAK_MARGIN - encoder_gain_db)
    return block * limiter_gain(block, MIX_RATE, ceiling) if block.size else block


@lru_cache(maxsize=8)
def _closing(sting: str | None, level: float, encoder_gain_db: float):
    """The pause and the closing sting, limited: the same at the end of every episode at this
    level, so made once per process (read-only: every episode sends the same array)."""
    import numpy as np

    sound = sound_at(sting, level + STING_LU)
    block = _limited(np.concatenate([np.zeros(int(round(STING_GAP * MIX_RATE)), np.float32), sound]),
                     encoder_gain_db) if sound.size else np.zeros(0, np.float32)
    block.setflags(write=False)
    return block


def mix_stream(rendered: Iterable[tuple[Segment, Sequence[SentenceTake]]], sink: Sink, **options) -> Timeline:
    """Mix segments as they are rendered, sending blocks to `sink`; return the Timeline."""
    mixer = Mixer(sink, **options)
    for segment, sentences in rendered:
        mixer.add(segment, sentences)
    return mixer.finish()


def mix(script: Script, takes: Sequence[Take], **options) -> Episode:
    """Mix rendered takes into one Episode held in memory (float32 samples at MIX_RATE).

    The pipeline streams instead (`mix_stream` into the encoder); this is the same mix
    for callers that want the audio itself.
    """
    import numpy as np

    blocks: list = []
    timeline = mix_stream(((t.segment, t.sentences) for t in takes), blocks.append, **options)
    audio = np.concatenate(blocks) if blocks else np.zeros(0, np.float32)
    return Episode(script=script, audio=audio, timeline=timeline, sample_rate=MIX_RATE)
