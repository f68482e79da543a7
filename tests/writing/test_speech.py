import pytest

from briefing.writing import speech


@pytest.mark.parametrize(
    "transform, written, spoken",
    [
        (speech.normalize_unicode, "Syria’s “future”", "Syria's \"future\""),
        (speech.unescape_html_entities, "Marks &amp; Spencer &#8211; &quot;up&quot;", "Marks & Spencer – \"up\""),
        (speech.unescape_html_entities, "AT&T and R&D &notanentity", "AT&T and R&D &notanentity"),
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
        (speech.spell_acronyms, "NASA and the EU", "NASA and the E U"),
        (speech.expand_numbers, "it cost 0.75 of that", "it cost zero point seven five of that"),
        (speech.expand_numbers, "42 boats", "forty-two boats"),
        (speech.expand_negative_numbers, "fell to -5 overnight", "fell to minus 5 overnight"),
        (speech.expand_ordinals, "her 21st birthday", "her twenty-first birthday"),
        (speech.expand_years, "the 2008 crash", "the two thousand and eight crash"),
        (speech.expand_years, "1,999 people and 2024.5", "1,999 people and 2024.5"),
        (speech.expand_ranges, "between 2010-2015", "between 2010 to 2015"),
        (speech.expand_ranges, "5-7 people", "5 to 7 people"),
        (speech.expand_ranges, "Covid-19 cases", "Covid-19 cases"),
        (speech.expand_money, "£600m", "600 million pounds"),
        (speech.expand_scale_suffixes, "464m users and 1.5bn views", "464 million users and 1.5 billion views"),
        (speech.expand_symbols, "up 2.5% on the year", "up 2.5 percent on the year"),
        (speech.expand_dates, "on 3 May 2024", "on the third of May 2024"),
        (speech.expand_dates, "by May 3, the", "by May third, the"),
        (speech.expand_dates, "the 1st of Dec.", "the first of December"),
        (speech.expand_dates, "May 2024", "May 2024"),
        (speech.expand_times, "opens at 9am.", "opens at nine a m."),
        (speech.expand_times, "from 10 p.m. on", "from ten p m. on"),
        (speech.expand_units, "a 12 km walk", "a 12 kilometres walk"),
        (speech.expand_units, "at 70mph and 1 kg", "at 70 miles per hour and 1 kilogram"),
        (speech.expand_symbols, "it was -3°C", "it was -3 degrees Celsius"),
        (speech.expand_abbreviations, "Dr. Ada Chen met Gen. Hale", "Doctor Ada Chen met General Hale"),
        (speech.expand_abbreviations, "Mr Smith, e.g. today", "Mister Smith, for example today"),
        (speech.expand_abbreviations, "at St. Paul's on Baker St.", "at Saint Paul's on Baker Street."),
        (speech.expand_abbreviations, "No. 10 said", "Number 10 said"),
        (speech.expand_urls, "see https://www.bbc.co.uk/news/business-1234", "see bbc dot co dot uk"),
        (speech.expand_urls, "at example.com/jobs today", "at example dot com slash jobs today"),
        (speech.expand_emails, "write to press@harbor.org now", "write to press at harbor dot org now"),
        (speech.drop_emoji, "Great news 🎉🚀!", "Great news !"),
        (speech.drop_emoji, "thumbs 👍🏽 up", "thumbs  up"),
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


def test_speakable_reads_a_news_sentence_as_a_presenter_would():
    out = speech.speakable(
        "Dr. Ada Chen said on 3 May 2024 that 5-7 people a day walked 12 km; see harbor.org 🎉."
    )
    assert out == ("Doctor Ada Chen said on the third of May twenty twenty-four that five to seven people a day "
                   "walked twelve kilometres; see harbor dot org.")


def test_an_article_in_another_language_keeps_its_numbers_for_the_voice():
    # gTTS reads "15 %" in French itself; English words would break the sentence.
    french = speech.speakable("Le prix a augmenté de 15 % le 3 mai &amp; Co.", language="fr")
    assert french == "Le prix a augmenté de 15 % le 3 mai & Co."
    assert "fifteen" in speech.speakable("Prices rose 15 times.", language="en")
