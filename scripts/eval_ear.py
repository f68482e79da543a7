#!/usr/bin/env python3
"""The formats and the ear editor, measured on the development sets (../shared/eval/).

  --minutes   how close the script's spoken length lands to --minutes: `digest` one article at
              a time, `brief` five articles at a time (a bulletin, at 1 and 2 minutes), over N
              articles per set;
              the length is the script's words at the voice's speaking rate (what `briefing
              script` prints as "about N min M s"). With --voice K, K digests are also spoken
              (hibari) and the MP3's real length is compared.
  --rouge     ROUGE of the summarizer's choice as it is and after the ear editor, at the
              reference's word count (the editor only splits, reorders and drops asides).

The ear metrics (sentence length, speaker after quotation) come from
`../shared/tools/ear-metrics DATA.jsonl 30`, which runs `briefing script`.

    .venv/bin/python scripts/eval_ear.py --minutes [--articles 20] [--voice 3]
    .venv/bin/python scripts/eval_ear.py --rouge [--limit 100]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
SETS = {"bbc": "bbc_dev.jsonl", "cnndm": "cnndm_dev.jsonl", "newsroom": "newsroom_dev.jsonl"}


def detokenized(text: str) -> str:
    """Newsroom's tokenized text (`` '' , ( )) as prose."""
    text = text.replace("`` ", '"').replace(" ''", '"').replace("( ", "(").replace(" )", ")")
    text = re.sub(r" ([.,;:!?%])", r"\1", text)
    return re.sub(r" ('s|'re|'ve|'ll|'d|n't|'m)\b", r"\1", text)


def article_files(name: str, count: int, folder: Path) -> list[str]:
    rows = [json.loads(line) for line in (EVAL / SETS[name]).read_text(encoding="utf-8").splitlines()][:count]
    paths = []
    for number, row in enumerate(rows):
        path = folder / f"{name}-{number}.txt"
        path.write_text((row["title"] + "\n\n" if row.get("title") else "") + detokenized(row["article"]),
                        encoding="utf-8")
        paths.append(str(path))
    return paths


def off_by(script, minutes: float, wpm: float) -> float:
    """How far the script's spoken length is from the target, as a share of it (signed)."""
    return (script.word_count / wpm - minutes) / minutes


def minutes_report(sets: list[str], count: int, voices: int) -> None:
    from briefing import EpisodeOptions, make_script, render_script
    from briefing.voices import WORDS_PER_MINUTE

    wpm = WORDS_PER_MINUTE["hibari"]
    with tempfile.TemporaryDirectory() as folder:
        for name in sets:
            if not (EVAL / SETS[name]).is_file():
                print(f"{name}: not found, skipped", file=sys.stderr)
                continue
            paths = article_files(name, count, Path(folder))
            for format, minutes, group in (("digest", 1.0, 1), ("digest", 2.0, 1), ("brief", 1.0, 5),
                                          ("brief", 2.0, 5)):
                offs, short = [], []
                for start in range(0, len(paths) - group + 1, group):
                    script = make_script(paths[start:start + group], format=format, minutes=minutes)
                    full = make_script(paths[start:start + group], format="full", minutes=minutes)
                    # A digest says at most half of an article: one shorter than twice the target cannot fill it.
                    fits = format == "brief" or full.word_count / wpm >= 2 * minutes
                    (offs if fits else short).append(off_by(script, minutes, wpm))
                if offs:
                    within = sum(abs(o) <= 0.10 for o in offs)
                    print(f"{name:9} {format:6} --minutes {minutes:g} ({group} article{'s' * (group > 1)}): "
                          f"{within}/{len(offs)} within 10%, mean |off| {statistics.mean(map(abs, offs)):.1%}, "
                          f"range {min(offs):+.0%} to {max(offs):+.0%}"
                          + (f"; {len(short)} articles shorter than twice the target: mean "
                             f"{statistics.mean(short):+.0%}" if short else ""))
                else:
                    print(f"{name:9} {format:6} --minutes {minutes:g}: every article is shorter than twice the target")
            if voices:
                with tempfile.TemporaryDirectory() as out:
                    for number, path in enumerate(paths[:voices]):
                        options = EpisodeOptions(minutes=1.0, music=False)
                        script = make_script([path], options)
                        files = render_script(script, Path(out) / f"{number}.mp3", options)
                        print(f"{name:9} digest --minutes 1, spoken: script says {script.word_count / wpm * 60:.0f} s,"
                              f" the MP3 is {files.duration:.0f} s ({files.duration / 60 - 1:+.0%} of the target)")


def rouge_report(limit: int | None) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import eval_summaries as summaries

    from briefing.writing.ear import edited_digest
    from briefing.writing.summarize import summarize

    def for_the_ear(article, budget: int) -> list[str]:
        """As `make` does: edited, then the words the editor dropped (asides) given back to the
        summarizer, while the edited summary stays within the budget."""
        best = edited_digest(summarize(article, budget))
        asked = budget
        for _ in range(3):
            short = budget - best.word_count
            if short <= 0:
                break
            asked += short
            again = edited_digest(summarize(article, asked))
            if again.word_count > budget:
                break
            best = again
        return [s for sec in best.sections for s in sec.sentences]  # sentences, as `evaluate` takes them

    methods = {"briefing": summaries.ours, "briefing, for the ear": for_the_ear}
    print("ROUGE-1 / ROUGE-2 / ROUGE-L F1 x100, stemmed; budget = the reference's word count\n")
    for name, (key, filename, make_cases) in summaries.SETS.items():
        path = summaries.EVAL / filename
        if not path.is_file():
            continue
        cases = make_cases(summaries.load(path, limit))
        scores = summaries.evaluate(cases, methods)
        every = list(range(len(cases)))
        for method in methods:
            print(f"{name:18} {method:24} {summaries.cell(scores[method], every)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", action="store_true", help="the formats' length against --minutes")
    parser.add_argument("--rouge", action="store_true", help="ROUGE before and after the ear editor")
    parser.add_argument("--articles", type=int, default=20, help="articles per set for --minutes")
    parser.add_argument("--voice", type=int, default=0, help="also speak this many digests per set (hibari)")
    parser.add_argument("--limit", type=int, default=None, help="articles per set for --rouge")
    parser.add_argument("--sets", default=",".join(SETS), help="for --minutes: " + ", ".join(SETS))
    args = parser.parse_args()
    if not (args.minutes or args.rouge):
        parser.error("give --minutes, --rouge or both")
    if args.minutes:
        minutes_report(args.sets.split(","), args.articles, args.voice)
    if args.rouge:
        rouge_report(args.limit)


if __name__ == "__main__":
    main()
