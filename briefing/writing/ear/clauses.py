"""Rules that split a long sentence where its grammar allows: between two clauses, around a
relative clause, inside a quotation of several sentences."""

from __future__ import annotations

import re

from ..sentences import _VERBS, is_fragment
from .grammar import (
    MIN_PIECE_WORDS, SPLIT_FROM, _AUXILIARIES, _PAST, _CONJUNCTIONS, _DASH, _FUNCTION_ENDS, _NAME, _SAY,
    _NOT_SUBJECTS, _PLURAL_VERBS, _PRONOUN_SUBJECTS, _SINGULAR_VERBS, _SUBJECT_WORDS, _SUBORDINATORS, _capitalized,
    _ended,
    _finite, _is_clause, _long, _opens_clause, _spoken_words, _subject_words, _top_level, _words, _number,
)
from .guards import (
    bare_and_joins_clauses, ends_a_list, inside_dashes, inside_title, main_verb, opens_own_clause, participle_phrase,
    noun_and_participle, phrase_before, reduced_relative, stands_alone,
)
from .subjects import inner_clause_fits, named_antecedent, relative_pronoun, said_after_but


def split_semicolons(sentence: str) -> list[str]:
    """Two clauses joined by a semicolon become two sentences.

    A semicolon between list items (no verb on one side) stays.
    """
    outside = _top_level(sentence)
    for match in re.finditer(r";\s+", sentence):
        if not outside[match.start()]:
            continue
        left, right = sentence[:match.start()], sentence[match.end():]
        if right.lower().startswith(("and ", "but ")):
            right = right.split(" ", 1)[1]
        if _NOT_ONLY.search(left):
            continue  # "Mini is not only producing more cars; it remains ahead ...": one thought
        if _is_clause(left) and _is_clause(right) and _opens_clause(right):
            return [_ended(left), _ended(_capitalized(right))]
    return [sentence]


# A clause that leads into what follows the dash: "Let us say that if the Mac Mini is not a revolution - ..."
_LEADS_INTO_DASH = re.compile(r"\b(?:(?<!as )if|although|though|because(?! of)|while|whereas|unless)\b[^,]*$", re.I)


def split_dashes(sentence: str) -> list[str]:
    """An aside between dashes that is a clause of its own is said after the sentence; a
    clause after a single dash becomes its own sentence. A dashed phrase ("– the biggest in a
    decade –"), a noun and its participle ("- the oil firm sold to a little-known buyer -"), a
    piece that leans on the other ("- and fell short of ...", "- albeit with losses halved") and
    an "if ..." clause before the dash stay: they cannot stand alone.
    """
    outside = _top_level(sentence)
    dashes = [m for m in re.finditer(rf"\s+{_DASH}\s+", sentence) if outside[m.start()]]
    if len(dashes) == 2:
        first, second = dashes
        aside = sentence[first.end():second.start()]
        rest = sentence[:first.start()] + " " + sentence[second.end():]
        if reduced_relative(aside) or not (stands_alone(aside) and stands_alone(rest, opening=True)):
            return [sentence]  # "- the oil firm sold to a little-known buyer -": a noun and its participle
        if _is_clause(aside) and _opens_clause(aside) and _is_clause(rest):
            return [_ended(rest), _ended(_capitalized(aside))]
    elif len(dashes) == 1:
        dash = dashes[0]
        left, right = sentence[:dash.start()], sentence[dash.end():]
        if not (stands_alone(left, opening=True) and stands_alone(right)) \
                or _LEADS_INTO_DASH.search(left) or noun_and_participle(right):
            return [sentence]  # "- and fell short of ...", "- 12 times what was on sale"; "Let us say that if the
            # Mac Mini is not a revolution - it is ...": a piece that leans on the other
        if _is_clause(left) and _is_clause(right) and _opens_clause(right):
            return [_ended(left), _ended(_capitalized(right))]
    return [sentence]


# "not only ... but (also) ...", "not just ... but ...": the two halves are one thought.
_NOT_ONLY = re.compile(r"\bnot\s+(?:only|just|merely|simply)\b|\bnot\s+\w+\s+(?:only|just)\b", re.IGNORECASE)


def split_conjunctions(sentence: str) -> list[str]:
    """A long sentence of two independent clauses joined by ", and" or ", but" becomes two
    ("But" is kept: it carries the contrast). A list ("A, B, and C", "his bag, backpack, and some
    tools were stolen"), a clause without its own subject (", and was released", ", and almost
    emigrated"), a "that" clause of a report (", but that money had been paid") and a cut
    inside a dashed aside stay.
    """
    if not _long(sentence):
        return [sentence]
    outside = _top_level(sentence)
    for match in re.finditer(r",\s+(and|but)\s+", sentence):
        if not outside[match.start()]:
            continue
        left, right = sentence[:match.start()], sentence[match.end():]
        if match.group(1) == "but" and _NOT_ONLY.search(left):
            continue  # "not just new products, but the experiences ...": one thought, "But the experiences" a fragment
        if ends_a_list(left, right, match.group(1)) or not opens_own_clause(right, left) or inside_dashes(left):
            continue  # "his gear bag, backpack, and some clothing ...": a list; "..., but that money had ...": a report
        if _is_clause(left) and _is_clause(right) and _opens_clause(right):
            prefix = "But " if match.group(1) == "but" else ""
            return [_ended(left), _ended(prefix + (right if prefix else _capitalized(right)))]
    return [sentence]


def split_relative_clauses(sentence: str) -> list[str]:
    """A long sentence's closing non-restrictive clause becomes its own sentence:
    "..., which was its first loss." -> "... . This was its first loss."; "... met Jane Smith,
    who runs the firm." -> "... met Jane Smith. Jane Smith runs the firm." (the name said
    again). The name is said only when the clause is about it (`subjects.named_antecedent`: not a
    place after "in", what a thing belongs to after "of", the last of a list, a piece of a longer
    name); otherwise "This", "They" for many or "It" for a body ("a comedy club, which will ...").
    A clause in the middle of the sentence (the sentence goes on after a comma), or one that does
    not open with its verb, stays.
    """
    if not _long(sentence):
        return [sentence]
    outside = _top_level(sentence)
    for match in re.finditer(r",\s+(which|who)\s+(\S+)", sentence):
        if not outside[match.start()] or not _finite(match.group(2)):
            continue
        left, clause = sentence[:match.start()], sentence[match.start(2):]
        if _words(left) < MIN_PIECE_WORDS + 1 or _words(clause) < 3 or not _is_clause(left):
            continue
        if any(w.lower() in _CONJUNCTIONS for w in left.split()[-5:]):
            continue  # "... wonders when Van Ryn, who is now in custody will be out": not a closing clause
        if any(not outside[i] for i in range(match.start(), len(sentence) - 1)) and not outside[-1]:
            continue  # a quotation or bracket left open at the end: leave it whole
        if "," in clause or not match.group(2)[:1].islower() or match.group(2).lower() == "indeed":
            continue  # "..., which has ..., had plans": the sentence goes on after the clause; "which Windows-based"
        said = named_antecedent(left, match.group(1), match.group(2))
        if said:
            return [_ended(left), _ended(f"{said} {clause}")]  # "... by Qatar, which is trying"
        if match.group(1) == "which" and not re.fullmatch(_SAY, match.group(2).lower()):
            # "... at Old Trafford, which could decide ...": the thing or the event, not the place;
            # "They" for many ("wine cooperatives, which make up ..."). Not "This said": an agent.
            return [_ended(left), _ended(f"{relative_pronoun(left, match.group(2))} {clause}")]
    return [sentence]


def split_inner_relative_clauses(sentence: str) -> list[str]:
    """A ", which ...," or ", who ...," clause inside a long sentence, between its subject and
    its verb, becomes a sentence after it: "The firm, which is now one of Google's biggest
    investors, benefited from sales." -> "The firm benefited from sales. It is now one of
    Google's biggest investors." ("It" or "They" by the clause's verb; a person is named again.)
    A clause not followed by the sentence's verb, or whose subject cannot be said again, stays, and
    so does one before an adjective, an attribution, or after an apposition or a list
    (`subjects.inner_clause_fits`).
    """
    if not _long(sentence):
        return [sentence]
    outside = _top_level(sentence)
    for match in re.finditer(r",\s+(which|who)\s+(\S+)([^,\"“”()]*?),\s+(\S+)", sentence):
        if not outside[match.start()] or not outside[match.end() - 1]:
            continue
        verb, tail_verb = match.group(2).lower(), match.group(4).lower().strip(":")
        if not _finite(verb) or not _finite(tail_verb):
            continue
        head = sentence[:match.start()]
        clause = sentence[match.start(2):match.end(3)]
        rest = sentence[match.start(4):]
        if _words(head) < 2 or _words(clause) < 3 or _words(head + " " + rest) < MIN_PIECE_WORDS:
            continue
        if not inner_clause_fits(head, tail_verb, match.group(1)):
            continue
        if match.group(1) == "which":
            if verb in _PLURAL_VERBS:
                subject = "They"
            elif verb in _SINGULAR_VERBS or verb.endswith("s") or not head.rstrip().endswith("s"):
                subject = "It"
            else:
                continue
        else:
            name = re.search(rf"({_NAME})$", head)
            if name and name.group(1).split()[0].lower() not in _SUBJECT_WORDS:
                subject = name.group(1)
            elif _words(head) <= 5 and head.split()[0].lower() in ("the", "a", "an", "its", "his", "her", "their"):
                subject = _capitalized(head.strip())  # "The prime minister": said again
            else:
                continue
        return [_ended(f"{head} {rest}"), _ended(f"{subject} {clause}")]
    return [sentence]


_INNER_QUOTE_STOP = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _quotations(sentence: str):
    """(start, end, open mark, close mark) of the sentence's first quotation of each kind."""
    for open_mark, close_mark in (('"', '"'), ("“", "”")):
        start = sentence.find(open_mark)
        end = sentence.find(close_mark, start + 1)
        if start >= 0 and end >= 0:
            yield start, end, open_mark, close_mark
    from .grammar import _single_quoted  # and a quotation in single marks

    yield from _single_quoted(sentence)


def split_quoted_sentences(sentence: str) -> list[str]:
    """A quotation of several sentences is said as several: 'He said: "A. B."' becomes
    'He said: "A."' and '"B."'; the words stay, the quotation marks close and open again. An
    ellipsis ("such as... Maldives") is a pause, not a stop."""
    for start, end, open_mark, close_mark in _quotations(sentence):
        inner = sentence[start + 1:end]
        for stop in _INNER_QUOTE_STOP.finditer(inner):
            first, second = inner[:stop.start()], inner[stop.end():]
            if first.endswith(("...", "…")):
                continue  # "... destinations such as... Maldives and Sri Lanka also thrived": a pause, not a stop
            if _words(first) >= 4 and _words(second) >= 4:
                return [sentence[:start + 1] + first + close_mark,
                        open_mark + second + sentence[end:]]
    return [sentence]


_WHILE = re.compile(r",\s+(while|whereas)\s+")


def split_while(sentence: str) -> list[str]:
    """Two clauses set side by side with ", while" become two sentences ("while" meaning
    "whereas": the clause after it has its own subject and verb). A "while" of time ("while she
    was still an official") and one after a speaker (", they counter, while ...") stay."""
    if not _long(sentence):
        return [sentence]
    outside = _top_level(sentence)
    for match in _WHILE.finditer(sentence):
        left, right = sentence[:match.start()], sentence[match.end():]
        if re.search(rf",\s+(?:\w+\s+){{1,3}}(?:{_SAY}|counter|counters|say)$", left) \
                or re.search(r"\b(?:still|was|were)\s+(?:\w+\s+)?(?:\w+ing|still)\b", " ".join(right.split()[:4])):
            continue  # "..., they counter, while ...": the second clause is theirs too; "while she was still an
            # official": at the same time, not a contrast
        if outside[match.start()] and _is_clause(left) and _is_clause(right) and _opens_clause(right) \
                and not right.split()[0].lower().endswith("ing"):
            return [_ended(left), _ended(_capitalized(right))]
    return [sentence]


_SUBORDINATE = re.compile(r"\b(?:if|although|though|while|whereas|because|unless|when|once|since|until|whether)\b",
                          re.IGNORECASE)


def _ends_subordinate(left: str) -> bool:
    """Whether the text before a comma ends a subordinate clause or an aside, so the clause after
    the comma is the sentence's main one: "... and while this is a tough game", "Mr Dein said
    that, although TV money drove the game", "... and, in internet years", "... of podcasting
    which", "Even in the year that ...", "The son of a rich father, who made his money ..."."""
    sentence = re.split(r"[.!?][\"”'’]?\s+", left)[-1]
    segment = re.split(r",\s+", sentence)[-1]
    words = segment.split()
    if not words:
        return False
    if _SUBORDINATE.search(sentence) or words[0].lower() in ("who", "which", "whose", "whom"):
        return True
    fronted = {"given", "otherwise", "unlike", "far", "whilst", "armed"}
    for text in (segment, sentence):
        opening = [w.strip("\"“'‘,").lower() for w in text.split()[:3]]
        while opening and opening[0] in ("that", "and", "but", "so", "yes", "now"):
            opening = opening[1:]
        if opening and (opening[0] in _SUBORDINATORS | fronted or re.fullmatch(_SAY, opening[0])):
            return True  # "AMR added that as part of its cuts, it ...", "Unlike the hurricanes, you ...": a fronted phrase
    if words[0].lower() in ("even", "and", "but", "so") and len(words) > 1 and words[1].lower() in _SUBORDINATORS:
        return True
    if re.search(r"\b(?:and|but|or),\s+[^,]*$", left) or words[-1].lower() in ("which", "therefore"):
        return True
    first = words[0].strip("\"“'‘").lower()
    if first.endswith("ing") and words[0][:1].isupper():
        return True  # "Reflecting the need ..., it announced ...": a fronted phrase
    after_that = r"\b(?:that|and|but)\s+(?:" + "|".join(sorted(_SUBORDINATORS | fronted | {"now", "yes", "together",
                                                                                      "assuming", "that"})) + r")\b"
    if re.search(after_that, segment, re.IGNORECASE) or _NOT_ONLY.search(sentence):
        return True  # "It said that in the event of going bust, it ...", "and in the Lisbon case, they ..."
    return first in _MODALS or first.strip("'‘\"“").lower() in ("should", "had", "were")  # "Should it become ..., it"


def _splice_at(text: str) -> int | None:
    """Where a comma joins two independent clauses in `text` ("..., we have seen worse"): the
    clause after it opens with a pronoun and its verb. None when there is no such comma."""
    for match in re.finditer(r",\s+(\w+)\s+(\S+)", text):
        subject, verb = match.group(1).lower(), match.group(2)
        left = text[:match.start()].split()
        if left and left[0].strip("\"“'‘").lower() in _SUBORDINATORS:
            continue  # "At a conference ..., he said": a fronted phrase, not a clause
        if not any(w.lower().strip(",.;:") in _AUXILIARIES | _VERBS for w in left[1:]):
            continue
        rest = text[match.end():].split()
        if inside_dashes(text[:match.start()]) or phrase_before(text[:match.start()]) \
                or not main_verb(text[:match.start()]):
            continue  # "- not the airlines, the airlines have no money, it ... -", "and plainly in one shot, there is"
        if _ends_subordinate(text[:match.start()]) or verb.endswith((",", ".")) \
                or re.fullmatch(_SAY + "|found|thinks|believes", verb.lower()) and len(rest) <= 3:
            continue  # "while it is a tough game, it is addictive"; "..., they said, but ...": not two clauses
        if subject in _PRONOUN_SUBJECTS - {"that"} and _finite(verb) and _is_clause(text[:match.start()]) \
                and _words(text[match.start(1):]) >= MIN_PIECE_WORDS \
                and not is_fragment(_capitalized(text[match.start(1):])):
            return match.start()
    return None


def split_comma_splices(sentence: str) -> list[str]:
    """Two clauses joined by a bare comma, as people speak and as quotations are written,
    become two sentences: '"The shock is not enormous, we have seen worse."' becomes '"The
    shock is not enormous."' and '"We have seen worse."' (inside a quotation the marks close
    and open again). A comma before a clause that shares its subject stays."""
    if not _long(sentence):
        return [sentence]
    outside = _top_level(sentence)
    at = _splice_at(sentence)
    if at is not None and outside[at]:
        return [_ended(sentence[:at]), _ended(_capitalized(sentence[at + 1:].strip()))]
    for start, end, open_mark, close_mark in _quotations(sentence):
        inner = sentence[start + 1:end]
        at = _splice_at(inner)
        if at is None:
            continue
        first, second = inner[:at], _capitalized(inner[at + 1:].strip())
        tail = sentence[end:]
        if not second.endswith((".", "!", "?", ",")) and not tail[1:2] in (".", "!", "?"):
            second += "."  # (not after a comma: '"..., that is how it is," said Mr X.' keeps its comma)
        return [sentence[:start + 1] + first + "." + close_mark, open_mark + second + tail]
    return [sentence]


def split_colons(sentence: str) -> list[str]:
    """A clause after a colon that is not a quotation becomes its own sentence ("The plan is
    simple: the town will build a second pier." -> two). A colon before a quotation or a list stays."""
    if not _long(sentence):
        return [sentence]
    outside = _top_level(sentence)
    for match in re.finditer(r":\s+", sentence):
        right = sentence[match.end():]
        if not outside[match.start()] or right[:1] in "\"“'‘":
            continue
        left = sentence[:match.start()]
        if participle_phrase(right) or inside_title(left, right):
            continue  # ": the Iowa Game, commissioned by ...", "GoldenEye: Rogue Agent"
        if _is_clause(left) and _is_clause(right) and _opens_clause(right):
            return [_ended(left), _ended(_capitalized(right))]
    return [sentence]


# A subject said again: a name or a noun phrase of plain words (no bracket, no relative word).
_SAID_AGAIN = re.compile(r"[A-Z][\w'’.&-]*(?:\s+[\w'’.&-]+)*")
# After the subject's verb, a clause of its own ("heard he sat ...", "said deliveries will begin
# ...", "problems that hammered ..."): an "and" with no comma may join that clause's verbs.
_INNER_CLAUSE = re.compile(r"\b(?:that|which|who|whom|whose|how|why|where|when|since|after|before|because|if|"
                           r"while|until|unless|he|she|they|we|i|it)\b|\b(?:said|says|heard|hears|told|tells|"
                           r"thinks|believes|claims)\s+(?!that\b)[a-z]+\s", re.IGNORECASE)
_MODALS = frozenset("will would can could may might must should shall".split())


def split_shared_subjects(sentence: str) -> list[str]:
    """A long sentence whose second clause shares the first one's subject (", and cut its
    forecasts") becomes two, the subject said again: "Mitsubishi Motors issued a profit warning
    in January, and cut its forecasts." -> "... in January." "Mitsubishi Motors cut its
    forecasts." Only a plain subject (a name, or "The ..." up to five words, no commas) is said again.
    In a very long sentence, "and" with no comma before "is", "was", "has" ... does the same ("The
    child was born to a woman with HIV and was given a drug for six weeks").
    """
    if not _long(sentence):
        return [sentence]
    outside = _top_level(sentence)
    very_long = _spoken_words(sentence) > 25  # past what a listener follows in one breath
    for match in re.finditer(r"(,\s+|\s+)(and|but)\s+(?:(?:still|also|then|later|now|eventually|instead)\s+)?(\S+)",
                             sentence):
        if not outside[match.start()] or not _finite(match.group(3)) or match.group(3)[:1].isupper():
            continue
        verb_word = match.group(3).lower()
        plain_past = verb_word in _PAST or (len(verb_word) > 4 and verb_word.endswith("ed"))
        if not match.group(1).startswith(",") and not (very_long and (verb_word in _AUXILIARIES or plain_past)):
            continue  # without a comma, only "and is ...", "and set ..." in a very long sentence
        left, right = sentence[:match.start()], sentence[match.end(2):].lstrip()
        words = left.split()
        # after a fronted phrase ("In January, Mitsubishi Motors issued ..."), the subject follows its comma
        found = _subject_words(words)
        if found is None:
            continue
        subject, verb = found
        if not subject or len(subject) > 5:
            continue
        if not (subject[0][:1].isupper()) or subject[-1].lower() in _FUNCTION_ENDS:
            continue
        if _words(right) < MIN_PIECE_WORDS - 1 or not _is_clause(left):
            continue
        if not _SAID_AGAIN.fullmatch(" ".join(subject)) or any(w.lower() in _SUBORDINATORS | _NOT_SUBJECTS
                                                                 for w in subject):
            continue  # "Sadly for those who", "HSDPA (High", "Since that inquiry": not a subject to say again
        said = " ".join(subject)
        if any(word.islower() and word not in _SUBORDINATORS | {"of", "and", "or"} and after_word in ("the", "a", "an", "his", "her", "its", "their")
               for word, after_word in zip(subject[1:], subject[2:])):
            continue  # "The model allows the user": a verb and its object, not the subject
        wrong = "plural" if match.group(3).lower() in _SINGULAR_VERBS else \
            "singular" if match.group(3).lower() in _PLURAL_VERBS else None
        if wrong and _number(said) == wrong:
            continue  # "April Saginor said officials believe ..., but were not able": the verb is not hers
        after = " ".join(words[verb:])
        if not match.group(1).startswith(",") and _INNER_CLAUSE.search(after):
            continue  # "A court heard he sat near her and stroked ...": the nearer clause's verb, not the subject's
        if re.search(rf"\s{_DASH}\s", left) and len(re.findall(rf"\s{_DASH}\s", left)) % 2:
            continue  # the "and" is inside an aside between dashes
        if words[verb].lower() in _MODALS and match.group(3).lower() not in _AUXILIARIES | _MODALS:
            continue  # "growth would reach 4.4% but fall to 3.3%": "But growth fall" drops the modal
        if right.split()[1:2] and right.split()[1].lower() in _PRONOUN_SUBJECTS and match.group(3).lower() in _AUXILIARIES:
            continue  # "..., but can we really trust them": a question
        said = said if subject[0] not in ("The", "A", "An") else "The " + " ".join(subject[1:])
        if match.group(2) == "but" and _NOT_ONLY.search(left):
            continue
        prefix = "But " if match.group(2) == "but" else ""
        if prefix:
            said = said_after_but(said, sentence)  # "But he warned", "But analysts stressed"; "But Pernod lost"
        return [_ended(left), _ended(prefix + said + " " + right)]
    return [sentence]


_BARE_AND = re.compile(r"\s+and\s+(?=(?:the|its|his|her|their|this|these|those|it|they|he|she|we)\s)")


def split_bare_and(sentence: str) -> list[str]:
    """Two long clauses joined by "and" without a comma become two sentences when the second
    has its own subject and verb at once ("... reached record levels last year and the figures
    are likely to spark criticism."). Two things joined by "and" ("cars and the figures"), and an
    "and" under a report, inside a leading clause or an aside (`guards.bare_and_joins_clauses`) stay.
    """
    if _spoken_words(sentence) <= 25:  # past what a listener follows in one breath
        return [sentence]
    outside = _top_level(sentence)
    strong = _AUXILIARIES | _VERBS
    for match in _BARE_AND.finditer(sentence):
        left, right = sentence[:match.start()], sentence[match.end():]
        head = [w.lower().strip(",.;:") for w in right.split()[1:4]]
        if not outside[match.start()] or not any(w in strong for w in head):
            continue
        if re.search(r",\s+[^,]{1,30}$", left) and not re.search(r",\s+[^,]*\b(?:is|are|was|were|has|have|had)\b[^,]*$", left):
            continue  # "Sri Lanka, Indonesia and the Seychelles have ...": the last items of a list, not a clause
        if re.search(r"\b(?:that|who|said|says)\s+(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*$", left):
            continue  # "... who alleged that Mr Richter and his accomplices sent ...": a subject of two names
        if re.search(r",\s+(?:who|which)\b[^,]*$", left) or re.search(rf"\b(?:{_SAY})\s+that\b", left):
            continue  # "Mr Walsh, who took charge in 2000 and his team ...": no main verb yet; "admitted that
            # ... and they ...": the second clause may be reported too, and would lose its speaker
        if not bare_and_joins_clauses(left, right):
            continue  # "Supporters say laws are inefficient and it would ...", "both those on benefits and those ..."
        if _is_clause(left) and _is_clause(right) and any(_finite(w) for w in left.split()[1:] if w[:1].islower()):
            return [_ended(left), _ended(_capitalized(right))]
    return [sentence]


_CONCESSION = re.compile(r",\s+(?:although|though|even though)\s+", re.IGNORECASE)
_FRONTED = re.compile(r"^(although|though|even though|when)\s+", re.IGNORECASE)


def split_concessions(sentence: str) -> list[str]:
    """Two clauses joined by "although" become two, the second opened by "But": "The women
    outshone the men, although Gulbis sustained his run." -> "The women outshone the men." "But
    Gulbis sustained his run."; a fronted "Although ..." clause is said first in the same way. A
    fronted "When ..." clause told in the past is said first as a sentence of its own ("When
    the two met on Sunday, one executive after another pleaded ..." -> "The two met on Sunday."
    "One executive after another pleaded ..."). A clause without its own subject ("although
    formally organized"), or "when" in the present (a rule, not an event), stays.
    """
    if not _long(sentence):
        return [sentence]
    outside = _top_level(sentence)
    fronted = _FRONTED.match(sentence)
    if fronted:
        for comma in re.finditer(r",\s+", sentence):
            if not outside[comma.start()]:
                continue
            first, second = sentence[fronted.end():comma.start()], sentence[comma.end():]
            if not (_opens_clause(first) and _opens_clause(second)):
                continue
            if not (_is_clause(first) and _is_clause(second)) or re.search(r"[\"“”‘:]|[.!?]['’\"”]?\s", first):
                break  # the fronted clause runs on into a quotation or a sentence of its own: its comma is elsewhere
            if fronted.group(1).lower() == "when":
                from .tails import _tense

                if _tense(first) != "was":
                    break
                return [_ended(_capitalized(first)), _ended(_capitalized(second))]
            return [_ended(_capitalized(first)), _ended("But " + second)]
        return [sentence]
    for match in _CONCESSION.finditer(sentence):
        left, right = sentence[:match.start()], sentence[match.end():]
        if outside[match.start()] and _is_clause(left) and _is_clause(right) and _opens_clause(right):
            return [_ended(left), _ended("But " + right)]
    return [sentence]
