#!/usr/bin/env python3
"""ROUGE of the summarizer on every development set, side by side with Lead, Lead-3 and TextRank.

The sets (from ../shared/eval/; a set whose file is absent is skipped):

  BBC                BBC News articles (business, tech) with extractive human summaries,
                     read by briefing's plain-text reader (paragraphs kept).
  BBC, 1 paragraph   the same articles as one paragraph, no structure to lean on.
  CNN/DM             CNN/Daily Mail articles (one paragraph, captions run into the text)
                     with their abstractive highlights.
  CNN/DM, tight      Newsroom-like: the same articles against their first highlight only,
                     so the budget is that sentence's length (8-25 words, most 10-14),
                     usually shorter than the article's first sentence.
  Newsroom           Newsroom articles (many outlets; datelines, features, columns) as one
                     paragraph, detokenized, against their reference (often the teaser).

Every method gets the same budget, the reference's word count. Lead takes the first
sentences that fit it, and at least the first sentence (so it is never empty); Lead-3
the first three sentences whatever their length; TextRank (Mihalcea & Tarau 2004) the
highest-ranked sentences that fit. ROUGE-1/2/L F1 x100 with stemming (rouge-score).
Articles are split by line parity: tune on the even lines, check on the odd ones.

Each method's summaries are also checked for fragments (see `fragments_in`): a sentence that is
a caption, a dateline, a byline, a photo credit, a timestamp or a half sentence. The table
counts the summaries with any; `--show-fragments` prints them.

    .venv/bin/python scripts/eval_summaries.py [--limit N] [--sets bbc,bbc1,cnndm,tight,newsroom]
"""

from __future__ import annotations

import argparse
import html
import json
import math
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
METRICS = ("rouge1", "rouge2", "rougeL")


@dataclass(frozen=True)
class Case:
    """One article to summarize, the reference to score against, and the word budget."""

    article: object  # briefing.models.Article
    reference: str
    budget: int


def load(path: Path, limit: int | None = None) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def read_article(text: str, row: dict):
    from briefing.ingest import text as plain_text

    return plain_text.parse(text, source=row.get("id", "eval"), title=row.get("title"))


def one_paragraph(text: str) -> str:
    return " ".join(text.split())


def first_sentence(text: str) -> str:
    from briefing.writing.sentences import split_sentences

    return split_sentences(one_paragraph(text))[0]


def _cases_of(rows: list[dict], article: Callable[[dict], str], reference: Callable[[dict], str]) -> list[Case]:
    """Each row as a case: its article's text read, its reference, and that reference's length as the budget."""
    return [Case(read_article(article(r), r), ref, len(ref.split())) for r in rows for ref in [reference(r)]]


def bbc_cases(rows: list[dict]) -> list[Case]:
    return _cases_of(rows, lambda r: r["article"], lambda r: r["summary"])


def bbc_one_paragraph_cases(rows: list[dict]) -> list[Case]:
    return _cases_of(rows, lambda r: one_paragraph(r["article"]), lambda r: r["summary"])


cnndm_cases = bbc_cases


def tight_cases(rows: list[dict]) -> list[Case]:
    return _cases_of(rows, lambda r: one_paragraph(r["article"]), lambda r: first_sentence(r["summary"]))


def detokenize(text: str) -> str:
    """Newsroom's tokenized text ("do n't", "`` quoted ''", "( AP )") as it was written."""
    text = html.unescape(re.sub(r"& (quot|amp|lt|gt|#\d+) ;", r"&\1;", text))
    text = text.replace("`` ", '"').replace(" ''", '"').replace("``", '"').replace("''", '"')
    text = text.replace("( ", "(").replace(" )", ")")
    text = re.sub(r" ([.,;:!?%])", r"\1", text)
    return re.sub(r" ('s|'re|'ve|'ll|'d|n't|'m)\b", r"\1", text)


def newsroom_cases(rows: list[dict]) -> list[Case]:
    return _cases_of(rows, lambda r: detokenize(r["article"]), lambda r: detokenize(r["reference"]))


# name: (key for --sets, file, how its rows become cases)
SETS: dict[str, tuple[str, str, Callable[[list[dict]], list[Case]]]] = {
    "BBC": ("bbc", "bbc_dev.jsonl", bbc_cases),
    "BBC, 1 paragraph": ("bbc1", "bbc_dev.jsonl", bbc_one_paragraph_cases),
    "CNN/DM": ("cnndm", "cnndm_dev.jsonl", cnndm_cases),
    "CNN/DM, tight": ("tight", "cnndm_dev.jsonl", tight_cases),
    "Newsroom": ("newsroom", "newsroom_dev.jsonl", newsroom_cases),
}


def sentences_of(article) -> list[str]:
    from briefing.writing.sentences import split_sentences

    return [s for sec in article.sections for p in sec.paragraphs for s in split_sentences(p, article.language)]


def lead(article, budget: int) -> list[str]:
    chosen, used = [], 0
    for sentence in sentences_of(article):
        n = len(sentence.split())
        if chosen and used + n > budget:
            break
        chosen.append(sentence)
        used += n
    return chosen


def lead3(article, budget: int) -> list[str]:
    return sentences_of(article)[:3]


def textrank(article, budget: int) -> list[str]:
    """Mihalcea & Tarau (2004): PageRank over a graph weighted by sentence word overlap."""
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
    return [sents[i] for i in sorted(chosen)]


def ours(article, budget: int) -> list[str]:
    from briefing.writing.summarize import summarize

    digest = summarize(article, budget)
    return [s for sec in digest.sections for s in sec.sentences]


# What a listener would hear as not a sentence of the story. Written for this check, apart from
# the summarizer's own rules, so that the count does not just repeat them.
_FRAGMENT_KINDS: tuple[tuple[str, re.Pattern], ...] = (
    ("dateline", re.compile(
        r"^(?:[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][A-Za-z. ]+)?\s*(?:\([A-Za-z. ]+\))?\s*[-—–]{1,2}\s"
        r"|\((?:CNN|AP|Reuters|AFP|UPI)\)\s*[-—–]*)"
        r"|\((?:CNN|Reuters|AP|AFP)\)\s*[-—–]{1,2}")),
    ("byline", re.compile(r"^By (?:\. |[A-Z][a-z]+ [A-Z][a-z]+\b(?! [a-z]))|\b(?:PUBLISHED|UPDATED|Last updated)\s*:")),
    ("timestamp", re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\s+(?:AT\s+)?\d{1,2}:\d{2}|\d{1,2}:\d{2}\s*(?:AM|PM)\s+(?:EST|EDT|ET|GMT|BST)\b", re.I)),
    ("photo credit", re.compile(
        r"\([^()]*/\s*(?:Getty Images|AP|Reuters|AFP|EPA|PA|The [A-Z][A-Za-z ]+)\)|\b(?:Getty Images|Photo(?:graph)?:|Credit:|"
        r"Picture:|Pictured:|Image:)|\b(?:Photo|Picture|Image)s? (?:by|courtesy of)\b")),
    ("caption", re.compile(
        r"\((?:left|right|centre|center|pictured|above|below|top|bottom|inset|file photo)\)|\bScroll down\b|\bClick here\b"
        r"|\b[a-z]+ (?:The|A|An|He|She|It|They|His|Her|This) [a-z]+ ")),
)


def _opens_lowercase(sentence: str) -> bool:
    """Opens in lowercase, as the rest of a cut sentence does ("iPhone sales rose." is a sentence)."""
    first = (sentence.lstrip("\"'“‘([ ").split() or [""])[0]
    return first[:1].islower() and not any(ch.isupper() for ch in first[1:])


def fragments_in(sentences: list[str]) -> list[tuple[str, str]]:
    """(kind, sentence) for each sentence of a summary that is not a whole sentence of the story."""
    found = []
    for sentence in sentences:
        kind = next((k for k, pattern in _FRAGMENT_KINDS if pattern.search(sentence)), None)
        bare = sentence.strip().rstrip("\"'”’)]")
        if kind is None and (len(sentence.split()) < 3 or not bare.endswith((".", "!", "?"))
                             or _opens_lowercase(sentence)
                             or sentence.count("(") != sentence.count(")")):
            kind = "half sentence"
        if kind:
            found.append((kind, sentence))
    return found


METHODS: dict[str, Callable] = {"Lead-3": lead3, "Lead": lead, "TextRank": textrank, "briefing": ours}


def evaluate(cases: list[Case], methods: dict[str, Callable] = METHODS) -> dict[str, dict[str, list[float]]]:
    """Per method and metric, the F1 of every case (in order).

    Also per case: "empty" (1.0 for an empty summary), "fragments" (1.0 for a summary with any
    fragment, see `fragments_in`) and "found" (the fragments themselves).
    """
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    scores = {name: {**{m: [] for m in METRICS}, "empty": [], "fragments": [], "found": []} for name in methods}
    for case in cases:
        for name, method in methods.items():
            sentences = method(case.article, case.budget)
            summary = " ".join(sentences)
            result = scorer.score(case.reference, summary)
            for m in METRICS:
                scores[name][m].append(result[m].fmeasure)
            scores[name]["empty"].append(float(not summary.strip()))
            found = fragments_in(sentences)
            scores[name]["fragments"].append(float(bool(found)))
            scores[name]["found"].append(found)
    return scores


def mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def cell(per_metric: dict[str, list[float]], picks: list[int]) -> str:
    text = " / ".join(f"{100 * mean([per_metric[m][i] for i in picks]):.1f}" for m in METRICS)
    empty = int(sum(per_metric["empty"][i] for i in picks))
    fragments = int(sum(per_metric["fragments"][i] for i in picks))
    notes = [f"{empty} empty"] * bool(empty) + [f"{fragments} with fragments"] * bool(fragments)
    return text + (f" ({', '.join(notes)})" if notes else "")


def table(results: dict[str, tuple[int, dict]], half: str) -> str:
    """A Markdown table: a row per set, a column per method, "R-1 / R-2 / R-L" in each cell."""
    methods = list(METHODS)
    lines = ["| set (articles) | " + " | ".join(methods) + " |", "| --- |" + " --- |" * len(methods)]
    for name, (n, scores) in results.items():
        picks = {"all": list(range(n)), "even": list(range(0, n, 2)), "odd": list(range(1, n, 2))}[half]
        lines.append(f"| {name} ({len(picks)}) | " + " | ".join(cell(scores[m], picks) for m in methods) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of each file")
    parser.add_argument("--sets", default=",".join(key for key, _, _ in SETS.values()),
                        help="which sets, by key: " + ", ".join(key for key, _, _ in SETS.values()))
    parser.add_argument("--eval-dir", type=Path, default=EVAL, help="where the .jsonl files are")
    parser.add_argument("--show-fragments", action="store_true", help="print the fragments briefing's summaries hold")
    args = parser.parse_args()
    wanted = set(args.sets.split(","))
    results: dict[str, tuple[int, dict]] = {}
    for name, (key, filename, make_cases) in SETS.items():
        path = args.eval_dir / filename
        if key not in wanted:
            continue
        if not path.is_file():
            print(f"{name}: {path} not found, skipped", file=sys.stderr)
            continue
        cases = make_cases(load(path, args.limit))
        results[name] = (len(cases), evaluate(cases))
    if not results:
        sys.exit("no evaluation set found")
    print("ROUGE-1 / ROUGE-2 / ROUGE-L F1 x100, stemmed; budget = the reference's word count\n")
    for half, label in (("all", "all articles"), ("even", "even lines (tuned on)"), ("odd", "odd lines (held out)")):
        print(f"{label}\n\n{table(results, half)}\n")
    if args.show_fragments:
        for name, (_, scores) in results.items():
            for found in scores["briefing"]["found"]:
                for kind, sentence in found:
                    print(f"{name}: {kind}: {sentence}")


if __name__ == "__main__":
    main()
