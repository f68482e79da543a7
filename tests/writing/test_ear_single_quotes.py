"""The ear editor reads quotations in single marks ('...' and ‘...’) as it reads double ones;
an apostrophe ("don't", "Guardiola's", "the players' union") is never a quotation mark."""

from __future__ import annotations

import json

import pytest

from briefing.writing.ear import (
    EAR_WORDS, for_the_ear, speaker_first, split_comma_splices, split_joined_sentences, split_lost_full_stops,
    split_quoted_sentences,
)
from conftest import SHARED


# speaker_first


def test_the_speaker_of_a_long_single_quoted_quotation_is_said_first():
    assert speaker_first("'It was great to get that goal to give us that two-goal cushion,' Allen said.") == [
        "Allen said: 'It was great to get that goal to give us that two-goal cushion.'"]
    assert speaker_first("‘I think he’s the future of the club and he will play for years,’ said Parlour.") == [
        "Parlour said: ‘I think he’s the future of the club and he will play for years.’"]
    assert speaker_first("'I've gotten bullied because of it and people stare at me,' Dayna told Daily Mail Online.") \
        == ["Dayna told Daily Mail Online: 'I've gotten bullied because of it and people stare at me.'"]


def test_a_single_quoted_quotation_led_by_its_speaker_or_short_stays():
    for sentence in (
        "Allen said: 'It was great to get that goal to give us that two-goal cushion.'",
        "'Good game,' Allen said.",
        "The players' union said Guardiola's side don't want the deal, the club's owner said.",
    ):
        assert speaker_first(sentence) == [sentence]


def test_double_quotations_are_read_as_before_when_single_marks_are_inside():
    sentence = '"We will not say \'never\' to the plan for the new ring road around the town," said the mayor.'
    assert speaker_first(sentence) == [
        'The mayor said: "We will not say \'never\' to the plan for the new ring road around the town."']


# the splits


def test_a_single_quoted_quotation_of_several_sentences_is_said_as_several():
    assert split_quoted_sentences("He said: 'We have played well all season long. We will win the league in May.'") \
        == ["He said: 'We have played well all season long.'", "'We will win the league in May.'"]
    assert split_comma_splices("He said: 'The shock is not enormous for the club this year, we have seen much "
                               "worse.'") == ["He said: 'The shock is not enormous for the club this year.'", "'We have seen much worse.'"]
    assert for_the_ear(["'The shock is not enormous for the club this year, we have seen much worse,' he said."]) == [
        "He said: 'The shock is not enormous for the club this year.'", "'We have seen much worse.'"]


def test_a_quotation_is_split_only_as_a_quotation_and_an_apostrophe_does_not_open_one():
    # Outside a quotation, apostrophes leave the ", and" split as it was ...
    assert for_the_ear(["The players' union said Guardiola's side don't want the new deal, and the league's "
                        "board agreed with them on Monday."]) == [
        "The players' union said Guardiola's side don't want the new deal.",
        "The league's board agreed with them on Monday."]
    # ... inside a single-quoted quotation, as inside a double-quoted one, the split keeps the
    # quotation's marks whole (`split_inside_quotations`): no apostrophe is taken for a mark.
    for mark in ("'", '"'):
        quoted = (f"The manager said: {mark}The players' union said Guardiola's side don't want the new deal, and the "
                  f"league's board agreed with them on Monday.{mark}")
        assert for_the_ear([quoted]) == [
            f"The manager said: {mark}The players' union said Guardiola's side don't want the new deal.{mark}",
            f"{mark}The league's board agreed with them on Monday.{mark}"]
    # A quotation in mid-sentence stays whole.
    quoted = ("The manager said 'the players' union said Guardiola's side don't want the new deal, and the league's "
              "board agreed' in a letter.")
    assert for_the_ear([quoted]) == [quoted]


def test_sentences_run_together_at_a_closing_single_mark_are_said_apart():
    assert split_joined_sentences("'It wasn't my best game but I got the goal and helped the team.' Newcastle had "
                                  "what looked a strong shout for a penalty.") == [
        "'It wasn't my best game but I got the goal and helped the team.'",
        "Newcastle had what looked a strong shout for a penalty."]
    # A quotation that goes on with its mark opened again, and one left open, are said sentence by sentence.
    assert split_joined_sentences("Mr Hayward said: 'It seemed a bit ludicrous to take a plastic gun away from a "
                                  "boy. 'We were so late by this point I didn't have time to argue.'") == [
        "Mr Hayward said: 'It seemed a bit ludicrous to take a plastic gun away from a boy.'",
        "'We were so late by this point I didn't have time to argue.'"]
    assert split_joined_sentences("Henderson said 'Obviously the last couple of weeks have been disappointing with "
                                  "results. We knew today we needed to put that right.") == [
        "Henderson said 'Obviously the last couple of weeks have been disappointing with results.'",
        "'We knew today we needed to put that right."]
    # Inside a closed quotation the sentences stay together for split_quoted_sentences.
    inside = "He said: 'We have played well all season long. We will win the league in May.'"
    assert split_joined_sentences(inside) == [inside]


def test_a_speaker_run_into_the_next_quotation_ends_the_first_sentence():
    assert split_joined_sentences("'We knew it was an important game for us,' Henderson said 'Obviously the last "
                                  "couple of weeks have been disappointing.'") == [
        "Henderson said: 'We knew it was an important game for us.'",
        "'Obviously the last couple of weeks have been disappointing.'"]
    whole = "'We knew it was an important game for us,' Henderson said after the match at Anfield on Monday night."
    assert split_joined_sentences(whole) == [whole]


def test_a_caption_run_in_after_a_stray_mark_is_cut_but_not_inside_a_closed_quotation():
    run_in = ("Brendan Rodgers is under pressure at Liverpool after a third straight season without a trophy "
              "Liverpool were knocked out of the FA Cup by Aston Villa in a poor semi-final.")
    assert split_lost_full_stops("'" + run_in) == [
        "'Brendan Rodgers is under pressure at Liverpool after a third straight season without a trophy.",
        "Liverpool were knocked out of the FA Cup by Aston Villa in a poor semi-final."]
    quoted = f"He said: '{run_in}'"
    assert split_lost_full_stops(quoted) == [quoted]
    # An opening mark after a word inside a quotation starts it again: the first one was stray.
    assert for_the_ear([f"'{run_in[:-1]} 'The signings have to be right, and if they are it will make a "
                        "massive difference.'"])[0] == (
        "'Brendan Rodgers is under pressure at Liverpool after a third straight season without a trophy.")


def test_every_word_comes_from_its_source_on_real_articles_with_their_marks_joined():
    """The issue's property on CNN/Daily Mail, whose quotations are in single marks, read as the
    reader reads them (split marks joined): the editor adds only EAR_WORDS."""
    path = SHARED / "eval" / "cnndm_dev.jsonl"
    if not path.is_file():
        pytest.skip("../shared/eval/cnndm_dev.jsonl is not present")
    import re

    from briefing.ingest.apostrophes import mend_apostrophes
    from briefing.writing.sentences import split_sentences

    moved = 0
    for line in path.read_text(encoding="utf-8").splitlines()[:40]:
        for sentence in split_sentences(mend_apostrophes(json.loads(line)["article"])):
            out = for_the_ear([sentence])
            added = {t for piece in out for t in re.findall(r"[a-z0-9]+", piece.lower())}
            source = set(re.findall(r"[a-z0-9]+", sentence.lower()))
            assert added - source <= EAR_WORDS, (sentence, out)
            moved += bool(re.match(r"^['‘]", sentence)) and bool(re.search(r"\bsaid: ['‘]", out[0]))
    assert moved >= 5  # single-quoted quotations had their speaker moved first


def test_a_caption_run_into_a_quotation_or_a_name_and_its_verb_is_cut_there():
    from briefing.writing.ear import split_lost_full_stops

    said = split_lost_full_stops("Manchester City have been faltering and lost 4-2 at Manchester United, Liverpool are "
                                 "four points behind 'We knew it was an important game for us,' Henderson said.")
    assert said == ["Manchester City have been faltering and lost 4-2 at Manchester United, Liverpool are four "
                    "points behind.", "'We knew it was an important game for us,' Henderson said."]
    said = split_lost_full_stops("Miralem Pjanic slots home to put Roma ahead in the 25th minute after a clinical "
                                 "counter-attack Pjanic celebrates with his team-mates Juan Iturbe and Daniele de Rossi.")
    assert said[1] == "Pjanic celebrates with his team-mates Juan Iturbe and Daniele de Rossi."


def test_reported_speech_before_a_quotation_stays_whole():
    from briefing.writing.ear import split_lost_full_stops

    sentence = ("Henderson said after the match against Newcastle on Monday night at a windy Anfield 'Obviously the "
                "last couple of weeks have been disappointing for all of us.'")
    assert split_lost_full_stops(sentence) == [sentence]


def test_in_a_run_of_captions_only_a_saying_just_before_the_gap_keeps_it_whole():
    from briefing.writing.ear import split_lost_full_stops

    run = ("The qualifier with Belgium at the national stadium in the capital this summer has been declared a 33,000 "
           "sell-out Gareth Bale fires home a brilliant free-kick during the 3-0 victory over Israel in the group "
           "that took his side to the top of the table on goal difference.")
    assert split_lost_full_stops(run)[0] == ("The qualifier with Belgium at the national stadium in the capital this "
                                             "summer has been declared a 33,000 sell-out.")
    # a sentence of ordinary length: what follows "said" may be its words, and it stays whole
    sentence = ("The club said in a statement to its members on Monday that the match with Belgium this summer was a "
                "sell-out Gareth Bale fires home a free-kick in the second half.")
    assert split_lost_full_stops(sentence) == [sentence]
