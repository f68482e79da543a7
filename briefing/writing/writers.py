"""Writers: what turns digested stories into the spoken Script, behind one small protocol.

    extractive  the summarizer's own sentences in the templates (offline; the default and the fallback)
    llm         any OpenAI-compatible chat endpoint writes each story (a conversation, a digest, a
                brief), held to the grounding rule; a story it cannot write is the extractive one

`get_writer(options)` picks by `options.writer` (an endpoint URL means the model); every
executor (`make`, `script`, `run`, the cluster's plan) writes through `write`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import date as Date
from typing import Protocol

from ..models import Digest, EpisodeOptions, Script

from .formats import EXTRACTIVE_FORMATS, FORMATS  # noqa: F401  (FORMATS: what `--format` takes)

WRITER_NAMES = ("extractive", "llm")


class Writer(Protocol):
    name: str

    def write(self, digests: Sequence[Digest], options: EpisodeOptions, *, title: str | None, day: Date | None,
              credits: Sequence[Sequence[str]] | None = None) -> Script:
        """The spoken script of `digests` (one per story, in order)."""


class ExtractiveWriter:
    """Today's writer: the chosen sentences, announced and handed over by the templates."""

    name = "extractive"

    def write(self, digests, options, *, title, day, credits=None) -> Script:
        from ..pipeline import host_names
        from .script import write_script

        return write_script(digests, show=options.show, title=title, day=day, templates=options.templates,
                            hosts=host_names(options), credits=credits, format=written_format(options.format))


class ModelWriter:
    """A language model at an OpenAI-compatible endpoint (`briefing.writing.llm`)."""

    name = "llm"

    def __init__(self, stage: Callable[[str], None] | None = None, warn: Callable[[str], None] | None = None):
        self.stage = stage or (lambda message: None)
        self.warn = warn or _warn

    def write(self, digests, options, *, title, day, credits=None) -> Script:
        from .llm.writer import write_with_model

        return write_with_model(digests, options, title=title, day=day, credits=credits, stage=self.stage,
                                warn=self.warn)


def get_writer(options: EpisodeOptions, *, stage: Callable[[str], None] | None = None,
               warn: Callable[[str], None] | None = None) -> Writer:
    """The model when `options.writer` names an endpoint, else the extractive writer."""
    from ..errors import InputError

    if options.format not in FORMATS:
        raise InputError(f"--format {options.format}: give one of {', '.join(FORMATS)}")
    if options.format == "conversation" and not options.writer:
        raise InputError("--format conversation: a language model writes the hosts' conversation: give its "
                         "endpoint (--writer http://localhost:11434/v1, or [writer] url in the show file)")
    if options.writer:
        if not options.writer.startswith(("http://", "https://")):
            raise InputError(f"--writer {options.writer}: give the endpoint's http:// or https:// URL "
                             "(e.g. http://localhost:11434/v1)")
        from .llm.writer import hosts_of

        hosts_of(options)  # 2 to 4 hosts for a conversation
        return ModelWriter(stage, warn)
    return ExtractiveWriter()


def write(digests: Sequence[Digest], options: EpisodeOptions, *, title: str | None = None, day: Date | None = None,
          credits: Sequence[Sequence[str]] | None = None, stage: Callable[[str], None] | None = None,
          warn: Callable[[str], None] | None = None) -> Script:
    """The script of `digests`, by the writer `options` asks for."""
    return get_writer(options, stage=stage, warn=warn).write(digests, options, title=title, day=day, credits=credits)


def written_format(format: str) -> str:
    """The format the extractive templates write: a conversation's fallback is a digest."""
    return format if format in EXTRACTIVE_FORMATS else "digest"


def _warn(message: str) -> None:
    print(f"briefing: warning: {message}", file=sys.stderr, flush=True)
