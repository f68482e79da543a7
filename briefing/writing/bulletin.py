"""The `brief` format's story: a bulletin item in one or two sentences, as long as its share.

A bulletin's stories share the listening time equally (`story_budgets`): five stories in a
minute are about 25 words each, in two minutes about 55. Each story (`bulletin`) is chosen
from the article's best sentences (the summarizer's, at a few times the story's budget),
edited for the ear, so its pieces are the short sentences a listener follows. The story opens
with the first piece (the lead's, normally); a second piece may follow, the next one or any
later one that stands alone (not "This was after ...", not "He said ..."), in article order.
Of those combinations, the earliest within a tenth of the budget is said, else the nearest: a
long lead alone when the budget is small, the lead and a long second sentence when it is
large. The stories are chosen together (`bulletins`): when the whole is off its time by more
than a tenth, one story's choice at a time is changed to bring it nearer. The fit to
`--minutes` (`formats.fit_to_minutes`) moves the budgets until the bulletin lands near the target. A story
is never cut inside a sentence and never gets a third one: when two cannot fill the time,
the bulletin is shorter than asked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..models import Article, Digest, DigestSection, Section
from .ear import for_the_ear

# A story: at most this many sentences, and (when the minutes leave more) at most this long.
BRIEF_SENTENCES = 2
LONGEST_STORY_SECONDS = 30.0
# Words of the intro and outro of a bulletin (its stories are not announced).
BRIEF_OVERHEAD_WORDS = 27
# The second sentence is chosen among the summarizer's best within this many times the budget.
POOL_FACTOR = 3
# A story within this share of its budget is near enough: the earliest such is said.
STORY_TOLERANCE = 0.1


def story_budgets(article_words: Sequence[int], minutes: float, words_per_minute: float) -> list[int]:
    """Each story's words: the listening time, less the intro and outro, shared equally; no
    story longer than `LONGEST_STORY_SECONDS`, nor than the summarizer's share of its article
    (a bulletin never says more of an article than its digest would)."""
    from .summarize import MAX_SHARE_OF_ARTICLE

    longest = int(LONGEST_STORY_SECONDS * words_per_minute / 60)
    share = (minutes * words_per_minute - BRIEF_OVERHEAD_WORDS) / max(1, len(article_words))
    return [max(1, min(longest, int(share), int(n * MAX_SHARE_OF_ARTICLE))) for n in article_words]


def story_options(article: Article, words: int) -> list[tuple[str, ...]]:
    """The stories the article can give, best first: the first ear-edited piece alone or with
    one that may follow it, the earliest within a tenth of `words` first, then the nearest."""
    from .sentences import spoken_sentences
    from .references import introduce_people
    from .summarize import _needs_previous, is_teaser, summarize

    merged = replace(article, sections=(Section(None, tuple(p for s in article.sections for p in s.paragraphs)),))
    pool = introduce_people(summarize(merged, POOL_FACTOR * max(1, words)))
    pieces: list[tuple[str, bool]] = []  # (the piece, whether it may follow the first piece alone)
    for sentence in (s for sec in pool.sections for s in sec.sentences):
        for number, piece in enumerate(for_the_ear([sentence], article.language)):
            pieces.append((piece, number == 0 and not _needs_previous(sentence) and not is_teaser(piece)))
    if not pieces:
        return [()]
    first = pieces[0][0]
    said = len(spoken_sentences(first, article.language))  # a piece the voice says as two sentences counts two
    stories = [(first,)] + [(first, piece) for i, (piece, alone) in enumerate(pieces[1:]) if (i == 0 or alone)
                            and said + len(spoken_sentences(piece, article.language)) <= BRIEF_SENTENCES]

    def fit(story: tuple[str, ...]) -> tuple[bool, int]:
        """Near enough the budget first (then the earliest, as news tells the most first), else the nearest."""
        off = abs(_words(story) - words)
        return off > STORY_TOLERANCE * words, 0 if off <= STORY_TOLERANCE * words else off

    return sorted(stories, key=fit)


def _words(story: Sequence[str]) -> int:
    return sum(len(s.split()) for s in story)


def _digest(article: Article, story: tuple[str, ...]) -> Digest:
    return Digest(article, (DigestSection(None, story),))


def bulletin(article: Article, words: int) -> Digest:
    """The story in one or two ear-edited sentences, as close to `words` as they come, as one
    section without headings."""
    return _digest(article, story_options(article, words)[0])


def bulletins(articles: Sequence[Article], budgets: Sequence[int]) -> list[Digest]:
    """A bulletin's stories, chosen together: each story's best, then, while the whole is off
    its total by more than `STORY_TOLERANCE`, the one change of one story's choice that brings
    the whole nearest its total (a story of two short sentences makes up for one that could
    only be one). No story gets a choice it did not have alone."""
    options = [story_options(a, b) for a, b in zip(articles, budgets)]
    chosen = [0] * len(options)
    target = sum(budgets)

    def off(choice: list[int]) -> int:
        return abs(sum(_words(o[c]) for o, c in zip(options, choice)) - target)

    while off(chosen) > STORY_TOLERANCE * target:
        changes = [chosen[:i] + [c] + chosen[i + 1:] for i, o in enumerate(options) for c in range(len(o))
                   if c != chosen[i]]
        better = min(changes, key=off, default=None)
        if better is None or off(better) >= off(chosen):
            break
        chosen = better
    return [_digest(a, o[c]) for a, o, c in zip(articles, options, chosen)]
