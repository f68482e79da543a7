"""Editing for the ear: newspaper sentences made into sentences a listener follows at once.

A briefing is heard once, at the speed of speech. Newspaper sentences are written for the
eye: long, with the speaker named after a long quotation and asides in brackets. Radio
writes short sentences, one idea each, with the speaker first. This stage sits between
choosing the sentences (`summarize.py`) and writing the script (`script.py`): each chosen
sentence passes through `EAR_RULES`, small named rules, each one transformation that keeps
the facts:

- `drop_asides`: bracketed conversions and asides ("(£600m)", "(pictured)", "(R-Texas)")
  are dropped; an aside that is a sentence of its own is said after the sentence.
- `speaker_first`: `"Long quotation," said the minister.` becomes `The minister said:
  "Long quotation."` (and `..., according to X.` becomes `According to X, ...`).
- the splits (`SPLIT_RULES`): a long sentence is split where its grammar allows: sentences run
  together or a lost full stop; a quotation of several sentences; two clauses joined by a
  semicolon, a colon, a bare comma, ", and", ", but", ", while" or a bare "and"; a clause
  between dashes; a ", which ..." or ", who ..." clause; a person's role between commas; a
  second clause sharing the first one's subject (said again).

What stays: every word of an edited sentence comes from its source sentence, except the
editor's own closed list of function words (`EAR_WORDS`); no rule adds a fact. A sentence no
rule applies to is left exactly as it was. Only English is edited; other languages pass
through unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from .sentences import _VERBS, is_fragment

EarRule = Callable[[str], list[str]]

# The only words the editor may add: "This", "It" or "They" open a split-off ", which ..." clause;
# "is" says a person's role ("Rod Eddington is BA's chief executive.").
EAR_WORDS = frozenset({"this", "it", "they", "is"})
# A sentence longer than this is split where a conjunction or a closing relative clause allows;
# semicolons and dashed clauses are split at any length.
SPLIT_FROM = 16
# No piece of a split is shorter than this (a fragment would be heard as nonsense).
MIN_PIECE_WORDS = 5
# A quotation at least this long has its speaker moved before it.
LONG_QUOTE_WORDS = 8

_OPEN_QUOTES = "\"“"
_CLOSE_QUOTES = "\"”"
_DASH = r"(?:–|—|-{1,2})"


def _words(text: str) -> int:
    return len(text.split())


@lru_cache(maxsize=4096)
def _spoken_words(text: str) -> int:
    """How many words the voice will say: figures are said in words ("$1.13bn" is five)."""
    from .speech import speakable

    return len(speakable(text).split())


def _long(sentence: str) -> bool:
    """Long enough to split: more than SPLIT_FROM words as the voice says it."""
    return _words(sentence) > SPLIT_FROM or _spoken_words(sentence) > SPLIT_FROM


def _capitalized(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1:]
        if ch.isdigit():
            return text
    return text


_COMMON_OPENERS = frozenset(
    """a an the this that these those there it its his her their our some many most more less several few
    all no one two three four five six seven eight nine ten sales profits prices shares""".split()
)


def _lowered(text: str) -> str:
    """The text with its first word in lower case when it is a common word (not a name)."""
    match = re.match(r"([A-Z][a-z]*)\b", text)
    if match and match.group(1).lower() in _COMMON_OPENERS:
        return match.group(1).lower() + text[match.end():]
    return text


def _ended(text: str) -> str:
    """The text as a whole sentence: trailing commas and dashes off, a full stop if none."""
    text = re.sub(rf"(?:\s*[,;:]|\s+{_DASH})+\s*$", "", text.strip())
    if not text:
        return text
    if text[-1] in ".!?":
        return text
    if text[-1] in _CLOSE_QUOTES + "’" and len(text) > 1 and text[-2] in ".!?,":
        if text[-2] == ",":
            return text[:-2] + "." + text[-1]
        return text
    return text + "."


def _top_level(sentence: str) -> list[bool]:
    """For each character, whether it is outside every quotation and bracket."""
    outside: list[bool] = []
    depth = 0
    quoted = False
    for ch in sentence:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == '"':
            quoted = not quoted
        elif ch == "“":
            quoted = True
        elif ch == "”":
            quoted = False
        outside.append(depth == 0 and not quoted)
    return outside


def _is_clause(piece: str) -> bool:
    """A piece a listener hears as a sentence: long enough, with a verb, not a fragment."""
    return _words(piece) >= MIN_PIECE_WORDS and not is_fragment(_ended(_capitalized(piece)))


_AUXILIARIES = frozenset(
    """is are was were has have had will would can could may might must should shall did does do
    isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't couldn't didn't doesn't don't""".split()
)
_SUBJECT_WORDS = frozenset(
    """he she it they we i you there this that these those the a an his her its their our my your some many
    most several both all each no one two three four five six seven eight nine ten sales profits prices
    shares""".split()
)


def _finite(word: str) -> bool:
    word = word.lower().strip(",.;:\"'“”’")
    return word in _AUXILIARIES or word in _VERBS or (len(word) > 4 and word.endswith("ed"))


_RELATIVES = frozenset("which who whom whose where that".split())
_NOUN_MARKERS = frozenset(
    """of the a an its his her their our my your this that these those some many most more several in on for with
    by to from at and or""".split()
)
_NOT_SUBJECTS = frozenset(
    """also then still just now only even again later instead so yet thus hence who which whom whose what where
    when why how whether if because although though as while than not to""".split()
)


def _opens_clause(text: str) -> bool:
    """Whether `text` opens an independent clause: it does not open with a verb (a clause that
    shares the previous one's subject) and has a finite verb soon after its first word."""
    words = text.split()
    if len(words) < MIN_PIECE_WORDS:
        return False
    first = words[0].strip("\"'“‘")
    if not first[:1].isupper() and (_finite(first) or first.lower() in _NOT_SUBJECTS
                                    or first.lower().endswith(("ly", "ing"))):
        return False
    if first.lower() in ("he", "she", "it") and words[1].lower().endswith("s") and words[1][:1].islower():
        return True  # "it expects a rise": after he, she or it, a word in -s is the verb
    for before, word in zip(words[:6], words[1:7]):
        if word.lower().strip(",") in _RELATIVES:
            return False  # "the number of calls where ...", "one of the factors which has ...": a noun phrase
        if _finite(word) and not word[:1].isupper() and before.lower() not in _NOUN_MARKERS:
            return True  # "Will Huffer" is a name; "of calls", "the sales" are nouns
    return False


# Rule 1 ------------------------------------------------------------------------------------

_BRACKETED = re.compile(r"\s*\(([^()]*)\)")
_POSITION = re.compile(
    r"\b(pictured|picture|photo|left|right|centre|center|above|below|inset|top|bottom|main|file|front|back)\b",
    re.IGNORECASE,
)


def drop_asides(sentence: str) -> list[str]:
    """Bracketed asides out of the sentence: "(£600m)", "(pictured)", "(centre)", "(R-Texas)".

    A conversion, a picture's position, a party label or any short aside is dropped (the
    listener cannot hear brackets, and the sentence says the fact already); an aside that is
    a sentence of its own ("(The firm declined to comment.)") is said after the sentence.
    """
    if "(" not in sentence:
        return [sentence]
    after: list[str] = []

    def replace(match: re.Match) -> str:
        inner = match.group(1).strip()
        words = _words(inner)
        if words >= 4 and not (words <= 6 and _POSITION.search(inner)) and not re.match(r"[£$€¥\d]", inner) \
                and inner[:1].isupper() and not is_fragment(_ended(inner)):
            after.append(_ended(inner))
        return ""

    edited = _BRACKETED.sub(replace, sentence)
    edited = re.sub(r"\s+([,.;:!?])", r"\1", edited).strip()
    if not re.search(r"\w", edited):
        return [sentence]
    return [edited, *after]


# Rule 2 ------------------------------------------------------------------------------------

_SAY = (r"said|says|added|adds|told|tells|explained|warned|insisted|argued|claimed|stated|noted|declared|"
        r"replied|admitted|wrote|asked|continued|stressed|explains|warns|insists|argues|claims|notes|proclaimed|"
        r"exclaimed|announced|vowed|pledged|urged|conceded|acknowledged|confirmed|revealed|cautioned|predicted|"
        r"observed|remarked|commented|suggested|recalled|complained|boasted|joked|admits|adds|continues|concluded")
# '"Quotation," said the minister.' / '"Quotation," the minister said on Monday.'
_QUOTE_THEN_SAID = re.compile(
    rf"^[{_OPEN_QUOTES}](?P<quote>[^\"“”]+?)(?P<mark>[,!?])[{_CLOSE_QUOTES}],?\s+"
    rf"(?:(?P<verb>{_SAY})\s+(?P<speaker>[^\"“”]+?)|(?P<speaker2>[^\"“”]+?)\s+(?P<verb2>{_SAY})(?P<rest>[^\"“”]*?))"
    r"[.!]$"
)
# '"First part," she said, "and the rest."'
_QUOTE_SAID_QUOTE = re.compile(
    rf"^[{_OPEN_QUOTES}](?P<quote>[^\"“”]+?),[{_CLOSE_QUOTES}]\s+"
    rf"(?:(?P<verb>{_SAY})\s+(?P<speaker>[^\"“”,]+?)|(?P<speaker2>[^\"“”,]+?)\s+(?P<verb2>{_SAY})(?P<rest>[^\"“”,]*?)),"
    rf"\s+[{_OPEN_QUOTES}](?P<more>[^\"“”]+)[{_CLOSE_QUOTES}]$"
)
_ACCORDING = re.compile(r"^(?P<body>.+?),\s+according to (?P<source>[^\"“”,]+?)\.$")


def _speaker_ok(speaker: str) -> bool:
    return 0 < _words(speaker) <= 16 and not re.search(r"\b(that|adding|saying|because|after|before)\b", speaker)


def speaker_first(sentence: str) -> list[str]:
    """The speaker before a long quotation, as radio says it.

    '"Long quotation," said the minister.' becomes 'The minister said: "Long quotation."';
    '"...," she said, "..."' becomes 'She said: "..., ..."'; '..., according to X.' becomes
    'According to X, ...'. Short quotations and quotations already led by their speaker stay.
    """
    match = _QUOTE_SAID_QUOTE.match(sentence) or _QUOTE_THEN_SAID.match(sentence)
    if match:
        quote = match.group("quote").strip()
        more = match.groupdict().get("more")
        if _words(quote) + (_words(more) if more else 0) < LONG_QUOTE_WORDS:
            return [sentence]
        if match.group("verb"):
            speaker, verb, rest = match.group("speaker").strip(), match.group("verb"), ""
        else:
            speaker, verb, rest = match.group("speaker2").strip(), match.group("verb2"), match.group("rest").rstrip()
        if not _speaker_ok(speaker) or (rest and not _speaker_ok(rest)):
            return [sentence]
        if more:
            said = f"{quote}, {more.strip()}"
            said = said if said[-1] in ".!?" else said + "."
        else:
            mark = match.group("mark")
            said = quote + ("." if mark == "," else mark)
        open_mark, close_mark = ("“", "”") if sentence[0] == "“" else ('"', '"')
        comma = "," if "," in speaker and not rest else ""  # "Jane Smith, the firm's head, said:"
        return [f"{_capitalized(speaker)}{comma} {verb}{rest}: {open_mark}{said}{close_mark}"]
    match = _ACCORDING.match(sentence)
    if match:
        body, source = match.group("body").strip(), match.group("source").strip()
        if _words(body) < LONG_QUOTE_WORDS or not _speaker_ok(source):
            return [sentence]
        if body[:1] in _OPEN_QUOTES:
            quoted = re.match(rf"^[{_OPEN_QUOTES}](?P<q>[^\"“”]+?)[,.]?[{_CLOSE_QUOTES}]$", body)
            if not quoted:
                return [sentence]
            return [f'According to {source}: "{quoted.group("q")}."']
        if any(q in body for q in _OPEN_QUOTES + "”"):
            return [sentence]
        return [f"According to {source}, {_lowered(body)}."]
    return [sentence]


# Rules 3 to 6: splits ------------------------------------------------------------------------


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
        if _is_clause(left) and _is_clause(right) and _opens_clause(right):
            return [_ended(left), _ended(_capitalized(right))]
    return [sentence]


def split_dashes(sentence: str) -> list[str]:
    """An aside between dashes that is a clause of its own is said after the sentence; a
    clause after a single dash becomes its own sentence. A dashed phrase ("– the biggest in a
    decade –") stays: it cannot stand alone.
    """
    outside = _top_level(sentence)
    dashes = [m for m in re.finditer(rf"\s+{_DASH}\s+", sentence) if outside[m.start()]]
    if len(dashes) == 2:
        first, second = dashes
        aside = sentence[first.end():second.start()]
        rest = sentence[:first.start()] + " " + sentence[second.end():]
        if _is_clause(aside) and _opens_clause(aside) and _is_clause(rest):
            return [_ended(rest), _ended(_capitalized(aside))]
    elif len(dashes) == 1:
        dash = dashes[0]
        left, right = sentence[:dash.start()], sentence[dash.end():]
        if _is_clause(left) and _is_clause(right) and _opens_clause(right):
            return [_ended(left), _ended(_capitalized(right))]
    return [sentence]


def split_conjunctions(sentence: str) -> list[str]:
    """A long sentence of two independent clauses joined by ", and" or ", but" becomes two
    ("But" is kept: it carries the contrast). A list ("A, B, and C") or a clause without its
    own subject (", and was released") stays.
    """
    if not _long(sentence):
        return [sentence]
    outside = _top_level(sentence)
    for match in re.finditer(r",\s+(and|but)\s+", sentence):
        if not outside[match.start()]:
            continue
        left, right = sentence[:match.start()], sentence[match.end():]
        if _is_clause(left) and _is_clause(right) and _opens_clause(right):
            prefix = "But " if match.group(1) == "but" else ""
            return [_ended(left), _ended(prefix + (right if prefix else _capitalized(right)))]
    return [sentence]


_NAME = r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*"


def split_relative_clauses(sentence: str) -> list[str]:
    """A long sentence's closing non-restrictive clause becomes its own sentence:
    "..., which was its first loss." -> "... . This was its first loss."; "... met Jane Smith,
    who runs the firm." -> "... met Jane Smith. Jane Smith runs the firm." (the name said
    again). A clause in the middle of the sentence, or one that does not open with its verb, stays.
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
        name = re.search(rf"({_NAME})$", left)
        if match.group(1) == "which":
            named = name.group(1).split() if name else []
            if named and len(named) <= 4 and named[0].lower() not in _SUBJECT_WORDS | _CALENDAR \
                    and named[-1].lower() not in _CALENDAR:
                the = "The " if left[:name.start(1)].rstrip().endswith(" the") else ""  # "the SEC, which"
                return [_ended(left), _ended(f"{the}{name.group(1)} {clause}")]  # "... by Qatar, which is trying"
            return [_ended(left), _ended("This " + clause)]
        if not name or name.group(1).split()[0].lower() in _SUBJECT_WORDS:
            continue
        return [_ended(left), _ended(f"{name.group(1)} {clause}")]
    return [sentence]


_PLURAL_VERBS = frozenset("are were have do don't aren't weren't haven't".split())
_SINGULAR_VERBS = frozenset("is was has does doesn't isn't wasn't hasn't".split())


def split_inner_relative_clauses(sentence: str) -> list[str]:
    """A ", which ...," or ", who ...," clause inside a long sentence, between its subject and
    its verb, becomes a sentence after it: "The firm, which is now one of Google's biggest
    investors, benefited from sales." -> "The firm benefited from sales. It is now one of
    Google's biggest investors." ("It" or "They" by the clause's verb; a person is named again.)
    A clause not followed by the sentence's verb, or whose subject cannot be said again, stays.
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


def split_quoted_sentences(sentence: str) -> list[str]:
    """A quotation of several sentences is said as several: 'He said: "A. B."' becomes
    'He said: "A."' and '"B."'; the words stay, the quotation marks close and open again."""
    for start, end, open_mark, close_mark in _quotations(sentence):
        inner = sentence[start + 1:end]
        for stop in _INNER_QUOTE_STOP.finditer(inner):
            first, second = inner[:stop.start()], inner[stop.end():]
            if _words(first) >= 4 and _words(second) >= 4:
                return [sentence[:start + 1] + first + close_mark,
                        open_mark + second + sentence[end:]]
    return [sentence]


# Sentences run together: a full stop, question or exclamation mark, then a capital (after a
# quotation mark, perhaps). An initial ("E."), a title ("Mr.", "Co.") or a number does not end one.
_JOINED_STOP = re.compile(r"(?<=[a-z0-9)])([.!?][\"”'’]?)\s+(?=[\"“'‘]?[A-Z])")
_ABBREVIATIONS = frozenset("mr ms mrs dr st co no jr sr inc ltd vs gen col sen rep gov prof".split())
# Past this, a sentence is worth looking into for sentences run together or a lost full stop.
RUN_ON_WORDS = 25


def split_joined_sentences(sentence: str) -> list[str]:
    """Sentences the splitter left together (a stray quotation mark kept one open) are said
    one by one: "...the market. Two-thirds of ads..." becomes two sentences."""
    if not _long(sentence):
        return [sentence]
    for stop in _JOINED_STOP.finditer(sentence):
        left, right = sentence[:stop.end(1)], sentence[stop.end():]
        if left.split()[-1].strip(".!?\"”'’").lower() in _ABBREVIATIONS:
            continue
        if _words(left) >= 4 and _words(right) >= 4 and not is_fragment(left) and not is_fragment(right):
            return [left.strip(), right.strip()]
    return [sentence]


_LOST_STOP = re.compile(r"(?<=[a-z0-9])\s+(?=[A-Z][\w'’-]*\s)")


def split_lost_full_stops(sentence: str) -> list[str]:
    """A caption or a heading run into the text without a full stop ("...on Monday night
    Manchester City have been faltering") is cut where a lower-case word meets a capitalized
    one that opens a clause of its own. Reported speech ("officials said last week Iran had")
    and pieces without a verb stay whole."""
    if _words(sentence) <= RUN_ON_WORDS:
        return [sentence]
    outside = _top_level(sentence)
    for gap in _LOST_STOP.finditer(sentence):
        if not outside[gap.start()]:
            continue
        left, right = sentence[:gap.start()], sentence[gap.end():]
        if _words(left) < MIN_PIECE_WORDS + 1 or _words(right) < MIN_PIECE_WORDS or _SAY_WORD.search(left):
            continue
        last = left.split()[-1]
        if not (last[0].islower() or last[0].isdigit()) or last.lower() in _NOT_SUBJECTS | _FUNCTION_ENDS | _SUBORDINATORS:
            continue
        if right.split()[0].strip(",.").lower() in _CALENDAR:
            continue  # "in early October solidified": a date, not a new sentence's subject
        if right.startswith("I "):
            continue  # "growing up I got": "I" is capitalized anywhere
        subject = re.match(r"(?:[A-Z][\w'’-]*\s+){1,4}(\S+)", right)
        if subject is None or not _finite(subject.group(1)):
            continue  # the capitalized words are not followed by their verb: not a new sentence
        if _is_clause(left) and any(_finite(w) for w in left.split()) and not is_fragment(_ended(right)):
            return [_ended(left), right.strip()]
    return [sentence]


_CALENDAR = frozenset(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday""".split()
)
_SAY_WORD = re.compile(rf"\b(?:{_SAY}|say|tell|that)\b", re.IGNORECASE)
# A sentence does not end on these: the capital after them is inside the sentence.
_FUNCTION_ENDS = frozenset(
    """a an the of to in on at by for from with and or but as than that this these those his her its their our
    my your is are was were be been has have had will would can could may might must should said says told
    named called dubbed star actor player coach manager president minister chief leader captain boss""".split()
)


_WHILE = re.compile(r",\s+(while|whereas)\s+")


def split_while(sentence: str) -> list[str]:
    """Two clauses set side by side with ", while" become two sentences ("while" meaning
    "whereas": the clause after it has its own subject and verb)."""
    if not _long(sentence):
        return [sentence]
    outside = _top_level(sentence)
    for match in _WHILE.finditer(sentence):
        left, right = sentence[:match.start()], sentence[match.end():]
        if outside[match.start()] and _is_clause(left) and _is_clause(right) and _opens_clause(right) \
                and not right.split()[0].lower().endswith("ing"):
            return [_ended(left), _ended(_capitalized(right))]
    return [sentence]


_PERSON = r"(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’-]+"
_APPOSITION = re.compile(
    rf"^(?P<before>(?:[A-Z][\w-]*\s+)?)(?P<name>{_PERSON}),\s+(?P<role>(?:the |a |an )?[^,\"“”()]+?),\s+(?P<verb>\S+)\s"
)
_ROLE_WORDS = re.compile(
    r"\b(chief|head|director|executive|president|minister|secretary|spokesman|spokeswoman|spokesperson|"
    r"economist|analyst|chairman|chairwoman|chair|founder|leader|manager|professor|lawyer|editor|officer|"
    r"governor|senator|mayor|ambassador|commissioner|coach|captain|author|researcher|expert|strategist|"
    r"partner|member|boss|owner|correspondent|reporter|adviser|advisor|mp|ceo)\b",
    re.IGNORECASE,
)


def split_appositions(sentence: str) -> list[str]:
    """A long sentence that names someone with their role between commas says who they are
    first: "Rod Eddington, BA's chief executive, said the results were respectable." becomes
    "Rod Eddington is BA's chief executive." and "Eddington said the results were respectable."
    (the surname said again, "is" the only word added). A role that is not a job, or a
    sentence that does not go on with the person's verb, stays.
    """
    if not _long(sentence):
        return [sentence]
    match = _APPOSITION.match(sentence)
    if not match or match.group("before").strip():
        return [sentence]
    name, role, verb = match.group("name"), match.group("role").strip(), match.group("verb")
    if not _finite(verb) or not _ROLE_WORDS.search(role) or _words(role) > 12 or _finite(role.split()[0]):
        return [sentence]
    rest = sentence[match.start("verb"):]
    if _words(rest) < 3:
        return [sentence]
    surname = name.split()[-1]
    return [_ended(f"{name} is {role}"), f"{surname} {rest}"]


_SUBORDINATORS = frozenset(
    """at in on by for with after before during despite following under over from to since until as while when
    although though if because once unlike like amid among according without within""".split()
)
# Words that open a subordinate clause: a name after one is inside it, not the sentence's end.
_CONJUNCTIONS = frozenset("when if whether where why how because although though while until unless since".split())
_PRONOUN_SUBJECTS = frozenset("i we he she it they you there this that these those".split())


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
        if subject in _PRONOUN_SUBJECTS and _finite(verb) and _is_clause(text[:match.start()]) \
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
        if not second.endswith((".", "!", "?")) and not tail[1:2] in (".", "!", "?"):
            second += "."
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
        if _is_clause(left) and _is_clause(right) and _opens_clause(right):
            return [_ended(left), _ended(_capitalized(right))]
    return [sentence]


def split_shared_subjects(sentence: str) -> list[str]:
    """A long sentence whose second clause shares the first one's subject (", and cut its
    forecasts") becomes two, the subject said again: "Mitsubishi Motors issued a profit warning
    in January, and cut its forecasts." -> "... in January." "Mitsubishi Motors cut its
    forecasts." Only a plain subject (a name, or "The ..." up to five words, no commas) is said again.
    """
    if not _long(sentence):
        return [sentence]
    outside = _top_level(sentence)
    for match in re.finditer(r",\s+(and|but)\s+(\S+)", sentence):
        if not outside[match.start()] or not _finite(match.group(2)) or match.group(2)[:1].isupper():
            continue
        left, right = sentence[:match.start()], sentence[match.start(2):]
        words = left.split()
        verb = next((i for i, w in enumerate(words) if _finite(w) and i > 0), None)
        if verb is None:
            continue
        # after a fronted phrase ("In January, Mitsubishi Motors issued ..."), the subject follows its comma
        start = max((i + 1 for i, w in enumerate(words[:verb]) if w.endswith(",")), default=0)
        subject = words[start:verb]
        if not subject or len(subject) > 5:
            continue
        if not (subject[0][:1].isupper()) or subject[-1].lower() in _FUNCTION_ENDS:
            continue
        if _words(right) < MIN_PIECE_WORDS - 1 or not _is_clause(left):
            continue
        said = " ".join(subject)
        said = said if subject[0] not in ("The", "A", "An") else "The " + " ".join(subject[1:])
        prefix = "But " if match.group(1) == "but" else ""
        return [_ended(left), _ended(prefix + (said if prefix else said) + " " + right)]
    return [sentence]


_BARE_AND = re.compile(r"\s+and\s+(?=(?:the|its|his|her|their|this|these|those|it|they|he|she|we)\s)")


def split_bare_and(sentence: str) -> list[str]:
    """Two long clauses joined by "and" without a comma become two sentences when the second
    has its own subject and verb at once ("... reached record levels last year and the figures
    are likely to spark criticism."). Two things joined by "and" ("cars and the figures") stay.
    """
    if _spoken_words(sentence) <= 2 * SPLIT_FROM:
        return [sentence]
    outside = _top_level(sentence)
    strong = _AUXILIARIES | _VERBS
    for match in _BARE_AND.finditer(sentence):
        left, right = sentence[:match.start()], sentence[match.end():]
        head = [w.lower().strip(",.;:") for w in right.split()[1:4]]
        if not outside[match.start()] or not any(w in strong for w in head):
            continue
        if _is_clause(left) and _is_clause(right) and any(_finite(w) for w in left.split()[1:] if w[:1].islower()):
            return [_ended(left), _ended(_capitalized(right))]
    return [sentence]


# Rules that edit a sentence in place, then rules that split; each applies again to the pieces.
EDIT_RULES: tuple[EarRule, ...] = (drop_asides, speaker_first)
SPLIT_RULES: tuple[EarRule, ...] = (split_joined_sentences, split_quoted_sentences, split_lost_full_stops,
                                    split_semicolons, split_dashes, split_conjunctions,
                                    split_while, split_relative_clauses, split_inner_relative_clauses,
                                    split_appositions, split_comma_splices, split_colons, split_shared_subjects,
                                    split_bare_and)
EAR_RULES: tuple[EarRule, ...] = EDIT_RULES + SPLIT_RULES


def edit_sentence(sentence: str) -> list[str]:
    """One sentence through every rule: edited, then split until no rule splits a piece."""
    pieces = [sentence]
    for rule in EDIT_RULES:
        pieces = [out for piece in pieces for out in rule(piece)]
    done: list[str] = []
    pending = list(reversed(pieces))
    while pending:
        piece = pending.pop()
        for rule in SPLIT_RULES:
            split = rule(piece)
            if len(split) > 1:
                pending.extend(reversed(split))
                break
        else:
            done.append(piece)
    return done


def for_the_ear(sentences: Sequence[str], language: str = "en") -> list[str]:
    """The sentences edited for the ear (English only; other languages as they are)."""
    if language.split("-")[0].lower() != "en":
        return list(sentences)
    return [piece for sentence in sentences for piece in edit_sentence(sentence)]


def edited_digest(digest):
    """A Digest whose sentences are edited for the ear."""
    from dataclasses import replace

    language = digest.article.language
    return replace(digest, sections=tuple(replace(s, sentences=tuple(for_the_ear(s.sentences, language)))
                                          for s in digest.sections))
