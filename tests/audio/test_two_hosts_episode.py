"""A two-host episode end to end: two real voices in one MP3, level at every hand-over, transcripts
that say who speaks, a feed that names the hosts."""

from __future__ import annotations

import json
import re

import pytest

from briefing.audio.loudness import integrated_loudness
from helpers import decode, parse_vtt

pytestmark = pytest.mark.slow

SHOW_FILE = '''[show]
title = "Harbor Weekly"
hosts = 2

[[host]]
name = "Hannah"
voice = "hibari:heart"

[[host]]
name = "Joe"
voice = "piper:joe"
'''


@pytest.fixture(scope="module")
def episode(tmp_path_factory):
    from conftest import SEED, run_cli

    if not SEED.is_file():
        pytest.skip("../shared/eval/seed_article.txt is not present")
    folder = tmp_path_factory.mktemp("two-hosts")
    (folder / "briefing.toml").write_text(SHOW_FILE, encoding="utf-8")
    result = run_cli("make", str(SEED), "-o", "two.mp3", "-q", cwd=folder)
    assert result.returncode == 0, result.stderr.decode()
    return folder / "two.mp3"


def _turns(transcript: dict) -> list[tuple[str, float, float]]:
    turns: list[list] = []
    for segment in transcript["segments"]:
        if turns and turns[-1][0] == segment["speaker"]:
            turns[-1][2] = segment["endTime"]
        else:
            turns.append([segment["speaker"], segment["startTime"], segment["endTime"]])
    return [tuple(t) for t in turns]


def test_transcripts_say_who_speaks(episode):
    vtt = episode.with_suffix(".vtt").read_text()
    cues = parse_vtt(vtt)
    speakers = [re.match(r"<v ([^>]+)>", text).group(1) for _, _, text in cues]
    assert speakers[0] == "Hannah" and speakers[-1] == "Hannah" and "Joe" in speakers
    srt = episode.with_suffix(".srt").read_text()
    assert re.search(r"^Joe: ", srt, re.M) and re.search(r"^Hannah: Welcome", srt, re.M)
    transcript = json.loads(episode.with_suffix(".transcript.json").read_text())
    # Captions split long sentences into several cues: the same turns, in the same order.
    def turns(names):
        return [name for i, name in enumerate(names) if i == 0 or names[i - 1] != name]

    assert turns([s["speaker"] for s in transcript["segments"]]) == turns(speakers)
    assert len(speakers) >= len(transcript["segments"])
    assert len(_turns(transcript)) >= 5  # the hosts take turns, not one long monologue each


def test_both_voices_are_heard_and_level_at_every_hand_over(episode):
    """Each turn, measured in the decoded MP3, within 1 LU of every other; the whole at -16 LUFS."""
    rate = 44100
    audio = decode(episode, rate)
    transcript = json.loads(episode.with_suffix(".transcript.json").read_text())
    levels = [(who, integrated_loudness(audio[int(a * rate):int(b * rate)], rate))
              for who, a, b in _turns(transcript)]
    values = [level for _, level in levels]
    assert max(values) - min(values) <= 1.0, levels
    assert abs(integrated_loudness(audio, rate) + 16.0) <= 1.0


def test_the_feed_and_the_page_name_the_hosts(episode, tmp_path):
    from conftest import run_cli

    result = run_cli("publish", str(episode), "--site", str(tmp_path / "site"), cwd=episode.parent)
    assert result.returncode == 0, result.stderr.decode()
    feed = (tmp_path / "site" / "feed.xml").read_text()
    assert re.findall(r'<podcast:person role="host">([^<]+)</podcast:person>', feed) == ["Hannah", "Joe"]
    page = (tmp_path / "site" / "index.html").read_text()
    assert "Joe:</b>" in page and "&lt;v" not in page and "<v " not in page
    import feedparser

    parsed = feedparser.parse(feed)
    assert not parsed.bozo, parsed.bozo_exception
