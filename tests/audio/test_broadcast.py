"""The seed article's episode measured as a podcast checker would: loudness, chapters, transcripts, cover.

Everything is read back from the files: the MP3 decoded by ffmpeg and measured with its
ebur128 filter, the ID3 frames with mutagen, the cues against the decoded audio's energy.
"""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata

import numpy as np
import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from briefing.audio.ffmpeg import ffmpeg_exe
from helpers import decode, parse_vtt

pytestmark = pytest.mark.slow

HEADINGS = ("The Strategic Blow", "A Region in Flames", "What's Next?")


def normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace("\u2019", "'").strip()


def ebur128(path) -> tuple[float, float]:
    """(integrated LUFS, true peak dBTP) as ffmpeg measures the file."""
    result = subprocess.run([ffmpeg_exe(), "-hide_banner", "-nostats", "-i", str(path), "-af", "ebur128=peak=true",
                             "-f", "null", "-"], capture_output=True, check=True)
    summary = result.stderr.decode()[result.stderr.decode().rfind("Summary:"):]
    integrated = float(re.search(r"I:\s+(-?[\d.]+) LUFS", summary).group(1))
    peak = float(re.search(r"Peak:\s+(-?[\d.]+|-inf) dBFS", summary).group(1))
    return integrated, peak


@pytest.fixture(scope="module")
def seed_episode(tmp_path_factory):
    from conftest import SEED, run_cli

    if not SEED.is_file():
        pytest.skip("../shared/eval/seed_article.txt is not present")
    out = tmp_path_factory.mktemp("seed") / "X.mp3"
    result = run_cli("make", str(SEED), "-o", str(out), "-q")
    assert result.returncode == 0, result.stderr.decode()
    return out


def test_loudness_and_true_peak_of_the_encoded_file(seed_episode):
    integrated, peak = ebur128(seed_episode)
    assert -17.0 <= integrated <= -15.0
    assert peak <= -1.0


def test_id3v23_chapters_cover_every_section_with_one_ctoc(seed_episode):
    tags = ID3(seed_episode)
    assert tags.version[:2] == (2, 3)
    chaps = sorted(tags.getall("CHAP"), key=lambda f: f.start_time)
    titles = [normal(str(c.sub_frames["TIT2"])) for c in chaps]
    assert len(chaps) >= 4
    for heading in HEADINGS:
        assert heading in titles
    assert titles[0] == "Introduction" and titles[-1] == "Closing"
    tocs = tags.getall("CTOC")
    assert len(tocs) == 1
    assert list(tocs[0].child_element_ids) == [c.element_id for c in chaps]
    duration = MP3(seed_episode).info.length
    assert chaps[0].start_time == 0 and abs(chaps[-1].end_time / 1000 - duration) < 0.1
    assert all(a.end_time == b.start_time for a, b in zip(chaps, chaps[1:]))


def test_json_chapters_agree_with_the_chap_frames(seed_episode):
    data = json.loads(seed_episode.with_name("X.chapters.json").read_text())
    assert data["version"] == "1.2.0"
    chaps = sorted(ID3(seed_episode).getall("CHAP"), key=lambda f: f.start_time)
    assert len(data["chapters"]) == len(chaps)
    for item, chap in zip(data["chapters"], chaps):
        assert abs(item["startTime"] - chap.start_time / 1000) <= 0.05
        assert normal(item["title"]) == normal(str(chap.sub_frames["TIT2"]))


def test_a_section_chapter_starts_where_its_announcement_is_heard(seed_episode):
    """Each heading's chapter starts on speech that follows a pause (not in the middle of a sentence)."""
    samples = decode(seed_episode)
    rms = np.sqrt(np.mean(samples[: samples.size // 441 * 441].reshape(-1, 441) ** 2, axis=1))
    floor = rms.max() * 10 ** (-40 / 20)
    for chap in ID3(seed_episode).getall("CHAP"):
        if chap.start_time == 0:
            continue
        frame = int(chap.start_time / 10)
        assert rms[frame - 30: frame - 5].max() < floor * 10, "a pause comes before the chapter"
        assert rms[frame: frame + 30].max() > floor * 30, "speech starts with the chapter"


def _sentences(episode) -> list[tuple[float, float, str]]:
    data = json.loads(episode.with_name("X.transcript.json").read_text())
    return [(s["startTime"], s["endTime"], s["body"]) for s in data["segments"]]


def test_sentences_in_order_on_speech_and_covering_the_episode(seed_episode):
    sentences = _sentences(seed_episode)
    assert len(sentences) >= 10
    assert all(a[0] < a[1] <= b[0] for a, b in zip(sentences, sentences[1:]))
    samples = decode(seed_episode)
    duration = samples.size / 44100
    assert sum(end - start for start, end, _ in sentences) / duration >= 0.80
    hop = 441
    intro_end = sorted(f.end_time for f in ID3(seed_episode).getall("CHAP"))[0] / 1000
    rms = np.sqrt(np.mean(samples[: samples.size // hop * hop].reshape(-1, hop) ** 2, axis=1))
    for number, (start, end, text) in enumerate(sentences):
        inside = rms[int(start * 100): int(end * 100)]
        loud = np.nonzero(inside > inside.max() * 10 ** (-30 / 20))[0]
        heard_from, heard_to = start + loud[0] / 100, start + (loud[-1] + 1) / 100
        assert heard_from - start <= 0.1, f"speech starts {heard_from - start:.2f} s after the cue: {text}"
        assert end - heard_to <= 0.1, f"the cue outlasts its speech by {end - heard_to:.2f} s: {text}"
        before = rms[max(0, int(start * 100) - 10): int(start * 100) - 1]
        after = rms[int(end * 100) + 1: int(end * 100) + 10]
        level = inside.max() * 10 ** (-24 / 20)
        # Music is not speech: the intro's bed plays under the intro's pauses, the outro sting after the end.
        if start > intro_end:
            assert before.max() < level, f"speech before the cue: {text}"
            assert number == len(sentences) - 1 or after.max() < level, f"speech after the cue: {text}"


@pytest.mark.parametrize("suffix, lines, width", [(".vtt", 2, 65), (".srt", 2, 32)])
def test_captions_fit_their_cards_and_tile_each_sentence(seed_episode, suffix, lines, width):
    text = seed_episode.with_name("X" + suffix).read_text()
    if suffix == ".srt":
        text = re.sub(r"(\d\d),(\d{3})", r"\1.\2", text)
    blocks = [b.splitlines() for b in text.strip().split("\n\n") if "-->" in b]
    shown = [b[b.index(next(x for x in b if "-->" in x)) + 1:] for b in blocks]
    assert all(1 <= len(card) <= lines and all(len(x) <= width for x in card) for card in shown)
    captions = parse_vtt(text)
    assert all(a[0] < a[1] <= b[0] + 0.0005 for a, b in zip(captions, captions[1:]))
    sentences = _sentences(seed_episode)
    # The captions say exactly the sentences, and each sentence's captions span its time.
    assert " ".join(c[2] for c in captions).split() == " ".join(s[2] for s in sentences).split()
    starts = {round(c[0], 3) for c in captions}
    ends = {round(c[1], 3) for c in captions}
    assert all(round(s[0], 3) in starts and round(s[1], 3) in ends for s in sentences)
    assert len(captions) > len(sentences)  # the seed article has sentences longer than a card


def test_transcript_json_is_a_segment_per_sentence(seed_episode):
    data = json.loads(seed_episode.with_name("X.transcript.json").read_text())
    assert data["version"] == "1.0.0"
    script = seed_episode.with_name("X.txt").read_text()
    assert " ".join(s["body"] for s in data["segments"]).split() == script.split()


def test_cover_written_beside_and_embedded(seed_episode):
    from PIL import Image

    path = seed_episode.with_name("X.jpg")
    with Image.open(path) as image:
        assert image.format == "JPEG" and image.mode == "RGB"
        assert image.width == image.height and 1400 <= image.width <= 3000
    pictures = ID3(seed_episode).getall("APIC")
    assert len(pictures) == 1 and pictures[0].type == 3 and pictures[0].mime == "image/jpeg"
    assert pictures[0].data == path.read_bytes()
