"""The show's memory: an item is recognised by canonical URL, guid, or the fingerprint of its text."""

from __future__ import annotations

from briefing.models import Article, Section
from briefing.show.memory import SAME_TEXT, Memory, canonical_url, mention_of, similarity

STORY = ("The harbor ferry Marigold returned to service on Monday after a winter of engine repairs, the port "
         "authority said. The first crossing to Gull Island carried two hundred passengers, and the captain said "
         "the rebuilt engines ran smoothly all the way across the bay. Commuters had spent four months on a long "
         "detour by road while the vessel sat in the dry dock at the northern pier. The authority said the ferry "
         "would sail every forty minutes on weekdays and keep last year's fares until the end of the summer.")
UPDATE = ("Late on Monday the ferry Marigold broke down again in the middle of the bay, and forty passengers "
          "waited two hours for a tug from the northern pier. The authority blamed a fuel pump that had not been "
          "replaced in the winter refit, and cancelled the evening sailings. Island shopkeepers said they had "
          "lost patience with repairs that never seemed to last, and asked the council for a second boat.")


def article(text: str, title: str = "Ferry Returns") -> Article:
    return Article(title=title, source="x", sections=(Section(None, (text,)),))


def mention(text: str, url: str = "https://news.example/ferry", guid: str = "1", title: str = "Ferry Returns"):
    return mention_of("Example News", "https://news.example/feed.xml", title, url, guid, article(text, title))


def remembering(*mentions) -> Memory:
    return Memory({m.url for m in mentions}, {m.guid for m in mentions}, [m.fingerprint for m in mentions])


def test_tracking_parameters_and_fragments_do_not_make_a_new_url():
    assert canonical_url("https://News.Example/ferry?utm_source=rss&utm_medium=feed#top") == \
        canonical_url("https://news.example/ferry")
    assert canonical_url("https://news.example/ferry?id=2") != canonical_url("https://news.example/ferry?id=3")


def test_the_same_url_or_guid_is_covered():
    memory = remembering(mention(STORY))
    assert memory.covered(mention(UPDATE, url="https://news.example/ferry?utm_campaign=x", guid="9"))
    assert memory.covered(mention(UPDATE, url="https://news.example/other", guid="1"))


def test_a_repost_under_another_url_and_title_is_covered():
    repost = mention(STORY.replace("Monday", "Monday morning"), url="https://news.example/ferry-back",
                     guid="77", title="Marigold Back in Service")
    assert similarity(repost.fingerprint, mention(STORY).fingerprint) >= SAME_TEXT
    assert remembering(mention(STORY)).covered(repost)


def test_a_lightly_edited_story_is_covered_but_a_substantial_update_is_new():
    """SAME_TEXT is the line: a sentence added stays above it, half the text new falls below."""
    original = mention(STORY)
    light = mention(STORY + " Fares for children stay free.", url="https://news.example/a", guid="a")
    # Half the text new: the update's news, then the first half of the original.
    half = STORY.split(". ")
    updated = mention(UPDATE + " " + ". ".join(half[:2]) + ".", url="https://news.example/b", guid="b")
    assert similarity(light.fingerprint, original.fingerprint) >= SAME_TEXT
    assert similarity(updated.fingerprint, original.fingerprint) < SAME_TEXT
    memory = remembering(original)
    assert memory.covered(light)
    assert not memory.covered(updated)


def test_guids_of_different_feeds_do_not_collide():
    one = mention_of("A", "https://a.example/feed", "T", "https://a.example/1", "1", article(STORY))
    other = mention_of("B", "https://b.example/feed", "U", "https://b.example/1", "1", article(UPDATE))
    assert not remembering(one).covered(other)
