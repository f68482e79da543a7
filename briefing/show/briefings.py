"""Personal briefings made and published: the stages every executor calls.

    plan_personal ─▶ speak_segment (each distinct segment, once) ─▶ produce_personal (each listener)

`run_personal` runs them here, one after another; the cluster (`briefing.cluster`) runs the
very same functions as Celery tasks, the segments fanned out across workers. Producing an
episode only mixes and encodes from the take cache, then publishes it to the listener's feed
under a key made of the day and the listener, so producing it twice updates the same
episode and never adds a second one.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from ..models import Listener
from .personal import PersonalPlan, plan_personal

LISTENERS_DIR = "listeners"


def listener_site(site: str | Path, listener: Listener) -> Path:
    """Where a listener's own feed lives: a site of its own inside the show's site."""
    from ..publish.site import slug

    return Path(site) / LISTENERS_DIR / slug(listener.name)


@dataclass(frozen=True)
class Produced:
    listener: str
    feed: str
    episode_key: str
    duration: float


def produce_personal(plan: PersonalPlan, index: int, *, reporter=None) -> Produced:
    """Mix, encode and publish one listener's episode (its segments come from the take cache)."""
    from ..pipeline import render_script
    from ..publish import publish
    from ..publish.site import slug
    from .config import find_settings

    episode = plan.episodes[index]
    settings = find_settings(plan.show_file)
    if settings is not None:
        from dataclasses import replace

        settings = replace(settings, show=f"{settings.show} for {episode.listener.name}")
    with tempfile.TemporaryDirectory(prefix="briefing-episode-") as work:
        output = Path(work) / f"{slug(episode.listener.name)}.mp3"
        files = render_script(episode.script, output, plan.options, reporter=reporter)
        published = publish(files.mp3, listener_site(plan.site, episode.listener), settings=settings)
    return Produced(episode.listener.name, published.feed_url, published.episode.key, files.duration)


@dataclass(frozen=True)
class PersonalRun:
    plan: PersonalPlan
    segments: int  # distinct segments in the run
    spoken: int  # segments that had to be synthesized (the rest were in the cache)
    produced: tuple[Produced, ...]


def run_personal(show_file: str | Path, day: Date | None = None, *,
                 progress: Callable[[str], None] | None = None, **overrides) -> PersonalRun:
    """Plan, speak each distinct segment once, then produce every listener's episode, here."""
    from ..voices.cache import TakeCache
    from ..voices.segments import distinct_segments, speak_segment

    say = progress or (lambda message: None)
    plan = plan_personal(show_file, day, **overrides)
    segments = distinct_segments(plan.scripts())
    say(f"{len(plan.episodes)} listeners, {len(segments)} distinct segments")
    cache = TakeCache() if plan.options.cache else None
    spoken = 0
    if cache is not None:
        for number, (segment, language) in enumerate(segments, 1):
            result = speak_segment(segment, plan.options, language, cache)
            spoken += result.synthesized > 0
            say(f"[{number}/{len(segments)}] spoke {segment.title or segment.kind}"
                + (" (cached)" if not result.synthesized else ""))
    produced = []
    for index, episode in enumerate(plan.episodes):
        produced.append(produce_personal(plan, index))
        say(f"published {episode.listener.name}'s briefing ({len(episode.stories)} stories)")
    return PersonalRun(plan, len(segments), spoken, tuple(produced))
