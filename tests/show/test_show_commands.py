"""The show's commands around `run`: sources edited in place, schedule, the run lock."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import run_cli

SHOW = """# Harbor Weekly, made every morning
[show]
title = "Harbor Weekly"   # the name listeners see
minutes = 5
site = "site"
schedule = "06:30"
"""


@pytest.fixture
def show(tmp_path) -> Path:
    path = tmp_path / "briefing.toml"
    path.write_text(SHOW, encoding="utf-8")
    return path


def test_sources_add_list_remove_keep_the_users_comments(show):
    assert run_cli("sources", "add", "https://example.org/news/feed.xml", "--name", "Example News",
                   "--show", str(show)).returncode == 0
    assert run_cli("sources", "add", "https://another.example/rss", "--latest", "3", "--show", str(show)).returncode == 0
    text = show.read_text()
    assert text.startswith(SHOW)  # comments and layout untouched
    listed = run_cli("sources", "--show", str(show))
    lines = listed.stdout.decode().splitlines()
    assert len(lines) == 2 and "Example News" in lines[0] and "never fetched" in lines[0]
    assert "https://another.example/rss" in lines[1]
    removed = run_cli("sources", "remove", "1", "--show", str(show))
    assert removed.returncode == 0, removed.stderr.decode()
    assert "example.org" not in show.read_text() and show.read_text().startswith(SHOW)
    missing = run_cli("sources", "remove", "7", "--show", str(show))
    assert missing.returncode != 0 and len(missing.stderr.decode().strip().splitlines()) == 1


def test_init_writes_sources_and_keeps_them_on_the_next_init(tmp_path):
    show = tmp_path / "briefing.toml"
    made = run_cli("init", "--title", "Harbor Weekly", "--path", str(show), "--source", "https://a.example/feed.xml",
                   "--source", "https://b.example/rss")
    assert made.returncode == 0, made.stderr.decode()
    again = run_cli("init", "--title", "Harbor Daily", "--path", str(show))
    assert again.returncode == 0, again.stderr.decode()
    from briefing.show.config import load_settings, load_sources

    assert [s.url for s in load_sources(show)] == ["https://a.example/feed.xml", "https://b.example/rss"]
    assert load_settings(show).show == "Harbor Daily"


def test_schedule_prints_a_crontab_line(show):
    result = run_cli("schedule", "--show", str(show))
    assert result.returncode == 0, result.stderr.decode()
    line = result.stdout.decode().strip()
    assert line.startswith("30 6 * * * /") and line.endswith(f"run --show {show.resolve()}")


def test_schedule_refuses_a_bad_time(show):
    show.write_text(SHOW.replace('"06:30"', '"half past six"'))
    result = run_cli("schedule", "--show", str(show))
    assert result.returncode != 0 and "06:30" in result.stderr.decode()
    assert len(result.stderr.decode().strip().splitlines()) == 1


def test_schedule_writes_systemd_units_that_verify(show, tmp_path):
    units = tmp_path / "units"
    result = run_cli("schedule", "--systemd", "--dir", str(units), "--show", str(show))
    assert result.returncode == 0, result.stderr.decode()
    service, timer = units / "briefing-harbor-weekly.service", units / "briefing-harbor-weekly.timer"
    assert "OnCalendar=*-*-* 06:30:00" in timer.read_text() and "Persistent=true" in timer.read_text()
    assert f"run --show {show.resolve()}" in service.read_text()
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed")
    verified = subprocess.run(["systemd-analyze", "verify", str(service), str(timer)], capture_output=True,
                              text=True, timeout=60)
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_install_puts_units_in_the_user_folder_and_names_the_command(show, tmp_path):
    home = tmp_path / "home"
    result = run_cli("schedule", "--install", "--show", str(show), env={"HOME": str(home)})
    assert result.returncode == 0, result.stderr.decode()
    assert (home / ".config/systemd/user/briefing-harbor-weekly.timer").is_file()
    assert "systemctl --user enable --now briefing-harbor-weekly.timer" in result.stdout.decode()


def test_a_second_run_of_the_same_show_refuses_while_the_first_holds_the_lock(show):
    from briefing.show.run import show_lock

    with show_lock(show):
        result = run_cli("run", "--show", str(show), env={"BRIEFING_RUN_LOCK_WAIT": "0.5"}, timeout=60)
    err = result.stderr.decode().strip()
    assert result.returncode != 0
    assert len(err.splitlines()) == 1 and "another `briefing run` of this show is still running" in err
    assert not (show.parent / "site").exists()


def test_run_without_sources_says_how_to_add_one(show):
    result = run_cli("run", "--show", str(show), timeout=60)
    assert result.returncode != 0 and "briefing sources add" in result.stderr.decode()


def test_run_when_every_source_fails_exits_non_zero_and_publishes_nothing(show, tmp_path):
    from briefing.publish.catalog import Catalog

    show.write_text(SHOW + '\n[[source]]\nurl = "http://127.0.0.1:9/feed.xml"\n')
    result = run_cli("run", "--show", str(show), env={"BRIEFING_FETCH_DEADLINE": "2"}, timeout=60)
    assert result.returncode != 0 and "every source failed" in result.stderr.decode()
    assert not (show.parent / "site" / "feed.xml").exists()
    with Catalog(show.parent / "site") as catalog:
        assert catalog.episodes() == []
    listed = run_cli("sources", "--show", str(show)).stdout.decode()
    assert "connection refused" in listed
