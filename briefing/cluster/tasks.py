"""The cluster's tasks: small, idempotent, each a call of one stage function.

    briefing.plan(job, show, day)       fetch and choose stories, write the scripts; then
                                        chord(speak each segment not in the shared cache,
                                              briefing.produce_all)
    briefing.speak(job, segment, ...)   one segment into the shared take cache (no-op if there)
    briefing.produce_all(job, plan)     group(briefing.produce(job, plan, i) for each episode)
    briefing.produce(job, plan, i)      mix, encode, publish one episode (by key: never twice)
    briefing.scheduled(show)            what beat sends at a show's time: a new job, planned

A task that fails for good records its one-line error on the job (`briefing jobs`); fetch
and network-voice errors are retried with backoff a few times first.
"""

from __future__ import annotations

import os
from datetime import date as Date

from ..errors import NetworkError

RETRIES = dict(autoretry_for=(NetworkError,), retry_backoff=2, retry_backoff_max=60, retry_jitter=True,
               max_retries=4)


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
        from ..voices.segments import distinct_segments, load_voices, segment_key

        planned = work.plan(show_file, Date.fromisoformat(day))
        scripts, options = work.scripts(planned)
        cache = TakeCache()
        needed = []
        segments = distinct_segments(scripts)
        identities = {}  # per language: the voices' identities (their models are not loaded)
        for segment, language in segments:
            if language not in identities:
                voice, quoting = load_voices(options, language)
                identities[language] = (voice.identity(), quoting.identity() if quoting else None)
            key = segment_key(segment, identities[language][0], language, identities[language][1])
            if cache.has_segment(key):
                jobs.segment_done(client(), job, key, spoken=False)
            else:
                needed.append(speak.si(job, [segment.kind, segment.title, list(segment.sentences)],
                                       options.to_dict(), language))
        jobs.planned(client(), job, len(segments), work.episode_count(planned))
        body = produce_all.si(job, planned)
        if needed:
            chord(group(needed), body).apply_async()
        else:
            body.apply_async()
        return job

    @app.task(name="briefing.speak", base=JobTask, **RETRIES)
    def speak(job: str, segment: list, options: dict, language: str) -> str:
        from ..models import EpisodeOptions, Segment
        from ..voices.segments import speak_segment

        kind, title, sentences = segment
        spoken = speak_segment(Segment(kind, title, tuple(sentences)), EpisodeOptions.from_dict(options), language)
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
        plan.delay(job, show_file, Date.today().isoformat())
        return job
