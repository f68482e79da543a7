"""Cardinals: "1,400" is "one thousand four hundred", "-5" "minus five", "004" "zero zero four".

Any run of digits no other class claims ends here, so no digit ever reaches the voice.
A scale letter glued to it is a word: "464m" is "four hundred and sixty-four million".
"""

from __future__ import annotations

import re

from . import numbers

CLASS = "cardinal"
PRIORITY = 0

SCALES = {"bn": "billion", "b": "billion", "tn": "trillion", "trn": "trillion", "m": "million", "mn": "million",
          "mln": "million", "k": "thousand"}

_PATTERN = re.compile(
    r"(?P<sign>(?:(?<=\s)|(?<=^)|(?<=\())[-−])?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?:\.(?P<fraction>\d+))?"
    r"(?:(?P<scale>bn|tn|trn|mn|mln|m|k|b)(?![\w]))?"
)


def tag(text, context):
    for m in _PATTERN.finditer(text):
        yield m.start(), m.end(), {"sign": bool(m.group("sign")), "number": m.group("number"),
                                   "fraction": m.group("fraction") or "", "scale": m.group("scale") or ""}


def verbalize(fields: dict) -> str:
    said = numbers.decimal(fields["number"].replace(",", ""), fields["fraction"]) if fields["fraction"] \
        else numbers.cardinal(fields["number"])
    if fields.get("scale"):
        said += " " + SCALES[fields["scale"]]
    return ("minus " if fields.get("sign") else "") + said
