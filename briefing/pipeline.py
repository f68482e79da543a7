"""The Python API: the same functions the CLI calls, one per command.

    from briefing import make_episode
    files = make_episode(["article.txt"], "episode.mp3")
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from .errors import InputError
from .models import Article, Digest, EpisodeFiles, EpisodeOptions, Script
from .timing import stage
from .voices.segments import voice_specs

# Words the templates add around the articles (intro, announcements, outro), for budgeting.
TEMPLATE_OVERHEAD_WORDS = 45
ANNOUNCEMENT_WORDS = 5


@dataclass
class Reporter:
    """Where the pipeline says what it is doing; the CLI plugs in a progress bar."""

    stage: Callable[[str], None] = lambda message: None
    step: Callable[[int, int, str], None] = lambda done, total, label: None
    # A warning is said even when progress is not (a story the language model could not write).
    warn: Callable[[str], None] = lambda message: print(f"briefing: warning: {message}", file=sys.stderr,
                                                         flush=True)


def read(inputs: Sequence[str], *, title: str | None = None, latest: int | None = None) -> list[Article]:
    """Read every input; a feed contributes its `latest` newest articles."""
    from .ingest import read_articles

    if not inputs:
        raise InputError("no input: give an article file, '-' for standard input")
    articles: list[Article] = []
    for source in inputs:
        articles.extend(read_articles(source, title=title if len(inputs) == 1 else None, latest=latest))
    if not articles:
        raise InputError("no articles found in the input")
    return articles


def digest(articles: Sequence[Article], *, minutes: float, words_per_minute: float,
           format: str = "digest") -> list[Digest]:
    """Summarize each article within its share of the listening time, in the format
    (`writing/formats.py`: digest, brief or full), edited for the ear."""
    from .writing.formats import digests_for
    from .writing.summarize import budget_for

    if minutes <= 0:
        raise InputError(f"--minutes {minutes}: must be more than zero")
    overhead = TEMPLATE_OVERHEAD_WORDS + sum(
        ANNOUNCEMENT_WORDS * (1 + sum(1 for s in a.sections if s.heading)) for a in articles
    )
    budgets = budget_for([a.word_count for a in articles], minutes, words_per_minute, overhead)
    if format == "brief":  # a bulletin's stories share the time equally, unannounced
        from .writing.bulletin import story_budgets

        budgets = story_budgets([a.word_count for a in articles], minutes, words_per_minute)
    return digests_for(articles, budgets, format, words_per_minute)


def make_script(inputs: Sequence[str], options: EpisodeOptions | None = None, *,
                reporter: Reporter | None = None, **overrides) -> Script:
    """Inputs to the spoken script, without loading any voice.

    `overrides` are EpisodeOptions fields: `make_script(["a.txt"], minutes=2)`.
    """
    from .voices import WORDS_PER_MINUTE
    from .writing.formats import about, check_format, fit_to_minutes, spoken_seconds
    from .writing.writers import get_writer

    options = _options(options, overrides)
    check_format(options.format)
    reporter = reporter or Reporter()
    # The extractive writer, or a language model when options.writer names an endpoint; its
    # settings are checked before any work.
    writer = get_writer(options, stage=reporter.stage, warn=reporter.warn)
    reporter.stage("reading " + ", ".join(inputs))
    with stage("ingest"):
        articles = read(inputs, title=options.title, latest=options.latest)
    reporter.stage(f"summarizing {len(articles)} article{'s' * (len(articles) != 1)}")
    engines = [engine for engine, _ in voice_specs(options)]
    wpm = sum(WORDS_PER_MINUTE.get(e, 170.0) for e in engines) / len(engines) * options.speed

    def summarized(minutes: float):
        with stage("summarize"):
            return digest(articles, minutes=minutes, words_per_minute=wpm, format=options.format)

    def written(digests):
        with stage("script"):
            return writer.write(digests, options, title=options.title, day=options.day)

    if writer.name == "extractive":
        script = fit_to_minutes(summarized, written, minutes=options.minutes, words_per_minute=wpm,
                                format=options.format)
    else:  # a model's reply is asked for once: its length is the model's, not fitted again
        script = written(summarized(options.minutes))
    reporter.stage(f"the script: {script.word_count} words, {about(spoken_seconds(script.word_count, wpm))}"
                   + (f" ({options.format})" if options.format != "digest" else ""))
    return script


def host_names(options: EpisodeOptions) -> tuple[str, ...]:
    """The hosts' names when the show has several, else ()."""
    return tuple(name for name, _ in options.hosts) if len(options.hosts) > 1 else ()


def make_episode(inputs: Sequence[str], output: str | Path, options: EpisodeOptions | None = None, *,
                 reporter: Reporter | None = None, **overrides) -> EpisodeFiles:
    """Inputs to OUT.mp3 with its sidecars. Returns what was written.

    `options` says how (EpisodeOptions); `overrides` replace single fields of it:
    `make_episode(["a.txt"], "a.mp3", minutes=2, show="Harbor Weekly")`.
    """
    from .writing.writers import get_writer

    options = _options(options, overrides)
    reporter = reporter or Reporter()
    output = Path(output)
    get_writer(options)  # a bad writer setting (format, endpoint URL, hosts) fails before any work
    finished, key = None, None
    if options.cache:
        # The same command again: the files it made last time, copied into place (no voice loads).
        from .audio.export import check_writable
        from .audio.finished import FinishedCache, finished_key
        from .voices.cache import default_cache_dir

        check_writable(output)
        key = finished_key(list(inputs), options, output)
        if key is not None:
            finished = FinishedCache(default_cache_dir() / "finished")
            files = finished.restore(key, output)
            if files is not None:
                reporter.stage(f"nothing changed since the last make: {output} again")
                return files
    prepared = prepare_episode(output, options)
    script = make_script(inputs, options, reporter=reporter)
    files = render_script(script, output, options, reporter=reporter, prepared=prepared)
    if finished is not None:
        finished.keep(key, files)
    return files


@dataclass(frozen=True)
class Prepared:
    """What is checked and started before the script exists: a bad target fails before any work."""

    cover: bytes | None


def prepare_episode(output: Path, options: EpisodeOptions) -> Prepared:
    """Check the output and settings, prepare a user's cover, start loading the voice."""
    from .audio.cover import cover_jpeg
    from .audio.export import check_writable
    from .audio.ffmpeg import ffmpeg_exe
    from .audio.loudness import check_target

    check_writable(output)
    check_target(options.loudness)
    # A user's image is checked (and prepared) now, so a bad one fails before any synthesis.
    art = cover_jpeg(options.cover, show=options.show, day=Date.today()) if options.cover is not None else None
    ffmpeg_exe()  # found now, on this thread, before the voices load beside it
    for engine, voice in voice_specs(options):  # models load while the article is read and the script written
        if engine == "piper":
            from .voices.piper import preload

            preload(voice)
        elif engine == "hibari":
            from .voices.hibari import preload as preload_hibari

            preload_hibari(voice)
    return Prepared(cover=art)


def render_script(script: Script, output: str | Path, options: EpisodeOptions | None = None, *,
                  reporter: Reporter | None = None, prepared: Prepared | None = None) -> EpisodeFiles:
    """A written script to OUT.mp3 with its sidecars: speak, mix, encode, tag, export.

    The one stage every executor shares: `make`, the self-running show and a cluster worker
    all end here. `loudness` is the integrated target in LUFS (true peaks stay under
    -1 dBTP); `cover` a square-ish image (default: one drawn with the show's name and
    date); `music=False` leaves out the stings and the bed under the intro.
    """
    import os
    from concurrent.futures import ThreadPoolExecutor

    from .audio.export import export
    from .audio.mix import MIX_RATE
    from .audio.render import render_to_mp3
    from .models import Episode
    from .voices.cache import TakeCache
    from .writing.language import check_voice_language

    options = options or EpisodeOptions()
    reporter = reporter or Reporter()
    output = Path(output)
    if prepared is None:
        prepared = prepare_episode(output, options)
    from .voices.segments import load_cast

    cast = load_cast(options, script.language)
    for voice in (cast.main, *cast.voices.values()):
        check_voice_language(voice, script.language)
    loaded, voices, quoting, quote_voices = cast.main, cast.voices, cast.quoting, cast.quote_voices
    takes = TakeCache() if options.cache else None
    sentences = sum(len(s.sentences) for s in script.segments)
    speakers = ", ".join(f"{v.engine} ({v.name})" for v in (voices.values() if voices else [loaded]))
    count = len(script.segments)
    if takes is not None:
        from .voices.speak import segments_to_speak

        fresh = segments_to_speak(script, loaded, takes, quoting, voices=voices, quote_voices=quote_voices,
                                  pronunciations=options.pronunciations)
        said = f"speaking {fresh} of {count} segments; {count - fresh} from the cache"
    else:
        said = f"speaking all {count} segments"
    reporter.stage(f"{said} ({sentences} sentences) with {speakers}, mixing and encoding as it goes")
    audio = output.with_name(f".{output.name}.{os.getpid()}.audio.part")
    art = prepared.cover
    with ThreadPoolExecutor(max_workers=1) as background:
        # The cover is drawn while the voice speaks.
        drawn = background.submit(lambda: art or generated_cover(script.show, script.date, takes))
        try:
            with stage("render"):
                rendered = render_to_mp3(script, loaded, audio, options, cache=takes, progress=reporter.step,
                                         quote_voice=quoting, voices=voices, quote_voices=quote_voices)
            reporter.stage(f"writing {output}")
            with stage("export"):
                episode = Episode(script=script, audio=None, timeline=rendered.timeline, sample_rate=MIX_RATE)
                return export(episode, output, bitrate=options.bitrate, show=script.show,
                              loudness=options.loudness, cover=drawn.result(), encoded=audio)
        finally:
            audio.unlink(missing_ok=True)


def say(text: str, output: str | Path, options: EpisodeOptions | None = None, **overrides) -> Path:
    """One line of text, made speakable and said by the voice (with the show's pronunciations),
    to a WAV file: to try a pronunciation or a voice quickly. Returns the path written.
    """
    import wave

    from .audio.export import check_writable, staged
    from .voices import get_voice
    from .writing.pronounce import pronounced
    from .writing.speech import speakable

    options = _options(options, overrides)
    output = Path(output)
    if not text.strip():
        raise InputError("nothing to say: give the text to speak")
    check_writable(output)
    engine, voice_name = voice_specs(options)[0]
    voice = get_voice(engine, voice_name, speed=options.speed, lang=options.lang or "en", tld=options.tld)
    pcm = voice.synthesize(pronounced(speakable(text.strip()), options.pronunciations, voice))
    with staged(output) as tmp:
        with wave.open(str(tmp), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(voice.sample_rate)
            wav.writeframes(pcm)
    return output


def _options(options: EpisodeOptions | None, overrides: dict) -> EpisodeOptions:
    from dataclasses import fields, replace

    known = {f.name for f in fields(EpisodeOptions)}
    unknown = sorted(set(overrides) - known)
    if unknown:
        raise TypeError(f"unknown option(s): {', '.join(unknown)}")
    for name in ("templates", "cover"):
        if overrides.get(name) is not None:
            overrides[name] = str(overrides[name])
    return replace(options or EpisodeOptions(), **overrides)


def generated_cover(show: str, day: Date, cache=None) -> bytes:
    """The drawn cover for a show and date, kept beside the take cache (drawing takes a third of a second)."""
    import hashlib

    from .audio.cover import drawn_cover
    from .storage.folder import keep_file

    key = hashlib.sha256(f"cover-v2|{show}|{day.isoformat()}".encode()).hexdigest()[:32]
    path = cache.directory / "covers" / f"{key}.jpg" if cache is not None else None
    if path is not None and path.is_file():
        return path.read_bytes()
    jpeg = drawn_cover(show, day)
    if path is not None:
        keep_file(path, jpeg)
    return jpeg
