#!/usr/bin/env python3
"""Every ear rule's edits on the development sets, written out to be read as a listener hears them.

Each sentence of ../shared/eval/{bbc,cnndm,newsroom}_dev.jsonl (Newsroom detokenized as
`eval_ear.py` does, CNN/DM's split marks joined by `mend_apostrophes`) goes through every rule
of `EAR_RULES` on its own and through `for_the_ear`; the sentences a rule changes
(`rule(s) != [s]`) are written to OUT/<rule>.txt, the source line then its pieces, with a count
per rule on stdout. With --sample N, OUT/<rule>.sample.txt holds N of them at random (seed 22)
for a rule with more than N, the share a reader reads of a frequent rule.

    .venv/bin/python scripts/review_ear.py OUT [--sample 60]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_ear import EVAL, SETS, detokenized  # noqa: E402


def sentences() -> list[tuple[str, str]]:
    from briefing.ingest.apostrophes import mend_apostrophes
    from briefing.writing.sentences import split_sentences

    out = []
    for name, file in SETS.items():
        for line in (EVAL / file).read_text(encoding="utf-8").splitlines():
            article = json.loads(line)["article"]
            article = detokenized(article) if name == "newsroom" else mend_apostrophes(article) if name == "cnndm" \
                else article
            out += [(name, s) for paragraph in article.split("\n") if paragraph.strip()
                    for s in split_sentences(paragraph)]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--sample", type=int, default=60)
    args = parser.parse_args()
    if not EVAL.is_dir():
        sys.exit(f"error: {EVAL} is not present")
    from briefing.writing.ear import EAR_RULES, for_the_ear

    rules = {rule.__name__: rule for rule in EAR_RULES}
    rules["for_the_ear"] = lambda s: for_the_ear([s])
    edits: dict[str, list[str]] = defaultdict(list)
    for name, sentence in sentences():
        for rule_name, rule in rules.items():
            pieces = rule(sentence)
            if pieces != [sentence]:
                edits[rule_name].append(f"[{name}] {sentence}\n" + "".join(f"   -> {p}\n" for p in pieces))
    args.out.mkdir(parents=True, exist_ok=True)
    for rule_name in rules:
        found = edits.get(rule_name, [])
        (args.out / f"{rule_name}.txt").write_text("\n".join(found), encoding="utf-8")
        if len(found) > args.sample:
            picked = random.Random(22).sample(found, args.sample)
            (args.out / f"{rule_name}.sample.txt").write_text("\n".join(picked), encoding="utf-8")
        print(f"{rule_name}\t{len(found)}")


if __name__ == "__main__":
    main()
