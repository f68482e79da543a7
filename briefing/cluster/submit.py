"""Submitting shows to the cluster, waiting for them, and starting workers and the scheduler.

These are the Python API of `briefing run --broker`, `briefing jobs`, `briefing worker` and
`briefing scheduler`; the CLI only parses options and prints.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from datetime import date as Date
from pathlib import Path

from ..errors import BriefingError
from . import jobs
from .app import broker_url, default_concurrency, make_app, require_celery


def _check_broker(client, broker: str) -> None:
    import redis

    try:
        client.ping()
    except redis.RedisError as exc:
        raise BriefingError(f"cannot reach the broker {broker}: {exc}") from None


def submit(shows: Sequence[str | Path], broker: str, day: Date | None = None) -> list[jobs.Job]:
    """Submit every show's run; returns their jobs at once (the workers do the rest).

    Show files are handed over by absolute path: workers read them (and the sources and
    site they name) from the same shared folder.
    """
    require_celery()
    paths = [Path(show).resolve() for show in shows]
    for path in paths:
        if not path.is_file():
            raise BriefingError(f"{path}: no such show file")
    app = make_app(broker)
    client = jobs.connect(broker)
    _check_broker(client, broker)
    day = day or Date.today()
    submitted = []
    for path in paths:
        job = jobs.create(client, str(path))
        app.send_task("briefing.plan", args=[job, str(path), day.isoformat()])
        # The job's watch (its first look at once; a worker sets the pace of the rest).
        app.send_task("briefing.watch", args=[job, str(path), day.isoformat(), None])
        submitted.append(jobs.read(client, job))
    return submitted


def wait(job_ids: Sequence[str], broker: str, *, progress: Callable[[jobs.Job], None] | None = None,
         timeout: float | None = None, poll: float = 0.5) -> list[jobs.Job]:
    """Wait until every job has finished or failed, reporting each change of a job's progress."""
    client = jobs.connect(broker)
    shown: dict[str, str] = {}
    deadline = time.monotonic() + timeout if timeout else None
    while True:
        current = [jobs.read(client, job) for job in job_ids]
        for job in current:
            if job is not None and progress and shown.get(job.id) != job.line():
                shown[job.id] = job.line()
                progress(job)
        if all(job is None or job.over for job in current):
            return [job for job in current if job is not None]
        if deadline and time.monotonic() > deadline:
            raise BriefingError(f"gave up waiting after {timeout:.0f} s; see briefing jobs")
        time.sleep(poll)


def list_jobs(broker: str, limit: int = 50) -> list[jobs.Job]:
    """The newest jobs first: running, failed (with the error) and finished."""
    require_celery()
    client = jobs.connect(broker)
    _check_broker(client, broker)
    return jobs.recent(client, limit)


def run_worker(broker: str, concurrency: int | None = None, *, loglevel: str = "WARNING") -> None:
    """Start a Celery worker for briefing's tasks (blocks until it is stopped)."""
    app = make_app(broker)
    _check_broker(jobs.connect(broker), broker)
    processes = concurrency or default_concurrency()
    if processes < 1:
        raise BriefingError(f"--concurrency {processes}: must be at least 1")
    app.worker_main(["worker", f"--loglevel={loglevel}", f"--concurrency={processes}",
                     "--hostname", f"briefing{os.getpid()}@%h", "--without-gossip", "--without-mingle"])


def run_scheduler(broker: str, shows: Sequence[str | Path], *, state_dir: str | Path | None = None,
                  loglevel: str = "WARNING") -> None:
    """Celery beat: each show's run submitted daily at its `schedule` time (blocks)."""
    entries = beat_entries(shows)
    app = make_app(broker)
    _check_broker(jobs.connect(broker), broker)
    app.conf.beat_schedule = entries
    if state_dir is None:
        from platformdirs import user_state_dir

        state_dir = user_state_dir("briefing")
    Path(state_dir).mkdir(parents=True, exist_ok=True)
    app.Beat(loglevel=loglevel, schedule=str(Path(state_dir) / "beat-schedule")).run()


def beat_entries(shows: Sequence[str | Path]) -> dict:
    """Celery beat's schedule: a `briefing.scheduled` task per show, daily at its `schedule` time."""
    from celery.schedules import crontab

    from .work import schedule_of

    entries = {}
    for show in shows:
        path = Path(show).resolve()
        if not path.is_file():
            raise BriefingError(f"{path}: no such show file")
        when = schedule_of(path)
        if when is None:
            raise BriefingError(f"{path}: no schedule in [show] (schedule = \"06:30\")")
        entries[str(path)] = {"task": "briefing.scheduled", "schedule": crontab(hour=when[0], minute=when[1]),
                              "args": [str(path)]}
    return entries


def resolve_broker(given: str | None, shows: Sequence[str | Path] = ()) -> str:
    """--broker, else the first show file's [cluster] broker, else $BRIEFING_BROKER."""
    from .work import cluster_settings

    from_show = next((cluster_settings(s).get("broker") for s in shows
                      if Path(s).is_file() and cluster_settings(s).get("broker")), None)
    return broker_url(given, from_show)
