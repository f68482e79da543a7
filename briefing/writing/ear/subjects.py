"""Who a split-off piece is about, said so a listener hears the right one: the name a closing
", which ..." or ", who ..." clause means, and a subject said again after "But" in lower case
when it is an ordinary word, not a name."""

from __future__ import annotations

import re

from ..sentences import _VERBS
from .grammar import (
    _AUXILIARIES, _CALENDAR, _NEWS_VERBS, _COMMON_OPENERS, _NAME, _PAST, _PLURAL_VERBS, _SAY, _SUBJECT_WORDS, _SUBORDINATORS,
    _finite,
)

# Before these, a name is where something is or what it belongs to, and a relative clause after
# it is most often about the thing named first: "a fire at a refinery in Texas, which shut down
# production" (the fire did), "the old currencies of Europe, which moved ..." (the currencies did).
_PLACE_OR_PART = frozenset("of in at on near inside outside across around throughout".split())
# Before these, the name is one of several ("Microsoft, Google and Ask Jeeves, which have ..."):
# the clause may be about all of them, and said of the last one alone it names the wrong subject.
_LIST_JOINS = frozenset("and or & plus".split())
# A person's title: "which" after a person is about a thing said before ("a proposal from Mr
# Glazer, which looks set to ...").
_TITLES = frozenset("mr mrs ms miss dr sir lord lady mr. mrs. ms. dr.".split())


def _before(left: str, start: int) -> str:
    """The word before character `start` of `left`, lower case, without a comma."""
    words = left[:start].split()
    return words[-1].lower().strip(",") if words else ""


def named_antecedent(left: str, relative: str, verb: str) -> str | None:
    """The name a closing relative clause is about, said again to open its sentence ("... deals
    reached by Qatar, which is trying ..." -> "Qatar"; "the Tamil Tigers, who want" -> "The
    Tamil Tigers"); None when the name at the end of `left` is not the one meant or not whole:
    after "in", "at" or "of" (a place or what a thing belongs to), one of a list ("... and
    Blinkx, which have"), a piece of a longer name ("the 1994 Energy Charter Treaty", "AT&T",
    "Chambre de Commerce"), a person with "which", a name after a noun and "by" ("a probe by the
    SEC": the probe), a name after "said" with "which", or a name with "which" and a plural verb
    ("like China, which are")."""
    name = re.search(rf"({_NAME})$", left)
    if not name:
        return None
    named = name.group(1).split()
    if len(named) > 4 or named[0].lower() in _SUBJECT_WORDS | _CALENDAR or named[-1].lower() in _CALENDAR:
        return None
    start = name.start(1)
    if start and not left[start - 1].isspace():
        return None  # "AT&T", "3GSM", "TCP/IP": the last piece of a name
    the = _before(left, start) == "the"
    at = left[:start].rstrip()[:-len("the")] if the else left[:start]
    before = _before(at, len(at))
    if before[:1].isdigit() or at.rstrip()[-1:].isalpha() and at.split()[-1][:1].isupper():
        return None  # "the 1994 Energy Charter Treaty", "House of Lords Economic Affairs Committee": a longer name
    if before in _PLACE_OR_PART | _LIST_JOINS or re.fullmatch(r"de|du|da|di|von|van|der|la|le", before):
        return None
    if before == "by":
        by = at.rstrip()[:-2].split()
        if by and not (by[-1].lower().endswith("ed") or by[-1].lower() in _PAST | _VERBS):
            return None  # "a probe by the SEC, which ...": the probe; "deals reached by Qatar": Qatar
    if relative == "which":
        if named[0].lower().rstrip(".") in {t.rstrip(".") for t in _TITLES} or re.fullmatch(_SAY, before) \
                or verb.lower() in _PLURAL_VERBS:
            return None
    return ("The " if the else "") + name.group(1)


# Verbs not said of many alone: modals, the past, and the verbs whose past is their base form.
_NOT_PLURAL = frozenset("""will would can could may might must should shall did had was is be been being said made
    shut put set cut hit let cost hurt quit spread split burst cast bet read""".split())


def plural_clause(verb: str) -> bool:
    """Whether a relative clause's verb is said of many: "which are", "which make up" ("They",
    not "This"); a verb in -s, in the past or a modal is not."""
    verb = verb.lower()
    if verb in _PLURAL_VERBS:
        return True
    known = verb + "s" in _VERBS or verb + "s" in _NEWS_VERBS or verb + "es" in _NEWS_VERBS  # "appear", "continue"
    return known and verb not in _NOT_PLURAL  # "make" (there is "makes"), not "meant", "ran"


# Words that open a sentence and are not names: said after "But", they are in lower case.
_ORDINARY_OPENERS = _COMMON_OPENERS | frozenset(
    """he she we they last earlier later underlying overall total annual net analysts investors economists
    officials experts critics consumers shoppers customers users viewers fans residents police researchers
    scientists doctors workers staff revenue revenues earnings demand growth inflation unemployment output exports
    imports spending such other another much any each every both
    in on at by for from with within without about over under after before during since until into of to as
    if when while although though because but and or so yet just only even also still however instead rising
    further""".split()
)


def said_after_but(subject: str, sentence: str) -> str:
    """A subject said again after "But" (or a sentence after "According to X,"), its first word
    in lower case when it is an ordinary word:
    a word the sentence has in lower case elsewhere, or a common word at a sentence's start ("But
    underlying pre-tax profits ...", "But analysts stressed ..."). A name stays as it is ("But
    Pernod lost ..."), and so does a word the rule cannot tell from one ("Next", a retailer)."""
    match = re.match(r"([A-Z][a-z'’-]*)\b", subject)
    if not match or subject.startswith("I "):
        return subject
    word = match.group(1)
    lower = word.lower()
    elsewhere = re.search(rf"(?<![\w'’-]){re.escape(lower)}(?![\w'’-])", sentence)
    if lower in _ORDINARY_OPENERS or elsewhere:
        return lower + subject[len(word):]
    return subject


# A body that acts: a ", which ..." clause after one is said of "It", not "This" ("... set up by
# a comedy club, which will text them a joke a day." -> "It will text them a joke a day.").
_BODIES = frozenset("""club firm company group union committee association agency government council authority
    regulator bank board body organisation organization institute foundation charity party ministry department
    commission court newspaper paper network operator retailer carrier airline maker manufacturer publisher
    developer studio broadcaster channel station community team""".split())


def relative_pronoun(left: str, verb: str) -> str:
    """What opens a closing ", which ..." clause said on its own: "They" for many ("wine
    cooperatives, which make up ..."), "It" after a body that acts ("the Russian government,
    which was ..."; a common noun, not a name's last word: "a probe by the Securities Exchange
    Commission, which is close to concluding" is the probe's), "This" otherwise (the thing or the
    event: "..., which was a record low")."""
    if plural_clause(verb):
        return "They"
    last = left.rstrip().split()[-1].strip("\"”’'")
    return "It" if last in _BODIES else "This"  # lower case: "a probe by the Securities Exchange Commission, which"


# After these, a new subject and its verb follow: "... began when Dawn, who ..., discovered".
_OPENS_SUBJECT = frozenset("""that when if because after before while although though since until unless whether
    said says believe believes think thinks""".split())


def inner_clause_fits(head: str, tail_verb: str, relative: str) -> bool:
    """Whether a ", which ...," or ", who ...," clause sits between a subject (`head`) and its
    verb (`tail_verb`), so that the sentence is said without it and the clause after it. Not
    when the word taken for the verb is a hyphened or "-ed" adjective after a clause ("webcams in
    each room, which can be called up on the TV, connected to the PC"; "..., wood-panelled
    hallway"), an attribution after a whole clause ("China has seen two decades of growth, which
    ..., says the BBC's reporter"), a subject with an apposition or a list before it
    ("Edinburgh-based developer, Rockstar, which"; "EDS, the firm ..., and Microsoft, which"),
    or, with "who", the last name of a list ("Sony, IBM and Toshiba, who have ...")."""
    words = head.split()
    opens = [i for i, w in enumerate(words) if w.lower() in _OPENS_SUBJECT]
    words = words[opens[-1] + 1:] if opens else words  # "The drama began when Dawn": Dawn's verb is to come
    head_has_verb = any(_finite(w) and w[:1].islower() for w in words[1:])
    if "-" in tail_verb or head_has_verb and (
            tail_verb.endswith("ed") and tail_verb not in _VERBS | _AUXILIARIES or re.fullmatch(_SAY, tail_verb)):
        return False
    if "," in head:
        before, after = head.rsplit(",", 1)
        segment = before.split(",")[-1].split()
        if after.split()[:1] in (["and"], ["or"]) or segment and segment[0].lower() not in _SUBORDINATORS \
                and not any(_finite(w) and w[:1].islower() for w in segment[1:]):
            return False
    if relative == "who" and _before(head, len(head) - len(re.search(rf"({_NAME})$", head).group(1))
                                     if re.search(rf"({_NAME})$", head) else 0) in _LIST_JOINS:
        return False
    return True
