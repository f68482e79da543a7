"""Furniture around a page's story is not read: a picture's caption set as text beside its figure, a
section banner taken for the title and a teaser above the headline; the story around them is."""

from __future__ import annotations

from briefing.ingest.html import parse

STORY = [
    "The harbour council voted on Tuesday to close the old ferry terminal by the end of next year.",
    "Fishermen said the decision would cost them the only sheltered mooring on this part of the coast.",
    "The council said a new terminal would be built two miles north, with room for twice as many boats.",
    "Work on the new site is due to begin in the spring, once the last survey of the seabed is done.",
]
CAPTION = "Skipper Ann Lee mends a net on the quay at dawn, as her father did for forty years before her"
QUOTE = "We have moored here for a hundred years and nobody asked us once what we thought of the plan"


def _page(body: str) -> bytes:
    return f"<html><head><title>Harbour votes to close terminal</title></head><body><article>{body}" \
           f"</article></body></html>".encode()


def _paragraphs(html: bytes) -> list[str]:
    return [p for section in parse(html, source="page.html").sections for p in section.paragraphs]


def test_a_caption_beside_its_figure_is_not_read():
    body = (f"<p>{STORY[0]}</p><p>{STORY[1]}</p>"
            f'<figure><img src="a.jpg" alt="{CAPTION}."></figure><ul><li><p>{CAPTION}</p></li></ul>'
            f"<p>{STORY[2]}</p><p>{STORY[3]}</p>")
    paragraphs = _paragraphs(_page(body))
    assert not any("mends a net" in p for p in paragraphs)
    assert [p for p in paragraphs if p in STORY] == STORY


def test_a_paragraph_a_caption_quotes_is_read():
    """The caption describes its picture and then quotes the story (as the New York Times' captions do):
    the paragraph is the story's own, and stays."""
    body = (f"<p>{STORY[0]}</p>"
            f'<figure><img src="a.jpg" alt="Fishing boats moored along the quay of the old ferry terminal at Harbour Point in 2014. “{QUOTE}”"></figure>'
            f"<p>“{QUOTE},” said Ann Lee.</p><p>{STORY[1]}</p><p>{STORY[2]}</p><p>{STORY[3]}</p>")
    paragraphs = _paragraphs(_page(body))
    assert any(QUOTE in p for p in paragraphs)


def test_a_paragraph_that_repeats_an_alt_text_away_from_its_picture_is_read():
    body = (f'<figure><img src="a.jpg" alt="{CAPTION}"></figure><p>{STORY[0]}</p><p>{STORY[1]}</p>'
            f"<p>{CAPTION}.</p><p>{STORY[2]}</p><p>{STORY[3]}</p>")
    paragraphs = _paragraphs(_page(body))
    assert any("mends a net" in p for p in paragraphs)


def _titled(title: str, body: str) -> bytes:
    return f"<html><head><title>{title}</title></head><body><h1>Allergies Health Center</h1><article>{body}" \
           f"</article></body></html>".encode()


def test_a_headline_that_is_the_documents_title_is_the_title_and_what_is_above_it_goes():
    """A section banner in the page's <h1> is not the title; the <title> is, when the story opens with it."""
    headline = "Babies Who Eat Peanuts Early May Avoid Allergy"
    body = (f"<p>Which sex is the worst about washing up? We have the dirty truth.</p><h2>{headline}</h2>"
            + "".join(f"<p>{p}</p>" for p in STORY))
    article = parse(_titled(headline, body), source="page.html")
    assert article.title == headline
    paragraphs = [p for section in article.sections for p in section.paragraphs]
    assert paragraphs == STORY  # the teaser above the headline is not the story
    assert all(section.heading != headline for section in article.sections)


def test_a_story_that_does_not_open_with_the_documents_title_keeps_its_text():
    body = "".join(f"<p>{p}</p>" for p in STORY) + "<h2>Harbour votes to close terminal</h2><p>More to come.</p>"
    article = parse(_titled("Harbour votes to close terminal", body), source="page.html")
    assert [p for p in article.sections[0].paragraphs][:4] == STORY


def test_struck_out_text_is_not_read_in_a_page_or_a_feed_item():
    """"to <s>waste</s> spend some time" was read "to waste spend some time"."""
    from briefing.ingest.html import sections_from_fragment

    struck = "The next steps would be to <s>waste</s> spend some time on the theme, <del>sadly</del> happily."
    body = f"<p>{STORY[0]}</p><p>{struck}</p>" + "".join(f"<p>{p}</p>" for p in STORY[1:])
    said = "The next steps would be to spend some time on the theme, happily."
    assert said in _paragraphs(_page(body))
    assert sections_from_fragment(f"<p>{struck}</p>")[0].paragraphs == (said,)
    assert sections_from_fragment("<p>It was <em>good</em>.</p>")[0].paragraphs == ("It was good.",)  # emphasis stays
