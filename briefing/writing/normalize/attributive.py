"""An amount used as an adjective: "a $300m deal", "its £5bn debts", "a 5kg bag".

Before a noun an amount's unit is said in the singular, as people say it: "a three hundred million
dollar deal", not "a three hundred million dollars deal". An amount after "a"/"an" or a possessive
and before a plain lower-case word is taken as such an adjective ("a £400,000 flat"); before a
function word ("a $5 a month fee", "its $300m was spent") or a participle ("the $300m raised"), or at
the end of the sentence, it is an amount of its own.
"""

from __future__ import annotations

import re

_BEFORE = re.compile(r"(?:^|[\s(])(?:a|an|its|their|his|her|our|your|my)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+(?P<word>[A-Za-z][a-z-]*)\b")  # "a $391 Easter bunny costume" too
_NOT_NOUNS = frozenset(
    "a an the of to in into for from and or but nor on at by with than per each plus more less over under "
    "that which who whom whose this these those there here he she it they we you i was is were are be been "
    "has had have will would could should can may might must do does did not so as if when while a-year "
    "year month week day hour".split())


def attributive(text: str, start: int, end: int) -> bool:
    """Whether the amount at text[start:end] stands before a noun as its adjective."""
    if not _BEFORE.search(text[:start]):
        return False
    after = _NOUN_AFTER.match(text, end)
    if after is None:
        return False
    word = after.group("word").lower()
    # a participle ("the $300m raised") is no noun; "two-speed", "seed", "red" are no participles
    participle = word.endswith("ed") and not word.endswith("eed") and len(word) > 3
    return word not in _NOT_NOUNS and not participle and not word.endswith("ly")
