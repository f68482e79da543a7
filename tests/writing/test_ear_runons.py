"""Run-ons for the ear (issue 22): captions and lost full stops in mid-sentence, clauses joined
without a comma, are cut where a listener hears a new sentence; what reads as one sentence
(a title, a name, a phrase without its clause) stays whole."""

from __future__ import annotations

from briefing.writing.ear import (
    for_the_ear, split_and_clauses, split_caption_openers, split_captions_before_quotations, split_joined_sentences,
    split_lost_text, split_quantified_relatives, split_score_lines,
)
from briefing.writing.ear.tails import split_adverbial_tails


# split_caption_openers


def test_a_caption_run_into_a_sentence_is_cut_before_the_common_word_that_opens_it():
    assert split_caption_openers(
        "Four former national coaches have publicly supported the chairman's plan Only 12 of the 90 players "
        "named in the weekend's line-ups were eligible for the national side.") == [
        "Four former national coaches have publicly supported the chairman's plan.",
        "Only 12 of the 90 players named in the weekend's line-ups were eligible for the national side."]
    assert split_caption_openers(
        "The storm appeared to get the better of the mayor's umbrella on the steps of the town hall Away from "
        "the weather, the council voted to rebuild the harbour wall before the winter.") == [
        "The storm appeared to get the better of the mayor's umbrella on the steps of the town hall.",
        "Away from the weather, the council voted to rebuild the harbour wall before the winter."]
    assert split_caption_openers(
        "Two people were hurt when a lorry overturned on the coast road near Saltmarsh Four others have been "
        "taken to the county hospital with minor injuries.") == [
        "Two people were hurt when a lorry overturned on the coast road near Saltmarsh.",
        "Four others have been taken to the county hospital with minor injuries."]


def test_a_title_a_phrase_without_its_clause_or_a_short_sentence_stays_whole():
    for sentence in (
        # a title made of capitals
        "The film festival gave its prizes to Really Bend It Like Beckham and three documentaries about the "
        "sea, and the jury praised every one of them.",
        "The broadcaster said it would show every episode of Only Fools and Horses again over the long "
        "summer holiday this year.",
        # a capitalized phrase opener with no comma and clause after it: one sentence, wrongly capitalized
        "The keeper places his hand into the tank and gently cups the small fish with his fingers Before "
        "letting it swim away into the weeds again.",
        # after a function word or reported speech, the capital goes on the sentence
        "Officials at the port said Only a few of the containers had been checked before the ship left "
        "for the north.",
        # short: not a run of captions
        "The team won easily Only two players scored.",
    ):
        assert split_caption_openers(sentence) == [sentence]


def test_the_editor_cuts_the_caption_run_and_keeps_every_word():
    sentence = ("Four former national coaches have publicly supported the chairman's plan Only 12 of the 90 players "
                "named in the weekend's line-ups were eligible for the national side.")
    pieces = for_the_ear([sentence])
    assert len(pieces) == 2
    assert " ".join(pieces).replace(".", "").split() == sentence.replace(".", "").split()


# split_joined_sentences: a full stop after a quotation's closing mark


def test_a_full_stop_after_a_closing_quotation_mark_ends_the_sentence():
    assert split_joined_sentences(
        "The agency, which rates how likely borrowers are to repay, lifted the city's rating by one notch to 'AA-'. "
        "With its debts now seen as safer, more cash is expected to flow into its bonds.") == [
        "The agency, which rates how likely borrowers are to repay, lifted the city's rating by one notch to 'AA-'.",
        "With its debts now seen as safer, more cash is expected to flow into its bonds."]
    assert split_joined_sentences(
        'The chairman told shareholders the company would have to become more "business-like". '
        "Investors have waited three years for a dividend from the group.") == [
        'The chairman told shareholders the company would have to become more "business-like".',
        "Investors have waited three years for a dividend from the group."]


def test_after_a_closing_mark_a_fragment_or_a_quotation_going_on_stays():
    for sentence in (
        # what follows has no verb: not a sentence of its own
        "The agency, which rates how likely borrowers are to repay, lifted the city's rating to 'AA-'. Not so "
        "for the county.",
        # the full stop is inside the quotation ('...'.'), which goes on as one
        "The agency, which rates how likely borrowers are to repay, said the city's rating of 'AA-' was safe for now.",
        # inside a longer quotation: its sentences are parted with their marks by split_quoted_sentences
        "\"The regulator should not sit on its hands and 'wait and see'. It should act this week,\" the head of the "
        "insurers' group said.",
    ):
        assert split_joined_sentences(sentence) == [sentence]


# split_lost_text


def test_a_full_stop_before_a_word_in_lower_case_is_said_as_two_sentences_keeping_every_word():
    sentence = ("Lately, the Chicago-based singer has started writing one very painful, private memory into her "
                "act. on Tuesday to talk about a long illness in her family, sharing letters from her mother and "
                "explaining why she has chosen to sing about it.")
    assert split_lost_text(sentence) == [
        "Lately, the Chicago-based singer has started writing one very painful, private memory into her act.",
        "On Tuesday to talk about a long illness in her family, sharing letters from her mother and explaining "
        "why she has chosen to sing about it."]
    assert for_the_ear([sentence])[0].endswith("into her act.")


def test_an_abbreviation_a_short_slip_or_a_short_sentence_stays_whole():
    for sentence in (
        # an abbreviation's full stop goes on the sentence
        "The shop sells portable radios, cassette players, headphones, batteries etc. and most of them are "
        "sold to tourists who come in the summer months.",
        # a slip of one or two words is not a piece of its own
        "Sales of the company's cars rose by a tenth in the first half of the year, the best since 2001. rose "
        "again.",
        # short: not a run
        "She worked it into her routine. on Monday she spoke.",
    ):
        assert split_lost_text(sentence) == [sentence]


# split_and_clauses


def test_a_second_clause_after_a_bare_and_with_its_own_subject_is_its_own_sentence():
    assert split_and_clauses(
        "It was here, of course, that the striker hurt his ankle kicking a post after being sent off last season "
        "and that will be a reminder to him of the need to keep his temper now he is back in the side.") == [
        "It was here, of course, that the striker hurt his ankle kicking a post after being sent off last season.",
        "That will be a reminder to him of the need to keep his temper now he is back in the side."]
    assert split_and_clauses(
        "The coach took him to one side after his row with the referee in the second half and had a long talk "
        "with him and if it was to tell him how to behave then the advice he gave was clearly right.") == [
        "The coach took him to one side after his row with the referee in the second half and had a long talk "
        "with him.",
        "If it was to tell him how to behave then the advice he gave was clearly right."]


def test_a_second_that_clause_reported_speech_or_a_short_sentence_stays_whole():
    for sentence in (
        # "that" opens a second clause of what was said, with its own subject: no modal after it
        "The oil company claims that the rights of its many small shareholders have been ignored for years and "
        "that it has been punished for the political ambitions of its founder.",
        # after a saying, the second clause may be what was said
        "The minister said that the cost of the new bridge over the river had doubled since the spring and that "
        "would mean higher tolls for drivers.",
        # short: one breath
        "He broke his wrist last year and that will be a reminder.",
    ):
        assert split_and_clauses(sentence) == [sentence]


# split_captions_before_quotations


def test_a_caption_run_into_a_quotation_is_cut_and_the_quotation_said_speaker_first():
    assert split_captions_before_quotations(
        "A woman walks along a sandbank that appeared overnight off the shore of the bay near Whitby, Yorkshire "
        "'A survey from the air shows the bank was made by a landslide under the sea,' coastal scientist Ann "
        "Marsh told the local paper.") == [
        "A woman walks along a sandbank that appeared overnight off the shore of the bay near Whitby, Yorkshire.",
        "Coastal scientist Ann Marsh told the local paper: 'A survey from the air shows the bank was made by a "
        "landslide under the sea.'"]


def test_a_quotation_inside_its_sentence_or_without_a_speaker_after_it_stays():
    for sentence in (
        # the quotation is the object of its sentence's verb, after a word in lower case
        "The committee, which met for six hours on Tuesday, described the plan for the new runway as 'a "
        "disgrace to the county', the chairman said.",
        # after the name, a quotation that is a title, with no speaker after it
        "The festival opened with a new print of a film made in Paris 'The Long Night in the City' and closed "
        "with a concert given by the town's brass band.",
    ):
        assert split_captions_before_quotations(sentence) == [sentence]


# split_quantified_relatives


def test_a_closing_both_of_which_clause_is_said_with_they_both():
    assert split_quantified_relatives(
        "The recent fall in the pound has partly been the result of a large trade deficit, as well as the "
        "government's growing debts, both of which need to be paid for by selling bonds to foreign banks.") == [
        "The recent fall in the pound has partly been the result of a large trade deficit, as well as the "
        "government's growing debts.",
        "They both need to be paid for by selling bonds to foreign banks."]


def test_a_singular_verb_an_inner_clause_or_many_of_which_stays():
    for sentence in (
        # "They all is" would be wrong
        "The charity raised more than two million pounds at its summer fair in the park last weekend, all of "
        "which is going to the children's hospital.",
        # the clause is inside its sentence: its main verb comes after
        "The country's bishops, all of whom are accused of hiding the abuse for decades, must realize that the "
        "priest is more popular than they are.",
        # "Many have ..." would be heard as many people
        "The new search software will have to compare well with programs from a large number of rivals, many "
        "of which have loyal users.",
    ):
        assert split_quantified_relatives(sentence) == [sentence]


# split_adverbial_tails: a hedged reason


def test_a_hedged_closing_reason_is_said_with_this_is_and_keeps_its_hedge():
    assert split_adverbial_tails(
        "Large towns, such as Leeds and Bristol, have had particular problems with late trains and crowded "
        "carriages on the main line, to a certain degree because so many commuters moved out of London.") == [
        "Large towns, such as Leeds and Bristol, have had particular problems with late trains and crowded "
        "carriages on the main line.",
        "This is to a certain degree because so many commuters moved out of London."]
    assert split_adverbial_tails(
        "The bakery's shares are down 20% since the takeover two months ago, partly because of the losses at the "
        "shops it is buying.")[1] == \
        "This is partly because of the losses at the shops it is buying."


def test_a_hedged_reason_after_a_saying_stays_the_speakers():
    sentence = ("The administrator told the local paper that the cost of keeping the mill open would be too high, "
                "partly because of the debts left by its three former owners.")
    assert split_adverbial_tails(sentence) == [sentence]


# split_score_lines


def test_football_results_run_into_a_sentence_are_cut_from_it():
    assert split_score_lines(
        "The referee from Yorkshire sent off the home side's captain in the cup tie last month Rovers 2-1 "
        "United City 0-0 Rovers Athletic 3-2 City Town 1-1 Wanderers.") == [
        "The referee from Yorkshire sent off the home side's captain in the cup tie last month.",
        "Rovers 2-1 United City 0-0 Rovers Athletic 3-2 City Town 1-1 Wanderers."]


def test_a_single_score_in_its_sentence_stays():
    for sentence in (
        "The excitement of a 6-1 win against Porto on Tuesday night appeared to get the better of the manager, "
        "who tore his trousers on the touchline.",
        "The champions were held at home on Saturday by a side who beat Rovers 2-1 in the cup only a week "
        "before the game.",
    ):
        assert split_score_lines(sentence) == [sentence]


def test_an_ellipsis_before_a_pronoun_and_its_verb_ends_a_sentence_but_not_a_phrase():
    assert split_lost_text(
        "The people who mix these drinks need to grow up and stop acting like little kids at a birthday party "
        "before it is too late... they mix them for attention and for some edge they think they get from it.") == [
        "The people who mix these drinks need to grow up and stop acting like little kids at a birthday party "
        "before it is too late...",
        "They mix them for attention and for some edge they think they get from it."]
    sentence = ("In order to keep the audiences for the games growing and growing... we need to work closely with "
                "the people who make the cameras, the head of sport said.")
    assert split_lost_text(sentence) == [sentence]
