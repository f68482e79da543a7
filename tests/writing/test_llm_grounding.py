"""The grounding rule, both sides: what the sources support passes (paraphrases, numbers written
another way, names shortened), what they do not is caught (an invented number, name, date,
quotation, or a quotation given to the wrong person)."""

from __future__ import annotations

import pytest

from briefing.writing.llm.grounding import Sources, check_turn, numbers

STORY = [
    "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three months to December.",
    "The firm, which is now one of the biggest investors in Google, benefited from higher advert sales.",
    "It lost 464,000 subscribers in the fourth quarter.",
    '"We are very pleased with the results," said chief executive Richard Parsons on Friday.',
    "Its film division saw profits slump 27% to $284m.",
    "Rebels captured Hama after three days of clashes, and President Bashar al-Assad's forces withdrew.",
    '"Hama is ours," proclaimed a fighter.',
]


@pytest.fixture(scope="module")
def story() -> Sources:
    return Sources(STORY, allowed_names=["Hannah", "Joe", "The Briefing"])


@pytest.mark.parametrize("turn", [
    "Joe, profits at TimeWarner rose seventy-six percent to 1.13 billion dollars.",
    "That's 1,130 million dollars, Hannah, or six hundred million pounds.",
    "So the company lost four hundred and sixty-four thousand subscribers?",
    "Hannah, the film side slumped twenty-seven per cent to two hundred and eighty-four million.",
    "Rebels have taken Hama after three days of fighting, and Assad's troops pulled out.",
    "President Assad's forces withdrew from the city.",
    'Richard Parsons said on Friday: "We are very pleased with the results."',
    'A fighter put it simply: "Hama is ours."',
    "Well, it is one of the biggest investors in Google now. Interesting!",
    "Welcome back. Yes, that's right, Joe.",
])
def test_what_the_sources_say_passes(story, turn):
    verdict = check_turn(turn, story)
    assert verdict.grounded, verdict.unsupported


@pytest.mark.parametrize("turn, caught", [
    ("Profits jumped 81% to $1.13bn.", "81%"),
    ("Profits reached one point two billion dollars.", "one point two billion"),
    ("Twelve people were hurt in Hama.", "twelve people"),
    ("They lost 500,000 subscribers.", "500,000 subscribers"),
    ("The results came out in 2019.", "2019"),
    ("Mayor Lee welcomed the results.", "Mayor Lee"),
    ("Analysts at Goldman Sachs were pleased.", "Goldman Sachs"),
    ("The results came out on Tuesday.", "Tuesday"),
    ("It all happened in March.", "March"),
    ('The chief executive said "we crushed it this year".', '"we crushed it this year"'),
    ('"Hama is ours," said President Bashar al-Assad.', '"Hama is ours," (President Bashar)'),
    ('Richard Parsons said "Hama is ours."', '"Hama is ours." (Richard Parsons)'),
])
def test_an_invention_is_caught(story, turn, caught):
    verdict = check_turn(turn, story)
    assert not verdict.grounded
    assert caught in " | ".join(verdict.unsupported), verdict.unsupported


def test_one_number_in_every_written_form():
    values = {value for value, _ in numbers("1.2bn; 1.2 billion; one point two billion; 1,200 million; 1200m")}
    assert values == {1.2e9}
    assert {v for v, _ in numbers("seventy-six per cent, 76%")} == {76}
    assert {v for v, _ in numbers("three hundred and five")} == {305}
    # what stays a different number
    assert {v for v, _ in numbers("1.2 million, 12 billion")} == {1.2e6, 12e9}


def test_hosts_and_show_are_always_allowed(story):
    assert check_turn("Thanks, Joe. This is The Briefing, I'm Hannah.", story).grounded
    assert not check_turn("Thanks, Mike.", story).grounded


def test_a_turn_must_draw_on_the_sentences_it_cites(story):
    cited = [STORY[5]]  # the rebels and Hama
    assert check_turn("The rebels captured the city.", story, cited).grounded
    said = check_turn("This is a story that has been told for centuries.", story, cited)
    assert said.unsupported == ("nothing from the sentences it cites",)
    # a turn that cites nothing is not held to it: a question, a reaction, a hand-over
    assert check_turn("Joe, what happened next?", story).grounded


def test_a_reply_with_a_raw_line_break_in_a_string_is_read():
    from briefing.writing.llm.schema import BadReply, parse_turns, turns_schema

    schema = turns_schema(["Ana", "Ben"])
    turns = parse_turns('{"turns": [{"speaker": "Ana", "text": "Rebels\ttook\nHama.", "sources": [1]}]}', schema)
    assert turns[0].text == "Rebels took Hama." and turns[0].sources == (1,)
    with pytest.raises(BadReply, match="speaker"):
        parse_turns('{"turns": [{"speaker": "Cy", "text": "Hi.", "sources": []}]}', schema)
