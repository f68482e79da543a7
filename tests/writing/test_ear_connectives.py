"""The connective rules of the ear editor (issue 22): a clause joined on by "after", "before" or
", both of which" is said as a sentence of its own where a listener hears it as right, and stays
where the split would change a fact, point a word at the wrong thing or leave a fragment."""

from __future__ import annotations

import re

import pytest

from briefing.writing.ear import (
    EAR_WORDS, for_the_ear, split_after_clauses, split_before_clauses, split_closing_of_which, split_closing_where,
    split_shared_but,
)


def _added(source: str, pieces: list[str]) -> set[str]:
    words = lambda text: set(re.findall(r"[a-z0-9]+", text.lower()))  # noqa: E731
    return {w for piece in pieces for w in words(piece)} - words(source)


# split_after_clauses


def test_a_closing_after_clause_without_a_comma_is_said_as_this_was_after():
    sentence = ("Copper prices climbed to a six-month high in London on Monday after a strike closed the "
                "largest mine in Chile.")
    said = split_after_clauses(sentence)
    assert said == ["Copper prices climbed to a six-month high in London on Monday.",
                    "This was after a strike closed the largest mine in Chile."]
    assert _added(sentence, said) <= EAR_WORDS
    # and the whole editor says it so too
    assert for_the_ear([sentence]) == said


# Each pair: a sentence the rule must leave, and one in the same shape, the guard's word changed,
# that it must split (so the guard, not something else, is what keeps the first whole).
_AFTER_PAIRS = [
    # a time phrase: "two days" would be cut from its "after"; a day named is a moment
    ("The harbour master closed the port to all shipping two days after the storm broke the sea wall.",
     "The harbour master closed the port to all shipping on Monday after the storm broke the sea wall."),
    # what has not happened yet
    ("The chairman said a listing of the club was one option for funding after the club moves to its new stadium.",
     "The chairman said a listing of the club was one option for funding after the club moved to its new stadium."),
    # a negated clause
    ("The city council did not reopen the old bridge to lorries and buses after the engineers finished the repairs.",
     "The city council reopened the old bridge to lorries and buses after the engineers finished the repairs."),
    # the "after" belongs to the clause inside ("that ... misled investors after ...")
    ("The fines came after a long probe into claims that the giant misled investors after its merger plan went wrong.",
     "The fines came in the spring for the giant and its three banks after its merger plan went wrong."),
    # a clause in the present
    ("The bank expects its profits to rise again this year after the cost of its loans fell in the spring.",
     "The bank saw its profits rise again this year after the cost of its loans fell in the spring."),
]


@pytest.mark.parametrize("stays, splits", _AFTER_PAIRS)
def test_an_after_of_a_time_phrase_a_future_a_negation_or_an_inner_clause_stays(stays, splits):
    assert split_after_clauses(stays) == [stays]
    said = split_after_clauses(splits)
    assert len(said) == 2 and said[1].startswith("This was after ")


def test_a_short_sentence_with_after_stays():
    sentence = "Shares rose after the firm said profits grew."
    assert split_after_clauses(sentence) == [sentence]


# split_before_clauses


def test_a_clause_before_a_second_event_is_said_then():
    sentence = ("Maria Lopez gave her side the lead with a header in the ninth minute before Sarah Kent "
                "doubled it from the penalty spot after the break.")
    said = split_before_clauses(sentence)
    assert said == ["Maria Lopez gave her side the lead with a header in the ninth minute.",
                    "Then Sarah Kent doubled it from the penalty spot after the break."]
    assert _added(sentence, said) <= EAR_WORDS
    assert "then" in EAR_WORDS


_BEFORE_PAIRS = [
    # a pronoun after "Then" would point at the first clause's subject
    ("The winger collected the loose ball in midfield and passed it to Grant before his cross struck the far post.",
     "The winger collected the loose ball in midfield and passed it to Grant before the cross struck the far post."),
    # a modal: what the man could do did not happen
    ("The guard stopped the man at the gate of the old factory before the man could reach the second door.",
     "The guard stopped the man at the gate of the old factory before the man reached the second door."),
    # a time phrase
    ("The old mill at the edge of the village closed its doors for the last time shortly before the war in Europe began.",
     "The old mill at the edge of the village closed its doors for the last time in 1939 before the war in Europe began."),
    # negated
    ("The crew did not leave the ship in the harbour of the little town before the captain gave the order.",
     "The crew left the ship in the harbour of the little town before the captain gave the order."),
]


@pytest.mark.parametrize("stays, splits", _BEFORE_PAIRS)
def test_a_before_after_a_pronoun_a_modal_a_time_phrase_or_a_negation_stays(stays, splits):
    assert split_before_clauses(stays) == [stays]
    said = split_before_clauses(splits)
    assert len(said) == 2 and said[1].startswith("Then the ")


def test_a_before_that_is_not_a_second_event_in_turn_stays():
    for sentence in (
        # a noun phrase: "profit before exceptional items"
        "The company said its underlying profit before exceptional items rose by 8% in the last three months.",
        # no two events: a wait
        "It was three long years at the bottom of the league before the club won a single away game again.",
        # no subject of its own
        "Growth across the member countries slowed to 2.9% in the spring before recovering to 3.1% in the autumn.",
    ):
        assert split_before_clauses(sentence) == [sentence], sentence


# split_closing_of_which


def test_a_closing_both_of_which_is_said_with_its_quantifier():
    sentence = ("The falls were caused by a large budget deficit and a wide trade gap, both of which need to be "
                "funded by foreign buyers.")
    said = split_closing_of_which(sentence)
    assert said == ["The falls were caused by a large budget deficit and a wide trade gap.",
                    "Both need to be funded by foreign buyers."]
    said = split_closing_of_which("The carmaker avoided the fate of its two big rivals in Detroit, both of whom lost "
                                  "ground to Japanese firms.")
    assert said[1] == "Both lost ground to Japanese firms."
    said = split_closing_of_which("So far nine versions of the virus are known to exist in the wild, one of which "
                                  "was found inside a game.")
    assert said == ["So far nine versions of the virus are known to exist in the wild.",
                    "One was found inside a game."]


def test_an_of_which_in_mid_sentence_of_a_mass_or_without_its_verb_stays():
    for sentence in (
        # not the sentence's end: the rest would be cut off
        "As well as having two screens, one of which is controlled by touch, the console lets players meet online.",
        # inside a quotation
        'She said: "We have four new shops in the north of the country, two of which opened in May."',
    ):
        assert split_closing_of_which(sentence) == [sentence], sentence
    for stays, splits in (
        # "Some goes to ..." is heard as clumsy; "Some go to ..." is not
        ("The plan needs an average of $950m a year from donors abroad, some of which goes towards job creation.",
         "The plan needs an average of $950m a year from donors abroad, some of which go towards job creation."),
        # no verb after it: a noun phrase
        ("The band played twelve songs at the festival in the park, three of which songs were new to the crowd.",
         "The band played twelve songs at the festival in the park, three of which were new to the crowd."),
    ):
        assert split_closing_of_which(stays) == [stays]
        assert len(split_closing_of_which(splits)) == 2


# split_shared_but


def test_a_but_clause_sharing_a_things_subject_is_said_with_it_and_the_modal_again():
    sentence = "Growth in the region would reach 4.4% this year, but fall to 3.3% next year, the report said."
    said = split_shared_but(sentence)
    assert said == ["Growth in the region would reach 4.4% this year.",
                    "But it would fall to 3.3% next year, the report said."]
    assert _added(sentence, said) <= EAR_WORDS
    said = split_shared_but("The new shopping centre on the edge of the town is to open in May, but will not include "
                            "a cinema.")
    assert said[1] == "But it will not include a cinema."
    said = split_shared_but("Oil prices in London climbed to a four-month high on Monday morning, but fell back "
                            "in the afternoon.")
    assert said[1] == "But they fell back in the afternoon."


def test_a_spokesman_is_said_again_as_the_spokesman():
    sentence = ("A spokesman for the bank refused to comment on the reports, but said any changes would be "
                "announced on Friday.")
    assert split_shared_but(sentence) == [
        "A spokesman for the bank refused to comment on the reports.",
        "But the spokesman said any changes would be announced on Friday."]


def test_a_but_clause_whose_verb_is_not_the_subjects_stays():
    for stays, splits in (
        # a person: "it" cannot be said of them
        ("The young woman from the village won the first race of the day, but fell badly in the second one.",
         "The young horse from the village won the first race of the day, but fell badly in the second one."),
        # a clause inside the first one: the prices were up, not the office
        ("The statistics office of the country found that consumer prices fell 0.6% in January, but were up 1.6%.",
         "The statistics office of the country found a fall of 0.6% in prices in January, but was upbeat about it."),
        # a pronoun inside the first clause: she fails, not the package
        ("The severance package means she keeps her share options, but fails to collect on the bonus plan.",
         "The severance package keeps the share options of the old board, but fails to collect on the bonus plan."),
        # after a modal, a clause of its own, not a verb said with it
        ("The new rules for the banks may be too strict, but the fact is these will be small changes in practice.",
         "The new rules for the banks may be too strict, but remain the best answer to the crisis in practice."),
    ):
        assert split_shared_but(stays) == [stays], stays
        said = split_shared_but(splits)
        assert len(said) == 2 and said[1].startswith(("But it ", "But they ")), (splits, said)
    # and a plural verb is not said of "it"
    sentence = "The smaller of the two firms in the deal is based in Leeds, but were once owned by a bank in York."
    assert split_shared_but(sentence) == [sentence]


# split_closing_where


def test_a_closing_where_after_a_place_or_an_event_is_said_there():
    sentence = "The finance ministers of the union are meeting on Thursday in Brussels, where they will discuss a fuel tax."
    said = split_closing_where(sentence)
    assert said == ["The finance ministers of the union are meeting on Thursday in Brussels.",
                    "There, they will discuss a fuel tax."]
    assert _added(sentence, said) <= EAR_WORDS and "there" in EAR_WORDS
    said = split_closing_where("The film was released a week ahead of the awards ceremony on Sunday, where Ana Costa "
                               "is up against two older actors.")
    assert said[1] == "There, Ana Costa is up against two older actors."


def test_a_where_after_no_place_of_two_places_or_without_a_clause_stays():
    for stays, splits in (
        # not a place: "There" would point at nothing
        ("The new law will be tested in a number of difficult cases, where the judges will have the last word.",
         "The new law will be tested in a number of difficult courts, where the judges will have the last word."),
        # two places: which one is "There"?
        ("The team would rather play at the small stadium in Cardiff than the big one in London, where it lost twice.",
         "The team would rather not play at the big old stadium in the centre of London, where it lost twice."),
        # "There, there are ..." is heard as clumsy
        ("About ten million people from the south now live in the capital city, where there are few new homes.",
         "About ten million people from the south now live in the capital city, where rents are rising fast this year."),
    ):
        assert split_closing_where(stays) == [stays], stays
        assert split_closing_where(splits)[1].startswith("There, "), splits
    sentence = "The firm says it will build the new homes on land it already owns in the city, where possible."
    assert split_closing_where(sentence) == [sentence]
