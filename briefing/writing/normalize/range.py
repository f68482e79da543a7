"""Ranges: two quantities joined by a hyphen or dash are "from one to the other": "5-7 people" is
"five to seven people", "$250-$300" "two hundred and fifty dollars to three hundred dollars",
"2-5lb" "two to five pounds", "5pm-7pm" "five p m to seven p m". Runs on the classified tokens,
so each side keeps its own class; a score ("3-2 win") is the score class's.
"""

from __future__ import annotations

import re

from . import score
from .tokens import Token

CLASS = "range"
NUMERIC = frozenset({"cardinal", "decimal", "money", "measure", "time", "date", "fraction", "ordinal"})
_JOIN = re.compile(r"(?:[-–—]|\s[-–—]\s|–\s|\s–|\s?\+\s?)")


def combine(tokens: list[Token], text: str) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        previous = out[-1] if out else None
        if previous and previous.cls in NUMERIC and token.cls in NUMERIC \
                and _JOIN.fullmatch(text[previous.end:token.start]) \
                and not (previous.cls == "cardinal" and previous.fields.get("sign")):
            left, right = text[previous.start:previous.end], text[token.start:token.end]
            if previous.cls == token.cls == "cardinal" and score.is_score(text, previous.start, token.end, left, right):
                out[-1] = Token("score", previous.start, token.end, {"left": left, "right": right})
            else:
                joiner = "plus" if "+" in text[previous.end:token.start] else "to"
                out[-1] = Token(CLASS, previous.start, token.end, {"left": previous, "right": token, "joiner": joiner})
            continue
        out.append(token)
    return out


def verbalize(fields: dict) -> str:
    from . import verbalize_token

    return f"{verbalize_token(fields['left'])} {fields.get('joiner', 'to')} {verbalize_token(fields['right'])}"
