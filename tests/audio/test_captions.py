"""Captions from a Timeline: long sentences become several cues that fit a caption card,
timed within their sentence; the JSON transcript keeps a segment per sentence."""

from __future__ import annotations

import json
import re

from briefing.audio.transcripts import srt, transcript_json, webvtt
from briefing.models import Cue, Timeline, TimelineEntry
from helpers import parse_vtt

LONG = ("The harbor ferry will run until midnight from next month, the port authority said on Monday, "
        "after a long debate in which councillors asked whether the night crossings would pay for themselves.")
SHORT = "Fares stay the same."
URL = "Details are at https://alder.example/news/2026/11/harbor-ferry-night-service-timetable today."
QUOTE = 'The mayor said: "Tom & Jerry <b>won</b>."'


def timeline() -> Timeline:
    cues = (Cue(1.0, 11.0, LONG), Cue(11.5, 12.5, SHORT), Cue(13.0, 17.0, URL), Cue(17.5, 20.0, QUOTE))
    return Timeline((TimelineEntry("section", "Ferry", 1.0, 20.0, cues),), 21.0)


def cards(text: str) -> list[list[str]]:
    blocks = [b.splitlines() for b in text.strip().split("\n\n") if "-->" in b]
    return [b[next(i for i, x in enumerate(b) if "-->" in x) + 1:] for b in blocks]


def test_srt_cards_have_at_most_two_lines_of_32_characters():
    text = srt(timeline())
    shown = cards(text)
    assert all(1 <= len(card) <= 2 and all(len(line) <= 32 for line in card) for card in shown)
    assert len(shown) > 4  # the long sentence and the address needed several cards
    numbers = [int(b.splitlines()[0]) for b in text.strip().split("\n\n")]
    assert numbers == list(range(1, len(numbers) + 1))


def test_vtt_lines_stay_under_65_characters_and_text_is_escaped():
    text = webvtt(timeline())
    assert text.startswith("WEBVTT\n")
    assert all(len(line) <= 65 for card in cards(text) for line in card)
    assert "Tom &amp; Jerry &lt;b&gt;won&lt;/b&gt;" in text.replace("\n", " ")


def test_captions_say_every_word_in_order_within_their_sentence():
    for text in (webvtt(timeline()), re.sub(r"(\d\d),(\d{3})", r"\1.\2", srt(timeline()))):
        captions = parse_vtt(text)
        said = " ".join(c[2] for c in captions)
        # Word for word; only an address longer than a line is cut into line-sized pieces.
        assert said.split()[:10] == LONG.split()[:10]
        assert "".join(said.split()) == "".join(" ".join((LONG, SHORT, URL, QUOTE)).split())
        assert all(a[0] < a[1] <= b[0] for a, b in zip(captions, captions[1:]))
        # The long sentence's cues tile its span exactly (end extended by the cue tail).
        first = [c for c in captions if 1.0 <= c[0] < 11.0]
        assert first[0][0] == 1.0 and abs(first[-1][1] - 11.05) < 0.002 and len(first) >= 2


def test_no_card_is_a_lone_word_when_a_sentence_is_slightly_too_long():
    captions = cards(srt(Timeline((TimelineEntry("section", None, 0.0, 5.0, (
        Cue(0.0, 5.0, "Volunteers planted forty apple trees on the old school field on Sunday."),)),), 5.0)))
    assert len(captions) == 2
    sizes = [sum(len(line) for line in card) for card in captions]
    assert min(sizes) >= max(sizes) / 2


def test_json_transcript_keeps_one_segment_per_sentence():
    data = json.loads(transcript_json(timeline(), speaker="Alder Daily"))
    assert [s["body"] for s in data["segments"]] == [LONG, SHORT, URL, QUOTE]
    assert data["segments"][0]["startTime"] == 1.0
