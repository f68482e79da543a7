"""Voices: one module per engine behind one small protocol, plus a take cache.

A voice is a loaded object (`Voice`) that turns one sentence of speakable text
into mono 16-bit PCM. Engines are imported only when a voice is asked for, so
`briefing --help` and `briefing script` never load a TTS model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from ..errors import VoiceError

DEFAULT_ENGINE = "hibari"
ENGINE_NAMES = ("hibari", "piper", "gtts")


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


# Measured speaking rates, pauses included, used to turn --minutes into a word budget before any
# audio exists. Piper: 3,858 words made 22.7 minutes. hibari's heart speaks 4% slower than Piper's
# joe on the same scripts (the seed article's episode: 111.3 s against 106.9 s for the same 272
# words, sentence edges trimmed alike), hence 165 * 0.96.
WORDS_PER_MINUTE = {"hibari": 158.0, "piper": 165.0, "gtts": 150.0}


def engines() -> list[EngineInfo]:
    """The engines briefing knows, and whether each works without a network."""
    from .hibari import bundled_voices as hibari_voices
    from .piper import bundled_voices

    return [
        EngineInfo("hibari", True, "hibari (distilled from Kokoro-82M), runs locally (default)",
                   tuple(hibari_voices())),
        EngineInfo("piper", True, "Piper neural TTS, runs locally", tuple(bundled_voices())),
        EngineInfo("gtts", False, "Google Translate TTS, needs the internet", ("any language code via --lang",)),
    ]


def split_voice_spec(engine: str | None, voice: str | None) -> tuple[str, str | None]:
    """`--voice hibari:heart` names its engine too: ("hibari", "heart"); a `.onnx` file is Piper's.
    Any other voice keeps `engine`."""
    if voice and ":" in voice:
        prefix, _, name = voice.partition(":")
        if prefix.lower() in ENGINE_NAMES:
            return prefix.lower(), name or None
    if voice and voice.lower().endswith(".onnx") and (engine or DEFAULT_ENGINE).lower() == "hibari":
        return "piper", voice  # a voice file: only Piper reads those (hibari offers its bundled voice only)
    return (engine or DEFAULT_ENGINE).lower(), voice


def get_voice(engine: str = DEFAULT_ENGINE, voice: str | None = None, **settings) -> Voice:
    """Load the voice of an engine. Raises VoiceError for an unknown engine or voice.

    `voice` may be a spec "engine:voice" ("hibari:heart", "piper:joe"), which picks the engine.
    """
    engine, voice = split_voice_spec(engine, voice)
    if engine == "hibari":
        from .hibari import HibariEngineVoice

        return HibariEngineVoice.load(voice, **settings)
    if engine == "piper":
        from .piper import PiperEngineVoice

        return PiperEngineVoice.load(voice, **settings)
    if engine == "gtts":
        from .gtts import GttsVoice

        return GttsVoice(voice, **settings)
    raise VoiceError(f"unknown engine {engine!r}: choose {', '.join(ENGINE_NAMES)}")


def get_quote_voice(spec: str, main: Voice, *, speed: float = 1.0) -> Voice:
    """The voice for quotations: `pitch:N` (the main Piper voice N semitones up or down),
    a second Piper `.onnx` file, for gTTS `tld:DOMAIN` (the same language, another accent),
    or with any engine a voice spec such as `piper:joe` or `hibari:heart`.
    """
    spec = spec.strip()
    if spec.partition(":")[0].lower() in ENGINE_NAMES:
        engine, name = split_voice_spec(None, spec)
        return get_voice(engine, name, speed=speed)
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
                     + {"piper": "pitch:N or a .onnx file", "gtts": "tld:DOMAIN, e.g. tld:co.uk"}.get(main.engine, "a voice spec")
                     + " or another engine's voice, e.g. piper:joe")
