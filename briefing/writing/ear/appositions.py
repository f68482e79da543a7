"""Rules for a phrase about a name or a clause set between commas (an apposition): at the
end ("..., a move opposed by China.", "... met Woody Johnson, the New York Jets owner.") or
after the subject ("Mittal Steel, one of the world's largest steel producers, could cut ...")
it is said as a sentence of its own."""

from __future__ import annotations

import re

from .grammar import (
    MIN_PIECE_WORDS, _AUXILIARIES, _CALENDAR, _FUNCTION_ENDS, _NAME, _SAY, _SUBJECT_WORDS, _ended, _finite, _is_clause,
    _long, _spoken_words, _top_level, _words,
)
from .run_ons import RUN_ON_WORDS
from .tails import _tense

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


# "Mittal Steel, one of the world's largest steel producers, could cut ...": a subject of up to
# five words, then a phrase about it between commas, then the sentence's verb.
_SUBJECT_APPOSITION = re.compile(
    r"^(?P<subject>(?:The\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?|(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*)),\s+"
    r"(?P<app>[^,\"“”()]+?),\s+(?P<verb>[a-z][\w'’]*)\s"
)
# A phrase that opens with a participle says how the subject is known (present) or when it was
# made (past).
_PRESENT_PARTICIPLES = frozenset("known called named based located owned run led headed nicknamed dubbed".split())
_PAST_PARTICIPLES = frozenset("built founded born established created launched opened formed".split())


def split_subject_appositions(sentence: str) -> list[str]:
    """A long sentence whose subject is followed by a phrase about it between commas says the
    sentence first, then the phrase as a sentence of the subject's own: "Mittal Steel, one of
    the world's largest steel producers, could cut 45,000 jobs." -> "Mittal Steel could cut
    45,000 jobs." "Mittal Steel is one of the world's largest steel producers."; "The fire
    house, built in 1919, is home to ..." -> "... is home to ..." "The fire house was built in
    1919." ("is" or "was" by the sentence's verb, or by the participle). A phrase that is not a
    noun phrase or one of those participles, a subject that is a pronoun, or a sentence whose
    rest is short stays. (A person's job is said first, by `split_appositions`.)
    """
    if _spoken_words(sentence) <= RUN_ON_WORDS - 5:
        return [sentence]
    match = _SUBJECT_APPOSITION.match(sentence)
    if not match:
        return [sentence]
    subject, app, verb = match.group("subject"), match.group("app").strip(), match.group("verb")
    if subject.split()[0].lower() in _SUBJECT_WORDS - {"the"} or not _finite(verb) or _words(app) < 3:
        return [sentence]
    first = app.split()[0].lower()
    if first in _PRESENT_PARTICIPLES:
        said = "is"
    elif first in _PAST_PARTICIPLES:
        said = "was"
    elif _OPENS_NOUN_PHRASE.match(app) and _noun_phrase_head(app):
        said = "was" if _tense(sentence[match.start("verb"):]) == "was" or verb == "would" else "is"
    else:
        return [sentence]
    rest = sentence[match.start("verb"):]
    if _words(rest) < MIN_PIECE_WORDS:
        return [sentence]
    return [f"{subject} {rest}", _ended(f"{subject} {said} {app}")]
