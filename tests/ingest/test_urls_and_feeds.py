"""URLs and feeds, fetched from a real HTTP server on 127.0.0.1 that the test starts."""

from __future__ import annotations

import json

import pytest

from briefing.errors import BriefingError, InputError
from briefing.ingest import read_articles
from briefing.ingest.fetch import fetch
from local_site import site  # noqa: F401  (the fixture)


def _json(result):
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def test_a_url_is_read_with_its_subheadings_title_and_date(cli, site):
    data = _json(cli("article", site.base + "/story.html", "--json"))
    assert data["title"] == "Ferry Service Returns to the Harbor"
    assert data["source"] == site.base + "/story.html"
    assert data["published"] == "2024-05-03"
    assert [s["heading"] for s in data["sections"]] == [None, "Engines Rebuilt Over the Winter", "Timetable and Fares"]
    text = " ".join(p for s in data["sections"] for p in s["paragraphs"])
    assert "first crossing carried more than two hundred passengers" in text
    # Menus, promotions, sidebars and footers are not the story.
    assert "Subscribe now" not in text and "Most read" not in text and "All rights reserved" not in text


def test_redirects_are_followed(site):
    article = read_articles(site.base + "/old-story")[0]
    assert article.title == "Ferry Service Returns to the Harbor"


def test_content_is_sniffed_when_the_server_mislabels_it(site):
    assert read_articles(site.base + "/page-as-plain")[0].sections[1].heading == "Engines Rebuilt Over the Winter"
    assert len(read_articles(site.base + "/feed-as-text-xml", latest=2)) == 2


def test_size_cap(site):
    with pytest.raises(InputError, match="larger than"):
        fetch(site.base + "/big.html", max_bytes=100_000)


def test_http_errors_and_other_schemes_are_one_line(cli, site, tmp_path):
    for url, expected in [(site.base + "/gone", "410"), ("file:///etc/passwd", "only http"),
                          (site.base + "/to-file", "only http")]:
        result = cli("article", url)
        assert result.returncode != 0
        err = result.stderr.decode().strip().splitlines()
        assert len(err) == 1 and err[0].startswith("briefing: error:") and expected in err[0], err


def test_feed_latest_items_and_a_teaser_is_replaced_by_its_page(cli, site):
    items = _json(cli("article", site.base + "/feed.xml", "--latest", "2", "--json"))
    assert [i["title"] for i in items] == ["Market Square to Be Paved", "Lighthouse Reopens to Visitors"]
    assert items[0]["published"] == "2024-05-06"
    assert len(items[0]["sections"][0]["paragraphs"]) == 7  # the item's own full text
    lighthouse = " ".join(p for s in items[1]["sections"] for p in s["paragraphs"])
    assert "old lighthouse reopened to visitors" in lighthouse and "Read more" not in lighthouse
    assert "/lighthouse.html" in site.requested
    assert "/older.html" not in site.requested  # not among the latest two


def test_feed_from_a_file(tmp_path, site):
    from local_site import feed

    path = tmp_path / "news.rss"
    path.write_text(feed(site.base), encoding="utf-8")
    articles = read_articles(str(path), latest=1)
    assert [a.title for a in articles] == ["Market Square to Be Paved"]


def test_several_inputs_make_one_script_with_an_announced_block_each(cli, site, tmp_path):
    local = tmp_path / "note.txt"
    local.write_text("Library Opens Late\n\nThe town library will stay open until ten at night from June, "
                     "the council said on Monday after a vote.\n", encoding="utf-8")
    script = _json(cli("script", site.base + "/story.html", str(local), "--json"))
    announced = [s["title"] for s in script["segments"] if s["kind"] == "article"]
    assert announced == ["Ferry Service Returns to the Harbor", "Library Opens Late"]


def test_unreachable_host_is_a_network_error():
    with pytest.raises(BriefingError, match="cannot connect"):
        fetch("http://127.0.0.1:9/nothing-listens-here")


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbor Notes</title><id>urn:harbor</id>
<updated>2024-05-07T10:00:00Z</updated>
<entry><title>Older note</title><id>urn:1</id><updated>2024-05-01T10:00:00Z</updated>
<content type="html">&lt;p&gt;An older note about the harbor wall, repaired in April by the town's own crew.&lt;/p&gt;</content></entry>
<entry><title>Newer note</title><id>urn:2</id><updated>2024-05-07T10:00:00Z</updated>
<content type="html">&lt;h2&gt;Tides&lt;/h2&gt;&lt;p&gt;Spring tides will flood the lower quay on Thursday, the harbor master warned.&lt;/p&gt;</content></entry>
</feed>
"""


def test_atom_feed_newest_first_with_its_headings(tmp_path):
    path = tmp_path / "notes.atom"
    path.write_text(ATOM, encoding="utf-8")
    articles = read_articles(str(path))
    assert [a.title for a in articles] == ["Newer note", "Older note"]  # sorted by date, not feed order
    assert articles[0].sections[0].heading == "Tides"
    assert articles[0].published.isoformat() == "2024-05-07"


def test_latest_limits_the_episode_script(cli, tmp_path):
    path = tmp_path / "notes.xml"
    path.write_text(ATOM, encoding="utf-8")
    script = _json(cli("script", str(path), "--latest", "1", "--json"))
    text = " ".join(s["text"] for s in script["segments"])
    assert "lower quay" in text and "harbor wall" not in text
