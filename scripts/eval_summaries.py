#!/usr/bin/env python3
"""ROUGE of the summarizer against human summaries, side by side with Lead, Lead-3 and TextRank.

Each article of ../shared/eval/bbc_dev.jsonl is read by briefing's own plain-text
reader and summarized with the reference summary's word count as the budget.
Lead takes the first sentences that fit the same budget; Lead-3 the first three
sentences; TextRank the highest-ranked sentences (PageRank over sentence
similarity) that fit. ROUGE-1/2/L F1 with stemming (rouge-score).

The articles are split in two halves by position (even / odd lines) so that a
change tuned on one half can be checked on the other.

    .venv/bin/python scripts/eval_summaries.py [../shared/eval/bbc_dev.jsonl] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "bbc_dev.jsonl"
METRICS = ("rouge1", "rouge2", "rougeL")


def load(path: Path, limit: int | None = None) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def read_article(row: dict):
    from briefing.ingest import text

    return text.parse(row["article"], source=row.get("id", "bbc"), title=row.get("title"))


def sentences_of(article) -> list[str]:
    from briefing.writing.summarize import split_sentences

    return [s for sec in article.sections for p in sec.paragraphs for s in split_sentences(p, article.language)]


def within_budget(sentences: list[str], budget: int) -> list[str]:
    chosen, used = [], 0
    for sentence in sentences:
        n = len(sentence.split())
        if used + n > budget:
            break
        chosen.append(sentence)
        used += n
    return chosen


def lead(article, budget: int) -> str:
    return " ".join(within_budget(sentences_of(article), budget))


def lead3(article, budget: int) -> str:
    return " ".join(sentences_of(article)[:3])


def textrank(article, budget: int) -> str:
    """Mihalcea & Tarau (2004): PageRank over a graph weighted by sentence word overlap."""
    import re

    sents = sentences_of(article)
    words = [set(re.findall(r"[a-z0-9]+", s.lower())) for s in sents]
    n = len(sents)
    weight = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            overlap = len(words[i] & words[j])
            if overlap and len(words[i]) > 1 and len(words[j]) > 1:
                w = overlap / (math.log(len(words[i])) + math.log(len(words[j])))
                weight[i][j] = weight[j][i] = w
    out = [sum(row) for row in weight]
    score = [1.0] * n
    for _ in range(50):
        score = [0.15 + 0.85 * sum(weight[j][i] / out[j] * score[j] for j in range(n) if out[j]) for i in range(n)]
    chosen, used = set(), 0
    for i in sorted(range(n), key=lambda k: -score[k]):
        length = len(sents[i].split())
        if used + length <= budget:
            chosen.add(i)
            used += length
    return " ".join(sents[i] for i in sorted(chosen))


def ours(article, budget: int) -> str:
    from briefing.writing.summarize import summarize

    digest = summarize(article, budget)
    return " ".join(s for sec in digest.sections for s in sec.sentences)


METHODS: dict[str, Callable] = {"briefing": ours, "Lead": lead, "Lead-3": lead3, "TextRank": textrank}


def evaluate(rows: list[dict], methods: dict[str, Callable] = METHODS) -> dict[str, dict[str, list[float]]]:
    """Per method and metric, the F1 of every article (in the order of `rows`)."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    scores = {name: {m: [] for m in METRICS} for name in methods}
    for row in rows:
        article = read_article(row)
        budget = len(row["summary"].split())
        for name, method in methods.items():
            result = scorer.score(row["summary"], method(article, budget))
            for m in METRICS:
                scores[name][m].append(result[m].fmeasure)
    return scores


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def table(scores: dict, picks: list[int] | None = None) -> str:
    lines = [f"{'method':10} {'ROUGE-1':>8} {'ROUGE-2':>8} {'ROUGE-L':>8}"]
    for name, per_metric in scores.items():
        cells = []
        for m in METRICS:
            values = per_metric[m] if picks is None else [per_metric[m][i] for i in picks]
            cells.append(f"{100 * mean(values):8.2f}")
        lines.append(f"{name:10} " + " ".join(cells))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args()
    if not args.data.is_file():
        sys.exit(f"{args.data}: not found")
    rows = load(args.data, args.limit)
    scores = evaluate(rows)
    n = len(rows)
    print(f"ROUGE F1 x100, stemmed, budget = reference word count; {n} articles from {args.data.name}\n")
    print("all articles")
    print(table(scores))
    print(f"\neven lines ({len(range(0, n, 2))})")
    print(table(scores, list(range(0, n, 2))))
    print(f"\nodd lines ({len(range(1, n, 2))})")
    print(table(scores, list(range(1, n, 2))))


if __name__ == "__main__":
    main()
