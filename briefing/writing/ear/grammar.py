"""What the ear rules know of English: words, clauses, quotation marks, and the closed lists
they use to tell a clause from a phrase. Lenient on purpose, and never trusted alone: a rule
splits only where both pieces pass `_is_clause` (a whole sentence with a verb) and the piece
after the cut opens a clause (`_opens_clause`: a subject, then its verb)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..sentences import _VERBS, is_fragment


# The only words the editor may add: "This", "It" or "They" open a split-off ", which ..." clause;
# "is" says a person's role ("Rod Eddington is BA's chief executive."); "This was" or "This is" opens
# a split-off adverbial tail ("This was after sales fell."); "But" opens what followed "although";
# "said" tells a closing ", saying ..." of its subject; "are", "were" go with a plural subject;
# "Then" opens what came "before" (it keeps the order); "There," opens a closing ", where ..."
# clause after a place. Function words only, never a fact.
EAR_WORDS = frozenset({"this", "it", "they", "is", "was", "are", "were", "but", "said", "then", "there"})
# A closing participle split off is said with the source's own participle after "is"/"was"
# (", raising hopes" -> "This is raising hopes"; ", warning that ..." -> "Lord Browne was warning
# that ..."), so that no verb form the source did not use is said; ", saying ..." and ", adding
# ..." after a clause in the past are "Rajoy said ...". Only these participles, a closed list:
# what the clause's event did, said of "This" ...
EVENT_PARTICIPLES = frozenset(
    """raising making leaving bringing pushing sending sparking prompting causing lifting boosting forcing ending
    triggering fuelling fueling exposing creating dragging driving wiping marking allowing""".split()
)
# ... and what the subject did as well, said of the subject named again.
SUBJECT_PARTICIPLES = frozenset(
    """saying adding telling warning citing calling urging arguing noting insisting claiming explaining sharing
    describing accusing promising vowing asking announcing blaming praising pledging speaking reporting looking
    writing responding commenting addressing appearing unveiling referring""".split()
)
# Of those, the ones said as "said" after a clause in the past.
SAYING_PARTICIPLES = frozenset({"saying", "adding"})
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
    from ..speech import speakable

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


def _ended(text: str) -> str:
    """The text as a whole sentence: trailing commas and dashes off, a full stop if none."""
    text = re.sub(rf"(?:\s*[,;:]|\s+{_DASH})+\s*$", "", text.strip())
    if not text:
        return text
    if text[-1] in ".!?":
        return text
    if text[-1] in _CLOSE_QUOTES + "’'" and len(text) > 1 and text[-2] in ".!?,":
        if text[-2] == ",":
            return text[:-2] + "." + text[-1]
        return text
    return text + "."


_DOUBLE_MARKS = "\"“”"
_SINGLE_MARKS = "'‘’"
# Before an opening single mark: the start, a space, a bracket or a colon; after a closing one:
# a space, the end, or punctuation.
_BEFORE_OPENING = "([{:—–-/"
_AFTER_CLOSING = ".,;:!?)]—–-"


@lru_cache(maxsize=4096)
def _single_quotations(sentence: str) -> tuple[tuple[int, int], ...]:
    """(opening mark, closing mark) of each single-quoted quotation ('...' or ‘...’), told
    from apostrophes by what is around them: an opening mark at a word's start, after the
    start, a space or a bracket; a closing mark after punctuation or a word, before a space,
    punctuation or the end. "don't", "Guardiola's" and a plural's possessive before a word in
    lower case ("the players' union") are neither. A quotation left open to the sentence's end
    counts (closing at len(sentence)) when it opens on a capital ("'Obviously the last ...").
    An opening mark inside a quotation after a word (not after a sentence of it ends) starts the
    quotation again: the mark before it was stray or lost its closing one.
    None in a sentence with double quotation marks: those are the quotations there (its single
    marks are nested or apostrophes)."""
    if not any(mark in sentence for mark in _SINGLE_MARKS) or any(mark in sentence for mark in _DOUBLE_MARKS):
        return ()
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for i, ch in enumerate(sentence):
        if ch not in _SINGLE_MARKS:
            continue
        before = sentence[i - 1] if i else " "
        after = sentence[i + 1] if i + 1 < len(sentence) else " "
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe inside a word
        opening = ch != "’" and after.isalpha() and (before.isspace() or before in _BEFORE_OPENING)
        if opened is None or opening and sentence[:i].rstrip()[-1:] not in ".!?,:;":
            # An opening mark inside a quotation, not where a sentence of it ends ("... team. 'We"
            # goes on with the quotation): the first mark lost its closing one, or was stray.
            opened = i if opening else opened
            continue
        if ch == "‘" or not (after.isspace() or after in _AFTER_CLOSING):
            continue
        if before in ".,;:!?" or before.isalnum() and not _possessive(sentence, i):
            spans.append((opened, i))
            opened = None
    if opened is not None and sentence[opened + 1].isupper():
        spans.append((opened, len(sentence)))
    return tuple(spans)


def _single_quoted(sentence: str):
    """(start, end, opening mark, closing mark) of the sentence's first closed single-quoted quotation."""
    for start, end in _single_quotations(sentence):
        if end < len(sentence):
            yield start, end, sentence[start], sentence[end]
            return


def _single_quotation_at(sentence: str, i: int) -> tuple[int, int] | None:
    """(opening mark, closing mark) of the single-quoted quotation character `i` is inside
    (not on its marks); the closing mark is len(sentence) for a quotation left open."""
    for start, end in _single_quotations(sentence):
        if start < i < end:
            return start, end
    return None


def _closing_mark(sentence: str, span: tuple[int, int]) -> str:
    """The mark that closes a single-quoted quotation (the one that would, for one left open)."""
    start, end = span
    return sentence[end] if end < len(sentence) else "’" if sentence[start] == "‘" else "'"


def _possessive(sentence: str, i: int) -> bool:
    """A mark after a word in "s" and before a word in lower case: "the players' union"."""
    return sentence[i - 1] in "sS" and sentence[i + 1:i + 3].strip()[:1].islower()


def _as_double_quoted(sentence: str):
    """A sentence whose quotations are in single marks, with “ and ” in their place, and the
    function that puts the single marks back in a piece edited from it; None for a sentence
    without single-quoted quotations (or with marks of two kinds). The rules written for
    double marks then read 'Quote,' said X as they read "Quote," said X."""
    spans = [(start, end) for start, end in _single_quotations(sentence) if end < len(sentence)]
    if not spans:
        return None
    opening, closing = sentence[spans[0][0]], sentence[spans[0][1]]
    if any(sentence[start] != opening or sentence[end] != closing for start, end in spans):
        return None
    chars = list(sentence)
    for start, end in spans:
        chars[start], chars[end] = "“", "”"

    def back(piece: str) -> str:
        out, opened = [], False
        for ch in piece:
            if ch == '"':
                ch, opened = (closing, False) if opened else (opening, True)
            out.append(opening if ch == "“" else closing if ch == "”" else ch)
        return "".join(out)

    return "".join(chars), back


def _top_level(sentence: str, *, left_open: bool = True) -> list[bool]:
    """For each character, whether it is outside every quotation and bracket. With
    `left_open=False`, a single-quoted quotation left open to the sentence's end does not count
    (a lost closing mark: the text after it may be a caption run in, not the quotation)."""
    outside: list[bool] = []
    depth = 0
    quoted = False
    single = [(start, end) for start, end in _single_quotations(sentence) if left_open or end < len(sentence)]
    for i, ch in enumerate(sentence):
        if single and any(start <= i <= end for start, end in single):
            outside.append(False)
            continue
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


# Verbs of news the sentence splitter's list does not hold, none of them also a common noun
# ("plans", "estimates", "claims" are left out: "the plans of ..." is no clause).
_NEWS_VERBS = frozenset(
    """expect expects remain remains continue continues include includes suggest suggests warn warns insist
    insists argue argues admit admits deny denies accept accepts agree agrees appear appears seek seeks sought
    withdrew withdraw withdraws represent represents require requires involve involves depend depends owns
    prefer prefers intend intends refuse refuses""".split()
)


def _finite(word: str) -> bool:
    word = word.lower().strip(",.;:\"'“”’")
    return word in _AUXILIARIES or word in _VERBS or word in _NEWS_VERBS or (len(word) > 4 and word.endswith("ed"))


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


_NAME = r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*"


_CALENDAR = frozenset(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday""".split()
)

# A sentence does not end on these: the capital after them is inside the sentence.
_FUNCTION_ENDS = frozenset(
    """a an the of to in on at by for from with and or but as than that this these those his her its their our
    my your is are was were be been has have had will would can could may might must should said says told
    named called dubbed star actor player coach manager president minister chief leader captain boss""".split()
)


_SUBORDINATORS = frozenset(
    """at in on by for with after before during despite following under over from to since until as while when
    although though if because once unlike like amid among according without within""".split()
)
# Words that open a subordinate clause: a name after one is inside it, not the sentence's end.
_CONJUNCTIONS = frozenset("when if whether where why how because although though while until unless since".split())
_PRONOUN_SUBJECTS = frozenset("i we he she it they you there this that these those".split())


_SAY = (r"said|says|added|adds|told|tells|explained|warned|insisted|argued|claimed|stated|noted|declared|"
        r"replied|admitted|wrote|asked|continued|stressed|explains|warns|insists|argues|claims|notes|proclaimed|"
        r"exclaimed|announced|vowed|pledged|urged|conceded|acknowledged|confirmed|revealed|cautioned|predicted|"
        r"observed|remarked|commented|suggested|recalled|complained|boasted|joked|admits|adds|continues|concluded")

# Verbs in the past and the present, by which a split-off piece is told in its clause's tense.
_PAST = frozenset("""was were had did said told made took got went came gave saw knew found lost won
    left kept held began brought thought felt became stood paid sold built bought met led fell rose
    spent sent heard wrote spoke chose broke drove grew threw fought caught struck""".split())
_PRESENT = frozenset("is are has have says does".split())

_PLURAL_VERBS = frozenset("are were have do don't aren't weren't haven't".split())
_SINGULAR_VERBS = frozenset("is was has does doesn't isn't wasn't hasn't".split())


def _subject_words(words: list[str]) -> tuple[list[str], int] | None:
    """The words before the clause's first verb (after a fronted phrase's comma), without an
    adverb after them ("Brent crude also rose": "also" is not the subject's), and where that verb
    is; None when the clause has no verb after its first word."""
    verb = next((i for i, w in enumerate(words) if _finite(w) and i > 0), None)
    if verb is None:
        return None
    start = max((i + 1 for i, w in enumerate(words[:verb]) if w.endswith(",")), default=0)
    subject = words[start:verb]
    while len(subject) > 1 and (subject[-1].lower() in _NOT_SUBJECTS or subject[-1].lower().endswith("ly")):
        subject = subject[:-1]
    return subject, verb


def _plain_subject(clause: str) -> str | None:
    """The clause's subject when it can be said again as it is: a name, a pronoun, or "The ..."
    of up to five words, before the clause's first verb (after a fronted phrase's comma: "In
    January, Mitsubishi Motors issued ..." -> "Mitsubishi Motors"). None otherwise."""
    found = _subject_words(clause.split())
    if found is None:
        return None
    subject, _ = found
    if not subject or len(subject) > 5 or any(w.endswith(",") for w in subject):
        return None
    if subject[0].lower() in _SUBORDINATORS | _NOT_SUBJECTS:
        if len(subject) > 1 and subject[-1].lower() in ("he", "she", "they", "we", "it"):
            subject = subject[-1:]  # "In August it warned": the subject is "it"
        else:
            return None  # "Among them were blogs ...": a phrase, not the subject
    if subject[0].lower() in ("he", "she", "they", "we", "i", "it") and len(subject) == 1:
        return subject[0] if subject[0] == "I" else subject[0].capitalize()
    if not subject[0][:1].isupper() or subject[-1].lower() in _FUNCTION_ENDS:
        return None
    said = " ".join(subject)
    return said if subject[0] not in ("A", "An") else None  # "A man ...": said again it is another man


def _number(subject: str) -> str | None:
    """'singular' or 'plural' when the subject tells: a name or "he" is one, "they", "A and B" or
    a noun in -s are many; None otherwise ("the duo", "I")."""
    last = subject.split()[-1]
    if subject in ("They", "We", "You") or " and " in subject or last.islower() and last.endswith("s") \
            and not last.endswith("ss"):
        return "plural"
    if subject in ("He", "She", "It") or last[:1].isupper() and len(subject.split()) > 1 or subject.isupper():
        return "singular"
    return None
