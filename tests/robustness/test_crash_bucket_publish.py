"""Killing `briefing publish` into a bucket (moto's S3 server) at random moments, and publishers
writing to one bucket at once: a listener never fetches a feed that is broken or points at a
file that is missing, and no publisher's episode is lost."""

from __future__ import annotations

import random
import subprocess
import sys
import time

import pytest

from bucket_site import check_catalog, check_listener_view, fetch
from robust_support import copy_episode, kill_after, run_cli, small_episode

pytestmark = pytest.mark.slow

KILLS = 20


@pytest.fixture(scope="module")
def sources(tmp_path_factory):
    return {name: small_episode(tmp_path_factory, name) for name in ("pier", "bells")}


def _publish(mp3, site: str, public: str, env: dict) -> subprocess.Popen:
    import os

    return subprocess.Popen([sys.executable, "-m", "briefing", "-q", "publish", str(mp3), "--site", site,
                             "--public-url", public], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, **env})


def _objects(server, bucket: str) -> dict[str, str]:
    listing = server.client().list_objects_v2(Bucket=bucket).get("Contents", [])
    return {item["Key"]: item["ETag"] for item in listing}


def test_publish_into_a_bucket_survives_random_kills(s3_server, sources, tmp_path):
    rng = random.Random(20261125)
    bucket = s3_server.bucket()
    site, public = f"s3://{bucket}/show", s3_server.public_url(bucket, "show")
    for mp3 in sources.values():
        assert run_cli("publish", str(mp3), "--site", site, "--public-url", public, env=s3_server.env).returncode == 0
    # A whole publish of a new episode (every file uploaded, its Opus file encoded) and a republish
    # of an unchanged one set the range of kill times for each kind of round.
    started = time.monotonic()
    first = copy_episode(sources["pier"], tmp_path / "staging", "timed")
    assert run_cli("publish", str(first), "--site", site, env=s3_server.env).returncode == 0
    whole_run = time.monotonic() - started
    started = time.monotonic()
    assert run_cli("publish", str(sources["pier"]), "--site", site, "--public-url", public,
                   env=s3_server.env).returncode == 0
    republish = time.monotonic() - started

    killed = finished = mid_write = 0
    for round_number in range(3 * KILLS):
        if killed >= KILLS:
            break
        if rng.random() < 0.4:  # a new episode; else a republish
            mp3 = copy_episode(sources[rng.choice(["pier", "bells"])], tmp_path / "staging", f"k{round_number}")
            duration = whole_run
        else:
            mp3 = sources[rng.choice(["pier", "bells"])]
            duration = republish
        before = _objects(s3_server, bucket)
        process = _publish(mp3, site, public, s3_server.env)
        if kill_after(process, duration * rng.uniform(0.3, 1.1)):
            finished += 1
        else:
            killed += 1
            mid_write += _objects(s3_server, bucket) != before
        root = check_listener_view(public)
        in_feed = {item.find("enclosure").get("url").rsplit("/", 1)[-1] for item in root.iter("item")}
        # The feed may lag the catalog by an interrupted publish, never lead it (republishes here are
        # unchanged files, so their names stay the same).
        assert in_feed <= check_catalog(s3_server, bucket, "show")

    assert killed >= KILLS, (killed, finished)
    assert mid_write >= 5, "kills landed while the bucket was being written, not only at start-up"
    # The next whole publish brings the feed level with the catalog.
    assert run_cli("publish", str(sources["bells"]), "--site", site, env=s3_server.env).returncode == 0
    listed = run_cli("episodes", site, env=s3_server.env).stdout.decode().splitlines()
    root = check_listener_view(public)
    assert len(root.findall("channel/item")) == len(listed) == len(check_catalog(s3_server, bucket, "show"))
    print(f"bucket publish: {killed} kills survived ({mid_write} after the bucket was touched), "
          f"{finished} runs finished before their kill; a whole publish took {whole_run:.2f} s")


def test_publishers_at_once_lose_no_episode(s3_server, sources, tmp_path):
    """Four publishes start together: the catalog's conditional write makes the later ones
    apply their change again, and the feed lists all of them at the end."""
    bucket = s3_server.bucket()
    site, public = f"s3://{bucket}/show", s3_server.public_url(bucket, "show")
    assert run_cli("publish", str(sources["pier"]), "--site", site, "--public-url", public,
                   env=s3_server.env).returncode == 0
    copies = [copy_episode(sources[name], tmp_path / f"c{n}", f"at-once-{n}")
              for n, name in enumerate(["pier", "bells", "pier", "bells"])]
    runs = [_publish(mp3, site, public, s3_server.env) for mp3 in copies]
    for run in runs:
        assert run.wait(timeout=120) == 0, run.stderr.read().decode()
        run.stderr.close()
    expected = 1 + len(copies)
    root = check_listener_view(public)
    assert len(root.findall("channel/item")) == expected
    listed = run_cli("episodes", site, env=s3_server.env).stdout.decode().splitlines()
    assert len(listed) == expected
    assert len({line.split()[0] for line in listed}) == expected, "every episode has its own number"
    page = fetch(public + "index.html").body.decode()
    assert page.count("<audio") == expected
