#!/usr/bin/env python3
"""Synthesize the show's own sound assets into audio/ (original sounds, no third-party music).

    python scripts/make_stings.py

intro.wav: a rising three-note chime over a soft pad (about 3 s).
outro.wav: the same chime falling, resolving to the tonic (about 3 s).
bed.wav:   a quiet, slowly moving pad to sit under the intro's voice (about 20 s).
All are 44.1 kHz mono 16-bit WAV. The generator is deterministic, so re-running it
reproduces the committed files byte for byte.
"""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

RATE = 44100
OUT = Path(__file__).resolve().parent.parent / "audio"


def note(freq: float, seconds: float, *, attack: float = 0.01, decay: float = 1.2) -> np.ndarray:
    """A bell-like tone: a few inharmonic partials under an exponential decay."""
    t = np.arange(int(seconds * RATE)) / RATE
    partials = [(1.0, 1.0), (2.0, 0.35), (3.01, 0.12), (4.2, 0.05)]
    tone = sum(a * np.sin(2 * np.pi * freq * m * t) for m, a in partials)
    envelope = np.minimum(1.0, t / attack) * np.exp(-t / decay)
    return tone * envelope


def pad(freqs: list[float], seconds: float, *, fade: float = 0.6) -> np.ndarray:
    """A soft chord with slow vibrato, faded in and out."""
    t = np.arange(int(seconds * RATE)) / RATE
    wobble = 1 + 0.002 * np.sin(2 * np.pi * 0.3 * t)
    chord = sum(np.sin(2 * np.pi * f * wobble * t) + 0.2 * np.sin(4 * np.pi * f * t) for f in freqs)
    envelope = np.minimum(1.0, t / fade) * np.minimum(1.0, (seconds - t) / fade)
    return chord * envelope / len(freqs)


def place(track: np.ndarray, sound: np.ndarray, at: float) -> None:
    start = int(at * RATE)
    end = min(len(track), start + len(sound))
    track[start:end] += sound[: end - start]


def finish(track: np.ndarray, peak_db: float = -3.0) -> np.ndarray:
    fade = int(0.05 * RATE)
    track[-fade:] *= np.linspace(1, 0, fade)
    track = track / np.max(np.abs(track)) * 10 ** (peak_db / 20)
    return np.round(track * 32767).astype("<i2")


def write(name: str, samples: np.ndarray) -> None:
    OUT.mkdir(exist_ok=True)
    with wave.open(str(OUT / name), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(samples.tobytes())
    print(OUT / name)


def main() -> None:
    c, e, g, c2 = 523.25, 659.25, 783.99, 1046.5
    intro = np.zeros(int(3.0 * RATE))
    place(intro, 0.25 * pad([130.81, 196.0, 261.63], 3.0), 0)
    for i, f in enumerate([c, e, g, c2]):
        place(intro, note(f, 2.4 - 0.3 * i) * (0.9 - 0.1 * i), 0.15 + 0.28 * i)
    write("intro.wav", finish(intro))

    outro = np.zeros(int(3.2 * RATE))
    place(outro, 0.25 * pad([130.81, 196.0, 261.63], 3.2), 0)
    for i, f in enumerate([c2, g, e, c]):
        place(outro, note(f, 2.6) * (0.6 + 0.1 * i), 0.1 + 0.32 * i)
    write("outro.wav", finish(outro))

    bed = np.zeros(int(20.0 * RATE))
    chords = [[130.81, 164.81, 196.0], [110.0, 130.81, 164.81], [87.31, 130.81, 174.61], [98.0, 146.83, 196.0]]
    for i, chord in enumerate(chords * 2):
        place(bed, pad(chord, 3.0, fade=1.0), i * 2.5)
    write("bed.wav", finish(bed, peak_db=-6.0))


if __name__ == "__main__":
    main()
