"""The Python API: the same functions the CLI calls, one per command.

    from briefing import make_episode
    files = make_episode(["article.txt"], "episode.mp3")
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from .errors import InputError
from .models import Article, Digest, EpisodeFiles, Script
from .timing import stage

# Words the templates add around the articles (intro, announcements, outro), for budgeting.
TEMPLATE_OVERHEAD_WORDS = 45
ANNOUNCEMENT_WORDS = 5


@dataclass
class Reporter:
    """Where the pipeline says what it is doing; the CLI plugs in a progress bar."""

    stage: Callable[[str], None] = lambda message: None
    step: Callable[[int, int, str], None] = lambda done, total, label: None


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


def digest(articles: Sequence[Article], *, minutes: float, words_per_minute: float) -> list[Digest]:
    """Summarize each article within its share of the listening time."""
    from .summarize import budget_for, summarize

    if minutes <= 0:
        raise InputError(f"--minutes {minutes}: must be more than zero")
    overhead = TEMPLATE_OVERHEAD_WORDS + sum(
        ANNOUNCEMENT_WORDS * (1 + sum(1 for s in a.sections if s.heading)) for a in articles
    )
    budgets = budget_for([a.word_count for a in articles], minutes, words_per_minute, overhead)
    return [summarize(a, b) for a, b in zip(articles, budgets)]


def make_script(
    inputs: Sequence[str],
    *,
    minutes: float = 3.0,
    show: str = "The Briefing",
    title: str | None = None,
    templates: str | Path | None = None,
    engine: str = "piper",
    speed: float = 1.0,
    day: Date | None = None,
    reporter: Reporter | None = None,
    latest: int | None = None,
) -> Script:
    """Inputs to the spoken script, without loading any voice."""
    from .script import write_script
    from .voices import WORDS_PER_MINUTE

    reporter = reporter or Reporter()
    reporter.stage("reading " + ", ".join(inputs))
    with stage("ingest"):
        articles = read(inputs, title=title, latest=latest)
    reporter.stage(f"summarizing {len(articles)} article{'s' * (len(articles) != 1)}")
    wpm = WORDS_PER_MINUTE.get(engine, 170.0) * speed
    with stage("summarize"):
        digests = digest(articles, minutes=minutes, words_per_minute=wpm)
    with stage("script"):
        return write_script(digests, show=show, title=title, day=day, templates=templates)


def make_episode(
    inputs: Sequence[str],
    output: str | Path,
    *,
    engine: str = "piper",
    voice: str | None = None,
    minutes: float = 3.0,
    title: str | None = None,
    show: str = "The Briefing",
    bitrate: int = 96,
    cache: bool = True,
    templates: str | Path | None = None,
    speed: float = 1.0,
    lang: str | None = None,
    tld: str | None = None,
    day: Date | None = None,
    reporter: Reporter | None = None,
    latest: int | None = None,
    loudness: float = -16.0,
    cover: str | Path | None = None,
    music: bool = True,
    quote_voice: str | None = None,
) -> EpisodeFiles:
    """Inputs to OUT.mp3 with its sidecars. Returns what was written.

    `loudness` is the integrated target in LUFS (true peaks stay under -1 dBTP); `cover` a
    square-ish image for the episode (default: one drawn with the show's name and date);
    `music=False` leaves out the stings and the bed under the intro.
    """
    from .cover import cover_jpeg
    from .export import check_writable, export
    from .loudness import check_target, encoder_gain
    from .language import check_voice_language
    from .mix import mix
    from .speak import speak
    from .voices import get_voice
    from .voices.cache import TakeCache

    reporter = reporter or Reporter()
    check_writable(Path(output))
    check_target(loudness)
    # A user's image is checked (and prepared) now, so a bad one fails before any synthesis.
    art = cover_jpeg(cover, show=show, day=Date.today()) if cover is not None else None
    script = make_script(inputs, minutes=minutes, show=show, title=title, templates=templates,
                         engine=engine, speed=speed, day=day, reporter=reporter, latest=latest)
    loaded = get_voice(engine, voice, speed=speed, lang=lang or (script.language if engine == "gtts" else None),
                       tld=tld)
    check_voice_language(loaded, script.language)
    quoting = None
    if quote_voice:
        from .voices import get_quote_voice

        quoting = get_quote_voice(quote_voice, loaded, speed=speed)
    sentences = sum(len(s.sentences) for s in script.segments)
    reporter.stage(f"speaking {sentences} sentences with {loaded.engine} ({loaded.name})")
    with stage("synthesize"):
        takes = speak(script, loaded, TakeCache() if cache else None, progress=reporter.step, quote_voice=quoting)
    reporter.stage("mixing")
    with stage("mix"):
        episode = mix(script, takes, loudness=loudness, encoder_gain_db=encoder_gain(bitrate), bed=music,
                      intro_sting="intro.wav" if music else None, outro_sting="outro.wav" if music else None)
    reporter.stage(f"encoding {output}")
    with stage("export"):
        art = art or cover_jpeg(None, show=show, day=script.date)
        return export(episode, output, bitrate=bitrate, show=show, loudness=loudness, cover=art)
