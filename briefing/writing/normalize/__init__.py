"""Text normalization for speech, the way the field does it: classify, then verbalize.

`classify(text)` splits the text into tokens, each span tagged with ONE semiotic class
(cardinal, ordinal, decimal, fraction, money, measure, date, time, telephone, electronic,
roman, abbreviation, a US politician's party and state, letters; then ranges and scores are built from neighbouring tokens);
`normalize(text)` says every token in words and leaves the text between them as it is.
Each class is its own module with a tagger (`tag`) and a verbalizer (`verbalize`): the
shape of Google's Kestrel/Sparrowhawk and NVIDIA NeMo's English grammars, in plain Python.
"""

from __future__ import annotations

from . import (abbreviation, cardinal, date, decimal, electronic, fraction, letters, measure, money, ordinal,
               party, roman, score, telephone, time)
from . import range as ranges
from .tokens import Context, Token, candidates, choose

TAGGERS = (electronic, party, abbreviation, telephone, money, measure, time, date, roman, ordinal, fraction, decimal,
           cardinal, letters)
VERBALIZERS = {module.CLASS: module.verbalize for module in (*TAGGERS, ranges, score)}
CLASSES = tuple(VERBALIZERS)

__all__ = ["classify", "normalize", "verbalize_token", "Context", "Token", "CLASSES"]


def classify(text: str, language: str = "en") -> list[Token]:
    """The tokens of `text` that are not plain words, in order, each with its class and fields."""
    context = Context(language=language)
    return ranges.combine(choose(candidates(text, context, TAGGERS)), text)


def verbalize_token(token: Token) -> str:
    return VERBALIZERS[token.cls](token.fields)


def normalize(text: str, language: str = "en") -> str:
    """`text` with every classified token said in words; a word glued to a token is set apart
    ("68%of" is "sixty-eight percent of", "40C" "forty degrees Celsius")."""
    out: list[str] = []
    position = 0
    for token in classify(text, language):
        out.append(text[position:token.start])
        said = verbalize_token(token)
        glued = token.start > 0 and text[token.start - 1].isalnum()
        if glued and not "".join(out[-2:]).endswith(" "):  # "No1": the token before already set it apart
            said = " " + said
        if token.end < len(text) and text[token.end].isalnum():
            said += " "
        out.append(said)
        position = token.end
    out.append(text[position:])
    return "".join(out)
