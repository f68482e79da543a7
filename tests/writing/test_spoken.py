"""`briefing spoken`: exactly the words the voice is given, through the CLI as a user runs it."""

from __future__ import annotations

from conftest import run_cli

SHOW = '[show]\ntitle = "Harbor"\n\n[pronunciations]\nHama = "HAH-mah"\nAssad = "/ɑˈsɑd/"\n'


def test_one_line_is_said_in_words(tmp_path):
    result = run_cli("spoken", "Charles III paid US$171 million on Dec. 5.", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == \
        "Charles the third paid one hundred and seventy-one million U S dollars on December fifth.\n"
    # What needs no saying differently stays as written.
    plain = run_cli("spoken", "I think the US will agree.", cwd=tmp_path)
    assert plain.stdout.decode() == "I think the U S will agree.\n"


def test_standard_input_gives_one_line_per_line(tmp_path):
    result = run_cli("spoken", "-", input="In 1999 the BBC said 5-7.\n\nA 3-2 win.\n".encode(), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().split("\n") == [
        "In nineteen ninety-nine the B B C said five to seven.", "", "A three two win.", ""]


def test_the_show_pronunciations_in_the_voice_markup(tmp_path):
    (tmp_path / "briefing.toml").write_text(SHOW, encoding="utf-8")
    text = "Assad left Hama."
    hibari = run_cli("spoken", text, cwd=tmp_path)
    assert hibari.stdout.decode() == "[Assad](/ɑˈsɑd/) left hah-mah.\n"
    piper = run_cli("spoken", text, "--voice", "piper:joe", cwd=tmp_path)
    assert piper.stdout.decode() == "[[ ɑˈsɑd ]] left hah-mah.\n"
    gtts = run_cli("spoken", text, "--engine", "gtts", cwd=tmp_path)
    assert gtts.stdout.decode() == "Assad left hah-mah.\n"
    # Without a show file, nothing is respelled.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    bare = run_cli("spoken", text, cwd=elsewhere)
    assert "Hama" in bare.stdout.decode()


def test_the_language_variant_orders_numeric_dates(tmp_path):
    british = run_cli("spoken", "on 03/04/2025", "--lang", "en-GB", cwd=tmp_path)
    american = run_cli("spoken", "on 03/04/2025", cwd=tmp_path)
    assert british.stdout.decode() == "on the third of April twenty twenty-five\n"
    assert american.stdout.decode() == "on March fourth twenty twenty-five\n"


def test_an_unknown_engine_is_one_line_and_a_voice_exit(tmp_path):
    result = run_cli("spoken", "Hello.", "--engine", "nope", cwd=tmp_path)
    assert result.returncode == 3
    assert result.stdout == b""
    assert result.stderr.decode().count("\n") == 1 and "unknown engine" in result.stderr.decode()
