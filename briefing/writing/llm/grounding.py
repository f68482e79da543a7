"""The grounding rule: a turn the model wrote may say only what its sources say.

Checked against the sentences the turn cites and the whole story it is about:

- every number, in any written form ("1.2bn", "1.2 billion", "one point two billion",
  "1,200 million" are one value; "76%" and "seventy-six per cent" too), must be a value the
  sources hold (a source's "$1.13bn" also allows "1.13");
- every name (a capitalised word or run of them: people, places, organisations, and the
  days and months of dates) must be in the sources, whole or word by word ("President Assad"
  passes when the story says "President Bashar al-Assad"); a capitalised word that opens a
  sentence counts only when it is not an everyday word;
- everything between double quotation marks must be in the sources verbatim (case, spacing
  and punctuation aside), and a quotation the turn gives to someone ("..., said Ms Chen")
  must be given to that person in the source sentence that holds it.

A turn that cites sentences must also draw on them: share at least one content word with them
(a turn citing sentence 1 that talks of something else says nothing of it).

The hosts' names and the show's are always allowed. A turn that breaks the rule is
`replaced` by the source sentences it cites, or `dropped` when it cites none.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SUFFIXES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9,
             "tn": 1e12, "trillion": 1e12}
_DIGITS = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:st|nd|rd|th)?"
                     r"(?:\s*(k|thousand|mn|m|million|bn|billion|tn|trillion)\b)?(?:\s?%)?", re.IGNORECASE)
_NUMBER_WORD = re.compile(r"[a-z]+")

# Sentence openers that are everyday words, not names, when capitalised at a sentence's start.
_EVERYDAY = frozenset("""
a about absolutely actually after again ah all also although an and another any anyway are as at back be
because before being both but by can certainly could definitely did do does don't during each either
even every exactly first for from good great has have he her here here's his how however i i'd i'll
i'm i've if in indeed instead interesting is it it's its just let let's like look many maybe meanwhile
more most much my next no not now of oh okay ok on once one only or other our over perhaps quite
really right said says second she since so some still such sure thank thanks that that's the their
them then there there's these they they're this those though thus to today together tomorrow too
true two under until up very wait was we we'll we're we've welcome well were what what's when where
which while who why will with without wow yeah yes yesterday yet you you're your finally also
lastly plus besides first second third great good
""".split())
_FIRST_PERSON = frozenset(("I", "I'm", "I've", "I'd", "I'll"))
_FUNCTION_WORDS = frozenset("a an and as at by for from in into of on or per than that the to was were with".split())
_QUOTE = re.compile(r'"([^"]+)"')
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|the|de|al|bin|van|von|du|da|del|la|le)\s+)?[A-Z][\w'’.-]*)*")
_SPEECH_VERBS = (r"said|says|say|told|tells|added|adds|asked|wrote|explained|warned|insisted|argued|claimed|"
                 r"announced|stated|noted|declared|exclaimed|proclaimed|replied|admitted|put it|according to")


@dataclass(frozen=True)
class Verdict:
    """What the rule found in one turn: `unsupported` lists what the sources do not hold."""

    unsupported: tuple[str, ...] = ()

    @property
    def grounded(self) -> bool:
        return not self.unsupported


@dataclass
class Sources:
    """What a story's turns may draw on: its whole text, split into sentences, and the names allowed
    besides (the hosts', the show's)."""

    sentences: Sequence[str]
    allowed_names: Iterable[str] = ()
    _values: set[float] = field(init=False, repr=False)
    _words: set[str] = field(init=False, repr=False)
    _flat: str = field(init=False, repr=False)

    def __post_init__(self) -> None:
        text = " ".join(_plain(s) for s in self.sentences)
        self._flat = _flat(text)
        self._values = set()
        for value, bare in numbers(text):
            self._values.update((value, bare))
        self._words = {w for w in re.findall(r"[\w']+", _strip_possessive(text))}
        for name in self.allowed_names:
            self._words.update(re.findall(r"[\w']+", name))

    def holds_value(self, value: float) -> bool:
        return any(math.isclose(value, v, rel_tol=1e-9, abs_tol=1e-9) for v in self._values)

    def holds_name(self, name: str) -> bool:
        words = re.findall(r"[\w']+", _strip_possessive(name))
        return bool(words) and (all(w in self._words for w in words) or _flat(name) in self._flat)

    def holds_quote(self, quote: str) -> bool:
        flat = _flat(quote)
        return not flat or f" {flat} " in f" {self._flat} "


def check_turn(text: str, sources: Sources, cited: Sequence[str] = ()) -> Verdict:
    """The rule applied to one turn's text; `cited` are the sentences it says it draws on."""
    text = _plain(text)
    problems: list[str] = []
    if cited and not _content_words(text) & _content_words(" ".join(cited)):
        problems.append("nothing from the sentences it cites")
    for quote in _QUOTE.findall(text):
        if not sources.holds_quote(quote):
            problems.append(f'"{quote.strip()}"')
    for sentence, quote, speaker in _attributions(text):
        if sources.holds_quote(quote) and not _said_by(quote, speaker, sources):
            problems.append(f'"{quote.strip()}" ({speaker})')
    outside = _QUOTE.sub(" ", text)
    for value, shown in _turn_numbers(outside):
        if not sources.holds_value(value):
            # said with what it counts: "12 people", not "12"
            noun = re.search(re.escape(shown) + r"\s+([a-z]+)", outside, re.IGNORECASE)
            counted = noun.group(1) if noun and noun.group(1).lower() not in _FUNCTION_WORDS else None
            problems.append(f"{shown} {counted}" if counted else shown)
    for name in names(outside, sources):
        if not sources.holds_name(name):
            problems.append(name)
    return Verdict(tuple(dict.fromkeys(problems)))


_COMMON = frozenset("""about after also been before being could from have having here into just like made make
many more most much news only other over said says some story such than that their them then there these they
this those told very were what when where which while will with would your year years""".split())


def _content_words(text: str) -> set[str]:
    """A text's words that carry its matter: four letters or more, not everyday, their ends trimmed."""
    words = re.findall(r"[a-z]{4,}", _plain(text).lower())
    return {w[:6] for w in words if w not in _COMMON}


def numbers(text: str) -> list[tuple[float, float]]:
    """Every number in `text` as (value, value as written without its scale): "$1.13bn" is
    (1.13e9, 1.13), "one point two billion" (1.2e9, 1.2)."""
    return [(value, bare) for value, bare, _ in _numbers(_plain(text))]


def _turn_numbers(text: str) -> list[tuple[float, str]]:
    return [(value, shown) for value, _, shown in _numbers(text)]


def _numbers(text: str) -> list[tuple[float, float, str]]:
    found: list[tuple[float, float, str]] = []
    for match in _DIGITS.finditer(text):
        bare = float(match.group(1).replace(",", "") + (match.group(2) or ""))
        scale = _SUFFIXES.get((match.group(3) or "").lower(), 1)
        found.append((bare * scale, bare, match.group(0).strip()))
    # Said in words: read within each stretch between written numbers and punctuation, so that
    # "two billion, 76" or "one point two billion 1,200 million" are not read as one number.
    for chunk in re.split(r"[^\w\s'-]|\d[\d,.]*\w*", text.lower()):
        words = [(m.group(0), m.start(), m.end()) for m in _NUMBER_WORD.finditer(chunk.replace("-", " "))]
        i = 0
        while i < len(words):
            value, bare, end = _read_words(words, i)
            if end > i:
                # "one" alone is mostly not a count ("one of the", "no one"); a lone "a" never is.
                if not (end - i == 1 and words[i][0] in ("one", "a")):
                    found.append((value, bare, chunk[words[i][1]:words[end - 1][2]]))
                i = end
            else:
                i += 1
    return found


def _read_words(words, start: int) -> tuple[float, float, int]:
    """A number said in words from words[start]: (value, value without its last scale, end index)."""
    total, current, i, seen = 0.0, 0.0, start, False
    bare = None
    while i < len(words):
        word = words[i][0]
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "a" and not seen and i + 1 < len(words) and words[i + 1][0] in _SCALES:
            current = 1
        elif word in _SCALES and seen:
            bare = total + current
            if word == "hundred":
                current *= 100
            else:
                total += current * _SCALES[word]
                current = 0
        elif word == "and" and seen and i + 1 < len(words) and (words[i + 1][0] in _UNITS or words[i + 1][0] in _TENS):
            pass
        elif word == "point" and seen and i + 1 < len(words) and words[i + 1][0] in _UNITS:
            decimals, j = "", i + 1
            while j < len(words) and words[j][0] in _UNITS and _UNITS[words[j][0]] < 10:
                decimals += str(_UNITS[words[j][0]])
                j += 1
            current += float("0." + decimals)
            i = j
            seen = True
            continue
        else:
            break
        seen = True
        i += 1
    if not seen:
        return 0.0, 0.0, start
    value = total + current
    return value, (value if bare is None or bare == 0 else _unscaled(value)), i


def _unscaled(value: float) -> float:
    for scale in (1e12, 1e9, 1e6, 1e3):
        if value >= scale:
            return round(value / scale, 9)
    return value


def names(text: str, sources: Sources | None = None) -> list[str]:
    """The capitalised spans of `text` that name someone or something (quotations excluded)."""
    found: list[str] = []
    for sentence in _sentences(_QUOTE.sub(" , ", _plain(text))):
        for match in _CAPITALISED.finditer(sentence):
            span = match.group(0).rstrip(".'’-")
            words = span.split()
            if match.start() == _first_word_at(sentence):
                first = words[0].lower().rstrip(",")
                everyday = first in _EVERYDAY or (sources is not None and first in sources._words)
                if everyday:
                    words = words[1:]
                    while words and words[0].lower() in ("of", "the", "de", "al", "la", "le"):
                        words = words[1:]
            while words and words[0] in _FIRST_PERSON:
                words = words[1:]
            if words and not (len(words) == 1 and words[0].lower() in _EVERYDAY):
                found.append(" ".join(words))
    return found


def _attributions(text: str) -> list[tuple[str, str, str]]:
    """(sentence, quotation, name) for each quotation the turn gives to a named speaker."""
    out = []
    quoted: list[str] = []

    def mask(match) -> str:
        # a quotation's own full stops ("a recovery... much patchier") do not end the turn's sentence
        quoted.append(match.group(1))
        return f'"{len(quoted) - 1}"'

    masked = _QUOTE.sub(mask, text)
    for sentence in _sentences(masked):
        for match in _QUOTE.finditer(sentence):
            before, after = sentence[:match.start()], sentence[match.end():]
            quote = quoted[int(match.group(1))]
            speaker = None
            m = re.match(rf"[\s,]*(?:{_SPEECH_VERBS})\s+({_CAPITALISED.pattern})", after)
            if m:
                speaker = m.group(1)
            else:
                m = re.match(rf"[\s,]*((?:[A-Z][\w'’-]*\s*)+?)\s+(?:{_SPEECH_VERBS})\b", after)
                if m:
                    speaker = m.group(1)
            if speaker is None:
                m = re.search(rf"((?:[A-Z][\w'’-]*\s*)+)\s+(?:{_SPEECH_VERBS})[\s,:]*$", before)
                if m:
                    speaker = m.group(1)
                else:
                    m = re.search(rf"(?:{_SPEECH_VERBS})\s+((?:[A-Z][\w'’-]*\s*)+)[\s,:]*$", before)
                    speaker = m.group(1) if m else None
            if speaker:
                words = [w for w in speaker.split() if w.lower() not in _EVERYDAY]
                if words:
                    out.append((sentence, quote, " ".join(words)))
    return out


def _said_by(quote: str, speaker: str, sources: Sources) -> bool:
    """Whether a source sentence holding `quote` (or the one after it) names `speaker` outside
    its quotations."""
    flat = _flat(quote)
    words = set(re.findall(r"[\w']+", _strip_possessive(speaker)))
    plain = [_plain(s) for s in sources.sentences]
    for i, sentence in enumerate(plain):
        if flat and flat in _flat(sentence):
            text = sentence + " " + (plain[i + 1] if i + 1 < len(plain) else "")
            # who said it is named beside it: between the quotation before it and the one after
            pieces, quotes = _QUOTE.split(text)[::2], _QUOTE.findall(text)
            mine = next((q for q, quoted in enumerate(quotes) if flat in _flat(quoted)), None)
            context = (pieces[mine] + " " + pieces[mine + 1]) if mine is not None else _QUOTE.sub(" ", text)
            # an unclosed quotation at the end ("...said: "It was...) says nothing of who said it
            context = re.sub(r'"[^"]*$', " ", context)
            context_words = set(re.findall(r"[\w']+", _strip_possessive(context)))
            if words & context_words == words:
                return True
    return False


def _first_word_at(sentence: str) -> int:
    m = re.search(r"[A-Za-z0-9]", sentence)
    return m.start() if m else 0


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?:;])\s+|\s*[—–]\s*|\s+-\s+", text) if s.strip()]


def _plain(text: str) -> str:
    return (text.replace("“", '"').replace("”", '"').replace("„", '"').replace("’", "'").replace("‘", "'")
            .replace("\u00a0", " "))


def _strip_possessive(text: str) -> str:
    return re.sub(r"(?<=\w)'s?\b", "", text)


def _flat(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", _plain(text).lower()))
