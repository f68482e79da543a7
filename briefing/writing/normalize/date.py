"""Dates: "Dec. 5" is "December fifth", "5 December 2024" "the fifth of December twenty twenty-four",
"2016-11-03" "November third twenty sixteen", "1980s" "nineteen eighties", "'80s" "eighties",
"2025/26" "twenty twenty-five to twenty-six", a year alone "nineteen ninety-nine".

Numeric dates put the day or the month first: a part over 12 decides, then the other dates of
the same text, then the language variant ("en-GB" day first; "en" and "en-US" month first).
"""

from __future__ import annotations

import re

from . import numbers

CLASS = "date"
PRIORITY = 40

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_MONTH_WORDS = {m.lower(): i for i, m in enumerate(MONTHS, 1)}
_MONTH_WORDS.update({m[:3].lower(): i for i, m in enumerate(MONTHS, 1)})
_MONTH_WORDS["sept"] = 9
# A month is capitalized ("Dec", "DEC", or "dec"), but a lower-case "may", "mar" or "march" is a word.
_MONTH = r"(?:" + "|".join(
    alt for m in sorted(_MONTH_WORDS, key=len, reverse=True)
    for alt in (m.title(), m.upper()) + (() if m in ("may", "mar", "march") else (m,))) + r")"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:(?P<comma>,)?[\s-](?P<year>1[1-9]\d\d|20\d\d)(?![\d.,]\d|\w))?"
_YEAR_LIKE = r"(?:1[1-9]\d\d|20\d\d)"

_DAY_FIRST = re.compile(
    rf"(?<![\w.,])(?P<the>[Tt]he\s+)?{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH})\b\.?{_YEAR}")
_MONTH_FIRST = re.compile(
    rf"(?<![\w])(?P<month>{_MONTH})\b\.?(?:\s+|-)(?:the\s+)?{_DAY}\b(?![:.,]\d|\s?%|\.\d)(?!\s*[-–]\s*\d(?!\d{{3}}\b))"
    + _YEAR)
_LOWER_MAY = re.compile(  # "17 may 2010": with a day and a year, a lower-case "may" or "march" is the month
    r"(?<![\w.,])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month>may|march)\s+(?P<year>1[1-9]\d\d|20\d\d)\b(?![.,]\d)")
_MONTH_RANGE = re.compile(  # "May 5-7", "Dec. 1–3, 2024"
    rf"(?<![\w])(?P<month>{_MONTH})\b\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s?[-–]\s?(?P<until>[0-3]?\d)(?:st|nd|rd|th)?\b"
    rf"(?![:.,]\d|\s?%){_YEAR}")
_ISO = re.compile(r"(?<![\w./-])(?P<year>\d{4})([-/])(?P<month>[01]?\d)\2(?P<day>[0-3]?\d)(?![\w/-]|[.,]\d)")
_NUMERIC = re.compile(
    r"(?<![\w./-])(?P<a>[0-3]?\d)([/.-])(?P<b>[0-3]?\d)\2(?P<year>\d{4}|\d{2})(?![\w/-]|[.,]\d)")
_DECADE = re.compile(r"(?<![\w'’])(?P<apostrophe>['’])?(?P<digits>\d{2}|1[1-9]\d0|20\d0)['’]?s\b")
_YEAR_RANGE = re.compile(rf"(?<![\w.,$£€/-])(?P<year>{_YEAR_LIKE})(?P<sep>[-–/])(?P<end>\d{{1,2}}|{_YEAR_LIKE})(?![\w/-]|[.,]\d)")
_ERA = re.compile(r"(?<![\w.,])(?P<year>\d{1,4})\s?(?P<era>AD|BC|BCE|CE|A\.D\.?|B\.C\.?)(?![\w])"
                  r"|(?<![\w.])(?P<era2>AD|A\.D\.)\s?(?P<year2>\d{1,4})(?![\w.,]\d|\w)")
_QUARTER = re.compile(r"(?<![\w.])(?P<quarter>[1-4])Q(?P<year>\d{2}|\d{4})?\b")
# Not a year before a percentage or a unit: "1218 pence", "1500 points" ("in 2000 people..." may be one).
_LONE_YEAR = re.compile(r"(?<![\w.,$£€¥#-])(?P<year>1[1-9]\d\d|20\d\d)(?![.,]?\d|\w|\s?(?:%|percent|per cent|"
                        r"(?:pence|points|tonnes|barrels|miles|metres|meters|feet|kilometres|kilometers)\b))")


def _day_first(text: str, context) -> bool:
    if context.day_first is not None:
        return context.day_first
    for m in _NUMERIC.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a > 12 >= b:
            return True
        if b > 12 >= a:
            return False
    return context.language.lower().replace("_", "-") not in ("en", "en-us")


def tag(text, context):
    for m in _DAY_FIRST.finditer(text):
        if 1 <= int(m.group("day")) <= 31:
            yield m.start(), m.end(), {"day": int(m.group("day")), "month": _MONTH_WORDS[m.group("month").lower()],
                                       "year": m.group("year") or "", "day_first": True,
                                       "comma": bool(m.group("comma"))}
    for m in _MONTH_FIRST.finditer(text):
        if 1 <= int(m.group("day")) <= 31:
            yield m.start(), m.end(), {"day": int(m.group("day")), "month": _MONTH_WORDS[m.group("month").lower()],
                                       "year": m.group("year") or "", "day_first": False,
                                       "comma": bool(m.group("comma"))}
    for m in _LOWER_MAY.finditer(text):
        if 1 <= int(m.group("day")) <= 31:
            yield m.start(), m.end(), {"day": int(m.group("day")), "month": _MONTH_WORDS[m.group("month")],
                                       "year": m.group("year"), "day_first": True}
    for m in _MONTH_RANGE.finditer(text):
        if 1 <= int(m.group("day")) < int(m.group("until")) <= 31:
            yield m.start(), m.end(), {"day": int(m.group("day")), "month": _MONTH_WORDS[m.group("month").lower()],
                                       "year": m.group("year") or "", "day_first": False,
                                       "comma": bool(m.group("comma")), "until_day": int(m.group("until"))}
    first = None
    for m in _ISO.finditer(text):
        if 1 <= int(m.group("month")) <= 12 and 1 <= int(m.group("day")) <= 31:
            first = _day_first(text, context) if first is None else first
            yield m.start(), m.end(), {"day": int(m.group("day")), "month": int(m.group("month")),
                                       "year": m.group("year"), "day_first": first}
    for m in _NUMERIC.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if m.group(2) == "." and len(m.group("year")) == 2:
            continue  # "2.6.32" is a version; "15.01.2020" a date
        first = _day_first(text, context) if first is None else first
        day_first = a > 12 or (first and b <= 12)
        day, month = (a, b) if day_first else (b, a)
        if 1 <= month <= 12 and 1 <= day <= 31:
            yield m.start(), m.end(), {"day": day, "month": month, "year": m.group("year"), "day_first": day_first}
    for m in _DECADE.finditer(text):
        digits = m.group("digits")
        if len(digits) == 2 and not digits.endswith("0"):
            continue
        yield m.start(), m.end(), {"decade": digits}
    for m in _YEAR_RANGE.finditer(text):
        start, end = m.group("year"), m.group("end")
        if len(end) == 1:  # "1998/9": the next year, said by its last two digits
            if int(end) != (int(start[-1]) + 1) % 10:
                continue
            end = str(int(start) + 1)[2:]
        later = int(end) > int(start) if len(end) == 4 else int(end) > int(start[2:])
        if later and (m.group("sep") != "/" or len(end) == 2):
            yield m.start(), m.end(), {"year": start, "until": end}
    for m in _ERA.finditer(text):  # "340 AD", "500 BC", "AD 79"
        yield m.start(), m.end(), {"year": m.group("year") or m.group("year2"),
                                   "era": (m.group("era") or m.group("era2")).replace(".", ""),
                                   "before": bool(m.group("era2"))}
    for m in _QUARTER.finditer(text):  # "2Q22": the second quarter of twenty-two
        yield m.start(), m.end(), {"quarter": int(m.group("quarter")), "year": m.group("year") or ""}
    for m in _LONE_YEAR.finditer(text):
        yield m.start(), m.end(), {"year": m.group("year")}


def say_year(text: str) -> str:
    return numbers.two_digit_year(text) if len(text) == 2 else numbers.year(text)


def say_era_year(text: str) -> str:
    """"340" in "340 AD" is "three forty", as years are read; "79" "seventy-nine"."""
    if len(text) == 3 and text[1:] != "00":
        rest = int(text[1:])
        return f"{numbers.cardinal(text[0])} {'oh ' + numbers.cardinal(str(rest)) if rest < 10 else numbers.cardinal(text[1:])}"
    return numbers.year(text) if len(text) == 4 else numbers.cardinal(text)


def verbalize(fields: dict) -> str:
    if "decade" in fields:
        digits = fields["decade"]
        said = numbers.cardinal(digits) if len(digits) == 2 else numbers.year(digits)
        head, _, last = said.rpartition(" ")
        return (head + " " if head else "") + numbers.plural(last)
    if "era" in fields:
        era = " ".join(fields["era"])
        return f"{era} {say_era_year(fields['year'])}" if fields["before"] else f"{say_era_year(fields['year'])} {era}"
    if "quarter" in fields:
        said = f"the {numbers.ordinal(str(fields['quarter']))} quarter"
        return said + (f" of {say_year(fields['year'])}" if fields["year"] else "")
    if "until" in fields:
        return f"{say_year(fields['year'])} to {say_year(fields['until'])}"
    if "month" not in fields:
        return say_year(fields["year"])
    month, day = MONTHS[fields["month"] - 1], numbers.ordinal(str(fields["day"]))
    said = f"the {day} of {month}" if fields["day_first"] else f"{month} {day}"
    if fields.get("until_day"):
        said += " to " + numbers.ordinal(str(fields["until_day"]))
    if fields["year"]:  # "December 6, 2026" keeps its comma: a pause before the year
        said += (", " if fields.get("comma") else " ") + say_year(fields["year"])
    return said
