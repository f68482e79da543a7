"""`briefing init` writes the show file that publish reads; flags override, mistakes are one line."""

from __future__ import annotations

import tomllib

import pytest

from conftest import run_cli
from site_fixtures import make_jpeg


def init(folder, *flags):
    return run_cli("init", *flags, cwd=folder)


def test_defaults_are_a_valid_show(tmp_path):
    result = init(tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    show = tomllib.loads((tmp_path / "briefing.toml").read_text())["show"]
    assert set(show) >= {"title", "description", "author", "email", "language", "category", "explicit",
                         "base_url", "image"}
    assert show["category"] == "News" and show["explicit"] is False and show["language"] == "en"


def test_flags_override_and_keep_the_rest(tmp_path):
    make_jpeg(tmp_path / "art.jpg", size=64)
    assert init(tmp_path, "--title", 'Harbor "Weekly" & Co', "--email", "me@harbor.example",
                "--category", "news > daily news", "--explicit", "--image", "art.jpg").returncode == 0
    assert init(tmp_path, "--base-url", "http://192.168.1.20:8000/").returncode == 0
    show = tomllib.loads((tmp_path / "briefing.toml").read_text())["show"]
    assert show["title"] == 'Harbor "Weekly" & Co'  # kept from the first run
    assert show["email"] == "me@harbor.example"
    assert show["category"] == "News/Daily News"  # in Apple's spelling
    assert show["explicit"] is True and show["image"] == "art.jpg"
    assert show["base_url"] == "http://192.168.1.20:8000/"


@pytest.mark.parametrize("flags, words", [
    (["--category", "Cooking"], "Apple Podcasts' categories"),
    (["--language", "english please"], "language"),
    (["--email", "nobody"], "e-mail"),
    (["--base-url", "example.org"], "base URL"),
    (["--image", "missing.jpg"], "image"),
])
def test_mistakes_are_one_line_and_write_nothing(tmp_path, flags, words):
    result = init(tmp_path, *flags)
    assert result.returncode == 1
    err = result.stderr.decode()
    assert err.startswith("briefing: error: ") and err.count("\n") == 1 and words in err
    assert not (tmp_path / "briefing.toml").exists()
