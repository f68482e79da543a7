"""Not an article? Say so: home pages, galleries, caption-only and template pages, paywall stubs
are refused in one line (exit 2) by `article`, `script` and `make`; real articles never are."""

from __future__ import annotations

import pytest

from briefing.ingest import read_articles
from briefing.ingest.verdict import NotAnArticle

HEADLINES = ["Ferry returns to Port Alder", "Council votes on market square", "Lighthouse opens to visitors",
             "Library lends tools", "Flood defences for Brindle", "Swing bridge reopens", "Storm hits the coast",
             "Schools close early", "New bus routes announced", "Harbor festival dates set"]


def _page(body: str, title: str = "Harbor Times") -> str:
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body>{body}</body></html>")


def home_page() -> str:
    links = "".join(f'<li><a href="/news/{i}">{HEADLINES[i % len(HEADLINES)]} {i}</a></li>' for i in range(120))
    return _page(f'<nav><a href="/">Home</a><a href="/news">News</a></nav><main><h1>Harbor Times</h1>'
                 f"<p>The latest news from the harbor and the towns around it.</p><ul>{links}</ul></main>")


def section_front() -> str:
    teasers = "".join(f'<div class="card"><h3><a href="/news/{i}">{h}</a></h3><p><a href="/news/{i}">{h} today</a>'
                      f'</p></div>' for i, h in enumerate(HEADLINES * 5))
    return _page(f"<main><h1>Local news</h1>{teasers}</main>")


def teaser_front() -> str:
    """A news site's front: linked headlines, each with a one-sentence blurb (trafilatura keeps the blurbs)."""
    cards = "".join(f'<article class="card"><h3><a href="/news/{i}">{HEADLINES[i % 10]} {i}</a></h3>'
                    f"<p>The story of the day in the harbor town, told by our reporters on the spot number {i}.</p>"
                    f"<span>2 hours ago</span></article>" for i in range(30))
    nav = "".join(f'<a href="/s/{i}">Section {i}</a>' for i in range(20))
    return _page(f"<nav>{nav}</nav><main><h1>Harbor Times</h1>{cards}</main>")


def gallery() -> str:
    pictures = "".join(f'<figure><img src="/p/{i}.jpg"><figcaption>{h}, seen from the pier. Photo: Jo Ray'
                       f"</figcaption></figure>" for i, h in enumerate(HEADLINES))
    return _page(f"<article><h1>The storm in pictures</h1>{pictures}<p>All pictures by Jo Ray.</p></article>")


def captions_only() -> str:
    pictures = "".join(f'<div class="slide"><img src="/p/{i}.jpg"><p class="caption">{h}.</p></div>'
                       for i, h in enumerate(HEADLINES[:8]))
    return _page(f"<article><h1>A week on the water</h1>{pictures}</article>")


def template_page() -> str:
    return _page("<article><h1>{{ article.title }}</h1><p>{{ article.lead }}</p>"
                 "{% for paragraph in article.body %}<p>{{ paragraph }}</p>{% endfor %}"
                 "<p>Posted by {{ author.name }} on {{ article.date | date }}</p></article>")


def paywall_stub() -> str:
    return _page("<article><h1>Council hid the cost of the new harbor wall</h1>"
                 "<p>Documents seen by the Harbor Times show the council knew in March that the new harbor wall "
                 "would cost twice what it told residents.</p>"
                 "<p>Subscribe to continue reading. Already a subscriber? Log in.</p></article>")


REFUSED = [(home_page, "home page", "links"), (section_front, "home page", "links"),
           (teaser_front, "home page", "30 linked headlines, 30 teasers"), (gallery, "gallery", "picture"),
           (captions_only, "gallery", "picture"), (template_page, "template", "template tag"),
           (paywall_stub, "paywall", "subscribe to continue reading")]


@pytest.mark.parametrize("make_page, kind, detail", REFUSED, ids=[f.__name__ for f, _, _ in REFUSED])
def test_pages_that_are_not_articles_are_refused_saying_why(tmp_path, make_page, kind, detail):
    path = tmp_path / "page.html"
    path.write_text(make_page(), encoding="utf-8")
    with pytest.raises(NotAnArticle) as caught:
        read_articles(str(path))
    message = str(caught.value)
    assert "looks like" in message and kind in message and detail in message.lower(), message
    assert "\n" not in message


def test_article_script_and_make_exit_2_with_one_line(cli, tmp_path):
    path = tmp_path / "front.html"
    path.write_text(home_page(), encoding="utf-8")
    for args in (("article", str(path)), ("script", str(path)), ("make", str(path), "-o", str(tmp_path / "e.mp3"), "-q")):
        result = cli(*args)
        assert result.returncode == 2, (args, result.stderr)
        lines = result.stderr.decode().strip().splitlines()
        assert len(lines) == 1 and "looks like a home page or section front: 12" in lines[0], lines
        assert "sentence" in lines[0]
    assert not any(tmp_path.glob("e*"))  # no partial file


ARTICLE = ("<p>The Port Alder ferry Marigold returned to service on Monday after a winter of engine repairs, the "
           "Alder Harbor Authority said.</p><p>The first crossing to Gull Island carried 212 passengers, and the "
           "captain said the rebuilt engines ran smoothly all the way across the bay.</p><p>Commuters from Gull "
           "Island had spent four months on a long detour by road while the vessel sat in the dry dock.</p>")


@pytest.mark.parametrize("extra", [
    # A real article in a page with a big menu, a photo or two and a subscription box stays an article;
    # so does a short news brief of three sentences under a menu of 150 links.
    "".join(f'<a href="/n/{i}">{HEADLINES[i % 10]}</a>' for i in range(30)),
    "".join(f'<a href="/n/{i}">{HEADLINES[i % 10]}</a>' for i in range(150)),
    '<figure><img src="a.jpg"><figcaption>The Marigold.</figcaption></figure><img src="b.jpg">',
    '<aside><p>Subscribe to continue reading our newsletter, already a subscriber?</p></aside>'
    + "<p>" + "The council met again on Tuesday to discuss the timetable for the summer. " * 20 + "</p>",
    # A story with a box of ten linked headlines beside it is still a story.
    '<div class="more">' + "".join(f'<div><h3><a href="/n/{i}">{h}</a></h3><p>{h} today.</p></div>'
                                   for i, h in enumerate(HEADLINES)) + "</div>",
    # Code that uses braces in a story about code is still a story.
    "<p>The template language writes {{ name }} for a value, the developers said in their announcement.</p>",
])
def test_articles_with_menus_pictures_and_subscription_boxes_are_read(tmp_path, extra):
    path = tmp_path / "story.html"
    path.write_text(_page(f"<nav>{extra if extra.startswith('<a') else ''}</nav><article><h1>Marigold returns</h1>"
                          f"{ARTICLE}{'' if extra.startswith('<a') else extra}</article>"), encoding="utf-8")
    article = read_articles(str(path))[0]
    assert "212 passengers" in " ".join(p for s in article.sections for p in s.paragraphs)

# The real articles of ../shared/eval/readability (test_clutter.py) and ../shared/eval/html
# (test_html_pages.py, whose evaluation would stop on a refused page) are never refused.


def test_sentences_are_counted_where_they_end():
    from briefing.ingest.verdict import sentences

    assert sentences(["The council met on Monday to vote. It passed the plan by five votes to two!"]) == 2
    # a full stop inside a number or an abbreviation ends nothing; a run with no ending is no sentence
    assert sentences(["Pi is about 3.14 and no more than that", "Word " * 3000]) == 0
    assert sentences(["会议于周一召开，议员们以五票对两票通过了这项计划。"]) == 1
