"""Names said right: the show's pronunciations, applied to what the voice is given.

    [pronunciations]
    Hama = "HAH-mah"           # a respelling, said as written
    Assad = "/ɑˈsɑd/"          # phonemes between slashes, for engines that accept them

Matches are whole words and case-sensitive; an acronym in capitals matches also as the speech
rules spell it ("BBC" is "B B C" by then). They are applied after the speech rules and
just before the voice (`briefing.voices.speak`), so the script, the transcripts and the
take cache's text keep the original spelling while the voice hears the respelling or the
phonemes. An engine that reads phonemes says how to write them into its text
(`voice.phoneme_markup(word, phonemes)`: hibari's `[word](/…/)`, Piper's `[[ … ]]`); for
one that cannot (gTTS), a phoneme entry leaves the word as it is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..errors import BriefingError


def is_phonemes(said: str) -> bool:
    return len(said) > 2 and said.startswith("/") and said.endswith("/")


def respelled(said: str) -> str:
    """A respelling as a voice should read it: "HAH-mah" -> "hah-mah".

    Respellings put the stressed syllable in capitals, which every engine would spell out
    letter by letter, like an acronym ("H. A. H."); in lower case they are read as words.
    """
    return said.lower()


def check_pronunciations(table: Mapping[str, object], where: str = "[pronunciations]") -> dict[str, str]:
    """The table as {word: said}, or one clear error naming the bad entry."""
    checked: dict[str, str] = {}
    for word, said in table.items():
        if not isinstance(said, str) or not said.strip() or said.strip() in ("/", "//"):
            raise BriefingError(f"{where} {word}: give a respelling (\"HAH-mah\") or phonemes (\"/ɑˈsɑd/\")")
        if not re.fullmatch(r"\w[\w'’.-]*", word):
            raise BriefingError(f"{where} {word!r}: give one word (letters, digits, - ' .)")
        checked[word] = said.strip()
    return checked


def _spelled_forms(table: Mapping[str, str]) -> dict[str, str]:
    """Every word as the voice gets it: an acronym the speech rules spell ("BBC") reaches the voice
    as its letters ("B B C"), so its entry matches those too."""
    forms = dict.fromkeys(table, "")
    for word in table:
        if len(word) > 1 and word.isalpha() and word.isupper():
            forms.setdefault(" ".join(word), word)
    return {form: (key or form) for form, key in forms.items()}


def _pattern(words) -> re.Pattern:
    # Longest first, so "New Hama" style overlaps prefer the longer word; \b would split at "-" and "'".
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w'’-])")


def pronounced(text: str, table: Mapping[str, str], voice=None) -> str:
    """`text` with every listed word replaced by how `voice` should be told to say it."""
    if not table:
        return text
    markup = getattr(voice, "phoneme_markup", None)

    forms = _spelled_forms(table)

    def replace(match: re.Match) -> str:
        word = forms[match.group(0)]
        said = table[word]
        if is_phonemes(said):
            return markup(word, said[1:-1]) if markup else match.group(0)
        return respelled(said)

    return _pattern(forms).sub(replace, text)
