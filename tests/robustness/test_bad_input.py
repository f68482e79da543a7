"""Bad input ends in one line on stderr, a non-zero exit, no traceback and no file written;
odd but valid input still makes a script. Every case runs the CLI as a user would."""

from __future__ import annotations

import gzip
import json
import os
import random
import shutil
from pathlib import Path

import pytest

from conftest import SHORT_ARTICLE, run_cli
from robust_support import SilentServer, assert_user_error, closed_port, snapshot

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + bytes(64)


def _bad_inputs(folder: Path) -> dict[str, tuple[str, str]]:
    """name -> (the argument to give, a word the error should mention)."""
    random.seed(7)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\t\n   \n", encoding="utf-8")
    (folder / "junk.txt").write_bytes(bytes(random.randrange(256) for _ in range(4000)))
    (folder / "picture.png").write_bytes(PNG)
    (folder / "story.txt.gz").write_bytes(gzip.compress(SHORT_ARTICLE.encode()))
    (folder / "menu.html").write_text(
        "<!doctype html><html><head><title>Home</title><script>var a = 1;</script></head>"
        "<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><footer>(c) Site</footer></body></html>",
        encoding="utf-8")
    (folder / "empty.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing</title>'
        "<link>http://example.org/</link><description>No items</description></channel></rss>", encoding="utf-8")
    (folder / "folder").mkdir()
    return {
        "missing": (str(folder / "no-such-article.txt"), "no such file"),
        "directory": (str(folder / "folder"), "directory"),
        "empty": (str(folder / "empty.txt"), "empty"),
        "blank": (str(folder / "blank.txt"), "empty"),
        "random bytes": (str(folder / "junk.txt"), "binary"),
        "a PNG": (str(folder / "picture.png"), "binary"),
        "a gzip": (str(folder / "story.txt.gz"), "binary"),
        "a page with no article": (str(folder / "menu.html"), "no article"),
        "a feed with no items": (str(folder / "empty.rss"), "no items"),
        "file URL": ("file:///etc/passwd", "http"),
        "ftp URL": ("ftp://127.0.0.1/story.txt", "http"),
        "gopher URL": ("gopher://127.0.0.1/1", "http"),
        "URL without host": ("http:///story.html", "host"),
    }


CASES = ["missing", "directory", "empty", "blank", "random bytes", "a PNG", "a gzip", "a page with no article",
         "a feed with no items", "file URL", "ftp URL", "gopher URL", "URL without host"]


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory):
    return _bad_inputs(tmp_path_factory.mktemp("bad-inputs"))


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_one_line_and_no_file(bad_inputs, tmp_path, case):
    source, mentions = bad_inputs[case]
    out = tmp_path / "out"
    out.mkdir()
    result = run_cli("make", source, "-o", str(out / "episode.mp3"), timeout=60)
    assert_user_error(result, mentions=mentions)
    assert snapshot(out) == {}, "nothing written, not even a temporary file"


@pytest.mark.parametrize("command", ["script", "article", "summarize"])
def test_every_reading_command_refuses_junk_the_same_way(bad_inputs, command):
    assert_user_error(run_cli(command, bad_inputs["random bytes"][0], timeout=60), mentions="binary")


def test_closed_port_fails_quickly_with_the_reason(tmp_path):
    result = run_cli("make", f"http://127.0.0.1:{closed_port()}/story.html", "-o", str(tmp_path / "e.mp3"),
                     timeout=60)
    assert_user_error(result, mentions="connection refused")
    assert snapshot(tmp_path) == {}


def test_silent_server_gives_up_in_bounded_time(tmp_path):
    """A server that accepts and never answers: timeouts end it (the subprocess timeout is the bound)."""
    server = SilentServer()
    try:
        result = run_cli("script", f"http://127.0.0.1:{server.port}/story.html", timeout=30,
                         env={"BRIEFING_FETCH_TIMEOUT": "2"})
    finally:
        server.close()
    assert_user_error(result, mentions="no answer within 2 s")


@pytest.mark.parametrize("where", ["under a file", "in /proc", "a folder", "missing folder"])
def test_unwritable_output_fails_before_any_work(short_article, tmp_path, where):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    output = {"under a file": blocker / "episode.mp3", "in /proc": Path("/proc/briefing-episode.mp3"),
              "a folder": tmp_path, "missing folder": tmp_path / "nope" / "episode.mp3"}[where]
    before = snapshot(tmp_path)
    result = run_cli("make", str(short_article), "-o", str(output), timeout=60)
    message = assert_user_error(result)
    assert str(output) in message
    assert "speaking" not in result.stderr.decode(), "the check comes before the synthesis"
    assert snapshot(tmp_path) == before
    assert not Path("/proc/briefing-episode.mp3").exists()


@pytest.mark.parametrize("option, value, mentions", [
    ("--engine", "espeak9000", "unknown engine"),
    ("--voice", "/nowhere/voice.onnx", "no such file"),
    ("--voice", "nobody-speaks-this", "unknown hibari voice"),
    ("--voice", "piper:nobody-speaks-this", "unknown piper voice"),
])
def test_unknown_engine_or_voice(short_article, tmp_path, option, value, mentions):
    result = run_cli("make", str(short_article), "-o", str(tmp_path / "e.mp3"), option, value, timeout=60)
    assert_user_error(result, mentions=mentions)
    assert snapshot(tmp_path) == {"library.txt": short_article.stat().st_size}


@pytest.mark.parametrize("template, mentions", [
    ("{% if %}broken", "intro.j2 line 1"),
    ("Hello {{ nobody.knows }} there.", "undefined"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "intro.j2"),
    ("{% for x in %}", "intro.j2"),
])
def test_broken_user_template(short_article, tmp_path, template, mentions):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "intro.j2").write_text(template, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = run_cli("make", str(short_article), "-o", str(out / "e.mp3"), "--templates", str(templates), timeout=60)
    assert_user_error(result, mentions=mentions)
    assert snapshot(out) == {}


def test_gtts_without_network(short_article, tmp_path):
    result = run_cli("make", str(short_article), "-o", str(tmp_path / "e.mp3"), "--engine", "gtts", timeout=90,
                     env={"BRIEFING_GTTS_URL": f"http://127.0.0.1:{closed_port()}/translate_tts"})
    message = assert_user_error(result, mentions="segment 1")
    assert "network" in message
    assert sorted(snapshot(tmp_path)) == ["library.txt"]


# Odd but valid input: a script comes out (no audio: `briefing script` is quick).

def _script(*args, **kw) -> dict:
    result = run_cli("script", *args, "--json", timeout=60, **kw)
    assert result.returncode == 0, result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()
    return json.loads(result.stdout)


def test_latin1_text_is_read_as_latin1(tmp_path):
    path = tmp_path / "cafe.txt"
    path.write_bytes("Café Society Reopens\n\nThe café on the Rue de la Paix reopened on Monday, its manager, "
                     "Zoë Müller, said. Façade and décor are new.\n".encode("latin-1"))
    text = json.dumps(_script(str(path)), ensure_ascii=False)
    assert "Café Society Reopens" in text and "Zoë Müller" in text and "The café on the Rue" in text


def test_text_without_headings(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("the council met on tuesday to discuss the budget. it agreed to spend more on roads.\n"
                    "residents were not so sure. some said the roads were fine already.\n", encoding="utf-8")
    script = _script(str(path))
    assert "council met on tuesday to discuss the budget" in json.dumps(script)


def _words(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    vocabulary = ("council harbor ferry budget river bridge school market road water park library station "
                  "people years plan money week night town board vote new old said would could").split()
    return [rng.choice(vocabulary) for _ in range(n)]


def test_fifty_thousand_words_keep_to_the_budget(tmp_path):
    words = _words(50_000, 1)
    sentences = [" ".join(words[i:i + 20]).capitalize() + "." for i in range(0, len(words), 20)]
    paragraphs = [" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5)]
    path = tmp_path / "report.txt"
    path.write_text("Annual Harbor Report\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    script = _script(str(path), "--minutes", "2")
    spoken = sum(len(s["text"].split()) for s in script["segments"])
    assert 100 < spoken <= 2 * 180 + 60, spoken


@pytest.mark.parametrize("punctuated", [True, False])
def test_one_enormous_sentence_is_cut_into_sayable_pieces(tmp_path, punctuated):
    words = _words(5000, 2)
    if punctuated:
        words = [w + ("," if i % 37 == 36 else "") for i, w in enumerate(words)]
    path = tmp_path / "runon.txt"
    path.write_text("Run-on Report\n\nThe " + " ".join(words) + "\n", encoding="utf-8")
    script = _script(str(path))
    body = [s for s in script["segments"] if s["kind"] == "section"]
    assert body, "the article is said, not dropped"
    assert len(" ".join(s["text"] for s in body).split()) >= 20


def test_make_never_hands_the_voice_an_enormous_sentence(tmp_path):
    """The transcript's segments are its sentences as spoken: none is a 5,000-word breath."""
    path = tmp_path / "runon.txt"
    path.write_text("Run-on Report\n\nThe " + " ".join(_words(5000, 3)) + "\n", encoding="utf-8")
    result = run_cli("make", str(path), "-o", str(tmp_path / "runon.mp3"), "--minutes", "0.5", "--no-music",
                     timeout=300)
    assert result.returncode == 0, result.stderr.decode()
    segments = json.loads((tmp_path / "runon.transcript.json").read_text(encoding="utf-8"))["segments"]
    cues = [segment["body"] for segment in segments]
    assert cues and max(len(c.split()) for c in cues) <= 80
    assert any(len(c.split()) >= 20 for c in cues), "the run-on sentence is said, in pieces"
