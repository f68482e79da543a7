"""Extractive, section-aware summarizing within a word budget.

Each section keeps its best sentences, chosen by position (news puts the point
first) and centrality (sentences that share the article's vocabulary carry its
story), without repeating itself, and in their original order. A quotation stays
whole, with who said it; a sentence that opens by pointing back ("He", "However,")
is only taken with the sentence it points to.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from .models import Article, Digest, DigestSection

# A summary is a briefing, not a reading: at most this share of the article.
MAX_SHARE_OF_ARTICLE = 0.5
REDUNDANCY_THRESHOLD = 0.55

_STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her here
    hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off
    on once only or other our ours ourselves out over own same she should so some such than that the their theirs
    them themselves then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself yourselves said says also one two new like
    just""".split()
)
_DANGLING_OPENERS = re.compile(
    r"^(he|she|they|it|its|this|that|these|those|his|her|their|however|but|and|also|meanwhile|moreover|"
    r"furthermore|instead|still|yet|then|thus|therefore|so|such|there|both|neither|either|nevertheless|"
    r"nonetheless|in addition|as a result|by contrast|even so|the latter|the former)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=8)
def _segmenter(language: str):
    import pysbd

    try:
        return pysbd.Segmenter(language=language, clean=False)
    except ValueError:
        return pysbd.Segmenter(language="en", clean=False)


def split_sentences(paragraph: str, language: str = "en") -> list[str]:
    """Sentences of a paragraph (pysbd), with a quotation split across sentences rejoined."""
    raw = [s.strip() for s in _segmenter(language).segment(paragraph) if s.strip()]
    merged: list[str] = []
    for sentence in raw:
        if merged and _open_quote(merged[-1]):
            merged[-1] = f"{merged[-1]} {sentence}"
        else:
            merged.append(sentence)
    return merged


def _open_quote(text: str) -> bool:
    """True while a quotation opened in `text` has not been closed."""
    if text.count("“") > text.count("”"):
        return True
    return text.count('"') % 2 == 1


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower()) if w not in _STOPWORDS and len(w) > 1]


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _vector(text: str) -> Counter[str]:
    return Counter(_stem(w) for w in _words(text))


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    return dot / (math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values())))


def word_count(text: str) -> int:
    return len(text.split())


def summarize(article: Article, words: int) -> Digest:
    """Choose sentences from each section so that the whole is at most `words` words."""
    budget = max(0, int(words))
    per_section = [
        [s for p in section.paragraphs for s in split_sentences(p, article.language)] for section in article.sections
    ]
    flat = [(si, i, s) for si, sents in enumerate(per_section) for i, s in enumerate(sents)]
    if not flat:
        return Digest(article, tuple(DigestSection(s.heading, ()) for s in article.sections))
    centroid = _vector(" ".join(s for _, _, s in flat))

    def score(si: int, i: int, sentence: str, rank: int) -> float:
        position = 1.0 / (1.0 + 0.35 * i) + (0.6 if rank == 0 else 0.0) * (1.0 if si == 0 else 0.4)
        centrality = _cosine(_vector(sentence), centroid)
        dangling = 0.5 if _DANGLING_OPENERS.match(sentence) and i > 0 else 1.0
        length = word_count(sentence)
        brevity = 1.0 if 8 <= length <= 45 else 0.7
        return (0.55 * position + 0.9 * centrality) * dangling * brevity

    scored = []
    for rank, (si, i, s) in enumerate(flat):
        scored.append((score(si, i, s, rank), si, i, s))
    chosen: set[tuple[int, int]] = set()
    chosen_vectors: list[Counter[str]] = []
    used = 0

    def take(si: int, i: int) -> bool:
        nonlocal used
        sentence = per_section[si][i]
        n = word_count(sentence)
        if (si, i) in chosen or used + n > budget:
            return False
        vec = _vector(sentence)
        if any(_cosine(vec, v) > REDUNDANCY_THRESHOLD for v in chosen_vectors):
            return False
        # A sentence that points back comes with the sentence it points to.
        if i > 0 and _DANGLING_OPENERS.match(sentence) and (si, i - 1) not in chosen:
            prev = word_count(per_section[si][i - 1])
            if used + n + prev > budget:
                return False
            chosen.add((si, i - 1))
            chosen_vectors.append(_vector(per_section[si][i - 1]))
            used += prev
        chosen.add((si, i))
        chosen_vectors.append(vec)
        used += n
        return True

    # Every announced section says something: its best sentence first, in order.
    for si, sents in enumerate(per_section):
        if sents:
            best = max((x for x in scored if x[1] == si), key=lambda x: x[0])
            take(best[1], best[2])
    for _, si, i, _ in sorted(scored, key=lambda x: -x[0]):
        if used >= budget:
            break
        take(si, i)

    sections = tuple(
        DigestSection(sec.heading, tuple(s for i, s in enumerate(per_section[si]) if (si, i) in chosen))
        for si, sec in enumerate(article.sections)
    )
    return Digest(article, sections)


def budget_for(article_words: Sequence[int], minutes: float, words_per_minute: float, overhead_words: int) -> list[int]:
    """Split a listening time into word budgets, one per article, in proportion to length.

    No article gets more than `MAX_SHARE_OF_ARTICLE` of its own length.
    """
    total_budget = max(40, int(minutes * words_per_minute) - overhead_words)
    total_words = sum(article_words) or 1
    return [
        max(20, min(int(total_budget * n / total_words), int(n * MAX_SHARE_OF_ARTICLE))) for n in article_words
    ]
