"""Telephone numbers: digit by digit in their groups, "(555) 123-4567" is "five five five, one two three,
four five six seven"; "+44 20 7946 0958" "plus four four, two oh, ...". Never a quantity.
"""

from __future__ import annotations

import re

from . import numbers

CLASS = "telephone"
PRIORITY = 70

_PATTERNS = [
    re.compile(r"(?<![\w+])\+\d{1,3}(?:[\s.-]\(?\d{1,5}\)?){2,5}(?![\w]|[.,]\d)"),  # +44 20 7946 0958
    re.compile(r"(?<![\w(])(?:1[\s.-])?\(\d{3}\)\s?\d{3}[\s.-]\d{4}(?![\w]|[.,-]\d)"),  # (555) 123-4567
    re.compile(r"(?<![\w.-])(?:1-)?\d{3}([.-])\d{3}\1\d{4}(?![\w]|[.,-]\d)"),  # 555-123-4567, 1-800-555-0199
    re.compile(r"(?<![\w.-])\d{3}-\d{4}(?![\w]|[.,-]\d)"),  # 502-9991
    re.compile(r"(?<![\w.-])0\d{2,4}\s\d{3,4}\s\d{3,4}(?![\w]|[.,]\d)"),  # 020 7946 0958
    re.compile(r"(?<=ending in )\d{3,6}\b|(?<=PIN )\d{3,6}\b"),  # a card ending in 8876: its digits
    # Emergency numbers: 911 always, 999 and 112 after a word of calling ("999 calls" is a quantity).
    re.compile(r"(?<![\w.,])(?P<digits>911)(?![\w.,]\d|\w)"
               r"|\b(?:call|Call|dial|Dial|dialled|dialed|ring|phoned) (?P<called>999|112)\b"),
]


def tag(text, context):
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            which = next((name for name in ("digits", "called") if pattern.groupindex.get(name) and m.group(name)), 0)
            yield m.start(which), m.end(which), {"groups": re.findall(r"\d+", m.group(which)),
                                                 "plus": m.group(which).startswith("+")}


def verbalize(fields: dict) -> str:
    said = ", ".join(numbers.digits(group, zero="oh") for group in fields["groups"])
    return ("plus " if fields["plus"] else "") + said
