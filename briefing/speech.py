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

    return re.sub(r"\b(\d{1,2}):(\d{2})(?:\s?([ap]\.?m\.?)(?=\W|$))?", repl, text, flags=re.IGNORECASE)


def expand_ordinals(text: str) -> str:
    """"3rd" is "third"."""
    return re.sub(
        r"\b(\d+)(st|nd|rd|th)\b", lambda m: num2words(int(m.group(1)), to="ordinal"), text, flags=re.IGNORECASE
    )


def expand_years(text: str) -> str:
    """"1999" is "nineteen ninety-nine" and "2024" is "twenty twenty-four" when it reads as a year."""

    def repl(m: re.Match[str]) -> str:
        return num2words(int(m.group(0)), to="year")

    return re.sub(r"(?<![\d.,$£€])\b(1[1-9]\d\d|20\d\d)\b(?![.,]\d)(?!\s?(?:percent|%))", repl, text)


def expand_numbers(text: str) -> str:
    """Digits become words: "3,500" is "three thousand, five hundred"; "2.5" is "two point five"."""

    def repl(m: re.Match[str]) -> str:
        raw = m.group(0).replace(",", "")
        try:
            value = float(raw) if "." in raw else int(raw)
            return num2words(value).replace(",", "")
        except (ValueError, OverflowError, NotImplementedError):
            return m.group(0)

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
    normalize_unicode,
    drop_parenthesized_acronym,
    dashes_to_pauses,
    expand_money,
    expand_symbols,
    expand_times,
    expand_ordinals,
    expand_years,
    expand_numbers,
    spell_acronyms,
    tidy_spacing,
]


def speakable(text: str, transformations: list[Transformation] | None = None) -> str:
    """Run every transformation over `text`, in order."""
    for transform in transformations or TRANSFORMATIONS:
        text = transform(text)
    return text
