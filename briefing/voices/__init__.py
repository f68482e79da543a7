"""Voices: one module per engine behind one small protocol, plus a take cache.

A voice is a loaded object (`Voice`) that turns one sentence of speakable text
into mono 16-bit PCM. Engines are imported only when a voice is asked for, so
`briefing --help` and `briefing script` never load a TTS model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..errors import VoiceError

DEFAULT_ENGINE = "piper"


class Voice(Protocol):
    engine: str
    name: str
    language: str
    sample_rate: int
    words_per_minute: float

    def identity(self) -> dict:
        """Everything that changes the sound: the cache key is made from it and the text."""

    def synthesize(self, text: str) -> bytes:
        """One sentence of speakable text to mono 16-bit little-endian PCM at `sample_rate`."""


@dataclass(frozen=True)
class EngineInfo:
    name: str
    offline: bool
    description: str
    voices: tuple[str, ...]


# Measured speaking rates, pauses included (Piper: 3,858 words made 22.7 minutes), used to
# turn --minutes into a word budget before any audio exists.
WORDS_PER_MINUTE = {"piper": 165.0, "gtts": 150.0}


def engines() -> list[EngineInfo]:
    """The engines briefing knows, and whether each works without a network."""
    from .piper import bundled_voices

    return [
        EngineInfo("piper", True, "Piper neural TTS, runs locally (default)", tuple(bundled_voices())),
        EngineInfo("gtts", False, "Google Translate TTS, needs the internet", ("any language code via --lang",)),
    ]


def get_voice(engine: str = DEFAULT_ENGINE, voice: str | None = None, **settings) -> Voice:
    """Load the voice of an engine. Raises VoiceError for an unknown engine or voice."""
    engine = (engine or DEFAULT_ENGINE).lower()
    if engine == "piper":
        from .piper import PiperEngineVoice

        return PiperEngineVoice.load(voice, **settings)
    if engine == "gtts":
        from .gtts import GttsVoice

        return GttsVoice(voice, **settings)
    raise VoiceError(f"unknown engine {engine!r}: choose piper or gtts")


def get_quote_voice(spec: str, main: Voice, *, speed: float = 1.0) -> Voice:
    """The voice for quotations: `pitch:N` (the main Piper voice N semitones up or down),
    a second Piper `.onnx` file, or for gTTS `tld:DOMAIN` (the same language, another accent).
    """
    spec = spec.strip()
    if main.engine == "piper":
        from .piper import PiperEngineVoice

        if spec.startswith("pitch:"):
            try:
                pitch = float(spec.removeprefix("pitch:"))
            except ValueError:
                raise VoiceError(f"--quote-voice {spec}: give pitch:N with N in semitones, e.g. pitch:-3") from None
            return PiperEngineVoice.load(str(main.model_path), speed=speed, pitch=pitch)
        try:
            return PiperEngineVoice.load(spec, speed=speed)
        except VoiceError as exc:
            raise VoiceError(f"--quote-voice: {exc}; or give pitch:N for the main voice shifted N semitones") from None
    if main.engine == "gtts" and spec.startswith("tld:"):
        from .gtts import GttsVoice

        return GttsVoice(main.lang, lang=main.lang, tld=spec.removeprefix("tld:"), speed=speed)
    raise VoiceError(f"--quote-voice {spec}: with {main.engine} give "
                     + ("pitch:N or a .onnx file" if main.engine == "piper" else "tld:DOMAIN, e.g. tld:co.uk"))
