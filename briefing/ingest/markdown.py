"""Markdown: `#` headings become sections; markup is reduced to the words read aloud."""

from __future__ import annotations

import re

from .article import derive_title, is_sign_off, normalize_whitespace
from ..errors import InputError
from ..models import Article, Section

_MD_HINT = re.compile(r"^(#{1,6} \S|\s*[-*] \S|```|>\s)", re.MULTILINE)


def looks_like_markdown(raw: str) -> bool:
    return bool(re.search(r"^#{1,6} \S", raw, re.MULTILINE))


def parse(raw: str, *, source: str, title: str | None = None) -> Article:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(raw)
    found_title: str | None = None
    sections: list[Section] = []
    heading: str | None = None
    paragraphs: list[str] = []
    top_level = min((int(t.tag[1]) for t in tokens if t.type == "heading_open"), default=1)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            level = int(tok.tag[1])
            text = _inline_text(tokens[i + 1])
            if level == top_level and found_title is None and not sections and not paragraphs and heading is None:
                found_title = text
            else:
                if paragraphs:
                    sections.append(Section(heading, tuple(paragraphs)))
                heading, paragraphs = text, []
            i += 3
            continue
        if tok.type == "inline" and tokens[i - 1].type == "paragraph_open":
            text = _inline_text(tok)
            if text:
                paragraphs.append(text)
        elif tok.type in {"fence", "code_block"}:
            pass  # code is not read aloud
        i += 1
    if paragraphs:
        sections.append(Section(heading, tuple(paragraphs)))
    while sections and sections[-1].paragraphs and is_sign_off(sections[-1].paragraphs[-1]):
        last = sections.pop()
        if len(last.paragraphs) > 1:
            sections.append(Section(last.heading, last.paragraphs[:-1]))
    if not sections:
        raise InputError(f"{source}: no article text found")
    return Article(title=title or found_title or derive_title(sections), source=source, sections=tuple(sections))


def _inline_text(token) -> str:
    """The words of an inline token: link text kept, URLs, images and code markers dropped."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append(" ")
    return normalize_whitespace("".join(parts))
