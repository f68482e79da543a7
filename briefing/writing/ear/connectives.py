"""Rules for a clause joined on by a connective ("before", "after", ", one of which ...") that
radio says as a sentence of its own: "Sterling opened the scoring in the ninth minute before
Joe Allen scored." -> "Sterling opened the scoring in the ninth minute." "Then Joe Allen
scored." The connective's meaning is kept by a function word ("Then", "This was after") or by
the source's own quantifier ("One", "Some")."""

from __future__ import annotations

import re

from ..sentences import _VERBS
from .clauses import _MODALS, _NOT_ONLY
from .speakers import _ROLE_WORDS
from .grammar import (
    MIN_PIECE_WORDS, _AUXILIARIES, _CONJUNCTIONS, _FUNCTION_ENDS, _PLURAL_VERBS, _SAY, _PAST, _capitalized, _ended, _finite, _is_clause, _long,
    _opens_clause, _SINGULAR_VERBS, _SUBJECT_WORDS, _subject_words, _top_level, _words,
)
from .tails import _last_tense, _tense

_PRONOUNS = frozenset("he she it they we i you his her its their our my your him them this that these those".split())
# Before "before"/"after" these make it part of a time phrase ("two days after", "shortly
# before", "long before", "the night before") or of a verb ("named after", "looked after"): the
# tail cut there would lose the phrase or change what the verb says.
_TIME_WORDS = frozenset(
    """shortly just soon long hours hour days day weeks week months month years year minutes minute moments
    moment seconds time times night morning evening afternoon decade decades weekend immediately only even
    ever never well straight right directly quickly swiftly briefly moments soon-after""".split()
)
# "in the ninth minute before ...", "this year after ...": a moment, not a span the tail is measured from.
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\w+eth|"
                      r"last|final|opening|closing|same|this|that|next|previous")
_VERB_AFTER = frozenset(
    """named name names naming look looks looked looking take takes took taken taking run runs ran running go goes
    went gone going come comes came coming chase chases chased chasing lust lusted hanker seek sought one""".split()
)
# A negated or hedged clause: "did not leave before the match ended" is not "Then the match ended".
_NEGATED = re.compile(r"\b(?:not|never|no|nor|without|barely|hardly|scarcely)\b|n['’]t\b", re.IGNORECASE)


# The tail may belong to a clause inside the left one ("... who took over after ...").
_INNER = re.compile(r"\b(?:that|which|who|whom|whose)\s+[^,]*$")


def _tail_clause(sentence: str, word: str, outside: list[bool]):
    """(left, right) at each "word" that joins two clauses at the top level, the right one
    the plain rest of the sentence (no comma, quotation or bracket) with its own subject."""
    for match in re.finditer(rf"(?<=[^,\s])\s+{word}\s+", sentence):
        if not outside[match.start()]:
            continue
        left, right = sentence[:match.start()], sentence[match.end():]
        if "," in right or any(not outside[i] for i in range(match.start(), len(sentence))):
            continue
        words = left.split()
        if len(words) < MIN_PIECE_WORDS + 1:
            continue
        timed = words[-1].lower().strip(".") in _TIME_WORDS and not _ORDINAL.fullmatch(words[-2].lower())
        if timed or words[-1].lower() in _VERB_AFTER | _FUNCTION_ENDS \
                or words[0].strip("\"“'‘").lower() in _CONJUNCTIONS or ";" in left or re.search(r"\bwhile\b", right):
            continue
        if _INNER.search(left):
            continue  # "allegations that the giant misled investors after ...": the tail may be the inner clause's
        subject = _subject_words(words)
        if subject is None or not subject[0]:
            continue  # "The wars in Iraq, increased spending on security after 9/11 and ...": no clause before it
        if _words(left) < MIN_PIECE_WORDS + 1 or not _is_clause(left) or not _is_clause(right) \
                or not _opens_clause(right):
            continue
        yield left, right


def _past_verb(clause: str) -> bool:
    """Whether the clause's first verb, after its subject, is a plain past ("Joe Allen
    capitalised", "the plane was hit"), not a modal ("before he could flee")."""
    found = _subject_words(clause.split())
    if found is None:
        return False
    _, verb = found
    word = clause.split()[verb].lower().strip(",.;:")
    return word not in _MODALS and (word in _PAST or len(word) > 4 and word.endswith("ed"))


def split_before_clauses(sentence: str) -> list[str]:
    """A long sentence told in the past whose second clause comes "before" with its own
    subject says it as a sentence of its own opened by "Then", which keeps the order: "Sterling
    opened the scoring in the ninth minute before Joe Allen capitalised on a mistake." ->
    "Sterling opened the scoring in the ninth minute." "Then Joe Allen capitalised on a
    mistake." A negated clause ("did not leave before ..."), a time phrase ("shortly before",
    "two years before"), a modal on either side ("before he could flee") or a clause with no
    subject of its own ("before recovering") stays.
    """
    if not _long(sentence):
        return [sentence]
    outside = _top_level(sentence)
    for left, right in _tail_clause(sentence, "before", outside):
        if _NEGATED.search(left) or _tense(left) != "was" or _last_tense(left) != "was" or not _past_verb(right):
            continue
        first = right.split()[0]
        if first.lower() in _PRONOUNS:
            continue  # "... released it to Oscar before his back-heel sent ...": said after "Then", "his" is Fabregas's
        if not first[:1].isupper() and first.lower() not in _SUBJECT_WORDS:
            continue  # "the profit before exceptional items rose 8%": "before" in a noun phrase
        if re.match(r"(?:it|there)\s+(?:was|were|had been)\b", left, re.IGNORECASE):
            continue  # "It was three years before the club won again": not two events in turn
        return [_ended(left), _ended("Then " + right)]
    return [sentence]


def split_after_clauses(sentence: str) -> list[str]:
    """A long sentence told in the past whose closing "after" clause (no comma before it) has
    its own subject says it as "This was after ...", as a closing ", after ..." tail is said:
    "Residents had an unexpected change of scenery this morning after a stretch of seabed was
    forced to the surface." -> "... this morning." "This was after a stretch of seabed was forced
    to the surface." A time phrase ("two days after"), a verb's own "after" ("named after"), a
    negated clause or a clause in the present or future stays.
    """
    if not _long(sentence):
        return [sentence]
    outside = _top_level(sentence)
    for left, right in _tail_clause(sentence, "after", outside):
        if _NEGATED.search(left) or _tense(left) != "was" or _last_tense(left) != "was" or _tense("x " + right) != "was":
            continue  # "... after the club moves to its new stadium": not yet so
        return [_ended(left), _ended("This was after " + right)]
    return [sentence]


# ", one of which will ...", ", some of whom were ...": the quantifier opens the new sentence.
_OF_WHICH = re.compile(
    r",\s+(both|one|some|many|most|all|none|each|several|two|three|four|five|six|seven|eight|nine|ten|half)"
    r"\s+of\s+(?:which|whom)\s+(\S+)", re.IGNORECASE)


_MASS = frozenset("some most all half none".split())


def split_closing_of_which(sentence: str) -> list[str]:
    """A long sentence's closing ", one of which ..." (", some of whom", ", many of which" ...)
    clause is said as a sentence of its own opened by its quantifier: "... three plants in the
    north and two in Wales, one of which will close next year." -> "... two in Wales." "One will
    close next year." A clause that does not open with its verb, or one inside a quotation, stays.
    ", both of which need ..." and ", all of which are ..." with a plural verb reach this rule only
    when `run_ons.split_quantified_relatives` (earlier in `SPLIT_RULES`) left them: it says "They
    both need ...".
    """
    if not _long(sentence):
        return [sentence]
    outside = _top_level(sentence)
    for match in _OF_WHICH.finditer(sentence):
        if not outside[match.start()] or any(not outside[i] for i in range(match.start(), len(sentence) - 1)):
            continue
        verb, after = match.group(2), sentence[match.end():].split()
        if not _finite(verb) and not (verb.lower().endswith("ly") and after and _finite(after[0])):
            continue  # "three of which songs": no verb; "both of which quickly sold" has one
        left, clause = sentence[:match.start()], sentence[match.start(2):]
        if "," in clause:
            continue  # "As well as having two screens, one of which is ..., the DS ...": not the sentence's end
        if match.group(1).lower() in _MASS and (verb.lower() in _SINGULAR_VERBS or verb.lower().endswith("s")
                                                and not verb.lower().endswith("ss")):
            continue  # "$950m a year, some of which goes to ...": "Some goes" is heard as clumsy
        if _words(left) < MIN_PIECE_WORDS + 1 or _words(clause) < 2 or not _is_clause(left):
            continue
        return [_ended(left), _ended(f"{_capitalized(match.group(1).lower())} {clause}")]
    return [sentence]


_BUT = re.compile(r",\s+but\s+(?:(?:also|still|then|later|now|instead)\s+)?(\S+)")
# A subject that is a person ("A spokesman for the firm", "the officials"): "it" or "they" would
# not be said of them; a role after "A"/"The" is said again as "the spokesman".
_PEOPLE = re.compile(
    r"\b(?:man|woman|men|women|boy|girl|child|children|people|person|officials?|analysts?|investors?|workers?|staff|"
    r"fans?|players?|family|mother|father|son|daughter|wife|husband|police|doctors?|residents?|voters?|students?|"
    r"teachers?|victims?|customers?|users?|critics?|experts?|leaders?|bosses)\b", re.IGNORECASE)
# Verbs said bare after a modal ("would reach 4.4%, but fall to 3.3%"), besides `_VERBS`.
_BARE_VERBS = frozenset("""be have do go get make take keep stay remain become rise fall grow cut drop slip
    climb reach hit face need see give lose win pay put leave""".split())
# A verb in the present the word list does not know, told by what follows it: "continues to insist".
_PRESENT_VERB = re.compile(r"[a-z]{3,}[^s]s\s+(?:to|the|a|an|its|their)\s")
_PREPOSITIONS = frozenset("of for at in on from with to by about".split())
# After the subject's verb, a clause of its own: the verb after ", but" may be that clause's.
_CLAUSE_AFTER_VERB = re.compile(r"\b(?:that|which|who|whom|whose|when|where|if|because|while|as|after|before|since|"
                                r"until|unless|whether|how|why|what)\b", re.IGNORECASE)


def split_shared_but(sentence: str) -> list[str]:
    """A long sentence whose ", but" clause shares the first one's subject, a thing or things,
    says it as a sentence of its own with "it" or "they", and the first clause's modal again:
    "US growth would reach 4.4% in 2004, but fall to 3.3% next year." -> "US growth would reach
    4.4% in 2004." "But it would fall to 3.3% next year."; "The merger is to go ahead, but will
    not include the unit." -> "But it will not include the unit."; a spokesman or an official is
    "the spokesman" again ("A spokesman for the firm refused to comment, but said ..." -> "But
    the spokesman said ..."). A person by name (`split_shared_subjects` says it again), other
    people, a verb that may belong to a clause inside the first one ("said that prices fell, but
    were up ..."), or a verb whose number is not the subject's stays.
    """
    if not _long(sentence):
        return [sentence]
    outside = _top_level(sentence)
    for match in _BUT.finditer(sentence):
        if not outside[match.start()]:
            continue
        left, right = sentence[:match.start()], sentence[match.start(1):]
        lead = "".join(w + " " for w in sentence[match.start():match.start(1)].split()[2:])  # "also", "still" ...
        verb = match.group(1).lower()
        words = left.split()
        found = _subject_words(words)
        if found is None or _NOT_ONLY.search(left) or not _is_clause(left):
            continue
        subject, at = found
        if not subject or len(subject) > 12 or at >= len(words):
            continue
        left_verb = words[at].lower().strip(",")
        if _CLAUSE_AFTER_VERB.search(" ".join(words[at:])) or re.fullmatch(_SAY + "|suggested|believes|thinks|expects",
                                                                          left_verb):
            continue  # "said that French prices fell, but were up": whose "were"?
        if any(w.lower() in ("he", "she", "they", "we", "i") for w in words[at + 1:]):
            continue  # "The package means she keeps her options, but fails to ...": she fails, not the package
        modal = left_verb in _MODALS
        if modal:
            if verb not in _VERBS | _BARE_VERBS or verb in _AUXILIARIES or verb.endswith(("ed", "ing", "s")):
                continue  # after "would reach", only a verb said with the same modal: "fall", not "but the fact is"
        elif not (_finite(verb) or _PRESENT_VERB.match(right)) or not verb.isalpha() or verb.endswith("ing"):
            continue
        noun = []
        for word in subject:
            if word.lower() in _PREPOSITIONS:
                break
            noun.append(word)
        head = noun[-1].lower().strip(",") if noun else ""
        said: str | None
        if [w.lower() for w in subject] in (["it"], ["they"]):
            said = subject[0].lower()
        elif not head or not head.isalpha() or head in _PRONOUNS or noun[-1][:1].isupper() and not (
                len(noun) == 1 and subject[0] == words[0] and (len(subject) > 1 or head in _SUBJECT_WORDS)):
            continue  # a name: a person or a firm, said again by `split_shared_subjects` where it can be
            # ("Growth in the region ..." opens with a capital, and is a thing)
        elif _ROLE_WORDS.fullmatch(head) and subject[0] in ("A", "An", "The") and len(noun) == 2 \
                and "the" in sentence.lower().split():
            said = "the " + head  # "A spokesman for the firm ..., but said" -> "But the spokesman said"
        elif _PEOPLE.search(" ".join(noun)) or _ROLE_WORDS.search(" ".join(noun)):
            continue
        else:
            said = "they" if head.endswith("s") and not head.endswith(("ss", "us", "is")) or " and " in " ".join(noun) \
                else "it"
        if said == "it" and verb in _PLURAL_VERBS or said == "they" and verb in _SINGULAR_VERBS:
            continue
        if said == "they" and not modal and verb.endswith("s") and not verb.endswith("ss") and verb not in _PAST:
            continue  # "they continues": the verb is not the subject's
        if said == "it" and not modal and verb in ("are", "were", "have", "do"):
            continue
        from .clauses import split_shared_subjects

        if len(split_shared_subjects(sentence)) > 1:
            return [sentence]  # the subject said again by name is clearer than "it"
        said_modal = words[at] + " " if modal else ""
        piece = f"But {said} {said_modal}{lead}{right}"
        if _words(piece) < MIN_PIECE_WORDS:
            continue
        return [_ended(left), _ended(piece)]
    return [sentence]


# A place or an event a closing ", where ..." clause can be said of with "There".
_PLACES = re.compile(
    r"\b(?:city|town|village|country|state|province|region|area|island|coast|port|capital|stadium|ground|arena|"
    r"hospital|court|school|university|college|church|club|ceremony|summit|conference|meeting|hotel|airport|"
    r"station|prison|camp|market|office|headquarters|building|venue|festival|show|event|party|store|shop|"
    r"restaurant|bar|park|street|road|centre|center|plant|factory|factories|mine|site|base|home|house|zoo|museum|"
    r"hall|studio|theatre|theater|farm|beach|resort|cities|towns|villages|countries|states|hospitals|schools|"
    r"courts|clubs|stores|shops)\b", re.IGNORECASE)
# "in Houston, where ...", "at Anfield, where ...": a name after a preposition of place.
_NAMED_PLACE = re.compile(r"\b(?:in|at|to|from|near)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}$")


def split_closing_where(sentence: str) -> list[str]:
    """A long sentence's closing ", where ..." clause after a place or an event is said as a
    sentence of its own opened by "There,": "The video was released ahead of the awards ceremony
    on Sunday, where Kane is up against Hazard for the top prize." -> "... on Sunday." "There, Kane
    is up against Hazard for the top prize." A "where" after something that is not a place (",
    a case where ..."), one without its own subject and verb, or one the sentence goes on after
    (a comma) stays.
    """
    if not _long(sentence):
        return [sentence]
    outside = _top_level(sentence)
    for match in re.finditer(r",\s+where\s+", sentence):
        if not outside[match.start()] or any(not outside[i] for i in range(match.start(), len(sentence) - 1)):
            continue
        left, clause = sentence[:match.start()], sentence[match.end():]
        if "," in clause or not _is_clause(left) or _words(left) < MIN_PIECE_WORDS + 1:
            continue
        said = clause.split()
        if not (_opens_clause(clause) or len(said) > 2 and said[0].lower() in _PRONOUNS and _finite(said[1])):
            continue  # "..., where possible": no clause of its own
        near = " ".join(left.split()[-5:])
        if not (_PLACES.search(near) or _NAMED_PLACE.search(left)):
            continue
        if clause.split()[0].lower() == "there" or re.search(r"\b(?:than|or|instead of|and)\s+(?:\S+\s+){0,4}\S+$", left):
            continue  # "There, there are ..."; "Cardiff rather than the Millennium Stadium, where": which one is "There"?
        return [_ended(left), _ended("There, " + clause)]
    return [sentence]


CONNECTIVE_RULES = (split_before_clauses, split_after_clauses, split_closing_of_which, split_shared_but,
                    split_closing_where)
