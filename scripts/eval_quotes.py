#!/usr/bin/env python3
"""Single quotation marks and split apostrophes, measured on the development sets (../shared/eval/).

For N articles of each set, the 2-minute script (`make_script`, in process, as
`../shared/tools/ear-metrics` runs `briefing script`) is measured sentence by sentence:
mean words, share over 25 and over 35 words, the longest; a long quotation whose speaker comes
after it ("...,' Henderson said."; ear-metrics counts only "said X" after double marks), in
double marks and in single marks; and what a tokenizer left split
in the spoken text: an apostrophe standing alone before an ending ("tomorrow ' s", "didn ' t")
and a quotation mark with a space on its inner side (" ' ").

    .venv/bin/python scripts/eval_quotes.py [--articles 30] [--sets cnndm bbc newsroom]

Run it on two checkouts to compare (the text is read from each checkout's own `briefing`).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(ROOT))

from eval_ear import EVAL, SETS, article_files  # noqa: E402

# The quotation (60 characters or more) ends, then its speaker: "said X", or up to four words
# and the verb ("Henderson said", "she added", "Dayna told ...").
_SPEAKER_AFTER = r"\s*,?\s*(?:[\w.'’-]+\s+){0,4}(?:said|says|added|told|according)\b"
SPEAKER_AFTER_DOUBLE = re.compile(r'["“][^"”]{60,}[,.!?]["”]' + _SPEAKER_AFTER)
SPEAKER_AFTER_SINGLE = re.compile(r"(?:^|\s)['‘] ?[^‘]{60,}?[,.!?] ?['’]" + _SPEAKER_AFTER)
SPLIT_ENDING = re.compile(r"\w ['’] ?(?:s|t|re|ve|ll|d|m)\b|\w ?['’] (?:s|t|re|ve|ll|d|m)\b")
LONE_MARK = re.compile(r"(?:^|\s)['‘’](?:\s|$)")


def measure(name: str, count: int) -> str:
    from briefing import make_script

    lengths: list[int] = []
    double = single = split = lone = 0
    with tempfile.TemporaryDirectory() as folder:
        for path in article_files(name, count, Path(folder)):
            script = make_script([path], minutes=2).to_dict()
            for segment in script["segments"]:
                if segment["kind"] in ("intro", "outro"):
                    continue
                for sentence in segment.get("sentences") or re.split(r"(?<=[.!?])\s+", segment["text"]):
                    words = len(sentence.split())
                    if words < 3:
                        continue
                    lengths.append(words)
                    double += bool(SPEAKER_AFTER_DOUBLE.search(sentence))
                    single += bool(SPEAKER_AFTER_SINGLE.search(sentence))
                    split += len(SPLIT_ENDING.findall(sentence))
                    lone += len(LONE_MARK.findall(sentence))
    total = len(lengths)
    return (f"{name}: {total} sentences, mean {statistics.mean(lengths):.1f} words, over 25 "
            f"{sum(w > 25 for w in lengths) / total:.0%}, over 35 {sum(w > 35 for w in lengths) / total:.0%}, "
            f"longest {max(lengths)}, speaker after a long quotation {double} (double marks) {single} (single), "
            f"split apostrophes {split}, lone quotation marks {lone}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--sets", nargs="+", default=["cnndm", "bbc", "newsroom"], choices=sorted(SETS))
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"{EVAL} is not present", file=sys.stderr)
        return 2
    for name in args.sets:
        print(measure(name, args.articles), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
