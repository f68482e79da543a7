"""The prompt: a system message and the story with its numbered source sentences, written by
Jinja2 templates (`writer_system.j2`, `writer_story.j2`) that `--templates` can override."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Host:
    name: str
    persona: str | None = None


def messages(*, format: str, hosts: Sequence[Host], focus: str | None, show: str, language: str, words: int,
             title: str, sources: Sequence[str], templates=None) -> list[dict]:
    """The chat messages for one story; `sources` are numbered from 1 in the order given."""
    from ..script import _render, environment

    env = environment(templates)
    turns = 1 if format == "brief" else max(len(hosts) * 2, min(16, round(words / 30)))
    context = {"format": format, "hosts": [{"name": h.name, "persona": h.persona} for h in hosts],
               "focus": focus, "show": show, "language": language, "words": words, "turns": turns, "title": title,
               "sources": [{"id": i, "text": text} for i, text in enumerate(sources, 1)]}
    system = "\n".join(_render(env, "writer_system.j2", **context))
    story = "\n".join(_render(env, "writer_story.j2", **context))
    return [{"role": "system", "content": system}, {"role": "user", "content": story}]


def repair_message(why: str) -> dict:
    """The one request to mend a reply that could not be used."""
    return {"role": "user", "content": f"That reply could not be used: {why}. Answer again with JSON only, "
                                       "exactly in the form asked for, with fewer and shorter turns if needed."}
