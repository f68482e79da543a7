"""Episodes joined from MP3 pieces encoded once: the same sound, times and loudness as one encoded whole."""

from __future__ import annotations

import subprocess

import numpy as np
import pytest

from briefing.audio.ffmpeg import ffmpeg_exe
from briefing.audio.loudness import measure_file
from briefing.audio.pieces import FRAME_SAMPLES, JoinedEncoder, PieceCache, count_frames
from briefing.models import Cue, Timeline, TimelineEntry

RATE = 22050  # the mix's rate


def speechy(seconds: float, seed: int) -> np.ndarray:
    """Noise in syllable-like bursts, silent at both ends (as a levelled segment is)."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * RATE)) / RATE
    samples = (rng.standard_normal(t.size) * 0.25 * (0.5 + 0.5 * np.sin(2 * np.pi * 3 * t)) ** 2).astype(np.float32)
    samples[:300] = samples[-300:] = 0
    return samples


def pause(seconds: float = 0.75) -> np.ndarray:
    return np.zeros(int(seconds * RATE), np.float32)


def decoded(path) -> np.ndarray:
    """The file as any player decodes it (ffmpeg: it honours an Info frame's gapless fields)."""
    result = subprocess.run([ffmpeg_exe(), "-v", "error", "-i", str(path), "-f", "f32le", "-ac", "1", "pipe:1"],
                            capture_output=True, check=True)
    assert result.stderr == b""  # no complaint about the joined stream
    return np.frombuffer(result.stdout, np.float32)


def join(path, blocks, cache=None) -> tuple[JoinedEncoder, object]:
    with JoinedEncoder(path, RATE, 96, cache=cache if cache is not None else PieceCache()) as encoder:
        for block in blocks:
            encoder(block)
        return encoder, encoder.close()


@pytest.fixture(autouse=True)
def _fresh_pieces():
    PieceCache.forget()
    yield
    PieceCache.forget()


def test_a_joined_file_plays_its_pieces_end_to_end_where_the_timeline_says(tmp_path):
    from mutagen.mp3 import MP3

    blocks = [speechy(3.0, 1), pause(), speechy(5.3, 2), pause(), speechy(2.1, 3)]
    clicks = [(0, 22050), (2, 5000), (4, 30000)]  # (block, sample): a sharp click to find in the file
    for block, at in clicks:
        blocks[block][at:at + 8] = 0.95
    starts = np.cumsum([0] + [b.size for b in blocks])
    mixed = [(starts[b] + at) / RATE for b, at in clicks]
    timeline = Timeline(tuple(TimelineEntry("section", f"s{n}", t, t + 0.01, (Cue(t, t + 0.01, "click"),))
                              for n, t in enumerate(mixed)), starts[-1] / RATE)
    path = tmp_path / "joined.mp3"
    encoder, _ = join(path, blocks)
    assert encoder.encoded == 3  # each pause went with the piece before it
    heard = encoder.retime(timeline)
    audio = decoded(path)
    # Players agree on the length: the Info frame's count, what decodes, and the Timeline.
    assert MP3(str(path)).info.length == pytest.approx(heard.duration, abs=1e-6)
    assert audio.size / 44100 == pytest.approx(heard.duration, abs=1e-6)
    assert heard.duration > timeline.duration  # each join adds the encoder's priming and padding
    for entry, at in zip(heard.entries[1:], mixed[1:]):
        assert entry.start > at  # later pieces moved
    for entry in heard.entries:
        where = int(round(entry.cues[0].start * 44100))
        found = where - 441 + int(np.argmax(np.abs(audio[where - 441: where + 441])))
        assert abs(found - where) <= 44  # the click is within a millisecond of its cue


def test_the_loudness_of_the_pieces_is_the_loudness_of_the_joined_file(tmp_path):
    path = tmp_path / "joined.mp3"
    blocks = [speechy(4.0, 4) * 0.5, pause(), speechy(6.0, 5), pause(0.35), speechy(3.0, 6) * 1.6]
    _, measured = join(path, blocks)
    by_ffmpeg = measure_file(path)  # ebur128=peak=true on the whole file, to 0.1
    assert measured.integrated == pytest.approx(by_ffmpeg.integrated, abs=0.11)
    assert measured.true_peak == pytest.approx(by_ffmpeg.true_peak, abs=0.3)


def test_a_piece_is_encoded_once_for_every_episode_that_has_it(tmp_path):
    from briefing.voices.cache import TakeCache

    story, other, closing = speechy(4.0, 7), speechy(3.0, 8), speechy(1.0, 9)
    takes = TakeCache(tmp_path / "cache")
    first, _ = join(tmp_path / "a.mp3", [speechy(2.0, 10), pause(), story, pause(), closing], PieceCache(takes))
    assert first.encoded == 3
    # Another listener: their own intro, a story of their own, and the same story and closing.
    second, _ = join(tmp_path / "b.mp3", [speechy(2.0, 11), pause(), other, pause(), story, pause(), closing],
                     PieceCache(takes))
    assert second.encoded == 2
    # Another process (a worker) finds them in the take cache; a damaged entry is encoded again.
    PieceCache.forget()
    entries = sorted((tmp_path / "cache" / "pieces").rglob("*.npz"))
    assert len(entries) == 5
    story_piece = next(e for e in entries if e.stem == first.keys()[1])
    story_piece.write_bytes(story_piece.read_bytes()[:100])
    third, _ = join(tmp_path / "c.mp3", [speechy(2.0, 10), pause(), story, pause(), closing], PieceCache(takes))
    assert third.encoded == 1
    assert (tmp_path / "c.mp3").read_bytes() == (tmp_path / "a.mp3").read_bytes()


def test_count_frames_walks_what_ffmpeg_wrote(tmp_path):
    path = tmp_path / "joined.mp3"
    encoder, _ = join(path, [speechy(2.5, 12)])
    (piece,) = encoder.pieces()
    assert piece.frames == count_frames(piece.mp3) == len(decoded(path)) // FRAME_SAMPLES
    assert (path.stat().st_size - len(piece.mp3)) == 313  # the Info frame, one frame at 96 kbps


def test_a_joined_episode_sounds_like_one_encoded_whole(tmp_path):
    """The same real script both ways: every sentence is at its cue, and the words are the same."""
    from dataclasses import replace

    from briefing.audio.render import render_to_mp3
    from briefing.models import EpisodeOptions, Script, Segment
    from briefing.voices import get_voice

    script = Script("Pieces", "Test Show", __import__("datetime").date(2026, 11, 26), (
        Segment("intro", "Introduction", ("Welcome to Test Show, your briefing for Thursday.",
                                          "Today, the ferries and a new library.")),
        Segment("article", "Ferries", ("Next story: the island ferries are back.", "Reported by Harbor News.")),
        Segment("section", "Ferries", ("The island ferries returned on Monday after three weeks of storm repairs.",
                                       "Commuters cheered as the first boat docked at the harbour just after seven.",
                                       "The operator said the winter timetable starts next week.")),
        Segment("outro", "Closing", ("That's all for today.", "Thanks for listening.")),
    ))
    voice = get_voice("hibari", None)
    # No loudness target: a borderline episode would be corrected and encoded whole, and this
    # compares the two encodings (the loudness of pieces is tested above).
    options = EpisodeOptions(show="Test Show", loudness=None)
    whole = render_to_mp3(script, voice, tmp_path / "whole.mp3", options)
    joined = render_to_mp3(script, voice, tmp_path / "joined.mp3", replace(options, pieces=True))
    assert [e.title for e in joined.timeline.entries] == [e.title for e in whole.timeline.entries]
    assert joined.timeline.duration > whole.timeline.duration + 0.05  # each join adds the priming
    a, b = decoded(whole.path), decoded(joined.path)
    cues = [(c, d) for e, f in zip(whole.timeline.entries, joined.timeline.entries) for c, d in zip(e.cues, f.cues)]
    assert len(cues) == 9
    for c, d in cues:
        assert d.start >= c.start - 0.001 and d.text == c.text
        x = a[int(round(c.start * 44100)):][:22050]
        at = int(round(d.start * 44100))

        def likeness(shift: int) -> float:
            y = b[at + shift:][:22050]
            return float(np.dot(x, y) / np.sqrt(np.dot(x, x) * np.dot(y, y)))

        # The same half second of speech starts at both cues, to the millisecond (two encodings of
        # it, so not bit for bit).
        shift = max(range(-441, 442), key=likeness)
        assert abs(shift) <= 44 and likeness(shift) > 0.95


def test_a_joined_episode_that_misses_the_target_is_encoded_whole(tmp_path):
    from briefing.audio.encode import finish_to_target

    path = tmp_path / "quiet.mp3"
    timeline = Timeline((TimelineEntry("section", "s", 0.5, 3.0, (Cue(0.5, 3.0, "words"),)),), 4.0)
    with JoinedEncoder(path, RATE, 96) as encoder:
        for block in (speechy(4.0, 13) * 0.05, pause()):
            encoder(block)
        measured = finish_to_target(encoder, loudness=-16.0)
    assert encoder.replaced and encoder.retime(timeline) == timeline  # a plain encode: times as mixed
    assert measured.meets(-16.0) and measure_file(path).meets(-16.0)


def test_a_piece_ffmpeg_cannot_encode_is_one_error_line(tmp_path):
    from briefing.audio.pieces import encode_piece
    from briefing.errors import BriefingError

    with pytest.raises(BriefingError, match="^ffmpeg failed to encode the MP3: ") as raised:
        encode_piece(bytes(4000), -5, 96)  # no such sample rate
    assert "\n" not in str(raised.value)
