"""The segment: keyed by its content and voice, spoken once into the take cache, then a no-op."""

from __future__ import annotations

import pytest

from briefing.models import EpisodeOptions, Segment
from briefing.voices.segments import distinct_segments, segment_key

STORY = Segment("section", "Ferries Return", ("Ferries to Marrow Island sailed again on Friday.",))


def test_the_key_changes_with_what_is_heard_and_only_with_it():
    voice = {"engine": "piper", "voice": "joe", "speed": 1.0}
    keys = {
        segment_key(STORY, voice, "en"),
        segment_key(Segment("section", "Ferries Return", ("Ferries sailed again on Saturday.",)), voice, "en"),
        segment_key(STORY, {**voice, "speed": 1.2}, "en"),
        segment_key(STORY, {**voice, "voice": "amy"}, "en"),
        segment_key(STORY, voice, "de"),
        segment_key(STORY, voice, "en", {"engine": "piper", "pitch": -3}),
    }
    assert len(keys) == 6
    assert segment_key(Segment("section", "Ferries Return", STORY.sentences), dict(voice), "en") == \
        segment_key(STORY, voice, "en")


def test_distinct_segments_are_counted_once_across_scripts():
    from datetime import date

    from briefing.models import Script

    intro_a = Segment("intro", "Introduction", ("Ana, today: ferries.",))
    intro_b = Segment("intro", "Introduction", ("Ben, today: ferries.",))
    a = Script("a", "Show", date(2026, 11, 25), (intro_a, STORY))
    b = Script("b", "Show", date(2026, 11, 25), (intro_b, STORY))
    assert [s for s, _ in distinct_segments([a, b])] == [intro_a, STORY, intro_b]


@pytest.mark.slow
def test_a_segment_is_spoken_once_then_found_in_the_cache(tmp_path):
    from briefing.voices.cache import TakeCache
    from briefing.voices.segments import speak_segment

    cache = TakeCache(tmp_path)
    options = EpisodeOptions()
    first = speak_segment(STORY, options, "en", cache)
    assert first.synthesized == 1 and sum(1 for _ in tmp_path.rglob("*.wav")) == 1
    again = speak_segment(STORY, options, "en", TakeCache(tmp_path))  # another process, say
    assert again.key == first.key and again.synthesized == 0
    faster = speak_segment(STORY, EpisodeOptions(speed=1.25), "en", cache)
    assert faster.key != first.key and faster.synthesized == 1


def test_a_hosts_segment_is_spoken_in_that_hosts_voice_so_the_episode_finds_every_take(tmp_path):
    """The cluster speaks each segment ahead of the mix: Joe's story in Joe's voice, so the episode's
    render finds all of it in the take cache and speaks nothing again (it once spoke every segment
    in the main voice, and the mix spoke the other host's again)."""
    from datetime import date

    from briefing.models import Script
    from briefing.show.config import DEFAULT_HOSTS
    from briefing.voices.cache import TakeCache
    from briefing.voices.segments import load_cast, segment_key_of, speak_segment
    from briefing.voices.speak import segments_to_speak

    options = EpisodeOptions(hosts=DEFAULT_HOSTS)
    joes = Segment("section", "Ferries Return", STORY.sentences, "Joe")
    hannahs = Segment("section", "Ferries Return", STORY.sentences, "Hannah")
    cast = load_cast(options, "en")
    assert cast.of("Joe")[0].engine == "piper" and cast.of("Hannah")[0].engine == "hibari"
    assert segment_key_of(joes, cast, "en") != segment_key_of(hannahs, cast, "en")
    spoken = speak_segment(joes, options, "en", TakeCache(tmp_path))
    assert spoken.key == segment_key_of(joes, cast, "en") and spoken.synthesized == 1
    script = Script("t", "Show", date(2026, 11, 25), (joes,), hosts=("Hannah", "Joe"))
    assert segments_to_speak(script, cast.main, TakeCache(tmp_path), voices=cast.voices) == 0
    script = Script("t", "Show", date(2026, 11, 25), (hannahs,), hosts=("Hannah", "Joe"))
    assert segments_to_speak(script, cast.main, TakeCache(tmp_path), voices=cast.voices) == 1


def test_the_take_cache_can_live_in_a_bucket_shared_by_processes(s3_server, monkeypatch):
    """Two caches on the same s3:// URL (two workers, say) see each other's takes and segments."""
    from briefing.voices.cache import TakeCache, cache_key

    for name, value in s3_server.env.items():
        monkeypatch.setenv(name, value)
    url = f"s3://{s3_server.bucket(public=False)}/cache"
    one, two = TakeCache(url), TakeCache(url)
    key = cache_key({"engine": "x"}, "Ferries sailed again.")
    assert two.get(key) is None and two.misses == 1
    one.put(key, b"\x01\x00\x02\x00", 22050)
    assert two.get(key) == (b"\x01\x00\x02\x00", 22050)
    assert not two.has_segment("abc")
    one.mark_segment("abc")
    assert two.has_segment("abc")
    # So do the encoded MP3 pieces a listener's episode is joined from (briefing.audio.pieces).
    assert two.get_piece("f0" * 32) is None
    one.put_piece("f0" * 32, b"piece bytes")
    assert two.get_piece("f0" * 32) == b"piece bytes"
    # The encoded episodes and covers beside the takes stay in a local folder.
    assert "://" not in str(one.directory)


@pytest.mark.slow
def test_a_spoken_segment_is_left_levelled_for_the_workers_that_mix_it(tmp_path):
    """The speak task levels the segment as the mix will and shares it: a worker mixing an episode
    that carries it (nothing in its own memory) levels nothing, and hears the same audio."""
    from datetime import date

    import numpy as np

    from briefing.audio.levelled import LevelledCache, forget_levelled
    from briefing.audio.loudness import encoder_gain
    from briefing.audio.mix import mix
    from briefing.models import Script, Take
    from briefing.voices.cache import TakeCache
    from briefing.voices.segments import load_cast, speak_segment
    from briefing.voices.speak import speak

    options = EpisodeOptions()
    speak_segment(STORY, options, "en", TakeCache(tmp_path))
    assert list((tmp_path / "levelled").rglob("*.npz"))

    voice = load_cast(options, "en").main
    script = Script("t", "Show", date(2026, 11, 25), (STORY,))
    takes = speak(script, voice, TakeCache(tmp_path))
    settings = dict(loudness=options.loudness, encoder_gain_db=encoder_gain(options.bitrate))
    forget_levelled()  # a worker elsewhere
    shared = LevelledCache(shared=TakeCache(tmp_path))
    from_shared = mix(script, takes, levelled=shared, **settings)
    assert (shared.hits, shared.misses) == (1, 0)
    forget_levelled()
    afresh = mix(script, takes, levelled=LevelledCache(), **settings)
    assert np.array_equal(from_shared.audio, afresh.audio)
