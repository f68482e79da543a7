"""Extractive, section-aware summarizing within a word budget.

The article's best sentence (normally its lead) is always said, even when it alone is
longer than the budget: a summary is never empty. Each section keeps its opening sentence,
then the best sentences by position (news puts the point first) and centrality (sentences
that share the article's vocabulary, and resemble many other sentences, carry its story)
fill the budget, without repeating itself, and in their original order. A quotation stays
whole, with who said it; a sentence that opens by pointing back ("He", "However,") is only
taken with the sentence it points to; a section that would only ask a question or tease
also gets a statement. Sentences are whole ones (see `sentences.py`), never fragments:
a dateline or byline before a sentence is not said, and a caption, photo credit or
contact line pasted into the text is never chosen (unless the text has nothing else).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Article, Digest, DigestSection
from .sentences import is_caption, is_fragment, split_sentences, without_dateline

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
    r"nonetheless|in addition|as a result|by contrast|even so|the latter|the former)\b"
    # Sports and features name a person again by age, nation or role: "The 26-year-old ...",
    # "The Frenchman believes ...", "The midfielder ...": said first, the listener asks who.
    r"|^the (?:\d+-year-old|[a-z]+-year-old|(?:french|dutch|english|irish|welsh|scots)(?:man|woman)|spaniard|"
    r"striker|midfielder|defender|goalkeeper|keeper|winger|full-back|centre-back|"
    r"playmaker|youngster|teenager|actress|singer|rapper)\b(?! and\b)",
    re.IGNORECASE,
)


# A quotation's speaker: '..., said Ms Chen.' / 'Ms Chen said ...' / '... according to ...'.
_ATTRIBUTION = re.compile(
    r"\b(said|says|say|told|added|asked|according to|wrote|explained|warned|insisted|argued|claimed|announced|"
    r"stated|noted|declared|exclaimed|proclaimed|replied|admitted|acknowledged|suggested)\b",
    re.IGNORECASE,
)
_PRONOUN_ATTRIBUTION = re.compile(
    r"[,\"”]\s*(he|she|they|it|we) (said|says|told|added|asked|wrote|explained|warned|insisted|argued|claimed)\b"
    r"|[,\"”]\s*(said|says|added) (he|she|they)\b",
    re.IGNORECASE,
)


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


@dataclass(frozen=True)
class Weights:
    """How much each signal counts when a sentence is scored (see `score_sentences`)."""

    position: float = 0.55  # news puts the point first, in the article and in each section
    decay: float = 1.5  # how fast the position prior falls within a section: 1 / (1 + decay * index)
    lead_bonus: float = 1.2  # the article's first sentence: a news lead says who, what, when
    centroid: float = 0.9  # sharing the article's vocabulary: it is about the story
    graph: float = 1.0  # resembling many other sentences: the story keeps coming back to it
    redundancy: float = REDUNDANCY_THRESHOLD
    # Each section opens with its own sentence: the lead of a news story, the topic
    # sentence of a section. It is what makes the rest make sense, so it comes first.
    openers_first: bool = True
    # How far the lead's bonus follows how well the lead sums the article up: its similarity
    # to the rest of the article over the other sentences' (see `_lead_strength`). A news
    # lead says what the story says and keeps its bonus or more; a feature's anecdote loses it.
    lead_strength: float = 1.0


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True)
class _Sentence:
    section: int
    index: int  # position within its section
    rank: int  # position within the article
    text: str
    vector: Counter


def _needs_previous(sentence: str) -> bool:
    """A sentence that cannot stand alone: it points back, or quotes someone named only before.

    "He said..." and "However, ..." open with a reference; '"We are ready," she said.'
    is a quotation whose speaker was named in an earlier sentence.
    """
    if _DANGLING_OPENERS.match(sentence.lstrip("\"'“‘ ")):
        return True
    if _is_quotation(sentence):
        return bool(_PRONOUN_ATTRIBUTION.search(sentence)) or not _ATTRIBUTION.search(sentence)
    return False


_TEASER = re.compile(
    r"\b(raises?|raising|poses?|posing|leaves?|leaving) (\w+ ){0,3}(questions?|doubts?)\b"
    r"|\bremains? to be seen\b|\bonly time will tell\b|\bwhat (happens|comes) next\b"
    r"|\bhere(['’]s| is) (what|how|why|everything)\b|\b(is|are) yet to be (answered|decided|determined|known)\b"
    r"|\bstay tuned\b|\bthe answer (may|might|could) surprise\b",
    re.IGNORECASE,
)


def is_teaser(sentence: str) -> bool:
    """A question, or a sentence that promises more than it says, which alone tells nothing."""
    if sentence.rstrip(" \"'”’)").endswith("?"):
        return True
    return bool(_TEASER.search(sentence))


def _short_question(sentence: str) -> bool:
    """A short elliptical question of the writer's ("Tight end Vernon Davis?", "The result?"): no
    question word, only a phrase that sets up the sentence after it, and alone tells the listener
    nothing. A real question ("What happens to the bus routes?") and a quoted one stay sayable."""
    bare = sentence.strip()
    return (bare.endswith("?") and len(bare.split()) <= SHORT_QUESTION_WORDS and not _is_quotation(bare)
            and not _ASKS.match(bare))


SHORT_QUESTION_WORDS = 8
_ASKS = re.compile(r"(?:what|why|how|when|where|who|whom|whose|which|is|are|was|were|do|does|did|can|could|will|"
                   r"would|should|shall|may|might|must|has|have|had|isn't|aren't|wasn't|don't|doesn't|didn't|"
                   r"won't|can't)\b", re.IGNORECASE)


def _is_quotation(sentence: str) -> bool:
    return sentence.lstrip()[:1] in {'"', "“"}


def _graph_centrality(vectors: list[Counter]) -> list[float]:
    """Mean similarity of each sentence to the others (a one-step TextRank)."""
    n = len(vectors)
    if n < 2:
        return [1.0] * n
    # The sum of cosines to all others is the unit vector's dot product with the sum of all
    # unit vectors, less its own 1: linear in the article's length where pairs are quadratic
    # (a 50,000-word article has three million pairs).
    units = []
    for vector in vectors:
        norm = math.sqrt(sum(v * v for v in vector.values()))
        units.append({k: v / norm for k, v in vector.items()} if norm else {})
    total: Counter = Counter()
    for unit in units:
        total.update(unit)
    totals = [max(0.0, sum(v * total[k] for k, v in unit.items()) - 1.0) if unit else 0.0 for unit in units]
    top = max(totals) or 1.0
    return [t / top for t in totals]


def _lead_strength(sentences: list[_Sentence]) -> float:
    """How well the article's first sentence sums it up, against how well its others do.

    Each sentence's similarity to the rest of the article (all the other sentences); the
    lead's over the mean of the others'. Above 1 the lead is a summary lead (news says the
    point first); well below 1 it is an anecdote or a scene-setter, as features open.
    """
    if len(sentences) < 3:
        return 1.0
    total: Counter = Counter()
    for s in sentences:
        total.update(s.vector)
    total_square = sum(v * v for v in total.values())
    similarity = []
    for s in sentences:
        # The cosine with the total less the sentence itself, from dot products with the total:
        # linear in the article's length.
        own = sum(v * v for v in s.vector.values())
        dot = sum(v * total[k] for k, v in s.vector.items())
        rest = total_square - 2 * dot + own
        similarity.append((dot - own) / math.sqrt(own * rest) if own and rest > 0 else 0.0)
    others = sum(similarity[1:]) / (len(similarity) - 1)
    return similarity[0] / others if others else 1.0


def score_sentences(sentences: list[_Sentence], weights: Weights = DEFAULT_WEIGHTS) -> list[float]:
    """Position, centrality (to the centroid and to the other sentences), with penalties.

    A sentence that needs the one before it scores lower: taking it costs two.
    Very short sentences (captions, datelines) and very long ones say less per word.
    """
    centroid: Counter = Counter()
    for s in sentences:
        centroid.update(s.vector)
    graph = _graph_centrality([s.vector for s in sentences])
    lead_bonus = weights.lead_bonus * max(0.0, 1.0 + weights.lead_strength * (_lead_strength(sentences) - 1.0))
    scores = []
    for s, g in zip(sentences, graph):
        position = 1.0 / (1.0 + weights.decay * s.index) + (lead_bonus if s.rank == 0 else 0.0)
        value = weights.position * position + weights.centroid * _cosine(s.vector, centroid) + weights.graph * g
        if s.index > 0 and _needs_previous(s.text):
            value *= 0.5
        length = word_count(s.text)
        # (not the lead: a news lead is long because it says who, what, where and when)
        value *= 1.0 if 8 <= length <= 45 or s.rank == 0 else 0.7
        scores.append(value)
    return scores


def summarize(article: Article, words: int, weights: Weights = DEFAULT_WEIGHTS) -> Digest:
    """Choose sentences from each section so that the whole is at most `words` words.

    The one exception: when the best sentence alone is longer, it is said, and nothing else.
    """
    budget = max(0, int(words))
    per_section = [
        [without_dateline(s) for p in section.paragraphs for s in split_sentences(p, article.language)]
        for section in article.sections
    ]
    flat: list[_Sentence] = []
    for si, sents in enumerate(per_section):
        for i, text in enumerate(sents):
            flat.append(_Sentence(si, i, len(flat), text, _vector(text)))
    if not flat:
        return Digest(article, tuple(DigestSection(s.heading, ()) for s in article.sections))
    by_place = {(s.section, s.index): s for s in flat}
    # Captions, credits and bylines are not the story: never chosen, unless nothing else is there.
    sayable = {p for p, s in by_place.items()
               if not (is_caption(s.text) or is_fragment(s.text) or _short_question(s.text))} or set(by_place)
    scores = dict(zip(((s.section, s.index) for s in flat), score_sentences(flat, weights)))
    chosen: set[tuple[int, int]] = set()
    used = 0

    def with_antecedents(place: tuple[int, int]) -> list[tuple[int, int]]:
        """The sentence and, going back, every sentence it needs (within its section)."""
        group = [place]
        si, i = place
        while i > 0 and _needs_previous(by_place[(si, i)].text) and (si, i - 1) not in chosen:
            i -= 1
            group.append((si, i))
        return group

    def take(place: tuple[int, int], *, even_over_budget: bool = False) -> bool:
        nonlocal used
        if place in chosen:
            return False
        group = with_antecedents(place)
        if not sayable.issuperset(group):
            return False
        cost = sum(word_count(by_place[p].text) for p in group)
        if used + cost > budget and not even_over_budget:
            return False
        if any(_cosine(by_place[place].vector, by_place[c].vector) > weights.redundancy for c in chosen):
            return False
        chosen.update(group)
        used += cost
        return True

    # Never empty: the article's best sentence (normally its lead) is said even when it alone
    # is longer than the budget. A shorter sentence from further down that happens to fit
    # would leave the listener without the story.
    for place in sorted(sayable, key=lambda p: -scores[p]):
        if take(place, even_over_budget=True):
            break
    # Every announced section says something: its opening (or else its best) sentence, in order.
    for si, sents in enumerate(per_section):
        if not sents:
            continue
        if not (weights.openers_first and take((si, 0))):
            options = [(si, i) for i in range(len(sents)) if (si, i) in sayable]
            if options:
                take(max(options, key=scores.__getitem__))
    # A section that would only ask a question or tease ("...raises questions about its
    # future.") also says something: the first statement after it if that fits, else its best.
    for si, sents in enumerate(per_section):
        said = [i for i in range(len(sents)) if (si, i) in chosen]
        if said and all(is_teaser(sents[i]) for i in said):
            statements = [(si, i) for i in range(len(sents)) if i not in said and not is_teaser(sents[i])]
            following = [p for p in statements if p[1] > said[0]][:1]
            for place in following + sorted(statements, key=lambda p: -scores[p]):
                if take(place):
                    break
    for place in sorted(scores, key=lambda p: -scores[p]):
        if used >= budget:
            break
        take(place)

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
