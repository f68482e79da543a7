"""Script to Takes: every sentence rendered by the voice, or taken from the cache.

With a second voice for quotations, the quoted words of a sentence ("...", “...”) are
rendered with it and the rest with the main voice; the pieces are joined into the
sentence's one take (at the mix rate), so the sentence keeps one cue and one timing.

In a show with several hosts each segment is said by its speaker's voice (`voices`, by
name), and a quotation in it by the voice `quote_voices` names for that speaker (the
other host). The show's pronunciations are applied to the text each voice is given
(`briefing.writing.pronounce`); the take keeps the sentence as written, for the transcript.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Mapping

from ..errors import BriefingError, VoiceError
from ..models import Script, Segment, SentenceTake, Take
from . import Voice
from .cache import TakeCache, cache_key

Progress = Callable[[int, int, str], None]

QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")
MIN_QUOTE_WORDS = 3  # shorter quoted words ("so-called") are said in the main voice
PIECE_GAP = 0.06  # s between a quotation and the words around it


def quote_pieces(sentence: str) -> list[tuple[str, bool]]:
    """The sentence as (text, is_quotation) pieces in order; pieces without letters are dropped."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in QUOTED.finditer(sentence):
        if len(match.group(1).split()) < MIN_QUOTE_WORDS:
            continue
        pieces.append((sentence[position:match.start()], False))
        pieces.append((match.group(1), True))
        position = match.end()
    pieces.append((sentence[position:], False))
    return [(text.strip(" ,;:"), quoted) for text, quoted in pieces if re.search(r"\w", text)]


def _render(voice: Voice, identity: dict, text: str, cache: TakeCache | None,
            pronunciations: Mapping[str, str] | None = None) -> tuple[bytes, int]:
    if pronunciations:
        from ..writing.pronounce import pronounced

        text = pronounced(text, pronunciations, voice)  # the cache is keyed by what the voice hears
    key = cache_key(identity, text)
    hit = cache.get(key) if cache else None
    if hit is not None:
        return hit
    pcm = voice.synthesize(text)
    if pcm and cache:
        cache.put(key, pcm, voice.sample_rate)
    return pcm, voice.sample_rate


def _joined(parts: list[tuple[bytes, int]]) -> tuple[bytes, int]:
    """Pieces at possibly different rates, joined at the mix rate with a short gap between."""
    import numpy as np

    from ..audio.mix import MIX_RATE, to_mix_rate, to_pcm16

    gap = np.zeros(int(PIECE_GAP * MIX_RATE), dtype=np.float32)
    arrays = []
    for pcm, rate in parts:
        if arrays:
            arrays.append(gap)
        arrays.append(to_mix_rate(pcm, rate))
    joined = np.concatenate(arrays)
    return to_pcm16(joined), MIX_RATE


def in_order(func: Callable, items, workers: int) -> Iterator:
    """`map(func, items)` run by up to `workers` threads, results in order.

    Only a few items are in flight at once (twice the workers), so memory stays flat
    however many there are. Closing the iterator early cancels what has not started.
    """
    if workers <= 1:
        yield from map(func, items)
        return
    from collections import deque
    from concurrent.futures import ThreadPoolExecutor

    source = iter(items)
    pool = ThreadPoolExecutor(workers, thread_name_prefix="briefing-voice")
    try:
        pending = deque(pool.submit(func, item) for item in itertools.islice(source, 2 * workers))
        while pending:
            result = pending.popleft().result()
            for item in itertools.islice(source, 1):
                pending.append(pool.submit(func, item))
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def render_segments(script: Script, voice: Voice, cache: TakeCache | None = None,
                    progress: Progress | None = None, quote_voice: Voice | None = None, *,
                    voices: Mapping[str, Voice] | None = None, quote_voices: Mapping[str, Voice] | None = None,
                    pronunciations: Mapping[str, str] | None = None,
                    ) -> Iterator[tuple[Segment, tuple[SentenceTake, ...]]]:
    """Render each segment's sentences, yielding a segment as soon as it is complete.

    Sentences are synthesized `voice.concurrency` at a time (Piper: two on two cores) and
    handed on in order. Reports (done, total, label) after each sentence. The pipeline mixes
    and encodes a segment while the next one is being rendered. A segment whose speaker is
    in `voices` is said by that voice, its quotations by `quote_voices[speaker]`.
    """
    total = sum(len(s.sentences) for s in script.segments)
    voices = voices or {}
    quote_voices = quote_voices or {}
    every_voice = [voice, *voices.values(), *quote_voices.values(), *([quote_voice] if quote_voice else [])]
    identities = {id(v): v.identity() for v in every_voice}

    def render(job: tuple[int, Segment, int, str]) -> SentenceTake:
        index, segment, number, sentence = job
        label = segment.title or segment.kind
        speaking = voices.get(segment.speaker, voice)
        quoting = quote_voices.get(segment.speaker, quote_voice)
        pieces = quote_pieces(sentence) if quoting else []

        def said(by: Voice, text: str) -> tuple[bytes, int]:
            return _render(by, identities[id(by)], text, cache, pronunciations)

        try:
            if quoting and any(quoted for _, quoted in pieces):
                parts = [said(quoting, text) if quoted else said(speaking, text) for text, quoted in pieces]
                pcm, rate = _joined([p for p in parts if p[0]]) if any(p[0] for p in parts) else (b"", 0)
            else:
                pcm, rate = said(speaking, sentence)
        except BriefingError as exc:
            raise type(exc)(f"segment {index + 1} ({label}), sentence {number}: {exc}") from None
        if not pcm:
            raise VoiceError(f"segment {index + 1} ({label}), sentence {number}: the voice produced no audio")
        return SentenceTake(sentence, pcm, rate)

    jobs = [(index, segment, number, sentence)
            for index, segment in enumerate(script.segments)
            for number, sentence in enumerate(segment.sentences, 1)]
    # engines that do not say run one sentence at a time
    workers = min(getattr(v, "concurrency", 1) for v in every_voice)
    takes = in_order(render, jobs, workers)
    done = 0
    try:
        for segment in script.segments:
            rendered = []
            for _ in segment.sentences:
                rendered.append(next(takes))
                done += 1
                if progress:
                    progress(done, total, segment.title or segment.kind)
            yield segment, tuple(rendered)
    finally:
        takes.close()  # an abandoned render stops its workers


def segments_to_speak(script: Script, voice: Voice, cache: TakeCache, quote_voice: Voice | None = None, *,
                      voices: Mapping[str, Voice] | None = None, quote_voices: Mapping[str, Voice] | None = None,
                      pronunciations: Mapping[str, str] | None = None) -> int:
    """How many of the script's segments have a sentence the take cache does not hold (the rest
    are mixed from the cache without the voice): looked up as `render_segments` will."""
    from .cache import cache_key

    voices = voices or {}
    quote_voices = quote_voices or {}

    def held(by: Voice, text: str) -> bool:
        if pronunciations:
            from ..writing.pronounce import pronounced

            text = pronounced(text, pronunciations, by)
        return cache.has_take(cache_key(by.identity(), text))

    missing = 0
    for segment in script.segments:
        speaking = voices.get(segment.speaker, voice)
        quoting = quote_voices.get(segment.speaker, quote_voice)
        for sentence in segment.sentences:
            pieces = quote_pieces(sentence) if quoting else []
            if quoting and any(quoted for _, quoted in pieces):
                whole = all(held(quoting if quoted else speaking, text) for text, quoted in pieces)
            else:
                whole = held(speaking, sentence)
            if not whole:
                missing += 1
                break
    return missing


def speak(script: Script, voice: Voice, cache: TakeCache | None = None, progress: Progress | None = None,
          quote_voice: Voice | None = None, **cast) -> tuple[Take, ...]:
    """Render every sentence of every segment; the takes, in order. `cast`: render_segments' keywords."""
    return tuple(Take(segment, sentences)
                 for segment, sentences in render_segments(script, voice, cache, progress, quote_voice, **cast))
