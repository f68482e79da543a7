"""How a listener listens: the formats an episode is written in.

- `digest` (the default): each article summarized within its share of the listening time,
  a person first named by surname alone named in full (`references.py`), then edited for the
  ear (`ear/`).
- `brief`: a bulletin, each story in one or two sentences, the stories sharing the listening
  time (`bulletin.py`): five stories in about a minute (about `BRIEF_SECONDS` each).
- `full`: the whole article read out, every paragraph through the same editing and speech
  rules, a chapter per section: the audio edition of an article. Its length is the article's.

`digests_for` turns articles into Digests in a format; `fit_to_minutes` writes the script and,
for `digest` and `brief`, corrects the budget once or twice so the spoken length lands near
the target (the editor drops asides and the summarizer fills up to whole sentences).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..errors import InputError
from ..models import Article, Digest, DigestSection, Script
from .bulletin import LONGEST_STORY_SECONDS, bulletins
from .ear import edited_digest
from .references import introduce_people

FORMATS = ("digest", "brief", "full", "conversation")  # conversation: the language-model writer's
EXTRACTIVE_FORMATS = FORMATS[:3]
# A bulletin's story: about this long (five in a minute), in at most `bulletin.BRIEF_SENTENCES` sentences.
BRIEF_SECONDS = 12.0
# Budget corrections after the first script, and how close (a share of the target) is close enough.
FIT_ROUNDS = 3
FIT_TOLERANCE = 0.05


def check_format(name: str) -> str:
    """The format's name, or one line saying which formats there are."""
    if name not in FORMATS:
        raise InputError(f"format {name!r}: choose one of {', '.join(FORMATS)}")
    return name


def digests_for(articles: Sequence[Article], budgets: Sequence[int], format: str,
                words_per_minute: float) -> list[Digest]:
    """Each article in the format: `budgets` are the words each may say (digest, brief; a
    bulletin's story says at most `LONGEST_STORY_SECONDS`)."""
    from .summarize import summarize

    check_format(format)
    if format == "full":
        return [edited_digest(whole(a)) for a in articles]
    if format == "brief":
        longest = int(LONGEST_STORY_SECONDS * words_per_minute / 60)
        return bulletins(articles, [min(b, longest) for b in budgets])
    return [edited_digest(introduce_people(summarize(a, b))) for a, b in zip(articles, budgets)]


def whole(article: Article) -> Digest:
    """Every sentence of every section: the article read out, without what belongs to the page
    (a dateline before a sentence, a credit, "Scroll down for video", a byline)."""
    from .sentences import is_furniture, split_sentences, without_dateline

    return Digest(article, tuple(
        DigestSection(s.heading, tuple(without_dateline(x) for p in s.paragraphs
                                       for x in split_sentences(p, article.language) if not is_furniture(x)))
        for s in article.sections))


def story_words(format: str, words_per_minute: float) -> int | None:
    """What one story of a show costs in the format, in words (None: the whole article)."""
    from ..show.stories import MIN_STORY_WORDS

    if format == "full":
        return None
    if format == "brief":
        return int(BRIEF_SECONDS * words_per_minute / 60)
    return MIN_STORY_WORDS


def spoken_seconds(words: int, words_per_minute: float) -> float:
    return words / words_per_minute * 60


def about(seconds: float) -> str:
    """"about 2 min 10 s": a length as the CLI says it before anything is spoken."""
    seconds = int(round(seconds))
    minutes, rest = divmod(seconds, 60)
    return f"about {minutes} min {rest} s" if minutes else f"about {rest} s"


def fit_to_minutes(digest: Callable[[float], list[Digest]], write: Callable[[list[Digest]], Script], *,
                   minutes: float, words_per_minute: float, format: str) -> Script:
    """Write the script; for `digest` and `brief`, summarize again with a corrected listening
    time while the script's length is off the target by more than `FIT_TOLERANCE`.

    `digest(minutes)` summarizes for a listening time, `write(digests)` writes the script. The
    closest script to the target is kept.
    """
    script = write(digest(minutes))
    if format == "full":
        return script
    target = minutes * words_per_minute
    best = script
    asked = minutes
    for _ in range(FIT_ROUNDS):
        off = target - script.word_count
        if abs(off) <= FIT_TOLERANCE * target:
            break
        asked = asked + off / words_per_minute
        if asked <= 0:
            break
        script = write(digest(asked))
        if abs(target - script.word_count) < abs(target - best.word_count):
            best = script
    return best
