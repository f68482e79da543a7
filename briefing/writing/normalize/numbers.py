"""Numbers in words, shared by every class's verbalizer: cardinals, ordinals, digits, years, decimals."""

from __future__ import annotations

from num2words import num2words

# Beyond this many digits nobody says a number as a quantity ("quattuordecillion"); it is an
# identifier or noise, read digit by digit (and int() refuses strings over 4,300 digits).
MAX_SPOKEN_DIGITS = 15

_DIGIT_WORDS = "zero one two three four five six seven eight nine".split()


def digits(text: str, *, zero: str = "zero") -> str:
    """"0427" is "zero four two seven" (any script's digits)."""
    return " ".join(zero if int(d) == 0 else _DIGIT_WORDS[int(d)] for d in text if d.isdigit())


def cardinal(text: str) -> str:
    """"3,500" is "three thousand five hundred"; a leading zero or a huge run is read digit by digit."""
    plain = text.replace(",", "")
    if not plain:
        return ""
    grouped = "," in text and len(plain) <= 21  # "124,444,234,854,823,834,553" is written as a quantity
    if (len(plain) > MAX_SPOKEN_DIGITS and not grouped) or (len(plain) > 1 and plain[0] == "0" and "," not in text):
        return digits(plain)
    return num2words(int(plain)).replace(",", "")


def ordinal(text: str) -> str:
    """"21" is "twenty-first"; a huge run is its digits and then the last one as an ordinal."""
    plain = text.replace(",", "")
    if len(plain) > MAX_SPOKEN_DIGITS:
        return digits(plain[:-1]) + " " + num2words(int(plain[-1]), to="ordinal")
    return num2words(int(plain), to="ordinal").replace(",", "")


def year(text: str) -> str:
    """"1999" is "nineteen ninety-nine", "2008" "two thousand and eight", "1506" "fifteen oh-six"."""
    value = int(text)
    if value < 1000 or value >= 10000:
        return cardinal(text)
    return num2words(value, to="year").replace(",", "")


def two_digit_year(text: str) -> str:
    """"05" of "'05" is "oh five", "98" is "ninety-eight"."""
    value = int(text)
    return f"oh {_DIGIT_WORDS[value]}" if value < 10 else num2words(value)


def decimal(whole: str, fraction: str) -> str:
    """"2.5" is "two point five", ".75" "point seven five" (the fraction digit by digit, as read).
    Zeros a price or a rate writes to fill two places are not said: "2.50" is "two point five", "3.00"
    "three"; a single "3.0" stays "three point zero"."""
    if len(fraction) >= 2 and fraction.endswith("0"):
        fraction = fraction.rstrip("0")
        if not fraction:
            return cardinal(whole or "0")
    said = cardinal(whole) + " " if whole else ""
    return f"{said}point {digits(fraction)}".strip()


def number(text: str) -> str:
    """A written number with or without a decimal part: "1,200" or "3.14"."""
    whole, _, fraction = text.partition(".")
    return decimal(whole, fraction) if fraction else cardinal(whole)


def is_one(text: str) -> bool:
    """Whether a written amount is exactly one (the unit is then singular: "1 km", "1.0 kg")."""
    whole, _, fraction = text.replace(",", "").partition(".")
    return whole in ("1", "01") and not fraction.strip("0")


def plural(word: str) -> str:
    """The last word of a spoken number as a plural: "nineteen eighty" to "nineteen eighties"."""
    if word.endswith("y"):
        return word[:-1] + "ies"
    if word.endswith("x"):
        return word + "es"
    return word + "s"
