"""Is this page an article? Home pages, section fronts, galleries, templates and paywall stubs are not.

A page is judged from what was read (the sentences of its body) next to what the page
is made of (its links and pictures). Each kind is one rule; the first that fits
refuses the page with one line that says why, e.g.

    front.html: looks like a home page: 180 links and 4 sentences, not an article

`briefing article`, `script` and `make` then exit 2; a show skips the item with a
warning and does not mark it covered (`show/sources.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError


class NotAnArticle(InputError):
    """The input was read, but it is not a story (a home page, a gallery, a paywall stub...)."""


@dataclass(frozen=True)
class PageFacts:
    """What a page is made of, counted on its DOM before anything is removed."""

    links: int = 0
    pictures: int = 0
    captions: int = 0
    headlines: int = 0  # headings that are links to other pages ("<h3><a href=...>Headline</a></h3>")
    teasers: frozenset[str] = frozenset()  # the paragraphs beside those headlines, normalized


# A home page or section front: many links, few sentences of prose, and what was read is mostly
# not prose (headlines) or very little (a short news brief under a big menu is still an article).
HOME_MIN_LINKS = 40
HOME_MAX_SENTENCES = 6
HOME_LINKS_PER_SENTENCE = 8
HOME_MAX_PROSE_SHARE = 0.6
HOME_FEW_WORDS = 40
# A gallery: pictures outnumber the sentences.
GALLERY_MIN_PICTURES = 5
GALLERY_MAX_SENTENCES = 5
# A paywall stub: a short teaser and a request to subscribe.
PAYWALL_MAX_WORDS = 200
_PAYWALL = re.compile(
    r"subscribe (?:now )?to (?:continue|keep) reading|to continue reading,? (?:please )?(?:subscribe|log ?in|"
    r"sign ?in|register)|(?:this|the rest of this) (?:article|story|content) is (?:only )?(?:available|reserved|"
    r"exclusive) (?:to|for) (?:subscribers|members)|already a subscriber|subscribers only|for subscribers|"
    r"log ?in to (?:continue|read)|sign ?in to (?:continue|read)|register (?:now )?to (?:continue|read)|"
    r"become a (?:subscriber|member) to (?:read|continue)|unlock (?:this|the full) (?:article|story)|"
    r"you have reached your (?:free )?(?:article )?limit|subscribe for full access", re.IGNORECASE)
_TEMPLATE = re.compile(r"\{\{.{0,80}?\}\}|\{%.{0,80}?%\}|<%.{0,80}?%>|\$\{[\w.]{1,40}\}|\[\[\w[\w.]{0,40}\]\]",
                       re.DOTALL)
# A run of text and the marks that end it, if any: matched without backtracking (a pattern that
# insists on the ending backtracks through the whole run when there is none: seconds on a long
# paragraph without a full stop); whether it ends a sentence is decided after (`_sentences_in`).
_PIECE = re.compile(r"[^.!?\u3002\uff01\uff1f]+(?:[.!?]+[\"'\u201d\u2019)]*|[\u3002\uff01\uff1f]+)?")
_ENDED = re.compile(r"[.!?][\"'\u201d\u2019)]*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


# A teaser card (a linked headline and its blurb) is small: its box holds at most this many characters.
CARD_MAX_CHARS = 800
# A home page of teasers: this many linked headlines, and most of what was read is their blurbs.
HOME_MIN_HEADLINES = 8
HOME_TEASER_SHARE = 0.5
# ... unless this many sentences of the page's own are left once the teasers are gone.
HOME_MIN_STORY_SENTENCES = 3


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def facts(tree) -> PageFacts:
    """Links, pictures, captions and teaser cards of an lxml.html document."""
    links = sum(1 for a in tree.iter("a") if (a.get("href") or "#")[:1] not in ("#", "") and
                not (a.get("href") or "").lower().startswith("javascript:"))
    pictures = sum(1 for _ in tree.iter("img"))
    captions = sum(1 for _ in tree.iter("figcaption"))
    headlines, teasers = 0, set()
    for heading in tree.iter("h1", "h2", "h3", "h4", "h5"):
        text = heading.text_content().strip()
        linked = sum(len(a.text_content().strip()) for a in heading.iter("a") if a.get("href"))
        if not text or linked < 0.8 * len(text):
            continue
        headlines += 1
        card = heading.getparent()
        # The card is the smallest box around the headline that holds more than it (its blurb).
        while card is not None and len(card.text_content().strip()) <= len(text) + 20 and card.tag != "body":
            card = card.getparent()
        if card is not None and len(card.text_content()) <= CARD_MAX_CHARS:
            teasers.update(_norm(p.text_content()) for p in card.iter("p", "div", "span") if len(p) == 0)
    teasers.discard("")
    return PageFacts(links=links, pictures=pictures, captions=captions, headlines=headlines,
                     teasers=frozenset(teasers))


def without_teasers(sections: tuple, page: PageFacts) -> tuple:
    """The sections without other stories' blurbs (the paragraphs beside linked headlines), on a page
    with many of them; a section left empty goes."""
    from ..models import Section

    if page.headlines < HOME_MIN_HEADLINES or not page.teasers:
        return sections
    kept = []
    for section in sections:
        paragraphs = tuple(p for p in section.paragraphs if _norm(p) not in page.teasers)
        if paragraphs:
            kept.append(Section(section.heading, paragraphs))
    return tuple(kept)


def _sentences_in(paragraph: str):
    """The pieces of `paragraph` that end as a sentence ends: with . ! or ? (and closing quotes)
    before a space or the end, or with 。！？."""
    for match in _PIECE.finditer(paragraph):
        piece, end = match.group(0), match.end()
        if piece[-1] in "\u3002\uff01\uff1f" or (_ENDED.search(piece)
                                                   and (end == len(paragraph) or paragraph[end].isspace())):
            yield piece


def _prose(paragraphs: list[str]) -> list[str]:
    return [s for p in paragraphs for s in _sentences_in(p) if len(s.split()) >= 5 or len(_CJK.findall(s)) >= 12]


def sentences(paragraphs: list[str]) -> int:
    """Sentences of prose: ending in . ! or ? (or 。！？) and at least five words long (or, in Chinese,
    Japanese and Korean, twelve characters): a headline is not one."""
    return len(_prose(paragraphs))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def judge(paragraphs: list[str], page: PageFacts, raw: list[str] | None = None) -> str | None:
    """Why this is not an article (the part after "looks like"), or None when it reads as one.

    `paragraphs` is the body as it will be read; `raw` the text before the clutter rules took
    out what they did (a paywall's "Subscribe to continue reading" is clutter, and a sign)."""
    text = " ".join(paragraphs)
    raw = raw if raw is not None else paragraphs
    raw_text = " ".join(raw)
    words = len(text.split())
    count = sentences(paragraphs)
    templates = _TEMPLATE.findall(raw_text)
    if len(templates) >= 2 and len(" ".join(templates).split()) * 4 >= len(raw_text.split()) // 10:
        return f"a page template: {_plural(len(templates), 'template tag')} such as {templates[0][:30]!r} in its text"
    paywall = _PAYWALL.search(raw_text)
    if paywall and words <= PAYWALL_MAX_WORDS:
        return f"a paywall stub: {_plural(words, 'word')} and {paywall.group(0)!r}"
    if page.headlines >= HOME_MIN_HEADLINES and raw:
        blurbs = sum(1 for p in raw if _norm(p) in page.teasers)
        if blurbs >= HOME_TEASER_SHARE * len(raw) and count < HOME_MIN_STORY_SENTENCES:
            return (f"a home page or section front: {page.headlines} linked headlines, "
                    f"{_plural(blurbs, 'teaser')} and {page.links} links")
    prose_share = sum(len(s) for s in _prose(paragraphs)) / max(1, sum(len(p) for p in paragraphs))
    if page.links >= HOME_MIN_LINKS and count <= HOME_MAX_SENTENCES and page.links >= HOME_LINKS_PER_SENTENCE * max(1, count) \
            and (prose_share < HOME_MAX_PROSE_SHARE or words < HOME_FEW_WORDS):
        return f"a home page or section front: {page.links} links and {_plural(count, 'sentence')}"
    if max(page.pictures, page.captions) >= GALLERY_MIN_PICTURES and count <= GALLERY_MAX_SENTENCES \
            and max(page.pictures, page.captions) > count:
        return f"a gallery: {_plural(max(page.pictures, page.captions), 'picture')} and {_plural(count, 'sentence')}"
    return None


def check(source: str, paragraphs: list[str], page: PageFacts, raw: list[str] | None = None) -> None:
    """Raise NotAnArticle with one line when the page is not a story."""
    reason = judge(paragraphs, page, raw)
    if reason:
        raise NotAnArticle(f"{source}: looks like {reason}, not an article")
