"""Script to an encoded, measured MP3: speak, mix and encode at once, and remember the result.

    voice thread:  render segment 1 ─ render segment 2 ─ render segment 3 ─ ...
    this thread:                     mix + encode 1  ─  mix + encode 2  ─ ...

The voice renders segment by segment in a worker thread (onnxruntime and ffmpeg
release the GIL), while this thread mixes each finished segment and streams it into
the encoder (`briefing.audio.encode`), which measures the MP3 as it writes it. A bounded
queue keeps at most a few segments in flight, so memory stays flat however long the
briefing is.

Re-runs are nearly free: the encoded audio and its Timeline are kept in the cache,
keyed by everything that shapes them (the voice, every sentence, the mix settings),
so running the same command again only re-tags and re-writes the sidecars.
"""

from __future__ import annotations

import hashlib
import json
import queue
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from .loudness import Loudness
from ..models import EpisodeOptions, Script, Timeline

MIX_VERSION = 3  # bump when the mix changes what a cached episode would sound like
QUEUE_SEGMENTS = 2
# Freed heap goes back to the system after every few segments levelled afresh: each time costs
# page faults when the next segment allocates again (0.15 s of system time on the seed episode
# when done after each).
TRIM_EVERY = 4


@dataclass(frozen=True)
class RenderedAudio:
    path: Path
    timeline: Timeline
    loudness: Loudness | None


def episode_key(script: Script, identities: list[dict], settings: dict) -> str:
    blob = json.dumps(
        {
            "v": MIX_VERSION,
            "voices": identities,
            "settings": settings,
            "segments": [[s.kind, s.title, list(s.sentences), *([s.speaker] if s.speaker else [])]
                         for s in script.segments],
        },
        sort_keys=True, ensure_ascii=False,
    )
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class EpisodeCache:
    """Encoded episodes (untagged MP3 + Timeline JSON) by key, next to the take cache."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)

    def get(self, key: str, destination: Path) -> RenderedAudio | None:
        mp3, meta = self.directory / f"{key}.mp3", self.directory / f"{key}.json"
        try:
            data = json.loads(meta.read_text(encoding="utf-8"))
            shutil.copyfile(mp3, destination)
        except (OSError, ValueError):
            return None
        try:
            timeline = Timeline.from_dict(data["timeline"])
            measured = Loudness(**data["loudness"]) if data.get("loudness") else None
        except (KeyError, TypeError, ValueError):
            return None
        return RenderedAudio(destination, timeline, measured)

    def put(self, key: str, rendered: RenderedAudio) -> None:
        from ..storage.folder import write_atomically

        loudness = rendered.loudness
        meta = json.dumps({
            "timeline": rendered.timeline.to_dict(),
            "loudness": {"integrated": loudness.integrated, "true_peak": loudness.true_peak} if loudness else None,
        })
        try:
            # Unique temporary names: workers on several machines may share this folder (and a pid).
            write_atomically(self.directory / f"{key}.mp3", lambda tmp: shutil.copyfile(rendered.path, tmp))
            # Last: the entry exists only when whole.
            write_atomically(self.directory / f"{key}.json", lambda tmp: tmp.write_text(meta, encoding="utf-8"))
        except OSError:
            pass  # a cache that cannot be written only costs time


_DONE = object()


def release_freed_memory() -> None:
    """Hand freed heap back to the system (glibc keeps it otherwise, and a long briefing's
    resident size creeps up by a few hundred MB across threads' arenas)."""
    import ctypes
    import ctypes.util

    global _malloc_trim
    if _malloc_trim is None:
        try:
            _malloc_trim = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _malloc_trim = False
    if _malloc_trim:
        _malloc_trim(0)


_malloc_trim = None


def _produce(segments, out: queue.Queue, stop: threading.Event) -> None:
    """Run the renderer, handing each segment over; any error is handed over too."""
    try:
        for item in segments:
            while not stop.is_set():
                try:
                    out.put(item, timeout=0.2)
                    break
                except queue.Full:
                    continue
            if stop.is_set():
                return
        out.put(_DONE)
    except BaseException as exc:  # noqa: BLE001 - re-raised in the consuming thread
        out.put(exc)


def render_to_mp3(script: Script, voice, target: Path, options: EpisodeOptions, *, cache=None,
                  progress=None, quote_voice=None, voices=None, quote_voices=None) -> RenderedAudio:
    """Speak, mix and encode `script` into `target` (a temporary name the caller owns).

    `options` gives the bitrate, loudness target, music, pronunciations and whether the MP3 is
    joined from pieces shared with other episodes (`briefing.audio.pieces`); `voices` and
    `quote_voices` give the hosts' voices by name (see `briefing.voices.speak.render_segments`).
    """
    from .encode import StreamingEncoder, finish_to_target
    from .levelled import LevelledCache
    from .loudness import encoder_gain
    from .mix import MIX_RATE, Mixer
    from .pieces import JoinedEncoder, PieceCache
    from ..voices.speak import render_segments
    from ..timing import stage

    bitrate, loudness, music, pronunciations = options.bitrate, options.loudness, options.music, options.pronunciations
    settings = {"bitrate": bitrate, "loudness": loudness, "music": music,
                **({"pronunciations": dict(pronunciations)} if pronunciations else {}),
                **({"pieces": True} if options.pieces else {})}
    identities = [voice.identity()] + ([quote_voice.identity()] if quote_voice else [])
    identities += [{"host": name, **v.identity()} for name, v in sorted((voices or {}).items())]
    identities += [{"quotes_of": name, **v.identity()} for name, v in sorted((quote_voices or {}).items())]
    episodes = EpisodeCache(cache.directory / "episodes") if cache is not None else None
    key = episode_key(script, identities, settings)
    if episodes is not None:
        hit = episodes.get(key, target)
        if hit is not None:
            if progress:
                total = sum(len(s.sentences) for s in script.segments)
                progress(total, total, "cached")
            return hit

    segments = render_segments(script, voice, cache, progress, quote_voice, voices=voices,
                               quote_voices=quote_voices, pronunciations=pronunciations)
    handover: queue.Queue = queue.Queue(maxsize=QUEUE_SEGMENTS)
    stop = threading.Event()
    worker = threading.Thread(target=_produce, args=(segments, handover, stop), name="briefing-voice", daemon=True)
    # The voice starts first: starting ffmpeg and reading the show's sounds take 0.07 s that
    # the first sentence need not wait for (the queue holds what it says meanwhile).
    worker.start()
    try:
        if options.pieces:
            encoder = JoinedEncoder(target, MIX_RATE, bitrate, cache=PieceCache(cache), measure=loudness is not None)
        else:
            encoder = StreamingEncoder(target, MIX_RATE, bitrate, measure=loudness is not None)
        with encoder:
            levelled = LevelledCache(shared=cache)
            mixer = Mixer(encoder, intro_sting="intro.wav" if music else None,
                          outro_sting="outro.wav" if music else None, bed=music,
                          loudness=loudness, encoder_gain_db=encoder_gain(bitrate), levelled=levelled)
            while True:
                item = handover.get()
                if item is _DONE:
                    break
                if isinstance(item, BaseException):
                    raise item
                levelled_before = levelled.misses
                with stage("mix"):
                    mixer.add(*item)
                # Levelling's temporaries are what grows the heap: trim after every few levelled afresh.
                if levelled.misses != levelled_before and levelled.misses % TRIM_EVERY == 0:
                    release_freed_memory()
            timeline = mixer.finish()
            with stage("encode"):
                measured = finish_to_target(encoder, loudness=loudness)
            timeline = encoder.retime(timeline)
    finally:
        stop.set()
    rendered = RenderedAudio(target, timeline, measured)
    if episodes is not None:
        episodes.put(key, rendered)
    return rendered
