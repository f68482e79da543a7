"""A cluster job's record keeps what the language-model writer cost while planning (tokens in and
out), against a real redis-server; a job no model wrote for says nothing of tokens."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "cluster"))

import pytest  # noqa: E402

pytest.importorskip("redis", reason="the cluster extra (celery[redis]) is not installed")

from cluster_fixtures import redis_server  # noqa: E402

from briefing.cluster import jobs  # noqa: E402


def test_the_job_record_keeps_the_writers_tokens(tmp_path):
    with redis_server(tmp_path / "redis") as url:
        client = jobs.connect(url)
        written = jobs.create(client, "harbor.toml")
        jobs.planned(client, written, 4, 1, tokens=(1200, 340))
        plain = jobs.create(client, "plain.toml")
        jobs.planned(client, plain, 4, 1)
        job = jobs.read(client, written)
        assert (job.tokens_in, job.tokens_out) == (1200, 340)
        assert "tokens 1200 in / 340 out" in job.line()
        other = jobs.read(client, plain)
        assert (other.tokens_in, other.tokens_out) == (0, 0) and "tokens" not in other.line()
