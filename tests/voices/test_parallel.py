"""Two sentences are synthesized at once: the episode still says them in the script's order."""

import threading
import time
from datetime import date

import pytest

from briefing.errors import VoiceError
from briefing.models import Script, Segment
from briefing.voices.speak import in_order, render_segments


def test_results_come_back_in_order_when_later_items_finish_first():
    def slow_first(n):
        time.sleep(0.05 if n % 3 == 0 else 0.0)
        return n

    assert list(in_order(slow_first, range(12), 2)) == list(range(12))


def test_an_error_surfaces_at_its_place_and_later_items_are_not_started():
    started = []
    lock = threading.Lock()

    def fail_at_three(n):
        with lock:
            started.append(n)
        if n == 3:
            raise VoiceError("sentence 3 failed")
        time.sleep(0.01)
        return n

    results = in_order(fail_at_three, range(100), 2)
    assert [next(results) for _ in range(3)] == [0, 1, 2]
    with pytest.raises(VoiceError, match="sentence 3"):
        next(results)
    results.close()
    assert max(started) < 3 + 2 * 2 + 1  # only the few in flight were ever started


@pytest.mark.slow
def test_parallel_piper_takes_match_their_sentences():
    from briefing.voices import get_voice

    voice = get_voice("piper")
    assert voice.concurrency >= 1
    short, long = "Yes.", ("The harbour authority said on Tuesday that the new ferry timetable would "
                           "begin in the spring, after a long period of consultation.")
    sentences = (short, long, short, long, short, long)
    script = Script(title="t", show="s", date=date(2026, 1, 1),
                    segments=(Segment("intro", None, sentences[:3]), Segment("outro", None, sentences[3:])))
    takes = [take for _, segment_takes in render_segments(script, voice) for take in segment_takes]
    assert [t.text for t in takes] == list(sentences)
    # A long sentence lasts several times a one-word one: swapped audio would show.
    for take in takes:
        if take.text == long:
            assert take.duration > 4.0
        else:
            assert take.duration < 1.5
