"""The language-model writer in the self-running show: the show file's [writer] table and hosts'
personas write every story of the run's plan, each story its own model call; the plan carries
what the writer did through JSON (a worker's copy); the show notes say which stories the model
wrote and keep their source links."""

from __future__ import annotations

import json
from datetime import date

from briefing.models import RunPlan, Script
from briefing.publish.notes import notes_html, notes_text, read_notes
from briefing.show.notes import write_notes
from briefing.show.run import plan_run
from llm_fake import FakeEndpoint

FERRY = """Marigold Ferry Returns to Port Alder

The Port Alder ferry Marigold returned to service on Monday after a winter of engine repairs, the Alder Harbor
Authority said. The first crossing to Gull Island carried 212 passengers.
"""
LIBRARY = """Library in Tarnby Lends Tools and Instruments

The new public library in Tarnby now lends drills, sewing machines and violins as well as books, its head
librarian Piet Okafor said on Monday. More than nine hundred people joined in the first month.
"""
REPLY = {"turns": [
    {"speaker": "Ana", "text": "Ben, what happened on Monday?", "sources": []},
    {"speaker": "Ben", "text": "It carried 212 passengers, and 40 more the next day.", "sources": [1]},
    {"speaker": "Ana", "text": "Good news for Gull Island.", "sources": []},
]}


def _show(tmp_path, url: str):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (tmp_path / "news" / "library.txt").write_text(LIBRARY, encoding="utf-8")
    path = tmp_path / "briefing.toml"
    path.write_text(f'[show]\ntitle = "Harbor Weekly"\nminutes = 3\nhosts = 2\nformat = "conversation"\n\n'
                    f'[writer]\nurl = "{url}"\nmodel = "tiny"\n\n'
                    '[[host]]\nname = "Ana"\nvoice = "hibari:heart"\npersona = "the one who asks"\n\n'
                    '[[host]]\nname = "Ben"\nvoice = "hibari:heart"\npersona = "knows the harbour"\n\n'
                    '[[source]]\nurl = "news"\nname = "Harbor Gazette"\n', encoding="utf-8")
    return path


def test_a_run_writes_every_story_with_the_model_and_the_notes_say_so(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_WRITER_DEADLINE", "6")
    with FakeEndpoint([REPLY]) as fake:
        plan = plan_run(_show(tmp_path, fake.url), date(2026, 11, 25), dry_run=True)
    assert fake.calls == 2  # one per story
    assert "Ana is the one who asks." in fake.requests[0]["messages"][0]["content"]
    (episode,) = plan.episodes
    script = episode.script
    assert script.hosts == ("Ana", "Ben")
    assert script.writer["turns"] == 6 and script.writer["replaced"] == 2  # "40 more" is in neither story
    assert script.writer["dropped"] == 1
    assert "Reported by Harbor Gazette" in script.text  # the show's announcements stay
    again = RunPlan.from_dict(json.loads(json.dumps(plan.to_dict())))
    assert again.episodes[0].script == script and again.options.writer == fake.url

    mp3 = tmp_path / "ep.mp3"
    mp3.write_bytes(b"")
    notes = read_notes(write_notes(mp3, episode.stories, script))
    ferry = next(s for s in notes.stories if "Marigold" in s.title)
    library = next(s for s in notes.stories if "Library" in s.title)
    assert ferry.written == "written with tiny: 2 of 3 turns, the rest in the source's own words"
    # in the library's story, "Gull Island" is invented and the turn cites nothing: dropped
    assert library.written == "written with tiny: 1 of 2 turns, the rest in the source's own words"
    assert ferry.title in notes_text(notes, "x")
    assert "[written with tiny: 2 of 3 turns" in notes_text(notes, "x")
    assert "<em>[written with tiny" in notes_html(notes, "x")
    # notes of a script no model wrote say nothing of it
    plain = Script(script.title, script.show, script.date, tuple(s for s in script.segments if not s.origin))
    assert all(s.written is None for s in read_notes(write_notes(mp3, episode.stories, plain)).stories)
