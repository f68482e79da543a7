"""Cardinals, ordinals, decimals and fractions: what changes, and what must stay as written."""

import pytest

from briefing.writing.normalize import classify, normalize


@pytest.mark.parametrize("written, spoken", [
    ("42 boats", "forty-two boats"),
    ("1,400 homes", "one thousand four hundred homes"),
    ("fell to -5 overnight", "fell to minus five overnight"),
    ("code 004", "code zero zero four"),
    ("a 464m audience", "a four hundred and sixty-four million audience"),
    ("25k runners", "twenty-five thousand runners"),
    ("1234567890123456789", "one two three four five six seven eight nine zero one two three four five six seven eight nine"),
    ("123,000,012", "one hundred and twenty-three million and twelve"),
])
def test_cardinals(written, spoken):
    assert normalize(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("the 3rd day", "the third day"),
    ("the 1,000th visitor", "the one thousandth visitor"),
    ("her 21st birthday", "her twenty-first birthday"),
    ("the 11th hour", "the eleventh hour"),
])
def test_ordinals(written, spoken):
    assert normalize(written) == spoken


def test_an_ordinal_suffix_must_fit_its_number():
    # "21th" is no ordinal: the number is said and the letters stay apart, never "twenty-oneth".
    assert [t.cls for t in classify("the 1st")] == ["ordinal"]
    assert "ordinal" not in [t.cls for t in classify("the 21th")]


@pytest.mark.parametrize("written, spoken", [
    ("2.5 miles", "two point five miles"),
    ("it cost 0.75 of that", "it cost zero point seven five of that"),
    (".45 calibre", "point four five calibre"),
    ("1.13bn views", "one point one three billion views"),
    ("Linux 2.6.32", "Linux two point six point thirty-two"),
])
def test_decimals(written, spoken):
    assert normalize(written) == spoken


def test_a_version_or_a_sentence_end_is_no_decimal():
    assert normalize("v.2 is out") == "v.two is out"
    assert normalize("It rose 5. Then it fell.") == "It rose five. Then it fell."


@pytest.mark.parametrize("written, spoken", [
    ("1/4 of voters", "one quarter of voters"),
    ("3/4", "three quarters"),
    ("2/3 of the budget", "two thirds of the budget"),
    ("3 1/2 years", "three and a half years"),
    ("½ a mile", "one half a mile"),
    ("5/8", "five eighths"),
    ("open 24/7", "open twenty-four seven"),
    ("a 50/50 chance", "a fifty fifty chance"),
    ("since 9/11", "since nine eleven"),
])
def test_fractions(written, spoken):
    assert normalize(written) == spoken


def test_a_date_with_slashes_is_no_fraction():
    assert [t.cls for t in classify("on 12/05/2024")] == ["date"]
    assert [t.cls for t in classify("1/4")] == ["fraction"]
