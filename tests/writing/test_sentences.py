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
