"""Page clutter is never spoken, and the story around it always is: every kind, both ways."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from briefing.ingest import clutter, read_articles
from briefing.ingest.html import sections_from_fragment

ROOT = Path(__file__).resolve().parents[2]
READABILITY = ROOT.parent / "shared" / "eval" / "readability"

# (rule, clutter lines it must drop, lines of story it must keep)
DROPS = [
    (clutter.byline, ["By Jane Doe and John Roe, CNN", "By Ahiza Garcia", "Reporting by Ann Lee; Editing by Bo Ma"],
     ["By the end of the year, prices had doubled across the region.", "By Friday the ferry was running again."]),
    (clutter.updated_stamp, ["Updated 3:45 PM ET, Mon February 1, 2016", "Published 2 hours ago",
                             "Last updated on 12/05/2020"],
     ["Updated figures released on Monday show the deficit shrinking for a third year.",
      "Published in 1851, the novel sold poorly at first."]),
    (clutter.photo_credit, ["Photo: Jane Doe/Getty Images", "Image copyright AFP", "(AP Photo/Evan Vucci)",
                            "Photograph: Alamy"],
     ["The photographer said the images were taken from a helicopter over the bay.",
      "Getty Images, the photo agency, said on Tuesday it would cut two hundred jobs in its London office "
      "after a fall in sales that began last spring."]),
    (clutter.caption_line, ["Clockwise from top: small whale bones; squid beaks, from the stomach of a sperm whale.",
                            "From left: the mayor, her deputy and the harbour master", "Pictured: the ferry in 1962"],
     ["From left-wing parties to the far right, every group backed the bill.",
      "Pictured in the report are three ferries that sank in the storm, the inspectors said.",
      "Above all, the minister said, the harbour must stay open."]),
    (clutter.embedded_post, ["Great day at the harbor! pic.twitter.com/AbC123",
                             "— Jane Doe (@janedoe) May 3, 2020", "A post shared by Harbor Life (@harborlife)"],
     ["The minister posted a photo of the harbor on Twitter, and it was shared thousands of times."]),
    (clutter.read_more, ["Read more: The best phones of the year", "Related: Chicago is America's most segregated city",
                         "Related", "More on this story", "READ MORE"],
     ["Related research shows that the drug works in mice and in men.",
      "Readers wrote in to say more about the flooding."]),
    (clutter.newsletter, ["PC Gamer Newsletter. Sign up to get the best content of the week, and great gaming deals.",
                          "Sign up to our newsletter", "Get the morning briefing delivered to your inbox"],
     ["The newsletter industry is booming, analysts said on Monday.",
      "Thousands signed up for the new bus pass in its first week."]),
    (clutter.share_buttons, ["Share this article", "Share on Facebook", "Facebook Twitter Email",
                             "Follow us on Twitter"],
     ["He shared the photo with reporters on Friday.", "Twitter said it would appeal the ruling."]),
    (clutter.comments, ["Comentar", "12 comments", "Leave a comment", "Comments"],
     ["Comments from the minister angered the union, whose members walked out on Tuesday."]),
    (clutter.originally_appeared, ["This article originally appeared on VICE US",
                                   "A version of this story was first published in The Conversation."],
     ["The disease originally appeared in pigs before spreading to farm workers in the valley."]),
    (clutter.rights, ["© 2020 Cable News Network. All Rights Reserved.", "Copyright 2019 The Associated Press. "
                      "All rights reserved. This material may not be published, broadcast, rewritten or redistributed."],
     ["The court ruled that the copyright on the song had expired in 2019."]),
    (clutter.cookie_notice, ["We use cookies to improve your experience on our site.",
                             "By continuing you accept our use of cookies"],
     ["The bakery sold cookies and bread to the volunteers all through the night."]),
    (clutter.advertisement, ["Advertisement", "Story continues below advertisement", "ADVERTISEMENT",
                             "Continue reading the main story"],
     ["The advertisement campaign cost the council two million pounds, an audit found."]),
    (clutter.in_pictures, ["UK news in pictures", "In pictures: the storm hits the coast", "Gallery: the parade"],
     ["The pictures, taken in 1944, show the harbor before the bombing."]),
    (clutter.looks_like_code, ["nnoremap <Leader>M :make<CR><CR>", "if (x > 0) { y = f(x); }",
                               '<div class="promo">Subscribe</div>'],
     ["The code of conduct was signed by all twelve clubs on Monday; it takes effect in May.",
      "Scores rose (from 40 to 52) in the second year."]),
]


@pytest.mark.parametrize("rule, gone, kept", DROPS, ids=[r.__name__ for r, _, _ in DROPS])
def test_each_clutter_rule_drops_its_kind_and_keeps_the_story(rule, gone, kept):
    for line in gone:
        assert rule(line), f"{rule.__name__} should drop {line!r}"
    for line in kept:
        assert not rule(line), f"{rule.__name__} dropped story text {line!r}"
        assert clutter.is_clutter(line) is None, (line, clutter.is_clutter(line))


@pytest.mark.parametrize("before, after", [
    ("SEOUL, Dec 5 (Yonhap) -- North Korea fired a missile on Saturday, officials said.",
     "North Korea fired a missile on Saturday, officials said."),
    ("London (CNN)It was a dark night in the city, and everyone was asleep.",
     "It was a dark night in the city, and everyone was asleep."),
    ("(CNN) The Senate voted on Tuesday to pass the bill after a long debate.",
     "The Senate voted on Tuesday to pass the bill after a long debate."),
    ("WASHINGTON — The Senate voted on Tuesday to pass the bill after a long debate.",
     "The Senate voted on Tuesday to pass the bill after a long debate."),
    ("Feb. 23, 2015 -- Life-threatening peanut allergies have been on the rise in the past decade.",
     "Life-threatening peanut allergies have been on the rise in the past decade."),
    ("May 4, 2015 was the day the ferry sank, and the town still marks it every spring.",  # a date, no dash
     "May 4, 2015 was the day the ferry sank, and the town still marks it every spring."),
    ("The minister spoke to reporters in the port. (Photo: Jane Doe/Getty Images)",
     "The minister spoke to reporters in the port."),
    ("Every time I type <Leader> M, I get the linter's report.", "Every time I type Leader M, I get the linter's report."),
])
def test_datelines_credits_and_markup_are_trimmed_and_the_sentence_stays(before, after):
    assert clutter.trim(before) == after


@pytest.mark.parametrize("line", [
    "Paris is the capital of France, and its mayor said so on Monday.",
    "Reuters reported on Tuesday that the talks had failed.",
    "CNN said the interview would air on Sunday.",
    "The price rose from $3 to $5 (a 66% jump) in a year.",
])
def test_story_sentences_are_not_trimmed(line):
    assert clutter.trim(line) == line


@pytest.mark.parametrize("title, site, host, clean", [
    ("Obama admits US gun laws are his 'biggest frustration' - BBC News", "BBC News", None,
     "Obama admits US gun laws are his 'biggest frustration'"),
    ("Trump signs the new budget bill into law | CNN Politics", None, "edition.cnn.com",
     "Trump signs the new budget bill into law"),
    ("Germany sends more troops to Lithuania | DW | 19.01.2020", "DW", None, "Germany sends more troops to Lithuania"),
    ("BBC News - Ferry returns to the harbor after a winter", None, "www.bbc.co.uk",
     "Ferry returns to the harbor after a winter"),
    ("Opinion | Republicans Are Following Trump to Nowhere", None, None, "Republicans Are Following Trump to Nowhere"),
    ("トレンドマイクロ、公衆無線LANを安全に使うためのアプリ - Yahoo!ニュース", None, None,
     "トレンドマイクロ、公衆無線LANを安全に使うためのアプリ"),
    # What must stay: a colon's headline, a dash inside the headline, a short title.
    ("Syria: rebels take Hama in a surprise attack", None, None, "Syria: rebels take Hama in a surprise attack"),
    ("War and peace - a history of the twentieth century in Europe", None, None,
     "War and peace - a history of the twentieth century in Europe"),
    ("Ferry - BBC", "BBC", None, "Ferry - BBC"),
])
def test_titles_lose_site_names_and_separators(title, site, host, clean):
    assert clutter.clean_title(title, site_name=site, host=host) == clean


STORY = [
    "The Port Alder ferry Marigold returned to service on Monday after a winter of engine repairs, the harbor "
    "authority said.",
    "The first crossing to Gull Island carried 212 passengers, and the captain said the rebuilt engines ran "
    "smoothly all the way across the bay.",
    "Commuters from Gull Island had spent four months on a long detour by road while the vessel sat in the dry "
    "dock at the northern pier.",
    "The authority said the ferry would sail every forty minutes on weekdays and keep last year's fares until "
    "the end of the summer season.",
    "Shopkeepers on the island said the months without the ferry had cost them most of their mainland customers.",
]

CLUTTERED = f"""<!doctype html><html><head><meta charset="utf-8">
<title>Marigold ferry returns to Port Alder | Harbor Times</title>
<meta property="og:site_name" content="Harbor Times"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Marigold ferry returns to Port Alder</h1>
<p class="byline">By Mara Quill, Harbor Times</p>
<p>Updated 3:45 PM ET, Mon February 1, 2016</p>
<p>PORT ALDER, Feb 1 (Harbor Wire) -- {STORY[0]}</p>
<figure><img src="ferry.jpg"><figcaption>The Marigold at the northern pier. Photo: Jo Ray/Getty Images</figcaption></figure>
<p>{STORY[1]}</p>
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
<p>Read more: Ferry fares to rise in the spring</p>
<p>{STORY[2]}</p>
<blockquote class="twitter-tweet"><p>Back on the water! pic.twitter.com/AbC123</p>— Harbor Authority (@harbor) February 1, 2016</blockquote>
<aside class="newsletter-signup"><p>Sign up to our newsletter and get the harbor news in your inbox.</p></aside>
<p>{STORY[3]}</p>
<p>Advertisement</p>
<p>{STORY[4]}</p>
<p>This article originally appeared on Harbor Times US.</p>
<h2>Related</h2>
<p>Lighthouse on Cape Wren opens to visitors</p>
<p>Library in Tarnby lends tools</p>
</article>
<section class="comments"><h3>Comments</h3><p>What a lovely ferry, I remember riding it as a child with my father.</p></section>
<footer><p>© 2016 Harbor Times. All rights reserved.</p><p>We use cookies to improve your experience.</p></footer>
</body></html>"""


def _text(article) -> str:
    return " ".join([s.heading or "" for s in article.sections] + [p for s in article.sections for p in s.paragraphs])


def test_a_cluttered_page_reads_as_its_story_alone(tmp_path):
    path = tmp_path / "ferry.html"
    path.write_text(CLUTTERED, encoding="utf-8")
    article = read_articles(str(path))[0]
    text = _text(article)
    # What must stay: every paragraph of the story, whole (the dateline gone from the first).
    for sentence in STORY:
        assert sentence in text, sentence
    assert article.title == "Marigold ferry returns to Port Alder"
    # What must go: every kind of clutter on the page.
    for clutter_text in ["By Mara Quill", "Updated", "PORT ALDER", "Harbor Wire", "Getty", "northern pier. Photo",
                         "Share on", "Tweet", "Read more", "pic.twitter", "@harbor", "newsletter", "Advertisement",
                         "originally appeared", "Related", "Lighthouse", "Library", "lovely ferry", "Comments",
                         "All rights reserved", "cookies", "Harbor Times"]:
        assert clutter_text not in text, clutter_text


def test_a_feed_item_loses_its_clutter_too():
    fragment = (f"<p>{STORY[0]}</p><p>Read more: Ferry fares to rise</p><p>{STORY[1]}</p>"
                "<p>This article originally appeared on Harbor Times.</p>")
    paragraphs = [p for s in sections_from_fragment(fragment) for p in s.paragraphs]
    assert paragraphs == STORY[:2]


def test_a_trailing_block_only_ends_the_story_where_it_trails():
    story = [("paragraph", s) for s in STORY]
    # "Comments" under the headline is a link, not the end of the story: everything after it stays.
    assert clutter.clean_blocks([("paragraph", "Comments")] + story) == story
    # After the story, "Related" and all it lists go.
    assert clutter.clean_blocks(story + [("heading", "Related"), ("paragraph", "Lighthouse opens to visitors"),
                                         ("paragraph", "Library lends tools")]) == story


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_extraction", ROOT / "scripts" / "eval_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not READABILITY.is_dir(), reason="../shared/eval/readability is not present")
def test_readabilitys_pages_keep_their_body_and_none_is_refused():
    result = _eval_module().evaluate_readability(READABILITY)
    assert len(result["rows"]) >= 40
    # Every page there is an article (most are news); none is refused as a home page or a gallery.
    assert result["refused"] == []
    # At least as close to Firefox's reader view as before the clutter rules (0.937 then).
    assert result["ours"][2] >= 0.937, result["ours"]
