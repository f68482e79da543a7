"""Planning a run (no audio): local sources, a plan that round-trips through JSON, dry runs that
change nothing, stories grouped across sources and chosen within the minutes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from briefing.models import RunPlan
from briefing.show.run import plan_run
from conftest import run_cli

FERRY_A = """Marigold Ferry Returns to Port Alder

The Port Alder ferry Marigold returned to service on Monday after a winter of engine repairs, the Alder Harbor
Authority said. The first crossing to Gull Island carried 212 passengers, and Captain Ines Varga said the rebuilt
engines ran smoothly all the way across the bay.

Commuters from Gull Island had spent four months on a long detour by road while the vessel sat in the dry dock.
"""
FERRY_B = """Commuters Cheer as the Marigold Sails to Gull Island

Commuters cheered on Monday as the ferry Marigold sailed from Port Alder to Gull Island for the first time since
November, the Alder Harbor Authority said. Captain Ines Varga told reporters that 212 passengers made the crossing
after both engines were rebuilt in the dry dock over the winter.

Island shopkeepers said the months without the ferry had cost them most of their mainland customers.
"""
LIBRARY = """Library in Tarnby Lends Tools and Instruments

The new public library in Tarnby now lends drills, sewing machines and violins as well as books, its head
librarian Piet Okafor said on Monday. More than nine hundred people joined in the first month.

The library plans a repair cafe on Saturday mornings, where volunteers will mend bicycles and toasters for free.
"""


@pytest.fixture
def show(tmp_path) -> Path:
    for folder, files in {"gazette": {"ferry.txt": FERRY_A, "library.txt": LIBRARY},
                          "courier": {"marigold.txt": FERRY_B}}.items():
        (tmp_path / folder).mkdir()
        for name, text in files.items():
            (tmp_path / folder / name).write_text(text, encoding="utf-8")
    path = tmp_path / "briefing.toml"
    path.write_text('[show]\ntitle = "Harbor Weekly"\nminutes = 3\n\n'
                    '[[source]]\nurl = "gazette"\nname = "Harbor Gazette"\n\n'
                    '[[source]]\nurl = "courier"\nname = "Coast Courier"\n', encoding="utf-8")
    return path


def test_the_plan_groups_credits_and_round_trips_through_json(show):
    plan = plan_run(show, date(2026, 11, 25), dry_run=True)
    assert [r.items for r in plan.sources] == [2, 1] and all(r.status == "ok" for r in plan.sources)
    (episode,) = plan.episodes
    assert episode.key == "2026-11-25-harbor-weekly"
    titles = [title for title, _ in episode.stories]
    assert len(titles) == 2 and "Marigold" in titles[0]  # two sources carry it: it leads
    assert {m.source for m in episode.stories[0][1]} == {"Harbor Gazette", "Coast Courier"}
    assert episode.script.title == f"Wednesday 25 November: {titles[0]}"
    assert "Reported by" in episode.script.text
    # A worker on another machine receives the plan as JSON and rebuilds the same value.
    assert RunPlan.from_dict(json.loads(json.dumps(plan.to_dict()))) == plan


def test_a_dry_run_prints_the_stories_and_changes_nothing(show):
    before = sorted(p.name for p in show.parent.rglob("*"))
    result = run_cli("run", "--dry-run", "--show", str(show), "--date", "2026-11-25", timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 2
    title, sources, words = lines[0].split(" | ")
    assert "Marigold" in title and set(sources.split(", ")) == {"Harbor Gazette", "Coast Courier"}
    assert int(words.split()[0]) > 10
    after = sorted(p.name for p in show.parent.rglob("*") if not p.name.endswith(".run.lock"))
    assert after == before  # no site, no catalog, no work files


def test_stories_that_do_not_fit_the_minutes_wait_for_a_later_run(show):
    plan = plan_run(show, date(2026, 11, 25), dry_run=True, minutes=0.8)
    assert len(plan.episodes[0].stories) == 1  # the best one; the library story stays eligible


def test_old_items_are_past_the_age_limit(show, tmp_path):
    dated = tmp_path / "dated"
    dated.mkdir()
    (dated / "old.html").write_text(
        "<html><head><title>An Old Story</title><meta property='article:published_time' content='2026-11-01'>"
        "</head><body><article><h1>An Old Story</h1>" + "<p>The harbor board met in the old hall and argued for "
        "a long time about the price of mooring the small boats along the quay.</p>" * 4 + "</article></body></html>")
    show.write_text('[show]\ntitle = "Harbor Weekly"\n\n[[source]]\nurl = "dated"\n')
    assert plan_run(show, date(2026, 11, 25), dry_run=True).episodes == ()
    assert len(plan_run(show, date(2026, 11, 2), dry_run=True).episodes) == 1


def test_undated_items_age_from_the_run_that_first_saw_them(show):
    plan_run(show, date(2026, 11, 20))  # a real plan: the sources' fetch state says first seen on the 20th
    assert plan_run(show, date(2026, 11, 21), dry_run=True).episodes
    assert plan_run(show, date(2026, 11, 25), dry_run=True).episodes == ()


@pytest.mark.parametrize("command", [["run"], ["sources"], ["sources", "add"], ["sources", "remove"], ["schedule"]])
def test_every_show_command_has_an_example(command):
    result = run_cli(*command, "--help", timeout=60)
    assert result.returncode == 0 and "Example: briefing " in result.stdout.decode()


def test_the_source_line_says_what_was_left_out_and_why(show, tmp_path):
    """An item in another language or past the age limit is not dropped in silence."""
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    (mixed / "ferry.txt").write_text(FERRY_A, encoding="utf-8")
    (mixed / "faehre.txt").write_text(
        "Die Fähre Marigold fährt wieder\n\nDie Fähre Marigold ist am Montag nach einem Winter voller "
        "Reparaturen an den Motoren wieder in Dienst gegangen, teilte die Hafenbehörde mit. Bei der ersten "
        "Überfahrt zur Möweninsel waren 212 Fahrgäste an Bord, und die Kapitänin sagte, die Motoren seien "
        "ruhig gelaufen. Die Pendler hatten vier Monate lang einen langen Umweg über die Straße fahren müssen.\n",
        encoding="utf-8")
    (mixed / "old.html").write_text(
        "<html><head><title>An Old Story</title><meta property='article:published_time' content='2026-11-01'>"
        "</head><body><article><h1>An Old Story</h1>" + "<p>The harbor board met in the old hall and argued for "
        "a long time about the price of mooring the small boats along the quay.</p>" * 4 + "</article></body></html>")
    show.write_text('[show]\ntitle = "Harbor Weekly"\n\n[[source]]\nurl = "mixed"\nname = "Mixed Desk"\n')
    result = run_cli("run", "--dry-run", "--show", str(show), "--date", "2026-11-25", timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    line = next(x for x in result.stderr.decode().splitlines() if "fetched Mixed Desk" in x)
    assert "3 items, 1 new (1 too old, 1 not in the show's language)" in line, line


def test_a_brief_show_says_each_story_in_a_sentence_or_two(show):
    """`format = "brief"` (or --format brief): a bulletin of the same stories; the digest says more."""
    digest = plan_run(show, date(2026, 11, 25), dry_run=True).episodes[0].script
    brief = plan_run(show, date(2026, 11, 25), dry_run=True, format="brief").episodes[0].script
    told = [s for s in brief.segments if s.kind == "section"]
    assert len(told) == 2 and all(1 <= len(s.sentences) <= 2 for s in told)
    assert "two stories in brief." in brief.segments[0].text and "stories in brief" not in digest.segments[0].text
    assert brief.word_count < digest.word_count
    # each story is still credited, without the announcement of its title
    credits = [s.text for s in brief.segments if s.kind == "article"]
    assert credits and all(t.startswith("Reported by") for t in credits)
    assert all(not s.text.startswith("Reported by") for s in digest.segments if s.kind == "article")
