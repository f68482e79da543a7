"""The connective rules of the ear editor (issue 22): a clause joined on by "after", "before" or
", both of which" is said as a sentence of its own where a listener hears it as right, and stays
where the split would change a fact, point a word at the wrong thing or leave a fragment."""

from __future__ import annotations

import re

import pytest

from briefing.writing.ear import (
    EAR_WORDS, for_the_ear, split_after_clauses,
)


def _added(source: str, pieces: list[str]) -> set[str]:
    words = lambda text: set(re.findall(r"[a-z0-9]+", text.lower()))  # noqa: E731
    return {w for piece in pieces for w in words(piece)} - words(source)


# split_after_clauses


def test_a_closing_after_clause_without_a_comma_is_said_as_this_was_after():
    sentence = ("Copper prices climbed to a six-month high in London on Monday after a strike closed the "
                "largest mine in Chile.")
    said = split_after_clauses(sentence)
    assert said == ["Copper prices climbed to a six-month high in London on Monday.",
                    "This was after a strike closed the largest mine in Chile."]
    assert _added(sentence, said) <= EAR_WORDS
    # and the whole editor says it so too
    assert for_the_ear([sentence]) == said


# Each pair: a sentence the rule must leave, and one in the same shape, the guard's word changed,
# that it must split (so the guard, not something else, is what keeps the first whole).
_AFTER_PAIRS = [
    # a time phrase: "two days" would be cut from its "after"; a day named is a moment
    ("The harbour master closed the port to all shipping two days after the storm broke the sea wall.",
     "The harbour master closed the port to all shipping on Monday after the storm broke the sea wall."),
    # what has not happened yet
    ("The chairman said a listing of the club was one option for funding after the club moves to its new stadium.",
     "The chairman said a listing of the club was one option for funding after the club moved to its new stadium."),
    # a negated clause
    ("The city council did not reopen the old bridge to lorries and buses after the engineers finished the repairs.",
     "The city council reopened the old bridge to lorries and buses after the engineers finished the repairs."),
    # the "after" belongs to the clause inside ("that ... misled investors after ...")
    ("The fines came after a long probe into claims that the giant misled investors after its merger plan went wrong.",
     "The fines came in the spring for the giant and its three banks after its merger plan went wrong."),
    # a clause in the present
    ("The bank expects its profits to rise again this year after the cost of its loans fell in the spring.",
     "The bank saw its profits rise again this year after the cost of its loans fell in the spring."),
]


@pytest.mark.parametrize("stays, splits", _AFTER_PAIRS)
def test_an_after_of_a_time_phrase_a_future_a_negation_or_an_inner_clause_stays(stays, splits):
    assert split_after_clauses(stays) == [stays]
    said = split_after_clauses(splits)
    assert len(said) == 2 and said[1].startswith("This was after ")


def test_a_short_sentence_with_after_stays():
    sentence = "Shares rose after the firm said profits grew."
    assert split_after_clauses(sentence) == [sentence]
