"""The cluster's tasks: small, idempotent, each a call of one stage function.

    briefing.plan(job, show, day)       fetch and choose stories, write the scripts; then
                                        chord(speak each segment not in the shared cache,
                                              briefing.produce_all)
    briefing.speak(job, segment, ...)   one segment into the shared take cache (no-op if there)
    briefing.produce_all(job, plan)     group(briefing.produce(job, plan, i) for each episode)
    briefing.produce(job, plan, i)      mix, encode, publish one episode (by key: never twice)
    briefing.scheduled(show)            what beat sends at a show's time: a new job, planned
    briefing.watch(job, ...)            while a job runs: sends again what a lost message left undone

A task that fails for good records its one-line error on the job (`briefing jobs`); fetch
and network-voice errors are retried with backoff a few times first.
"""

from __future__ import annotations

import os
from datetime import date as Date

from ..errors import NetworkError

RETRIES = dict(autoretry_for=(NetworkError,), retry_backoff=2, retry_backoff_max=60, retry_jitter=True,
               max_retries=4)


def watch_seconds() -> int:
    """How often a running job is looked at for lost tasks: half the visibility timeout (after
    which Redis gives a dead worker's unacknowledged tasks to another; a waiting look is itself
    an unacknowledged task, so it must be shorter), so that two looks span one timeout."""
    from .app import visibility_timeout

    return max(1, visibility_timeout() // 2)


def register(app) -> None:
    from celery import Task, chord, group

    from . import jobs, work

    broker = app.conf.broker_url
    clients = {}

    def client():
        # One connection per worker process (forked children must not share their parent's).
        pid = os.getpid()
        if pid not in clients:
            clients[pid] = jobs.connect(broker)
        return clients[pid]

    class JobTask(Task):
        """Records a task's final failure on its job (the job id is always the first argument)."""

        def on_failure(self, exc, task_id, args, kwargs, einfo):
            if args:
                message = str(exc).strip() or exc.__class__.__name__
                jobs.fail(client(), args[0], f"{self.name.removeprefix('briefing.')}: {message}")

    @app.task(name="briefing.plan", base=JobTask, **RETRIES)
    def plan(job: str, show_file: str, day: str) -> str:
        from ..voices.cache import TakeCache
        from ..voices.segments import distinct_segments, load_cast, segment_key_of

        planned = work.plan(show_file, Date.fromisoformat(day))
        scripts, options = work.scripts(planned)
        cache = TakeCache()
        pending = []
        segments = distinct_segments(scripts)
        casts = {}  # per language: the voices (their models are not loaded)
        for segment, language in segments:
            if language not in casts:
                casts[language] = load_cast(options, language)
            key = segment_key_of(segment, casts[language], language)  # in the voice of the host who says it
            if cache.has_segment(key):
                jobs.segment_done(client(), job, key, spoken=False)
            else:
                pending.append([key, [segment.kind, segment.title, list(segment.sentences), segment.speaker],
                                language])
        jobs.save_plan(client(), job, planned, pending, options.to_dict())
        written = [s.writer for s in scripts if s.writer]  # a language model wrote the stories
        jobs.planned(client(), job, len(segments), work.episode_count(planned),
                     tokens=(sum(w["tokens_in"] for w in written), sum(w["tokens_out"] for w in written)))
        speak_then_produce(job, planned, pending, options.to_dict())
        return job

    def speak_then_produce(job: str, planned: dict, pending: list, options: dict) -> None:
        """A chord: speak each pending segment ([key, segment, language]), then produce every episode."""
        body = produce_all.si(job, planned)
        if pending:
            chord(group(speak.si(job, spoken, options, language) for _, spoken, language in pending),
                  body).apply_async()
        else:
            body.apply_async()

    @app.task(name="briefing.speak", base=JobTask, **RETRIES)
    def speak(job: str, segment: list, options: dict, language: str) -> str:
        from ..models import EpisodeOptions, Segment
        from ..voices.segments import speak_segment

        kind, title, sentences, speaker = (*segment, None)[:4]  # a plan from before speakers were sent: none
        spoken = speak_segment(Segment(kind, title, tuple(sentences), speaker), EpisodeOptions.from_dict(options),
                               language)
        jobs.segment_done(client(), job, spoken.key, spoken=spoken.synthesized > 0)
        return spoken.key

    @app.task(name="briefing.produce_all", base=JobTask)
    def produce_all(job: str, planned: dict) -> None:
        jobs.producing(client(), job)
        group(produce.si(job, planned, index) for index in range(work.episode_count(planned))).apply_async()

    @app.task(name="briefing.produce", base=JobTask)
    def produce(job: str, planned: dict, index: int) -> dict:
        produced = work.produce(planned, index)
        jobs.episode_done(client(), job, index)
        return produced

    @app.task(name="briefing.scheduled")
    def scheduled(show_file: str) -> str:
        job = jobs.create(client(), show_file)
        day = Date.today().isoformat()
        plan.delay(job, show_file, day)
        watch.delay(job, show_file, day, None)
        return job

    @app.task(name="briefing.watch")
    def watch(job: str, show_file: str, day: str, seen: list | None) -> None:
        """Every `watch_seconds()` while a job runs: if it has not moved for a whole visibility
        timeout (two looks), send again what is not done. Kombu's Redis transport loses a message
        that a worker took off the queue if the worker is killed before it records the message as
        unacknowledged (celery/kombu#305); a chord then waits forever for that task. Every task is
        idempotent (segments by content, episodes published by key), and a task still running
        after a visibility timeout is given to another worker by Redis anyway, so this sends
        nothing twice that Redis would not."""
        from ..voices.cache import TakeCache

        look, progress_before, still = seen or (0, None, 0)
        if not jobs.claim_look(client(), job, look):
            return  # this look was taken already (a message delivered twice): one chain of looks
        state = jobs.read(client(), job)
        if state is None or state.over:
            return
        progress = [state.state, state.segments_done, state.episodes_done]
        still = still + 1 if progress == progress_before else 0
        if still >= 2:
            still = 0
            saved = jobs.read_plan(client(), job)
            if saved is None:  # the plan never ran
                plan.delay(job, show_file, day)
            elif state.state == "speaking":
                planned, pending, options = saved
                cache = TakeCache()
                speak_then_produce(job, planned, [p for p in pending if not cache.has_segment(p[0])], options)
            elif state.state == "producing":
                planned, done = saved[0], jobs.episodes_done(client(), job)
                for index in range(work.episode_count(planned)):
                    if index not in done:
                        produce.si(job, planned, index).apply_async()
        watch.apply_async((job, show_file, day, [look + 1, progress, still]), countdown=watch_seconds())
