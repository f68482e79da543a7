"""Ranges: two quantities joined by a hyphen or dash are "from one to the other": "5-7 people" is "five
to seven people", "$250-$300" "two hundred and fifty dollars to three hundred dollars", "2-5lb" "two
to five pounds", "5pm-7pm" "five p m to seven p m"; a ratio, "3:1", is "three to one". Runs on the
classified tokens, so each side keeps its own class; a score ("3-2 win") is the score class's.
"""

from __future__ import annotations

import re

from . import money, score
from .tokens import Token

CLASS = "range"
NUMERIC = frozenset({"cardinal", "decimal", "money", "measure", "time", "date", "fraction", "ordinal"})
_SCALE_ONCE = re.compile(r"\s(?:to|and)\s")
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
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
                # "between 10-15%" is "between ten and fifteen percent"
                joiner = "plus" if "+" in text[previous.end:token.start] \
                    else "and" if _BETWEEN.search(text, 0, previous.start) else "to"
                out[-1] = Token(CLASS, previous.start, token.end, {"left": previous, "right": token, "joiner": joiner})
            continue
        if previous and previous.cls == token.cls == "cardinal" and text[previous.end:token.start] == ":" \
                and not previous.fields.get("sign"):
            # a ratio: "3:1" is "three to one" (a time, "9:30", is the time class's)
            out[-1] = Token(CLASS, previous.start, token.end, {"left": previous, "right": token, "joiner": "to"})
            continue
        if previous and previous.cls == token.cls == "money" and _SCALE_ONCE.fullmatch(text[previous.end:token.start]) \
                and not previous.fields["scale"] and token.fields["scale"] \
                and previous.fields["currency"] == token.fields["currency"]:
            # "$1.3 to $1.5bn", "between £2 and £3m": the scale written once belongs to both
            joiner = text[previous.end:token.start].strip()
            if joiner == "to" or _BETWEEN.search(text, 0, previous.start):
                out[-1] = Token(CLASS, previous.start, token.end, {"left": previous, "right": token, "joiner": joiner})
                continue
        out.append(token)
    return _sets_beside_scores(out, text)


def _sets_beside_scores(tokens: list[Token], text: str) -> list[Token]:
    """A range of two small numbers in a list beside a score is a score too: "won 7-6, 2-6, 7-5"."""
    changed = True
    while changed:
        changed = False
        for i, token in enumerate(tokens):
            if token.cls != CLASS or token.fields["left"].cls != "cardinal" or token.fields["right"].cls != "cardinal":
                continue
            left = text[token.fields["left"].start:token.fields["left"].end]
            right = text[token.fields["right"].start:token.fields["right"].end]
            for j in (i - 1, i + 1):
                if 0 <= j < len(tokens) and tokens[j].cls == "score":
                    first, second = sorted((tokens[j], token), key=lambda t: t.start)
                    if score.is_set_of(text, text[first.end:second.start], left, right):
                        tokens[i] = Token("score", token.start, token.end, {"left": left, "right": right})
                        changed = True
                        break
    return tokens


def verbalize(fields: dict) -> str:
    from . import verbalize_token

    if fields.get("joiner", "to") in ("to", "and") and fields["left"].cls == "money":
        said = _money_range(fields["left"].fields, fields["right"])
        if said:
            return said if fields.get("joiner", "to") == "to" else said.replace(" to ", " and ", 1)
    return f"{verbalize_token(fields['left'])} {fields.get('joiner', 'to')} {verbalize_token(fields['right'])}"


def _money_range(left: dict, right: Token) -> str | None:
    """"$779m-798m", "$10-25m", "$50-100,000", "$2-$3.8 trillion": the currency said once, at the end."""
    if right.cls == "money":  # "$5-$10" keeps both its currencies; "$2-$3.8 trillion" says its scale once
        if left["scale"] or not right.fields["scale"]:
            return None
        upper = right.fields
    elif right.cls in ("cardinal", "decimal") and not right.fields.get("sign") and "version" not in right.fields:
        whole = right.fields.get("number", right.fields.get("whole", "")).replace(",", "")
        upper = {"currency": left["currency"], "whole": whole, "cents": right.fields.get("fraction", ""),
                 "scale": money.SCALES.get(right.fields.get("scale", ""), ""), "negative": False, "rough": ""}
    else:
        return None
    said = money.range_words(left, upper)
    if said is None and right.cls != "money":  # "$4.17-4.50": each end an amount, the upper one in dollars too
        said = f"{money.verbalize(left)} to {money.verbalize(upper)}"
    return said
