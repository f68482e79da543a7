"""The segment as the unit of work: one story's sentences in one voice, spoken once.

A segment (an announcement and its sentences, or an intro) is keyed by the hash of what
makes it sound the way it does: its sentences, the voice's identity (engine, model, speed,
pitch) and the language. Speaking a segment only fills the take cache; the episodes that
carry it (a re-run, every listener who follows the story, another show with the same story)
then mix it from the cache, levelled once too (`briefing.audio.levelled`). A segment already
spoken is a no-op, so a task that speaks one may run twice (a worker died after speaking, before acknowledging) at no cost but a lookup.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from ..models import EpisodeOptions, Script, Segment

SEGMENT_VERSION = 1


def segment_key(segment: Segment, identity: dict, language: str, quote_identity: dict | None = None) -> str:
    """The content hash of a segment as a voice says it."""
    blob = json.dumps({"v": SEGMENT_VERSION, "kind": segment.kind, "title": segment.title,
                       "sentences": list(segment.sentences), "voice": identity, "quote": quote_identity,
                       "language": language}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class SpokenSegment:
    """What speaking one segment did: `synthesized` sentences were new (0: all were cached)."""

    key: str
    sentences: int
    synthesized: int


def load_voices(options: EpisodeOptions, language: str):
    """The main voice (and the quotation voice, if any) exactly as `render_script` loads them."""
    from . import get_quote_voice, get_voice

    engine = options.engine
    voice = get_voice(engine, options.voice, speed=options.speed,
                      lang=options.lang or (language if engine == "gtts" else None), tld=options.tld)
    quoting = get_quote_voice(options.quote_voice, voice, speed=options.speed) if options.quote_voice else None
    return voice, quoting


def speak_segment(segment: Segment, options: EpisodeOptions, language: str = "en", cache=None) -> SpokenSegment:
    """Speak one segment into the take cache, unless it is there already.

    The sentences go through the same renderer an episode uses (`render_segments`), so the
    takes are exactly the ones the episode's mix will find.
    """
    from .cache import TakeCache
    from .speak import render_segments
    from ..writing.language import check_voice_language

    cache = cache if cache is not None else TakeCache()
    voice, quoting = load_voices(options, language)
    key = segment_key(segment, voice.identity(), language, quoting.identity() if quoting else None)
    if cache.has_segment(key):
        return SpokenSegment(key, len(segment.sentences), 0)
    check_voice_language(voice, language)
    before = cache.misses
    script = Script(title=segment.title or segment.kind, show="", date=_any_day(), segments=(segment,),
                    language=language)
    for _, takes in render_segments(script, voice, cache, quote_voice=quoting,
                                    pronunciations=options.pronunciations):
        _share_levelled(takes, options, cache)
    cache.mark_segment(key)
    return SpokenSegment(key, len(segment.sentences), cache.misses - before)


def _share_levelled(takes, options: EpisodeOptions, cache) -> None:
    """Level the segment as every episode's mix will, and leave it in the shared cache, so the
    workers that mix the episodes carrying it find it levelled (`briefing.audio.levelled`)."""
    from ..audio.levelled import LevelledCache
    from ..audio.loudness import encoder_gain
    from ..audio.mix import levelled_speech

    levelled_speech(takes, options.loudness, encoder_gain(options.bitrate), LevelledCache(shared=cache), share=True)


def distinct_segments(scripts: list[Script]) -> list[tuple[Segment, str]]:
    """Every (segment, language) the scripts say, each once, in first-said order."""
    seen: dict[tuple, tuple[Segment, str]] = {}
    for script in scripts:
        for segment in script.segments:
            seen.setdefault((segment, script.language), (segment, script.language))
    return list(seen.values())


def _any_day():
    from datetime import date

    return date(2000, 1, 1)  # a one-segment script's date is never said
