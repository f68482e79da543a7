"""The segment as the unit of work: one story's sentences in one voice, spoken once.

A segment (an announcement and its sentences, or an intro) is keyed by the hash of what makes it
sound the way it does: its sentences, the identity (engine, model, speed, pitch) of the voice of the
host who says it, and the language. Speaking a segment only fills the take cache; the episodes that
carry it (a re-run, every listener who follows the story, another show with the same story) then mix
it from the cache, levelled once too (`briefing.audio.levelled`). A segment already spoken is a
no-op, so a task that speaks one may run twice (a worker died after speaking, before acknowledging)
at no cost but a lookup.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

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


@dataclass(frozen=True)
class Cast:
    """Every voice an episode speaks with: the main one, each host's, and who reads quotations."""

    main: Any
    voices: dict  # host name -> Voice (empty with one host)
    quoting: Any = None  # the quotation voice of a one-host episode
    quote_voices: dict = field(default_factory=dict)  # host name -> the voice reading its quotations

    def of(self, speaker: str | None):
        """(voice, quotation voice) of the host who says a segment."""
        return self.voices.get(speaker, self.main), self.quote_voices.get(speaker, self.quoting)


def voice_specs(options: EpisodeOptions) -> list[tuple[str, str | None]]:
    """(engine, voice) of every voice the episode speaks with: each host's, or the one voice."""
    from . import split_voice_spec

    if len(options.hosts) > 1:
        return [split_voice_spec(None, spec) for _, spec in options.hosts]
    return [split_voice_spec(options.engine, options.voice)]


def load_cast(options: EpisodeOptions, language: str) -> Cast:
    """The voices exactly as every executor loads them (their models load on first use): with
    two hosts, each host's, and a quotation in one host's story read by the other host."""
    from . import get_quote_voice, get_voice

    names = [name for name, _ in options.hosts] if len(options.hosts) > 1 else [None]
    cast = {name: get_voice(engine, voice, speed=options.speed, tld=options.tld,
                            lang=options.lang or (language if engine == "gtts" else None))
            for name, (engine, voice) in zip(names, voice_specs(options))}
    main = next(iter(cast.values()))
    voices = {name: voice for name, voice in cast.items() if name is not None}
    if options.quote_voice and voices:
        names = list(voices)
        return Cast(main, voices, None, {name: voices[names[(i + 1) % len(names)]] for i, name in enumerate(names)})
    if options.quote_voice:
        return Cast(main, voices, get_quote_voice(options.quote_voice, main, speed=options.speed))
    return Cast(main, voices)


def segment_key_of(segment: Segment, cast: Cast, language: str) -> str:
    """The content hash of a segment as the host who says it sounds."""
    voice, quoting = cast.of(segment.speaker)
    return segment_key(segment, voice.identity(), language, quoting.identity() if quoting else None)


def speak_segment(segment: Segment, options: EpisodeOptions, language: str = "en", cache=None) -> SpokenSegment:
    """Speak one segment into the take cache, unless it is there already.

    The sentences go through the same renderer an episode uses (`render_segments`), so the
    takes are exactly the ones the episode's mix will find.
    """
    from .cache import TakeCache
    from .speak import render_segments
    from ..writing.language import check_voice_language

    cache = cache if cache is not None else TakeCache()
    cast = load_cast(options, language)
    voice, quoting = cast.of(segment.speaker)
    key = segment_key_of(segment, cast, language)
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
