"""Rules for sentences the splitter left together: a full stop followed by more, or a caption
run into the text with no full stop at all."""

from __future__ import annotations

import re

from ..sentences import is_fragment
from .speakers import _ROLE_WORDS
from .grammar import (
    MIN_PIECE_WORDS, _CALENDAR, _CONJUNCTIONS, _FUNCTION_ENDS, _NOT_SUBJECTS, _SAY, _SUBORDINATORS, _ended, _finite,
    _is_clause,
    _PRONOUN_SUBJECTS, _SINGULAR_VERBS, _capitalized, _closing_mark, _long, _single_quotations, _spoken_words, _opens_clause, _single_quotation_at, _subject_words, _top_level, _words,
)


# Sentences run together: a full stop, question or exclamation mark, then a capital (after a
# quotation mark, perhaps), also after a quotation's closing mark ("to 'BB+'. With ..."). An
# initial ("E."), a title ("Mr.", "Co.") or a number does not end one.
_JOINED_STOP = re.compile(r"(?:(?<=[a-z0-9)])|(?<=[\w+%-][’'”\"]))([.!?][\"”'’]?)\s+(?=[\"“'‘]?[A-Z])")
_ABBREVIATIONS = frozenset("mr ms mrs dr st co no jr sr inc ltd vs gen col sen rep gov prof".split())
# Past this, a sentence is worth looking into for sentences run together or a lost full stop.
RUN_ON_WORDS = 25
# Past this, a "sentence" is captions run together, not one sentence of reported speech.
CAPTION_RUN_WORDS = 45


def split_joined_sentences(sentence: str) -> list[str]:
    """Sentences the splitter left together (a stray quotation mark kept one open) are said
    one by one: "...the market. Two-thirds of ads..." becomes two sentences. So are a
    quotation's sentences run together at a single quotation mark ("'A. 'B.'", "'A. B." left
    open) and a quotation whose speaker runs into the next one ("'A,' Henderson said 'B.'")."""
    if not _long(sentence):
        return [sentence]
    for stop in _JOINED_STOP.finditer(sentence):
        left, right = sentence[:stop.end(1)], sentence[stop.end():]
        if left.split()[-1].strip(".!?\"”'’").lower() in _ABBREVIATIONS:
            continue
        after_mark = sentence[stop.start(1) - 1] in "’'”\""
        if after_mark and not _top_level(sentence, left_open=False)[stop.start(1)]:
            continue  # "'wait and see'. They should ...," inside a longer quotation: split_quoted_sentences' to part
        # A stop right after a closing mark ("to 'BB+'. With ...") ends the sentence outside it.
        quotation = None if after_mark else _single_quotation_at(sentence, stop.end(1))
        if quotation is not None:
            # "'A. 'B.'": a quotation that goes on with its mark opened again (British papers' way
            # from one paragraph to the next), or "'A. B." left open, is said as two: the first
            # is closed ("'A.'"); the second opens again ("'B."). "'A. B.'" is
            # split_quoted_sentences' to part.
            if right[:1] in "'‘":
                left += _closing_mark(sentence, quotation)
            elif quotation[1] == len(sentence):
                left, right = left + _closing_mark(sentence, quotation), sentence[quotation[0]] + right
            else:
                continue
        if _words(left) >= 4 and _words(right) >= 4 and not is_fragment(left) and not is_fragment(right):
            return [left.strip(), right.strip()]
    return _split_said_before_quotation(sentence)


# "'A,' Henderson said 'B ...'": a quotation, its speaker, and a second quotation with no full
# stop between (a paragraph break lost). The speaker's verb ends the first sentence.
_SAID_THEN_QUOTE = re.compile(
    rf"[,.!?]['’]\s+(?:(?:[A-Z][\w'’.-]*|he|she|they)\s+){{1,4}}(?:{_SAY})(?P<gap>\s+)(?=['‘][A-Z])"
    rf"|[,.!?]['’]\s+(?:{_SAY})\s+(?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’.-]*(?P<gap2>\s+)(?=['‘][A-Z])"
)


def _split_said_before_quotation(sentence: str) -> list[str]:
    """"'A,' Henderson said 'B ...'" becomes "Henderson said: 'A.'" and "'B ...'" (the first
    said speaker first, as `speaker_first` says it)."""
    from .speakers import speaker_first

    for match in _SAID_THEN_QUOTE.finditer(sentence):
        gap = match.start("gap") if match.group("gap") else match.start("gap2")
        left, right = sentence[:gap], sentence[gap:].strip()
        if _words(left) >= 4 and _words(right) >= 4 and not is_fragment(_ended(right)):
            return [*speaker_first(_ended(left)), right]
    return [sentence]


_LOST_STOP = re.compile(r"(?<=[a-z0-9])\s+(?=[A-Z][\w'’-]*\s|['‘\"“][A-Z])")


def split_lost_full_stops(sentence: str) -> list[str]:
    """A caption or a heading run into the text without a full stop ("...on Monday night
    Manchester City have been faltering") is cut where a lower-case word meets a capitalized
    one that opens a clause of its own (a name and its verb, "Gareth Bale fires home ...", or a
    quotation: "...four points behind 'We knew it was an important game,' Henderson said.").
    Reported speech ("officials said last week Iran had", "Henderson said 'Obviously ...'") and
    pieces without a verb stay whole."""
    if _words(sentence) <= RUN_ON_WORDS:
        return [sentence]
    outside = _top_level(sentence, left_open=False)  # a lost full stop ends even a quotation left open
    for gap in _LOST_STOP.finditer(sentence):
        if not outside[gap.start()]:
            continue
        left, right = sentence[:gap.start()], sentence[gap.end():]
        quoted = right[:1] in "'‘\"“"  # "...four points behind 'We knew it was an important game,' Henderson said."
        # A run of captions far past any sentence's length: only a saying just before the gap
        # makes what follows its words ("has been declared a 33,000 sell-out Gareth Bale fires ...").
        said = " ".join(left.split()[-3:]) if _words(sentence) > CAPTION_RUN_WORDS else left
        if _words(left) < MIN_PIECE_WORDS + 1 or _words(right) < MIN_PIECE_WORDS or _SAY_WORD.search(said):
            continue
        last = left.split()[-1]
        if not (last[0].islower() or last[0].isdigit()) \
                or last.lower() in _NOT_SUBJECTS | _FUNCTION_ENDS | _SUBORDINATORS:
            continue
        if right.split()[0].strip(",.").lower() in _CALENDAR:
            continue  # "in early October solidified": a date, not a new sentence's subject
        if right.startswith("I "):
            continue  # "growing up I got": "I" is capitalized anywhere
        subject = re.match(r"(?:[A-Z][\w'’-]*\s+){1,4}(\S+)", right)
        if not quoted and (subject is None or not (_finite(subject.group(1)) or _says(subject.group(1)))):
            continue  # the capitalized words are not followed by their verb: not a new sentence
        if _goes_on(left.split(), subject, right, quoted):
            continue
        if _is_clause(left) and any(_finite(w) for w in left.split()) and not is_fragment(_ended(right)):
            return [_ended(left), right.strip()]
    return [sentence]


# A word a name follows inside its sentence: a title ("famed director James Cameron"), a name's
# particle ("Morgan de Sanctis"), a quantity ("all GSM operators", "three United directors").
_BEFORE_A_NAME = re.compile(
    r"(?:international|star|striker|midfielder|defender|goalkeeper|winger|player|de|da|di|du|van|von|der|le|la|"
    r"all|both|each|every|many|most|some|two|three|four|five|six|seven|eight|nine|ten|across|within|like|smaller|"
    r"bigger|larger|wireless|against|near|soon|so-called|major|means?|saw|show|"
    # a noun that names what the name is: "games firm Lateral Visions", "brokerage Merrill Lynch"
    r"firm|company|group|carmaker|maker|brokerage|broker|general|club|developer|publisher|website|site|"
    r"think-tank|quarterback|receiver|rival|agency|bank|brand|band|game|beast|network|operator|retailer|airline)$")
_AFTER_A_NOUN = frozenset("by in of to and which that who from for at on worldwide".split())


def _goes_on(left_words: list[str], subject: re.Match | None, right: str, quoted: bool = False) -> bool:
    """Whether the capitalized words after a lower-case one go on the same sentence: after a
    title, a particle, a quantity, a verb that takes them as its object ("plan to triple US sales",
    "of excluding Iraq-related costs", "Mr Ghosn reduced Nissan's overheads"), or when the word
    taken for their verb is a plural noun ("US sales by 2007", "World Cup finals in Sweden")."""
    last = left_words[-1].lower().strip(",")
    opening = [w.lower() for w in left_words[:2]]
    if opening[0] in _CONJUNCTIONS or opening[0] in ("and", "but") and opening[1] in _CONJUNCTIONS:
        return True  # "And if you would rather watch TV than a movie": the clause the name's verb ends
    clause = re.split(r",\s+|\s+(?:while|whereas|but)\s+", " ".join(left_words))[-1]
    if len(clause.split()) <= MIN_PIECE_WORDS and not any(_finite(word) for word in clause.split()):
        return True  # "..., while low and middle-income Americans have ...": the last clause has no verb yet
    if _ROLE_WORDS.fullmatch(last) or _BEFORE_A_NAME.match(last) or last.isdigit():
        return True
    if len(left_words) > 1 and left_words[-2].lower() in ("to", "did", "does", "do", "can", "could", "would",
                                                          "will", "may", "might", "must", "should") \
            or last.endswith(("ing", "ed")):
        return True
    if not quoted and not _finite(subject.group(1)):
        name = right[:subject.start(1)].split()
        after = right[subject.end(1):].split()[:1]
        if any(w.endswith(("'s", "’s")) or w.isupper() for w in name) or after and after[0].lower() in _AFTER_A_NOUN:
            return True
    return False


def _says(word: str) -> bool:
    """A word in -s after a name, as a caption's verb is ("Gareth Bale fires home", "Pjanic celebrates")."""
    return len(word) > 3 and word.islower() and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s"))


_SAY_WORD = re.compile(rf"\b(?:{_SAY}|say|tell|that)\b", re.IGNORECASE)


_LOST_STOP_AFTER_NAME = re.compile(r"(?<=[A-Za-z])\s+(?=(?:The|A|An)\s)")


def split_captions_after_names(sentence: str) -> list[str]:
    """A caption run into the text that ends on a name ("...at Old Trafford The English referee
    sent off ...", "...at East Midlands Airport A four-year-old boy was frisked ...") is cut
    where a capitalized "The", "A" or "An" follows a capitalized word in mid-sentence and opens
    a clause of its own. A title after a function word ("in The Times"), reported speech
    ("told The Guardian") and a name that goes on without a verb ("at The Oval on Friday") stay.
    """
    if _words(sentence) <= RUN_ON_WORDS:
        return [sentence]
    outside = _top_level(sentence, left_open=False)  # a lost full stop ends even a quotation left open
    for gap in _LOST_STOP_AFTER_NAME.finditer(sentence):
        if not outside[gap.start()]:
            continue
        left, right = sentence[:gap.start()], sentence[gap.end():]
        last = left.split()[-1]
        if _words(left) < MIN_PIECE_WORDS + 1 or _words(right) < MIN_PIECE_WORDS or not last[:1].isupper():
            continue
        if last.lower() in _FUNCTION_ENDS | _CALENDAR or _SAY_WORD.search(" ".join(left.split()[-3:])):
            continue
        if re.match(r"(?:The|A|An)\s+(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*,", right):
            continue  # "Sega's Feel The Magic, are making ...": a title that goes on, set off by its comma
        if _opens_clause(right) and _is_clause(left) and any(_finite(w) for w in left.split()[1:]) \
                and not is_fragment(_ended(right)):
            return [_ended(left), right.strip()]
    return [sentence]


# Capitalized words that open a sentence and are no part of a name: a lost full stop is before
# one in mid-sentence ("...have backed Dyke's call Only 81 of the 220 starters were ...").
_OPENING_WORDS = frozenset("""only but however meanwhile yet still now instead earlier later he she they we it his her their
    its this these those there two three four five six seven eight nine ten many most some several both each""".split())
# ... and the ones that open a phrase before the clause's comma ("...trouser leg Away from
# Guardiola's clothing, Bayern managed to ...").
_OPENING_PHRASES = frozenset("""away before after during despite since although though while when as in at with for from
    following under unlike like amid having""".split())
_OPENER_GAP = re.compile(r"(?<=[\w'’%])\s+(?=[A-Z][a-z]*\s)")


def split_caption_openers(sentence: str) -> list[str]:
    """A caption run into the text whose full stop was lost before a common word that opens the
    next sentence ("...have backed Dyke's call Only 81 of the 220 starters were eligible",
    "...Guardiola's left trouser leg Away from Guardiola's clothing, Bayern managed to ...") is
    cut there: the capitalized word is one no name is made of (a pronoun, a number word,
    "Only", "But", "However"; or "Away", "After", "Despite" and the like before a phrase, its
    comma and a clause). What follows must be a clause with its own verb; a title ("Only Fools
    and Horses", "Formula One") or a phrase without its clause stays.
    """
    if _words(sentence) <= RUN_ON_WORDS:
        return [sentence]
    outside = _top_level(sentence, left_open=False)
    for gap in _OPENER_GAP.finditer(sentence):
        if not outside[gap.start()]:
            continue
        left, right = sentence[:gap.start()], sentence[gap.end():]
        words = right.split()
        opener = words[0].lower()
        if opener not in _OPENING_WORDS | _OPENING_PHRASES or _words(left) <= MIN_PIECE_WORDS \
                or _words(right) < MIN_PIECE_WORDS:
            continue
        last = left.split()[-1]
        if last.lower().strip(",") in _FUNCTION_ENDS | _SUBORDINATORS | _NOT_SUBJECTS or last.endswith(","):
            continue
        if _SAY_WORD.search(" ".join(left.split()[-3:])):
            continue  # "officials said Only ...": reported speech goes on
        if opener in _OPENING_PHRASES:
            comma = right.find(", ")
            clause = right[comma + 2:]
            if comma < 0 or _words(right[:comma]) > 10 or not _opens_clause(clause) \
                    or clause.split()[0].lower() in ("and", "but", "or"):
                continue  # "With once commonplace features now considered ...": no comma, no clause
            if last[:1].isupper() and words[1][:1].isupper():
                continue  # "Bend It Like Beckham and ...": a title made of capitals
        else:
            found = _subject_words(words)
            if found is None or found[1] > 15 or not found[0] or any(w.endswith(",") for w in found[0]):
                continue
            if opener not in ("but", "however", "meanwhile", "yet", "still") \
                    and not (words[1][:1].islower() or words[1][:1].isdigit()):
                continue  # "Only Fools and Horses", "Bend It Like Beckham": a title made of capitals
        if _is_clause(left) and any(_finite(w) for w in left.split()[1:]) and not is_fragment(_ended(right)):
            return [_ended(left), right.strip()]
    return [sentence]


# A full stop, then a word in lower case: the text between was lost ("...into her routine. on
# Monday to open up about ..."). Not after an abbreviation ("etc.", "approx.", "www.").
_LOST_TEXT = re.compile(r"(?<=[a-z]{3})\.\s+(?=[a-z]+[\s,])")
# An ellipsis before a pronoun and its verb ends a sentence too ("...before they can not wake up...
# they mix drinks for attention ...").
_ELLIPSIS_THEN_SUBJECT = re.compile(r"(?<=[a-z])(?:\.\.\.|…)\s+(?=(?:they|he|she|we|it|you)\s+[a-z]+\s)")
_SHORTENED = frozenset("etc approx www com org net biz est incl excl dept govt misc pls thnx".split())


def split_lost_text(sentence: str) -> list[str]:
    """Two pieces joined at a full stop before a word in lower case, where a piece of the text
    was lost ("...started working it into her routine. on Monday to open up about ..."), are
    said as two sentences: the listener hears the first as the whole sentence it is, and the
    second is not read on as if it went on the first ("into her routine on Monday" would say
    she began on Monday). Nothing is dropped: the broken piece is said as it was, as its own
    sentence. So are two clauses at an ellipsis before a pronoun and its verb ("...before they
    can not wake up... they mix drinks ..."). A piece too short to be heard as more than a slip
    ("increase. Overall. sales") and an abbreviation's full stop ("etc. are") stay."""
    if _words(sentence) <= RUN_ON_WORDS:
        return [sentence]
    outside = _top_level(sentence)
    for stop in [*_LOST_TEXT.finditer(sentence), *_ELLIPSIS_THEN_SUBJECT.finditer(sentence)]:
        left, right = sentence[:stop.end()].rstrip(), sentence[stop.end():]
        if not outside[stop.start()] or left.split()[-1].strip(".").lower() in _SHORTENED:
            continue
        if _words(left) < 2 * MIN_PIECE_WORDS or _words(right) < 2 * MIN_PIECE_WORDS:
            continue
        if left.split()[0].strip("\"“'‘").lower() in _SUBORDINATORS | _CONJUNCTIONS:
            continue  # "In order to keep audiences growing... we need to ...": the first piece is no sentence
        if _is_clause(left) and any(_finite(w) for w in left.split()[1:]):
            return [left.strip(), _capitalized(right.strip())]
    return [sentence]


# "... last year and that will be a reminder ...": "that" before a modal is the new clause's
# subject, not a second "that"-clause; "... and if it was to ... then the advice was right": a
# condition and the clause it governs.
_AND_NEW_CLAUSE = re.compile(r"\s+and\s+(?=that\s+(?:will|would|could|can|may|might|should|must)\s|if\s+[^,]+?\s+then\s)")
_REPORTED = re.compile(rf"\b(?:{_SAY}|say|tell)\b", re.IGNORECASE)


def split_and_clauses(sentence: str) -> list[str]:
    """A long sentence whose second clause is joined by a bare "and" and opens with its own
    subject that `split_bare_and` does not take ("that" before "will", "would", "could" ...; or
    "if ... then ...") is said as two: "...broke his wrist after being dismissed last year and
    that will be a reminder to him ..." -> "... last year." "That will be a reminder to him
    ...". After a saying ("he said prices would rise and that will ...") the second clause may be
    what was said and stays."""
    if _spoken_words(sentence) <= RUN_ON_WORDS:
        return [sentence]
    outside = _top_level(sentence)
    for match in _AND_NEW_CLAUSE.finditer(sentence):
        left, right = sentence[:match.start()], sentence[match.end():]
        if not outside[match.start()] or _REPORTED.search(left):
            continue
        if right.startswith("if"):
            then = re.search(r"\s+then\s+", right)
            if not _opens_clause(right[then.end():]):
                continue
        elif not _is_clause(right):
            continue
        if _is_clause(left) and any(_finite(w) for w in left.split()[1:] if w[:1].islower()):
            return [_ended(left), _ended(_capitalized(right))]
    return [sentence]


# A caption ending on a name, then a quotation and its speaker: "...on Hokkaido Island, Japan
# 'An aerial survey indicates ...', local researcher Yoshinori Yajima told the newspaper ...".
_CAPTION_THEN_QUOTE = re.compile(r"(?<=[A-Za-z])\s+(?=['‘\"“][A-Z])")
_SPEAKER_AFTER = re.compile(rf"^['’\"”],?\s+(?:[\w'’.-]+\s+){{0,5}}(?:{_SAY})\b")


def split_captions_before_quotations(sentence: str) -> list[str]:
    """A caption run into a quotation whose speaker is named after it ("A man stands on land
    that rose overnight near Rausu, Japan 'An aerial survey indicates that ...', local
    researcher Yoshinori Yajima told the newspaper.") is cut before the quotation, and the
    quotation is said speaker first. A quotation inside its sentence ("the film 'Jaws' was ...",
    "called it 'a disgrace', he said") is not after a name that ends a clause, and stays."""
    from .speakers import speaker_first

    if _words(sentence) <= RUN_ON_WORDS:
        return [sentence]
    for gap in _CAPTION_THEN_QUOTE.finditer(sentence):
        left, right = sentence[:gap.start()], sentence[gap.end():]
        spans = [span for span in _single_quotations(right) if span[0] == 0 and span[1] < len(right)]
        if right[0] in "\"“":
            close = right.find("”" if right[0] == "“" else '"', 1)
            spans = [(0, close)] if close > 0 else []
        if not spans or not _SPEAKER_AFTER.match(right[spans[0][1]:]):
            continue
        last = left.split()[-1]
        if not last[:1].isupper() or last.lower() in _FUNCTION_ENDS | _CALENDAR:
            continue
        if _words(left) < 2 * MIN_PIECE_WORDS or _words(right[:spans[0][1]]) < MIN_PIECE_WORDS:
            continue
        if _is_clause(left) and any(_finite(w) for w in left.split()[1:] if w[:1].islower()):
            return [_ended(left), *speaker_first(right.strip())]
    return [sentence]


# ", both of which need to be funded ..." -> "They both need to be funded ..."
_QUANTIFIED_RELATIVE = re.compile(r",\s+(both|all)\s+of\s+(?:which|whom)\s+(?=[a-z])")


def split_quantified_relatives(sentence: str) -> list[str]:
    """A long sentence that closes on ", both of which ..." or ", all of which ..." is said as
    two: "They both need to be funded ...", "They all ...". Only a closing clause with a plural
    verb ("all of which is" stays); a clause inside its sentence ("bishops, all of whom are
    accused, must realize ...") and "many of which" (a bare "Many have ..." is heard as many
    people) stay."""
    if _spoken_words(sentence) <= RUN_ON_WORDS:
        return [sentence]
    outside = _top_level(sentence)
    for match in _QUANTIFIED_RELATIVE.finditer(sentence):
        left, rest = sentence[:match.start()], sentence[match.end():]
        verb = rest.split()[0].strip(",.").lower()
        if not outside[match.start()] or "," in rest or not _finite(verb) and verb not in _NOT_SUBJECTS:
            continue
        if verb in _SINGULAR_VERBS or verb.endswith("s") and not verb.endswith("ss"):
            continue  # "all of which is ...", "some of which goes ...": not "They all is"
        if _words(rest) < MIN_PIECE_WORDS or not _is_clause(left):
            continue
        return [_ended(left), _ended(f"They {match.group(1)} {rest}")]
    return [sentence]


# Football results run into the text: "...during the international break Leicester 5-3 Manchester
# United West Ham 1-1 Manchester United ...": two or more "Name N-N Name" after a word in lower case.
_RESULT = r"(?:[A-Z][\w'’.-]*\s+){1,3}\d{1,2}-\d{1,2}\s+[A-Z]"
_RESULTS_RUN = re.compile(rf"(?<=[a-z])\s+(?={_RESULT}[\s\S]*?\s\d{{1,2}}-\d{{1,2}}\b)")


def split_score_lines(sentence: str) -> list[str]:
    """A sentence with a table of football results run into it ("The referee sent off Kompany
    during the international break Leicester 5-3 Manchester United West Ham 1-1 ...") is cut
    before the results: the sentence is heard whole, then the results as they were. (Where one
    result ends and the next begins, "Manchester United West Ham", is not cut: without knowing
    the clubs' names it cannot be told.) A single score in a sentence ("beat Porto 6-1 in
    ...") stays."""
    if _words(sentence) <= RUN_ON_WORDS:
        return [sentence]
    outside = _top_level(sentence)
    for gap in _RESULTS_RUN.finditer(sentence):
        left, right = sentence[:gap.start()], sentence[gap.end():]
        if not outside[gap.start()] or _words(left) <= MIN_PIECE_WORDS or left.split()[-1].lower() in _FUNCTION_ENDS:
            continue
        if len(re.findall(r"\b\d{1,2}-\d{1,2}\b", right[:120])) < 2:
            continue
        if _is_clause(left) and any(_finite(w) for w in left.split()[1:] if w[:1].islower()):
            return [_ended(left), right.strip()]
    return [sentence]
