"""Ordinals: "3rd" is "third", "1,000th" "one thousandth", "21st" "twenty-first".

Only a suffix that fits the number is an ordinal ("21th" stays a cardinal and a word).
"""

from __future__ import annotations

import re

from . import numbers

CLASS = "ordinal"
PRIORITY = 30

_PATTERN = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(st|nd|rd|th)\b", re.IGNORECASE)


def suffix_fits(number: str, suffix: str) -> bool:
    value = int(number.replace(",", "")[-2:])
    expected = "th" if 11 <= value % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return suffix.lower() == expected


def tag(text, context):
    for m in _PATTERN.finditer(text):
        if suffix_fits(m.group(1), m.group(2)):
            yield m.start(), m.end(), {"number": m.group(1)}


def verbalize(fields: dict) -> str:
    return numbers.ordinal(fields["number"])
