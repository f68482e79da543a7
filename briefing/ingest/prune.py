"""A page's furniture taken out of its DOM before the main content is extracted.

What a reader view never shows, found by the page's own markup: figures and their
captions, asides, navigation, embedded posts (Twitter and Instagram blockquotes),
code samples (`<pre>`), and the blocks whose class or id names them (comments,
newsletter sign-ups, share buttons, "related" links, bylines, photo credits). Like
Readability's "unlikely candidates", a named block is only removed when it is not
where the story is: one holding a large part of the page's paragraph text stays,
whatever it is called ("article-share-wrapper" around the whole story).

    from briefing.ingest.prune import prune
    prune(tree)   # an lxml.html tree, changed in place
"""

from __future__ import annotations

import re

# Elements that never hold the story's own text.
DROP_TAGS = ("figure", "figcaption", "noscript", "iframe", "pre", "button", "svg", "template")
# Elements that hold furniture, unless a page wraps its story in one (ASP.NET's page-wide <form>).
CONTAINER_TAGS = ("aside", "nav", "footer", "form", "dialog")
# Class or id words of furniture (matched as word parts: "comment-list", "shareBar", "c-newsletter").
_UNLIKELY = re.compile(
    r"comment|disqus|newsletter|subscri|signup|sign-up|share|sharing|social|related|recommend|promo|"
    r"outbrain|taboola|cookie|consent|gdpr|advert|sponsor|byline|author-info|credit|caption|breadcrumb|"
    r"popular|most-read|mostread|trending|read-more|readmore|more-stories|newsroll|tags|toolbar|"
    r"paywall|modal|popup|masthead|site-header|site-footer|footer|embed-twitter|twitter-tweet|instagram",
    re.IGNORECASE)
# Words that mark the story's own container even when an unlikely word is there too.
_LIKELY = re.compile(r"article-body|articlebody|story-body|storybody|post-body|entry-content|main-content|"
                     r"article__body|story__body|content-body|body-text|paywall-article|articletext",
                     re.IGNORECASE)
# A named block holding more than this share of the page's paragraph text is the story, not furniture;
# so is one with more than PROSE_SHARE of it in paragraphs that are not mostly links.
MAX_SHARE = 0.3
PROSE_SHARE = 0.08
MAX_LINK_DENSITY = 0.25


def _paragraph_chars(element) -> int:
    return sum(len(p.text_content()) for p in element.iter("p"))


def _in_paragraph(element) -> bool:
    """Inside a paragraph's own text (a footnote button, a credit span): left to the clutter rules."""
    return any(a.tag in ("p", "li") for a in element.iterancestors())


def _link_density(element) -> float:
    text = len(element.text_content()) or 1
    return sum(len(a.text_content()) for a in element.iter("a")) / text


def _is_story(element, total: int) -> bool:
    """Too much of the page's prose to be furniture, whatever its name says."""
    chars = _paragraph_chars(element)
    return chars > MAX_SHARE * total or (chars > PROSE_SHARE * total and _link_density(element) < MAX_LINK_DENSITY)


def prune(tree) -> int:
    """Remove furniture from an lxml.html document in place; returns how many elements went."""
    removed = 0
    for element in list(tree.iter(*DROP_TAGS)):
        if element.getparent() is not None and not _in_paragraph(element):
            element.drop_tree()
            removed += 1
    for element in list(tree.iter("blockquote")):
        classes = (element.get("class") or "")
        if re.search(r"twitter|instagram|tiktok|embed", classes, re.IGNORECASE) and element.getparent() is not None:
            element.drop_tree()
            removed += 1
    total = _paragraph_chars(tree) or 1
    for element in list(tree.iter(*CONTAINER_TAGS)):
        if element.getparent() is not None and not _in_paragraph(element) and not _is_story(element, total):
            element.drop_tree()
            removed += 1
    candidates = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body", "article", "main", "p") \
                or _in_paragraph(element):
            continue
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if len(names) < 3 or not _UNLIKELY.search(names) or _LIKELY.search(names):
            continue
        candidates.append(element)
    for element in candidates:
        if element.getparent() is None or _is_story(element, total):
            continue
        element.drop_tree()
        removed += 1
    return removed
