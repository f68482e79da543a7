#!/usr/bin/env python3
"""The language-model writer, measured: a tiny real model on real news, and invented replies.

1. With llama.cpp's server and SmolLM2-135M-Instruct (tests/writing/llm_server.py starts it on
   a free 127.0.0.1 port) on the first N `bbc_dev` stories (../shared/eval/bbc_dev.jsonl), a
   two-host conversation each: turns grounded, replaced and dropped, stories the model could
   not write, wall time per story, tokens in and out. Then the same stories again: the replies
   come from the cache, so the model is called zero times.
2. Against invented replies (no model needed): for each story, its own sentences as turns
   (which must pass), and the same turns with an invented number, an invented name, an
   invented quotation and a real quotation given to the wrong person (each must be caught).

    .venv/bin/python scripts/eval_writer.py [--stories 20] [--skip-model] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT / "tests" / "writing"))


def stories(limit: int) -> list[dict]:
    path = EVAL / "bbc_dev.jsonl"
    if not path.is_file():
        sys.exit(f"eval_writer: {path} is not there")
    out = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            out.append(json.loads(line))
            if len(out) == limit:
                break
    return out


def article_file(story: dict, folder: Path) -> Path:
    path = folder / (re.sub(r"\W+", "-", story["id"]) + ".txt")
    path.write_text(story["title"] + "\n\n" + story["article"], encoding="utf-8")
    return path


def with_model(items: list[dict], folder: Path) -> dict:
    from briefing import make_script
    from briefing.pipeline import Reporter
    from llm_server import llama_server, local_model

    gguf, why = local_model()
    if gguf is None:
        sys.exit(f"eval_writer: {why} (or run with --skip-model)")
    os.environ["BRIEFING_CACHE_DIR"] = str(folder / "cache")
    hosts = (("Hannah", "hibari:heart"), ("Joe", "piper:joe"))
    rows, warnings = [], []
    totals = {"turns": 0, "grounded": 0, "replaced": 0, "dropped": 0, "tokens_in": 0, "tokens_out": 0,
              "calls": 0, "fallbacks": 0}
    with llama_server(gguf) as url:
        files = [article_file(s, folder) for s in items]
        for story, path in zip(items, files):
            start = time.monotonic()
            script = make_script([str(path)], writer=url, format="conversation", hosts=hosts, minutes=1.5,
                                 reporter=Reporter(warn=warnings.append))
            wall = time.monotonic() - start
            w = script.writer
            rows.append({"id": story["id"], "wall": round(wall, 2), **{k: w[k] for k in
                         ("turns", "grounded", "replaced", "dropped", "tokens_in", "tokens_out", "calls")},
                         "fallback": bool(w["fallbacks"]), "unsupported": w["unsupported"]})
            for key in totals:
                totals[key] += len(w["fallbacks"]) if key == "fallbacks" else w[key]
            print(f"{story['id']}: {wall:5.1f} s  {w['turns']} turns, {w['grounded']} grounded, "
                  f"{w['replaced']} replaced, {w['dropped']} dropped; {w['tokens_in']} in / {w['tokens_out']} out"
                  + (f"; FELL BACK: {w['fallbacks'][0]}" if w["fallbacks"] else ""), file=sys.stderr)
        again_calls, again_wall = 0, 0.0
        for path in files:
            start = time.monotonic()
            script = make_script([str(path)], writer=url, format="conversation", hosts=hosts, minutes=1.5,
                                 reporter=Reporter(warn=warnings.append))
            again_wall += time.monotonic() - start
            again_calls += script.writer["calls"]
    walls = sorted(r["wall"] for r in rows)
    return {"stories": len(rows), "totals": totals, "wall_median": walls[len(walls) // 2],
            "wall_min": walls[0], "wall_max": walls[-1], "rerun_model_calls": again_calls,
            "rerun_wall_per_story": round(again_wall / len(files), 3), "rows": rows}


INVENTIONS = {
    "number": lambda s: _other_number(s),
    "name": lambda s: s.rstrip(".") + ", Mayor Lee Harrow said.",
    "quotation": lambda s: s.rstrip(".") + '. "We never saw this coming," one analyst said.',
}


def _other_number(sentence: str) -> str | None:
    m = re.search(r"\d+(?:\.\d+)?", sentence)
    if m is None:
        return None
    value = m.group(0)
    changed = str(int(float(value) * 3 + 7)) if "." not in value else f"{float(value) * 3 + 0.7:.2f}"
    return sentence[:m.start()] + changed + sentence[m.end():]


def invented(items: list[dict]) -> dict:
    from briefing.writing.llm.grounding import Sources, check_turn, names
    from briefing.writing.sentences import split_sentences

    passed = copies = 0
    caught = {kind: [0, 0] for kind in (*INVENTIONS, "misattribution")}
    missed: list[str] = []
    for story in items:
        sentences = [s for p in story["article"].split("\n") if p.strip() for s in split_sentences(p)]
        source = Sources([story["title"], *sentences], allowed_names=["Hannah", "Joe", "The Briefing"])
        for sentence in sentences:
            copies += 1
            passed += check_turn(sentence, source).grounded
            for kind, invent in INVENTIONS.items():
                turn = invent(sentence)
                if turn is None or turn == sentence:
                    continue
                caught[kind][1] += 1
                if not check_turn(turn, source).grounded:
                    caught[kind][0] += 1
                else:
                    missed.append(f"{kind}: {turn}")
        for sentence in sentences:  # a real quotation, given to someone in the story who did not say it
            quote = re.search(r'"([^"]{12,})"', sentence.replace("“", '"').replace("”", '"'))
            others = [n for other in sentences if other != sentence for n in names(other)
                      if n not in sentence and n not in quote_context(sentences, sentence)] if quote else []
            people = [n for n in others if " " in n and "'" not in n]  # "Ms Chen", not "Japan's"
            if quote and people:
                turn = f'"{quote.group(1).rstrip(",")}," said {people[0]}.'
                caught["misattribution"][1] += 1
                if not check_turn(turn, source).grounded:
                    caught["misattribution"][0] += 1
                else:
                    missed.append(f"misattribution: {turn}")
    return {"faithful_turns": copies, "faithful_passed": passed,
            "caught": {k: {"caught": c, "of": n} for k, (c, n) in caught.items()}, "missed": missed[:20]}


def quote_context(sentences: list[str], sentence: str) -> str:
    """The sentence holding a quotation and the one after it (where its speaker may be named)."""
    i = sentences.index(sentence)
    return " ".join(sentences[i:i + 2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", type=int, default=20)
    parser.add_argument("--skip-model", action="store_true", help="only the invented replies (no server)")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args()
    items = stories(args.stories)
    result = {"invented": invented(items)}
    inv = result["invented"]
    print(f"faithful turns (the story's own sentences) passed: {inv['faithful_passed']}/{inv['faithful_turns']}")
    for kind, figures in inv["caught"].items():
        print(f"invented {kind} caught: {figures['caught']}/{figures['of']}")
    if not args.skip_model:
        with tempfile.TemporaryDirectory() as folder:
            result["model"] = with_model(items, Path(folder))
        m = result["model"]
        t = m["totals"]
        print(f"SmolLM2-135M on {m['stories']} bbc_dev stories (two-host conversation, 1.5 minutes each): "
              f"{t['turns']} turns, {t['grounded']} grounded, {t['replaced']} replaced, {t['dropped']} dropped; "
              f"{t['fallbacks']} stories fell back to the extractive writer")
        print(f"wall per story: median {m['wall_median']} s ({m['wall_min']}-{m['wall_max']} s); tokens "
              f"{t['tokens_in']} in, {t['tokens_out']} out, {t['calls']} calls")
        print(f"re-run of the same stories: {m['rerun_model_calls']} model calls, "
              f"{m['rerun_wall_per_story']} s per story")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
