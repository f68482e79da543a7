"""The Celery app, built from a broker URL, configured so that no work is lost or done twice.

- `task_acks_late` + `task_reject_on_worker_lost`: a task is acknowledged when it is done, so
  one whose worker dies (SIGKILL, a lost machine) goes back to the queue for another worker.
- Redis redelivers an unacknowledged task after the visibility timeout, so it must be longer
  than the longest task (a long episode's render), or a slow task would run twice at once.
- `worker_prefetch_multiplier = 1`: a worker holds one task beyond the one it runs, so a slow
  render does not sit on work others could take.
Every task is idempotent (content-addressed segments, episodes published by key in a catalog
transaction), so a task run again after a death does no harm.
"""

from __future__ import annotations

import os

from ..errors import BriefingError

# Longer than any task: a 20-minute briefing renders in about as long on one core.
VISIBILITY_TIMEOUT = 2 * 3600
BROKER_ENV = "BRIEFING_BROKER"


def require_celery() -> None:
    try:
        import celery  # noqa: F401
        import redis  # noqa: F401
    except ImportError:
        raise BriefingError("the cluster needs Celery and Redis support: pip install 'briefing[cluster]'") from None


def broker_url(given: str | None, show_broker: str | None = None) -> str:
    """--broker, else the show file's [cluster] broker, else $BRIEFING_BROKER."""
    url = given or show_broker or os.environ.get(BROKER_ENV)
    if not url:
        raise BriefingError(f"no broker: give --broker redis://HOST:6379/0, [cluster] broker in the show file, "
                            f"or ${BROKER_ENV}")
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise BriefingError(f"--broker {url}: give a Redis URL (redis://HOST:6379/0)")
    return url


def visibility_timeout() -> int:
    value = os.environ.get("BRIEFING_VISIBILITY_TIMEOUT", "")
    return int(value) if value.isdigit() and int(value) > 0 else VISIBILITY_TIMEOUT


def make_app(broker: str):
    """A Celery app on `broker` (Redis: queue, results and job records), with briefing's tasks."""
    require_celery()
    from celery import Celery

    from .tasks import register

    timeout = visibility_timeout()
    transport = {"visibility_timeout": timeout,
                 # Sweep for the unacknowledged tasks of dead workers often, not every ~100 s.
                 "unacked_restore_interval": max(1, min(10, timeout // 4)), "unacked_restore_throttle": 1}
    app = Celery("briefing", broker=broker, backend=broker)
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        broker_transport_options=transport,
        result_backend_transport_options={"visibility_timeout": timeout},
        broker_connection_retry_on_startup=True,
        task_serializer="json", result_serializer="json", accept_content=["json"],
        result_expires=7 * 24 * 3600,
        task_track_started=True,
        worker_hijack_root_logger=False,
        worker_max_memory_per_child=900_000,  # KiB: a worker that somehow grows past this is replaced
        timezone=os.environ.get("TZ") or "UTC",
    )
    register(app)
    return app


def default_concurrency() -> int:
    """Worker processes that fit the cores, given the threads each voice uses per sentence."""
    from ..voices.piper import cores, workers

    return max(1, cores() // workers())
