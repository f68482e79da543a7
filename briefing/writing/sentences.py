"""Sentences of a paragraph: whole ones, never fragments a listener would hear as nonsense.

pysbd splits; then what it split wrongly is joined back. A piece is not a sentence
when it has fewer than three words ("com.", "1900."), opens in lowercase ("as it
happens, rhymes with brew)."), has no verb-like word, leaves a bracket or a
quotation open, or stops at a comma ("'The gate was locked, '"): such a
piece goes back to the sentence it was cut from. What pysbd did not split is cut too:
a caption run into the next sentence without a full stop ("...brushed it with a comb The
dog ran off.") is cut before the capital that starts the sentence.

Text pasted from a news page carries things that are not the story's sentences:
`without_dateline` takes a dateline, byline or timestamp off a sentence's front, and
`is_caption` tells a caption, a photo credit, a byline or contact line, or a piece that
never ends, so that a summary does not choose it.

The summarizer chooses among whole sentences (a run-on of more than
`MAX_WHOLE_SENTENCE_WORDS` is cut); the voice says them in pieces of at
most `MAX_SENTENCE_WORDS` words (`spoken_sentences`), cut where a run-on pauses.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Longer than this, a "sentence" is a run-on (or a quotation left open) that no voice says in
# one breath, and that would make a take minutes long: it is cut at clauses, else at words.
MAX_SENTENCE_WORDS = 60
# Past this, a "sentence" is text without sentence ends (a list, a transcript, a scrape gone
# wrong), which no summary can say whole: even the summarizer gets it cut where it pauses.
MAX_WHOLE_SENTENCE_WORDS = 180
MIN_SENTENCE_WORDS = 3
# A bracket or quotation left open pulls in the following sentences, but only so far: past
# this, the text is broken (a stray "(") and its sentences are better kept apart.
MAX_JOINED_WORDS = 120

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
# Finite verbs and auxiliaries news prose is made of, and the endings most verb forms have.
# Lenient on purpose (a plural noun passes): the test only has to catch pieces like
# "Saturday." or "Getty Images." that pysbd cut off at an abbreviation's full stop.
_VERBS = frozenset(
    """am is are was were be been being has have had do does did will would can could may might must shall
    should ought said say says told tell tells made make makes took take takes got get gets went go goes came
    come comes gave give gives saw see sees knew know knows found find finds put puts set sets let lets ran run
    runs won win wins lost lose loses left leave leaves kept keep keeps held hold holds began begin begins
    brought bring brings thought think thinks felt feel feels became become becomes stood stand stands sat sit
    paid pay pays sold sell sells built build builds bought buy buys met meet meets led lead leads fell fall
    falls rose rise rises hit hits cut cuts spent spend spends sent send sends meant mean means heard hear
    hears wrote write writes spoke speak speaks chose choose broke break breaks drove drive drew draw grew grow
    grows threw throw fought fight caught catch taught teach struck strike shut quit read beat bet cost costs
    spread shot slept sleep want wants need needs like likes look looks seem seems help helps show shows
    try tries call calls ask asks work works play plays move moves live lives believe believes happen happens
    welcome thank thanks""".split()
)
_VERB_ENDINGS = ("ed", "ing", "es", "s", "en", "n't")


@lru_cache(maxsize=8)
def _segmenter(language: str):
    import pysbd

    try:
        return pysbd.Segmenter(language=language, clean=False)
    except ValueError:
        return pysbd.Segmenter(language="en", clean=False)


def split_sentences(paragraph: str, language: str = "en") -> list[str]:
    """The whole sentences of a paragraph; pieces that are not sentences joined back.

    Only a run-on of more than `MAX_WHOLE_SENTENCE_WORDS` words comes in pieces.
    """
    return list(_split_sentences(paragraph, language))


def spoken_sentences(paragraph: str, language: str = "en") -> list[str]:
    """The sentences a voice says one by one: whole sentences, a run-on cut where it pauses."""
    return [piece for sentence in _split_sentences(paragraph, language) for piece in split_long_sentence(sentence)]


@lru_cache(maxsize=4096)
def _split_sentences(paragraph: str, language: str) -> tuple[str, ...]:
    # Cached: the script splits again the sentences the summarizer chose, and pysbd is slow.
    pieces = _marks_kept([s.strip() for s in _segmenter(language).segment(paragraph) if s.strip()])
    cuts = [cut for piece in _join_open(pieces) for part in _split_missed_ends(piece) for cut in _split_run_ins(part)]
    sentences = [_without_leading_marks(s) for s in _join_fragments(cuts)]
    return tuple(piece for s in sentences if s for piece in split_long_sentence(s, MAX_WHOLE_SENTENCE_WORDS))


def _without_leading_marks(sentence: str) -> str:
    """A sentence never opens with a colon, semicolon or comma a caption left before it (": Tokyo
    researchers have proposed ...")."""
    return sentence.lstrip(":;, ") if sentence[:1] in ":;," else sentence


def _marks_kept(pieces: list[str]) -> list[str]:
    """A quotation mark pysbd cut off as a piece of its own goes back where it belongs: a
    closing mark onto the sentence before it with no space between ("...life.", "'" ->
    "...life.'"), an opening mark onto the sentence after it ('...course."', '"', 'We do not
    ...' -> '"We do not ...'): a straight double mark closes when the sentence before it left
    one open (an odd count), a curly one by its shape."""
    kept: list[str] = []
    opening = ""
    for piece in pieces:
        if not piece.strip("'’\"”“‘"):
            opens = piece.strip() in ("“", "‘") or (piece.strip() == '"' and (not kept or kept[-1].count('"') % 2 == 0))
            if opens:
                opening += piece.strip()
                continue
            if kept:
                kept[-1] += piece
                continue
        kept.append(opening + piece)
        opening = ""
    if opening and kept:
        kept[-1] += opening  # a mark at the paragraph's end closes, whatever its count says
    elif opening:
        kept.append(opening)
    return kept


def _join_open(pieces: list[str]) -> list[str]:
    """Join a piece that leaves a bracket or quotation open with the pieces that close it."""
    joined: list[str] = []
    i = 0
    while i < len(pieces):
        current = pieces[i]
        i += 1
        while i < len(pieces) and len(current.split()) < MAX_JOINED_WORDS and (
            leaves_open(current) or _UNFINISHED.search(current)
            # single quotation marks are often left unclosed in pasted text: a shorter reach
            or _opens_single_quote(current) and len(current.split()) < MAX_SENTENCE_WORDS
        ):
            current = f"{current} {pieces[i]}"
            i += 1
        joined.append(current)
    return joined


# A piece that stops at a comma, semicolon or colon (a quotation pysbd cut at its closing
# quote: "'The gate was locked, '") goes on in the next piece.
_UNFINISHED = re.compile(r"[,;:]\s*['’\"”]?$")
# A capitalized article, pronoun or conjunction right after a word ending in lowercase, with
# no full stop between: a sentence starts there (a caption or headline ran into it). Not
# "A" or "I", which are capitals mid-sentence ("plan A is"); a title ("The Who") goes on
# with a capital, so it is not cut.
_RUN_IN = re.compile(
    r"(?<=[a-z0-9)])\s+(?=(?:The|He|She|It|They|We|His|Her|Their|Its|This|These|Those|But|And|There|When|"
    r"While|After|In)\s+[a-z]|A\s+\d"
    # a tabloid caption's label: "...after the final Heartbroken: Fans waited..."
    r"|[A-Z][a-z]+(?: [a-z]+)?: [A-Z])"
)
# Past this many words, a piece may hold sentences pysbd did not cut (it reads an apostrophe
# after a space, "the twins ' school trip.", as a quotation that runs on). Such a piece is
# cut where a word of two lowercase letters or more ends with a full stop, question or
# exclamation mark and a capital follows, outside double quotes and brackets.
LONG_PIECE_WORDS = 50
_MISSED_END = re.compile(r"(?<=[a-z]{2}[.!?])\s+(?=[A-Z])")
_TITLE_ABBREVIATIONS = frozenset(
    "mrs ms dr gen sen rep gov capt col lt sgt st jr sr inc corp ltd co no vs jan feb mar apr jun jul aug sep sept "
    "oct nov dec mt ft prof rev hon est approx".split()
)


# Single quotation marks, told from apostrophes by what is around them: a closing one comes
# after a sentence's or clause's punctuation and before a space ("well. '", "goals, '"); an
# opening one after the start, a space or a colon and before a capital ("added: ' I hope",
# "'We will"). "the twins' school" and "don't" are neither.
_SINGLE_QUOTE = re.compile(r"(?P<close>(?<=[.,!?])\s?['’](?=\s|$))|(?P<open>(?:^|(?<=[\s:(]))['‘]\s?(?=[A-Z]))")


def _opens_single_quote(piece: str) -> bool:
    """A piece that opens a single-quoted quotation and does not close it ("added: ' I hope it works.")."""
    depth = 0
    for match in _SINGLE_QUOTE.finditer(piece):
        depth = 1 if match.group("open") else 0
    return depth > 0


def _split_missed_ends(piece: str) -> list[str]:
    """A long piece cut at the sentence ends pysbd passed over."""
    if len(piece.split()) <= LONG_PIECE_WORDS:
        return [piece]
    cuts: list[str] = []
    start = 0
    for match in _MISSED_END.finditer(piece):
        head = piece[start : match.start()]
        last = head.rsplit(None, 1)[-1].rstrip(".!?").lower()
        if last not in _TITLE_ABBREVIATIONS and not (leaves_open(head) or _opens_single_quote(head)):
            cuts.append(head.strip())
            start = match.end()
    cuts.append(piece[start:].strip())
    return [c for c in cuts if c]


def _split_run_ins(piece: str) -> list[str]:
    """A piece cut where a new sentence starts without a full stop before it."""
    cuts: list[str] = []
    start = 0
    for match in _RUN_IN.finditer(piece):
        head = piece[start : match.start()]
        if not (leaves_open(head) or _opens_single_quote(head)):
            cuts.append(head.strip())
            start = match.end()
    cuts.append(piece[start:].strip())
    return [c for c in cuts if c]


def _join_fragments(pieces: list[str]) -> list[str]:
    """Give each piece that is not a sentence back to the sentence before it (or after, if first)."""
    joined: list[str] = []
    for piece in pieces:
        # A caption or a prompt to the page's reader ("Scroll down for video") stays apart,
        # where a summary can leave it out, instead of being joined to a sentence.
        if joined and (is_fragment(piece) and not _CAPTION.search(piece) or _ends_in_abbreviation(joined[-1])):
            joined[-1] = f"{joined[-1]} {piece}"
        else:
            joined.append(piece)
    if len(joined) > 1 and is_fragment(joined[0]):
        joined[:2] = [f"{joined[0]} {joined[1]}"]
    return joined


# Lowercase abbreviations pysbd sometimes takes for a sentence's end ("born c. 1900").
_ABBREVIATION_AT_END = re.compile(r"(?:^|\s)\(?(?:[a-z]|ca|approx|est|fig|figs|no|nos|vol|vols|pp|vs|cf)\.$")


def _ends_in_abbreviation(text: str) -> bool:
    return bool(_ABBREVIATION_AT_END.search(text))


def leaves_open(text: str) -> bool:
    """True while a bracket or a (double) quotation opened in `text` is not closed."""
    if text.count("(") > text.count(")") or text.count("[") > text.count("]"):
        return True
    if text.count("“") > text.count("”"):
        return True
    return text.count('"') % 2 == 1


def is_fragment(piece: str) -> bool:
    """True for a piece that cannot be said as a sentence of its own.

    Too short ("com.", "Saturday."), opening in lowercase (the rest of a sentence cut at a
    dot), closing a bracket it did not open, or with no verb-like word at all.
    """
    words = _WORD.findall(piece)
    if len(piece.split()) < MIN_SENTENCE_WORDS or not words:
        return True
    first = piece.lstrip("\"'“‘([ ")[:1]
    # "iPhone sales rose." opens in lowercase and is a sentence: a brand has a capital inside.
    if first.islower() and not any(ch.isupper() for ch in words[0][1:]):
        return True
    if piece.count(")") > piece.count("(") or piece.count("]") > piece.count("["):
        return True
    return not any(_verb_like(w) for w in words) and not _PRONOUN_THEN_VERB.match(piece)


# "I usually drink about 12 of these.": after "I", "we", "they" or "you" (and an adverb) comes the
# verb, in a form the word list may not know.
_PRONOUN_THEN_VERB = re.compile(
    r"^[\"'“‘(]*(?:I|We|They|You)\s+(?:[a-z]+ly\s+)?(?!(?:the|a|an|of|and|or|in|on|at|to|for|all|both)\b)[a-z]+\b")


def _verb_like(word: str) -> bool:
    lower = word.lower().replace("’", "'")
    if lower in _VERBS:
        return True
    return len(lower) > 3 and lower.endswith(_VERB_ENDINGS) or lower.endswith(("'s", "'re", "'ve", "'ll", "'d"))


def split_long_sentence(sentence: str, limit: int = MAX_SENTENCE_WORDS) -> list[str]:
    """A sentence of at most `limit` words as itself; a longer one cut where it pauses.

    Clauses (after a comma, semicolon, colon or dash) are gathered into pieces of at
    most `limit` words; a clause longer than that is cut every `limit` words.
    """
    words = sentence.split()
    if len(words) <= limit:
        return [sentence]
    pieces: list[str] = []
    current: list[str] = []
    for clause in re.split(r"(?<=[,;:–—])\s+", sentence):
        clause_words = clause.split()
        if current and len(current) + len(clause_words) > limit:
            pieces.append(" ".join(current))
            current = []
        while len(clause_words) > limit:
            pieces.append(" ".join(clause_words[:limit]))
            clause_words = clause_words[limit:]
        current.extend(clause_words)
    if current:
        pieces.append(" ".join(current))
    return pieces


# What pasted news text puts before a sentence: a dateline ("LONDON (Reuters) -",
# "DES MOINES, Iowa —", "(CNN) --"), a byline ("By . Daily Mail Reporter ."), a time
# stamp ("03/14/2016 AT 09:15 AM EST", "PUBLISHED: 10:41 EST, 2 May 2014 |").
_AGENCY = r"(?:CNN|Reuters|AP|AFP|UPI|Bloomberg|dpa|PA|EFE|Xinhua)"
_LEADING_CLUTTER = re.compile(
    r"^(?:"
    rf"\({_AGENCY}\)\s*(?:[-—–]{{1,2}}\s*)?"
    r"|[A-Z][A-Z.'’-]+(?:[ -][A-Z][A-Z.'’-]+)*(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?"
    rf"\s*(?:\({_AGENCY}(?:\s*\w+)?\)\s*)?[-—–]{{1,2}}\s+"
    r"|\d{1,2}/\d{1,2}/\d{2,4}\s+(?:AT\s+)?\d{1,2}:\d{2}(?:\s*[AP]M)?(?:\s+[A-Z]{2,4}\b)?\s*"
    r"|(?:PUBLISHED|UPDATED|Last updated)\s*:\s*[^|]*?\d{4}\s*(?:\|\s*)?\.?\s*"
    r"|By\s+(?:\.\s+)?(?:[A-Z][A-Za-z'’-]+\.?\s+){1,4}\.\s+"
    r")"
)


def without_dateline(sentence: str) -> str:
    """The sentence without the dateline, byline or time stamp before it.

    The sentence is left as it is when what would be left does not open like a sentence.
    """
    rest = sentence
    while match := _LEADING_CLUTTER.match(rest):
        if not match.group():
            break
        rest = rest[match.end() :]
    if rest is sentence:
        return sentence
    # What is left must still be a sentence: it opens like one.
    return rest if rest[:1].isupper() or rest[:1] in "\"'“‘" else sentence


# The page's furniture: a credit, a prompt to the page's reader, a byline or contact line at an
# article's end, the comments' own lines.
_FURNITURE = (
    r"\((?:[A-Z][\w.'’ -]*/\s*)?(?:Getty Images|[A-Z][\w.'’ &-]*/[A-Z][\w.'’ &-]*)\)"
    r"|\b(?:Getty Images|Photo(?:graph)?:|Picture:|Pictured:|Image:|Credit:|Scroll down|Click here|Read more:)"
    r"|\bstaff (?:writer|reporter)\b|\bcontributed (?:to )?(?:this|the) report\b|\bE-?mail:|\bTwitter: ?@"
    r"|\b(?:accepting|closed for|leave a) comments?\b|\bcomments on this (?:article|story)\b"
    # a pointer to another page, in brackets: "(See the 25 most influential ...)", "(Read more ...)"
    r"|^\((?:See|Read|Watch|Listen to|Click)\b[^()]*\)\W*$"
)
_CAPTION = re.compile(
    # a picture's place in the layout
    r"\((?:left|right|centre|center|pictured|above|below|top|bottom|inset|file(?: photo| picture)?)\)"
    r"|" + _FURNITURE +
    # a tabloid caption's label: "Gutted: the captain left ..."
    r"|^[A-Z][a-z]+(?: [a-z]+)?: [A-Z]"
)
_FURNITURE_MARK = re.compile(_FURNITURE)


def is_furniture(sentence: str) -> bool:
    """A credit, a "Scroll down for video" or "Read more:" prompt, a byline or a comments line: the
    page's, never the story's, even when the whole article is read out."""
    return bool(_FURNITURE_MARK.search(sentence))


_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def is_caption(sentence: str) -> bool:
    """True for a caption, a photo credit, a byline or a contact line, or a piece that never ends.

    Whole sentences of the story end in a full stop, a question or exclamation mark; a
    caption pasted with the text does not ("Smith (left) argued with the umpire").
    """
    return bool(_CAPTION.search(sentence)) or not _SENTENCE_END.search(sentence.rstrip())
