"""Many shows and personal briefings on Celery workers, each segment spoken once.

    plan (per show) ─▶ chord( group(speak segment ... not yet in the shared cache) ,
                              produce all ─▶ group(produce episode ...) )

`app.py` builds the Celery app from a broker URL (late acknowledgement, requeue when a worker
dies, one task prefetched at a time); `tasks.py` registers the tasks, which call the same
stage functions a local run calls (`show.run`, `show.personal`, `voices.segments`);
`jobs.py` keeps a small record per submitted run in Redis for `briefing jobs`; `submit.py`
submits shows and waits for them. Celery is an optional extra: `pip install 'briefing[cluster]'`.
"""
