"""Words of letters and digits, and words in capitals: spelled only when they are acronyms."""

import pytest

from briefing.writing.normalize import normalize
from briefing.writing.normalize.letters import pronounceable


@pytest.mark.parametrize("written, spoken", [
    ("CO2 emissions", "C O two emissions"),
    ("H2O", "H two O"),
    ("the G7 summit", "the G seven summit"),
    ("COVID-19 cases", "COVID nineteen cases"),
    ("5G masts", "five G masts"),
    ("an F-35 jet", "an F thirty-five jet"),
    ("a Boeing 747", "a Boeing seven forty-seven"),
    ("the 737 Max", "the seven thirty-seven Max"),
    ("the 777-200LR and the 747-8", "the seven seventy-seven two hundred L R and the seven forty-seven eight"),
    ("pages 717-730", "pages seven hundred and seventeen to seven hundred and thirty"),
    ("4K video", "four K video"),
    ("1080p", "ten eighty P"),
    ("a PS4", "a P S four"),
    ("MH17", "M H seventeen"),
    ("an A320", "an A three twenty"),
    ("a 5-year-old", "a five-year-old"),
    ("ABC13", "A B C thirteen"),
    ("the 49ers and the 76ers", "the forty-niners and the seventy-sixers"),
    ("a 401(k) plan", "a four oh one K plan"),
])
def test_letters_and_digits(written, spoken):
    assert normalize(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("By EARYEL BOWLEG", "By Earyel Bowleg"),
    ("HOPE AND LOSS", "Hope And Loss"),
    ("LOS ANGELES", "Los Angeles"),
    ("SEOUL, Dec", "Seoul, Dec"),
    ("WORLD NEWS TONIGHT", "World News Tonight"),
    ("FBI RAIDS HOME", "F B I Raids Home"),
    ("A HIGH-powered team", "A High-powered team"),
    ("'WANTED!' it said", "'Wanted!' it said"),
    ("IT was said that", "It was said that"),
    ("TOM ELLIOTT IT'S nice to think", "Tom Elliott It's nice to think"),
    ("MALCOLM Fraser, an effective prime minister", "Malcolm Fraser, an effective prime minister"),
    ("the BBC'S report", "the B B C's report"),
    ("AS Opposition Leader Bill Shorten said", "As Opposition Leader Bill Shorten said"),
])
def test_words_in_capitals_are_read_as_words(written, spoken):
    assert normalize(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("the BBC and NATO", "the B B C and NATO"),
    ("the U.S. said", "the U S said"),
    ("the US and the UK", "the U S and the U K"),
    ("IT staff and the WHO", "I T staff and the W H O"),
    ("the IT budget was cut", "the I T budget was cut"),
    ("HTS fighters", "H T S fighters"),
    ("the BBC, HTS and the UN", "the B B C, H T S and the U N"),
    ("three NGOs", "three N G O's"),
    ("the OECD", "the O E C D"),
    ("NASA and UNESCO", "NASA and UNESCO"),
    ("the FTSE 100", "the Footsie one hundred"),
    ("AT&T and R&D", "A T and T and R and D"),
    ("AT & T and Q & A", "A T and T and Q and A"),
    ("non-EU states", "non-E U states"),
])
def test_acronyms_are_spelled_unless_said_as_words(written, spoken):
    assert normalize(written) == spoken


def test_ordinary_words_stay_as_written():
    text = "I think Who said it, in May, to Hama."
    assert normalize(text) == text


@pytest.mark.parametrize("word, said_as_word", [
    ("SEOUL", True), ("BOWLEG", True), ("MALCOLM", True), ("ELLIOTT", True), ("HOPE", True), ("STRONG", True), ("RIGS", True), ("BANKS", True),
    ("HMRC", False), ("OECD", False), ("AARP", False), ("NHS", False), ("UNHCR", False), ("PSVR", False),
])
def test_which_capitals_can_be_said(word, said_as_word):
    assert pronounceable(word) is said_as_word
