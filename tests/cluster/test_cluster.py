"""The cluster with real parts: a redis-server, `briefing worker` processes, real speech and MP3s."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from cluster_fixtures import broker, workers  # noqa: F401 (fixtures)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "show"))
from personal_fixtures import NAMES, write_personal_show  # noqa: E402

pytestmark = pytest.mark.slow


def feed_items(site: Path, name: str) -> list[str]:
    import feedparser

    feed = feedparser.parse((site / "listeners" / name.lower() / "feed.xml").read_bytes())
    return [entry.title for entry in feed.entries]


def takes_in(cache: Path) -> int:
    return sum(1 for _ in cache.rglob("*.wav"))


def run_cli_env(cli, cache: Path, *args):
    return cli(*args, env={"BRIEFING_CACHE_DIR": str(cache)}, timeout=400)


def test_personal_briefings_on_two_workers_survive_a_killed_worker(tmp_path, broker, workers, cli):
    from briefing.show.run import plan_run
    from briefing.voices.segments import distinct_segments

    cache = tmp_path / "shared-cache"
    workers.env["BRIEFING_CACHE_DIR"] = str(cache)
    show = write_personal_show(tmp_path / "show", listeners=30)
    plan = plan_run(show, dry_run=True)
    distinct = distinct_segments([episode.script for episode in plan.episodes])
    first, _ = workers.start(2)

    submitted = run_cli_env(cli, cache, "run", str(show), "--broker", broker, "--no-wait")
    assert submitted.returncode == 0, submitted.stderr.decode()
    job = submitted.stdout.decode().split()[0]
    # Kill one worker (and its pool) while it is speaking: its task goes back to the queue.
    deadline = time.monotonic() + 120
    while takes_in(cache) < 10 and time.monotonic() < deadline:
        time.sleep(0.2)
    workers.kill(first)

    from briefing.cluster.submit import wait
    from briefing.errors import BriefingError

    try:
        [finished] = wait([job], broker, timeout=300)
    except BriefingError as exc:  # say where it stood, and what the workers said
        listed = cli("jobs", "--broker", broker).stdout.decode()
        raise AssertionError(f"{exc}\n{listed}\n{workers.logs()}") from None
    assert finished.state == "finished", (finished.line(), workers.logs())
    assert finished.episodes_done == 30
    # Every segment spoken once (the killed worker's segment is finished by the other worker).
    assert finished.segments == len(distinct) == finished.segments_done
    site = tmp_path / "show" / "site"
    for episode, name in zip(plan.episodes, NAMES):
        assert episode.listener == name
        titles = feed_items(site, name)
        assert titles == [episode.script.title], name  # exactly their episode, exactly once

    listed = cli("jobs", "--broker", broker)
    assert listed.returncode == 0
    assert job in listed.stdout.decode() and "finished" in listed.stdout.decode()


def test_shows_submitted_at_once_publish_and_share_the_cache(tmp_path, broker, workers, cli):
    cache = tmp_path / "shared-cache"
    workers.env["BRIEFING_CACHE_DIR"] = str(cache)
    workers.start(2)
    one = write_personal_show(tmp_path / "one", listeners=2)
    two = write_personal_show(tmp_path / "two", listeners=2)
    two.write_text(two.read_text().replace("Harbor Daily", "Valley Evening"))

    both = run_cli_env(cli, cache, "run", str(one), str(two), "--broker", broker)
    assert both.returncode == 0, both.stderr.decode() + workers.logs()
    assert both.stdout.decode().count("finished") == 2
    for show in (one, two):
        for name in NAMES[:2]:
            assert len(feed_items(show.parent / "site", name)) == 1

    # A third show with the same stories: only its own intros and outro are new takes.
    from briefing.show.run import plan_run

    three = write_personal_show(tmp_path / "three", listeners=2)
    three.write_text(three.read_text().replace("Harbor Daily", "Coast Morning"))
    plan = plan_run(three, dry_run=True)
    own = sum(len(s.sentences) for e in plan.episodes for s in e.script.segments if s.kind in ("intro", "outro"))
    before = takes_in(cache)
    again = run_cli_env(cli, cache, "run", str(three), "--broker", broker)
    assert again.returncode == 0, again.stderr.decode()
    assert 0 < takes_in(cache) - before <= own


def test_a_failed_job_is_listed_with_its_error(tmp_path, broker, workers, cli):
    workers.start(1)
    show = write_personal_show(tmp_path / "show", listeners=2)
    show.write_text(show.read_text().replace('url = "stories"', 'url = "missing-folder"'))
    result = cli("run", str(show), "--broker", broker, timeout=120)
    assert result.returncode != 0
    error = result.stderr.decode()
    assert "failed" in error and "every source failed" in error and "Traceback" not in error
    listed = cli("jobs", "--broker", broker).stdout.decode()
    assert "failed" in listed and "error: plan: every source failed" in listed


def test_the_scheduler_submits_each_show_at_its_time(tmp_path, broker, workers, cli):
    """Celery beat's own scheduler, given briefing's entries, sends the run that a worker makes."""
    import os
    import subprocess

    from celery.beat import Scheduler

    from briefing.cluster.app import make_app
    from briefing.cluster.submit import beat_entries

    show_dir = tmp_path / "show"
    (show_dir / "stories").mkdir(parents=True)
    (show_dir / "stories" / "ferries.txt").write_text(
        "Island Ferries Return\n\nThe island ferries returned on Monday after three weeks of storm repairs.\n\n"
        "Commuters cheered as the first boat docked at the harbour just after seven.\n")
    show = show_dir / "briefing.toml"
    show.write_text('[show]\ntitle = "Harbor Daily"\nminutes = 1\nsite = "site"\nschedule = "06:30"\n\n'
                    '[[source]]\nurl = "stories"\nname = "Harbor News"\n')
    app = make_app(broker)
    app.conf.beat_schedule = beat_entries([show])
    scheduler = Scheduler(app=app)
    entry = scheduler.schedule[str(show.resolve())]
    assert (entry.task, entry.schedule.hour, entry.schedule.minute) == ("briefing.scheduled", {6}, {30})

    workers.start(1)
    scheduler.apply_entry(entry)  # what beat does at 06:30
    deadline = time.monotonic() + 240
    feed = show_dir / "site" / "feed.xml"
    while not feed.is_file() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert feed.is_file(), workers.logs()
    assert "Island Ferries Return" in feed.read_text()
    listed = cli("jobs", "--broker", broker).stdout.decode()
    assert "finished" in listed and str(show.resolve()) in listed

    # `briefing scheduler` starts beat with those entries and keeps running until stopped.
    state = tmp_path / "state"
    process = subprocess.Popen([sys.executable, "-m", "briefing", "scheduler", "--broker", broker, str(show)],
                               env={**os.environ, "XDG_STATE_HOME": str(state)}, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while not list(state.rglob("beat-schedule*")) and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.2)
        assert process.poll() is None and list(state.rglob("beat-schedule*")), process.stderr.read1().decode()
    finally:
        process.terminate()
        process.wait(20)
    # A show without a schedule is one line and an exit, not a beat that never fires.
    show.write_text(show.read_text().replace('schedule = "06:30"\n', ""))
    refused = cli("scheduler", "--broker", broker, str(show), timeout=60)
    assert refused.returncode != 0 and "no schedule in [show]" in refused.stderr.decode()
    assert len(refused.stderr.decode().strip().splitlines()) == 1


def test_a_task_message_lost_by_the_broker_is_sent_again(tmp_path, broker, workers, cli):
    """Kombu's Redis transport loses a message a worker takes off the queue if the worker dies
    before recording it (celery/kombu#305): a chord would wait forever. The job's watch sends
    again what is not done once the job has not moved for a visibility timeout (20 s here)."""
    import json

    import redis

    from briefing.cluster.submit import wait

    cache = tmp_path / "cache"
    workers.env["BRIEFING_CACHE_DIR"] = str(cache)
    show = write_personal_show(tmp_path / "show", listeners=3)
    workers.start(1)
    submitted = run_cli_env(cli, cache, "run", str(show), "--broker", broker, "--no-wait")
    assert submitted.returncode == 0, submitted.stderr.decode()
    job = submitted.stdout.decode().split()[0]
    queue = redis.Redis.from_url(broker)
    lost = None
    deadline = time.monotonic() + 120
    while lost is None and time.monotonic() < deadline:
        # The last message in the queue (the worker takes from the other end), if it is a speak task.
        raw = queue.lpop("celery")
        if raw is None:
            time.sleep(0.02)
        elif json.loads(raw)["headers"]["task"] == "briefing.speak":
            lost = json.loads(raw)["headers"]["id"]
        else:
            queue.rpush("celery", raw)  # not one to lose: back where the worker takes from
    assert lost, "no speak task was ever queued"
    [finished] = wait([job], broker, timeout=240)
    assert finished.state == "finished", (finished.line(), workers.logs())
    assert finished.segments_done == finished.segments and finished.episodes_done == 3
    site = tmp_path / "show" / "site"
    for name in NAMES[:3]:
        assert len(feed_items(site, name)) == 1
