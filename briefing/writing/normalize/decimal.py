"""Decimals: "2.5" is "two point five", ".75" "point seven five", "1.13bn" "one point one three billion", a version "2.6.32" "two point six point thirty-two".

The fraction is read digit by digit, as presenters read it (and without float rounding).
"""

from __future__ import annotations

import re

from . import numbers
from .cardinal import SCALES

CLASS = "decimal"
PRIORITY = 10

_PATTERN = re.compile(
    r"(?P<sign>(?:(?<=\s)|(?<=^))[-−])?(?<![\d.])(?P<whole>\d{1,3}(?:,\d{3})+|\d+)?\.(?P<fraction>\d+)(?![.\d])"
    r"(?:(?P<scale>bn|tn|trn|mn|mln|m|k|b)(?!\w))?"
)


_NAMES_A_VERSION = re.compile(r"\b(?:[Vv]ersion|[Rr]elease|v)\s?$")
_VERSION = re.compile(r"(?<![\w.,])\d{1,4}(?:\.\d{1,4}){2,}(?![\w]|\.\d)")  # "2.6.32": a version


def tag(text, context):
    for m in _VERSION.finditer(text):
        yield m.start(), m.end(), {"version": m.group(0).split(".")}
    for m in _PATTERN.finditer(text):
        if m.group("whole") is None and m.start() > 0 and text[m.start() - 1].isalnum():
            continue  # "v.2" is not a decimal
        if m.group("whole") and not m.group("scale") and _NAMES_A_VERSION.search(text, 0, m.start()):
            yield m.start(), m.end(), {"version": [m.group("whole"), m.group("fraction")]}  # "version 2.10"
            continue
        yield m.start(), m.end(), {"sign": bool(m.group("sign")), "whole": (m.group("whole") or "").replace(",", ""),
                                   "fraction": m.group("fraction"), "scale": m.group("scale") or ""}


def verbalize(fields: dict) -> str:
    if "version" in fields:
        return " point ".join(numbers.cardinal(part) for part in fields["version"])
    said = numbers.decimal(fields["whole"], fields["fraction"])
    if fields["scale"]:
        said += " " + SCALES[fields["scale"]]
    return ("minus " if fields["sign"] else "") + said
