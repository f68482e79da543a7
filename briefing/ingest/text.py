"""Plain text: headings found as a reader finds them (see briefing.ingest.article)."""

from __future__ import annotations

from .article import derive_title, sections_from_blocks, split_blocks
from ..errors import InputError
from ..models import Article


def parse(raw: str, *, source: str, title: str | None = None) -> Article:
    found_title, sections = sections_from_blocks(split_blocks(raw))
    if not sections:
        raise InputError(f"{source}: no article text found")
    return Article(
        title=title or found_title or derive_title(sections),
        source=source,
        sections=sections,
    )
