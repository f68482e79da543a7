"""The formats a listener chooses: digest (summarized, near --minutes), brief (a bulletin: one
or two sentences a story), full (every paragraph, a chapter per section)."""

from __future__ import annotations

import re

import pytest

from briefing import make_script
from briefing.samples import sample_article_path
from briefing.voices import WORDS_PER_MINUTE
from briefing.writing.formats import BRIEF_SENTENCES, about

WPM = WORDS_PER_MINUTE["hibari"]


@pytest.fixture
def five_stories(tmp_path) -> list[str]:
    """The sample article's five sections as five short articles, each with its own title."""
    text = sample_article_path().read_text(encoding="utf-8")
    parts = re.split(r"\n## ", text)
    paths = []
    for number, part in enumerate(parts):
        path = tmp_path / f"story{number}.md"
        path.write_text(part if number == 0 else "# " + part, encoding="utf-8")
        paths.append(str(path))
    return paths


@pytest.mark.parametrize("minutes", [1, 2])
def test_a_digest_lands_within_a_tenth_of_its_minutes(minutes):
    script = make_script([str(sample_article_path())], minutes=minutes)
    assert abs(script.word_count - minutes * WPM) <= 0.1 * minutes * WPM


def test_a_brief_says_each_story_in_one_or_two_sentences(five_stories):
    brief = make_script(five_stories, minutes=1, format="brief")
    digest = make_script(five_stories, minutes=3)
    stories = [s for s in brief.segments if s.kind == "section"]
    assert len(stories) == 5
    assert all(1 <= len(s.sentences) <= BRIEF_SENTENCES for s in stories)
    # five stories in about a minute (the intro names them all), where the digest says more of each
    assert brief.word_count <= 1.2 * WPM
    assert sum(len(s.sentences) for s in digest.segments if s.kind == "section") > 2 * len(stories)
    # a bulletin: the stories follow one another unannounced; the digest lists and announces them
    assert "five stories in brief." in brief.segments[0].text and "A Quiet Crossing" not in brief.segments[0].text
    assert "A Quiet Crossing" in digest.segments[0].text
    assert not [s for s in brief.segments if s.kind == "article"] and [s for s in digest.segments if s.kind == "article"]


def test_full_reads_every_paragraph_with_a_chapter_per_section():
    article = sample_article_path().read_text(encoding="utf-8")
    full = make_script([str(sample_article_path())], format="full", minutes=1)
    digest = make_script([str(sample_article_path())], minutes=1)
    headings = re.findall(r"^## (.+)$", article, re.MULTILINE)
    assert [s.title for s in full.segments if s.kind == "section"][1:] == headings
    said = full.text.lower()
    for paragraph in re.split(r"\n\s*\n", article):
        last = re.findall(r"[a-z]{4,}", paragraph.lower())[-3:]
        assert all(word in said for word in last), paragraph  # its end is read out, not only its start
    assert full.word_count > 2.5 * digest.word_count  # the minutes do not cut it


def test_the_script_says_how_long_before_anything_is_spoken(cli, short_article):
    result = cli("script", str(short_article), "--format", "full")
    assert result.returncode == 0, result.stderr
    err = result.stderr.decode()
    assert re.search(r"the script: \d+ words, about (\d+ min )?\d+ s \(full\)", err)
    assert "Alder" in result.stdout.decode() and "about" not in result.stdout.decode()
    quiet = cli("script", str(short_article), "-q")
    assert quiet.stderr == b""


def test_an_unknown_format_is_one_line_and_exit_2(cli, short_article, tmp_path):
    for command in (["script", str(short_article)], ["make", str(short_article), "-o", str(tmp_path / "x.mp3")]):
        result = cli(*command, "--format", "podcast")
        assert result.returncode == 2
        err = result.stderr.decode().strip().splitlines()
        assert len(err) == 1 and "podcast" in err[0] and "digest, brief, full" in err[0]
    assert not list(tmp_path.glob("x*"))


def test_the_show_file_chooses_the_format(cli, short_article, tmp_path):
    (tmp_path / "briefing.toml").write_text('[show]\ntitle = "Alder Daily"\nformat = "full"\n', encoding="utf-8")
    full = cli("script", str(short_article), cwd=tmp_path)
    plain = cli("script", str(short_article), "--format", "digest", cwd=tmp_path)
    assert full.returncode == 0 and plain.returncode == 0
    assert "(full)" in full.stderr.decode() and "(full)" not in plain.stderr.decode()
    (tmp_path / "briefing.toml").write_text('[show]\ntitle = "Alder Daily"\nformat = "long"\n', encoding="utf-8")
    bad = cli("script", str(short_article), cwd=tmp_path)
    assert bad.returncode != 0 and "format 'long'" in bad.stderr.decode() and b"Traceback" not in bad.stderr


def test_a_listener_may_choose_their_own_format(tmp_path):
    from briefing.errors import BriefingError
    from briefing.show.personal import load_listeners

    show = tmp_path / "briefing.toml"
    show.write_text('[show]\ntitle = "T"\n[[listener]]\nname = "Ana"\nformat = "brief"\n'
                    '[[listener]]\nname = "Ben"\n', encoding="utf-8")
    assert [(l.name, l.format) for l in load_listeners(show)] == [("Ana", "brief"), ("Ben", None)]
    show.write_text('[show]\ntitle = "T"\n[[listener]]\nname = "Ana"\nformat = "short"\n', encoding="utf-8")
    with pytest.raises(BriefingError, match="Ana: format 'short'"):
        load_listeners(show)


def test_about_says_minutes_and_seconds():
    assert about(130.4) == "about 2 min 10 s"
    assert about(42) == "about 42 s"
