"""Scores: "a 3-2 win" is "a three two win", "won 2-0" "won two nil": two small numbers joined by a
hyphen or dash, with a word of sport around them. Without one, "3-2" is a range ("three to two").
"""

from __future__ import annotations

import re

from . import numbers

CLASS = "score"

CONTEXT = re.compile(
    r"\b(?:win|wins|won|winning|victory|victories|defeat|defeats|defeated|beat|beats|beating|lost|lose|loses|"
    r"loss|draw|drew|drawn|lead|leads|led|score|scored|scoreline|final|thrashing|rout|routed|triumph|tie|tied|"
    r"edged|clinched|halftime|half-time|full-time|aggregate|sets?|match|game)\b", re.IGNORECASE)


_AFTER = re.compile(r"\s*(?:(?:home|away|first-leg|second-leg|extra-time|penalty|shootout)\s+)?" + CONTEXT.pattern,
                    re.IGNORECASE)
_BEFORE = re.compile("(?i:" + CONTEXT.pattern + r")(?:\s+(?:[A-Z][\w.'’-]*|by|with|a|an|the|it|them)){0,3}\s*$")


def is_score(text: str, start: int, end: int, left: str, right: str) -> bool:
    """Two numbers of at most three digits with a word of sport right after them ("3-2 win") or
    shortly before ("beat Chelsea 3-1", "won it 2-0")."""
    if not (left.isdigit() and right.isdigit() and len(left) <= 3 and len(right) <= 3):
        return False
    return bool(_AFTER.match(text, end) or _BEFORE.search(text[max(0, start - 60):start]))


def verbalize(fields: dict) -> str:
    return " ".join("nil" if n == "0" else numbers.cardinal(n) for n in (fields["left"], fields["right"]))
