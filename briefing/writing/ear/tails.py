"""Rule: an adverbial tail (", after ...", ", because ...") said as a sentence of its own."""

from __future__ import annotations

import re

from ..sentences import _VERBS
from .grammar import (
    EVENT_PARTICIPLES, MIN_PIECE_WORDS, SAYING_PARTICIPLES, SUBJECT_PARTICIPLES, _AUXILIARIES, _CONJUNCTIONS, _PAST, _PRESENT,
    _PRONOUN_SUBJECTS, _SAY, _capitalized, _ended,
    _is_clause, _long, _number, _plain_subject, _top_level, _words,
)

# The tails that can stand alone after "This was" / "This is": a time, a reason, a setting.
# A reason may come hedged: ", partly because ...", ", to a certain degree because ...".
_TAIL = re.compile(r",\s+((?:(?:partly|in part|largely|mainly|mostly|to a (?:large |certain |great )?(?:degree|extent))\s+)?"
                   r"because|after|before|despite|amid|when)\s+")
# "when" and "before"/"after" name a moment: only after a clause told in the past.
_PAST_ONLY = frozenset({"when", "after", "before"})


def _dangles(tail: str) -> bool:
    """Whether the tail goes on with a verb that has no subject ("after falling in New York",
    "when asked if ..."): after "This was" it would be said of nothing."""
    words = tail.split()
    return len(words) < 2 or words[1].lower().endswith(("ing", "ed"))


def _tense(clause: str) -> str | None:
    """'was' or 'is' by the clause's first finite verb; None when neither fits (a modal, a future)."""
    words = clause.split()
    for before, said in zip(words, words[1:]):
        word = said.lower().strip(",.;:\"'“”’")
        if word in _PRESENT or (word.endswith("s") and word in _VERBS and word not in _PAST):
            return "is"  # "The alliance comes as a boost ...": present
        if word in _PAST or (len(word) > 4 and word.endswith("ed") and "-" not in word
                             and before.lower() not in ("a", "an", "the") and said[:1].islower()):
            return "was"  # not "a badly-needed boost", "the injured man", "United": adjectives, names
        if word in ("will", "would", "can", "could", "may", "might", "must", "should", "shall"):
            return None
    return None


def split_adverbial_tails(sentence: str) -> list[str]:
    """A long sentence's closing adverbial tail becomes its own sentence, opened by "This was"
    (or "This is" after a clause in the present): "The plant was shut in May, after sales fell
    by half in two years." -> "The plant was shut in May." "This was after sales fell by half
    in two years." Tails of time ("after", "before", "when": only after a past clause), reason
    ("because", also hedged: "partly because", "to a certain degree because", not after a saying)
    and setting ("despite", "amid"). A tail inside a quotation, a tail with commas of its own, the
    last of a list of them (", because A, because B"), one
    after a clause in the future ("will close, after ...") or after a speaker (", said Mr X,
    because ..."), and a "when" not told in the past ("when firms face problems") stay.
    """
    if not _long(sentence):
        return [sentence]
    outside = _top_level(sentence)
    for match in _TAIL.finditer(sentence):
        if not outside[match.start()]:
            continue
        left, tail = sentence[:match.start()], sentence[match.start(1):]
        if "," in tail or any(not outside[i] for i in range(match.start(), len(sentence))):
            continue  # the tail is not the plain rest of the sentence
        if _words(tail) < 4 or _words(left) < MIN_PIECE_WORDS + 1 or not _is_clause(left) or _dangles(tail):
            continue
        if re.search(rf",\s+{re.escape(match.group(1))}\s", left):
            continue  # "..., because A, because B, because C": a list of reasons is said as one
        if left.split()[-1].lower() in ("however", "though", "too"):
            continue  # "Shares fell 3%, however, after ...": the tail belongs to what came before
        if left.split()[0].strip("\"“'‘").lower() in _CONJUNCTIONS:
            continue  # "When the mill closed, ...": the left piece is itself a subordinate clause
        if " " in match.group(1) and re.search(rf"\b(?:{_SAY})\b", left):
            continue  # "... told BBC News that the costs would be too high, partly because ...": the speaker's reason
        tense = _tense(left)
        if tense is None or (tense == "is" and match.group(1) in _PAST_ONLY):
            continue
        if match.group(1) == "when" and _tense(tail) != "was" or re.search(rf",\s+(?:{_SAY})\s", left):
            continue  # "..., when the firms face problems": whenever, not a moment; "Incidents happen, said
            # Mr Thiemann, because ...": the tail is the speaker's, and "This was" would be said of his saying
        return [_ended(left), _ended(f"This {tense} {tail}")]
    return [sentence]



def _last_tense(clause: str) -> str | None:
    """'was' or 'is' by the clause's last finite verb, the one a closing participle follows
    ("... who was infected as a baby has lived for 12 years": present perfect, 'is'); None after a
    modal or when no verb tells."""
    words = [w.lower().strip(",.;:\"'“”’") for w in clause.split()]
    for at in range(len(words) - 1, 0, -1):
        word, before = words[at], words[at - 1]
        helpers = words[max(0, at - 3):at]
        if word in ("will", "would", "can", "could", "may", "might", "must", "should", "shall"):
            return None
        if word in _PRESENT or word in ("am",):
            return "is"
        if word in _PAST or (len(word) > 4 and word.endswith("ed") and before not in _BEFORE_ADJECTIVES
                               and not before.endswith(("'s", "’s"))):
            if any(h in ("has", "have") for h in helpers):
                return "is"  # "has lived": what it did is still so
            if before in ("is", "are", "am"):
                return "is"  # "is matched by high fees": a passive in the present
            return "was"
        if word in _VERBS and word.endswith("s") and not word.endswith("ss") and before not in ("the", "a", "its"):
            return "is"
    return None


# Before these an "-ed" word is an adjective ("types of purchased content"), not the clause's verb.
_BEFORE_ADJECTIVES = frozenset("a an the of or and its his her their our more less most very well".split())

_PARTICIPLE = re.compile(r",\s+(\w+ing)\s+")
# "..., looking to extend loyalty" is as often said of the noun before it as of the subject.
_NEAREST_NOUN_PARTICIPLES = frozenset({"looking"})
# The source's attribution closing the sentence (", analysts said.", ", according to a report"):
# it covers the whole sentence, and would be said of the tail alone.
_ATTRIBUTION = re.compile(r",\s+(?:according to\b|(?:[\w'’.-]+\s+){1,6}(?:said|says|told|reported|reports)\b[^,]*$)")
# A tail that is not what the event did: a second participle ("making it harder ... and leading
# to ..."), an example ("sending films to fans for instance"), a gerund that is a subject
# ("allowing Turkey in would bring ...").
_NOT_AN_EVENT = re.compile(r"\band\s+\w+ing\b|\bfor (?:instance|example)\b")
_GERUND_SUBJECT = re.compile(r"^(?:\S+\s+){0,3}(?:would|will|could|can|may|might|should|must|is|are|was|were)\b")
# What "making" does that its subject does ("making more than 210bn yuan", "making the most of"),
# and a participle's sense of its own ("bringing along ID", "leaving Italy"): said of "This", wrong.
_SUBJECTS_DOING = {"making": re.compile(r"(?:more|less) than\b|the (?:most|best) of\b|[£$€]?\d"),
                   "bringing": re.compile(r"along\b"), "leaving": re.compile(r"[A-Z]")}
# '... limited. "For example, one problem ...': a straight mark that opens again, never closed.
_STRAIGHT_OPENING = re.compile(r'(?:^|\s)"(?=\w)')
_STRAIGHT_CLOSING = re.compile(r'(?<=\S)"(?=\s|$|[.,;:!?])')
# "... who are, in fact, looking ...": the comma before the participle closes an aside.
_ASIDE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had),\s+[^,]{1,25}$")
# A passive clause ("The bill was backed by some firms, saying ..."): its agent says it, not its subject.
_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|be)\s+\w+ed\s+by\b")
# A clause after "while" or ", and"/", but" has a subject of its own: '..., while India has rejected
# aid, saying ...' is India's saying.
_SECOND_CLAUSE = re.compile(r"\b(?:while|whereas)\b|,\s+(?:and|but)\s")


def _quotation_left_open(text: str) -> bool:
    """Whether the last straight quotation mark that opens in the text is never closed after it."""
    opened = [m.end() for m in _STRAIGHT_OPENING.finditer(text)]
    return bool(opened) and not any(m.start() >= opened[-1] for m in _STRAIGHT_CLOSING.finditer(text))
# A clause that only expects, plans or might: what follows it has not happened ("more cash is
# expected to flow, buoying the rupee" must not become "This buoys the rupee").
_HEDGED = re.compile(r"\b(expected|likely|unlikely|set to|due to|plans?|planned|aims?|hopes?|seeks?|would|could|"
                     r"might|may|will|if|unless|should)\b", re.IGNORECASE)


def split_participle_tails(sentence: str) -> list[str]:
    """A long sentence's closing participle becomes its own sentence, the participle itself
    after "is" or "was" by the clause's tense: what the event did is said of "This" after a
    clause in the present ("... has lived for twelve years without treatment, raising hopes of a
    cure." -> "... without treatment." "This is raising hopes of a cure."; after a clause in the
    past, "This was marking ..." would be heard as clumsy, and it stays); what the subject did as well is said of the
    subject again ("Lord Browne rejected calls for a tax, warning that ..." -> "Lord Browne was
    warning that ..."), and ", saying ..." after a clause in the past as "Rajoy said ...". Only
    the participles of `EVENT_PARTICIPLES` and `SUBJECT_PARTICIPLES` (closed lists). A clause
    that only expects or plans, one in the future, a subject that cannot be said again or a
    participle inside a quotation stays.
    """
    if not _long(sentence):
        return [sentence]
    outside = _top_level(sentence)
    for match in _PARTICIPLE.finditer(sentence):
        participle = match.group(1).lower()
        if participle not in EVENT_PARTICIPLES | SUBJECT_PARTICIPLES or participle in _NEAREST_NOUN_PARTICIPLES or not outside[match.start()]:
            continue
        if any(not outside[i] for i in range(match.start(), len(sentence) - 1)) and not outside[-1]:
            continue  # a quotation or bracket left open to the end
        left, tail = sentence[:match.start()], sentence[match.end():]
        if _words(tail) < 3 or _words(left) < MIN_PIECE_WORDS + 1 or not _is_clause(left):
            continue
        if left.split()[0].strip("\"“'‘").lower() in _CONJUNCTIONS or _HEDGED.search(left):
            continue
        if _ATTRIBUTION.search(tail) or _NOT_AN_EVENT.search(tail) or _quotation_left_open(left) \
                or _ASIDE_BEFORE.search(left):
            continue
        if participle not in SUBJECT_PARTICIPLES and re.search(r"\bsince\b", tail) \
                and re.search(r"\b(?:has|have)\s+\w+(?:ed|en|wn|ne)\b", left):
            continue  # "has performed strongly, prompting the Fed to raise rates five times since June": "This prompts"
        doing = _SUBJECTS_DOING.get(participle)
        if doing and doing.match(tail) or participle not in SUBJECT_PARTICIPLES and _GERUND_SUBJECT.match(tail):
            continue
        tense = _last_tense(left)
        if participle in SUBJECT_PARTICIPLES:
            # What the subject did as well is told in the tense of the subject's own verb ("Lord
            # Browne rejected calls for a tax on profits, saying ..." -> "Lord Browne said ...").
            subject = _plain_subject(left)
            if subject is not None and subject in left:
                tense = _tense("x " + left.split(subject, 1)[1]) or tense
        if tense is None:
            continue
        if participle in SUBJECT_PARTICIPLES:
            if any(mark in left for mark in "\"“”"):
                continue  # '"...," he told the court, adding ...': whose words, the quotation's speaker's?
            if _PASSIVE.search(left) or _SECOND_CLAUSE.search(left):
                continue
            subject = _plain_subject(left)
            if subject is None:
                continue
            if participle == "adding" and not re.match(r"(?:that\b|[\"“'‘:])", tail):
                continue  # "adding $1.20 to $51.10": a figure added, not words
            if participle in SAYING_PARTICIPLES:
                if tense != "was":
                    continue  # "The government says ..., adding ...": "said" would tell it in the past
                return [_ended(left), _ended(f"{subject} said {tail}")]
            be = _be(subject, tense)
            if be is None:
                continue
            return [_ended(left), _ended(f"{subject} {be} {participle} {tail}")]
        if tense != "is":
            continue  # "This was marking one of the biggest shifts": heard as clumsy; "This marked" is not the source's word
        return [_ended(left), _ended(f"This is {participle} {tail}")]
    return [sentence]


_FRONTED_PARTICIPLE = re.compile(r"^(?P<participle>[A-Z][a-z]+ing)\s+(?P<phrase>[^,\"“”()]+?),\s+(?P<main>.+)$")


def split_fronted_participles(sentence: str) -> list[str]:
    """A long sentence that opens with what its subject did ("Speaking on Monday, Mr Manuel
    said ...", "Reporting its results for the quarter, the airline made ...") says that first
    as a sentence of its own, the subject named, its participle after "is" or "was": "Mr Manuel
    was speaking on Monday." "Mr Manuel said ...". Only the participles of `SUBJECT_PARTICIPLES`;
    a subject that cannot be said again ("A man ...", a long noun phrase) or a clause in the
    future stays.
    """
    if not _long(sentence):
        return [sentence]
    match = _FRONTED_PARTICIPLE.match(sentence)
    if not match:
        return [sentence]
    participle = match.group("participle").lower()
    phrase, main = match.group("phrase").strip(), match.group("main")
    if participle not in SUBJECT_PARTICIPLES or _words(phrase) < 2 or not _is_clause(main):
        return [sentence]
    opened = _capitalized(main)
    subject = _plain_subject(opened)
    tense = _tense(opened)
    if subject is None or tense is None or not opened.startswith(subject + " "):
        return [sentence]  # the subject is not where the clause opens: "..., in January Mr X said"
    if participle == "speaking" and phrase.split()[0] == "of" \
            or opened[len(subject):].split()[0] in ("is", "are", "was", "were"):
        return [sentence]  # "Speaking of noise, the game is ...": the subject did not speak
    be = _be(subject, tense)
    if be is None:
        return [sentence]
    return [_ended(f"{subject} {be} {participle} {phrase}"), _ended(opened)]


def _be(subject: str, tense: str) -> str | None:
    """"is" or "was" for one, "are" or "were" for many ("They", "The lawyers"); None for "I" in
    the present ("am" is not the editor's word)."""
    if subject == "I":
        return "was" if tense == "was" else None
    number = _number(subject)  # "Mr Jones" is one: a name of two words, whatever its last letter
    many = number == "plural" or number is None and subject.endswith("s") and not subject.endswith(("ss", "'s", "us"))
    return ("were" if tense == "was" else "are") if many else tense


_COMPARED = re.compile(r",?\s+(compared (?:with|to)|ahead of|up from|down from)\s+")
# "up from", "down from" and "ahead of" compare only after a comma or a dash: without one they
# belong to a verb ("stepped down from her post", "ramp it up from", "this is down from").
_SET_OFF = re.compile(r"(?:,|\s[-–—]+)\s+(?:ahead of|up from|down from)\s+$")
# A comparison compares figures: "compared with a year earlier", "compared to other parts of the
# world" are not said as "This compared with ...".
_FIGURE = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
                     r"fifty|hundred|thousand|million|billion|half|third|quarter|double|twice)\b", re.IGNORECASE)
# "ahead of" a figure, not of a time ("ahead of the 2008 Olympic Games", "ahead of Friday's announcement").
_AHEAD_OF_FIGURE = re.compile(r"[%£$€]|\b(?:forecasts?|expectations?|estimates?|consensus|predictions?)\b",
                              re.IGNORECASE)


def split_comparisons(sentence: str) -> list[str]:
    """A long sentence's closing comparison is said as its own sentence: "The airline made a
    profit of £75m compared with £125m a year earlier." -> "The airline made a profit of £75m."
    "This compared with £125m a year earlier." (the source's own word); ", ahead of
    the 0.6% forecast", ", up from ..." and ", down from ..." are said as "This is ahead of ...",
    "This is up from ...", "This was ..." after a clause in the past. A comparison inside a
    quotation, one followed by more of the sentence's own (a comma), or one that is short stays.
    """
    if not _long(sentence):
        return [sentence]
    outside = _top_level(sentence)
    for match in _COMPARED.finditer(sentence):
        if not outside[match.start()]:
            continue
        left, tail = sentence[:match.start()], sentence[match.end():]
        if "," in tail or any(not outside[i] for i in range(match.start(), len(sentence) - 1)):
            continue
        if _words(tail) < 2 or _words(left) < MIN_PIECE_WORDS + 1 or not _is_clause(left):
            continue
        if left.split()[0].strip("\"“'‘").lower() in _CONJUNCTIONS:
            continue
        how = match.group(1)
        if not _FIGURE.search(tail) or re.search(r"\swhile\s|\s[-–—]+\s", tail):
            continue  # no figure to compare, or a clause of its own after it ("... a year ago while Ford ...")
        if how.startswith("compared"):
            if left.split()[-1].lower() in _PRONOUN_SUBJECTS | _AUXILIARIES:
                continue  # "whose genius he compared to that of Mozart": the verb of a clause
        elif not _SET_OFF.search(sentence[:match.end()]) or how == "ahead of" and not _AHEAD_OF_FIGURE.search(tail):
            continue
        if how.startswith("compared"):
            return [_ended(left), _ended(f"This {how} {tail}")]
        tense = _tense(left)
        if tense is None:
            continue
        return [_ended(left), _ended(f"This {tense} {how} {tail}")]
    return [sentence]
