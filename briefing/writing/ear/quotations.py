"""Rule: a long quotation that ends its sentence is split where its own grammar allows, the
quotation marks closed and opened again."""

from __future__ import annotations

from .clauses import (
    _quotations, split_bare_and, split_colons, split_conjunctions, split_dashes, split_semicolons, split_while,
)
from .grammar import MIN_PIECE_WORDS, _capitalized, _ended, _long, _words

# Inside a quotation only the splits that add no word of their own: the speaker's words stay
# theirs ("This was ...", "But" for "although" would put the editor's words in their mouth).
_INSIDE = (split_semicolons, split_dashes, split_conjunctions, split_while, split_colons, split_bare_and)


def split_inside_quotations(sentence: str) -> list[str]:
    """A long quotation at the end of a sentence ('The chairman said: "We have cut costs
    this year, and the airline will fly to five new cities."') is said as two quoted sentences
    where the quotation itself has two clauses ('The chairman said: "We have cut costs this
    year."' and '"The airline will fly to five new cities."'), by the splits that add no word
    (semicolons, dashes, ", and", ", but", ", while", colons). A quotation in the middle of its
    sentence, or one whose clauses cannot stand apart, stays.
    """
    if not _long(sentence):
        return [sentence]
    for start, end, open_mark, close_mark in _quotations(sentence):
        if sentence[end + 1:].strip() not in ("", ".", "!", "?"):
            continue  # the sentence goes on after the quotation
        inner = sentence[start + 1:end].strip()
        if _words(inner) < 2 * MIN_PIECE_WORDS:
            continue
        said = _ended(_capitalized(inner))
        for rule in _INSIDE:
            pieces = rule(said)
            if len(pieces) > 1:
                first, *rest = pieces
                if inner[:1].islower():
                    first = inner[0] + first[1:]  # 'the government now "must not ...': the quotation's own case
                return [sentence[:start + 1] + first + close_mark, *(open_mark + p + close_mark for p in rest)]
    return [sentence]
