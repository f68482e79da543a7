"""A short article rendered with the default voice's real speech into a real MP3, checked as a listener's app would."""

import numpy as np
import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from helpers import decode, has_xing_or_info_header, parse_vtt

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def episode(tmp_path_factory):
    from conftest import SHORT_ARTICLE, run_cli

    folder = tmp_path_factory.mktemp("e2e")
    article = folder / "library.txt"
    article.write_text(SHORT_ARTICLE)
    out = folder / "library.mp3"
    result = run_cli("make", str(article), "-o", str(out), "--show", "Alder Daily")
    assert result.returncode == 0, result.stderr.decode()
    return out, result


def test_last_stdout_line_is_the_mp3_path(episode):
    out, result = episode
    assert result.stdout.decode().strip().splitlines()[-1] == str(out)


def test_last_progress_line_says_the_audio_length_and_the_time_taken_apart(episode):
    import re

    out, result = episode
    last = result.stderr.decode().strip().splitlines()[-1]
    match = re.fullmatch(r"briefing: done: (?:(\d+) min )?(\d+) s of audio, made in (\d+\.\d) s", last)
    assert match, last
    heard = int(match.group(1) or 0) * 60 + int(match.group(2))
    assert abs(heard - MP3(out).info.length) <= 1


def test_mp3_is_44k1_mono_cbr_with_xing_header_and_real_speech(episode):
    out, _ = episode
    info = MP3(out).info
    assert info.sample_rate == 44100 and info.channels == 1
    assert info.bitrate == 96000
    assert has_xing_or_info_header(out)
    samples = decode(out)
    decoded_seconds = len(samples) / 44100
    assert 10 < decoded_seconds < 120
    assert abs(info.length - decoded_seconds) < 0.2  # the header's duration is the real one
    # Not silence: speech has energy across most of the episode.
    frames = samples[: len(samples) // 4410 * 4410].reshape(-1, 4410)
    loud = np.sqrt((frames ** 2).mean(axis=1)) > 0.01
    assert loud.mean() > 0.5


def test_id3v23_tags(episode):
    out, _ = episode
    tags = ID3(out)
    assert tags.version[:2] == (2, 3)
    assert str(tags["TIT2"]) == "Town Opens New Library"
    assert str(tags["TPE1"]) == "Alder Daily" and str(tags["TALB"]) == "Alder Daily"
    assert tags.getall("TDRC") and tags.getall("COMM")
    assert "library.txt" in str(tags.getall("COMM")[0])


def test_sidecars_share_the_stem_and_match_the_audio(episode):
    out, _ = episode
    script = out.with_suffix(".txt").read_text()
    assert "Alder Daily" in script and "Books and Beyond" in script
    cues = parse_vtt(out.with_suffix(".vtt").read_text())
    assert len(cues) >= 5
    assert all(a[0] < a[1] <= b[0] for a, b in zip(cues, cues[1:]))
    duration = MP3(out).info.length
    assert cues[-1][1] <= duration + 0.05
    # Every sentence of the script has its cue, in order.
    assert " ".join(c[2] for c in cues).split() == script.split()
    # A cue is where speech is heard: its middle is louder than the gaps.
    samples = decode(out)
    for start, end, _ in cues:
        middle = samples[int((start + end) / 2 * 44100) - 2205: int((start + end) / 2 * 44100) + 2205]
        assert np.abs(middle).max() > 0.02


def test_no_partial_files_left(episode):
    out, _ = episode
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".part")]


def test_seed_article_episode(seed_article, tmp_path, cli):
    out = tmp_path / "X.mp3"
    result = cli("make", str(seed_article), "-o", str(out), "-q")
    assert result.returncode == 0, result.stderr.decode()
    duration = MP3(out).info.length
    assert 45 <= duration <= 360
    script = out.with_suffix(".txt").read_text()
    for heading in ("The Strategic Blow", "A Region in Flames", "What's Next?"):
        assert heading in script
    article_words = len(seed_article.read_text().split())
    assert 80 <= len(script.split()) <= 0.75 * article_words
