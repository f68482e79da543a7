"""In a show, an item that is not an article (its link leads to a home page, or the source is one)
is skipped with a warning line and not marked covered: when it becomes a story, it is told."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from news_server import STORIES, NewsServer, day, page, publish_story, rss

ENV = {"BRIEFING_FETCH_DEADLINE": "5"}


def home_page() -> str:
    links = "".join(f'<li><a href="/news/{key}">{title}</a></li>' for key, (title, _) in STORIES.items())
    more = "".join(f'<li><a href="/archive/{i}">Archive page {i}</a></li>' for i in range(80))
    return (f'<!doctype html><html><head><meta charset="utf-8"><title>Harbor Gazette</title></head><body>'
            f"<nav><a href='/'>Home</a></nav><main><h1>Harbor Gazette</h1><ul>{links}{more}</ul></main></body></html>")


def world(server: NewsServer, front_is_a_story: bool) -> None:
    ferry = publish_story(server, "ferry-a")
    title, sentences = STORIES["lighthouse"]
    server.put("/news/front", page(title, sentences) if front_is_a_story else home_page())
    front = ("/news/front", title, sentences[0].split(",")[0] + ".")
    items = [(*ferry, day(1)), (*front, day(1))]
    server.put("/a/feed.xml", rss(server.base, "Harbor Gazette", items), "application/rss+xml")
    server.put("/home", home_page())


def show_file(folder: Path, base: str) -> Path:
    path = folder / "briefing.toml"
    path.write_text(f'[show]\ntitle = "Harbor Weekly"\nminutes = 1\nsite = "site"\n\n'
                    f'[[source]]\nurl = "{base}/a/feed.xml"\n\n'
                    f'[[source]]\nurl = "{base}/home"\nname = "Gazette front page"\n', encoding="utf-8")
    return path


def test_items_that_are_not_articles_are_skipped_with_a_warning(tmp_path):
    with NewsServer() as server:
        world(server, front_is_a_story=False)
        show = show_file(tmp_path, server.base)
        result = run_cli("run", "--show", str(show), "--dry-run", "--date", "2026-11-23", env=ENV)
    err, out = result.stderr.decode(), result.stdout.decode()
    assert result.returncode == 0, err
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert any(w.startswith(f"briefing: warning: skipped an item of Harbor Gazette: {server.base}/news/front")
               and "looks like a home page" in w for w in warnings), warnings
    assert any(f"skipped Gazette front page ({server.base}/home): looks like a home page" in w for w in warnings)
    assert len(warnings) == 2 and "Traceback" not in err
    # The real story is still told; the home page is not.
    assert "Marigold Ferry Returns to Port Alder" in out
    assert "Lighthouse" not in out


@pytest.mark.slow
def test_a_skipped_item_is_not_covered_and_is_told_once_it_is_a_story(tmp_path):
    with NewsServer() as server:
        world(server, front_is_a_story=False)
        show = show_file(tmp_path, server.base)
        first = run_cli("run", "--show", str(show), "--date", "2026-11-23", "-q", env=ENV)
        assert first.returncode == 0, first.stderr.decode()
        # The next day the link holds a story: it was never marked covered, so it is told now,
        # while the ferry story, covered yesterday, is not told again.
        world(server, front_is_a_story=True)
        second = run_cli("run", "--show", str(show), "--dry-run", "--date", "2026-11-24", env=ENV)
    assert second.returncode == 0, second.stderr.decode()
    out = second.stdout.decode()
    assert "Old Lighthouse on Cape Wren Opens to Visitors" in out
    assert "Marigold Ferry Returns to Port Alder" not in out


def test_a_feed_read_by_itself_leaves_out_items_that_are_not_articles(tmp_path):
    import json

    with NewsServer() as server:
        world(server, front_is_a_story=False)
        both = run_cli("article", f"{server.base}/a/feed.xml", "--json", env=ENV)
        # A feed whose only item leads to a home page: nothing to read, said in one line.
        title, sentences = STORIES["lighthouse"]
        server.put("/b/feed.xml", rss(server.base, "Coast Courier", [("/news/front", title, "Teaser.", day(1))]),
                   "application/rss+xml")
        none = run_cli("article", f"{server.base}/b/feed.xml", env=ENV)
    assert both.returncode == 0, both.stderr.decode()
    read = json.loads(both.stdout)  # one item: one object, as for a page
    assert read["title"] == "Marigold Ferry Returns to Port Alder"
    assert none.returncode == 2
    lines = none.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "no item of the feed is an article" in lines[0] and "looks like a home page" in lines[0]


def test_a_folder_source_skips_its_page_that_is_not_an_article(tmp_path):
    from datetime import date

    from briefing.show.run import plan_run

    folder = tmp_path / "gazette"
    folder.mkdir()
    title, sentences = STORIES["ferry-a"]
    (folder / "ferry.txt").write_text(title + "\n\n" + " ".join(sentences) + "\n", encoding="utf-8")
    (folder / "front.html").write_text(home_page(), encoding="utf-8")
    show = tmp_path / "briefing.toml"
    show.write_text('[show]\ntitle = "Harbor Weekly"\nminutes = 1\n\n[[source]]\nurl = "gazette"\n', encoding="utf-8")
    plan = plan_run(show, date(2026, 11, 23), dry_run=True)
    (report,) = plan.sources
    assert report.status == "ok" and report.items == 1  # the story is read; the source did not fail
    assert len(report.not_articles) == 1 and "front.html: looks like a home page" in report.not_articles[0]
    assert [t for t, _ in plan.episodes[0].stories] == [title]
