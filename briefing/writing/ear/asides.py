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


# Asides that are facts of their own, not conversions or labels: a share ("(48%)" after "the
# French were the second most likely to buy something"), or a word that says what is true of a name
# ("(the fictional) Southeastern Texas State University", "One2One (now T-Mobile)").
_KEPT = re.compile(r"^\d[\d.,]*%$|\b(?:fictional|former|formerly|now|then|late|alleged|acting|interim)\b",
                   re.IGNORECASE)


def drop_asides(sentence: str) -> list[str]:
    """Bracketed asides out of the sentence: "(£600m)", "(pictured)", "(centre)", "(R-Texas)".

    A conversion, a picture's position, a party label or any short aside is dropped (the
    listener cannot hear brackets, and the sentence says the fact already); an aside that is
    a sentence of its own ("(The firm declined to comment.)", "(he was prominent in the scandal)")
    is said after the sentence. A share ("(48%)") or a word that says what is true of a name
    ("(the fictional)", "(now T-Mobile)") stays where it is: dropped, it would change the fact.
    """
    if "(" not in sentence:
        return [sentence]
    after: list[str] = []

    def replace(match: re.Match) -> str:
        inner = match.group(1).strip()
        words = _words(inner)
        if _KEPT.search(inner) and words <= 3:
            return match.group(0)  # "(48%)", "(the fictional)", "(now T-Mobile)": a fact of its own, said where it is
        if re.match(r"(?:he|she|they|it|we)\s", inner):
            inner = inner[0].upper() + inner[1:]  # "(he was prominent during the scandal)": a sentence of its own
        if words >= 4 and not (words <= 6 and _POSITION.search(inner)) and not re.match(r"[£$€¥\d]", inner) \
                and inner[:1].isupper() and not is_fragment(_ended(inner)):
            after.append(_ended(inner))
        return ""

    edited = _BRACKETED.sub(replace, sentence)
    edited = re.sub(r"\s+([,.;:!?])", r"\1", edited).strip()
    if not re.search(r"\w", edited):
        return [sentence]
    return [edited, *after]
