"""The formats a listener chooses: digest (summarized, near --minutes), brief (a bulletin: one
or two sentences a story), full (every paragraph, a chapter per section)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing import make_script
from briefing.samples import sample_article_path
from briefing.voices import WORDS_PER_MINUTE
from briefing.writing.bulletin import BRIEF_SENTENCES
from briefing.writing.formats import about

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


def test_full_reads_the_story_but_not_the_pages_furniture(tmp_path):
    # A dateline, "Scroll down for video" and a credit belong to the page; a short sentence of
    # the story ("He refused.") is read like every other.
    path = tmp_path / "pasted.txt"
    path.write_text("(CNN) -- Ferries to Marrow Island sailed again on Friday after the storm. He refused. "
                    "Scroll down for video Ferry in port. The port reopened at noon. Photo: Getty Images. "
                    "(See the ten busiest ports in Europe.)\n",
                    encoding="utf-8")
    said = make_script([str(path)], format="full").text
    assert "Ferries to Marrow Island sailed again" in said and "He refused." in said and "reopened at noon" in said
    assert "CNN" not in said and "Scroll" not in said and "Getty" not in said and "--" not in said
    assert "busiest ports" not in said  # a pointer to another page


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


# A bulletin lands near --minutes (issue 22): its stories share the time, each one or two whole sentences.


def _stories(script) -> list:
    return [s for s in script.segments if s.kind == "section"]


def test_a_bulletin_of_five_lands_within_a_tenth_of_one_minute_and_says_more_in_two(five_stories):
    one = make_script(five_stories, minutes=1, format="brief")
    two = make_script(five_stories, minutes=2, format="brief")
    assert abs(one.word_count - WPM) <= 0.1 * WPM
    # two minutes: longer sentences or a second one, never a third, so the stories grow ...
    assert two.word_count > 1.2 * one.word_count
    assert all(len(b.text.split()) >= len(a.text.split()) for a, b in zip(_stories(one), _stories(two)))
    assert sum(len(s.sentences) for s in _stories(two)) > sum(len(s.sentences) for s in _stories(one))
    # ... and when two sentences a story cannot fill the time, the bulletin is shorter, not padded
    five = make_script(five_stories, minutes=5, format="brief")
    for script in (one, two, five):
        assert len(_stories(script)) == 5 and all(1 <= len(s.sentences) <= BRIEF_SENTENCES for s in _stories(script))
    assert five.word_count < 2 * WPM


def test_a_bulletin_story_is_whole_sentences_of_the_article_never_cut(five_stories):
    full = make_script(five_stories, minutes=1, format="full")
    whole = [sentence for s in full.segments for sentence in s.sentences]  # every sentence, edited and speakable
    for minutes in (0.5, 1, 2):
        brief = make_script(five_stories, minutes=minutes, format="brief")
        said = [sentence for s in _stories(brief) for sentence in s.sentences]
        assert said and all(sentence in whole for sentence in said), minutes
        # in the article's order, and the stories in the bulletin's
        assert [whole.index(sentence) for sentence in said] == sorted(whole.index(sentence) for sentence in said)


def test_a_story_comes_nearest_its_words_in_one_or_two_sentences():
    from briefing.models import Article, Section
    from briefing.writing.bulletin import bulletin

    sentences = (
        "The harbor board approved a new ferry route to Gull Island on Tuesday after a year of public meetings.",
        "The first boat will sail in March.",
        "Tickets will cost four dollars for adults and two dollars for children under twelve years old.",
        "The island has had no regular service since the old ferry company closed its doors eleven years ago "
        "and sold its two boats to a firm in the south.",
        "Board members voted six to one for the plan.",
    )
    article = Article("Ferry to Gull Island", "gull.txt",
                      (Section(None, sentences[:3]), Section("Money", sentences[3:])))

    def told(words: int) -> tuple[str, ...]:
        return bulletin(article, words).sections[0].sentences

    def words(story: tuple[str, ...]) -> int:
        return sum(len(s.split()) for s in story)

    assert told(5) == sentences[:1]  # the lead whole, though longer than asked: never cut
    assert told(19) == sentences[:1]
    two = told(28)  # the lead (19 words) and a short one
    assert len(two) == 2 and two[0] == sentences[0] and two[1] in sentences[1:] and abs(words(two) - 28) <= 3
    longest = told(200)  # far more than two sentences hold: the two that say most, no third
    assert len(longest) == 2 and longest[0] == sentences[0] and longest[1] in sentences[1:]
    assert words(longest) > words(two) + 10


def test_a_bulletins_stories_are_chosen_together_to_land_near_its_total():
    from briefing.models import Article, Section
    from briefing.writing.bulletin import bulletin, bulletins

    def article(name: str, sentences: tuple[str, ...]) -> Article:
        return Article(name, f"{name}.txt", (Section(None, sentences),))

    one_sentence = article("Storm", (
        "A storm closed the coast road between the two harbors for most of Tuesday afternoon.",))  # 15 words
    two_sentences = article("Ferry", (
        "The harbor board approved a new ferry route to Gull Island on Tuesday.",  # 13 words
        "Tickets will cost four dollars for adults and two for children.",  # 11 words
    ))
    budgets = [18, 18]

    def words(digests) -> int:
        return sum(len(s.split()) for d in digests for sec in d.sections for s in sec.sentences)

    alone = [bulletin(a, b) for a, b in zip((one_sentence, two_sentences), budgets)]
    assert words(alone) == 15 + 13  # each nearest its own share: 28 of 36, far short
    together = bulletins((one_sentence, two_sentences), budgets)
    assert words(together) == 15 + 13 + 11  # the second story says both sentences and makes up for the first
    # a bulletin already near its total is each story's own best
    assert bulletins((two_sentences,), [13]) == [bulletin(two_sentences, 13)]


def test_one_article_in_brief_is_one_short_story(short_article):
    brief = make_script([str(short_article)], format="brief")  # the default three minutes
    digest = make_script([str(short_article)])
    assert len(_stories(brief)) == 1 and 1 <= len(_stories(brief)[0].sentences) <= BRIEF_SENTENCES
    assert not [s for s in brief.segments if s.kind == "article"]
    assert len(_stories(brief)[0].text.split()) < len(" ".join(s.text for s in _stories(digest)).split())


@pytest.mark.parametrize("name", ["bbc", "cnndm", "newsroom"])
def test_real_bulletins_land_within_a_tenth_of_one_minute(name, tmp_path):
    """Ten real articles of each development set as two bulletins of five (scripts/eval_ear.py
    --minutes measures twenty): CNN/DM's long leads once missed by a quarter."""
    import importlib.util

    from conftest import SHARED

    if not (SHARED / "eval" / f"{name}_dev.jsonl").is_file():
        pytest.skip(f"../shared/eval/{name}_dev.jsonl is not present")
    spec = importlib.util.spec_from_file_location("eval_ear", Path(__file__).parents[2] / "scripts" / "eval_ear.py")
    eval_ear = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(eval_ear)
    paths = eval_ear.article_files(name, 10, tmp_path)
    for start in (0, 5):
        script = make_script(paths[start:start + 5], format="brief", minutes=1)
        assert abs(script.word_count - WPM) <= 0.1 * WPM, (name, start, script.word_count)
        assert all(1 <= len(s.sentences) <= BRIEF_SENTENCES for s in _stories(script))
