"""Roman numerals, only where they are numerals: a monarch or pope ("Charles III" is "Charles the
third", "Pope Benedict XVI"), a person's suffix ("John Smith Jr." aside, "Martin Luther King III"),
a war, chapter, part or act ("World War II" is "World War two", "Chapter IV" "chapter four"), a
sequel ("Rocky II" "Rocky two"), a Super Bowl. Never the pronoun "I", never an acronym ("MIX", "CD").
"""

from __future__ import annotations

import re

from . import numbers

CLASS = "roman"
PRIORITY = 35

_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_VALID = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
REGNAL = frozenset(
    "Charles Elizabeth Henry George Edward William Richard John James Louis Mary Anne Victoria Philip Felipe Juan "
    "Carlos Carl Gustaf Frederick Frederik Harald Olav Haakon Christian Margrethe Willem Alexander Nicholas Peter "
    "Ivan Catherine Napoleon Leo Pius Paul Benedict Gregory Innocent Clement Boniface Urban Sixtus Francis Alfonso "
    "Ferdinand Isabella Isabel Ludwig Wilhelm Friedrich Otto Albert Leopold Baudouin Rainier Abdullah Hussein "
    "Mohammed Muhammad Hassan Ramesses Ramses Rama Constantine Justinian Selim Suleiman Mehmed Murad Sobhuza "
    "Mswati Farouk Fuad Faisal Umberto Victor Emmanuel Amadeus Sancho Pedro Manuel Joseph Leopold Franz Karl "
    "Rudolf Sigismund Casimir Stanislaus Stanisław Vladislaus Boris Simeon Michael Tsar Stephen David "
    "Robert Alexios Basil Ptolemy Cleopatra Amenhotep Thutmose Seti Sennacherib Darius Xerxes Artaxerxes Cyrus "
    "Hadrian Augustus Lorenzo Cosimo Gustav Gustavus Oscar Eric Erik Magnus Valdemar Canute Cnut Harold "
    "Ethelred Æthelred Edmund Kamehameha Tupou Letsie Moshoeshoe Norodom Sihanouk Naruhito Akihito Bhumibol".split())
ORDINARY_CONTEXT = re.compile(
    r"(?:World War|Chapter|Part|Act|Book|Volume|Vol\.|Phase|Title|Article|Episode|Season|Series|Super Bowl|Type|"
    r"Class|Stage|Level|Category|Mark|Mk|Apollo|Gemini|Vatican|Section|Schedule|Annex|Appendix|Rule|Round|Tier)\s$")
_PATTERN = re.compile(r"(?<![\w'’-])(?P<numeral>[IVXLCDM]+)(?![\w'’]|-\w)")


def value(numeral: str) -> int:
    total = 0
    for letter, following in zip(numeral, numeral[1:] + " "):
        worth = _VALUES[letter]
        total += -worth if following != " " and _VALUES[following] > worth else worth
    return total


def tag(text, context):
    for m in _PATTERN.finditer(text):
        numeral = m.group("numeral")
        if not _VALID.fullmatch(numeral):
            continue
        before = text[max(0, m.start() - 40):m.start()]
        previous = re.search(r"([A-Z][\w'’.-]*)\s$", before)
        if ORDINARY_CONTEXT.search(before):
            yield m.start(), m.end(), {"value": value(numeral), "ordinal": False}
        elif numeral in ("I", "V", "X") and previous and previous.group(1) in REGNAL \
                and re.match(r"(?:[,;:)]|\s+(?:of|and|in|to)\b|'s|’s|\s*$)", text[m.end():]):
            yield m.start(), m.end(), {"value": value(numeral), "ordinal": True}  # Elizabeth I, of England
        elif len(numeral) == 1 or set(numeral) - set("IVX"):
            continue  # "I", "V", "X", "CD", "MIX", an initial ("John M. Smith"): only after the words above
        elif previous and (previous.group(1) in REGNAL or re.search(r"[A-Z][a-z]+\s+[A-Z][a-z]+\s$", before)):
            yield m.start(), m.end(), {"value": value(numeral), "ordinal": True}  # Charles III, John Smith III
        elif previous:
            yield m.start(), m.end(), {"value": value(numeral), "ordinal": False}  # Rocky II, the XDA II


def verbalize(fields: dict) -> str:
    if fields["ordinal"]:
        return "the " + numbers.ordinal(str(fields["value"]))
    return numbers.cardinal(str(fields["value"]))
