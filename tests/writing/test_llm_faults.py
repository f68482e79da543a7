"""The language-model writer against an endpoint that fails in every way a real one can (an HTTP
fake: 500, 429 with Retry-After, a hang past the deadline, malformed or empty JSON, a refusal, a
reply cut off at max tokens, invented facts). Each ends with a script that says something: the
model's grounded turns, or the extractive writer's sentences for that story with one warning
line naming the writer and why. Never a traceback, never an empty script."""

from __future__ import annotations

import json
import time

import pytest

from briefing import make_script
from briefing.pipeline import Reporter
from conftest import run_cli as _run_cli
from llm_fake import FakeEndpoint, closed_port_url

HOSTS = (("Hannah", "hibari:heart"), ("Joe", "piper:joe"))
# The story's numbered sentences, as the ear editor leaves them (conftest.SHORT_ARTICLE):
# 1 "The town of Alder opened its new public library on Saturday." 2 "This was after two years of
# building work." 3 "The library lends tools and musical instruments as well as books."
GOOD = {"turns": [
    {"speaker": "Hannah", "text": "Joe, what's new in Alder?", "sources": []},
    {"speaker": "Joe", "text": "The town opened its new public library on Saturday, after two years of building.",
     "sources": [1, 2]},
    {"speaker": "Hannah", "text": "And it lends more than books?", "sources": []},
    {"speaker": "Joe", "text": "Tools and musical instruments too.", "sources": [3]},
]}
INVENTED = {"turns": [
    {"speaker": "Hannah", "text": "Joe, what's new in Alder?", "sources": []},
    {"speaker": "Joe", "text": "Mayor Lee opened the library, and twelve hundred people came.", "sources": [1]},
    {"speaker": "Hannah", "text": 'The librarian said "it cost 3 million dollars".', "sources": []},
    {"speaker": "Joe", "text": "It lends tools and musical instruments as well as books.", "sources": [3]},
]}


def run_cli(*args, **kwargs):
    done = _run_cli(*args, **kwargs)
    done.stdout, done.stderr = done.stdout.decode(), done.stderr.decode()
    return done


def _write(article, url, *, warnings=None, stages=None, cache=False, **options):
    reporter = Reporter(stage=(stages.append if stages is not None else lambda m: None),
                        warn=(warnings.append if warnings is not None else lambda m: None))
    options.setdefault("format", "conversation")
    options.setdefault("hosts", HOSTS)
    return make_script([str(article)], writer=url, cache=cache, reporter=reporter, **options)


def _extractive(article, **options):
    options.setdefault("hosts", HOSTS)
    return make_script([str(article)], cache=False, **options)


@pytest.fixture
def quick(monkeypatch):
    monkeypatch.setenv("BRIEFING_WRITER_DEADLINE", "6")


def test_grounded_turns_are_said_as_written_and_marked(short_article, quick):
    stages: list[str] = []
    with FakeEndpoint([GOOD]) as fake:
        script = _write(short_article, fake.url, stages=stages)
    turns = [s for s in script.segments if s.origin]
    assert [t.speaker for t in turns] == ["Hannah", "Joe", "Hannah", "Joe"]
    assert all(t.origin == "model" for t in turns)
    assert turns[1].sources == (1, 2) and "two years" in turns[1].text
    assert "writer: 4 turns, 4 grounded, 0 replaced" in stages
    # the show around the story stays the extractive writer's: intro, hosts, outro
    plain = _extractive(short_article)
    assert script.segments[0] == plain.segments[0] and script.segments[-1] == plain.segments[-1]
    # the request asked for the schema, with the hosts as the only speakers
    schema = fake.requests[0]["response_format"]["json_schema"]["schema"]
    assert schema["properties"]["turns"]["items"]["properties"]["speaker"]["enum"] == ["Hannah", "Joe"]
    assert fake.requests[0]["model"] == "fake-model"  # the first model the endpoint lists


def test_invented_facts_are_replaced_by_the_cited_sentences_or_dropped(short_article, quick):
    stages: list[str] = []
    with FakeEndpoint([INVENTED]) as fake:
        script = _write(short_article, fake.url, stages=stages)
    text = script.text
    assert "Mayor Lee" not in text and "twelve hundred" not in text and "3 million" not in text
    assert "The town of Alder opened its new public library on Saturday" in text  # turn 2's cited sentence
    turns = [s for s in script.segments if s.origin]
    assert [t.origin for t in turns] == ["model", "extract", "model"]  # the uncited quotation is dropped
    line = next(m for m in stages if m.startswith("writer: 4 turns"))
    assert line.startswith("writer: 4 turns, 2 grounded, 1 replaced, 1 dropped (unsupported: ")
    assert '"Mayor Lee"' in line and '"twelve hundred people"' in line
    assert script.writer["unsupported"] and script.writer["replaced"] == 1


@pytest.mark.parametrize("replies, why", [
    (["500"], "answered 500"),
    (["garbage", "garbage"], "not valid JSON"),
    (["empty", "empty"], "empty"),
    (["refusal", "refusal"], "refused"),
    (["length", "length"], "cut off"),
    ([{"turns": [{"speaker": "Mike", "text": "Hi.", "sources": []}]}] * 2, "Mike"),
    ([{"turns": [{"speaker": "Joe", "text": "The Briefing. For a moment in time.", "sources": [1]}]}] * 2,
     "too short to tell the story"),
])
def test_an_unusable_endpoint_leaves_the_story_to_the_extractive_writer(short_article, quick, replies, why):
    warnings: list[str] = []
    with FakeEndpoint(replies) as fake:
        script = _write(short_article, fake.url, warnings=warnings)
    assert len(warnings) == 1
    assert warnings[0].startswith(f"writer {fake.url} (fake-model): ") and why in warnings[0]
    assert warnings[0].endswith('"Town Opens New Library" is told from its own sentences')
    assert script.text == _extractive(short_article).text  # exactly what the extractive writer says
    assert {s.origin for s in script.segments if s.kind == "section"} == {"extract"}
    assert fake.calls == (3 if replies == ["500"] else 2)  # bounded retries; one repair request


def test_one_repair_request_mends_a_malformed_reply(short_article, quick):
    warnings: list[str] = []
    with FakeEndpoint(["garbage", GOOD]) as fake:
        script = _write(short_article, fake.url, warnings=warnings)
    assert not warnings and fake.calls == 2
    assert "could not be used" in fake.requests[1]["messages"][-1]["content"]
    assert [s.origin for s in script.segments if s.origin] == ["model"] * 4


def test_429_waits_as_long_as_retry_after_says(short_article, quick):
    with FakeEndpoint(["429", GOOD], retry_after="1") as fake:
        start = time.monotonic()
        script = _write(short_article, fake.url)
        elapsed = time.monotonic() - start
    assert fake.calls == 2 and elapsed >= 1.0
    assert script.writer["turns"] == 4


def test_a_hang_ends_at_the_deadline(short_article, monkeypatch):
    monkeypatch.setenv("BRIEFING_WRITER_DEADLINE", "1.5")
    warnings: list[str] = []
    with FakeEndpoint(["hang"]) as fake:
        start = time.monotonic()
        script = _write(short_article, fake.url, warnings=warnings)
        elapsed = time.monotonic() - start
    assert elapsed < 5, elapsed
    assert len(warnings) == 1 and "1.5 s deadline" in warnings[0]
    assert script.text == _extractive(short_article).text


def test_an_endpoint_that_is_down(short_article, quick):
    warnings: list[str] = []
    url = closed_port_url()
    script = _write(short_article, url, warnings=warnings)
    assert len(warnings) == 1 and "cannot connect" in warnings[0] and url in warnings[0]
    assert script.text == _extractive(short_article).text


def test_a_cached_reply_costs_no_model_call(short_article, quick):
    with FakeEndpoint([GOOD]) as fake:
        first = _write(short_article, fake.url, cache=True, writer_model="m1")
        second = _write(short_article, fake.url, cache=True, writer_model="m1")
        assert fake.calls == 1
        assert second.text == first.text and second.writer["calls"] == 0 and second.writer["cached"] == 1
        _write(short_article, fake.url, cache=True, writer_model="m1", focus="the tools")  # another prompt
        assert fake.calls == 2
        _write(short_article, fake.url, cache=True, writer_model="m2")  # another model
        assert fake.calls == 3


def test_the_key_is_sent_from_the_environment_and_kept_nowhere(short_article, quick, monkeypatch):
    monkeypatch.setenv("MY_KEY", "sk-test-123")
    with FakeEndpoint([GOOD]) as fake:
        script = _write(short_article, fake.url, writer_key_env="MY_KEY")
    assert fake.headers[0]["Authorization"] == "Bearer sk-test-123"
    assert "sk-test-123" not in json.dumps(script.to_dict())


def test_digest_and_brief_with_one_host(short_article, quick):
    one = {"turns": [{"speaker": "Host", "text": "Alder has a new public library, and it lends tools.",
                      "sources": [1, 3]}]}
    with FakeEndpoint([one]) as fake:
        script = _write(short_article, fake.url, format="brief", hosts=())
    said = [s for s in script.segments if s.origin]
    assert len(said) == 1 and said[0].speaker is None and said[0].origin == "model"
    assert "two or three short sentences" in fake.requests[0]["messages"][0]["content"]


def test_the_script_json_marks_every_turn_and_round_trips(short_article, quick):
    from briefing.models import Script

    with FakeEndpoint([INVENTED]) as fake:
        script = _write(short_article, fake.url)
    data = script.to_dict()
    marked = [s for s in data["segments"] if "origin" in s]
    assert [(s["origin"], s["sources"]) for s in marked] == [("model", []), ("extract", [1]), ("model", [3])]
    assert data["writer"]["model"] == "fake-model"
    assert Script.from_dict(json.loads(json.dumps(data))) == script
    # a script without a model's turns keeps its old JSON
    assert all("origin" not in s for s in _extractive(short_article).to_dict()["segments"])


def test_cli_prints_the_writer_line_and_refuses_bad_settings(short_article, tmp_path):
    with FakeEndpoint([INVENTED]) as fake:
        done = run_cli("script", str(short_article), "--json", "--writer", fake.url, "--format", "conversation",
                       "--hosts", "2", env={"BRIEFING_WRITER_DEADLINE": "6"}, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "briefing: writer: 4 turns, 2 grounded, 1 replaced, 1 dropped (unsupported:" in done.stderr
    assert "briefing: writer: 200 tokens in, 100 out, 1 model call" not in done.stderr  # one call, not two
    assert "briefing: writer: 100 tokens in, 50 out, 1 model call" in done.stderr
    assert json.loads(done.stdout)["writer"]["turns"] == 4
    for args, message in [
        (["--writer", "http://127.0.0.1:9/v1", "--format", "conversation"], "give 2 to 4 hosts"),
        (["--writer", "localhost:11434", "--hosts", "2"], "http:// or https:// URL"),
        (["--format", "podcast"], "format 'podcast': choose one of digest, brief, full, conversation"),
        (["--format", "conversation", "--hosts", "2"], "--format conversation: a language model writes"),
    ]:
        done = run_cli("script", str(short_article), *args, timeout=60)
        assert done.returncode == 2, done.stderr
        assert done.stderr.count("\n") == 1 and message in done.stderr and "Traceback" not in done.stderr


def test_show_file_writer_table_and_personas(short_article, tmp_path):
    show = tmp_path / "briefing.toml"
    with FakeEndpoint([GOOD]) as fake:
        show.write_text(f'[writer]\nurl = "{fake.url}"\nmodel = "qwen"\nfocus = "what it means for families"\n\n'
                        '[[host]]\nname = "Hannah"\nvoice = "hibari:heart"\npersona = "the curious one"\n\n'
                        '[[host]]\nname = "Joe"\nvoice = "piper:joe"\npersona = "the explainer"\n', encoding="utf-8")
        done = run_cli("script", str(short_article), "--format", "conversation", "--hosts", "2", "--json",
                       env={"BRIEFING_CONFIG": str(show)}, timeout=60)
        assert done.returncode == 0, done.stderr
        system = fake.requests[0]["messages"][0]["content"]
        assert fake.requests[0]["model"] == "qwen"
        assert "Hannah is the curious one." in system and "Joe is the explainer." in system
        assert "Focus on what it means for families." in system
    show.write_text('[writer]\nurl = "ollama"\n', encoding="utf-8")
    done = run_cli("script", str(short_article), env={"BRIEFING_CONFIG": str(show)}, timeout=60)
    assert done.returncode == 1 and "[writer] url should be" in done.stderr


def test_prompt_templates_can_be_overridden(short_article, quick, tmp_path):
    (tmp_path / "writer_system.j2").write_text("Be brief. Format {{ format }}; hosts {{ hosts | map(attribute='name') "
                                               "| join_and }}; focus {{ focus }}.\n", encoding="utf-8")
    with FakeEndpoint([GOOD]) as fake:
        _write(short_article, fake.url, templates=str(tmp_path), focus="tools")
    assert fake.requests[0]["messages"][0]["content"] == "Be brief. Format conversation; hosts Hannah and Joe; focus tools."
    assert "1. The town of Alder opened" in fake.requests[0]["messages"][1]["content"]  # the built-in story template


def test_without_a_writer_nothing_changes(short_article):
    plain = _extractive(short_article, hosts=())
    assert plain.writer is None and all(s.origin is None for s in plain.segments)
    assert "library" in plain.text


@pytest.mark.slow
def test_episodes_are_whole_whatever_the_endpoint_does(short_article, tmp_path):
    """A conversation episode from the model's turns, and one from a failing endpoint: both speak."""
    show = tmp_path / "briefing.toml"
    show.write_text('[[host]]\nname = "Hannah"\nvoice = "hibari:heart"\n\n'
                    '[[host]]\nname = "Joe"\nvoice = "hibari:heart"\n', encoding="utf-8")
    env = {"BRIEFING_CONFIG": str(show), "BRIEFING_WRITER_DEADLINE": "6"}
    with FakeEndpoint([INVENTED]) as fake:
        mp3 = tmp_path / "talk.mp3"
        done = run_cli("make", str(short_article), "-o", str(mp3), "--writer", fake.url, "--format", "conversation",
                       "--hosts", "2", "--no-music", env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    transcript = json.loads(mp3.with_name("talk.transcript.json").read_text(encoding="utf-8"))
    marked = [(s["speaker"], s["origin"], s["cites"]) for s in transcript["segments"] if "origin" in s]
    assert ("Joe", "extract", [1]) in marked and ("Hannah", "model", []) in marked
    assert all("Mayor Lee" not in s["body"] for s in transcript["segments"])
    with FakeEndpoint(["500"]) as fake:
        mp3 = tmp_path / "down.mp3"
        done = run_cli("make", str(short_article), "-o", str(mp3), "--writer", fake.url, "--format", "conversation",
                       "--hosts", "2", "--no-music", env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    warnings = [l for l in done.stderr.splitlines() if "warning" in l]
    assert len(warnings) == 1 and "answered 500" in warnings[0]
    transcript = json.loads(mp3.with_name("down.transcript.json").read_text(encoding="utf-8"))
    bodies = " ".join(s["body"] for s in transcript["segments"])
    assert "public library" in bodies and transcript["segments"][-1]["endTime"] > 10


def test_an_unusable_reply_is_remembered_but_a_fault_is_not(short_article, quick):
    warnings: list[str] = []
    with FakeEndpoint(["garbage"]) as fake:
        _write(short_article, fake.url, cache=True, writer_model="m1", warnings=warnings)
        again = _write(short_article, fake.url, cache=True, writer_model="m1", warnings=warnings)
        assert fake.calls == 2  # the first story's request and its repair; the re-run asks nothing
    assert len(warnings) == 2 and warnings[0] == warnings[1]  # the same fallback, said again
    assert again.writer["calls"] == 0 and again.writer["cached"] == 1
    with FakeEndpoint(["500", "500", "500", GOOD]) as fake:
        _write(short_article, fake.url, cache=True, writer_model="m2", warnings=[])
        assert fake.calls == 3  # three tries, then the extractive story
        script = _write(short_article, fake.url, cache=True, writer_model="m2")
        assert fake.calls == 4  # a 500 is asked again next time
    assert script.writer["turns"] == 4


def test_up_to_four_hosts_talk(short_article, quick):
    from briefing.errors import InputError

    three = HOSTS + (("Mia", "hibari:heart"),)
    reply = {"turns": GOOD["turns"] + [{"speaker": "Mia", "text": "Tools and instruments, then.", "sources": []}]}
    with FakeEndpoint([reply]) as fake:
        script = _write(short_article, fake.url, hosts=three)
    enum = fake.requests[0]["response_format"]["json_schema"]["schema"]["properties"]["turns"]["items"]
    assert enum["properties"]["speaker"]["enum"] == ["Hannah", "Joe", "Mia"]
    assert [s.speaker for s in script.segments if s.origin][-1] == "Mia"
    assert script.hosts == ("Hannah", "Joe", "Mia")
    five = three + (("Leo", "hibari:heart"), ("Eve", "hibari:heart"))
    with pytest.raises(InputError, match="give 2 to 4 hosts"):
        _write(short_article, "http://127.0.0.1:9/v1", hosts=five)
