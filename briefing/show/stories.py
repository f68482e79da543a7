"""From items to stories: group what several sources tell about one event, rank, choose.

- **Grouping.** Two items from different sources are one story when their texts are near
  copies (MinHash similarity at or above `memory.SAME_TEXT`), or when their leads (first
  `LEAD_WORDS` words) share most named entities (`SAME_ENTITIES`) and a good part of their
  words (`SAME_LEAD_WORDS`): the same event written up by two newsrooms. The fullest
  telling is read; every source is credited.
- **Ranking.** The more sources carry a story the higher it goes; then the newer; then the
  higher in its feed.
- **Choosing.** As many of the best stories as the show's minutes hold, each given
  `MIN_STORY_WORDS` of summary (or half a shorter article); what does not fit stays for a later run until it is older
  than the show's `max_age_days`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ..models import Item, Mention, Story
from .memory import SAME_TEXT, article_text, similarity

LEAD_WORDS = 60
SAME_ENTITIES = 0.4  # Jaccard of the leads' named entities
SAME_LEAD_WORDS = 0.2  # Jaccard of the leads' content words
MIN_SHARED_ENTITIES = 3
MIN_STORY_WORDS = 70  # a story shorter than this in the summary says too little
ANNOUNCEMENT_WORDS = 15  # "Next story: ... Reported by A and B."
_TOKEN = re.compile(r"[^\W_][\w'’-]*", re.UNICODE)
_STOPWORDS = frozenset("""a an the and or but of to in on at for with by from as is are was were be been has have
had it its this that these those he she they we you i his her their our said says will would could should not no
after before over under than then there here into about also more most new""".split())


def _lead(item: Item) -> str:
    return " ".join(article_text(item.article).split()[:LEAD_WORDS])


def _entities(text: str) -> set[str]:
    """Capitalised words that do not start a sentence, and numbers: who, where, how many."""
    found: set[str] = set()
    sentence_start = True
    for match in _TOKEN.finditer(text):
        word = match.group()
        if (word[0].isupper() and not sentence_start and word.lower() not in _STOPWORDS) or word[0].isdigit():
            found.add(word.lower())
        tail = text[match.end():match.end() + 2]
        sentence_start = tail[:1] in (".", "!", "?")
    return found


def _words(text: str) -> set[str]:
    return {w.lower() for w in _TOKEN.findall(text) if w.lower() not in _STOPWORDS and len(w) > 2}


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def same_story(a: tuple[Item, Mention], b: tuple[Item, Mention]) -> bool:
    """Do two items from different sources tell the same event?"""
    (item_a, mention_a), (item_b, mention_b) = a, b
    if item_a.source_url == item_b.source_url:
        return False
    if similarity(mention_a.fingerprint, mention_b.fingerprint) >= SAME_TEXT:
        return True
    lead_a, lead_b = _lead(item_a), _lead(item_b)
    entities_a, entities_b = _entities(lead_a), _entities(lead_b)
    # At least MIN_SHARED_ENTITIES in common: "Monday" alone does not make two stories one.
    return (len(entities_a & entities_b) >= MIN_SHARED_ENTITIES
            and _jaccard(entities_a, entities_b) >= SAME_ENTITIES
            and _jaccard(_words(lead_a), _words(lead_b)) >= SAME_LEAD_WORDS)


def group_stories(items: Sequence[tuple[Item, Mention]], day: date) -> list[Story]:
    """Group the new items into stories (union of pairwise matches) and rank them, best first."""
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if root(i) != root(j) and same_story(items[i], items[j]):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(root(i), []).append(i)
    stories = []
    for members in groups.values():
        fullest = max(members, key=lambda i: (items[i][0].article.word_count, -i))
        article = items[fullest][0].article
        sources = {items[i][0].source_url for i in members}
        newest = max((items[i][0].article.published for i in members if items[i][0].article.published),
                     default=day)
        age = max(0, (day - newest).days)
        position = min(items[i][0].position for i in members)
        score = 3.0 * len(sources) + 1.0 / (1 + age) + 1.0 / (1 + position)
        stories.append(Story(title=article.title, article=article,
                             mentions=tuple(items[i][1] for i in members), score=score))
    return sorted(stories, key=lambda s: -s.score)


def is_fresh(item: Item, day: date, max_age_days: float) -> bool:
    """Published within the show's age limit of `day` (and not after it). An undated item is
    as old as the run that first saw it."""
    published = item.article.published or item.first_seen
    return published is None or 0 <= (day - published).days <= max_age_days


def episode_title(day: date, first_story: str) -> str:
    """A day's episode title: the day and its first story ("Thursday 26 November: Ferries Return").
    Not the show's name: the feed carries it already, and podcast apps ask titles not to repeat it."""
    return f"{day:%A} {day.day} {day:%B}: {first_story}"


def choose(stories: Sequence[Story], *, minutes: float, words_per_minute: float, overhead_words: int,
           story_words: int | None = MIN_STORY_WORDS) -> list[Story]:
    """The best stories the minutes hold, in rank order. A story costs its announcement and the
    summary it will get: `story_words` (MIN_STORY_WORDS; a bulletin's are shorter), or half of a
    shorter article (the summarizer never reads more than half); None: the whole article (the
    `full` format). The first story is always told."""
    budget = minutes * words_per_minute - overhead_words
    chosen: list[Story] = []
    for story in stories:
        words = story.article.word_count
        cost = ANNOUNCEMENT_WORDS + (words if story_words is None else min(story_words, max(1, words // 2)))
        if chosen and cost > budget:
            break
        chosen.append(story)
        budget -= cost
    return chosen
