"""Written text to speakable text, as a list of small named transformations.

Each function does one thing and says why in its docstring; `speakable()` runs
them in order. The idea follows gTTS's `tokenizer/pre_processors.py`. TTS voices
read digits, symbols and abbreviations unreliably (espeak says "$1.13bn" as
"dollar one point one three b n"), so the script says them the way a presenter would.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from num2words import num2words

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


def dashes_to_pauses(text: str) -> str:
    """An em or en dash between words is a pause: say it as a comma."""
    text = re.sub(r"\s*[—―]\s*", ", ", text)
    return re.sub(r"(?<=\D)\s+[–-]\s+(?=\D)", ", ", text)


def expand_symbols(text: str) -> str:
    """Say symbols as words: "&" is "and", "%" is "percent", "+" is "plus"."""
    text = re.sub(r"(?<=\d)\s*%", " percent", text)
    text = text.replace("&", " and ")
    text = re.sub(r"(?<=\d)\s*°C\b", " degrees Celsius", text)
    text = re.sub(r"(?<=\d)\s*°F\b", " degrees Fahrenheit", text)
    text = re.sub(r"(?<=\d)\s*°", " degrees", text)
    text = re.sub(r"\s\+\s", " plus ", text)
    text = re.sub(r"(?<=\s)@(?=\s)", " at ", text)
    return text


_EMOJI = re.compile(
    "[\U0001F000-\U0001FAFF\U00002600-\U000027BF\U0001F1E6-\U0001F1FF\u2B00-\u2BFF\uFE0E\uFE0F\u200D\u20E3]+"
)


def drop_emoji(text: str) -> str:
    """Emoji are dropped: a voice either skips them or reads their code point names aloud."""
    return _EMOJI.sub("", text)


_TLDS = "com|org|net|edu|gov|io|co|uk|us|eu|de|fr|info|biz|news|int|ca|au|ie|nz|in"
_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)]"
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:" + _TLDS + r")\b(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)])?",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\b[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+\b", re.IGNORECASE)


def _say_dotted(name: str) -> str:
    return " dot ".join(part for part in name.split(".") if part)


def expand_emails(text: str) -> str:
    """"press@harbor.org" is "press at harbor dot org"."""

    def repl(m: re.Match[str]) -> str:
        user, domain = m.group(0).split("@", 1)
        return f"{_say_dotted(user)} at {_say_dotted(domain.lower())}"

    return _EMAIL.sub(repl, text)


def expand_urls(text: str) -> str:
    """A web address is said as its site: "https://www.bbc.co.uk/news/123" is "bbc dot co dot uk".

    The scheme and "www" are never said; a short, wordy path ("/jobs") is, an opaque one is not.
    """

    def repl(m: re.Match[str]) -> str:
        url = re.sub(r"^(?:https?://)?(?:www\.)?", "", m.group(0), flags=re.IGNORECASE)
        host, _, path = url.partition("/")
        spoken = _say_dotted(host.lower().split(":")[0])
        path = path.strip("/")
        if path and len(path) <= 20 and re.fullmatch(r"[a-z]+(?:/[a-z]+)?", path, re.IGNORECASE):
            spoken += " slash " + " slash ".join(path.split("/"))
        return spoken

    return _URL.sub(repl, text)


_TITLES = {
    "Dr": "Doctor", "Mr": "Mister", "Mrs": "Missus", "Ms": "Miz", "Prof": "Professor", "Gen": "General",
    "Lt": "Lieutenant", "Col": "Colonel", "Capt": "Captain", "Sgt": "Sergeant", "Maj": "Major", "Adm": "Admiral",
    "Gov": "Governor", "Sen": "Senator", "Rep": "Representative", "Rev": "Reverend", "Pres": "President",
    "Insp": "Inspector", "Supt": "Superintendent", "Cllr": "Councillor", "Fr": "Father",
}
_PHRASES = {"e.g.": "for example", "i.e.": "that is", "etc.": "et cetera", "vs.": "versus", "vs": "versus",
            "approx.": "approximately", "Jr.": "Junior", "Sr.": "Senior"}


def expand_abbreviations(text: str) -> str:
    """"Dr. Ada Chen" is "Doctor Ada Chen", "Gen." is "General", "e.g." is "for example".

    "St." is "Saint" before a name ("St. Paul's") and "Street" after one ("Baker St.");
    "No. 5" is "number five". A title is only expanded before a capitalized name.
    """
    titles = "|".join(_TITLES)
    text = re.sub(rf"\b({titles})\.?(?=\s+[A-Z])", lambda m: _TITLES[m.group(1)], text)
    text = re.sub(r"\bSt\.?(?=\s+[A-Z])", "Saint", text)
    text = re.sub(r"\b([A-Z][a-z]+\s+)St\.(?=\s+[a-z])", r"\1Street", text)
    text = re.sub(r"\b([A-Z][a-z]+\s+)St\b", r"\1Street", text)
    text = re.sub(r"(?:(?<=[.!?]\s)|^)No\.\s?(?=\d)", "Number ", text)
    text = re.sub(r"\bNo\.\s?(?=\d)", "number ", text)
    for short, long in _PHRASES.items():
        text = re.sub(rf"(?<![\w.]){re.escape(short)}(?!\w)", long, text)
    return text


def expand_ranges(text: str) -> str:
    """"2010-2015" is "2010 to 2015" and "5-7 people" is "5 to 7 people": a hyphen between numbers is "to"."""
    return re.sub(r"(?<![\w.-])(\d+(?:\.\d+)?)\s?[-–]\s?(?=\d+(?:\.\d+)?(?![\w-]|\.\d))", r"\1 to ", text)


_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December"
           "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_MONTH_NAMES = {m[:3]: m for m in "January February March April May June July August September October November "
                "December".split()}


def _month(name: str) -> str:
    return _MONTH_NAMES[name[:3].title()]


def expand_dates(text: str) -> str:
    """"3 May 2024" is "the third of May 2024"; "May 3" is "May third": days are ordinals when said.

    The year is left to `expand_years`.
    """

    def day_first(m: re.Match[str]) -> str:
        day = int(m.group(2))
        if not 1 <= day <= 31:
            return m.group(0)
        return f"{m.group(1) or 'the '}{num2words(day, to='ordinal')} of {_month(m.group(3))}"

    def month_first(m: re.Match[str]) -> str:
        day = int(m.group(2))
        if not 1 <= day <= 31:
            return m.group(0)
        return f"{_month(m.group(1))} {num2words(day, to='ordinal')}"

    text = re.sub(rf"\b([Tt]he\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTHS})\b\.?", day_first, text)
    return re.sub(rf"\b({_MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?![\d:.,]\d|\s?%)", month_first, text)


_UNITS = {
    "km/h": ("kilometre per hour", "kilometres per hour"), "kph": ("kilometre per hour", "kilometres per hour"),
    "mph": ("mile per hour", "miles per hour"), "km": ("kilometre", "kilometres"), "cm": ("centimetre", "centimetres"),
    "mm": ("millimetre", "millimetres"), "kg": ("kilogram", "kilograms"), "mg": ("milligram", "milligrams"),
    "lb": ("pound", "pounds"), "lbs": ("pound", "pounds"), "oz": ("ounce", "ounces"), "ft": ("foot", "feet"),
    "kWh": ("kilowatt hour", "kilowatt hours"), "MWh": ("megawatt hour", "megawatt hours"),
    "kW": ("kilowatt", "kilowatts"), "MW": ("megawatt", "megawatts"), "GW": ("gigawatt", "gigawatts"),
    "GB": ("gigabyte", "gigabytes"), "MB": ("megabyte", "megabytes"), "TB": ("terabyte", "terabytes"),
    "ha": ("hectare", "hectares"), "sq km": ("square kilometre", "square kilometres"),
}


def expand_units(text: str) -> str:
    """"5 km" is "5 kilometres", "70mph" is "70 miles per hour": unit symbols become words after a number."""
    units = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))

    def repl(m: re.Match[str]) -> str:
        singular, plural = _UNITS[m.group(2)]
        return f"{m.group(1)} {singular if m.group(1) == '1' else plural}"

    # The look-behind starts a match only where a number starts: linear on long runs of digits.
    return re.sub(rf"(?<![\d,.])(\d[\d,]*(?:\.\d+)?)\s?({units})(?![\w/])", repl, text)


_SCALES = {"bn": "billion", "tn": "trillion", "m": "million", "mn": "million", "k": "thousand"}


def expand_scale_suffixes(text: str) -> str:
    """"464m users" is "464 million users": news writes millions and billions as a letter after the number."""
    return re.sub(r"\b(\d+(?:\.\d+)?)(bn|tn|mn|m|k)\b(?![\w-])", lambda m: f"{m.group(1)} {_SCALES[m.group(2)]}", text)


def expand_negative_numbers(text: str) -> str:
    """"-5" is "minus 5": a lone sign before a number reaches the voice as a dash."""
    return re.sub(r"(?:(?<=\s)|^)[-−](?=\d)", "minus ", text)


_MONEY_UNITS = {"bn": "billion", "b": "billion", "m": "million", "mn": "million", "k": "thousand", "tn": "trillion",
                "trillion": "trillion", "billion": "billion", "million": "million", "thousand": "thousand"}
_CURRENCIES = {"$": ("dollar", "dollars"), "£": ("pound", "pounds"), "€": ("euro", "euros"), "¥": ("yen", "yen")}


def expand_money(text: str) -> str:
    """"$1.13bn" is "1.13 billion dollars": the unit goes after the amount when spoken."""

    def repl(m: re.Match[str]) -> str:
        singular, plural = _CURRENCIES[m.group(1)]
        amount, unit = m.group(2).replace(",", ""), (m.group(3) or "").lower()
        scale = _MONEY_UNITS.get(unit)
        if scale:
            return f"{amount} {scale} {plural}"
        if "." in amount:
            whole, cents = amount.split(".", 1)
            if len(cents) == 2 and int(cents):
                return f"{whole} {plural if whole != '1' else singular} and {int(cents)} cents"
            amount = whole
        return f"{amount} {singular if amount == '1' else plural}"

    return re.sub(
        r"([$£€¥])\s?(\d[\d,]*(?:\.\d+)?)(?:\s?(bn|tn|mn|trillion|billion|million|thousand|[bmk])\b)?",
        repl,
        text,
        flags=re.IGNORECASE,
    )


def expand_times(text: str) -> str:
    """"9:10" is "nine ten", "7:00 am" is "seven a m", "14:05" is "fourteen oh five".

    Left alone, the colon reaches the voice as a symbol and the digits as a number.
    """

    def repl(m: re.Match[str]) -> str:
        hour, minute, suffix = int(m.group(1)), int(m.group(2)), (m.group(3) or "").lower().replace(".", "")
        if hour > 23 or minute > 59:
            return m.group(0)
        spoken = num2words(hour)
        if minute == 0:
            spoken += "" if suffix else " o'clock" if hour <= 12 else " hundred"
        elif minute < 10:
            spoken += " oh " + num2words(minute)
        else:
            spoken += " " + num2words(minute)
        if suffix:
            spoken += " " + " ".join(suffix)
            if m.group(3).endswith("."):
                spoken += "."  # "p.m." ends the sentence too often to drop its full stop
        return spoken

    text = re.sub(r"\b(\d{1,2}):(\d{2})(?:\s?([ap]\.?m\.?)(?=\W|$))?", repl, text, flags=re.IGNORECASE)

    def hour_only(m: re.Match[str]) -> str:
        hour = int(m.group(1))
        if not 1 <= hour <= 12:
            return m.group(0)
        return f"{num2words(hour)} {m.group(2).lower()} m" + ("." if m.group(0).endswith("m.") else "")

    return re.sub(r"\b(\d{1,2})\s?([ap])\.?m\b\.?", hour_only, text, flags=re.IGNORECASE)


def expand_ordinals(text: str) -> str:
    """"3rd" is "third"."""
    return re.sub(
        r"\b(\d+)(st|nd|rd|th)\b", lambda m: say_integer(m.group(1), ordinal=True), text, flags=re.IGNORECASE
    )


def expand_years(text: str) -> str:
    """"1999" is "nineteen ninety-nine" and "2024" is "twenty twenty-four" when it reads as a year."""

    def repl(m: re.Match[str]) -> str:
        return num2words(int(m.group(0)), to="year")

    return re.sub(r"(?<![\d.,$£€])\b(1[1-9]\d\d|20\d\d)\b(?![.,]\d)(?!\s?(?:percent|%))", repl, text)


# Beyond this many digits nobody says a number as a quantity ("quattuordecillion"); it is an
# identifier or noise, read digit by digit (and int() refuses strings over 4,300 digits).
MAX_SPOKEN_DIGITS = 15


def say_digits(digits: str) -> str:
    """"0427" is "zero four two seven"."""
    return " ".join(num2words(int(d)) for d in digits)


def say_integer(digits: str, *, ordinal: bool = False) -> str:
    """A run of digits in words: "3500" is "three thousand five hundred"; a huge one digit by digit."""
    if len(digits) > MAX_SPOKEN_DIGITS:
        spoken = say_digits(digits[:-1]) + " " if len(digits) > 1 else ""
        return spoken + num2words(int(digits[-1]), to="ordinal" if ordinal else "cardinal")
    return num2words(int(digits), to="ordinal" if ordinal else "cardinal").replace(",", "")


def expand_numbers(text: str) -> str:
    """Digits become words: "3,500" is "three thousand, five hundred"; "2.5" is "two point five"."""

    def repl(m: re.Match[str]) -> str:
        whole, _, fraction = m.group(0).replace(",", "").partition(".")
        spoken = say_integer(whole)
        if fraction:
            # Digit by digit, as a presenter reads decimals (and without float rounding).
            spoken += " point " + say_digits(fraction)
        return spoken

    return re.sub(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", repl, text)


# Acronyms a presenter pronounces as a word rather than letter by letter.
PRONOUNCED_ACRONYMS = frozenset(
    "NATO NASA UNESCO UNICEF OPEC AIDS COVID FIFA UEFA NAFTA ASEAN OFCOM OFGEM SARS MERS LASER RADAR SCUBA "
    "ISIS ISIL IKEA FTSE NASDAQ GIF JPEG PIN ASAP CAPTCHA EFTA INTERPOL EUROPOL OPEX CAPEX FEMA".split()
)


def spell_acronyms(text: str) -> str:
    """"HTS" is said letter by letter ("H T S") unless it is said as a word ("NATO")."""

    def repl(m: re.Match[str]) -> str:
        word = m.group(0)
        letters = word.rstrip("s") if word.endswith("s") and word[:-1].isupper() else word
        if letters in PRONOUNCED_ACRONYMS or len(letters) < 2:
            return word
        spelled = " ".join(letters)
        return spelled + ("'s" if word != letters else "")

    text = re.sub(r"\b(?:[A-Z]\.){2,}", lambda m: m.group(0).replace(".", ""), text)
    return re.sub(r"\b[A-Z]{2,6}s?\b", repl, text)


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
    expand_emails,
    expand_urls,
    drop_parenthesized_acronym,
    expand_abbreviations,
    expand_ranges,
    dashes_to_pauses,
    expand_money,
    expand_dates,
    expand_units,
    expand_scale_suffixes,
    expand_symbols,
    expand_times,
    expand_ordinals,
    expand_years,
    expand_negative_numbers,
    expand_numbers,
    spell_acronyms,
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
        text = transform(text)
    return text
