"""Money and measures: the unit said after the amount, cents kept, nothing glued to a word."""

import pytest

from briefing.writing.normalize import classify, normalize


@pytest.mark.parametrize("written, spoken", [
    ("$20.5", "twenty dollars and fifty cents"),
    ("$2.50 a trip", "two dollars and fifty cents a trip"),
    ("$1.13bn", "one point one three billion dollars"),
    ("US$171 million", "one hundred and seventy-one million U S dollars"),
    ("A$5bn", "five billion Australian dollars"),
    ("HK$3.2 billion", "three point two billion Hong Kong dollars"),
    ("C$20", "twenty Canadian dollars"),
    ("€50", "fifty euros"),
    ("£600m", "six hundred million pounds"),
    ("£1.20", "one pound and twenty pence"),
    ("¥30 billion", "thirty billion yen"),
    ("₹500", "five hundred rupees"),
    ("$0.02", "two cents"),
    ("$1", "one dollar"),
    ("50p", "fifty pence"),
    ("100p", "one hundred pence"),
    ("USD 40", "forty U S dollars"),
    ("$20.506", "twenty point five zero six dollars"),
])
def test_money(written, spoken):
    assert normalize(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    # An amount before its noun is its adjective: the unit is singular, as people say it.
    ("a £400,000 flat", "a four hundred thousand pound flat"),
    ("an $80m loss", "an eighty million dollar loss"),
    ("its £5bn debts", "its five billion pound debts"),
    ("a 5kg bag", "a five kilogram bag"),
    ("a £6.4bn rise", "a six point four billion pound rise"),
    ("the £6 plastic gadget", "the six pound plastic gadget"),
    # An amount of its own keeps its plural: after a verb, before a function word or a participle,
    # at the end, or with cents.
    ("it cost $300m last year", "it cost three hundred million dollars last year"),
    ("a $5 a month fee", "a five dollars a month fee"),
    ("its $300m was spent", "its three hundred million dollars was spent"),
    ("the deal was worth a $300m.", "the deal was worth a three hundred million dollars."),
    ("a $5.50 fee", "a five dollars and fifty cents fee"),
    ("the £100m analysts had expected", "the one hundred million pounds analysts had expected"),
    ("the £5.1bn seen in December", "the five point one billion pounds seen in December"),
])
def test_an_amount_before_its_noun_is_said_in_the_singular(written, spoken):
    assert normalize(written) == spoken


def test_what_is_not_money_stays():
    # Lower-case "usd" is a word, "1080p" a video resolution, "$" alone a symbol.
    assert "money" not in [t.cls for t in classify("usd 40")]
    assert "money" not in [t.cls for t in classify("1080p")]
    assert "money" not in [t.cls for t in classify("720p")]
    assert normalize("costs in $ terms") == "costs in $ terms"
    assert normalize("$20 T-shirts") == "twenty dollars T-shirts"


@pytest.mark.parametrize("written, spoken", [
    ("a 12 km walk", "a twelve kilometre walk"),
    ("at 70mph", "at seventy miles per hour"),
    ("1 kg", "one kilogram"),
    ("12kg/kg", "twelve kilograms per kilogram"),
    ("90 km/h", "ninety kilometres per hour"),
    ("it was -3°C", "it was minus three degrees Celsius"),
    ("40C heat", "forty degrees Celsius heat"),
    ("1°C", "one degree Celsius"),
    ("68%of", "sixty-eight percent of"),
    ("64GB", "sixty-four gigabytes"),
    ("a 7.2-mm bullet", "a seven point two millimetre bullet"),
    ("4 1/2 lbs", "four and a half pounds"),
    ("a 100 m sprint", "a one hundred metre sprint"),
    ("25bp", "twenty-five basis points"),
    ("he is 6ft 2in tall", "he is six feet two inches tall"),
])
def test_measures(written, spoken):
    assert normalize(written) == spoken


def test_what_is_not_a_measure_stays():
    # "5G" is the network, "464m" millions, "in" a word, "C" after a big number no temperature.
    assert normalize("5G masts") == "five G masts"
    assert normalize("464m users") == "four hundred and sixty-four million users"
    assert normalize("5 in 10") == "five in ten"
    assert "measure" not in [t.cls for t in classify("the 4000C series")]
