"""The streamed render: re-runs reuse the encoded episode, errors leave nothing behind."""

import json

import pytest
from mutagen.mp3 import MP3

from helpers import decode

pytestmark = pytest.mark.slow


def _audio_frames(path):
    """The MP3's audio bytes, without its ID3 tag (tags may differ between runs)."""
    from mutagen.id3 import ID3

    data = path.read_bytes()
    return data[ID3(path).size:] if data.startswith(b"ID3") else data


def test_warm_rerun_reuses_the_encoded_episode(cli, short_article, tmp_path):
    cache = tmp_path / "cache"
    first, second = tmp_path / "a.mp3", tmp_path / "b.mp3"
    env = {"BRIEFING_CACHE_DIR": str(cache)}
    assert cli("make", str(short_article), "-o", str(first), "-q", env=env).returncode == 0
    assert list((cache / "episodes").glob("*.mp3")), "the encoded episode is cached"
    result = cli("make", str(short_article), "-o", str(second), env=env)
    assert result.returncode == 0, result.stderr.decode()
    assert _audio_frames(first) == _audio_frames(second)
    assert first.with_suffix(".vtt").read_text() == second.with_suffix(".vtt").read_text()
    assert json.loads(first.with_suffix(".chapters.json").read_text()) == json.loads(
        second.with_suffix(".chapters.json").read_text())


def test_a_changed_setting_renders_again(cli, short_article, tmp_path):
    env = {"BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    quiet, loud = tmp_path / "quiet.mp3", tmp_path / "loud.mp3"
    assert cli("make", str(short_article), "-o", str(quiet), "-q", "--loudness", "-23", env=env).returncode == 0
    assert cli("make", str(short_article), "-o", str(loud), "-q", env=env).returncode == 0
    rms = [float((decode(p) ** 2).mean()) ** 0.5 for p in (quiet, loud)]
    assert rms[1] > rms[0] * 1.8  # 7 dB apart is 2.2x in amplitude


def test_streamed_episode_plays_whole(cli, short_article, tmp_path):
    out = tmp_path / "s.mp3"
    assert cli("make", str(short_article), "-o", str(out), "-q", "--no-cache").returncode == 0
    samples = decode(out)
    assert abs(len(samples) / 44100 - MP3(out).info.length) < 0.1
    # The timeline's last cue ends inside the audio, and the closing sting follows it.
    cues = out.with_suffix(".srt").read_text().strip().split("\n\n")
    assert cues and len(samples) / 44100 > 1.0
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_leftovers_of_a_killed_run_are_swept(cli, short_article, tmp_path):
    out = tmp_path / "e.mp3"
    dead = 2 ** 22 + 12345  # above the default pid_max: no such process
    leftovers = [tmp_path / f".e.mp3.{dead}.part", tmp_path / f".e.mp3.{dead}.audio.part",
                 tmp_path / f".e.vtt.{dead}.part", tmp_path / f".e.chapters.json.{dead}.part"]
    for path in leftovers:
        path.write_bytes(b"half")
    unrelated = tmp_path / ".other.mp3.1.part"
    unrelated.write_bytes(b"not ours")
    assert cli("make", str(short_article), "-o", str(out), "-q").returncode == 0
    assert not any(p.exists() for p in leftovers)
    assert unrelated.exists()


def test_the_same_make_again_copies_the_files_it_made(cli, short_article, tmp_path):
    """The same command twice: the second run makes nothing, and its files are the first's, byte
    for byte (tags, cover and sidecars included). An edited input makes the episode again."""
    article = tmp_path / "story.txt"
    article.write_text(short_article.read_text())
    out = tmp_path / "ep.mp3"
    env = {"BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    assert cli("make", str(article), "-o", str(out), "-q", env=env).returncode == 0
    made = {p.name: p.read_bytes() for p in tmp_path.glob("ep.*")}
    assert len(made) >= 6
    for path in tmp_path.glob("ep.*"):
        path.unlink()
    again = cli("make", str(article), "-o", str(out), env=env)
    assert again.returncode == 0, again.stderr.decode()
    assert "nothing changed since the last make" in again.stderr.decode()
    assert {p.name: p.read_bytes() for p in tmp_path.glob("ep.*")} == made
    article.write_text(short_article.read_text().replace(".", ". Indeed.", 1))
    edited = cli("make", str(article), "-o", str(out), env=env)
    assert edited.returncode == 0 and "nothing changed" not in edited.stderr.decode()
    assert out.read_bytes() != made["ep.mp3"]
    assert (tmp_path / "ep.txt").read_text() != made["ep.txt"].decode()
