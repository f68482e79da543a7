"""A script as a file a person edits (JSON or the plain-text form) and back: the text is the
source of truth, an unchanged segment keeps its sentences exactly, a malformed file is one line."""

from __future__ import annotations

import json
from datetime import date

import pytest

from briefing import make_script
from briefing.errors import InputError
from briefing.models import Script, Segment
from briefing.samples import sample_article_path
from briefing.writing.script_file import load_script, script_from_json, script_from_text, script_to_text


@pytest.fixture(scope="module")
def written() -> Script:
    return make_script([str(sample_article_path())], minutes=2)


def two_hosts() -> Script:
    return Script("Ferry", "Harbor Weekly", date(2026, 12, 6), (
        Segment("intro", "Introduction", ("Welcome to Harbor Weekly.", "I'm Hannah, and with me is Joe."), "Hannah"),
        Segment("section", "A Quiet Crossing", ("The Tern runs on two battery packs.", "It is quiet."), "Joe"),
        Segment("outro", "Closing", ("That's all for today.",), "Hannah"),
    ), sources=("ferry.md",), hosts=("Hannah", "Joe"))


def test_json_and_the_text_form_round_trip(written):
    assert script_from_json(json.dumps(written.to_dict())) == written
    assert script_from_text(script_to_text(written)) == written
    hosts = two_hosts()
    assert script_from_text(script_to_text(hosts)) == hosts
    assert "\nJoe: The Tern runs on two battery packs.\nIt is quiet.\n" in script_to_text(hosts)


def test_an_edited_text_is_split_and_made_speakable_and_the_rest_stays(written):
    data = written.to_dict()
    data["segments"][1]["text"] = "The ferry cost $6.8m. It sails at 9:10."  # sentences left as they were
    edited = script_from_json(json.dumps(data))
    assert edited.segments[1].sentences == ("The ferry cost six point eight million dollars.",
                                            "It sails at nine ten.")
    assert edited.segments[0] == written.segments[0] and edited.segments[2:] == written.segments[2:]


def test_an_edited_line_of_the_text_form_changes_only_that_sentence(written):
    text = script_to_text(written)
    first = written.segments[1].sentences[0]
    edited = script_from_text(text.replace(first, "The ferry cost $6.8m."))
    assert edited.segments[1].sentences == ("The ferry cost six point eight million dollars.",
                                            *written.segments[1].sentences[1:])
    assert edited.segments[2:] == written.segments[2:]


def test_a_segment_whose_text_is_emptied_is_left_out(written):
    data = written.to_dict()
    data["segments"][1]["text"] = "  "
    assert len(script_from_json(json.dumps(data)).segments) == len(written.segments) - 1


@pytest.mark.parametrize("broken, said", [
    ('{"title": "T", "show": "S", "date": "2026-12-06",\n "segments": [}', "line 2"),
    ('{"title": "T", "date": "2026-12-06", "segments": []}', "missing show"),
    ('{"title": "T", "show": "S", "date": "6 Dec", "segments": []}', "date: '6 Dec' is not a date"),
    ('{"title": "T", "show": "S", "date": "2026-12-06", "segments": [{"kind": "intro", "title": null}]}',
     "segments[0]: needs text"),
    ('{"title": "T", "show": "S", "date": "2026-12-06", "segments": [{"kind": "news", "title": null, "text": "Hi."}]}',
     "segments[0].kind: 'news'"),
    ('{"title": "T", "show": "S", "date": "2026-12-06", "segments": [{"kind": "intro", "title": 3, "text": "Hi."}]}',
     "segments[0].title: should be str or null"),
])
def test_a_malformed_json_script_names_the_line_or_field(broken, said):
    with pytest.raises(InputError, match=None) as caught:
        script_from_json(broken, "s.json")
    assert said in str(caught.value) and str(caught.value).startswith("s.json")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("broken, said", [
    ("show: S\n", "line 1: the script starts with '# title'"),
    ("# T\nshow: S\ndate: 2026-12-06\n\n## news: Hi\nHello there everyone.\n", "line 5: 'news'"),
    ("# T\nshow: S\ndate: 2026-12-06\nvoice: joe\n", "line 4: expected"),
    ("# T\nshow: S\ndate: 2026-13-40\n", "line 3: '2026-13-40' is not a date"),
    ("# T\nshow: S\ndate: 2026-12-06\nhosts: Hannah, Joe\n\n## intro: Hi\nWelcome to the show.\n",
     "line 7: with hosts, a segment's text starts with 'Name: '"),
    ("# T\nshow: S\n\n## intro: Hi\nWelcome to the show.\n", "missing 'date:'"),
])
def test_a_malformed_text_script_names_the_line(broken, said):
    with pytest.raises(InputError) as caught:
        script_from_text(broken, "s.txt")
    assert said in str(caught.value)


def test_load_script_tells_json_from_text_by_content(tmp_path, written):
    (tmp_path / "a.json").write_text(json.dumps(written.to_dict()), encoding="utf-8")
    (tmp_path / "b.txt").write_text(script_to_text(written), encoding="utf-8")
    assert load_script(tmp_path / "a.json") == load_script(tmp_path / "b.txt") == written
    with pytest.raises(InputError, match="no such file"):
        load_script(tmp_path / "missing.json")


def test_render_refuses_a_malformed_script_in_one_line(cli, tmp_path):
    (tmp_path / "s.json").write_text('{"title": "T", "show": "S"', encoding="utf-8")
    result = cli("render", str(tmp_path / "s.json"), "-o", str(tmp_path / "x.mp3"))
    assert result.returncode == 2
    err = result.stderr.decode().strip().splitlines()
    assert len(err) == 1 and "s.json line 1" in err[0]
    assert not list(tmp_path.glob("x*"))


@pytest.mark.slow
def test_render_speaks_only_the_changed_segment(cli, tmp_path, short_article):
    """make, then edit one segment of its script and render: one segment spoken, the rest cached."""
    made = cli("script", str(short_article), "--json")
    assert made.returncode == 0, made.stderr
    (tmp_path / "s.json").write_text(made.stdout.decode(), encoding="utf-8")
    own = {"BRIEFING_CACHE_DIR": str(tmp_path / "cache")}  # a cache no other test has filled
    first = cli("render", str(tmp_path / "s.json"), "-o", str(tmp_path / "first.mp3"), "--no-music", env=own)
    assert first.returncode == 0, first.stderr
    data = json.loads(made.stdout)
    count = len(data["segments"])
    data["segments"][1]["text"] += " The library opens at 9am every day."
    (tmp_path / "e.json").write_text(json.dumps(data), encoding="utf-8")
    edited = cli("render", str(tmp_path / "e.json"), "-o", str(tmp_path / "edited.mp3"), "--no-music", env=own)
    assert edited.returncode == 0, edited.stderr
    assert f"speaking 1 of {count} segments; {count - 1} from the cache" in edited.stderr.decode()
    assert "The library opens at nine a m every day." in (tmp_path / "edited.txt").read_text(encoding="utf-8")
    assert "opens at" not in (tmp_path / "first.txt").read_text(encoding="utf-8")
    assert f"speaking {count} of {count} segments; 0 from the cache" in first.stderr.decode()
