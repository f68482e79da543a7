"""The built-in intro and outro: whatever the show is called, they never say its words twice."""

import re
from datetime import date

import pytest

from briefing.models import Article, Section
from briefing.writing.script import write_script
from briefing.writing.summarize import summarize

SHOW_NAMES = [
    "The Briefing", "Briefing", "Morning Briefings", "Harbor Weekly", "Today", "The News",
    "Welcome Home", "Thanks for Listening", "Briefing News Today", "All for Now",
]
# Words a sentence needs whatever it is about; sharing them is not repeating a name.
FUNCTION_WORDS = {"the", "a", "an", "for", "to", "of", "and", "this", "is", "it", "that's", "you're", "your"}


def _articles() -> list[Article]:
    return [
        Article("Ferry returns to port", "ferry.txt", (Section(None, (
            "The ferry returned to the harbor on Monday after a year away. Crowds cheered on the quay.",)),)),
        Article("Council backs tram line", "tram.txt", (Section(None, (
            "The council voted for a new tram line on Tuesday. It will open in five years.",)),)),
    ]


def _words(text: str) -> list[str]:
    return [w.lower().rstrip("s") for w in re.findall(r"[A-Za-z']+", text) if w.lower() not in FUNCTION_WORDS]


@pytest.mark.parametrize("count", [1, 2])
@pytest.mark.parametrize("show", SHOW_NAMES)
def test_intro_and_outro_never_repeat_the_show_name_or_its_words(show, count):
    digests = [summarize(a, 40) for a in _articles()[:count]]
    script = write_script(digests, show=show, day=date(2026, 11, 25))
    intro, outro = script.segments[0], script.segments[-1]
    assert (intro.kind, outro.kind) == ("intro", "outro")
    for segment in (intro, outro):
        text = segment.text
        assert text.count(show) == 1, text
        rest = _words(text.replace(show, " "))
        for word in _words(show):
            assert word not in rest, f"{show!r}: {text}"
    # And the word itself is said at most once between the two, outside the show's name.
    both = f"{intro.text} {outro.text}".replace(show, " ")
    assert both.lower().count("briefing") <= 1


def test_the_reported_case_is_gone():
    script = write_script([summarize(_articles()[0], 40)], show="The Briefing", day=date(2026, 11, 25))
    intro, outro = script.segments[0].text, script.segments[-1].text
    assert intro.startswith("Welcome to The Briefing,")
    assert "your briefing" not in intro and "That's the briefing" not in outro
    assert outro.endswith("This has been The Briefing. Thanks for listening.")


def test_the_usual_wording_for_a_show_that_shares_none_of_it():
    script = write_script([summarize(_articles()[0], 40)], show="Harbor Weekly", day=date(2026, 11, 25))
    assert script.segments[0].text.startswith("Welcome to Harbor Weekly, your briefing for Wednesday")
    assert script.segments[-1].text == "That's all for today. This has been Harbor Weekly. Thanks for listening."
