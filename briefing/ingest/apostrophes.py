"""Apostrophes and single quotation marks a tokenizer split off, joined again.

Text that went through a word tokenizer (news corpora, some feeds and scrapers) comes with
its apostrophes and single quotation marks standing alone: "tomorrow ' s instalment",
"doesn ’ t", "did n't", "the players ' club", "' We knew it was an important game for us,
' Henderson said". Said as it is, the voice reads "s" and "t" as letters, and the ear editor
cannot tell where a quotation opens and closes. `mend_apostrophes` joins them again, one
line at a time:

- a contraction or a possessive "'s" goes back on its word: "tomorrow ' s" -> "tomorrow's",
  "can ' t" and "did n't" -> "can't" and "didn't", "we ' re" -> "we're";
- a quotation mark with a space on its inner side is closed up: an opening mark onto the
  word after it ("' We knew" -> "'We knew"), a closing mark onto the word or punctuation
  before it ("for us, ' Henderson" -> "for us,' Henderson"). A curly mark says which it is;
  a straight one is told by whether a quotation is open at that point of the line;
- a lone straight mark after a word in "s" ("the players ' club", "Wales ' Euro 2016 bid") is
  a possessive and joins that word ("the players' club"), unless a closing mark follows soon
  after: then it may open a quotation (before a capital it does; before a word in lower case
  it stays as it is).

Everything else is left exactly as it was: "don't", "Guardiola's", "the players' union",
"'We knew'" and text without a lone mark come out unchanged.
"""

from __future__ import annotations

import re

# "tomorrow ' s", "Virginia 's", "man’ s", "we ' re", "I ' m": a word, the mark with a space
# on one side or both, then the ending (not the start of a longer word: "' re-elect").
_SPLIT_ENDING = re.compile(r"(?<=[A-Za-z0-9])(?: (['’]) ?| ?(['’]) )(?=(?:s|re|ve|ll|d|m)(?![\w'’-]))")
_SPLIT_ENDING_DIGITS_OK = "s"
# "can ' t", "doesn ’ t", "didn 't": the "n" of a negation, the mark, then "t".
_SPLIT_NOT = re.compile(r"(?<=[A-Za-z]n)(?: (['’]) ?| ?(['’]) )(?=t(?![\w'’-]))")
# "did n't", "do n’t": the tokenizer's own way of splitting a negation.
_SPLIT_NT = re.compile(r"(?<=[A-Za-z]) (?=n['’]t(?![\w'’-]))")
# A single mark with a space on each side (or the line's edge on one), or a space before it and
# punctuation after ("careful ', Angelici").
_LONE_MARK = re.compile(r"(?:^|(?<= ))(['‘’])(?: |$|[,.;:!?])")
_ANY_MARK = re.compile(r"['‘’]")
# A mark attached to a word's end that may close a quotation (not a plural's possessive).
_CLOSING_SOON = re.compile(r"\S['’](?=[\s.,;:!?]|$)| ['’](?=[.,;:!?]|$)")
# Words in "s" that are not plurals: a mark after them is no possessive ("was ' a puppet '").
_NOT_PLURALS = frozenset("was is has does his its this us as yes says thus whereas".split())
_CLOSING_REACH = 80


def mend_apostrophes(line: str) -> str:
    """The line with its split-off apostrophes and quotation marks joined again (see module)."""
    if "'" not in line and "’" not in line and "‘" not in line:
        return line
    line = _SPLIT_NT.sub("", line)
    line = _SPLIT_NOT.sub(lambda m: m.group(1) or m.group(2), line)
    line = _SPLIT_ENDING.sub(lambda m: _ending(m, line), line)
    if not _LONE_MARK.search(line):
        return line
    return _close_up_marks(line)


def _ending(match: re.Match, line: str) -> str:
    mark = match.group(1) or match.group(2)
    ending = line[match.end():match.end() + 2]
    if line[match.start() - 1].isdigit() and not ending.startswith(_SPLIT_ENDING_DIGITS_OK):
        return match.group(0)  # "5 ' m": a measure, not "I'm"
    return mark


def _close_up_marks(line: str) -> str:
    """Each lone mark joined to the side it belongs to, by a walk that knows whether a
    single-quoted quotation is open."""
    out: list[str] = []
    start = 0
    quoted = False
    for match in _ANY_MARK.finditer(line):
        i, mark = match.start(), match.group()
        before = line[i - 1] if i else " "
        after = line[i + 1] if i + 1 < len(line) else " "
        if not before.isspace() and not after.isspace():
            if before.isalnum() and after.isalnum():
                continue  # "don't", "Guardiola's"
            if after.isalpha() and not before.isalnum():
                quoted = True  # '"'no', "('We"
            elif before in ".,!?;:" or before.isalnum() and not _possessive(line, i):
                quoted = False
            continue
        if before.isspace() and after in ",.;:!?" and (quoted or mark == "’"):
            # "'We must be careful ', Angelici told": a closing mark
            out.extend((line[start:_left_end(line, i)], mark))
            start, quoted = i + 1, False
            continue
        if before.isspace() and not after.isspace():
            if after.isalpha() and mark != "’":
                quoted = True  # "'We knew"
            continue
        if after.isspace() and not before.isspace():
            if before in ".,!?;:" or quoted and not _possessive(line, i):
                quoted = False  # "for us,' Henderson"
            continue
        # A lone mark: " ' ", or at the line's start or end.
        left_end, right_start = _left_end(line, i), _right_start(line, i + 1)
        # What _joins_left needs to see of each side: the last word before, the text soon after.
        left, right = line[max(0, left_end - 40):left_end], line[right_start:right_start + _CLOSING_REACH]
        to_left = _joins_left(mark, left, right, quoted)
        if to_left is None:
            continue
        out.append(line[start:left_end] if to_left else line[start:i])
        out.append(mark)
        start = i + 1 if to_left else right_start
        if to_left:
            quoted = False
        elif right[:1].isalnum():
            quoted = True
    out.append(line[start:])
    return "".join(out)


def _left_end(line: str, i: int) -> int:
    """Where the text before position `i` ends, the spaces before `i` left out."""
    while i > 0 and line[i - 1] == " ":
        i -= 1
    return i


def _right_start(line: str, i: int) -> int:
    """Where the text from position `i` starts, the spaces at `i` left out."""
    while i < len(line) and line[i] == " ":
        i += 1
    return i


def _joins_left(mark: str, left: str, right: str, quoted: bool) -> bool | None:
    """Whether a lone mark closes (or is a plural's possessive) and joins the text before it,
    opens and joins the text after it, or is left as it is (None)."""
    if not left:
        return False if right[:1].isalnum() else None
    if not right:
        return True
    if mark == "‘":
        return False
    if mark == "’" or quoted:
        return True
    closing_soon = bool(_CLOSING_SOON.search(right))
    last_word = left.split()[-1]
    if last_word[-1] in "sS" and last_word.lower() not in _NOT_PLURALS and right[:1].isalnum():
        # "the players ' club", "Wales ' Euro 2016 qualifier": a possessive, unless a closing mark
        # follows soon: then a quotation may open here ("calls ' fake news' ...", "says ' We won.'")
        if not closing_soon:
            return True
        return None if right[:1].islower() else False
    if right[:1].isupper() or right[:1].isalnum() and (left[-1] in ":;,(" or closing_soon):
        return False  # "spot-kick. ' I did", "he said: ' a disgrace'", "was ' a puppet '."
    return None  # "it ' a": a quotation may open here, or one lost its opening mark


def _possessive(line: str, i: int) -> bool:
    """A mark at `i`, after a word ending in "s" and before a lowercase word: "the players' union"."""
    return line[i - 1:i] in ("s", "S") and line[i + 1:i + 3].strip()[:1].islower()
