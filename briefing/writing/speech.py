"""Written text to speakable text: a few small passes around one classify-then-verbalize stage.

`speakable()` runs them in order. The passes before clean the text (entities, quotes, emoji,
dashes, an acronym repeated in parentheses); `say_tokens` hands every number, date, amount,
measure, time, phone number, address, abbreviation, roman numeral and word in capitals to
`briefing.writing.normalize`, which tags each span with one semiotic class and says it the
way a presenter would (TTS voices read "$1.13bn" as "dollar one point one three b n"); the
passes after say the remaining symbols and tidy the spacing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable


Transformation = Callable[[str], str]


_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape_html_entities(text: str) -> str:
    """"Marks &amp; Spencer" as "Marks & Spencer": entities left in text copied from the web or
    a feed would be spelled out ("and amp"). Only complete entities (with their semicolon),
    so "AT&T" and "R&D" stay as written; the standard library knows every entity's character.
    """
    import html

    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


def normalize_unicode(text: str) -> str:
    """Compose characters (NFC) and turn typographic quotes into plain ones.

    Curly quotes and apostrophes otherwise reach the phonemizer as unknown symbols.
    """
    text = unicodedata.normalize("NFC", text)
    return text.translate(
        str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "′": "'", "″": '"'})
    )


def drop_parenthesized_acronym(text: str) -> str:
    """Drop "(HTS)" after "Hayat Tahrir al-Sham": said aloud, it repeats the name.

    Only an all-caps acronym in parentheses goes; other parentheses stay.
    """
    return re.sub(r"\s*\((?:[A-Z][A-Za-z&.]{1,9}|[A-Z]{2,10}s?)\)(?=[\s,.;:!?\"']|$)", "", text)


def editorial_brackets(text: str) -> str:
    """An editor's square brackets inside a quotation are not heard: "[T]he" is "The", "work[s]"
    "works", "[the company]" "the company"; "[sic]" and a footnote mark "[3]" are not said."""
    if "[" not in text:
        return text
    text = re.sub(r"\s?\[(?:sic|\d{1,3})\]", "", text, flags=re.IGNORECASE)
    return re.sub(r"\[([^\[\]]{1,60})\]", r"\1", text)


def dashes_to_pauses(text: str) -> str:
    """An em or en dash between words is a pause: say it as a comma."""
    text = re.sub(r"\s*[—―]\s*", ", ", text)
    return re.sub(r"(?<=\D)\s+[–-]\s+(?=\D)", ", ", text)


# "/year" after an amount: "$3m/year" is "three million dollars a year".
_PER = {"year": "a year", "yr": "a year", "month": "a month", "week": "a week", "day": "a day", "hour": "an hour",
        "hr": "an hour", "night": "a night", "head": "a head", "person": "per person", "capita": "per capita",
        "annum": "per annum"}
_PER_UNIT = re.compile(r"(?<=\w)\s?/\s?(" + "|".join(_PER) + r")\b", re.IGNORECASE)
_WORD_SLASH = re.compile(r"(?<=[A-Za-z])/(?=[A-Za-z])")
_CURRENCIES = frozenset({"dollar", "euro", "yen", "sterling", "pound", "yuan", "franc", "rouble", "rupee", "peso"})


def expand_symbols(text: str) -> str:
    """Say symbols as words: "&" is "and", "+" is "plus" ("%" and "°" after a number are measures)."""
    text = text.replace("&", " and ")
    text = re.sub(r"\s\+\s", " plus ", text)
    text = re.sub(r"(?<=\s)@(?=\s)", " at ", text)
    return say_slashes(say_plus(text))


def say_plus(text: str) -> str:
    """A "+" on a word is "plus": "C++" is "C plus plus", "Sky+" "Sky plus", "15+ hours" "fifteen
    plus hours", "+3.5%" "plus three point five percent"."""
    text = re.sub(r"(?<=\w)(\+{1,2})(?!\w)", lambda m: " plus" * len(m.group(1)), text)
    return re.sub(r"(?<![\w+])\+(?=\w)", "plus ", text)


def say_slashes(text: str) -> str:
    """A slash between words: "/year" after an amount is "a year"; between letters said one by one it
    is a pause ("TCP/IP": "T C P I P"), and so between two names ("Nielsen/NetRatings") and two
    currencies ("euro/dollar"); "and/or" is "and or"; between other words it is "or" ("his/her":
    "his or her"). Web addresses were said before this ("slash")."""
    text = _PER_UNIT.sub(lambda m: " " + _PER[m.group(1).lower()], text)
    if "km/h" in text:  # with no number before it (after one, it is the measure class's)
        from .normalize.measure import UNITS

        text = re.sub(r"\bkm/h\b", UNITS["km/h"][1], text)

    def said(match: re.Match) -> str:
        before, after = text[match.start() - 1], text[match.end()]
        if before.isupper() and after.isupper():
            return " "
        if text[:match.start()].split()[-1][:1].isupper() and after.isupper():  # "Nielsen/NetRatings": one name
            return " "
        left = re.search(r"[A-Za-z]+$", text[:match.start()]).group().lower()
        right = re.match(r"[A-Za-z]+", text[match.end():]).group().lower()
        if left in _CURRENCIES and right in _CURRENCIES:  # "the euro/dollar rate": a pair of currencies
            return " "
        if left == "and" and right == "or":
            return " "
        return " or "

    return _WORD_SLASH.sub(said, text)


_EMOJI = re.compile(
    "[\U0001F000-\U0001FAFF\U00002600-\U000027BF\U0001F1E6-\U0001F1FF\u2B00-\u2BFF\uFE0E\uFE0F\u200D\u20E3]+"
)


def drop_emoji(text: str) -> str:
    """Emoji are dropped: a voice either skips them or reads their code point names aloud."""
    return _EMOJI.sub("", text)


def say_tokens(text: str, language: str = "en") -> str:
    """Numbers, dates, money, measures, times, phone numbers, web addresses, abbreviations, roman
    numerals and words in capitals in words: classified, then verbalized (`briefing.writing.normalize`)."""
    from .normalize import normalize

    return normalize(text, language)


def say_leftover_digits(text: str) -> str:
    """A last guard: a digit no class claimed (none should be left) is said as a digit, never passed on."""
    if not any(unicodedata.category(ch) == "Nd" for ch in text):
        return text
    from .normalize.numbers import digits

    return "".join(f" {digits(ch)} " if unicodedata.category(ch) == "Nd" else ch for ch in text)


def tidy_spacing(text: str) -> str:
    """Remove the doubled spaces and stray space before punctuation that the steps above leave."""
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    return text.strip()


TRANSFORMATIONS: list[Transformation] = [
    unescape_html_entities,
    normalize_unicode,
    drop_emoji,
    drop_parenthesized_acronym,
    editorial_brackets,
    dashes_to_pauses,
    say_tokens,
    expand_symbols,
    say_leftover_digits,
    tidy_spacing,
]


# What holds in any language. The others write English words ("percent", "the third of May",
# "forty-two"); in an article of another language they would put English into, say, a French
# sentence, while gTTS already reads digits and symbols in the article's own language.
NEUTRAL_TRANSFORMATIONS: list[Transformation] = [
    unescape_html_entities,
    normalize_unicode,
    drop_emoji,
    dashes_to_pauses,
    tidy_spacing,
]


def speakable(text: str, transformations: list[Transformation] | None = None, *, language: str = "en") -> str:
    """Run every transformation over `text`, in order (only the neutral ones for a language
    other than English)."""
    if transformations is None and language.split("-")[0].lower() != "en":
        transformations = NEUTRAL_TRANSFORMATIONS
    for transform in transformations or TRANSFORMATIONS:
        # The language variant decides how numeric dates read ("en-GB": 03/04 is the third of April).
        text = transform(text, language) if transform is say_tokens else transform(text)
    return text
