"""What the voice is given: a line of text through the speech rules and the show's pronunciations,
exactly as a sentence of an episode goes to the voice (`briefing spoken`, for "why did it say that?").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping

from ..errors import VoiceError


def phoneme_markup(engine: str | None, voice: str | None = None) -> Callable[[str, str], str] | None:
    """How `engine` is told phonemes (hibari `[word](/…/)`, Piper `[[ … ]]`, gTTS none), without loading it."""
    from ..voices import ENGINE_NAMES, split_voice_spec

    engine, _ = split_voice_spec(engine, voice)
    if engine == "hibari":
        from ..voices.hibari import HibariEngineVoice

        return HibariEngineVoice.phoneme_markup
    if engine == "piper":
        from ..voices.piper import PiperEngineVoice

        return PiperEngineVoice.phoneme_markup
    if engine == "gtts":
        return None
    raise VoiceError(f"unknown engine {engine!r}: choose {', '.join(ENGINE_NAMES)}")


class _Markup:
    """The one method `pronounced` asks a voice for."""

    def __init__(self, markup):
        self.phoneme_markup = markup


def spoken(text: str, *, language: str = "en", pronunciations: Mapping[str, str] | None = None,
           engine: str | None = None, voice: str | None = None) -> str:
    """One line as the voice hears it: its sentences made speakable (as the script makes them),
    then the show's pronunciations in the engine's markup; sentences joined by a space."""
    return next(spoken_lines([text], language=language, pronunciations=pronunciations, engine=engine, voice=voice))


def spoken_lines(lines: Iterable[str], *, language: str = "en", pronunciations: Mapping[str, str] | None = None,
                 engine: str | None = None, voice: str | None = None) -> Iterator[str]:
    """`spoken` for each line, in order: one output line per input line (an empty one stays empty)."""
    from .pronounce import pronounced
    from .script import _speakable_sentences

    markup = _Markup(phoneme_markup(engine, voice))
    for line in lines:
        sentences = _speakable_sentences([line], language) if line.strip() else ()
        yield " ".join(pronounced(s, pronunciations or {}, markup) for s in sentences)
