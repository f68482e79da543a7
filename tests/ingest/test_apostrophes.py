"""Apostrophes and single quotation marks a tokenizer split off are joined again when an
article is read; every other apostrophe and mark is left exactly as it was."""

from __future__ import annotations

import json

import pytest

from briefing.ingest import read_articles
from briefing.ingest.apostrophes import mend_apostrophes
from conftest import SHARED


@pytest.mark.parametrize("split, joined", [
    ("the start of tomorrow ' s instalment", "the start of tomorrow's instalment"),
    ("the twenty-three-year-old ' s fitness record", "the twenty-three-year-old's fitness record"),
    ("the man ’ s fingers", "the man’s fingers"),
    ("Virginia 's James River", "Virginia's James River"),
    ("2003 ' s record", "2003's record"),
    ("I can ' t say and he didn ' t either", "I can't say and he didn't either"),
    ("that doesn ’ t prevent it", "that doesn’t prevent it"),
    ("they did n't know", "they didn't know"),
    ("we ' re here and I ' m glad and they ' ve gone, we ' ll see, I ' d say",
     "we're here and I'm glad and they've gone, we'll see, I'd say"),
])
def test_a_split_contraction_or_possessive_goes_back_on_its_word(split, joined):
    assert mend_apostrophes(split) == joined


@pytest.mark.parametrize("split, joined", [
    ("' We knew it was an important game for us, ' Henderson said.",
     "'We knew it was an important game for us,' Henderson said."),
    ("'It wasn't my best game. It was important after the defeats. ' Newcastle had a shout.",
     "'It wasn't my best game. It was important after the defeats.' Newcastle had a shout."),
    ("He admitted it was a spot-kick. ' I did get a good view of it, ' he said.",
     "He admitted it was a spot-kick. 'I did get a good view of it,' he said."),
    ("someone would have said: ‘ Mind that locker, Stokesey. ’ It was here",
     "someone would have said: ‘Mind that locker, Stokesey.’ It was here"),
    ("'We must be careful ', Angelici told TYC Sports.", "'We must be careful', Angelici told TYC Sports."),
    ("Gordon was ' a little black puppet on a string '. In a statement",
     "Gordon was 'a little black puppet on a string'. In a statement"),
    ("learned that 'no ' means 'yes ' if you know", "learned that 'no' means 'yes' if you know"),
])
def test_a_quotation_mark_with_a_space_inside_is_closed_up(split, joined):
    assert mend_apostrophes(split) == joined


@pytest.mark.parametrize("split, joined", [
    ("the players ' club", "the players' club"),
    ("featured on the 49ers ' first possession", "featured on the 49ers' first possession"),
    ("Wales ' Euro 2016 qualifier is a sell-out", "Wales' Euro 2016 qualifier is a sell-out"),
])
def test_a_lone_mark_after_a_plural_is_its_possessive(split, joined):
    assert mend_apostrophes(split) == joined


@pytest.mark.parametrize("text", [
    "I don't think Guardiola's side will let the players' union decide.",
    "'We knew it was important,' Henderson said. 'It was great.'",
    "‘Mind that locker,’ he said, and the ’90s came back.",
    "He won the 'best' award in the 1990s and rock 'n' roll.",
    "Plain text with no mark at all, said the minister.",
    # Ambiguous: an opening mark, or the plural's possessive with a quotation closing later.
    "He calls ' fake news' a lie.",
    # A measure, not "I'm".
    "The wall is 5 ' m high.",
])
def test_apostrophes_and_marks_that_are_not_split_stay_as_they_are(text):
    assert mend_apostrophes(text) == text


def _paragraphs(article) -> list[str]:
    return [p for section in article.sections for p in section.paragraphs]


def test_a_plain_text_and_a_web_page_are_read_with_their_marks_joined(tmp_path):
    body = ("' We knew it was an important game for us, ' Henderson said. It is quite a jump to the start "
            "of tomorrow ' s instalment, and the players ' club didn ' t mind.")
    joined = ("'We knew it was an important game for us,' Henderson said. It is quite a jump to the start "
              "of tomorrow's instalment, and the players' club didn't mind.")
    text = tmp_path / "story.txt"
    text.write_text(f"Liverpool Win Again\n\n{body}\n\nThe club's fans don't mind.\n", encoding="utf-8")
    assert _paragraphs(read_articles(str(text))[0]) == [joined, "The club's fans don't mind."]
    page = tmp_path / "story.html"
    page.write_text(f"<html><head><title>Liverpool Win Again</title></head><body><article><h1>Liverpool Win Again"
                    f"</h1><p>{body}</p><p>The club's fans don't mind that Guardiola's side won the players' vote "
                    f"on Monday night.</p></article></body></html>", encoding="utf-8")
    paragraphs = _paragraphs(read_articles(str(page))[0])
    assert joined in paragraphs
    assert "The club's fans don't mind that Guardiola's side won the players' vote on Monday night." in paragraphs


def test_on_real_articles_split_endings_are_joined_and_only_spaces_go():
    """CNN/Daily Mail's tokenized text: no "' s" is left, and the repair removes spaces only."""
    path = SHARED / "eval" / "cnndm_dev.jsonl"
    if not path.is_file():
        pytest.skip("../shared/eval/cnndm_dev.jsonl is not present")
    import re

    mended = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)["article"]
        out = mend_apostrophes(article)
        assert out.replace(" ", "") == article.replace(" ", "")
        assert not re.search(r"\w ['’] ?s\b(?![\w-])", out)  # "tomorrow ' s" is never left
        mended += out != article
    assert mended >= 20


def test_any_text_loses_nothing_but_spaces():
    """On any mix of words, spaces, marks and punctuation the repair only removes spaces, and
    the ear editor reads the result without failing."""
    from hypothesis import given, settings, strategies as st

    from briefing.writing.ear import for_the_ear

    pieces = st.sampled_from(["'", "‘", "’", " ", " ' ", "s", "t", "We", "the", "players", ".", ",", ":", "n't",
                              "Allen said", "don't", "'90s", "said", "\""])

    @settings(max_examples=300, deadline=None)
    @given(st.lists(pieces, max_size=40))
    def check(parts):
        text = "".join(parts)
        out = mend_apostrophes(text)
        assert out.replace(" ", "") == text.replace(" ", "")
        for_the_ear([out])

    check()
