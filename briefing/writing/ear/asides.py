"""Rule: bracketed asides dropped, or said after the sentence when they are one."""

from __future__ import annotations

import re

from ..sentences import is_fragment
from .grammar import _ended, _words


_BRACKETED = re.compile(r"\s*\(([^()]*)\)")
_POSITION = re.compile(
    r"\b(pictured|picture|photo|left|right|centre|center|above|below|inset|top|bottom|main|file|front|back)\b",
    re.IGNORECASE,
)


def drop_asides(sentence: str) -> list[str]:
    """Bracketed asides out of the sentence: "(£600m)", "(pictured)", "(centre)", "(R-Texas)".

    A conversion, a picture's position, a party label or any short aside is dropped (the
    listener cannot hear brackets, and the sentence says the fact already); an aside that is
    a sentence of its own ("(The firm declined to comment.)") is said after the sentence.
    """
    if "(" not in sentence:
        return [sentence]
    after: list[str] = []

    def replace(match: re.Match) -> str:
        inner = match.group(1).strip()
        words = _words(inner)
        if words >= 4 and not (words <= 6 and _POSITION.search(inner)) and not re.match(r"[£$€¥\d]", inner) \
                and inner[:1].isupper() and not is_fragment(_ended(inner)):
            after.append(_ended(inner))
        return ""

    edited = _BRACKETED.sub(replace, sentence)
    edited = re.sub(r"\s+([,.;:!?])", r"\1", edited).strip()
    if not re.search(r"\w", edited):
        return [sentence]
    return [edited, *after]
