"""The mix: joins are exact, the Timeline counts samples, music never moves speech."""

import numpy as np

from briefing.audio.ffmpeg import audio_segment
from briefing.audio.mix import MIX_RATE, join_once, mix
from briefing.models import Script, Segment, SentenceTake, Take


def _tone(seconds: float, rate: int = MIX_RATE, freq: float = 220.0) -> bytes:
    t = np.arange(int(seconds * rate)) / rate
    return (np.sin(2 * np.pi * freq * t) * 12000).astype("<i2").tobytes()


def test_join_once_is_exact_and_never_crossfades():
    AudioSegment = audio_segment()
    parts = [AudioSegment(data=_tone(0.5), sample_width=2, frame_rate=MIX_RATE, channels=1),
             AudioSegment.silent(duration=300, frame_rate=MIX_RATE),
             AudioSegment(data=_tone(0.25), sample_width=2, frame_rate=MIX_RATE, channels=1)]
    joined = join_once(parts)
    assert joined.frame_count() == sum(p.frame_count() for p in parts)
    assert joined.raw_data == b"".join(p.raw_data for p in parts)


def test_timeline_cues_sit_on_the_speech():
    takes = tuple(
        Take(Segment(kind, title, ("one.", "two.")),
             tuple(SentenceTake(text, _tone(1.0), MIX_RATE) for text in ("one.", "two.")))
        for kind, title in (("intro", "Introduction"), ("section", "Part"), ("outro", "Closing"))
    )
    script = Script("t", "show", __import__("datetime").date(2026, 1, 1), tuple(t.segment for t in takes))
    episode = mix(script, takes, loudness=-16.0)
    audio = episode.audio
    assert abs(episode.timeline.duration - audio.size / MIX_RATE) < 1e-9
    cues = episode.timeline.cues
    assert len(cues) == 6
    for cue in cues:
        inside = audio[int(cue.start * MIX_RATE) + 100: int(cue.end * MIX_RATE) - 100]
        assert abs(cue.end - cue.start - 1.0) < 0.02  # the tone's own length, to the sample
        assert np.abs(inside).max() > 0.05
    # Between two sentences of a section there is silence (no music under sections).
    part = [c for c in cues][2:4]
    gap = audio[int(part[0].end * MIX_RATE) + 50: int(part[1].start * MIX_RATE) - 50]
    assert np.abs(gap).max() < 1e-3
