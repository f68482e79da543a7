"""Sentence splitting: whole sentences, never a fragment a listener would hear as nonsense."""

import pytest

from briefing.writing.sentences import is_fragment, split_long_sentence, split_sentences, spoken_sentences

# Each paragraph, and the sentences a reader sees in it.
TRICKY = [
    # web addresses and domain names
    ("Read the full report at nytimes.com. The paper stood by it.",
     ["Read the full report at nytimes.com.", "The paper stood by it."]),
    ("For more, visit www.nytimes. com. Or call the newsroom on Monday.",
     ["For more, visit www.nytimes. com.", "Or call the newsroom on Monday."]),
    ("Go to https://www.bbc.co.uk/news/uk-12345 for the list. It is updated daily.",
     ["Go to https://www.bbc.co.uk/news/uk-12345 for the list.", "It is updated daily."]),
    ("It is sold at amazon.co.uk. and in other stores. Prices start at ten pounds.",
     ["It is sold at amazon.co.uk. and in other stores.", "Prices start at ten pounds."]),
    ("Write to jane.doe@example.org with questions. She answers every one.",
     ["Write to jane.doe@example.org with questions.", "She answers every one."]),
    # parentheses
    ("The dog was named Bru (the name, as it happens, rhymes with brew). It won the show.",
     ["The dog was named Bru (the name, as it happens, rhymes with brew).", "It won the show."]),
    ("The drink (it is sold only in Oslo. Nowhere else stocks it) sells well. Its maker is small.",
     ["The drink (it is sold only in Oslo. Nowhere else stocks it) sells well.", "Its maker is small."]),
    ("The vote was 52-48 (see fig. 3 of the report). Turnout was high this year.",
     ["The vote was 52-48 (see fig. 3 of the report).", "Turnout was high this year."]),
    # quotations
    ('"The city has fallen. This is a turning point," said a leader. Then it rained all day.',
     ['"The city has fallen. This is a turning point," said a leader.', "Then it rained all day."]),
    ('He said: "We will win. We will not stop." Then he sat down again.',
     ['He said: "We will win. We will not stop."', "Then he sat down again."]),
    # initials, titles and abbreviations
    ("J. K. Rowling wrote the book. It sold millions of copies.",
     ["J. K. Rowling wrote the book.", "It sold millions of copies."]),
    ("Mr. Smith went to Washington. Dr. Jones stayed at St. Mary's hospital.",
     ["Mr. Smith went to Washington.", "Dr. Jones stayed at St. Mary's hospital."]),
    ("The U.S. economy grew last year. The U.K. economy did not.",
     ["The U.S. economy grew last year.", "The U.K. economy did not."]),
    ("Doors open at 7 p.m. Saturday. Tickets cost ten dollars each.",
     ["Doors open at 7 p.m. Saturday.", "Tickets cost ten dollars each."]),
    ("He was born c. 1900 in Leeds. He died in 1980.",
     ["He was born c. 1900 in Leeds.", "He died in 1980."]),
    ("She earned a Ph.D. from MIT in 2004. Then she taught at Yale.",
     ["She earned a Ph.D. from MIT in 2004.", "Then she taught at Yale."]),
    # decimals and money
    ("Prices rose 2.5 per cent in March. Analysts were surprised by it.",
     ["Prices rose 2.5 per cent in March.", "Analysts were surprised by it."]),
    ("Sales hit $1.13bn in the quarter. Profit was 3.4m euros.",
     ["Sales hit $1.13bn in the quarter.", "Profit was 3.4m euros."]),
    # a brand that opens in lowercase is still a sentence
    ("Apple announced a new phone on Monday. iPhone sales rose by a tenth.",
     ["Apple announced a new phone on Monday.", "iPhone sales rose by a tenth."]),
]


@pytest.mark.parametrize("paragraph, expected", TRICKY, ids=[e[0][:30] for e in TRICKY])
def test_tricky_sentences_are_split_where_a_reader_would(paragraph, expected):
    assert split_sentences(paragraph) == expected


def test_the_fragments_heard_in_real_summaries_are_not_sentences():
    # Both were said on their own in summaries of held-aside news.
    assert is_fragment("com.")
    assert is_fragment("as it happens, rhymes with brew).")
    assert is_fragment("Getty Images.")
    assert not is_fragment("The ferry returned to the harbor on Monday.")
    assert not is_fragment('"No," she replied.')


def test_no_piece_of_a_paragraph_is_a_fragment():
    paragraph = (
        "Shares of Pets.com fell 12.5% on Tuesday (the most since its listing in Feb. 2000). "
        "Its founder, Julie Wainwright, said the fall was \"a blip. Nothing more.\" "
        "Analysts at Goldman Sachs & Co. disagreed. They cut their target to $1.50 a share."
    )
    sentences = split_sentences(paragraph)
    assert " ".join(sentences) == paragraph
    assert not any(is_fragment(s) for s in sentences), sentences
    assert sentences[0].endswith("Feb. 2000).")


def test_an_unclosed_bracket_does_not_swallow_the_paragraph():
    paragraph = "The mayor (who was re-elected spoke first. " + " ".join(
        f"Speaker number {n} talked about the budget for the harbor and the ferry for a while." for n in range(20)
    )
    sentences = split_sentences(paragraph)
    assert len(sentences) > 5
    assert " ".join(sentences) == paragraph


def test_a_long_sentence_is_whole_for_the_summarizer_and_cut_for_the_voice():
    long_sentence = ", ".join(f"the {n}th clause of a very long list of things" for n in range(12)) + "."
    assert split_sentences(long_sentence) == [long_sentence]
    pieces = spoken_sentences(long_sentence)
    assert len(pieces) > 1 and all(len(p.split()) <= 60 for p in pieces)
    assert " ".join(pieces) == long_sentence
    assert split_long_sentence("A short one.") == ["A short one."]


def test_text_without_sentence_ends_comes_in_pieces_even_for_the_summarizer():
    from briefing.writing.sentences import MAX_WHOLE_SENTENCE_WORDS

    run_on = "The " + " ".join(f"harbor{n}, ferry{n} and quay{n}" for n in range(200)) + "."
    pieces = split_sentences(run_on)
    assert len(pieces) > 1 and all(len(p.split()) <= MAX_WHOLE_SENTENCE_WORDS for p in pieces)
    assert " ".join(pieces) == run_on


# Pasted news text: a caption run into the next sentence, a quotation cut at its close, a
# paragraph pysbd reads as one long quotation. Modelled on what the eval sets hold.
RUN_INS = [
    # a caption without a full stop, then the story's sentence
    ("The dog sat still while its owner brushed it with a soft comb The dog then ran off to the park. "
     "It came back an hour later.",
     ["The dog sat still while its owner brushed it with a soft comb", "The dog then ran off to the park.",
      "It came back an hour later."]),
    # a tabloid caption's label run into the text
    ("The club lost the final on penalties. Gutted: the captain left the pitch in tears after the shoot-out "
     "Heartbroken: Fans waited outside the ground until midnight.",
     ["The club lost the final on penalties.",
      "Gutted: the captain left the pitch in tears after the shoot-out",
      "Heartbroken: Fans waited outside the ground until midnight."]),
    # "A" and a number start the sentence a caption ran into
    ("Police searched the flat in the afternoon A 23-year-old man was later arrested in Leeds.",
     ["Police searched the flat in the afternoon", "A 23-year-old man was later arrested in Leeds."]),
    # a quotation cut at its closing quote goes on to who said it
    ("'The gate was locked every night, ' Mr Hale told the court. The trial goes on tomorrow.",
     ["'The gate was locked every night, ' Mr Hale told the court.", "The trial goes on tomorrow."]),
    # a title, a name or a letter that is a capital mid-sentence is not a new sentence
    *[(s, [s]) for s in (
        "The minister told The Times on Monday that the plan would go ahead.",
        "If plan A is rejected the council has a second one ready for the spring.",
        "She has loved the band The Beatles since she was a child in Liverpool.",
        # a quotation of two sentences stays whole, apostrophe or not
        "'We will win. We will not stop,' said the team's captain after the game.",
    )],
]


@pytest.mark.parametrize("paragraph, expected", RUN_INS, ids=[e[0][:30] for e in RUN_INS])
def test_a_caption_run_into_a_sentence_is_cut_off_it_and_a_capital_inside_one_is_not(paragraph, expected):
    assert split_sentences(paragraph) == expected


def test_a_paragraph_read_as_one_long_quotation_is_cut_into_its_sentences():
    # pysbd takes the apostrophe of "the twins ' school" for a quotation that runs on.
    paragraph = (
        "A mother of three has spoken of her anger after a neighbour took the money raised for the twins ' school "
        "trip. The mother, named Carol, told a local radio show that the jar had held more than two hundred "
        "pounds. When Mr. Lane asked the neighbour about the jar, he said he had never seen it in the kitchen. "
        "The police were called that evening. 'Only he knew where it was, ' she said."
    )
    sentences = split_sentences(paragraph)
    assert sentences[0].endswith("school trip.")
    assert sentences[1].startswith("The mother, named Carol")
    assert any(s.startswith("When Mr. Lane asked") for s in sentences)  # not cut after "Mr."
    assert " ".join(sentences) == paragraph


DATELINES = [
    ("LONDON (Reuters) - Shares in the bank fell by a fifth on Monday.", "Shares in the bank fell by a fifth on Monday."),
    ("(CNN) A gray whale swam farther than any mammal on record.", "A gray whale swam farther than any mammal on record."),
    ("(CNN) -- The storm reached the coast at dawn.", "The storm reached the coast at dawn."),
    ("WASHINGTON — The president met the inspectors on Friday.", "The president met the inspectors on Friday."),
    ("DES MOINES, Iowa — Officially, the senator came to campaign.", "Officially, the senator came to campaign."),
    ("MADRID (AP) – The economy will shrink again this year.", "The economy will shrink again this year."),
    ("03/14/2016 AT 09:15 AM EST Like many comedians, she talks about her life.",
     "Like many comedians, she talks about her life."),
    ("By . Daily Mail Reporter . PUBLISHED: 10:41 EST, 2 May 2014 | . UPDATED: 11:02 EST, 2 May 2014 . "
     "A man was jailed for six years.", "A man was jailed for six years."),
    # no dateline: left as it is
    *[(s, s) for s in (
        "NATO - the alliance of thirty countries - met in Brussels.",
        "US-China trade talks — a long story — resumed on Monday.",
        "LONDON is the largest city in Britain.",
        "By then the ferry had left the harbor.",
    )],
]


@pytest.mark.parametrize("sentence, expected", DATELINES, ids=[d[0][:25] for d in DATELINES])
def test_a_dateline_byline_or_time_stamp_is_taken_off_the_sentence(sentence, expected):
    from briefing.writing.sentences import without_dateline

    assert without_dateline(sentence) == expected


CAPTIONS = [
    "Tom Smith (left) argued with the umpire during the second Test.",
    "Here are the top moments from the hearing. (Sarah Jones/The Washington Post)",
    "Fans celebrate the win in the square (Getty Images)",
    "Scroll down for video",
    "Furious: Carol, who lost the money, was furious with her friend.",
    "Jo Hart is a Gazette staff writer.",
    "E-mail: jhart@example.com Twitter: @jhart",
    "The coach wants to build for the future by signing the teenager",  # never ends
    "Sorry we are not currently accepting comments on this article.",
]
SENTENCES = [
    "The hearing continues.",
    "Two people died.",
    '"We will win," he said.',
    "He put the odds at 50/50 (roughly).",
    "The minister said: “We are ready.”",
    "Is this the end?",
]


@pytest.mark.parametrize("sentence", CAPTIONS, ids=[c[:25] for c in CAPTIONS])
def test_captions_credits_and_bylines_are_told_apart(sentence):
    from briefing.writing.sentences import is_caption

    assert is_caption(sentence)


@pytest.mark.parametrize("sentence", SENTENCES, ids=[s[:25] for s in SENTENCES])
def test_short_real_sentences_are_not_captions(sentence):
    from briefing.writing.sentences import is_caption

    assert not is_caption(sentence)
    assert not is_fragment(sentence)


def test_a_quotation_mark_cut_off_alone_goes_back_where_it_belongs():
    from briefing.writing.sentences import _marks_kept

    # a closing mark onto the sentence before it ...
    assert _marks_kept(["She added: 'I love my life.", "'"]) == ["She added: 'I love my life.'"]
    assert _marks_kept(['He said: "We are ready.', '"']) == ['He said: "We are ready."']
    # ... an opening mark onto the sentence after it, when the one before has no quotation open
    assert _marks_kept(['The board said: "We will decide in due course."', '"', 'We do not want him," said Mark.']) == [
        'The board said: "We will decide in due course."', '"We do not want him," said Mark.']
    assert _marks_kept(["The board met.", "“", "We do not want him,” said Mark."]) == [
        "The board met.", "“We do not want him,” said Mark."]


def test_a_sentence_whose_verb_the_word_list_does_not_know_is_a_sentence_after_i_we_they_or_you():
    assert not is_fragment('I usually drink about twelve of these on a "party" night.')
    assert not is_fragment("They often eat fish on Fridays.")
    assert is_fragment("We the people of the town.")  # no verb after the pronoun


def test_a_sentence_never_opens_with_a_mark_a_caption_left():
    from briefing.writing.sentences import split_sentences

    assert split_sentences("The satellites will orbit the earth. : Tokyo researchers have proposed a laser.") == [
        "The satellites will orbit the earth.", "Tokyo researchers have proposed a laser."]
    assert split_sentences(".NET is a framework from Microsoft, and it runs well.") == [
        ".NET is a framework from Microsoft, and it runs well."]  # a name that opens with a full stop stays
