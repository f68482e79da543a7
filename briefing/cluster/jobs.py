"""A small record per submitted run, kept in Redis beside Celery's queue, for `briefing jobs`.

    briefing:jobs            sorted set of job ids by submission time
    briefing:job:ID          hash: show, state, submitted, finished, segments, spoken, episodes, error
    briefing:job:ID:spoken   set of segment keys finished (a task run twice counts once)
    briefing:job:ID:done     set of episode indexes published (likewise)

States: planning -> speaking -> producing -> finished, or failed (with the error's one line).
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

JOBS = "briefing:jobs"
KEEP_SECONDS = 14 * 24 * 3600


def _key(job: str, part: str = "") -> str:
    return f"briefing:job:{job}" + (f":{part}" if part else "")


def connect(broker: str):
    import redis

    return redis.Redis.from_url(broker, decode_responses=True)


@dataclass(frozen=True)
class Job:
    id: str
    show: str
    state: str
    submitted: float
    finished: float | None
    segments: int
    segments_done: int
    spoken: int
    episodes: int
    episodes_done: int
    error: str
    tokens_in: int = 0  # what the language-model writer cost while planning (briefing/writing/llm/)
    tokens_out: int = 0

    @property
    def over(self) -> bool:
        return self.state in ("finished", "failed")

    def line(self) -> str:
        """One line: id, state, progress, show (and the error of a failed job)."""
        progress = (f"segments {self.segments_done}/{self.segments} ({self.spoken} spoken)  "
                    f"episodes {self.episodes_done}/{self.episodes}")
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.submitted))
        if self.tokens_in or self.tokens_out:
            progress += f"  tokens {self.tokens_in} in / {self.tokens_out} out"
        text = f"{self.id}  {when}  {self.state:9}  {progress}  {self.show}"
        return text + (f"  error: {self.error}" if self.error else "")


def create(client, show: str) -> str:
    job = uuid.uuid4().hex[:12]
    now = time.time()
    with client.pipeline() as pipe:
        pipe.hset(_key(job), mapping={"show": show, "state": "planning", "submitted": now, "segments": 0,
                                      "episodes": 0, "error": ""})
        pipe.expire(_key(job), KEEP_SECONDS)
        pipe.zadd(JOBS, {job: now})
        pipe.execute()
    return job


def planned(client, job: str, segments: int, episodes: int, tokens: tuple[int, int] = (0, 0)) -> None:
    """The plan is made: its segments and episodes, and the writer's tokens in and out."""
    client.hset(_key(job), mapping={"segments": segments, "episodes": episodes,
                                    "state": "speaking" if segments else "producing",
                                    "tokens_in": tokens[0], "tokens_out": tokens[1]})


def segment_done(client, job: str, key: str, spoken: bool) -> None:
    with client.pipeline() as pipe:
        pipe.sadd(_key(job, "segments"), key)
        if spoken:
            pipe.sadd(_key(job, "spoken"), key)
        pipe.expire(_key(job, "segments"), KEEP_SECONDS)
        pipe.expire(_key(job, "spoken"), KEEP_SECONDS)
        pipe.execute()


def producing(client, job: str) -> None:
    client.hset(_key(job), "state", "producing")


def episode_done(client, job: str, index: int) -> None:
    """Count a published episode; the last one finishes the job."""
    with client.pipeline() as pipe:
        pipe.sadd(_key(job, "done"), index)
        pipe.expire(_key(job, "done"), KEEP_SECONDS)
        pipe.scard(_key(job, "done"))
        pipe.hget(_key(job), "episodes")
        *_, done, total = pipe.execute()
    if total is not None and done >= int(total):
        finish(client, job)


def finish(client, job: str) -> None:
    client.hset(_key(job), mapping={"state": "finished", "finished": time.time()})


def fail(client, job: str, error: str) -> None:
    client.hset(_key(job), mapping={"state": "failed", "finished": time.time(), "error": error.splitlines()[0][:300]})


def save_plan(client, job: str, planned: dict, pending: list, options: dict) -> None:
    """What the job's plan made (the run's plan, the segments still to speak and the options),
    kept so that `briefing.watch` can send again what a lost task message left undone."""
    import json

    client.set(_key(job, "plan"), json.dumps({"planned": planned, "pending": pending, "options": options}),
               ex=KEEP_SECONDS)


def read_plan(client, job: str) -> tuple[dict, list, dict] | None:
    import json

    data = client.get(_key(job, "plan"))
    if not data:
        return None
    saved = json.loads(data)
    return saved["planned"], saved["pending"], saved["options"]


def claim_look(client, job: str, look: int) -> bool:
    """Whether this is the first to take look number `look` of the job's watch."""
    return bool(client.set(_key(job, f"watch:{look}"), 1, nx=True, ex=KEEP_SECONDS))


def episodes_done(client, job: str) -> set[int]:
    """The indexes of the job's episodes published so far."""
    return {int(index) for index in client.smembers(_key(job, "done"))}


def read(client, job: str) -> Job | None:
    data = client.hgetall(_key(job))
    if not data:
        return None
    return Job(
        id=job, show=data.get("show", ""), state=data.get("state", "?"), submitted=float(data.get("submitted", 0)),
        finished=float(data["finished"]) if data.get("finished") else None,
        segments=int(data.get("segments", 0)), segments_done=client.scard(_key(job, "segments")),
        spoken=client.scard(_key(job, "spoken")), episodes=int(data.get("episodes", 0)),
        episodes_done=client.scard(_key(job, "done")), error=data.get("error", ""),
        tokens_in=int(data.get("tokens_in", 0)), tokens_out=int(data.get("tokens_out", 0)),
    )


def recent(client, limit: int = 50) -> list[Job]:
    """The newest jobs first (records older than two weeks have expired)."""
    jobs = [read(client, job) for job in client.zrevrange(JOBS, 0, limit - 1)]
    return [job for job in jobs if job is not None]
