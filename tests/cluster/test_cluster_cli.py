"""The cluster's commands fail as every command does: one line, a non-zero exit, nothing left behind."""

from __future__ import annotations

from cluster_fixtures import free_port


def test_an_unreachable_broker_is_one_line(cli, tmp_path):
    result = cli("jobs", "--broker", f"redis://127.0.0.1:{free_port()}/0", timeout=60)
    error = result.stderr.decode().strip()
    assert result.returncode != 0 and len(error.splitlines()) == 1
    assert error.startswith("briefing: error: cannot reach the broker")


def test_a_broker_that_is_not_redis_is_refused(cli, tmp_path):
    show = tmp_path / "briefing.toml"
    show.write_text('[show]\ntitle = "T"\n\n[[source]]\nurl = "stories"\n')
    result = cli("run", str(show), "--broker", "amqp://localhost//", timeout=60)
    assert result.returncode != 0
    assert result.stderr.decode().strip() == \
        "briefing: error: --broker amqp://localhost//: give a Redis URL (redis://HOST:6379/0)"


def test_without_a_broker_the_cluster_commands_say_how_to_give_one(cli):
    result = cli("jobs", env={"BRIEFING_BROKER": ""}, timeout=60)
    assert result.returncode != 0
    assert "no broker: give --broker redis://HOST:6379/0" in result.stderr.decode()


def test_several_shows_without_a_broker_are_refused(cli, tmp_path):
    shows = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.toml"
        path.write_text('[show]\ntitle = "T"\n\n[[source]]\nurl = "stories"\n')
        shows.append(str(path))
    result = cli("run", *shows, env={"BRIEFING_BROKER": ""}, timeout=60)
    assert result.returncode != 0
    assert "give --broker" in result.stderr.decode() and "Traceback" not in result.stderr.decode()
    assert not (tmp_path / "site").exists()
