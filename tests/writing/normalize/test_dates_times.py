"""Dates and times in every common written form; a bare number that is no date stays a number."""

import pytest

from briefing.writing.normalize import classify, normalize


@pytest.mark.parametrize("written, spoken", [
    ("on 3 May 2024", "on the third of May twenty twenty-four"),
    ("by May 3, the", "by May third, the"),
    ("the 1st of Dec.", "the first of December"),
    ("Dec. 5", "December fifth"),
    ("JAN. 15 2020", "January fifteenth twenty twenty"),
    ("Jan-15-2020", "January fifteenth twenty twenty"),
    ("in 1999", "in nineteen ninety-nine"),
    ("the 2008 crash", "the two thousand and eight crash"),
    ("in the 1880s", "in the eighteen eighties"),
    ("the '80s", "the eighties"),
    ("the 2000s", "the two thousands"),
    ("2016-11-03", "November third twenty sixteen"),
    ("12/25/2024", "December twenty-fifth twenty twenty-four"),
    ("25/12/2024", "the twenty-fifth of December twenty twenty-four"),
    ("the 2025/26 season", "the twenty twenty-five to twenty-six season"),
    ("in 2020-21", "in twenty twenty to twenty-one"),
    ("since 1998/9", "since nineteen ninety-eight to ninety-nine"),
    ("the 1960s-80s", "the nineteen sixties to eighties"),
    ("mid-1980s", "mid nineteen eighties"),
    ("May 5-7", "May fifth to seventh"),
    ("Dec. 1–3, 2024", "December first to third, twenty twenty-four"),
    ("in 340 AD", "in three forty A D"),
    ("by 500 BC", "by five hundred B C"),
    ("AD 79", "A D seventy-nine"),
    ("on 17 may 2010", "on the seventeenth of May twenty ten"),
    ("growth in 2Q22", "growth in the second quarter of twenty-two"),
])
def test_dates(written, spoken):
    assert normalize(written) == spoken


def test_what_is_no_date_stays():
    # A quantity with a comma, a decimal, a percentage or a lower-case "may" is no date.
    assert normalize("1,999 people") == "one thousand nine hundred and ninety-nine people"
    assert normalize("2024.5") == "two thousand and twenty-four point five"
    assert normalize("2024%") == "two thousand and twenty-four percent"
    assert normalize("you may 5 times") == "you may five times"
    assert "date" not in [t.cls for t in classify("room 1010")]
    assert "date" not in [t.cls for t in classify("Linux 2.6.32")]
    assert [t.cls for t in classify("on 15.01.2020")] == ["date"]


@pytest.mark.parametrize("written, spoken", [
    ("at 10:30pm", "at ten thirty p m"),
    ("1 a.m. ET", "one a m E T"),
    ("0800 GMT", "oh eight hundred G M T"),
    ("by 0030 UTC", "by zero zero thirty U T C"),
    ("the 9:10 sailing", "the nine ten sailing"),
    ("at 7:05 pm.", "at seven oh five p m."),
    ("9:00", "nine o'clock"),
    ("14:05", "fourteen oh five"),
    ("2pm-5pm", "two p m to five p m"),
    ("1:01:01", "one hour one minute and one second"),
    ("1:59 p.m. e.s.t", "one fifty-nine p m E S T"),
    ("1:59 p.m. est", "one fifty-nine p m E S T"),
])
def test_times(written, spoken):
    assert normalize(written) == spoken


def test_what_is_no_time_stays():
    # A ratio over 59, a decimal and a score are not clock times.
    assert "time" not in [t.cls for t in classify("a 10:75 ratio")]
    assert normalize("at 10:30 et al.") == "at ten thirty et al."
    assert normalize("1.59 kg") == "one point five nine kilograms"
