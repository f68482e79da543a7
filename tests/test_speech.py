import pytest

from briefing import speech


@pytest.mark.parametrize(
    "transform, written, spoken",
    [
        (speech.normalize_unicode, "Syria’s “future”", "Syria's \"future\""),
        (speech.drop_parenthesized_acronym, "Hayat Tahrir al-Sham (HTS), the group", "Hayat Tahrir al-Sham, the group"),
        (speech.drop_parenthesized_acronym, "the vote (held on Monday)", "the vote (held on Monday)"),
        (speech.dashes_to_pauses, "Stay tuned—this is a story", "Stay tuned, this is a story"),
        (speech.expand_money, "$6.8 million", "6.8 million dollars"),
        (speech.expand_money, "$1.13bn", "1.13 billion dollars"),
        (speech.expand_money, "$2.50 a trip", "2 dollars and 50 cents a trip"),
        (speech.expand_money, "£1", "1 pound"),
        (speech.expand_symbols, "60% of R&D", "60 percent of R and D"),
        (speech.expand_times, "the 9:10 sailing", "the nine ten sailing"),
        (speech.expand_times, "at 7:05 pm.", "at seven oh five p m."),
        (speech.expand_ordinals, "the 3rd day", "the third day"),
        (speech.expand_years, "in 1999 and 2024", "in nineteen ninety-nine and twenty twenty-four"),
        (speech.expand_numbers, "1,400 homes", "one thousand four hundred homes"),
        (speech.expand_numbers, "2.5 miles", "two point five miles"),
        (speech.spell_acronyms, "the BBC and NATO", "the B B C and NATO"),
        (speech.spell_acronyms, "the U.S. said", "the U S said"),
    ],
)
def test_each_transformation(transform, written, spoken):
    assert transform(written) == spoken


def test_speakable_leaves_no_digits_or_symbols():
    out = speech.speakable("On 3rd May 2024, 45% of the $1.2bn (HTS) fund—about 1,500 people—left at 9:30.")
    assert not any(ch.isdigit() for ch in out)
    assert "%" not in out and "$" not in out and "—" not in out
    assert "forty-five percent" in out
    assert "one point two billion dollars" in out
