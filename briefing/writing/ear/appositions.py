"""Rules for a phrase about a name or a clause set between commas (an apposition): at the
end ("..., a move opposed by China.", "... met Woody Johnson, the New York Jets owner.") or
after the subject ("Mittal Steel, one of the world's largest steel producers, could cut ...")
it is said as a sentence of its own."""

from __future__ import annotations

import re

from ..sentences import _VERBS
from .speakers import _ROLE_WORDS
from .grammar import (
    MIN_PIECE_WORDS, _AUXILIARIES, _CALENDAR, _FUNCTION_ENDS, _NAME, _NOT_SUBJECTS, _SAY, _SUBJECT_WORDS, _ended, _finite, _is_clause,
    _long, _spoken_words, _top_level, _words,
)
from .run_ons import RUN_ON_WORDS

# A noun phrase opens with one of these; "then" and "former" say what someone was.
_OPENS_NOUN_PHRASE = re.compile(r"(?:(then|now|formerly)\s+)?(a|an|the|one of the|one of)\s+\S", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(that|which|who|whose|whom)\b")


def _head(apposition: str) -> str:
    """The apposition up to its relative word: "a move" of "a move that China opposes"."""
    relative = _RELATIVE.search(apposition)
    return apposition[:relative.start()] if relative else apposition


def _noun_phrase_head(apposition: str) -> bool:
    """Whether the apposition is a noun phrase, not a clause: no verb before its relative word
    (", a move that has been opposed" is; ", the company said" is not)."""
    head = _head(apposition)
    return not any(w in _AUXILIARIES or re.fullmatch(_SAY, w) or w in _REPORTING or (len(w) > 3 and w.endswith("ed"))
                   for w in (word.lower().strip(",.") for word in head.split()[1:]))


# After a name, a phrase that says who or what they are: a job (`_ROLE_WORDS`), or one of these.
_WHO_WORDS = re.compile(
    r"\b(man|woman|boy|girl|friend|wife|husband|son|daughter|mother|father|brother|sister|student|player|"
    r"firm|company|group|unit|subsidiary|maker|producer|operator|agency|bank|carrier|airline|brewer|retailer|"
    r"network|broadcaster|newspaper|party|union|body|regulator|organisation|organization|charity|club|team|"
    r"rival|owner|supplier|provider|lender|insurer|exchange|watchdog|republican|democrat|veteran|ally|"
    r"ambassador|singer|actor|actress|star|comedian|writer|historian|activist|spokesman|spokeswoman)s?\b",
    re.IGNORECASE,
)
# ", a report suggests.": the sentence's source, not a phrase about it.
_REPORTING = frozenset("says say suggests suggest shows show reports report believes believe thinks think reckons "
                       "reason reasons estimates estimate".split())
# A phrase said of the whole clause with "This is": it names what the clause's event was ("...,
# a move that China opposes", "..., the latest in a clean-up", "..., one of the factors ...").
# Any other noun ("..., the Islamic Revolutionary Guards Corps") names the noun before it.
_EVENT_NOUNS = frozenset(
    """move step sign signal decision rise fall increase decrease drop jump gain loss record deal blow boost setback
    development change result outcome first latest highest lowest biggest largest smallest worst best
    reversal turnaround climbdown u-turn departure break""".split()
)


def split_closing_appositions(sentence: str) -> list[str]:
    """A long sentence that ends on a noun phrase describing what came before it (after a
    comma or a dash) says that phrase as its own sentence: after a name, "Name is ..." ("... at the apartment of Woody
    Johnson, the New York Jets owner." -> "... of Woody Johnson." "Woody Johnson is the New York
    Jets owner."; "was" after "then"); after anything else, "This is ..." ("..., a move that
    China has opposed." -> "This is a move that China has opposed."). A list ("A, B and the
    C"), a date ("on Monday, the first day of ..."), a phrase with a verb of its own
    (", the company said.") or one inside a quotation stays.
    """
    if not _long(sentence):
        return [sentence]
    outside = _top_level(sentence)
    commas = [m for m in re.finditer(r",\s+|\s+(?:–|—|--)\s+", sentence) if outside[m.start()]]
    if not commas or sum(not m.group().startswith(",") for m in commas) > 1:
        return [sentence]  # two dashes: an aside between them (see `split_dashes`)
    last = commas[-1]
    left, apposition = sentence[:last.start()].rstrip(), sentence[last.end():].rstrip()
    if not apposition.endswith(".") or any(not outside[i] for i in range(last.start(), len(sentence))):
        return [sentence]
    apposition = apposition[:-1]
    opening = _OPENS_NOUN_PHRASE.match(apposition)
    if not opening or _words(apposition) < 3 or not _noun_phrase_head(apposition):
        return [sentence]
    if _words(left) < 6 or not _is_clause(left):
        return [sentence]
    if re.match(r"(?:one|some|many|most|all|each|none) of (?:which|whom|whose)\b", apposition, re.IGNORECASE):
        return [sentence]  # "..., one of which was inside ...": a relative clause, "This is one of which" is not English
    if re.search(r"\s+and\s+(?:the|a|an)\s", apposition):
        return [sentence]  # "..., the Sterling group and the Tata group": a list
    head = _head(apposition)
    if any(w.lower() in _VERBS and w.lower() not in _EVENT_NOUNS for w in head.split()[1:]):
        return [sentence]  # "In a boost for the president, the figures come after ...": a clause
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
        if not (_ROLE_WORDS.search(head) or _WHO_WORDS.search(head)):
            return [sentence]  # "... threw his final pass to Crabtree, a 38-yard game-winner": about the pass
        if named[-1].endswith("s") and not named[-1].endswith(("ss", "'s")) and len(named) == 1:
            return [sentence]  # "the Yazidis": one or many, the verb cannot tell
        return [_ended(left), _ended(f"{name.group(1)} {verb} {apposition}")]
    if opening.group(1) or before[:1].isupper() or left.split()[0].lower() in ("according", "as"):
        return [sentence]  # "then a student": said of a person only; a name the rule could not tell
    if not (opening.group(2).lower().startswith("one of")
            or any(w.lower().strip(".,") in _EVENT_NOUNS for w in head.split()[1:4])):
        return [sentence]  # ", the Islamic Revolutionary Guards Corps": it names the noun before it
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
    if subject.split()[0].lower() in (_SUBJECT_WORDS | _NOT_SUBJECTS | {"but", "and", "or", "however"}) - {"the"} \
            or not _finite(verb) or _words(app) < 3:
        return [sentence]
    first = app.split()[0].lower()
    if first in _PRESENT_PARTICIPLES:
        said = "is"
    elif first in _PAST_PARTICIPLES:
        said = "was"
    elif _OPENS_NOUN_PHRASE.match(app) and _noun_phrase_head(app):
        said = "was" if verb == "would" else "is"  # "Carlsberg is the brewer"; "Friedman would have been"
    else:
        return [sentence]
    rest = sentence[match.start("verb"):]
    if _words(rest) < MIN_PIECE_WORDS:
        return [sentence]
    return [f"{subject} {rest}", _ended(f"{subject} {said} {app}")]
