"""Checks the older splits ask before they cut, each from a fault heard on the development sets:
a cut inside an aside between dashes, before a phrase that has no verb of its own, or inside a
title."""

from __future__ import annotations

import re

from ..sentences import _VERBS
from .grammar import _AUXILIARIES, _DASH, _PAST, _finite, _opens_clause

_WH = frozenset("what who which that whom whose where when how".split())


def inside_dashes(left: str) -> bool:
    """Whether the end of `left` is inside an aside between dashes (an odd number of dashes
    before it): "not the airlines, the airlines have no money, it has to be paid ..."."""
    return len(re.findall(rf"\s{_DASH}\s", left)) % 2 == 1


def main_verb(text: str) -> bool:
    """Whether `text` has a verb of its own, not only one inside a "what ..." or "who ..."
    clause ("Next year with the final chip, four times what it is this year" has none)."""
    words = [w.lower().strip(",.;:\"'“”‘’") for w in text.split()]
    for i, word in enumerate(words[1:], 1):
        if word in _AUXILIARIES | _VERBS - {"being", "like"} and not any(w in _WH for w in words[max(0, i - 2):i]):
            return True
    return False


def phrase_before(left: str) -> bool:
    """Whether what comes just before a comma is a phrase that leads into the next clause, not
    the end of a clause: the words after the last "and"/"but" have no verb ("There are scans of a
    corridor and fairly plainly in one of those shots, there is ...", "..., but up against the
    Mac mini, I believe ...")."""
    parts = re.split(r"\s(?:and|but)\s", left)
    return len(parts) > 1 and not any(_finite(w) for w in parts[-1].split())


def participle_phrase(text: str) -> bool:
    """Whether `text` (a piece after a colon) is a noun and a participle, not a clause: its
    first verb is an "-ed" word just after a comma ("The Iowa Game, commissioned by ...",
    "Campaign placards, enlarged photographs ...")."""
    words = text.split()
    for before, word in zip(words, words[1:]):
        plain = word.lower().strip(",.;:")
        if word[:1].islower() and _finite(plain):
            return before.endswith(",") and plain.endswith("ed") and plain not in _VERBS | _AUXILIARIES
    return False


def inside_title(left: str, right: str) -> bool:
    """Whether a colon sits inside a title between capitals ("GoldenEye: Rogue Agent")."""
    last, first = left.split()[-1:], right.split()[:1]
    return bool(last and first) and last[0][:1].isupper() and first[0][:1].isupper() \
        and first[0].lower() not in ("the", "a", "an", "it", "he", "she", "they", "we", "i", "this", "there")


# A piece after a dash that opens with these is a phrase that leans on the sentence before it
# ("- with non-store retailers seeing sales rise ...", "- albeit with losses halved ...").
_LEANING = frozenset("with albeit nowhere including despite amid due over".split())
_SOFT_ADVERBS = frozenset("still later also then now yet so even only just already".split())


def stands_alone(piece: str, opening: bool = False) -> bool:
    """Whether a piece cut at a dash is heard as a sentence: it has a verb of its own, a piece
    after the dash does not open with a leaning preposition, and an "and"/"but" at its start is
    followed by a subject, not by the verb of the clause before the dash ("- and fell short of
    ...", "- but still looks set ..."). "But many said ..." and "And some suggest ..." stand
    alone; `opening` is the sentence's own start ("For Airbus, the future is big")."""
    piece = piece.replace("’", "'")
    words = piece.split()
    opens = _opens_clause(piece) and not any(w.lower() in _WH - {"that"} for w in words[:3])
    if not words or not (main_verb(piece) or opens):
        return False  # "- 12 times what was on sale", "- no matter what happens to ...": no verb of its own
    first = words[0].strip("\"“'‘").lower()
    head = re.split(r"\s(?:since|than|which|that|who|now|being)\s", piece)[0]
    if first in ("a", "an", "the") and not opening and not main_verb(head) \
            and (first != "the" or not any(_finite(w) and w[:1].islower() for w in head.split()[1:])):
        return False  # "- the highest figure since records began", "- a law introduced in the wake of ...": a noun
        # phrase; "- the last coal pit closed in 1990" is a clause
    if first in _LEANING and not opening:
        return False
    if first in ("and", "but", "or", "nor"):
        rest = [w for w in words[1:] if w.lower().strip(",") not in _SOFT_ADVERBS and not w.lower().endswith("ly,")]
        return bool(rest) and not (rest[0][:1].islower() and _finite(rest[0]))
    return True


def reduced_relative(aside: str) -> bool:
    """Whether an aside between dashes is a noun and a past participle, not a clause: its first
    verb is a bare past form ("- the oil firm sold to a little-known buyer on Sunday -", "- loans
    agreed but not yet made -", "- the money set aside to cover ... -"); said alone after the
    sentence, "The oil firm sold to a buyer" turns who sold round."""
    words = aside.split()
    for before, word in zip(words, words[1:]):
        plain = word.lower().strip(",.;:\"'“”")
        if plain in _PAST - {"was", "were", "had", "did"} or (len(plain) > 4 and plain.endswith("ed")) \
                or plain in ("set", "put", "cut"):
            return not before[:1].isupper()  # "- the UK's Home Choice started in 1992 -": a name and its verb
        if plain in _AUXILIARIES or plain in _VERBS:
            return False
    return False


# Past participles that describe a noun far more often than they tell what it did: "social programs
# aimed at reducing poverty", "a scheme designed to ...", "a firm based in Leeds".
_DESCRIBING = frozenset("aimed designed intended meant based dubbed called named known owned funded backed "
                        "linked related devoted dedicated".split())


def noun_and_participle(piece: str) -> bool:
    """Whether a piece after a single dash is a noun phrase and a participle, not a clause: its
    first verb is a describing participle ("- social programs aimed at reducing poverty") or is
    followed by "by" ("- an argument amplified by a 134% rise ..."). Said alone, it has no verb."""
    words = [w.lower().strip(",.;:\"'“”") for w in piece.split()]
    for i, word in enumerate(words[1:], 1):
        if word in _DESCRIBING or (word.endswith("ed") and words[i + 1:i + 2] == ["by"]):
            return not piece.split()[i - 1][:1].isupper()
        if word in _AUXILIARIES or word in _VERBS or word in _PAST or (len(word) > 4 and word.endswith("ed")):
            return False
    return False


_LEADS_IN = re.compile(r"(?:now that|although|though|while|when|if|because|since|as|once|unless|whereas)\b",
                       re.IGNORECASE)
_REPORTS = re.compile(r"\b(?:say|says|said|believe|believes|think|thinks|argue|argues|claim|claims|fear|fears|"
                      r"ensure|ensures|means|suggest|suggests|showed|insist|insists)\b")


def bare_and_joins_clauses(left: str, right: str) -> bool:
    """Whether a bare "and" between `left` and `right` joins two clauses a listener can hear
    apart. Not inside a clause that leads in
    ("Now that networks are bedding down and it is becoming essential, ..."), inside an aside
    between dashes, after "both", "between" or "either" (two things: "both those on benefits and
    those who are ..."), after a phrase with no verb since its last comma ("... but the firm's
    creditors and its former parent have stepped in"), under a report ("Supporters say current
    laws are inefficient and it would ...": the second clause is theirs too), or before a piece
    whose verb is an infinitive or a relative clause's ("... and the Guardian to take home",
    "... and those that want more")."""
    if inside_dashes(left) or _REPORTS.search(left) or re.search(r",\s+(?:who|which)\b[^,]*,$", left):
        return False  # "Mr Walsh, who took charge in 2000, and his team have ...": no main verb yet
    if _LEADS_IN.match(left.strip("\"“'‘ ")) and "," not in left:
        return False
    if re.search(r"\b(?:both|between|either)\b[^,]*$", left, re.IGNORECASE):
        return False
    parts = re.split(r",\s+|\sbut\s", left.rstrip(" ,"))
    if len(parts) > 1 and not any(_finite(w) and w[:1].islower() for w in parts[-1].split()) \
            or re.search(r",\s+(?:where|when|which|who)\b[^,]*$", left):
        return False  # "... but the firm's creditors and its parent have ...", "..., where costs are lower and ..."
    words = right.split()
    for before, word in zip(words, words[1:]):
        if word[:1].islower() and _finite(word):
            return before.lower() not in ("to", "that", "who", "which")
    return True


def _has_verb(text: str) -> bool:
    return any(_finite(w) and w[:1].islower() for w in text.split())


def ends_a_list(left: str, right: str, conjunction: str = "and") -> bool:
    """Whether ", and"/", but" between `left` and `right` joins the last items of a list or an
    apposition, not two clauses: a last item of one or two words with no verb ("his gear bag,
    backpack, and some clothing ...", "PlayStation 3, Xenon, and Nintendo's Revolution, are ..."),
    a verb after a comma in `right` ("..., are part of ..."), a name and its apposition ("Franklin
    Raines, a former official, and chief financial officer Tim Howard have left"), or a last item
    that is a relative clause ("Mr Walsh, who took charge in 2000, and his team")."""
    parts = re.split(r",\s+", left)
    last = parts[-1]
    if len(parts) > 1 and len(last.split()) <= 2 and not _has_verb(last) \
            and last.lower() not in ("however", "though", "too", "meanwhile", "instead", "then") \
            and not last.lower().endswith("ly"):
        return True
    if len(parts) > 1 and last.split()[0].lower() in ("who", "which"):
        return True
    if conjunction == "and" and (len(parts) > 2 and not _has_verb(last) and not _has_verb(parts[-2])
                                 or len(parts) > 1 and not any(_has_verb(p) for p in parts)):
        # "... ABN Amro, BNP Paribas, Calyon, JP Morgan Chase Bank, and Dresdner ... were not involved",
        # "Cheap copies of its drugs, particularly X, and a weak dollar had hit profits": the list is the subject
        return True
    if re.search(r"[A-Z][\w'’-]+,\s+(?:a|an|the)\s+[^,]*$", left) and not _has_verb(last):
        return True
    first_verb = next((i for i, w in enumerate(right.split()) if _finite(w) and w[:1].islower()), None)
    if first_verb and right.split()[first_verb - 1].endswith(","):
        return True
    if left.split()[0].lower() in _LEANING | {"without", "after", "before"} and "," not in left:
        return True  # "With Vodafone now pushing its own 3G service, and 3 already established, ...": a fronted phrase
    return not _any_verb(left)  # "Shares of Sumitomo Mitsui Financial (SMFG), and Daiwa Securities jumped"


_NOT_BEFORE_A_VERB = frozenset(
    "a an the of in on at for to by with from its his her their this that these those".split())


def _any_verb(text: str) -> bool:
    """Whether `text` has anything a verb may be, leniently: a known verb, an "-ed" word, "it's",
    or a word in -s after a word that is not a determiner or a preposition ("Growth in China
    remains", "Boeing continues")."""
    words = text.replace("’", "'").split()
    if main_verb(text) or _has_verb(text) or re.search(r"\b(?:it|he|she|that|there|what)'s\b", text, re.IGNORECASE):
        return True
    return any(w.islower() and len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s"))
               and before.lower() not in _NOT_BEFORE_A_VERB for before, w in zip(words, words[1:]))


_REPORTS_THAT = re.compile(r"\b(?:said|says|added|adds|claimed|claims|reported|notes|noted|believes?|"
                           r"believed|revealed|warned|argued|explained|insisted|admitted|denied|confirmed|say)\b")
_LEADING_ADVERBS = frozenset("almost since then also still later now just even only".split())


def opens_own_clause(right: str, left: str = "") -> bool:
    """Whether a piece after ", and"/", but" opens a clause of its own: not a "that" clause that
    goes on a report ("He said the discrepancy was in the paperwork, but that money had ...":
    "But that money had ..." would be heard as other money), not a verb after an adverb with no
    subject ("almost emigrated there", "since then had attempted"), and with a verb of its own
    ("flash memory like SD cards" has none)."""
    words = right.split()
    if not words or words[0].lower() == "that" and _REPORTS_THAT.search(left) \
            or not (main_verb("x " + right) or _has_verb(right) or _opens_clause(right)):
        return False  # "but that discovery prompted ..." (no report before it) is a clause of its own
    opening = [w for w in words[:3] if w.lower().strip(",") not in _LEADING_ADVERBS]
    if len(opening) > 1 and opening[0].endswith("s") and opening[1].lower() in ("the", "a", "an", "similar"):
        return False  # "..., and follows similar falls ...", "..., and exposes the confidences ...": a verb, no subject
    return not (opening and len(opening) < 3 and opening[0][:1].islower() and _finite(opening[0]))
