"""The show file's hosts and pronunciations: read, checked, kept by `briefing init`."""

from __future__ import annotations

import pytest

from briefing.errors import BriefingError
from briefing.show.config import DEFAULT_HOSTS, find_settings, init_settings, load_settings


def test_defaults_are_one_voice_and_hannah_and_joe_for_two(tmp_path):
    settings = load_settings(tmp_path / "none.toml")
    assert settings.engine == "hibari" and settings.cast() == ()
    assert settings.cast(2) == DEFAULT_HOSTS == (("Hannah", "hibari:heart"), ("Joe", "piper:joe"))


def test_hosts_and_pronunciations_from_the_show_file(tmp_path):
    path = tmp_path / "briefing.toml"
    path.write_text('[show]\ntitle = "Harbor"\nhosts = 2\n\n[[host]]\nname = "Ana"\nvoice = "piper:joe"\n\n'
                    '[[host]]\nname = "Ben"\nvoice = "hibari:heart"\n\n'
                    '[pronunciations]\nHama = "HAH-mah"\nAssad = "/ɑˈsɑd/"\n', encoding="utf-8")
    settings = find_settings(path)
    assert settings.cast() == (("Ana", "piper:joe"), ("Ben", "hibari:heart"))
    assert settings.pronunciations == {"Hama": "HAH-mah", "Assad": "/ɑˈsɑd/"}
    # `briefing init` rewrites the [show] table and keeps the rest.
    init_settings(path, show="Harbor Weekly")
    again = find_settings(path)
    assert again.show == "Harbor Weekly" and again.cast() == settings.cast()
    assert again.pronunciations == settings.pronunciations


@pytest.mark.parametrize("text, mentions", [
    ('[[host]]\nname = "Ana"\n', "host 1"),
    ('[[host]]\nname = "Ana"\nvoice = "heart"\n', "engine:voice"),
    ('[pronunciations]\nHama = ""\n', "Hama"),
    ('pronunciations = "Hama"\n', "table"),
])
def test_bad_tables_name_what_is_wrong(tmp_path, text, mentions):
    path = tmp_path / "briefing.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BriefingError, match=mentions):
        find_settings(path)


def test_more_hosts_than_named_is_one_clear_line(cli, tmp_path, short_article):
    result = cli("script", str(short_article), "--hosts", "3", cwd=tmp_path)
    assert result.returncode != 0
    assert result.stderr.decode().strip().splitlines() == [
        "briefing: error: hosts 3: give 1, or up to 2 ([[host]] tables in the show file name more)"]


def test_episode_options_with_hosts_survive_a_trip_through_json():
    """A worker in another process makes the same two-host episode from the plain value."""
    import json

    from briefing.models import EpisodeOptions

    options = EpisodeOptions(hosts=DEFAULT_HOSTS, pronunciations={"Hama": "HAH-mah"})
    assert EpisodeOptions.from_dict(json.loads(json.dumps(options.to_dict()))) == options
