#!/usr/bin/env python3
"""How many standard text normalization cases briefing says acceptably, per semiotic class.

    .venv/bin/python scripts/eval_normalize.py                      # our case set (tests/data/normalization_cases.tsv)
    .venv/bin/python scripts/eval_normalize.py --failures           # and every case said wrongly
    .venv/bin/python scripts/eval_normalize.py --cases DIR_OR_FILE  # external cases, "written~spoken" a line
                                                                    # (NeMo's test_cases_CLASS.txt files; the class
                                                                    # is the file name's last word)
    PYTHONPATH=OLD_TREE .venv/bin/python scripts/eval_normalize.py  # the same cases with another tree's speech rules
    /tmp/nemo-venv/bin/python scripts/eval_normalize.py --engine nemo   # NVIDIA NeMo text processing, for comparison
    .venv/bin/python scripts/eval_normalize.py --articles            # real news (../shared/eval bbc_dev, cnndm_dev):
                                                                    # garbage words per 1000, spelled-out runs

A case is said acceptably when the output equals one of its acceptable forms, compared as
heard (`canonical`): case, hyphens, punctuation and the word "and" aside, letters spelled one by one
as one word (and a word in capitals is its letters: "p m E S T" is "PM EST"), "oh" as "zero", British and US spellings alike ("one hundred and
twenty-three kilometres" and "one hundred twenty three kilometers" are the same when said).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "data" / "normalization_cases.tsv"


SAME = {"oh": "zero", "metre": "meter", "metres": "meters", "kilometre": "kilometer", "kilometres": "kilometers",
        "centimetres": "centimeters", "millimetre": "millimeter", "millimetres": "millimeters", "litre": "liter",
        "litres": "liters", "missus": "misses"}


def canonical(text: str) -> str:
    """What is heard: case, hyphens, punctuation and "and" aside; a letter-by-letter acronym is one
    word ("a m" is "am", "U S" "us"); "oh" and "zero" are the same digit; British and US spellings alike."""
    text = re.sub(r"\b[A-Z]{2,5}\b", lambda m: " ".join(m.group(0)), text)  # "PM EST" is said "P M E S T"
    text = text.lower().replace("’", "'").replace("-", " ")
    text = re.sub(r"[^\w\s']", " ", text)
    text = re.sub(r"\b(\w)\s(?=\w\b)", r"\1", text)  # letters said one by one are one word: "a m" is "am"
    return " ".join(SAME.get(w, w) for w in text.split() if w != "and")


def read_cases(path: Path) -> list[tuple[str, str, list[str]]]:
    """(class, written, acceptable forms) from our TSV, or from "written~spoken" files."""
    cases = []
    files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
    for file in files:
        for line in file.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            if file.suffix == ".tsv":
                cls, written, spoken = line.split("\t")
                cases.append((cls, written, spoken.split(" | ")))
            elif "~" in line:
                written, spoken = line.split("~", 1)
                cases.append((file.stem.rsplit("_", 1)[-1], written, [spoken]))
    return cases


def speaker(engine: str):
    if engine == "nemo":
        from nemo_text_processing.text_normalization.normalize import Normalizer

        import os

        # Its grammars compile on first use (minutes); NEMO_CACHE_DIR keeps them for the next run.
        normalizer = Normalizer(input_case="cased", lang="en", cache_dir=os.environ.get("NEMO_CACHE_DIR"))
        return lambda text: normalizer.normalize(text, punct_post_process=True)
    from briefing.writing.speech import speakable

    return speakable


def articles() -> int:
    """Every sentence of the bbc_dev and cnndm_dev articles made speakable: spoken words that are neither
    in the article, nor number words, nor words speech adds (listen-check's own lists, read from
    ../shared/tools/listen_check.py), per 1000; and runs of five or more letters said one by one."""
    from collections import Counter

    from briefing.writing.speech import speakable

    shared = ROOT.parent / "shared"
    tool = (shared / "tools" / "listen_check.py").read_text(encoding="utf-8")
    lists = {name: set(re.search(name + r' = set\(\("(.*?)"\)\.split\(\)\)', tool, re.S).group(1)
                       .replace('"\n', " ").replace('       "', " ").replace('"', " ").split())
             for name in ("NUM", "SPEECH")}

    def words(text: str) -> list[str]:
        return re.findall(r"[a-z][a-z']*", text.lower().replace("\u2019", "'"))

    total, garbage, spelled = 0, Counter(), Counter()
    for name in ("bbc_dev", "cnndm_dev"):
        for line in (shared / "eval" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            article = json.loads(line)["article"]
            known = set(words(article)) | lists["NUM"] | lists["SPEECH"]
            said = " ".join(speakable(s) for s in re.split(r"(?<=[.!?])\s+", article))
            for word in words(said):
                base = re.sub(r"('s|s'|'|n't|'re|'ve|'ll|'d|'m)$", "", word)
                total += 1
                if not (len(base) <= 1 or word in known or base in known
                        or all(p in lists["NUM"] for p in re.split(r"[-']", base) if p)):
                    garbage[word] += 1
            spelled.update(m.strip() for m in re.findall(r"(?:\b[A-Z]\b[ .]*){5,}", said))
    print(f"{total} spoken words: garbage {sum(garbage.values()) / total * 1000:.2f} per 1000 "
          f"{garbage.most_common(12)}; runs of 5+ spelled letters {sum(spelled.values())} {spelled.most_common(8)}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--engine", choices=("briefing", "nemo"), default="briefing")
    parser.add_argument("--failures", action="store_true", help="print every case said wrongly")
    parser.add_argument("--articles", action="store_true", help="garbage words on real news instead of the cases")
    args = parser.parse_args()
    if args.articles:
        return articles()
    started = time.perf_counter()
    say = speaker(args.engine)
    loaded = time.perf_counter() - started
    right, total = defaultdict(int), defaultdict(int)
    started = time.perf_counter()
    for cls, written, forms in read_cases(args.cases):
        said = say(written)
        ok = canonical(said) in {canonical(f) for f in forms}
        total[cls] += 1
        right[cls] += ok
        if not ok and args.failures:
            print(f"  {cls:12} {written!r} -> {said!r}   (want {forms[0]!r})")
    spent = time.perf_counter() - started
    print(f"{'class':14}{'cases':>7}{'right':>7}{'share':>8}")
    for cls in sorted(total):
        print(f"{cls:14}{total[cls]:>7}{right[cls]:>7}{right[cls] / total[cls]:>8.1%}")
    n, r = sum(total.values()), sum(right.values())
    print(f"{'all':14}{n:>7}{r:>7}{r / n:>8.1%}")
    print(f"load {loaded:.2f} s, {spent / n * 1000:.2f} ms a case ({args.engine}, {args.cases.name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
