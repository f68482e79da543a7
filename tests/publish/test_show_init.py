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


def test_init_again_changes_the_show_and_keeps_everything_else_the_user_wrote(tmp_path):
    """Listeners, the cluster, hosts, pronunciations, sources and the user's comments survive
    `briefing init --title ...` on an existing show file."""
    written = ('# Our morning show\n[show]\ntitle = "Harbor"  # its old name\nminutes = 4\n\n'
               '[[source]]\nurl = "news"  # the desk\'s folder\n\n'
               '[[listener]]\nname = "ana"\ntopics = ["climate"]\n\n'
               '[cluster]\nbroker = "redis://127.0.0.1:6379/0"\n\n'
               '[pronunciations]\nHama = "HAH-mah"\n')
    (tmp_path / "briefing.toml").write_text(written)
    result = init(tmp_path, "--title", "Harbor Weekly", "--email", "desk@example.org")
    assert result.returncode == 0, result.stderr.decode()
    text = (tmp_path / "briefing.toml").read_text()
    data = tomllib.loads(text)
    assert data["show"]["title"] == "Harbor Weekly" and data["show"]["email"] == "desk@example.org"
    assert data["show"]["minutes"] == 4
    assert data["listener"] == [{"name": "ana", "topics": ["climate"]}]
    assert data["cluster"] == {"broker": "redis://127.0.0.1:6379/0"}
    assert data["pronunciations"] == {"Hama": "HAH-mah"}
    assert data["source"] == [{"url": "news"}]
    for comment in ("# Our morning show", "# its old name", "# the desk's folder"):
        assert comment in text


def test_init_private_and_public(tmp_path):
    assert init(tmp_path, "--title", "Desk", "--private").returncode == 0
    assert tomllib.loads((tmp_path / "briefing.toml").read_text())["show"]["private"] is True
    assert init(tmp_path, "--public").returncode == 0
    show = tomllib.loads((tmp_path / "briefing.toml").read_text())["show"]
    assert show["private"] is False and show["title"] == "Desk"
