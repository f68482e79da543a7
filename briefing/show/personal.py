"""Personal briefings: one episode per listener, each story spoken once for all of them.

    stories ──summarize once, own length──▶ story segments ─┐
    listeners ──match topics/sources, fill minutes──────────┴▶ Script per listener

A story is summarized at its own length (`STORY_MINUTES`), never cut again per listener,
and announced the same way wherever it falls ("Next story: ..."), so its segments are the
same in every listener's script: spoken once (`voices.segments`), then mixed from the
take cache into each episode. A listener's minutes decide how many stories they get, not
how long each one is. Only the intro, which names the listener and lists their stories,
is theirs alone.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date as Date
from pathlib import Path
from typing import Any

from ..errors import BriefingError
from ..models import Article, EpisodeOptions, Listener, PersonalEpisode, Script, Segment

# Every story is summarized to about this much listening time, whoever hears it.
STORY_MINUTES = 0.75


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
        listeners.append(Listener(name=str(table["name"]).strip(), topics=tuple(topics), sources=tuple(sources),
                                  minutes=float(minutes) if minutes is not None else None,
                                  top_story=bool(table.get("top_story", True))))
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


def gather_stories(show_file: str | Path) -> list[Article]:
    """Every article of the show's `[[source]]` entries, in the order given (the first is the top story).

    Each article is credited to its source's `name`. A stand-in for the self-running show's
    fetch and selection (issue 11), which chooses what is new and groups sources; a personal
    plan takes whatever stories that gives it.
    """
    from ..pipeline import read

    path = Path(show_file)
    stories: list[Article] = []
    for entry in _show_data(path).get("source", []):
        url = str(entry.get("url", ""))
        if not url:
            raise BriefingError(f"{path}: a source without a url")
        if "://" not in url and not Path(url).is_absolute():
            url = str(path.parent / url)
        inputs = sorted(str(p) for p in Path(url).iterdir() if p.is_file()) if Path(url).is_dir() else [url]
        for article in read(inputs, latest=entry.get("latest")):
            stories.append(replace(article, source=str(entry.get("name") or article.source)))
    if not stories:
        raise BriefingError(f"{path}: no stories in the show's sources")
    return stories


def _lead(article: Article) -> str:
    first = next((s for s in article.sections if s.paragraphs), None)
    return first.paragraphs[0] if first else ""


def matches(listener: Listener, article: Article) -> bool:
    """Whether a story is one this listener follows: a topic in its title or lead, or one of their sources."""
    if article.source in listener.sources:
        return True
    text = f"{article.title} {_lead(article)}".lower()
    return any(re.search(r"\b" + re.escape(topic.lower()), text) for topic in listener.topics if topic.strip())


@dataclass(frozen=True)
class StorySegments:
    """One story as said to anyone who gets it: its announcement and its sections."""

    article: Article
    segments: tuple[Segment, ...]

    @property
    def words(self) -> int:
        return sum(len(s.text.split()) for s in self.segments)


def story_segments(article: Article, options: EpisodeOptions) -> StorySegments:
    """Summarize a story once, at its own length, and write it as position-free segments."""
    from ..pipeline import ANNOUNCEMENT_WORDS
    from ..voices import WORDS_PER_MINUTE
    from ..writing.script import write_script
    from ..writing.summarize import budget_for, summarize

    wpm = WORDS_PER_MINUTE.get(options.engine, 170.0) * options.speed
    overhead = ANNOUNCEMENT_WORDS * (1 + sum(1 for s in article.sections if s.heading))
    [budget] = budget_for([article.word_count], STORY_MINUTES, wpm, overhead)
    digest = summarize(article, budget)
    # Two copies of the story make write_script announce it; the second is announced in the
    # middle position ("Next story: ..."), the same wherever it falls in a listener's episode.
    middle = write_script([digest, digest, digest], show=options.show, templates=options.templates,
                          day=options.day)
    body = middle.segments[1:-1]  # without intro and outro
    starts = [i for i, s in enumerate(body) if s.kind == "article"]
    return StorySegments(article, tuple(body[starts[1]:starts[2]]))


def choose_for(listener: Listener, stories: list[StorySegments], *, minutes: float, words_per_minute: float,
               overhead_words: int) -> list[int]:
    """The indexes of the stories a listener gets, in the show's order: the top story (unless they
    opted out), then the ones they follow, while they fit their minutes (at least one)."""
    wanted = [i for i, story in enumerate(stories) if matches(listener, story.article)]
    if listener.top_story and stories and 0 not in wanted:
        wanted.insert(0, 0)
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

    env = environment(options.templates)
    language = stories[0].article.language
    title = f"{options.show} for {listener.name}: {day:%A} {day.day} {day:%B}"
    articles = [{"title": s.article.title, "headings": []} for s in stories]
    lines = _render(env, "intro.j2", show=options.show, date=spoken_date(day), title=title, articles=articles)
    lines += _render(env, "listener.j2", listener=listener.name, count=len(stories))
    intro = Segment("intro", "Introduction", _speakable_sentences(lines, language))
    outro_lines = _render(env, "outro.j2", show=options.show, date=spoken_date(day), title=title,
                          sources=[s.article.source for s in stories])
    outro = Segment("outro", "Closing", _speakable_sentences(outro_lines, language))
    segments = (intro, *(segment for story in stories for segment in story.segments), outro)
    return Script(title=title, show=options.show, date=day, segments=tuple(s for s in segments if s.sentences),
                  sources=tuple(s.article.source for s in stories), language=language)


@dataclass(frozen=True)
class PersonalPlan:
    """A run's personal briefings, written and ready to speak: a plain value a worker can receive."""

    show_file: str
    site: str
    day: Date
    options: EpisodeOptions
    episodes: tuple[PersonalEpisode, ...]

    def scripts(self) -> list[Script]:
        return [episode.script for episode in self.episodes]

    def to_dict(self) -> dict[str, Any]:
        return {"show_file": self.show_file, "site": self.site, "day": self.day.isoformat(),
                "options": self.options.to_dict(),
                "episodes": [{"listener": _listener_data(e.listener), "script": script_data(e.script),
                              "stories": list(e.stories)} for e in self.episodes]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "PersonalPlan":
        return cls(data["show_file"], data["site"], Date.fromisoformat(data["day"]),
                   EpisodeOptions.from_dict(data["options"]),
                   tuple(PersonalEpisode(_listener_from(e["listener"]), script_from_data(e["script"]),
                                         tuple(e["stories"])) for e in data["episodes"]))


def script_data(script: Script) -> dict[str, Any]:
    """A Script as JSON-able data, whole (Script.to_dict is the user-facing summary)."""
    return {"title": script.title, "show": script.show, "date": script.date.isoformat(),
            "language": script.language, "sources": list(script.sources),
            "segments": [[s.kind, s.title, list(s.sentences)] for s in script.segments]}


def script_from_data(data: dict[str, Any]) -> Script:
    return Script(title=data["title"], show=data["show"], date=Date.fromisoformat(data["date"]),
                  segments=tuple(Segment(kind, title, tuple(sentences)) for kind, title, sentences in data["segments"]),
                  sources=tuple(data["sources"]), language=data["language"])


def _listener_data(listener: Listener) -> dict[str, Any]:
    return {"name": listener.name, "topics": list(listener.topics), "sources": list(listener.sources),
            "minutes": listener.minutes, "top_story": listener.top_story}


def _listener_from(data: dict[str, Any]) -> Listener:
    return Listener(data["name"], tuple(data["topics"]), tuple(data["sources"]), data["minutes"], data["top_story"])


def show_options(show_file: str | Path, day: Date, **overrides) -> tuple[EpisodeOptions, str]:
    """The show's episode options and its site (relative to the show file) from the show file."""
    from ..show.config import find_settings

    path = Path(show_file)
    settings = find_settings(path)
    if settings is None:
        raise BriefingError(f"{path}: no such show file")
    table = _show_data(path).get("show", {})
    site = str(table.get("site") or "site")
    if "://" not in site and not Path(site).is_absolute():
        site = str(path.parent / site)
    options = EpisodeOptions(minutes=settings.minutes, show=settings.show, engine=settings.engine,
                             voice=settings.voice or None, bitrate=settings.bitrate, day=day,
                             music=bool(table.get("music", True)))
    return replace(options, **{k: v for k, v in overrides.items() if v is not None}), site


def plan_personal(show_file: str | Path, day: Date | None = None, *, stories: list[Article] | None = None,
                  **overrides) -> PersonalPlan:
    """Choose each listener's stories and write their scripts; nothing is spoken or published."""
    from ..pipeline import TEMPLATE_OVERHEAD_WORDS
    from ..voices import WORDS_PER_MINUTE

    day = day or Date.today()
    options, site = show_options(show_file, day, **overrides)
    listeners = load_listeners(show_file)
    if not listeners:
        raise BriefingError(f"{show_file}: no [[listener]] tables")
    stories = stories if stories is not None else gather_stories(show_file)
    written = [story_segments(article, options) for article in stories]
    wpm = WORDS_PER_MINUTE.get(options.engine, 170.0) * options.speed
    episodes = []
    for listener in listeners:
        chosen = [written[i] for i in choose_for(listener, written, minutes=options.minutes,
                                                 words_per_minute=wpm, overhead_words=TEMPLATE_OVERHEAD_WORDS)]
        if not chosen:
            continue  # nothing they follow, and no top story wanted
        script = listener_script(listener, chosen, options, day)
        episodes.append(PersonalEpisode(listener, script, tuple(s.article.title for s in chosen)))
    return PersonalPlan(str(show_file), site, day, options, tuple(episodes))
