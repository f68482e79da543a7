"""hibari, the default voice: real synthesis, deterministic takes, speed, cache and levelling."""

from __future__ import annotations

import numpy as np
import pytest

from briefing.voices import get_voice
from briefing.voices.cache import TakeCache
from briefing.models import Script, Segment
from briefing.voices.speak import speak

SENTENCE = "Rebel forces have captured the strategic city of Hama."


@pytest.fixture(scope="module")
def heart():
    return get_voice("hibari")


def _samples(pcm: bytes) -> np.ndarray:
    return np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0


def test_heart_says_a_sentence_at_24_khz(heart):
    pcm = heart.synthesize(SENTENCE)
    audio = _samples(pcm)
    assert heart.engine == "hibari" and heart.name == "heart" and heart.sample_rate == 24000
    seconds = audio.size / heart.sample_rate
    assert 2.0 < seconds < 6.0, seconds  # nine words at a newsreader's pace
    assert np.sqrt(np.mean(audio ** 2)) > 0.02, "speech, not silence"


def test_the_same_sentence_makes_the_same_take(heart):
    """Seeded: a re-rendered sentence matches its cached take sample for sample."""
    assert heart.synthesize(SENTENCE) == heart.synthesize(SENTENCE)


def test_speed_changes_the_pace_not_the_words():
    slow, fast = get_voice("hibari", speed=0.8), get_voice("hibari", speed=1.25)
    slow_s = len(slow.synthesize(SENTENCE)) / 2 / slow.sample_rate
    fast_s = len(fast.synthesize(SENTENCE)) / 2 / fast.sample_rate
    assert 1.35 < slow_s / fast_s < 1.8, (slow_s, fast_s)
    assert slow.identity() != fast.identity()  # different takes in the cache


def test_voice_specs_pick_the_engine():
    assert get_voice(None, "hibari:heart").engine == "hibari"
    assert get_voice("hibari", "piper:joe").engine == "piper"


def test_takes_are_cached_by_what_the_voice_said(heart, tmp_path):
    script = Script("t", "s", __import__("datetime").date(2026, 1, 1),
                    (Segment("section", "One", (SENTENCE, "A second sentence follows.")),))
    cache = TakeCache(tmp_path)
    first = speak(script, heart, cache)
    again = speak(script, heart, cache)
    assert cache.misses == 2 and cache.hits == 2
    assert [s.pcm for s in first[0].sentences] == [s.pcm for s in again[0].sentences]
    assert all(s.sample_rate == 24000 for s in again[0].sentences)


def test_two_hosts_say_their_own_segments_and_each_others_quotations(heart):
    """A segment is said by its speaker's voice; with quote voices, a quotation by the other host's."""
    from datetime import date

    from briefing.audio.mix import MIX_RATE

    joe = get_voice("piper")
    quoted = 'The mayor said "we will rebuild the bridge by spring" on Monday.'
    script = Script("t", "s", date(2026, 1, 1), (
        Segment("intro", "Introduction", ("Welcome to the show.",), "Hannah"),
        Segment("section", "Bridge", ("The bridge closed last week.", quoted), "Joe"),
    ))
    cast = {"Hannah": heart, "Joe": joe}
    takes = speak(script, heart, None, voices=cast)
    assert takes[0].sentences[0].sample_rate == 24000  # hibari
    assert takes[1].sentences[0].sample_rate == 22050  # Piper
    crossed = speak(script, heart, None, voices=cast, quote_voices={"Joe": heart, "Hannah": joe})
    mixed = crossed[1].sentences[1]
    assert mixed.sample_rate == MIX_RATE and mixed.text == quoted  # pieces of two voices, joined; one cue
    assert crossed[1].sentences[0].sample_rate == 22050  # no quotation: Joe alone
    assert takes[1].sentences[1].sample_rate == 22050  # without quote voices, Joe says the quotation too


def test_parsed_g2p_tables_are_kept_and_a_damaged_copy_is_parsed_again(cli, tmp_path):
    """hibari's text-to-phoneme tables are parsed once per machine and kept in the user's cache
    folder; a damaged copy there never breaks a run, it is parsed and written again."""
    import wave

    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    first = cli("say", SENTENCE, "-o", str(tmp_path / "a.wav"), env=env)
    assert first.returncode == 0, first.stderr.decode()
    kept = list((tmp_path / "cache" / "briefing" / "models").glob("hibari-g2p-us-*.pickle"))
    assert len(kept) == 1 and kept[0].stat().st_size > 1_000_000
    kept[0].write_bytes(b"half a pickle")
    second = cli("say", SENTENCE, "-o", str(tmp_path / "b.wav"), env=env)
    assert second.returncode == 0, second.stderr.decode()
    assert kept[0].stat().st_size > 1_000_000
    frames = []
    for name in ("a.wav", "b.wav"):
        with wave.open(str(tmp_path / name)) as wav:
            frames.append(wav.readframes(wav.getnframes()))
    assert frames[0] == frames[1]
