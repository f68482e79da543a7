"""Page clutter: what a reader view leaves out, as small named rules.

A page's body, once extracted, still carries lines no newsreader would say: a
dateline ("SEOUL, Dec 5 (Yonhap) --"), the byline, an "Updated 3:45 PM ET" stamp,
photo credits and captions, embedded posts, "Read more:" and "Related" blocks,
newsletter sign-ups, share buttons, comments, "This article originally appeared
on ..." and the copyright line. Each kind is one rule below, named and tested on
its own (tests/ingest/test_clutter.py: what must go and what must stay).

Three kinds of rule:
- TRIMS cut clutter off the start or end of a paragraph and keep the rest;
- DROPS say a whole paragraph is clutter;
- ENDS say a paragraph (or heading) opens a trailing block (comments, "Related"
  links) whose every paragraph up to the next heading is clutter too.

`clean_blocks` applies them to extracted ("heading" | "paragraph", text) blocks;
`clean_title` takes site names off a page's title.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# --- trims: clutter at the start or end of a paragraph ---------------------------------------

_AGENCY = (r"CNN|Reuters|AP|AFP|Yonhap|dpa|DPA|UPI|Xinhua|Bloomberg|PTI|IANS|ANI|EFE|ANSA|Kyodo|TASS|"
           r"CNSNews\.com|CNBC|BBC|CBS|NBC|ABC|Fox News|The Conversation|Sputnik|Anadolu|IRNA|KCNA|Al Jazeera")
_CITY = r"[A-Z][A-Za-z.'\u2019-]+(?:[ ,]+[A-Z][A-Za-z.'\u2019-]+){0,3}"
_DATELINE_AGENCY = re.compile(
    rf"^\s*(?:{_CITY}\s*,?\s*(?:[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}\s*)?)?"
    rf"\((?:{_AGENCY})(?:\s*[A-Za-z.]*)?\)\s*(?:--|—|–|-|:)?\s*")
_DATELINE_CAPS = re.compile(
    r"^\s*[A-Z][A-Z.'\u2019-]{2,}(?:[ ,]+[A-Z][A-Za-z.'\u2019-]+){0,3}\s*,?\s*"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?(?:\([^()]{1,30}\)\s*)?(?:--|—|–)\s+")
_CREDIT_TAIL = re.compile(
    r"\s*[(\[]?\s*(?:Photo|Photograph|Image|Picture|Pic|Credit|Photo credit|Image credit|Illustration|Video)s?"
    r"(?: by)?\s*[:|]\s*[^()\[\]]{1,80}?[)\]]?\s*$", re.IGNORECASE)
_AGENCY_CREDIT_TAIL = re.compile(
    r"\s*[(\[]\s*(?:[A-Z][\w.'-]*\s*){0,4}[/|]?\s*(?:Getty Images|AFP|AP Photo|Reuters|EPA|Shutterstock|"
    r"Getty|Alamy|PA|Bloomberg)[^()\[\]]{0,40}[)\]]\s*$")


_DATELINE_DATE = re.compile(
    r"^\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\s*(?:--|—|–)\s+")


def dateline(text: str) -> str:
    """ "SEOUL, Dec 5 (Yonhap) --", "London (CNN)", "(CNN)", "WASHINGTON —", "Feb. 23, 2015 --" before
    the story's first words."""
    for pattern in (_DATELINE_AGENCY, _DATELINE_CAPS, _DATELINE_DATE):
        m = pattern.match(text)
        if m and m.end() < len(text) and len(text) - m.end() > 20:
            rest = text[m.end():]
            return rest[0].upper() + rest[1:] if rest[:1].islower() and m.group(0).strip().endswith(")") else rest
    return text


def photo_credit_tail(text: str) -> str:
    """A credit at the end of a paragraph: "(Photo: Jane Doe/Getty Images)", "Photograph: AP"."""
    for pattern in (_CREDIT_TAIL, _AGENCY_CREDIT_TAIL):
        m = pattern.search(text)
        if m and m.start() > 0:
            text = text[:m.start()].rstrip()
    return text


_TAG_LIKE = re.compile(r"<(/?)([A-Za-z!][^<>]{0,80})>")


def markup_tokens(text: str) -> str:
    """Markup shown as text: "</p>", "<div class=\"x\">" go; a key name "<Leader>" is said as "Leader"."""
    def replace(m: re.Match) -> str:
        inner = m.group(2)
        if m.group(1) or re.search(r"[\s=\"'/!]", inner) or inner.lower() in _HTML_TAG_NAMES:
            return " "
        return inner
    return re.sub(r"\s{2,}", " ", _TAG_LIKE.sub(replace, text)) if "<" in text else text


_HTML_TAG_NAMES = {"p", "br", "div", "span", "a", "b", "i", "em", "strong", "li", "ul", "ol", "img", "hr", "html",
                   "body", "head", "script", "style", "table", "tr", "td", "h1", "h2", "h3", "h4", "h5", "h6"}

TRIMS: tuple[Callable[[str], str], ...] = (dateline, photo_credit_tail, markup_tokens)

# --- drops: a whole paragraph of clutter -------------------------------------------------------


def _short(text: str, words: int) -> bool:
    return len(text.split()) <= words


_BYLINE = re.compile(
    r"^(?:By|Written by|Words by|Reporting by|Story by|Von|Par|Por)\s+[A-Z\u00c0-\u024f][\w.'\u2019-]*"
    r"(?:[ ,]+(?:and|&|y|et|und)?\s*[A-Z\u00c0-\u024f@][\w.'\u2019@-]*){0,8}"
    r"(?:\s*[,|/\-–—]\s*.{0,60})?$")


def byline(text: str) -> bool:
    """ "By Jane Doe and John Roe, CNN", "Reporting by ...; Editing by ..." (the byline is metadata)."""
    if re.match(r"^Reporting by\b.{0,200}(?:Editing|Writing) by\b", text):
        return True
    return _short(text, 16) and bool(_BYLINE.match(text))


_STAMP = re.compile(
    r"^(?:Last\s+)?(?:Updated|Published|Posted|Modified|Last modified|First published|Created|Aktualisiert|"
    r"Actualizado|Mis à jour|Publié)\b(?:\s*(?:on|at|:))?", re.IGNORECASE)
_DATEISH = re.compile(r"\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?|ago|today|yesterday",
                      re.IGNORECASE)


_STAMP_WORDS = re.compile(
    r"(?i)^(?:on|at|by|and|ago|today|yesterday|hours?|hrs?|minutes?|mins?|days?|weeks?|am|pm|a\.m\.|p\.m\.|"
    r"et|est|edt|pt|pst|pdt|gmt|utc|bst|cet|cest|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|"
    r"january|february|march|april|june|july|august|september|october|november|december|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r".*\d.*|[|:,\-–—•·]+)[.,:]?$")


def updated_stamp(text: str) -> bool:
    """ "Updated 3:45 PM ET, Mon February 1, 2016", "Published 2 hours ago", "Posted on 12/05/2020":
    the stamp word, then little but dates and times (a name after "by" at most)."""
    m = _STAMP.match(text)
    if not m or not _short(text, 18) or not _DATEISH.search(text):
        return False
    other = [w for w in text[m.end():].split() if not _STAMP_WORDS.match(w)]
    return len(other) <= 3 and not text.rstrip().endswith((".", "!", "?")) or not other


def bare_date(text: str) -> bool:
    """A paragraph that is only a date or a time ("December 5, 2020 10:32 AM", "05.12.2020")."""
    rest = re.sub(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|"
                  r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\b(?:am|pm|a\.m\.|p\.m\.|et|est|edt|gmt|utc|bst|cet)\b|"
                  r"[\d\s.,:/|\-–—]", "", text)
    return bool(re.search(r"\d", text)) and not rest.strip() and _short(text, 10)


_CREDIT = re.compile(
    r"^(?:\(?\s*(?:Photo|Photograph|Photos|Image|Images|Picture|Pictures|Credit|Photo credit|Image credit|"
    r"Illustration|Source|Caption|Video)s?(?: by)?\s*[:|]|©|\(c\)\s|Copyright\b)", re.IGNORECASE)
_AGENCY_WORDS = re.compile(r"Getty Images|AP Photo|Shutterstock|Associated Press/|/AFP|AFP/|/Reuters|Reuters/|"
                           r"/EPA|EPA/|/AP\b|Alamy|Getty\b|iStock", re.IGNORECASE)


def photo_credit(text: str) -> bool:
    """A credit or caption line: "Photo: Jane Doe/Getty Images", "Image copyright AFP", "(AP Photo/Evan Vucci)"."""
    if _short(text, 25) and _CREDIT.match(text):
        return True
    if re.match(r"^Image (?:copyright|caption)\b", text, re.IGNORECASE):
        return True
    return _short(text, 14) and bool(_AGENCY_WORDS.search(text))


_CAPTION_OPENER = re.compile(
    r"^(?:Clockwise from (?:the )?(?:top|bottom|left|right)(?: left| right)?|From (?:the )?(?:left|top)|"
    r"(?:Left|Top) to (?:right|bottom)|Pictured(?: above| below| left| right)?|Main (?:image|picture|photo)|"
    r"(?:Above|Below|Top|Inset)(?: left| right)?)\s*:\s+\S")


def caption_line(text: str) -> bool:
    """A picture's caption by its opener: "Clockwise from top: ...", "From left: ...", "Pictured: ..."."""
    return _short(text, 100) and bool(_CAPTION_OPENER.match(text))


def embedded_post(text: str) -> bool:
    """An embedded tweet or Instagram post: "pic.twitter.com/...", "— Jane (@jane) May 3, 2020", "A post shared by"."""
    if re.search(r"pic\.twitter\.com/|twitter\.com/\w+/status/|instagram\.com/p/", text, re.IGNORECASE):
        return True
    if re.search(r"[—–-]\s*[^()]{1,60}\(@\w{1,15}\)\s*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?\s*$", text):
        return True
    return bool(re.match(r"^(?:A post shared by|View this post on Instagram|View (?:more )?on (?:Instagram|Twitter|X)\b|"
                         r"Embed from Getty Images|Watch on YouTube)", text, re.IGNORECASE))


_READ_MORE = re.compile(
    r"^(?:Read more|Read More|READ MORE|Read also|Also read|Read next|More reading|Further reading|"
    r"See also|Related|RELATED|Related articles?|Related stories|Related coverage|Related content|"
    r"More on this story|More from [A-Z][\w ]{0,30}|More stories|Recommended|Recommended for you|"
    r"You may also like|You might also like|Most read|Most popular|Trending|Don't miss|Watch|WATCH|"
    r"Lee también|Leia também|Lire aussi|Mehr zum Thema|Lesen Sie auch|Continue reading)\b\s*[:.\-–—|>»]?",
)


def read_more(text: str) -> bool:
    """A "Read more: ..." / "Related: ..." / "More on this story" pointer to other pages."""
    m = _READ_MORE.match(text)
    if not m:
        return False
    rest = text[m.end():].strip()
    # "Related" alone, or a pointer with a headline after it; a sentence that starts with
    # "Watch" or "Related" but goes on as prose stays ("Related research shows that ...").
    return not rest or bool(text[m.end() - 1:m.end()] in ":-–—|>»") or _short(text, 4)


def newsletter(text: str) -> bool:
    """A newsletter sign-up: "Sign up to our newsletter", "Get the best of ... in your inbox", "Subscribe"."""
    t = text.lower()
    if not _short(text, 45):
        return False
    return bool(re.search(r"\bnewsletters?\b.{0,80}\b(sign up|subscribe|inbox|delivered|get)\b|"
                          r"\b(sign up|subscribe)\b.{0,80}\b(newsletters?|inbox|updates|e-?mails?|alerts)\b|"
                          r"\b(?:in|to) your inbox\b|^sign up\b|^subscribe\b|\bthank you for signing up\b|"
                          r"\byou (are|'re) now subscribed\b|\benter your e-?mail\b", t))


def share_buttons(text: str) -> bool:
    """Share and follow buttons: "Share this article", "Share on Facebook", "Tweet Email", "Follow us on Twitter"."""
    t = text.lower().strip(" .:|")
    buttons = {"share", "tweet", "email", "e-mail", "facebook", "twitter", "linkedin", "whatsapp", "pinterest",
               "reddit", "print", "copy link", "copy", "link", "comments", "comment", "save", "x", "messenger",
               "flipboard", "telegram", "mail", "sms", "share this", "share via"}
    words = [w for w in re.split(r"[\s|/•·,]+", t) if w]
    if words and all(w in buttons for w in words):
        return True
    return _short(text, 14) and bool(re.match(
        r"^(?:share (?:this|on|via|the|article|story)|click to share|follow (?:us|@|\w+ on (?:twitter|facebook|"
        r"instagram|x\b))|like us on facebook|join us on)", t))


def comments(text: str) -> bool:
    """A comment section's furniture: "Comments", "12 comments", "Comments (5 posted)", "Leave a comment",
    "Comentar", "El contenido de los comentarios es responsabilidad de sus autores"."""
    t = text.lower().strip(" .:!")
    if re.fullmatch(r"(?:\d+\s+)?(?:comments?|comentarios?|comentar|kommentare?|commentaires?|reader comments|"
                    r"show comments|view comments|load comments|see all comments)(?:\s*\(?\d+[^)]{0,20}\)?)?", t):
        return True
    return _short(text, 30) and bool(re.match(
        r"^(?:leave a (?:comment|reply)|add a comment|post a comment|join the (?:conversation|discussion)|"
        r"have your say|el contenido de los comentarios|comments are closed|"
        r"you must be logged in to (?:post a )?comment)\b", t))


def originally_appeared(text: str) -> bool:
    """ "This article originally appeared on VICE US", "A version of this story was first published in ..."."""
    return _short(text, 40) and bool(re.search(
        r"^(?:this|the) (?:article|story|post|piece|essay|interview|report|column) (?:was |has been |is )?"
        r"(?:originally|first) (?:appeared|published|ran|posted)\b|^(?:originally|first) (?:published|appeared|posted)"
        r" (?:on|in|at|by)\b|^a version of this (?:article|story|piece)\b|"
        r"^this (?:article|story|post) (?:is|was) (?:republished|reproduced|adapted) from\b", text, re.IGNORECASE))


def rights(text: str) -> bool:
    """ "© 2020 Cable News Network. All Rights Reserved.", "Copyright 2019 The Associated Press"."""
    return _short(text, 40) and bool(re.search(
        r"\ball rights reserved\b|^\s*(?:©|\(c\)|copyright)\s*\d{4}|may not be (?:published|reproduced|"
        r"redistributed|rewritten)", text, re.IGNORECASE))


def cookie_notice(text: str) -> bool:
    """A cookie or consent banner: "We use cookies to improve your experience"."""
    return _short(text, 60) and bool(re.search(
        r"\bcookies?\b.{0,80}\b(use|accept|consent|policy|experience|settings)\b|\b(use|accept|consent)\b.{0,40}"
        r"\bcookies\b|\bprivacy (?:policy|settings)\b.{0,40}\b(accept|agree)", text, re.IGNORECASE))


def advertisement(text: str) -> bool:
    """Advert furniture: "Advertisement", "Story continues below advertisement", "Sponsored content"."""
    t = text.lower().strip(" .:-–—|")
    return _short(text, 8) and bool(re.match(
        r"^(?:advertisement|advert|ad|ads|sponsored(?: content)?|paid content|promoted|"
        r"story continues(?: below)?(?: advertisement)?|continue reading (?:the main story|below)|"
        r"article continues below|skip advertisement|scroll (?:down|to continue)(?: for video)?|"
        r"click here.*|anzeige|publicidad|publicité)$", t))


def in_pictures(text: str) -> bool:
    """A gallery pointer: "UK news in pictures", "In pictures: ...", "Gallery: ...", "Watch: ..." (video links)."""
    return _short(text, 12) and bool(re.search(
        r"\bin pictures\b|^(?:gallery|photos|video|watch|listen|slideshow|in photos)\s*[:|]", text, re.IGNORECASE))


def looks_like_code(text: str) -> bool:
    """Code or markup, never spoken: "nnoremap <Leader>M:make<CR>", "if (x) { y(); }", "<div class=...>"."""
    if re.search(r"<[A-Za-z][\w-]*>|</\w+>|[{};]\s*$|\)\s*;|=>|::|\$\(|#include|\bdef \w+\(|\bfunction\s*\w*\(",
                 text):
        symbols = sum(1 for ch in text if ch in "{}[]<>();=$#\\|_*^~`")
        if symbols >= max(3, 0.04 * len(text)):
            return True
    words = text.split()
    return len(words) >= 2 and sum(1 for ch in text if ch in "{}[]<>;=$\\`") > 0.12 * len(text)


DROPS: tuple[Callable[[str], bool], ...] = (
    byline, updated_stamp, bare_date, photo_credit, caption_line, embedded_post, read_more, newsletter, share_buttons,
    comments, originally_appeared, rights, cookie_notice, advertisement, in_pictures, looks_like_code,
)

# --- ends: a heading or line after which the rest of the block is clutter -----------------------


def trailing_block(text: str) -> bool:
    """A heading that opens a block of links or comments: "Related", "More on this story", "Comments",
    "Most read", "You may also like" (everything under it, up to the next heading, goes)."""
    t = text.strip(" .:!")
    return _short(t, 6) and (comments(t) or bool(re.match(
        r"^(?:related(?: (?:articles?|stories|coverage|content|links|posts|topics|reading))?|"
        r"more on (?:this story|this topic|that)|more (?:stories|from [\w ]+|news|coverage)|"
        r"you may also like|you might also like|recommended(?: for you| reading)?|most (?:read|popular|viewed)|"
        r"trending(?: now)?|read (?:more|next|also)|also read|see also|further reading|top stories|"
        r"latest (?:news|stories)|what to read next|around the web|sponsored|from our partners|"
        r"lee también|leia também|lire aussi|mehr zum thema)$", t, re.IGNORECASE)))


def is_clutter(text: str) -> str | None:
    """The name of the first rule that calls this paragraph clutter, or None."""
    for rule in DROPS:
        if rule(text):
            return rule.__name__
    return None


def trim(text: str) -> str:
    for rule in TRIMS:
        text = rule(text)
    return text.strip()


def clean_blocks(blocks: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Blocks without clutter: trimmed paragraphs, clutter paragraphs dropped, trailing blocks cut.

    A trailing block ("Related", "Comments") is cut up to the next heading, but only where it
    trails: when at least as much text comes before it as after it (a "comments" link under
    the headline, or between the stories of a weekly edition, is not the end of the story).
    """
    blocks = list(blocks)
    sizes = [len(text) for _, text in blocks]
    total = sum(sizes)
    kept: list[tuple[str, str]] = []
    skipping = False
    before = 0
    for (kind, text), size in zip(blocks, sizes):
        trailing = trailing_block(text) and (kind == "heading" or _short(text, 4)) and before >= total - before - size
        before += size
        if kind == "heading":
            skipping = trailing
            if skipping or is_clutter(text):
                continue
            kept.append((kind, text))
            continue
        if skipping:
            continue
        if trailing:
            skipping = True
            continue
        if looks_like_code(text):
            continue
        text = trim(text)
        if text and not is_clutter(text):
            kept.append((kind, text))
    return kept


# --- titles ---------------------------------------------------------------------------------------

_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|»|«|::|·|•|/|\\|>)\s+")


_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Section labels a title may open with: "Opinion | ...", "Analysis - ...".
_SECTION_LABELS = {"opinion", "analysis", "editorial", "commentary", "comment", "review", "reviews", "live",
                   "video", "watch", "breaking", "breaking news", "exclusive", "news", "sport", "sports", "business",
                   "politics", "world", "tech", "technology", "science", "health", "culture", "entertainment",
                   "travel", "lifestyle", "money", "markets", "explainer", "podcast", "photos", "interview"}


def _title_words(text: str) -> int:
    """Words of a title part; in Chinese, Japanese or Korean, two characters count as one."""
    return len(text.split()) + len(_CJK_CHAR.findall(text)) // 2


def _letters(text: str) -> str:
    return re.sub(r"[^\w]", "", text.lower())


def _site_like(part: str, site_names: Iterable[str]) -> bool:
    letters = _letters(part)
    if not letters:
        return True
    for name in site_names:
        name_letters = _letters(name)
        if name_letters and (letters == name_letters or letters in name_letters or name_letters in letters) \
                and len(part.split()) <= 6:
            return True
    # A date or a stamp: "19.01.2020", "Feb. 1, 2016", "DW".
    return bool(re.fullmatch(r"[\d\s.,/:-]+|(?:[A-Z][a-z]{2}\.?\s+\d{1,2},?\s+\d{4})", part.strip()))


def clean_title(title: str, *, site_name: str | None = None, host: str | None = None) -> str:
    """The headline without the site's name, section or date: "Obama admits ... - BBC News" ->
    "Obama admits ...", "Title | DW | 19.01.2020" -> "Title", "Title | CNN Politics" -> "Title".

    Like Readability's title rule: parts after (or before) a separator are dropped when they
    name the site (its og:site_name or host), are a date, or are short next to a headline of
    at least four words; a title that would be left too short is kept whole.
    """
    title = " ".join(title.split())
    parts = _SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    names = [n for n in (site_name, host) if n]
    if host:
        bare = re.sub(r"^(?:www|m|edition|amp|mobile)\.", "", host.lower())
        names += [bare, bare.split(".")[0]]
    # The headline is the longest part; the others must look like site furniture to go.
    main = max(range(len(parts)), key=lambda i: _title_words(parts[i]))
    if _title_words(parts[main]) < 3:
        return title
    for i, part in enumerate(parts):
        if i == main:
            continue
        # After the headline a short part is the site or its section ("| CNN Politics"); before it,
        # only the site's name or a section label goes ("BBC News - ...", "Opinion | ..."):
        # "War and peace - a history of ..." stays whole.
        short = i > main and _title_words(part) <= 5 and _title_words(parts[main]) >= 4
        label = i < main and part.strip().lower() in _SECTION_LABELS
        if not (_site_like(part, names) or short or label):
            return title  # a real part of the headline ("Syria - a decade on")
    return parts[main]
