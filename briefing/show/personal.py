"""Personal briefings: one episode per listener, each story spoken once for all of them.

    stories ──summarize once, own length──▶ story segments ─┐
    listeners ──match topics/sources, fill minutes──────────┴▶ Script per listener

The run's fetch, memory and ranking (`show.run.plan_run`) give the stories; this module
gives each listener theirs. A story is summarized at its own length (`STORY_MINUTES`),
never cut again per listener,
and announced the same way wherever it falls ("Next story: ..."), so its segments are the
same in every listener's script: spoken once (`voices.segments`), then mixed from the
take cache into each episode. A listener's minutes decide how many stories they get, not
how long each one is. Only the line of the intro that names the listener and lists their
stories is theirs alone: a small segment of its own, after the show's opening line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date as Date
from pathlib import Path
from typing import Any

from ..errors import BriefingError
from ..models import Article, EpisodeOptions, Listener, PlannedEpisode, Script, Segment, Story

# Every story is summarized to about this much listening time, whoever hears it.
STORY_MINUTES = 0.75
from ..publish.listeners import PERSONAL_DIR as LISTENERS_DIR  # SITE/listeners/NAME/: each listener's own feed


def load_listeners(show_file: str | Path) -> list[Listener]:
    """The `[[listener]]` tables of a show file."""
    data = _show_data(show_file)
    listeners = []
    for number, table in enumerate(data.get("listener", []), 1):
        if not isinstance(table, dict) or not str(table.get("name", "")).strip():
            raise BriefingError(f"{show_file}: listener {number} needs a name")
        minutes = table.get("minutes")
        if minutes is not None and (isinstance(minutes, bool) or not isinstance(minutes, (int, float)) or minutes <= 0):
            raise BriefingError(f"{show_file}: listener {table['name']}: minutes should be a positive number")
        topics, sources = table.get("topics", []), table.get("sources", [])
        if not all(isinstance(x, str) for x in [*topics, *sources]):
            raise BriefingError(f"{show_file}: listener {table['name']}: topics and sources are lists of strings")
        format = table.get("format")
        if format is not None:
            from ..writing.formats import FORMATS

            if format not in FORMATS:
                raise BriefingError(f"{show_file}: listener {table['name']}: format {format!r}: choose one of "
                                    f"{', '.join(FORMATS)}")
        listeners.append(Listener(name=str(table["name"]).strip(), topics=tuple(topics), sources=tuple(sources),
                                  minutes=float(minutes) if minutes is not None else None,
                                  top_story=bool(table.get("top_story", True)), format=format))
    names = [listener.name for listener in listeners]
    if len(set(names)) != len(names):
        raise BriefingError(f"{show_file}: two listeners share a name")
    return listeners


def _show_data(show_file: str | Path) -> dict[str, Any]:
    path = Path(show_file)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BriefingError(f"{path}: no such show file") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BriefingError(f"{path}: not a valid show file ({exc})") from None


def _lead(article: Article) -> str:
    first = next((s for s in article.sections if s.paragraphs), None)
    return first.paragraphs[0] if first else ""


def matches(listener: Listener, story: Story) -> bool:
    """Whether a story is one this listener follows: one of their sources carried it, or a topic
    appears in its title or lead."""
    if set(story.sources) & set(listener.sources):
        return True
    text = f"{story.title} {_lead(story.article)}".lower()
    return any(re.search(r"\b" + re.escape(topic.lower()), text) for topic in listener.topics if topic.strip())


@dataclass(frozen=True)
class StorySegments:
    """One story as said to anyone who gets it: its announcement and its sections."""

    story: Story
    segments: tuple[Segment, ...]

    @property
    def words(self) -> int:
        return sum(len(s.text.split()) for s in self.segments)


def story_segments(story: Story, options: EpisodeOptions) -> StorySegments:
    """Summarize a story once, at its own length, and write it as position-free segments."""
    from ..pipeline import ANNOUNCEMENT_WORDS
    from ..voices import WORDS_PER_MINUTE
    from ..writing.script import write_script
    from ..writing.formats import digests_for, story_words
    from ..writing.summarize import budget_for

    article = story.article
    wpm = WORDS_PER_MINUTE.get(options.engine, 170.0) * options.speed
    overhead = ANNOUNCEMENT_WORDS * (1 + sum(1 for s in article.sections if s.heading))
    [budget] = budget_for([article.word_count], STORY_MINUTES, wpm, overhead)
    if options.format == "brief":  # a bulletin's story, as long as one of five in a minute
        budget = story_words(options.format, wpm)
    [digest] = digests_for([article], [budget], options.format, wpm)
    # Two copies of the story make write_script announce it; the second is announced in the
    # middle position ("Next story: ..."), the same wherever it falls in a listener's episode.
    middle = write_script([digest, digest, digest], show=options.show, templates=options.templates,
                          day=options.day, credits=[story.sources] * 3, format=options.format)
    body = middle.segments[1:-1]  # without intro and outro
    starts = [i for i, s in enumerate(body) if s.kind == "article"]
    return StorySegments(story, tuple(body[starts[1]:starts[2]]))


def choose_for(listener: Listener, stories: list[StorySegments], *, minutes: float, words_per_minute: float,
               overhead_words: int, top: int | None = 0) -> list[int]:
    """The indexes of the stories a listener gets, in the show's order: the top story (`top`,
    unless they opted out), then the ones they follow, while they fit their minutes."""
    wanted = [i for i, story in enumerate(stories) if matches(listener, story.story)]
    if listener.top_story and top is not None and top < len(stories) and top not in wanted:
        wanted.insert(0, top)
    budget = (listener.minutes or minutes) * words_per_minute - overhead_words
    chosen: list[int] = []
    used = 0
    for index in wanted:
        if chosen and used + stories[index].words > budget:
            continue
        chosen.append(index)
        used += stories[index].words
    return chosen


def listener_script(listener: Listener, stories: list[StorySegments], options: EpisodeOptions,
                    day: Date) -> Script:
    """One listener's script: their intro, their stories' shared segments, the show's outro."""
    from ..writing.script import _render, _speakable_sentences, environment, spoken_date
    from .stories import episode_title

    env = environment(options.templates)
    language = stories[0].story.article.language
    title = episode_title(day, stories[0].story.title)  # as the show's own episodes are titled
    lines = _render(env, "listener_intro.j2", show=options.show, date=spoken_date(day), listener=listener.name,
                    titles=[s.story.title for s in stories])
    # The first line opens the show under the music, the same for every listener (one segment,
    # spoken, levelled and encoded once); the lines after it are the listener's own small segment.
    opening = Segment("intro", "Introduction", _speakable_sentences(lines[:1], language))
    own = Segment("intro", "Introduction", _speakable_sentences(lines[1:], language))
    outro_lines = _render(env, "outro.j2", show=options.show, date=spoken_date(day), title=title,
                          sources=[source for s in stories for source in s.story.sources])
    outro = Segment("outro", "Closing", _speakable_sentences(outro_lines, language))
    segments = (opening, own, *(segment for story in stories for segment in story.segments), outro)
    return Script(title=title, show=options.show, date=day, segments=tuple(s for s in segments if s.sentences),
                  sources=tuple(dict.fromkeys(source for s in stories for source in s.story.sources)),
                  language=language)


def listener_site(site: str | Path, listener: str) -> Path | str:
    """Where a listener's own feed lives: a site of its own inside the show's site (a folder,
    or a prefix in the show's bucket)."""
    from ..publish.site import slug

    if isinstance(site, str) and ":/" in site:
        return f"{site.rstrip('/')}/{LISTENERS_DIR}/{slug(listener)}"
    return Path(site) / LISTENERS_DIR / slug(listener)


def listener_address(show_address: str, listener: str) -> str:
    """The public address of a listener's own site, under the show's."""
    from ..publish.site import slug

    return f"{show_address.rstrip('/')}/{LISTENERS_DIR}/{slug(listener)}/"


def personal_episodes(listeners: list[Listener], stories: list[Story], options: EpisodeOptions, day: Date,
                      site: str | Path) -> tuple[PlannedEpisode, ...]:
    """One planned episode per listener with something to hear, from the run's ranked stories.

    What a listener already heard is what their own feed's catalog covered, so each listener
    gets what is new to them; a story's segments are the same for all who get it.
    """
    from ..pipeline import TEMPLATE_OVERHEAD_WORDS
    from ..voices import WORDS_PER_MINUTE
    from .memory import Memory
    from .run import next_key

    wpm = WORDS_PER_MINUTE.get(options.engine, 170.0) * options.speed
    # each story summarized and written once per format, when first needed
    written: dict[tuple[int, str], StorySegments] = {}
    episodes = []
    for listener in listeners:
        own = listener_site(site, listener.name)
        memory = Memory.load(own)
        fresh = [i for i, story in enumerate(stories) if not any(memory.covered(m) for m in story.mentions)]
        own_options = replace(options, format=listener.format or options.format)
        for i in fresh:
            if (i, own_options.format) not in written:
                written[(i, own_options.format)] = story_segments(stories[i], own_options)
        theirs = {i: written[(i, own_options.format)] for i in fresh}
        chosen = choose_for(listener, [theirs[i] for i in fresh], minutes=options.minutes,
                            words_per_minute=wpm, overhead_words=TEMPLATE_OVERHEAD_WORDS,
                            top=0 if fresh and fresh[0] == 0 else None)
        if not chosen:
            continue  # nothing new they follow
        told = [theirs[fresh[i]] for i in chosen]
        script = listener_script(listener, told, options, day)
        key = next_key(own, day, f"{options.show} {listener.name}")
        episodes.append(PlannedEpisode(key, script, tuple((s.story.title, s.story.mentions) for s in told),
                                       listener=listener.name))
    return tuple(episodes)
