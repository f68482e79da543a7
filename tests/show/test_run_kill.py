"""`briefing run` killed at random moments: the site stays consistent, no story is told twice,
and a clean run afterwards finishes the job."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

KILLS = 20
WORDS = ("amber birch cedar delta ember fjord garnet harbor indigo juniper kelp lagoon meadow nectar ochre "
         "pebble quartz russet saffron thistle umber velvet willow yarrow zephyr anchor beacon canyon dune "
         "estuary falcon glacier heron island jetty kestrel lantern marsh orchard prairie quarry reef summit "
         "tundra valley walnut").split()


# Every three words in a row hold a random one: stories share no shingles but by chance.
FRAMES = ("The {0} and the {1} of the {2} were seen by the {3} {4} in the {5}.",
          "People from the {0} said the {1} would {2} the {3} and the {4}.",
          "A {0} {1} was found near the {2} by the {3} of the {4}.",
          "The {0} of the {1} will be {2} with the {3} and a {4}.")


def story(n: int) -> tuple[str, str]:
    """An English article of its own: distinct words, so no two stories share a fingerprint."""
    rng = random.Random(n)
    title = f"Story {n}: The " + " ".join(rng.choice(WORDS).capitalize() for _ in range(2)) + " Plan"
    sentences = [frame.format(*(rng.choice(WORDS) for _ in range(6))).capitalize() for frame in FRAMES]
    return f"{title}\n\n" + " ".join(sentences) + "\n", title


def listed(site: Path) -> list[str]:
    """The media file names of the episodes the site's feed lists: what a listener can hear."""
    import podcastparser

    feed = site / "feed.xml"
    if not feed.exists():
        return []
    with open(feed, "rb") as fh:
        parsed = podcastparser.parse("file://" + str(feed), fh)
    return [episode["enclosures"][0]["url"].rsplit("/", 1)[-1] for episode in parsed["episodes"]]


def covered(site: Path) -> list[str]:
    """The titles of the stories in every episode the feed lists, from each episode's notes."""
    titles = []
    for name in listed(site):
        notes = site / "episodes" / name.replace(".mp3", ".notes.json")
        titles += [s["title"] for s in json.loads(notes.read_text())["stories"]]
    return titles


def check_site(site: Path) -> None:
    """Whatever moment the kill came: the feed parses, lists only episodes whose files are there,
    and no story is covered twice."""
    for name in listed(site):
        assert (site / "episodes" / name).is_file()
    titles = covered(site)
    assert len(titles) == len(set(titles)), titles


def test_run_killed_at_random_points_never_tells_a_story_twice(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    show = tmp_path / "briefing.toml"
    show.write_text(f'[show]\ntitle = "Kill Test"\nminutes = 2\nsite = "site"\n\n'
                    f'[[source]]\nurl = "{articles}"\nname = "Desk"\nlatest = 100\n')
    site = tmp_path / "site"
    command = [sys.executable, "-m", "briefing", "--quiet", "run", "--show", str(show), "--date", "2026-11-25"]
    env = dict(os.environ, BRIEFING_RUN_LOCK_WAIT="20")
    rng = random.Random(11)
    titles = []
    for n in range(KILLS):
        if n % 2 == 0:  # a new story every other run: some runs have news, some finish a killed one
            text, title = story(n)
            (articles / f"story-{n:02d}.txt").write_text(text)
            titles.append(title)
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 4.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
        check_site(site)
    clean = subprocess.run(command, env=env, capture_output=True, timeout=300)
    assert clean.returncode == 0, clean.stderr.decode()
    check_site(site)
    # Everything told exactly once: after the clean run, runs until nothing is new.
    for _ in range(10):
        again = subprocess.run(command, env=env, capture_output=True, timeout=300)
        assert again.returncode == 0, again.stderr.decode()
        if again.stdout.decode().strip().splitlines()[-1] == "nothing new":
            break
    told = covered(site)
    assert sorted(told) == sorted(titles)
    # Nothing a killed publish left behind stays in the site: every file is a listed episode's.
    stems = {name.removesuffix(".mp3") for name in listed(site)}
    leftovers = [p.name for p in (site / "episodes").iterdir() if p.name.split(".")[0] not in stems]
    assert leftovers == []
    assert not (tmp_path / ".briefing-work").exists() or not any((tmp_path / ".briefing-work").iterdir())
