"""Script to Takes: every sentence rendered by the voice, or taken from the cache."""

from __future__ import annotations

from collections.abc import Callable

from .errors import BriefingError, VoiceError
from .models import Script, SentenceTake, Take
from .voices import Voice
from .voices.cache import TakeCache, cache_key

Progress = Callable[[int, int, str], None]


def speak(script: Script, voice: Voice, cache: TakeCache | None = None, progress: Progress | None = None) -> tuple[Take, ...]:
    """Render each sentence of each segment; report (done, total, label) after each."""
    total = sum(len(s.sentences) for s in script.segments)
    done = 0
    identity = voice.identity()
    takes: list[Take] = []
    for index, segment in enumerate(script.segments):
        rendered: list[SentenceTake] = []
        for number, sentence in enumerate(segment.sentences, 1):
            key = cache_key(identity, sentence)
            hit = cache.get(key) if cache else None
            if hit is not None:
                pcm, rate = hit
            else:
                try:
                    pcm = voice.synthesize(sentence)
                except BriefingError as exc:
                    label = segment.title or segment.kind
                    raise type(exc)(f"segment {index + 1} ({label}), sentence {number}: {exc}") from None
                rate = voice.sample_rate
                if not pcm:
                    raise VoiceError(f"segment {index + 1} ({segment.title or segment.kind}), sentence {number}: "
                                     "the voice produced no audio")
                if cache:
                    cache.put(key, pcm, rate)
            rendered.append(SentenceTake(sentence, pcm, rate))
            done += 1
            if progress:
                progress(done, total, segment.title or segment.kind)
        takes.append(Take(segment, tuple(rendered)))
    return tuple(takes)
