"""A script for two hosts: who opens, who reads what, and hand-overs that do not repeat."""

from __future__ import annotations

import json
from datetime import date

from briefing.models import Article, Digest, DigestSection, Section
from briefing.writing.script import write_script

HOSTS = ("Hannah", "Joe")


def _digest(title: str, sections: list[tuple[str | None, list[str]]]) -> Digest:
    article = Article(title, f"{title}.txt", tuple(Section(h, tuple(s)) for h, s in sections))
    return Digest(article, tuple(DigestSection(h, tuple(s)) for h, s in sections))


ONE_STORY = _digest("Rebels take Hama", [
    (None, ["Rebel forces captured the city of Hama on Thursday."]),
    ("The Strategic Blow", ["The loss of Hama hurts the government."]),
    ("A Region in Flames", ["Fighting spread across the north."]),
    ("What Comes Next", ["Talks are planned for next week."]),
])


def test_the_first_host_opens_and_closes_and_the_sections_alternate():
    script = write_script([ONE_STORY], show="Harbor", day=date(2026, 11, 25), hosts=HOSTS)
    assert script.hosts == HOSTS
    assert script.segments[0].kind == "intro" and script.segments[0].speaker == "Hannah"
    assert "Joe" in script.segments[0].text  # the hosts are introduced
    assert script.segments[-1].kind == "outro" and script.segments[-1].speaker == "Hannah"
    readers = [s.speaker for s in script.segments if s.kind == "section"]
    assert readers == ["Joe", "Hannah", "Joe", "Hannah"]
    assert all(s.speaker in HOSTS for s in script.segments)


def test_each_hand_over_is_said_by_the_host_who_spoke_last_and_names_the_next():
    script = write_script([ONE_STORY], show="Harbor", day=date(2026, 11, 25), hosts=HOSTS)
    segments = list(script.segments)
    for index, segment in enumerate(segments):
        if segment.kind != "handover":
            continue
        following = segments[index + 1]
        assert following.speaker != segment.speaker
        assert following.speaker in segment.text, segment.text
        assert segments[index - 1].speaker == segment.speaker
    # The section is not announced twice: the hand-over names it, the reader goes straight in.
    blow = next(s for s in segments if s.kind == "section" and s.title == "The Strategic Blow")
    assert blow.sentences[0].startswith("The loss of Hama")


def test_hand_over_wordings_vary():
    stories = [_digest(f"Story {n}", [(f"Heading {n}", [f"Sentence number {n} is here."])]) for n in range(1, 4)]
    single = write_script([_digest("One", [(f"Part {n}", [f"Fact {n} was reported."]) for n in range(1, 7)])],
                          day=date(2026, 11, 25), hosts=HOSTS)
    handovers = [s.text.replace("Hannah", "X").replace("Joe", "X") for s in single.segments if s.kind == "handover"]
    shapes = [" ".join(w for w in h.split() if not w.strip(".,:?").isdigit() and "Part" not in w) for h in handovers]
    assert len(handovers) >= 5
    assert all(a != b for a, b in zip(shapes, shapes[1:])), shapes  # no two in a row alike
    assert len(set(shapes)) >= 3, shapes
    several = write_script(stories, day=date(2026, 11, 25), hosts=HOSTS)
    announcements = [s for s in several.segments if s.kind == "article"]
    assert all(s.speaker == "Hannah" for s in announcements)  # the first host announces every story
    readers = [s.speaker for s in several.segments if s.kind == "section"]
    assert readers == ["Joe", "Hannah", "Joe"]  # stories alternate


def test_one_host_scripts_are_unchanged():
    script = write_script([ONE_STORY], day=date(2026, 11, 25))
    assert all(s.speaker is None for s in script.segments) and not script.hosts
    assert not any(s.kind == "handover" for s in script.segments)
    assert "speaker" not in json.dumps(script.to_dict())


def test_script_json_shows_the_speaker_of_every_turn(cli, short_article):
    result = cli("script", str(short_article), "--json", "--hosts", "2")
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert data["hosts"] == ["Hannah", "Joe"]
    assert {s["speaker"] for s in data["segments"]} == {"Hannah", "Joe"}
    assert all(s["speaker"] for s in data["segments"])



def test_a_story_announced_and_handed_over_in_one_breath_is_not_handed_over_again():
    # "First: ... Joe, what's the story?" then Joe reads: no "Over to you, Joe." in between.
    stories = [_digest(f"Story {n}", [(None, [f"Sentence number {n} was reported."])]) for n in range(1, 4)]
    script = write_script(stories, show="Harbor", day=date(2026, 11, 25), hosts=HOSTS)
    kinds = [(s.kind, s.speaker) for s in script.segments]
    assert kinds == [("intro", "Hannah"),
                     ("article", "Hannah"), ("section", "Joe"),  # announced and handed over at once
                     ("article", "Hannah"), ("section", "Hannah"),
                     ("article", "Hannah"), ("section", "Joe"),
                     ("handover", "Joe"), ("outro", "Hannah")]
    for index, segment in enumerate(script.segments):
        if segment.kind == "section" and segment.speaker == "Joe":
            assert "Joe" in script.segments[index - 1].text
