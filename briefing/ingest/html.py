"""Web pages: the article's main content (trafilatura), its subheadings as sections.

trafilatura finds the story among menus, adverts and comments; asked for XML it
also keeps the page's own structure (`<head>` for h1..h6, `<p>`, `<list>`,
`<quote>`), which becomes our sections. Title, byline and date come from the
page's metadata (Open Graph, JSON-LD, <meta>), also read by trafilatura.

    briefing article page.html --json
"""

from __future__ import annotations

import re
from datetime import date

from .article import normalize_whitespace, group_sections
from ..errors import InputError
from ..models import Article, Section

# A "heading" longer than this is a paragraph set in bold, not a subheading.
MAX_HEADING_WORDS = 16


def parse(html: str | bytes, *, source: str, title: str | None = None, url: str | None = None) -> Article:
    """A page's main content as an Article; its h2/h3... subheadings start sections.

    The page's furniture is pruned from its DOM first (`prune.py`), clutter lines are
    dropped from what trafilatura keeps (`clutter.py`), and a page that is not a story
    is refused (`verdict.py`).
    """
    import trafilatura
    from lxml import etree

    from . import clutter, verdict
    from .prune import prune

    tree = _document(html)
    page = verdict.facts(tree) if tree is not None else verdict.PageFacts()
    site_name = _meta(tree, "og:site_name") if tree is not None else None
    if tree is not None:
        prune(tree)
    xml = trafilatura.extract(
        tree if tree is not None else html, url=url, output_format="xml", include_formatting=False,
        include_comments=False, include_tables=False, include_images=False, include_links=False,
        with_metadata=True, favor_recall=False,
    )
    if not xml:
        fallback = sections_from_fragment(html)
        if not fallback:
            body = tree.find("body") if tree is not None else None
            verdict.check(source, [], page, raw=[body.text_content()] if body is not None else [])
            raise InputError(f"{source}: no article text found in the page")
        verdict.check(source, [p for s in fallback for p in s.paragraphs], page)
        return Article(title=title or _clean_title(_page_title(html), site_name, url) or "Untitled", source=source,
                       sections=fallback)
    doc = etree.fromstring(xml.encode("utf-8"))
    page_title = _clean_title(normalize_whitespace(doc.get("title") or "") or None, site_name, url)
    main = doc.find("main")
    raw = _blocks(main if main is not None else doc)
    page_title, raw = _title_over_the_story(raw, page_title, _clean_title(_page_title(html), site_name, url))
    sections = verdict.without_teasers(_sections(clutter.clean_blocks(raw), page_title), page)
    verdict.check(source, [p for s in sections for p in s.paragraphs], page, raw=[text for _, text in raw])
    if not sections:
        raise InputError(f"{source}: no article text found in the page")
    return Article(
        title=title or page_title or _clean_title(_page_title(html), site_name, url) or "Untitled",
        source=source,
        sections=sections,
        published=_parse_date(doc.get("date")),
        byline=normalize_whitespace(doc.get("author") or "") or None,
    )


def _document(html: str | bytes):
    """The page as an lxml.html document (parsed the way trafilatura parses it), or None."""
    from trafilatura import load_html

    try:
        return load_html(html)
    except ValueError:
        return None


def _meta(tree, prop: str) -> str | None:
    for element in tree.iter("meta"):
        if (element.get("property") or element.get("name") or "").lower() == prop:
            return normalize_whitespace(element.get("content") or "") or None
    return None


def _clean_title(title: str | None, site_name: str | None, url: str | None) -> str | None:
    from urllib.parse import urlsplit

    from .clutter import clean_title

    if not title:
        return title
    host = urlsplit(url).hostname if url else None
    return clean_title(title, site_name=site_name, host=host)


def _text(element) -> str:
    return normalize_whitespace(" ".join("".join(element.itertext()).split()))


def _blocks(root) -> list[tuple[str, str]]:
    """("heading" | "paragraph", text) in reading order."""
    blocks: list[tuple[str, str]] = []
    for element in root:
        tag = element.tag
        if tag == "head":
            text = _text(element)
            if text:
                kind = "heading" if len(text.split()) <= MAX_HEADING_WORDS else "paragraph"
                blocks.append((kind, text))
        elif tag == "list":
            for item in element.iter("item"):
                text = _text(item)
                if text:
                    blocks.append(("paragraph", text))
        elif tag in {"p", "quote", "item"}:
            text = _text(element)
            if text:
                blocks.append(("paragraph", text))
        else:
            blocks.extend(_blocks(element))
    return blocks


# A headline comes within this many blocks of the top, after at most this many words of something else.
HEADLINE_WITHIN_BLOCKS = 4
WORDS_BEFORE_HEADLINE = 60


def _title_over_the_story(blocks: list[tuple[str, str]], title: str | None,
                          document_title: str | None) -> tuple[str | None, list[tuple[str, str]]]:
    """The document's <title> when the story opens with it as a heading, and the story from there:
    trafilatura may take a section's banner ("Allergies Health Center") for the title, the real
    headline would be read as the first section's heading, and a teaser above it as the story's
    first words."""
    if not document_title or (title and _same_words(title, document_title)):
        return title, blocks
    for i, (kind, text) in enumerate(blocks[:HEADLINE_WITHIN_BLOCKS]):
        if kind == "heading" and _same_words(text, document_title):
            before = sum(len(t.split()) for k, t in blocks[:i] if k != "heading")
            if before <= WORDS_BEFORE_HEADLINE:
                return document_title, blocks[i:]
            break
    return title, blocks


def _sections(blocks: list[tuple[str, str]], page_title: str | None) -> tuple[Section, ...]:
    if page_title:
        # The page repeats its title above the story: that heading, before any text, is not a section's.
        first_text = next((i for i, (kind, _) in enumerate(blocks) if kind != "heading"), len(blocks))
        blocks = [b for i, b in enumerate(blocks) if i >= first_text or not _same_words(b[1], page_title)]
    return group_sections(blocks)


def _same_words(a: str, b: str) -> bool:
    words = lambda s: re.findall(r"\w+", s.lower())  # noqa: E731
    return words(a) == words(b)


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _page_title(html: str | bytes) -> str | None:
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    m = re.search(r"<title[^>]*>(.*?)</title>", html, re.IGNORECASE | re.DOTALL)
    if not m:
        return None
    import html as html_lib

    return normalize_whitespace(html_lib.unescape(re.sub(r"\s+", " ", m.group(1)))) or None


# A fragment's blocks: read whole as one paragraph (or heading) ...
_LEAF_BLOCKS = {"p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "caption"}
# ... or holding blocks and loose text, whose text is read in runs between its blocks.
_CONTAINERS = {"div", "section", "article", "main", "header", "ul", "ol", "dl", "table", "thead", "tbody", "tr",
               "center", "details", "summary", "body", "html"}
# Never spoken: code samples and preformatted text, scripts, furniture.
_SKIPPED = {"script", "style", "nav", "footer", "figure", "figcaption", "noscript", "iframe", "pre", "object",
            "embed", "svg", "form", "button", "template", "aside"}


def sections_from_fragment(fragment: str | bytes) -> tuple[Section, ...]:
    """Sections of a small piece of HTML (a feed item's content, a bare page).

    trafilatura is made for whole pages and may discard a short fragment as
    boilerplate; here every heading and paragraph of the fragment is kept, and so is
    text outside any block ("Text first, <p>then a paragraph</p>", lines split by
    <br><br>). Code samples (`<pre>`) and code-like lines are left out, unsaid.
    """
    import lxml.html
    from lxml import etree

    from .clutter import clean_blocks

    if isinstance(fragment, bytes):
        fragment = fragment.decode("utf-8", errors="replace")
    if not fragment.strip():
        return ()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return ()
    from .prune import drop_struck

    drop_struck(root)
    if len(root) == 0 and not root.text:
        return ()
    if len(root) == 0:
        # Plain text, no markup at all: its lines are its paragraphs.
        text = root.text or ""
        blocks = [("paragraph", normalize_whitespace(line)) for line in text.splitlines() if line.strip()]
    else:
        blocks = _fragment_blocks(root)
    return _sections(clean_blocks(blocks), None)


def _fragment_blocks(root) -> list[tuple[str, str]]:
    blocks: list[tuple[str, str]] = []
    loose: list[str] = []

    def flush() -> None:
        # Loose text: a paragraph per run; two line breaks in a row start a new one.
        for part in re.split(r"\n\s*\n", "".join(loose)):
            text = normalize_whitespace(" ".join(part.split()))
            if text:
                blocks.append(("paragraph", text))
        loose.clear()

    def visit(element) -> None:
        if element.text:
            loose.append(element.text)
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _SKIPPED or not tag:
                pass
            elif tag in _LEAF_BLOCKS and not any(c.tag in _LEAF_BLOCKS or c.tag in _CONTAINERS for c in child.iter()
                                                 if c is not child and isinstance(c.tag, str)):
                flush()
                for bad in child.xpath(".//script|.//style|.//pre"):
                    bad.drop_tree()
                text = _text(child)
                if text:
                    heading = tag[0] == "h" and tag[1:].isdigit() and len(text.split()) <= MAX_HEADING_WORDS
                    blocks.append(("heading" if heading else "paragraph", text))
            elif tag in _LEAF_BLOCKS or tag in _CONTAINERS:
                flush()
                visit(child)
                flush()
            elif tag == "br":
                loose.append("\n")
            else:
                for bad in child.xpath(".//script|.//style"):
                    bad.drop_tree()
                loose.append(child.text_content())
            if child.tail:
                loose.append(child.tail)

    visit(root)
    flush()
    return blocks
