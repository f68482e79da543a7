"""Levelled once: a segment's levelled speech is kept and reused, and an episode mixed from what
was kept is the episode mixed afresh, sample for sample."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from briefing.audio.levelled import LevelledCache, forget_levelled, levelled_key
from briefing.audio.mix import MIX_RATE, SENTENCE_GAP, mix
from briefing.models import Script, Segment, SentenceTake, Take
from briefing.voices.cache import TakeCache

STORY = Segment("article", "Ferries Return", ("Ferries to Marrow Island sailed again on Friday.",
                                              "Commuters cheered as the Osprey docked at the harbour pier."))


@pytest.fixture(scope="module")
def spoken():
    """Real speech from the default voice: the shared story, and two listeners' intros."""
    from briefing.voices import get_voice

    voice = get_voice("hibari")

    def take(segment: Segment) -> Take:
        return Take(segment, tuple(SentenceTake(s, voice.synthesize(s), voice.sample_rate)
                                   for s in segment.sentences))

    return {"story": take(STORY),
            "ana": take(Segment("intro", "Introduction", ("Ana, today: ferries.",))),
            "ben": take(Segment("intro", "Introduction", ("Ben, today: ferries.",)))}


def _episode(intro: Take, story: Take, levelled: LevelledCache):
    script = Script("t", "Harbor Daily", date(2026, 11, 25), (intro.segment, story.segment))
    return mix(script, (intro, story), loudness=-16.0, encoder_gain_db=-0.4, levelled=levelled)


def test_a_story_shared_by_two_episodes_is_levelled_once_and_sounds_the_same(spoken):
    forget_levelled()
    first = LevelledCache()
    _episode(spoken["ana"], spoken["story"], first)
    assert (first.hits, first.misses) == (0, 2)
    second = LevelledCache()
    kept = _episode(spoken["ben"], spoken["story"], second)
    assert (second.hits, second.misses) == (1, 1), "the story was levelled for Ana's episode already"

    forget_levelled()
    afresh = _episode(spoken["ben"], spoken["story"], LevelledCache())
    assert kept.audio.size == afresh.audio.size
    assert np.array_equal(kept.audio, afresh.audio)
    assert kept.timeline == afresh.timeline


def test_levelled_speech_kept_in_a_shared_cache_is_found_by_another_process(spoken, tmp_path):
    forget_levelled()
    takes = spoken["story"].sentences
    key = levelled_key(takes, gap=SENTENCE_GAP, rate=MIX_RATE, loudness=-16.0, encoder_gain_db=-0.4)
    story = _episode(spoken["ana"], spoken["story"], LevelledCache(shared=TakeCache(tmp_path)))
    assert not list(tmp_path.rglob("*.npz")), "mixing alone writes nothing to the shared cache"

    from briefing.audio.mix import level_speech

    LevelledCache(shared=TakeCache(tmp_path)).put(key, *level_speech(takes, -16.0, -0.4), share=True)
    forget_levelled()  # another worker: nothing in its memory
    elsewhere = LevelledCache(shared=TakeCache(tmp_path))
    again = _episode(spoken["ana"], spoken["story"], elsewhere)
    assert elsewhere.hits == 1
    assert np.array_equal(story.audio, again.audio)


def test_a_damaged_shared_entry_is_levelled_again(spoken, tmp_path):
    forget_levelled()
    takes = spoken["story"].sentences
    key = levelled_key(takes, gap=SENTENCE_GAP, rate=MIX_RATE, loudness=-16.0, encoder_gain_db=-0.4)
    TakeCache(tmp_path).put_levelled(key, b"PK\x03\x04 not a whole file")
    cache = LevelledCache(shared=TakeCache(tmp_path))
    episode = _episode(spoken["ana"], spoken["story"], cache)
    assert cache.misses == 2 and episode.audio.size > MIX_RATE


def test_the_key_follows_the_takes_and_the_target(spoken):
    takes = spoken["story"].sentences
    base = dict(gap=SENTENCE_GAP, rate=MIX_RATE, loudness=-16.0, encoder_gain_db=-0.4)
    keys = {levelled_key(takes, **base),
            levelled_key(takes, **{**base, "loudness": -19.0}),
            levelled_key(takes, **{**base, "encoder_gain_db": 0.0}),
            levelled_key(takes[:1], **base),
            levelled_key((SentenceTake(takes[0].text, takes[0].pcm[:-2], takes[0].sample_rate), takes[1]), **base)}
    assert len(keys) == 5


def test_kept_speech_cannot_be_changed_by_an_episode(spoken):
    forget_levelled()
    cache = LevelledCache()
    _episode(spoken["ana"], spoken["story"], cache)
    takes = spoken["story"].sentences
    kept = cache.get(levelled_key(takes, gap=SENTENCE_GAP, rate=MIX_RATE, loudness=-16.0, encoder_gain_db=-0.4))
    with pytest.raises(ValueError):
        kept.samples[0] = 1.0
