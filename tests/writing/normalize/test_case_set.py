"""The standard case set (tests/data/normalization_cases.tsv): at least 95% said acceptably in every
class, measured the way scripts/eval_normalize.py measures it."""

import importlib.util
from collections import Counter
from pathlib import Path

from briefing.writing.speech import speakable

ROOT = Path(__file__).resolve().parents[3]
spec = importlib.util.spec_from_file_location("eval_normalize", ROOT / "scripts" / "eval_normalize.py")
eval_normalize = importlib.util.module_from_spec(spec)
spec.loader.exec_module(eval_normalize)


def test_every_class_is_said_acceptably():
    right, total = Counter(), Counter()
    for cls, written, forms in eval_normalize.read_cases(eval_normalize.CASES):
        total[cls] += 1
        right[cls] += eval_normalize.canonical(speakable(written)) in {eval_normalize.canonical(f) for f in forms}
    assert len(total) >= 15 and sum(total.values()) >= 250
    for cls in total:
        assert right[cls] / total[cls] >= 0.95, (cls, right[cls], total[cls])


def test_the_comparison_is_as_heard_and_no_looser():
    canonical = eval_normalize.canonical
    assert canonical("one hundred and twenty-three") == canonical("one hundred twenty three")
    assert canonical("ten a m.") == canonical("ten AM")
    assert canonical("twelve kilometres") == canonical("twelve kilometers")
    assert canonical("twenty dollars") != canonical("twenty dollars fifty cents")
    assert canonical("H T S") != canonical("hats")
    assert canonical("one fifty-nine p m E S T") == canonical("one fifty nine PM EST")
    assert canonical("one two three") != canonical("one twenty three")
    assert canonical("COtwo") != canonical("C O two")  # a digit glued to a word is heard as one word
