"""The summarizer on real news with human summaries (../shared/eval), against Lead at the same budget."""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"

pytestmark = pytest.mark.slow


def _eval_module():
    if "eval_summaries" in sys.modules:
        return sys.modules["eval_summaries"]
    spec = importlib.util.spec_from_file_location("eval_summaries", ROOT / "scripts" / "eval_summaries.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_summaries"] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def _means(scores: dict) -> dict[str, tuple[float, ...]]:
    metrics = ("rouge1", "rouge2", "rougeL")
    return {name: tuple(sum(per[m]) / len(per[m]) for m in metrics) for name, per in scores.items()}


def _cases(kind: str, limit: int):
    module = _eval_module()
    filename = {"bbc": "bbc_dev.jsonl", "cnndm": "cnndm_dev.jsonl", "tight": "cnndm_dev.jsonl",
                "newsroom": "newsroom_dev.jsonl"}[kind]
    if not (EVAL / filename).is_file():
        pytest.skip(f"../shared/eval/{filename} is not present")
    make = {"bbc": module.bbc_cases, "cnndm": module.cnndm_cases, "tight": module.tight_cases,
            "newsroom": module.newsroom_cases}[kind]
    return module, make(module.load(EVAL / filename, limit))


@pytest.mark.parametrize("kind", ["cnndm", "tight", "newsroom"])
def test_on_news_with_abstractive_summaries_never_empty_and_not_behind_lead(kind):
    module, cases = _cases(kind, 50)
    scores = module.evaluate(cases, {"Lead": module.lead, "briefing": module.ours})
    assert sum(scores["briefing"]["empty"]) == 0
    means = _means(scores)
    # At least Lead's ROUGE-1/2/L, with a point of slack for a change of pysbd or rouge-score.
    assert all(ours >= lead - 0.01 for ours, lead in zip(means["briefing"], means["Lead"])), means


def test_on_bbc_far_ahead_of_lead():
    module, cases = _cases("bbc", 80)
    means = _means(module.evaluate(cases, {"Lead": module.lead, "briefing": module.ours}))
    assert all(ours >= lead + 0.05 for ours, lead in zip(means["briefing"], means["Lead"])), means


def test_no_chosen_sentence_of_real_news_is_a_fragment():
    from briefing.writing.sentences import is_fragment
    from briefing.writing.summarize import summarize

    module, cases = _cases("cnndm", 50)
    for case in cases:
        for budget in (10, case.budget):
            for section in summarize(case.article, budget).sections:
                for sentence in section.sentences:
                    assert not is_fragment(sentence), sentence


@pytest.mark.parametrize("kind", ["cnndm", "newsroom"])
def test_real_news_summaries_hold_no_dateline_caption_or_half_sentence(kind):
    module, cases = _cases(kind, 50)
    scores = module.evaluate(cases, {"Lead": module.lead, "briefing": module.ours})
    # The check finds them: the articles' own first sentences carry datelines and captions.
    assert sum(scores["Lead"]["fragments"]) >= 3
    assert sum(scores["briefing"]["fragments"]) == 0, [f for f in scores["briefing"]["found"] if f]


def test_the_fragment_check_tells_fragments_from_short_sentences():
    module = _eval_module()
    fragments = [
        "(CNN) A gray whale swam farther than any mammal on record.",
        "WASHINGTON — The president met the inspectors on Friday.",
        "Tom Smith (left) argued with the umpire during the second Test.",
        "The dog sat still while its owner brushed it with a comb The dog then ran off.",
        "'The gate was locked every night, '",
        "03/14/2016 AT 09:15 AM EST Like many comedians, she talks about her life.",
    ]
    sentences = ["The hearing continues.", '"We will win," he said.', "Is this the end?", "iPhone sales rose."]
    assert [sentence for _, sentence in module.fragments_in(fragments + sentences)] == fragments
