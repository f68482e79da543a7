"""Digests to a spoken Script, written by Jinja2 templates.

The templates (`briefing/templates/*.j2`, overridable with `--templates DIR`)
write the intro, the announcement of each article and section, and the outro.
Every line they produce is split into sentences and made speakable, so the
Script holds exactly what the voice will say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date as Date
from functools import lru_cache
from pathlib import Path

from ..errors import BriefingError
from ..models import Digest, Script, Segment
from .speech import speakable
from .sentences import spoken_sentences

TEMPLATE_NAMES = ("intro.j2", "article.j2", "section.j2", "outro.j2", "hosts.j2", "handover.j2")
PACKAGE_TEMPLATES = Path(__file__).parent / "templates"


def spoken_date(day: Date) -> str:
    """"Wednesday, November 25th, 2026": a date as a presenter says it."""
    n = day.day
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{day:%A}, {day:%B} {n}{suffix}, {day.year}"


def _as_sentence(text: str) -> str:
    text = (text or "").strip()
    return text if not text or text[-1] in ".!?" else text + "."


def _join_and(items: Sequence[str]) -> str:
    items = [str(i).strip().rstrip(".!?:;") for i in items if str(i).strip()]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + (", and " if len(items) > 2 else " and ") + items[-1]


# Words that say nothing of a name: sharing them ("the", "your") is not repeating it.
_FUNCTION_WORDS = frozenset(
    "a an and at by for from in is it it's of on or our that's the this to we with you you're you've your".split()
)


def _content_words(text: str) -> set[str]:
    words = (w.lower().replace("’", "'") for w in re.findall(r"[\w'’]+", str(text)))
    return {w.removesuffix("'s").rstrip("s") for w in words if w not in _FUNCTION_WORDS}


def _unlike(options: Sequence[str], *names: str) -> str:
    """The first of `options` that shares no word with `names` (else the one sharing fewest).

    Lets a template say "your briefing" unless the show is called "The Briefing".
    """
    taken = set().union(*(_content_words(n) for n in names)) if names else set()
    return min(options, key=lambda option: len(_content_words(option) & taken))


def environment(templates: str | Path | None = None):
    """A sandboxed Jinja2 environment: user templates cannot reach Python internals.

    One per templates folder and process: compiling the templates again for every script
    cost more than rendering them (a run writes one script per listener). Jinja reloads a
    template whose file changed.
    """
    if templates is not None and not Path(templates).is_dir():
        raise BriefingError(f"--templates {templates}: not a directory")
    return _environment(str(templates) if templates is not None else None)


@lru_cache(maxsize=4)
def _environment(templates: str | None):
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    loaders = []
    if templates is not None:
        loaders.append(FileSystemLoader(templates))
    loaders.append(FileSystemLoader(str(PACKAGE_TEMPLATES)))
    env = SandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        autoescape=False,  # plain spoken text, never HTML
        undefined=StrictUndefined,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["sentence"] = _as_sentence
    env.filters["join_and"] = _join_and
    env.filters["unlike"] = _unlike
    return env


def _render(env, name: str, **context) -> list[str]:
    """Render a template; each non-empty line of the output is said as written."""
    from jinja2 import TemplateError

    try:
        text = env.get_template(name).render(**context)
    except TemplateError as exc:
        where = f" line {exc.lineno}" if getattr(exc, "lineno", None) else ""
        raise BriefingError(f"template {name}{where}: {exc.message or exc}") from None
    except Exception as exc:  # a sandbox violation or a failing filter in a user template
        raise BriefingError(f"template {name}: {exc}") from None
    return [line.strip() for line in text.splitlines() if line.strip()]


def _speakable_sentences(lines: Sequence[str], language: str) -> tuple[str, ...]:
    out: list[str] = []
    for line in lines:
        for sentence in spoken_sentences(line, language):
            spoken = speakable(sentence, language=language)
            if any(ch.isalnum() for ch in spoken):
                out.append(spoken)
    return tuple(out)


def write_script(
    digests: Sequence[Digest],
    *,
    show: str = "Briefing",
    title: str | None = None,
    day: Date | None = None,
    templates: str | Path | None = None,
    hosts: Sequence[str] = (),
    credits: Sequence[Sequence[str]] | None = None,
    format: str = "digest",
) -> Script:
    """Write the spoken script for one or more digested articles.

    With two or more `hosts` (their names), the first opens, closes and announces the
    stories; the stories (or, in a one-article episode, its sections) alternate between
    the hosts, each introduced by a hand-over (`handover.j2`) from the host who spoke last.
    Every segment then names its speaker. `credits` (the self-running show) names the sources
    that reported each article: every article is then announced, even a single one, and
    credited ("Reported by A and B."). `format` (digest, brief, full) is given to the templates:
    a brief's stories are not listed in the intro nor announced.
    """
    hosts = tuple(hosts) if len(hosts) > 1 else ()
    if not digests:
        raise BriefingError("nothing to say: no articles")
    env = environment(templates)
    day = day or Date.today()
    language = digests[0].article.language
    title = title or (digests[0].article.title if len(digests) == 1 else f"{show}: {len(digests)} stories")
    articles = [
        {"title": d.article.title, "headings": [s.heading for s in d.sections if s.heading and s.sentences]}
        for d in digests
    ]
    segments: list[Segment] = []
    opener = hosts[0] if hosts else None
    intro = _render(env, "intro.j2", show=show, date=spoken_date(day), title=title, articles=articles, format=format)
    if hosts:
        intro += _render(env, "hosts.j2", hosts=list(hosts))
    segments.append(Segment("intro", "Introduction", _speakable_sentences(intro, language), opener))
    cast = _Cast(env, hosts, language)
    several = len(digests) > 1
    for ai, digest in enumerate(digests):
        last_story = ai == len(digests) - 1
        announced_to = None  # the host the announcement already handed the story to
        if several or credits is not None:
            lines = _render(
                env, "article.j2", title=digest.article.title, index=ai, count=len(digests),
                first=ai == 0, last=last_story and several,
                credits=list(credits[ai]) if credits is not None else [], format=format,
            )
            reader = cast.reader(ai)
            if reader is not None and reader != opener:
                # The opener announces the story and hands it over in one breath.
                lines += cast.handover(to=reader, by=opener, topic=None, last=False)
                announced_to = reader
            segments.append(Segment("article", digest.article.title, _speakable_sentences(lines, language), opener))
            cast.speaking = opener
        spoken = [s for s in digest.sections if s.sentences]
        headed = [s for s in spoken if s.heading]
        for si, section in enumerate(spoken):
            position = headed.index(section) if section.heading else -1
            title_here = section.heading or digest.article.title
            reader = cast.reader(ai) if several else cast.reader(si)
            handed_over = si == 0 and reader is not None and reader == announced_to
            if reader is not None and reader != cast.speaking and not handed_over:
                topic = section.heading  # a lead has none: "Joe, what's the story?"
                lines = cast.handover(to=reader, by=cast.speaking, topic=topic,
                                      last=last_story and si == len(spoken) - 1 and si > 0)
                segments.append(Segment("handover", title_here, _speakable_sentences(lines, language),
                                        cast.speaking))
                handed_over = True
            lines = _render(
                env,
                "section.j2",
                heading=section.heading,
                sentences=list(section.sentences),
                index=position,
                count=len(headed),
                first=position == 0,
                last=position == len(headed) - 1 and len(headed) > 1,
                handed_over=handed_over,
            )
            segments.append(Segment("section", title_here, _speakable_sentences(lines, language), reader))
            cast.speaking = reader
    outro = _render(env, "outro.j2", show=show, date=spoken_date(day), title=title,
                    sources=[d.article.source for d in digests])
    if hosts and cast.speaking != opener:
        lines = cast.handover(to=opener, by=cast.speaking, topic=None, last=False)
        segments.append(Segment("handover", "Closing", _speakable_sentences(lines, language), cast.speaking))
    segments.append(Segment("outro", "Closing", _speakable_sentences(outro, language), opener))
    return Script(
        title=title,
        show=show,
        date=day,
        segments=tuple(s for s in segments if s.sentences),
        sources=tuple(d.article.source for d in digests),
        language=language,
        hosts=hosts,
    )


class _Cast:
    """Who reads what in a show with several hosts, and the hand-overs between them."""

    def __init__(self, env, hosts: tuple[str, ...], language: str):
        self.env = env
        self.hosts = hosts
        self.language = language
        self.speaking = hosts[0] if hosts else None
        self.handovers = 0

    def reader(self, unit: int) -> str | None:
        """The host of the `unit`th story or section: the second host first, then in turn."""
        return self.hosts[(unit + 1) % len(self.hosts)] if self.hosts else None

    def handover(self, *, to: str, by: str | None, topic: str | None, last: bool, back: bool = False) -> list[str]:
        lines = _render(self.env, "handover.j2", to=to, by=by, topic=(topic or "").strip().rstrip(".?!") or None,
                        index=self.handovers, last=last, back=back or to == self.hosts[0])
        self.handovers += 1
        return lines
