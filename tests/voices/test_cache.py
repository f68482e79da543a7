from briefing.voices.cache import TakeCache, cache_key


def test_key_depends_on_engine_voice_settings_and_text():
    base = {"engine": "piper", "voice": "joe", "speed": 1.0}
    keys = {
        cache_key(base, "Hello."),
        cache_key(base, "Hello!"),
        cache_key({**base, "speed": 1.2}, "Hello."),
        cache_key({**base, "voice": "amy"}, "Hello."),
        cache_key({**base, "engine": "gtts"}, "Hello."),
    }
    assert len(keys) == 5
    assert cache_key(dict(base), "Hello.") == cache_key(base, "Hello.")


def test_round_trip_and_corrupt_entries_are_misses(tmp_path):
    cache = TakeCache(tmp_path)
    key = cache_key({"engine": "x"}, "a")
    assert cache.get(key) is None
    cache.put(key, b"\x01\x00\x02\x00", 22050)
    assert cache.get(key) == (b"\x01\x00\x02\x00", 22050)
    path = next(tmp_path.rglob("*.wav"))
    path.write_bytes(b"junk")
    assert cache.get(key) is None


def test_warm_cache_makes_a_rerun_render_nothing(tmp_path, short_article):
    from briefing.pipeline import make_script
    from briefing.voices.speak import speak

    class CountingVoice:
        engine, name, language, sample_rate, words_per_minute = "count", "v", "en", 8000, 170.0
        calls = 0

        def identity(self):
            return {"engine": "count"}

        def synthesize(self, text):
            CountingVoice.calls += 1
            return b"\x00\x01" * 800

    script = make_script([str(short_article)])
    cache = TakeCache(tmp_path)
    first = speak(script, CountingVoice(), cache)
    rendered = CountingVoice.calls
    assert rendered == sum(len(s.sentences) for s in script.segments)
    second = speak(script, CountingVoice(), cache)
    assert CountingVoice.calls == rendered
    assert [t.sentences for t in first] == [t.sentences for t in second]
