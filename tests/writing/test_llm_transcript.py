"""The episode's JSON transcript says which sentences a language model's story holds: each one's
origin ("model" or "extract") and the source sentences it cites; nothing else changes."""

from __future__ import annotations

import json
from datetime import date

from briefing.audio.transcripts import transcript_json
from briefing.models import Cue, Script, Segment, Timeline, TimelineEntry


def _episode(origin: str | None):
    segments = (Segment("intro", "Introduction", ("Welcome.",), "Ana"),
                Segment("section", "Ferry", ("It sailed.", "With 212 people."), "Ben", origin, (1, 2) if origin else ()))
    timeline = Timeline((TimelineEntry("intro", "Introduction", 0.0, 1.0, (Cue(0.0, 1.0, "Welcome.", "Ana"),), "Ana"),
                         TimelineEntry("section", "Ferry", 1.5, 4.0, (Cue(1.5, 2.5, "It sailed.", "Ben"),
                                                                      Cue(2.8, 4.0, "With 212 people.", "Ben")), "Ben")),
                        4.5)
    return Script("Ferry", "Show", date(2026, 11, 25), segments), timeline


def test_the_transcript_marks_the_models_sentences():
    script, timeline = _episode("model")
    segments = json.loads(transcript_json(timeline, script=script))["segments"]
    assert "origin" not in segments[0]
    assert [(s["origin"], s["cites"]) for s in segments[1:]] == [("model", [1, 2]), ("model", [1, 2])]
    assert [s["body"] for s in segments] == ["Welcome.", "It sailed.", "With 212 people."]


def test_without_a_model_or_when_the_script_does_not_line_up_nothing_is_marked():
    script, timeline = _episode(None)
    plain = transcript_json(timeline, script=script)
    assert plain == transcript_json(timeline)  # the same transcript as before
    script, timeline = _episode("model")
    shorter = Script(script.title, script.show, script.date, script.segments[1:])
    assert "origin" not in transcript_json(timeline, script=shorter)
