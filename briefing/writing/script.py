"""Digests to a spoken Script, written by Jinja2 templates.

The templates (`briefing/templates/*.j2`, overridable with `--templates DIR`)
write the intro, the announcement of each article and section, and the outro.
Every line they produce is split into sentences and made speakable, so the
Script holds exactly what the voice will say.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date as Date
from pathlib import Path

from ..errors import BriefingError
from ..models import Digest, Script, Segment
from .speech import speakable
from .summarize import split_sentences

TEMPLATE_NAMES = ("intro.j2", "article.j2", "section.j2", "outro.j2")
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
    items = [str(i).strip().rstrip(".") for i in items if str(i).strip()]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + (", and " if len(items) > 2 else " and ") + items[-1]


def environment(templates: str | Path | None = None):
    """A sandboxed Jinja2 environment: user templates cannot reach Python internals."""
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    loaders = []
    if templates is not None:
        path = Path(templates)
        if not path.is_dir():
            raise BriefingError(f"--templates {templates}: not a directory")
        loaders.append(FileSystemLoader(str(path)))
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
        for sentence in split_sentences(line, language):
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
    credits: Sequence[Sequence[str]] | None = None,
) -> Script:
    """Write the spoken script for one or more digested articles.

    `credits` (the self-running show) names the sources that reported each article: every
    article is then announced, even a single one, and credited ("Reported by A and B.").
    """
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
    intro = _render(env, "intro.j2", show=show, date=spoken_date(day), title=title, articles=articles)
    segments.append(Segment("intro", "Introduction", _speakable_sentences(intro, language)))
    for ai, digest in enumerate(digests):
        if len(digests) > 1 or credits is not None:
            lines = _render(
                env, "article.j2", title=digest.article.title, index=ai, count=len(digests),
                first=ai == 0, last=ai == len(digests) - 1 and len(digests) > 1,
                credits=list(credits[ai]) if credits is not None else [],
            )
            segments.append(Segment("article", digest.article.title, _speakable_sentences(lines, language)))
        spoken = [s for s in digest.sections if s.sentences]
        headed = [s for s in spoken if s.heading]
        for section in spoken:
            position = headed.index(section) if section.heading else -1
            lines = _render(
                env,
                "section.j2",
                heading=section.heading,
                sentences=list(section.sentences),
                index=position,
                count=len(headed),
                first=position == 0,
                last=position == len(headed) - 1 and len(headed) > 1,
            )
            segments.append(
                Segment("section", section.heading or digest.article.title, _speakable_sentences(lines, language))
            )
    outro = _render(env, "outro.j2", show=show, date=spoken_date(day), title=title,
                    sources=[d.article.source for d in digests])
    segments.append(Segment("outro", "Closing", _speakable_sentences(outro, language)))
    return Script(
        title=title,
        show=show,
        date=day,
        segments=tuple(s for s in segments if s.sentences),
        sources=tuple(d.article.source for d in digests),
        language=language,
    )
