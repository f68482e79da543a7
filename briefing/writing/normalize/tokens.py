"""The classifier: every tagger proposes spans of the text, and each span is given ONE class.

Each semiotic class is a module with `CLASS` (its name), `PRIORITY` (which class wins a tie),
`tag(text, context)` (yields `(start, end, fields)` for every span it can say) and
`verbalize(fields)` (the words); a span's fields may carry its own "priority". Spans are chosen longest first, then by priority, and never
overlap: so "12kg/kg" is one measure and not a cardinal, a unit and a stray "/kg", and
"1,000th" is one ordinal and not a cardinal followed by a comma and "th".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from types import ModuleType


@dataclass(frozen=True)
class Context:
    """What a tagger may need besides the text: the language variant ("en-GB" reads 03/04 as the
    third of April, "en-US" as March the fourth) and the order the text's own dates show."""

    language: str = "en"
    day_first: bool | None = None


@dataclass(frozen=True)
class Token:
    cls: str
    start: int
    end: int
    fields: dict = field(default_factory=dict, hash=False, compare=False)


Tagger = Callable[[str, Context], Iterable[tuple[int, int, dict]]]


def candidates(text: str, context: Context, classes: Iterable[ModuleType]) -> Iterator[tuple[Token, int]]:
    for module in classes:
        for start, end, fields in module.tag(text, context):
            if end > start:  # a tagger may rank one of its spans apart ("737 Max" above the cardinal)
                yield Token(module.CLASS, start, end, fields), fields.pop("priority", module.PRIORITY)


def choose(proposed: Iterable[tuple[Token, int]]) -> list[Token]:
    """Non-overlapping tokens: the longest span first, the higher priority on a tie, then the earlier."""
    ranked = sorted(proposed, key=lambda tp: (-(tp[0].end - tp[0].start), -tp[1], tp[0].start))
    taken: list[Token] = []
    used = bytearray()
    for token, _ in ranked:
        if len(used) < token.end:
            used.extend(b"\0" * (token.end - len(used)))
        if any(used[token.start:token.end]):
            continue
        used[token.start:token.end] = b"\1" * (token.end - token.start)
        taken.append(token)
    return sorted(taken, key=lambda t: t.start)
