"""Finding an article's structure in plain text, the way a reader does.

A heading is a short, title-like line standing between paragraphs that does not
end like a sentence (a question mark may end one: "What's Next?"). Text before
the first heading is the lead, a section without a heading. A closing sign-off
("Stay tuned...") is not part of the story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..models import Section
from .apostrophes import mend_apostrophes

MAX_HEADING_WORDS = 12
MAX_HEADING_CHARS = 90
MAX_TITLE_WORDS = 12

_SENTENCE_END = re.compile(r"[.!,;:…\"'”’)\]]$")
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s+")
_SIGN_OFF = re.compile(
    r"^(stay tuned|follow (us|me)|subscribe|sign up|share this|thanks for (reading|listening)"
    r"|this (is a )?(story|article) (is )?(developing|will be updated)|this is a developing story"
    r"|reporting by|additional reporting|editing by|copyright|©|all rights reserved"
    r"|read more|related:|more on this story|click here)",
    re.IGNORECASE,
)


def normalize_whitespace(text: str) -> str:
    """Collapse runs of spaces and tabs inside a line and join the apostrophes and quotation
    marks a tokenizer split off (`apostrophes.mend_apostrophes`); keep it otherwise untouched."""
    return mend_apostrophes(re.sub(r"[ \t\u00a0\u2000-\u200b\u3000]+", " ", text).strip())


def looks_like_heading(line: str) -> bool:
    """A short line that does not end like a sentence and starts like a title."""
    line = line.strip()
    if not line or len(line) > MAX_HEADING_CHARS or len(line.split()) > MAX_HEADING_WORDS:
        return False
    if _BULLET.match(line) or _SENTENCE_END.search(line):
        return False
    first = line.lstrip("\"'“‘(")[:1]
    if not first or not (first.isupper() or first.isdigit()):
        return False
    # A heading has letters; "***" or "2024" alone is a separator or a date, not a heading.
    return sum(ch.isalpha() for ch in line) >= 3


def is_sign_off(paragraph: str) -> bool:
    """A closing line addressed to the reader rather than part of the story."""
    text = paragraph.strip().lstrip("\"'“‘—–- ")
    return len(text.split()) <= 25 and bool(_SIGN_OFF.match(text))


def group_sections(blocks) -> tuple[Section, ...]:
    """("heading" | "paragraph", text) blocks in reading order as Sections: a heading starts a
    section (the later of two headings with no text between them wins), the text before the first
    heading is a section without one, and a closing sign-off is dropped. Web pages, Word files and
    PDFs find their blocks their own way and group them here (plain text: `sections_from_blocks`)."""
    sections: list[Section] = []
    heading: str | None = None
    paragraphs: list[str] = []
    for kind, text in blocks:
        if kind == "heading":
            if paragraphs:
                sections.append(Section(heading, tuple(paragraphs)))
            heading, paragraphs = text, []
        else:
            paragraphs.append(text)
    if paragraphs:
        sections.append(Section(heading, tuple(paragraphs)))
    while sections and is_sign_off(sections[-1].paragraphs[-1]):
        last = sections.pop()
        if len(last.paragraphs) > 1:
            sections.append(Section(last.heading, last.paragraphs[:-1]))
    return tuple(sections)


def split_blocks(text: str) -> list[str]:
    """Lines of text with the blank lines between paragraphs removed.

    Plain-text articles put one paragraph per line or separate paragraphs by blank
    lines, with hard-wrapped lines inside them; both are handled: wrapped lines of
    one paragraph are joined when the text uses blank lines as separators.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    chunks = [c for c in re.split(r"\n\s*\n", text) if c.strip()]
    blocks: list[str] = []
    for chunk in chunks:
        lines = [normalize_whitespace(line) for line in chunk.split("\n") if line.strip()]
        if len(chunks) > 1 and len(lines) > 1:
            # Blank lines separate paragraphs, so this chunk is a hard-wrapped paragraph,
            # possibly under a heading line of its own (the next line then starts a sentence).
            if looks_like_heading(lines[0]) and lines[1][:1].isupper():
                blocks.append(lines.pop(0))
            blocks.append(" ".join(lines))
        else:
            blocks.extend(lines)
    return blocks


def sections_from_blocks(blocks: Sequence[str]) -> tuple[str | None, tuple[Section, ...]]:
    """Group lines into sections; return (title if the text opens with one, sections)."""
    blocks = [b for b in blocks if b.strip()]
    while blocks and is_sign_off(blocks[-1]):
        blocks.pop()
    title: str | None = None
    start = 0
    # A heading-like first line followed by a paragraph is the title, unless the
    # next line is itself a heading (then the first line is the article's title too).
    if len(blocks) >= 2 and looks_like_heading(blocks[0]):
        title = blocks[0]
        start = 1
    sections: list[Section] = []
    heading: str | None = None
    paragraphs: list[str] = []
    for i in range(start, len(blocks)):
        block = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if looks_like_heading(block) and nxt is not None and not looks_like_heading(nxt):
            if paragraphs:
                sections.append(Section(heading, tuple(paragraphs)))
            elif heading is not None:
                # Two headings in a row: the first had no body; keep the later one.
                pass
            heading, paragraphs = block, []
        elif looks_like_heading(block) and nxt is not None:
            continue  # a kicker or label directly above a heading
        else:
            paragraphs.append(block)
    if paragraphs:
        sections.append(Section(heading, tuple(paragraphs)))
    return title, tuple(sections)


def derive_title(sections: Iterable[Section], max_words: int = MAX_TITLE_WORDS) -> str:
    """A short title from the lead: its first sentence's main clause.

    News leads often open with a framing phrase ("In a stunning blow to X, rebels
    have captured Y, ..."); the clause after it carries the news.
    """
    first = next((p for s in sections for p in s.paragraphs if p.strip()), "")
    if not first:
        return "Untitled"
    from ..writing.sentences import without_dateline

    sentence = without_dateline(re.split(r"(?<=[.!?])\s+", first.strip(), maxsplit=1)[0]).rstrip(".!?")
    clauses = [c.strip() for c in re.split(r",\s+", sentence) if c.strip()]  # not "33,000"
    chosen = clauses[0] if clauses else sentence
    if len(clauses) > 1 and len(clauses[0].split()) <= 14 and re.match(
        r"^(in|on|at|after|before|as|with|amid|despite|following|for|by|when|while|over|under|from)\b",
        clauses[0],
        re.IGNORECASE,
    ):
        chosen = clauses[1]
    words = chosen.split()
    if len(words) > max_words + TITLE_SLACK_WORDS:
        # Cut where a clause starts ("... has warned | that allowing huge US budget deficits ..."), not
        # in the middle of a phrase ("... warned that allowing huge US budget"); a clause a little
        # longer than the limit stays whole.
        cuts = [i for i, w in enumerate(words[:max_words + 1]) if i >= MIN_TITLE_WORDS and w.lower() in _CLAUSE_STARTS]
        words = words[:cuts[-1]] if cuts else words[:max_words]
        while words and words[-1].lower() in _STOP_AT_END:
            words.pop()
    title = " ".join(words).strip(" \"'“”‘’")
    return title[:1].upper() + title[1:] if title else "Untitled"


MIN_TITLE_WORDS = 4
TITLE_SLACK_WORDS = 4
_CLAUSE_STARTS = {"that", "after", "because", "when", "which", "who", "while", "amid", "following", "since",
                  "despite", "but", "before", "if", "until", "where", "although", "though"}

_STOP_AT_END = {
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "with", "by",
    "from", "as", "that", "which", "its", "their", "his", "her",
}
