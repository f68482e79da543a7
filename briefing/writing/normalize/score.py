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


_AFTER = re.compile(r"\s*(?:at\s+|in\s+(?:the\s+)?|after\s+)?"
                    r"(?:(?:home|away|first-leg|second-leg|extra-time|penalty|shootout)\s+)?" + CONTEXT.pattern,
                    re.IGNORECASE)
_BEFORE = re.compile("(?i:" + CONTEXT.pattern + r")(?:\s+(?:[A-Z][\w.'’-]*|by|with|a|an|the|it|them|their|his|"
                     r"her|its|our|opponents|rivals|hosts|visitors)){0,3}\s*$|\b(?:make|makes|made|making) it\s*$")
# "West Ham 1-1 Manchester United": a result between two names ("Pages 10-12", "Chapter 1-3 Summary" are none).
_NAME_BEFORE = re.compile(r"\b(?!(?:Pages?|Chapters?|Sections?|Articles?|Verses?|Rules?|Clauses?|Rooms?|Grades?|"
                          r"Ages?|Aged|Years?|Tables?|Figures?|Stages?|Levels?|Episodes?|Seasons?|Volumes?|Vol|"
                          r"Nos?|Numbers?|Games?|Items?|Steps?|Parts?|Lines?)\s)[A-Z][\w.'’-]*\s$")
_NAME_AFTER = re.compile(r"\s(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
                         r"December)\b)[A-Z][a-z]")


def is_score(text: str, start: int, end: int, left: str, right: str) -> bool:
    """Two numbers of at most three digits with a word of sport right after them ("3-2 win", "5-0 at
    half-time") or shortly before ("beat Chelsea 3-1", "won it 2-0", "to make it 2-0"), or two numbers of
    at most two digits between two names ("Arsenal 2-1 Chelsea")."""
    if not (left.isdigit() and right.isdigit() and len(left) <= 3 and len(right) <= 3):
        return False
    if _AFTER.match(text, end) or _BEFORE.search(text[max(0, start - 60):start]):
        return True
    return len(left) <= 2 and len(right) <= 2 and bool(_NAME_BEFORE.search(text[max(0, start - 40):start])
                                                     and _NAME_AFTER.match(text, end))


def is_set_of(text: str, between: str, left: str, right: str) -> bool:
    """A pair of small numbers next to a score, in a list ("won 7-6, 2-6, 7-5": the sets of a match)."""
    return bool(re.fullmatch(r",\s*(?:and\s+)?|\s+and\s+", between)) and left.isdigit() and right.isdigit() \
        and len(left) <= 2 and len(right) <= 2


def verbalize(fields: dict) -> str:
    return " ".join("nil" if n == "0" else numbers.cardinal(n) for n in (fields["left"], fields["right"]))
