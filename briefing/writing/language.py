"""Which language an article is written in, detected offline (py3langid).

The language picks the sentence splitter's rules, gTTS's voice, and tells a
Piper user when the chosen voice cannot read the article.
"""

from __future__ import annotations

from ..models import Article

DEFAULT_LANGUAGE = "en"
# Below this many words a guess is a coin toss; keep the default.
MIN_WORDS = 8
SAMPLE_CHARS = 4000


# Words that make up a fifth or more of any English news text and almost none of any other
# language's: when they do, the text is English and the classifier's model (a third of a
# second to load) is not needed.
_ENGLISH_MARKERS = frozenset(
    "the of and to that was with for said this from have has are were by which it his her they "
    "would will been their its".split()
)
ENGLISH_SHARE = 0.2


def looks_english(text: str) -> bool:
    import re

    words = re.findall(r"[a-z]+", text[:SAMPLE_CHARS].lower())
    return len(words) >= MIN_WORDS and sum(w in _ENGLISH_MARKERS for w in words) >= ENGLISH_SHARE * len(words)


def detect_language(text: str, default: str = DEFAULT_LANGUAGE) -> str:
    """An ISO 639-1 code ("en", "fr", ...) for `text`, or `default` when too short to tell."""
    if len(text.split()) < MIN_WORDS:
        return default
    if looks_english(text):
        return "en"
    import py3langid

    code, _score = py3langid.classify(text[:SAMPLE_CHARS])
    return code or default


def article_language(article: Article) -> str:
    """The language of an article's title and paragraphs together."""
    text = " ".join([article.title, *(p for s in article.sections for p in s.paragraphs)])
    return detect_language(text)


LANGUAGE_NAMES = {
    "en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "sv": "Swedish", "da": "Danish", "no": "Norwegian", "nb": "Norwegian", "fi": "Finnish",
    "pl": "Polish", "cs": "Czech", "ru": "Russian", "uk": "Ukrainian", "tr": "Turkish", "el": "Greek",
    "ar": "Arabic", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "hi": "Hindi", "ca": "Catalan",
}


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


OFFLINE_ENGINES = {"piper": "Piper", "hibari": "hibari"}


def check_voice_language(voice, language: str) -> None:
    """A Piper or hibari voice reads one language; refuse an article in another with a clear message.

    gTTS is given the article's language, so only the offline voices are checked.
    """
    from ..errors import VoiceError

    engine = getattr(voice, "engine", "")
    if engine not in OFFLINE_ENGINES:
        return
    spoken = (getattr(voice, "language", "") or "").split("-")[0].lower()
    if spoken and spoken != language:
        raise VoiceError(
            f"the article is in {language_name(language)} ({language}) but the {OFFLINE_ENGINES[engine]} voice "
            f"{voice.name} speaks {language_name(spoken)}; pass --engine piper --voice with a {language} Piper "
            "voice (.onnx), or --engine gtts"
        )
