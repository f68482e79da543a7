"""Rules about people: the speaker before a long quotation, a person's role said first."""

from __future__ import annotations

import re

from .grammar import (
    LONG_QUOTE_WORDS, _CLOSE_QUOTES, _OPEN_QUOTES, _SAY, _as_double_quoted, _capitalized, _ended, _finite, _long,
    _words,
)
from .subjects import said_after_but


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
    A quotation in single marks ('Long quotation,' Allen said.) is moved the same way and keeps
    its marks.
    """
    single = _as_double_quoted(sentence)
    if single is not None:
        text, back = single
        edited = _speaker_first(text)
        return [sentence] if edited == [text] else [back(piece) for piece in edited]
    return _speaker_first(sentence)


def _speaker_first(sentence: str) -> list[str]:
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
        # "Jane Smith, the firm's head, said:" (one comma, not two after "..., US Trade Representative,")
        comma = "," if "," in speaker and not rest and not speaker.endswith(",") else ""
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
        return [f"According to {source}, {said_after_but(body, body)}."]  # "According to figures, about 80% ..."
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


# A role held once, said with "is" it would be a role held now.
_PAST_ROLE = re.compile(r"\b(?:under|until|between)\b|\bfrom (?:19|20)\d\d\b")


def split_appositions(sentence: str) -> list[str]:
    """A long sentence that names someone with their role between commas says who they are
    first: "Rod Eddington, BA's chief executive, said the results were respectable." becomes
    "Rod Eddington is BA's chief executive." and "Eddington said the results were respectable."
    (the surname said again, "is" the only word added). A role that is not a job, or a
    sentence that does not go on with the person's verb, stays, and so does a relative clause
    ("X, who will remain ...,") or a role held once ("..., head of the office under President Clinton,").
    """
    if not _long(sentence):
        return [sentence]
    match = _APPOSITION.match(sentence)
    if not match or match.group("before").strip():
        return [sentence]
    name, role, verb = match.group("name"), match.group("role").strip(), match.group("verb")
    if not _finite(verb) or not _ROLE_WORDS.search(role) or _words(role) > 12 or _finite(role.split()[0]):
        return [sentence]
    if role.split()[0].lower() in ("who", "which", "whose", "whom", "that") or _PAST_ROLE.search(role):
        return [sentence]  # "Peter Tom, who will remain as chief executive,": a clause, not a role;
        # "Mr Raines, head of the budget office under President Clinton,": a role he had, not has
    rest = sentence[match.start("verb"):]
    if _words(rest) < 3:
        return [sentence]
    surname = name.split()[-1]
    return [_ended(f"{name} is {role}"), f"{surname} {rest}"]
