"""Personal briefings: thirty listeners, ten stories, each story spoken once for everyone."""

from __future__ import annotations

import json

import pytest

from personal_fixtures import NAMES, STORIES, listener_topics, write_personal_show


def test_listeners_are_read_from_the_show_file(tmp_path):
    from briefing.errors import BriefingError
    from briefing.show.personal import load_listeners

    show = tmp_path / "briefing.toml"
    show.write_text('[show]\ntitle = "T"\n\n[[listener]]\nname = "ana"\ntopics = ["climate", "energy"]\n'
                    'sources = ["Example News"]\nminutes = 4\ntop_story = false\n\n[[listener]]\nname = "ben"\n')
    ana, ben = load_listeners(show)
    assert (ana.name, ana.topics, ana.sources, ana.minutes, ana.top_story) == (
        "ana", ("climate", "energy"), ("Example News",), 4.0, False)
    assert (ben.minutes, ben.top_story) == (None, True)
    show.write_text('[[listener]]\nname = "ana"\nminutes = "four"\n')
    with pytest.raises(BriefingError, match="minutes"):
        load_listeners(show)


def test_each_listener_gets_the_top_story_and_what_they_follow(tmp_path):
    from briefing.models import RunPlan
    from briefing.show.run import plan_run

    show = write_personal_show(tmp_path, listeners=30)
    plan = plan_run(show, dry_run=True)
    assert [e.listener for e in plan.episodes] == list(NAMES)
    top = plan.episodes[0].stories[0][0]
    for number, episode in enumerate(plan.episodes):
        titles = [title for title, _ in episode.stories]
        assert 3 <= len(titles) <= 5 and titles[0] == top
        topic_of = {title: topic for topic, (title, _) in STORIES.items()}
        assert {topic_of[t] for t in titles[1:]} <= set(listener_topics(number))
        # Everything they follow that fits is there (the top story may be one of them).
        assert set(listener_topics(number)) <= {topic_of[t] for t in titles}
        assert NAMES[number] in episode.script.text  # the intro names them
    # The plan is a plain value a worker on another machine receives.
    assert RunPlan.from_dict(json.loads(json.dumps(plan.to_dict()))) == plan


def test_a_story_is_the_same_segments_for_everyone_who_gets_it(tmp_path):
    from briefing.show.run import plan_run

    plan = plan_run(write_personal_show(tmp_path, listeners=30), dry_run=True)
    told: dict[str, set] = {}
    for episode in plan.episodes:
        segments = [s for s in episode.script.segments if s.kind not in ("intro", "outro")]
        for segment in segments:
            if segment.kind == "article":
                current = told.setdefault(segment.title, set())
            current.add(segment)
    # Every story, wherever it falls in an episode, is one announcement and one section.
    assert set(told) == {title for e in plan.episodes for title, _ in e.stories}
    assert all(len(segments) == 2 for segments in told.values())


@pytest.mark.slow
def test_thirty_briefings_speak_each_distinct_segment_once(tmp_path, cli):
    import feedparser

    from briefing.show.run import plan_run
    from briefing.voices.segments import distinct_segments

    cache = tmp_path / "cache"
    show = write_personal_show(tmp_path, listeners=30)
    plan = plan_run(show, dry_run=True)
    distinct = distinct_segments([episode.script for episode in plan.episodes])
    sentences = {sentence for segment, _ in distinct for sentence in segment.sentences}
    assert len(distinct) < 30 * 4

    result = cli("run", "--show", str(show), env={"BRIEFING_CACHE_DIR": str(cache)}, timeout=600)
    assert result.returncode == 0, result.stderr.decode()
    # One take per distinct sentence: every shared segment was spoken once, for all its listeners.
    assert sum(1 for _ in cache.rglob("*.wav")) == len(sentences)
    # And encoded once: one MP3 piece per distinct segment (a listener's intro carries the opening
    # sting), and one for the closing sting, however many episodes carry them.
    assert sum(1 for _ in (cache / "pieces").rglob("*.npz")) == len(distinct) + 1
    site = tmp_path / "site"
    for episode in plan.episodes:
        feed = feedparser.parse((site / "listeners" / episode.listener.lower() / "feed.xml").read_bytes())
        assert [e.title for e in feed.entries] == [episode.script.title]
        # Its links lead to the listener's own files, where a player can fetch them.
        (enclosure,) = feed.entries[0].enclosures
        own = site / "listeners" / episode.listener.lower()
        assert f"/listeners/{episode.listener.lower()}/episodes/" in enclosure.href
        assert (own / "episodes" / enclosure.href.rsplit("/", 1)[1]).is_file()
    # Joined from shared pieces, each episode is still on the loudness target, measured whole.
    from briefing.audio.loudness import measure_file

    for episode in plan.episodes[:3]:
        (mp3,) = (site / "listeners" / episode.listener.lower() / "episodes").glob("*.mp3")
        assert measure_file(mp3).meets(-16.0)
    # One cover per show and day for every listener: the show's, not one drawn per listener.
    from briefing.audio.cover import drawn_for

    listeners = [site / "listeners" / episode.listener.lower() for episode in plan.episodes]
    assert {drawn_for(own / "cover.jpg") for own in listeners} == {"Harbor Daily"}
    assert len({(own / "cover.jpg").read_bytes() for own in listeners}) == 1
    episode_covers = {jpg.read_bytes() for own in listeners for jpg in (own / "episodes").glob("*.jpg")}
    assert len(episode_covers) == 1

    again = cli("run", "--show", str(show), env={"BRIEFING_CACHE_DIR": str(cache)}, timeout=120)
    assert again.returncode == 0 and again.stdout.decode().strip().endswith("nothing new")


def test_a_brief_listeners_story_is_a_bulletin_item_of_about_twelve_seconds():
    """A personal story is written once at its own length: in `brief`, one of five in a minute
    (not the longest a bulletin's story may be when few stories share many minutes)."""
    from briefing.ingest import read_articles
    from briefing.models import EpisodeOptions, Mention, Story
    from briefing.samples import sample_article_path
    from briefing.show.personal import story_segments
    from briefing.voices import WORDS_PER_MINUTE
    from briefing.writing.formats import BRIEF_SECONDS

    [article] = read_articles(str(sample_article_path()))
    story = Story(article.title, article, (Mention("Harbor News", article.title, "https://example.org/ferry",
                                                   "ferry", ""),))

    def told(format: str) -> list:
        segments = story_segments(story, EpisodeOptions(format=format)).segments
        return [s for s in segments if s.kind == "section"]

    brief, digest = told("brief"), told("digest")
    assert len(brief) == 1 and 1 <= len(brief[0].sentences) <= 2
    assert len(brief[0].text.split()) <= 1.25 * BRIEF_SECONDS * WORDS_PER_MINUTE["hibari"] / 60
    assert sum(len(s.text.split()) for s in digest) > 2 * len(brief[0].text.split())
