"""Newsletter clutter: what an e-mail newsletter says around its stories, as small named rules.

Two passes. On the HTML, before it is read: tracking pixels and hidden preheaders go.
On the paragraphs read from it: each rule below names a kind of clutter and the lines it
matches; a matching paragraph is dropped, a sponsor heading drops its whole section, and
the postal footer ends the message. The "view in browser" link is kept: it is the
newsletter's web address, the link the show notes give for the story.
"""

from __future__ import annotations

import re

from ..models import Section

# (name, pattern): a paragraph matching the pattern is that kind of clutter.
RULES: tuple[tuple[str, re.Pattern], ...] = tuple((name, re.compile(pattern, re.IGNORECASE)) for name, pattern in (
    ("view in browser", r"^(\W*)(view|read|open|see)( this)?( (e-?mail|newsletter|issue|message))?"
                        r"( (in|on) ((your|a|the) )?(web )?browser| online| on the web)\b"
                        r"|having trouble (viewing|reading)|can'?t see (this|the) (e-?mail|images)"),
    ("unsubscribe", r"\bunsubscribe\b|\bopt[ -]out\b|stop receiving (these|this)|no longer (wish|want) to receive"),
    ("preferences", r"\b(update|manage|change|edit) (your )?(e-?mail |subscription |notification )?"
                    r"(preferences|settings|subscription)|\bemail preferences\b"),
    ("forwarded", r"(was|were) (this|you) forwarded|forwarded this (e-?mail|newsletter)|"
                  r"\bsign up (here|for (this|our|the|free))|\bsubscribe (here|for free|now|today)\b|"
                  r"share this (e-?mail|newsletter)|tell a friend|refer a friend"),
    ("sponsor", r"^(\W*)(sponsored|sponsor(ed)? (by|content|message)|a message from (our|this week'?s) sponsors?|"
                r"presented by|together with|brought to you by|advertisement|paid (post|partnership))\b"),
    ("receiving because", r"you('re| are) receiving this|you (received|got) this (e-?mail|message) because|"
                          r"this (e-?mail|message) was sent to|sent to [\w.+-]+@|add us to your address book|"
                          r"\bwhitelist\b|safe senders"),
    ("postal footer", r"our mailing address is|^(©|copyright|\(c\))\s*\d{0,4}|all rights reserved|"
                      r"\b\d{1,5} [A-Z][\w.]*( [A-Z][\w.]*)*,? (street|st|avenue|ave|road|rd|suite|blvd|"
                      r"boulevard|lane|ln|drive|dr|way|square|sq)\b.*\b[A-Z]{2}\s+\d{5}\b|"
                      r"\bp\.?\s?o\.? box \d+|\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b"),
))
# Headings whose whole section is a sponsor's.
_SPONSOR_HEADING = re.compile(r"^\W*(sponsor(ed|s)?|from our sponsors?|presented by|together with|"
                              r"brought to you by|advertisement|partner(ed)? content)\b", re.IGNORECASE)
_FOOTER_START = {"postal footer", "receiving because"}


def clutter(paragraph: str) -> str | None:
    """The name of the rule a paragraph matches, or None when it is the newsletter's own text."""
    text = paragraph.strip()
    for name, pattern in RULES:
        if pattern.search(text) and (name != "postal footer" or len(text.split()) <= 60):
            return name
    return None


def clean_html(html: str) -> str:
    """The HTML without tracking pixels, hidden preheaders and style/script blocks."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return html
    for element in root.xpath("//script|//style|//head/title"):
        element.drop_tree()
    for image in root.xpath("//img"):
        width, height = image.get("width", ""), image.get("height", "")
        if width.strip("px ") in ("0", "1") or height.strip("px ") in ("0", "1") or image.get("alt") in (None, ""):
            image.drop_tree()  # a pixel, a spacer or an unlabelled picture: nothing to read
    _bare_text_as_paragraphs(root)
    for element in root.xpath("//*[@style]"):
        style = re.sub(r"\s+", "", element.get("style", "").lower())
        if "display:none" in style or "max-height:0" in style or "visibility:hidden" in style:
            element.drop_tree()  # the preheader: a preview line hidden in the message
    return lxml.html.tostring(root, encoding="unicode")


_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tr", "td", "th", "div",
           "blockquote", "pre", "section", "article", "center"}


def _bare_text_as_paragraphs(root) -> None:
    """A table cell or div holding text but no paragraph (a Mailchimp-style layout) becomes a
    paragraph, so that the fragment reader, which reads paragraphs and headings, reads it."""
    for element in list(root.iter("td", "th", "div", "center")):
        if any(isinstance(d.tag, str) and d.tag in _BLOCKS for d in element.iterdescendants()):
            continue
        if element.text_content().strip():
            element.tag = "p"
            element.attrib.clear()


def web_version(html: str) -> str | None:
    """The newsletter's web address: the link of its "view in browser" line."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    view = dict(RULES)["view in browser"]
    for link in root.xpath("//a[@href]"):
        href = link.get("href", "")
        if href.startswith(("http://", "https://")) and (view.search(link.text_content().strip())
                                                           or re.search(r"web ?version|view online", link.text_content(), re.I)):
            return href
    return None


# A link's words left at a paragraph's end: "More", "Read more →", "Continue reading".
_TRAILING_LINK = re.compile(r"\s*[(\[]?(read (the )?(full story|more)|continue reading|more|full story|keep reading)"
                            r"\s*[»›→>.)\]]*$", re.IGNORECASE)


def strip_clutter(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """The sections without clutter paragraphs, sponsor sections and anything after the footer."""
    kept: list[Section] = []
    for section in sections:
        if section.heading and _SPONSOR_HEADING.match(section.heading):
            continue
        paragraphs: list[str] = []
        ended = False
        for paragraph in section.paragraphs:
            name = clutter(paragraph)
            if name in _FOOTER_START:
                ended = True
                break
            if name is None:
                paragraph = _TRAILING_LINK.sub("", paragraph)
                if paragraph:
                    paragraphs.append(paragraph)
        heading = section.heading if section.heading and clutter(section.heading) is None else None
        if paragraphs:
            kept.append(Section(heading, tuple(paragraphs)))
        if ended:
            break
    return tuple(kept)
