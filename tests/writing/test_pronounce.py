"""Names said right: the show's pronunciations change what the voice hears, never the transcript."""

from __future__ import annotations

import json
import wave

import pytest
from helpers import parse_vtt

from briefing.errors import BriefingError
from briefing.voices import get_voice
from briefing.writing.pronounce import check_pronunciations, pronounced

TABLE = {"Hama": "HAH-mah", "Assad": "/ɑˈsɑd/"}


class Plain:  # an engine that cannot read phonemes (gTTS)
    pass


def test_whole_words_and_case_sensitive():
    said = pronounced("Hama, Hamas and hama; Hama's mayor.", {"Hama": "HAH-mah"})
    assert said == "hah-mah, Hamas and hama; Hama's mayor."  # "Hama's" is another word


def test_an_acronym_entry_matches_the_letters_the_speech_rules_spell():
    from briefing.writing.spoken import spoken

    # "AMSC" reaches the voice as "A M S C": its entry must still apply; a lone "A" or other
    # letters stay, and an acronym without an entry is still spelled.
    table = {"AMSC": "AM-sk", "BBC": "/biːbiːˈsiː/"}
    assert spoken("AMSC told the BBC and A M the IMF.", pronunciations=table) == \
        "am-sk told the [BBC](/biːbiːˈsiː/) and A M the I M F."
    assert pronounced("A M S C and B B C", table, Plain()) == "am-sk and B B C"  # no markup: the letters stay


def test_phonemes_are_written_the_way_each_engine_reads_them():
    text = "Assad left Hama."
    assert pronounced(text, TABLE, get_voice("hibari")) == "[Assad](/ɑˈsɑd/) left hah-mah."
    assert pronounced(text, TABLE, get_voice("piper")) == "[[ ɑˈsɑd ]] left hah-mah."
    assert pronounced(text, TABLE, Plain()) == "Assad left hah-mah."  # phonemes it cannot read: the word stays


@pytest.mark.parametrize("engine", ["hibari", "piper"])
def test_an_entry_changes_what_the_voice_says(engine):
    voice = get_voice(engine)
    plain = voice.synthesize("President Assad spoke.")
    for table in ({"Assad": "/ˈæsəd/"}, {"Assad": "ASS-id"}):
        changed = voice.synthesize(pronounced("President Assad spoke.", table, voice))
        assert changed != plain, table


def test_bad_entries_are_refused_with_their_name():
    with pytest.raises(BriefingError, match="Hama"):
        check_pronunciations({"Hama": ""})
    with pytest.raises(BriefingError, match="two words"):
        check_pronunciations({"two words": "x"})
    assert check_pronunciations({"Hama": " HAH-mah "}) == {"Hama": "HAH-mah"}


def test_a_show_file_pronunciation_reaches_the_voice_but_not_the_transcript(cli, tmp_path):
    article = tmp_path / "hama.txt"
    article.write_text("Rebels Take Hama\n\nRebel forces entered Hama on Thursday, the army of President Assad "
                       "said. Residents of Hama said the streets were quiet by evening.\n", encoding="utf-8")
    plain_dir, said_dir = tmp_path / "plain", tmp_path / "said"
    plain_dir.mkdir()
    said_dir.mkdir()
    (said_dir / "briefing.toml").write_text('[show]\ntitle = "Harbor"\n\n[pronunciations]\n'
                                            'Hama = "HAH-mah"\nAssad = "/ɑˈsɑd/"\n', encoding="utf-8")
    (plain_dir / "briefing.toml").write_text('[show]\ntitle = "Harbor"\n', encoding="utf-8")
    for folder in (plain_dir, said_dir):
        result = cli("make", str(article), "-o", "e.mp3", "-q", "--no-music", cwd=folder)
        assert result.returncode == 0, result.stderr.decode()
    assert (said_dir / "e.txt").read_text() == (plain_dir / "e.txt").read_text()
    # The cues keep the written words (their times move: the names take longer or shorter to say).
    for suffix in (".vtt", ".srt"):
        assert [c[2] for c in parse_vtt((said_dir / f"e{suffix}").read_text().replace(",", "."))] == \
            [c[2] for c in parse_vtt((plain_dir / f"e{suffix}").read_text().replace(",", "."))], suffix
    bodies = [[s["body"] for s in json.loads((d / "e.transcript.json").read_text())["segments"]]
              for d in (said_dir, plain_dir)]
    assert bodies[0] == bodies[1] and any("Assad" in b for b in bodies[0])
    assert "Hama" in (said_dir / "e.txt").read_text() and "hah-mah" not in (said_dir / "e.txt").read_text()
    assert (said_dir / "e.mp3").read_bytes() != (plain_dir / "e.mp3").read_bytes()


def test_say_speaks_one_line_with_the_show_pronunciations(cli, tmp_path):
    (tmp_path / "briefing.toml").write_text('[pronunciations]\nHama = "HAH-mah"\n', encoding="utf-8")
    for name, engine in (("heart.wav", "hibari"), ("joe.wav", "piper")):
        result = cli("say", "Rebels took Hama.", "-o", name, "--engine", engine, cwd=tmp_path)
        assert result.returncode == 0, result.stderr.decode()
        assert result.stdout.decode().strip() == name
        with wave.open(str(tmp_path / name)) as wav:
            assert wav.getnchannels() == 1 and wav.getframerate() == (24000 if engine == "hibari" else 22050)
            assert 0.8 < wav.getnframes() / wav.getframerate() < 4.0
    without = tmp_path / "plain"
    without.mkdir()
    assert cli("say", "Rebels took Hama.", "-o", "heart.wav", cwd=without).returncode == 0
    assert (without / "heart.wav").read_bytes() != (tmp_path / "heart.wav").read_bytes()


def test_say_errors_are_one_line(cli, tmp_path):
    result = cli("say", "Hello.", "-o", str(tmp_path / "nope" / "x.wav"))
    assert result.returncode != 0 and len(result.stderr.decode().strip().splitlines()) == 1
    result = cli("say", "Hello.", "-o", str(tmp_path / "x.wav"), "--voice", "hibari:nobody")
    assert result.returncode != 0 and "unknown hibari voice" in result.stderr.decode()
    assert not list(tmp_path.iterdir())
