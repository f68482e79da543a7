"""An amount used as an adjective: "a $300m deal", "its £5bn debts", "a 5kg bag".

Before a noun an amount's unit is said in the singular, as people say it: "a three hundred million
dollar deal", not "a three hundred million dollars deal". An amount after "a"/"an", "the" or a possessive
and before a plain lower-case word is taken as such an adjective ("a £400,000 flat"); before a
function word ("a $5 a month fee", "its $300m was spent") or a participle ("the $300m raised"), or at
the end of the sentence, it is an amount of its own.
"""

from __future__ import annotations

import re

_BEFORE = re.compile(r"(?:^|[\s(])(?:a|an|the|its|their|his|her|our|your|my)\s+$", re.IGNORECASE)
# The word after the amount, and a verb after that word, which makes it a clause's subject:
# "the $100m analysts had expected", "the $27bn Russia says".
_NOUN_AFTER = re.compile(r"\s+(?P<word>[A-Za-z][a-z-]*)\b(?P<verb>\s+(?:had|has|have|say|says|said|pay|pays|paid|"
                         r"expect|expects|expected|owe|owes|owed|spend|spends|spent|want|wants|wanted|need|needs|"
                         r"needed|will|would|could|may|might|must|should|can|did|do|does|are|were|is|was)\b)?")
# Participles that do not end in "-ed" (those that do are told by their ending), and "agreed".
_PARTICIPLES = frozenset("seen taken given paid spent sought made sold bought built kept held brought lost won left "
                         "cut set put agreed".split())
_NOT_NOUNS = frozenset(
    "a an the of to in into for from and or but nor on at by with than per each plus more less over under "
    "that which who whom whose this these those there here he she it they we you i was is were are be been "
    "has had have will would could should can may might must do does did not so as if when while a-year "
    "year month week day hour".split())


def attributive(text: str, start: int, end: int) -> bool:
    """Whether the amount at text[start:end] stands before a noun as its adjective."""
    before = _BEFORE.search(text[:start])
    if not before:
        return False
    after = _NOUN_AFTER.match(text, end)
    if after is None:
        return False
    word = after.group("word").lower()
    # a participle ("the $300m raised", "the £130m seen") is no noun; "two-speed", "seed", "red" are no participles
    participle = word.endswith("ed") and not word.endswith("eed") and len(word) > 3 or word in _PARTICIPLES
    # after "the", a name or a plural before a verb is the subject of a clause ("the $100m analysts had
    # expected"); "a 30GB version has" is the amount's own noun
    clause = bool(after.group("verb")) and before.group(0).strip().lower() == "the" and (
        after.group("word")[0].isupper() or word.endswith("s") or word == "people")
    return word not in _NOT_NOUNS and not participle and not word.endswith("ly") and not clause
