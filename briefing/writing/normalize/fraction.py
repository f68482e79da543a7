"""Fractions: "1/4" is "one quarter", "3 1/2" "three and a half", "½" "one half", "2/3" "two thirds".

Only a fraction that reads as one (halves to tenths, sixteenths, hundredths) is said as a fraction;
"24/7", "50/50" and "9/11" are said as the two numbers, and dates ("12/05/2024") are the date class's.
"""

from __future__ import annotations

import re

from . import numbers

CLASS = "fraction"
PRIORITY = 20

VULGAR = {"½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5), "⅖": (2, 5), "⅗": (3, 5),
          "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅛": (1, 8), "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8)}
_NAMES = {2: ("half", "halves"), 4: ("quarter", "quarters")}
# Denominators written as fractions; "9/11" or "3/11" is a date or a name, said as its two numbers.
DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100})

_PATTERN = re.compile(
    r"(?<![\w/.,])(?:(?P<whole>\d{1,9})(?:(?:\s+|-)(?=\d+/\d|[" + "".join(VULGAR) + r"])|(?=["
    + "".join(VULGAR) + r"])))?"  # "4½" as "4 ½"
    r"(?:(?P<num>\d{1,6})/(?P<den>\d{1,6})|(?P<vulgar>[" + "".join(VULGAR) + r"]))(?![\w/]|[.,]\d)"
)


def tag(text, context):
    for m in _PATTERN.finditer(text):
        if m.group("vulgar"):
            num, den = VULGAR[m.group("vulgar")]
        else:
            num, den = int(m.group("num")), int(m.group("den"))
            if den not in DENOMINATORS or num == 0 or (num >= den and not m.group("whole")):
                if m.group("whole") is None:
                    yield m.start(), m.end(), {"pair": (m.group("num"), m.group("den"))}
                continue
        yield m.start(), m.end(), {"whole": m.group("whole") or "", "num": num, "den": den}


def denominator(num: int, den: int) -> str:
    if den in _NAMES:
        return _NAMES[den][num != 1]
    word = numbers.ordinal(str(den))
    return word if num == 1 else word + "s"


def verbalize(fields: dict) -> str:
    if "pair" in fields:  # "24/7", "50/50": the two numbers
        return " ".join(numbers.cardinal(n) for n in fields["pair"])
    num, den, whole = fields["num"], fields["den"], fields["whole"]
    if whole:
        part = f"a {denominator(1, den)}" if num == 1 else f"{numbers.cardinal(str(num))} {denominator(num, den)}"
        return f"{numbers.cardinal(whole)} and {part}"
    return f"{numbers.cardinal(str(num))} {denominator(num, den)}"
