"""Telephone numbers, web addresses, roman numerals, abbreviations, scores and ranges."""

import pytest

from briefing.writing.normalize import classify, normalize


@pytest.mark.parametrize("written, spoken", [
    ("call 502-9991", "call five oh two, nine nine nine one"),
    ("(555) 123-4567", "five five five, one two three, four five six seven"),
    ("+44 20 7946 0958", "plus four four, two oh, seven nine four six, oh nine five eight"),
    ("1-800-555-0199", "one, eight oh oh, five five five, oh one nine nine"),
    ("card ending in 8876", "card ending in eight eight seven six"),
    ("call 911 now", "call nine one one now"),
    ("dial 999 at once", "dial nine nine nine at once"),
])
def test_telephone_numbers_are_digits_in_groups(written, spoken):
    assert normalize(written) == spoken


def test_a_range_of_years_or_a_plain_number_is_no_telephone():
    assert normalize("999 calls a day") == "nine hundred and ninety-nine calls a day"
    assert "telephone" not in [t.cls for t in classify("1990-1995")]
    assert "telephone" not in [t.cls for t in classify("5551234")]


@pytest.mark.parametrize("written, spoken", [
    ("see https://www.bbc.co.uk/news/business-1234", "see bbc dot co dot uk"),
    ("at example.com/jobs today", "at example dot com slash jobs today"),
    ("write to press@harbor.org now", "write to press at harbor dot org now"),
    ("follow @BBCBreaking", "follow at B B C Breaking"),
    ("#MeToo", "hashtag Me Too"),
    ("test2.uk", "test two dot uk"),
])
def test_electronic(written, spoken):
    assert normalize(written) == spoken


def test_an_at_sign_between_words_or_a_sentence_end_is_no_address():
    assert normalize("It ended. Then") == "It ended. Then"
    assert "electronic" not in [t.cls for t in classify("meet @ noon")]


@pytest.mark.parametrize("written, spoken", [
    ("Charles III", "Charles the third"),
    ("Pope Benedict XVI", "Pope Benedict the sixteenth"),
    ("Elizabeth I of England", "Elizabeth the first of England"),
    ("World War II", "World War two"),
    ("World War I", "World War one"),
    ("Chapter IV", "Chapter four"),
    ("Rocky II", "Rocky two"),
    ("Super Bowl LVII", "Super Bowl fifty-seven"),
    ("Martin Luther King III", "Martin Luther King the third"),
])
def test_roman_numerals(written, spoken):
    assert normalize(written) == spoken


@pytest.mark.parametrize("text", ["I think so", "May I go", "Vitamin C", "Plan B", "the MIX festival",
                                  "a CD and a DVD", "Yes I did", "Malcolm X",
                                  "John M. Smith", "Charles V. Hale"])
def test_the_pronoun_and_letters_are_no_roman_numerals(text):
    assert "roman" not in [t.cls for t in classify(text)]


@pytest.mark.parametrize("written, spoken", [
    ("Dr. Ada Chen met Gen. Hale", "Doctor Ada Chen met General Hale"),
    ("at St. Paul's on Baker St.", "at Saint Paul's on Baker Street."),
    ("Paris St Germain won", "Paris Saint Germain won"),
    ("on Baker St. Then he left", "on Baker Street. Then he left"),
    ("on Baker St today", "on Baker Street today"),
    ("No. 10 said", "Number ten said"),
    ("No 10 Downing Street", "Number ten Downing Street"),
    ("the #1 seed", "the number one seed"),
    ("the world No1 lost to the world No35", "the world number one lost to the world number thirty-five"),
    ("Gov. Newsom and Sen. Warren", "Governor Newsom and Senator Warren"),
    ("Mt Everest", "Mount Everest"),
    ("apples vs. oranges, e.g. these", "apples versus oranges, for example these"),
    ("Martin Luther King Jr. spoke", "Martin Luther King Junior spoke"),
    ("Jan. and Feb. sales", "January and February sales"),
])
def test_abbreviations(written, spoken):
    assert normalize(written) == spoken


def test_what_is_no_abbreviation_stays():
    # "No" as an answer, "dr" in lower case, a title before a lower-case word, "St" alone.
    assert normalize("No, he said.") == "No, he said."
    assert normalize("Dr. no") == "Dr. no"
    assert normalize("Is it the St?") == "Is it the St?"
    # "No" before a number that is a count, not a rank; "No one" stays.
    assert normalize("No 2,000 people agree") == "No two thousand people agree"
    assert normalize("No one came") == "No one came"


@pytest.mark.parametrize("written, spoken", [
    ("a 3-2 win", "a three two win"),
    ("won 2-0", "won two nil"),
    ("Arsenal beat Chelsea 3-1 on Sunday", "Arsenal beat Chelsea three one on Sunday"),
    ("a 1-1 draw", "a one one draw"),
])
def test_scores(written, spoken):
    assert normalize(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("5-7 people", "five to seven people"),
    ("a 3-2 win and 5-7 people", "a three two win and five to seven people"),
    ("10-20%", "ten to twenty percent"),
    ("$250-$300", "two hundred and fifty dollars to three hundred dollars"),
    ("1980-1986", "nineteen eighty to nineteen eighty-six"),
    ("2-5lb", "two to five pounds"),
    ("2+3", "two plus three"),
])
def test_ranges_are_not_scores_without_a_word_of_sport(written, spoken):
    assert normalize(written) == spoken
