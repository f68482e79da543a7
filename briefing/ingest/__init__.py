"""Readers: one per kind of source, each turning raw input into Articles.

`read_articles(source)` picks the reader from the source's form (a path's suffix,
"-" for standard input). A feed yields several Articles; a page or file yields one.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import InputError
from ..models import Article
from .decode import decode_bytes

MAX_INPUT_BYTES = 20 * 1024 * 1024


def read_bytes(source: str) -> bytes:
    """The raw bytes of a file path or of standard input ("-")."""
    if source == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        path = Path(source)
        if not path.exists():
            raise InputError(f"{source}: no such file")
        if path.is_dir():
            raise InputError(f"{source}: is a directory, not an article")
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_INPUT_BYTES + 1)
        except OSError as exc:
            raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{source}: larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB; not an article")
    return data


def read_articles(source: str, *, title: str | None = None) -> list[Article]:
    """Read one source into Articles (several for a feed)."""
    from . import markdown, text

    data = read_bytes(source)
    raw = decode_bytes(data, source)
    if not raw.strip():
        raise InputError(f"{source}: is empty")
    suffix = Path(source).suffix.lower() if source != "-" else ""
    if suffix in {".md", ".markdown"} or (suffix == "" and markdown.looks_like_markdown(raw)):
        article = markdown.parse(raw, source=source, title=title)
    else:
        article = text.parse(raw, source=source, title=title)
    return [article]
