#!/usr/bin/env python3
"""Leave one kind of news out: are the summarizer's lead weights chosen on two kinds good on the third?

The kinds are the development sets of `eval_summaries.py`: BBC (extractive summaries of
the whole article), CNN/DM (abstractive highlights, with its "tight" first-highlight
variant) and Newsroom (often the teaser). For each kind held out, every candidate setting
of the position prior (`Weights.position`, `Weights.decay`) and of how far the lead's bonus
follows the lead's strength (`Weights.lead_strength`) is scored on the other two kinds; the setting
whose smallest margin over Lead (ROUGE-1/2/L, on any set) is largest is chosen, and its
margin over Lead on the held-out kind is printed beside the default's.

    .venv/bin/python scripts/crossval_summaries.py [--limit N]
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import itertools
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
POSITIONS = (0.55, 0.8)
DECAYS = (0.7, 1.5)
LEAD_STRENGTHS = (0.0, 1.0, 2.0)
# Kind: the sets of eval_summaries.py that are made of its articles.
KINDS = {"BBC": ("bbc",), "CNN/DM": ("cnndm", "tight"), "Newsroom": ("newsroom",)}


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_summaries", HERE / "eval_summaries.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_summaries"] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of each file")
    args = parser.parse_args()
    module = _eval_module()
    from briefing.writing.summarize import DEFAULT_WEIGHTS, summarize

    cases = {}
    for key, filename, make_cases in module.SETS.values():
        if any(key in keys for keys in KINDS.values()) and (module.EVAL / filename).is_file():
            cases[key] = make_cases(module.load(module.EVAL / filename, args.limit))
    if not cases:
        sys.exit("no evaluation set found")
    lead = {key: module.evaluate(c, {"Lead": module.lead})["Lead"] for key, c in cases.items()}

    def margins(weights) -> dict[str, tuple[float, ...]]:
        def method(article, budget):
            return [s for sec in summarize(article, budget, weights).sections for s in sec.sentences]

        result = {}
        for key, c in cases.items():
            ours = module.evaluate(c, {"briefing": method})["briefing"]
            result[key] = tuple(100 * (module.mean(ours[m]) - module.mean(lead[key][m])) for m in module.METRICS)
        return result

    settings = {
        (p, d, s): dataclasses.replace(DEFAULT_WEIGHTS, position=p, decay=d, lead_strength=s)
        for p, d, s in itertools.product(POSITIONS, DECAYS, LEAD_STRENGTHS)
    }
    found = {setting: margins(weights) for setting, weights in settings.items()}
    default = margins(DEFAULT_WEIGHTS)
    print("margin over Lead, ROUGE-1 / ROUGE-2 / ROUGE-L F1 x100 (budget = the reference's word count)\n")
    print("| held out | chosen on the others (position, decay, lead_strength) | held-out margin | default's margin |")
    print("| --- | --- | --- | --- |")
    for kind, keys in KINDS.items():
        held = [k for k in keys if k in cases]
        others = [k for k in cases if k not in keys]
        if not held or not others:
            continue
        chosen = max(found, key=lambda s: min(min(found[s][k]) for k in others))

        def show(result: dict) -> str:
            return "; ".join(f"{k} " + " / ".join(f"{v:+.1f}" for v in result[k]) for k in held)

        print(f"| {kind} | {', '.join(map(str, chosen))} | {show(found[chosen])} | {show(default)} |")
    w = DEFAULT_WEIGHTS
    print(f"\ndefault: position {w.position}, decay {w.decay}, lead_strength {w.lead_strength}")


if __name__ == "__main__":
    main()
