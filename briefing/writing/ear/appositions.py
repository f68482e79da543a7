"""Rule: a closing apposition ("..., a move opposed by China.", "... met Woody Johnson, the
New York Jets owner.") said as a sentence of its own."""

from __future__ import annotations

import re

from .grammar import (
    _AUXILIARIES, _SAY, _CALENDAR, _FUNCTION_ENDS, _NAME, _ended, _finite, _is_clause, _long, _top_level, _words,
)

# A noun phrase opens with one of these; "then" and "former" say what someone was.
_OPENS_NOUN_PHRASE = re.compile(r"(?:(then|now|formerly)\s+)?(a|an|the|one of the|one of)\s+\S", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(that|which|who|whose|whom)\b")


def _noun_phrase_head(apposition: str) -> bool:
    """Whether the apposition is a noun phrase, not a clause: no verb before its relative word
    (", a move that has been opposed" is; ", the company said" is not)."""
    relative = _RELATIVE.search(apposition)
    head = apposition[:relative.start()] if relative else apposition
    return not any(w in _AUXILIARIES or re.fullmatch(_SAY, w) or (len(w) > 4 and w.endswith("ed"))
                   for w in (word.lower().strip(",.") for word in head.split()[1:]))


def split_closing_appositions(sentence: str) -> list[str]:
    """A long sentence that ends on a noun phrase describing what came before it says that
    phrase as its own sentence: after a name, "Name is ..." ("... at the apartment of Woody
    Johnson, the New York Jets owner." -> "... of Woody Johnson." "Woody Johnson is the New York
    Jets owner."; "was" after "then"); after anything else, "This is ..." ("..., a move that
    China has opposed." -> "This is a move that China has opposed."). A list ("A, B and the
    C"), a date ("on Monday, the first day of ..."), a phrase with a verb of its own
    (", the company said.") or one inside a quotation stays.
    """
    if not _long(sentence):
        return [sentence]
    outside = _top_level(sentence)
    commas = [m for m in re.finditer(r",\s+", sentence) if outside[m.start()]]
    if not commas:
        return [sentence]
    last = commas[-1]
    left, apposition = sentence[:last.start()], sentence[last.end():].rstrip()
    if not apposition.endswith(".") or any(not outside[i] for i in range(last.start(), len(sentence))):
        return [sentence]
    apposition = apposition[:-1]
    opening = _OPENS_NOUN_PHRASE.match(apposition)
    if not opening or _words(apposition) < 3 or not _noun_phrase_head(apposition):
        return [sentence]
    if _words(left) < 6 or not _is_clause(left):
        return [sentence]
    if len(commas) > 1:
        item = sentence[commas[-2].end():last.start()]
        if _words(item) <= 4 and not any(_finite(w) for w in item.split()[1:]):
            return [sentence]  # the last item of a list: "A, B, the C"
    before = left.split()[-1].strip(".")
    if before.lower() in _CALENDAR | _FUNCTION_ENDS or before[:1].isdigit():
        return [sentence]
    name = re.search(rf"({_NAME})$", left)
    named = name.group(1).split() if name else []
    if named and len(named) <= 4 and not left[:name.start(1)].rstrip().endswith((" the", " a")) \
            and name.start(1) > 0 and named[0].lower() not in ("the", "a", "an"):
        verb = "was" if opening.group(1) and opening.group(1).lower() in ("then", "formerly") else "is"
        if named[-1].endswith("s") and not named[-1].endswith(("ss", "'s")) and len(named) == 1:
            return [sentence]  # "the Yazidis": one or many, the verb cannot tell
        return [_ended(left), _ended(f"{name.group(1)} {verb} {apposition}")]
    if opening.group(1):
        return [sentence]  # "then a student": said of a person only
    return [_ended(left), _ended(f"This is {apposition}")]
