"""A page's furniture taken out of its DOM before the main content is extracted.

What a reader view never shows, found by the page's own markup: figures and their
captions, asides, navigation, embedded posts (Twitter and Instagram blockquotes),
code samples (`<pre>`), struck-out text, paragraphs that repeat a picture's alt text or caption (a caption set
as text beside its figure), and the blocks whose class or id names them (comments,
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


# A paragraph that says (nearly) what a picture's alt text or caption says is that picture's caption,
# set as text beside the figure (the Guardian's photo essays: `</figure><ul><li><p>caption`).
CAPTION_MIN_WORDS = 6
CAPTION_OVERLAP = 0.75  # of the paragraph's words found in the caption, and of the caption's in the paragraph


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", text.lower()))


def _captions(tree) -> list[set[str]]:
    """The words of every picture's alt text and every figure caption on the page."""
    texts = [img.get("alt") or "" for img in tree.iter("img")]
    texts += [caption.text_content() for caption in tree.iter("figcaption")]
    return [words for words in map(_words, texts) if len(words) >= CAPTION_MIN_WORDS]


def _is_caption(words: set[str], captions: list[set[str]]) -> bool:
    return len(words) >= CAPTION_MIN_WORDS and any(
        len(words & caption) >= CAPTION_OVERLAP * len(words) and len(words & caption) >= CAPTION_OVERLAP * len(caption)
        for caption in captions)


def _beside_a_picture(element) -> bool:
    """The element, or one of its three nearest ancestors, comes right after a figure or a picture."""
    for node in (element, *list(element.iterancestors())[:3]):
        before = node.getprevious()
        while before is not None and not isinstance(before.tag, str):  # a comment between them
            before = before.getprevious()
        if before is not None and (before.tag in ("figure", "picture", "img")
                                   or next(before.iter("img"), None) is not None):
            return True
    return False


def drop_captions(tree, captions: list[set[str]]) -> int:
    """Remove the paragraphs and list items beside a picture that repeat its caption; returns how many
    went. A paragraph elsewhere that a caption quotes (a pull quote) stays."""
    removed = 0
    for element in list(tree.iter("p", "li")):
        if element.getparent() is not None and _is_caption(_words(element.text_content()), captions) \
                and _beside_a_picture(element):
            element.drop_tree()
            removed += 1
    return removed


def drop_struck(tree) -> int:
    """Remove struck-out text (`<s>`, `<del>`, `<strike>`), which the page shows as taken back ("the
    next steps would be to <s>waste</s> spend some time"): read aloud, it says both. The text after
    it stays."""
    struck = list(tree.iter("s", "del", "strike"))
    for element in struck:
        if element.getparent() is not None:
            element.drop_tree()
    return len(struck)


def prune(tree) -> int:
    """Remove furniture from an lxml.html document in place; returns how many elements went."""
    removed = drop_struck(tree) + drop_captions(tree, _captions(tree))
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
