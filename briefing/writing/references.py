"""First references: a person the summary names by surname alone is named in full the first time.

A news article names a person in full once ("said Tom Forte, who follows Amazon ...") and by
surname after ("Forte said", "Mr Goldwein said"). A summary that chose a later sentence but not
the first one leaves the listener with "Forte said ..." and no idea who spoke. Radio writes the
full name at the first reference, so the summary does too: the first bare surname of a person in
a digest becomes the full name the article gave ("Tom Forte said"; "Mr Goldwein" becomes "Marc
Goldwein", as a first reference has no honorific).

What counts, so that a company or a place is never taken for a person:
- the reference is a surname after an honorific ("Mr", "Mrs", "Ms", "Miss", "Dr", "Prof"), the
  speaker of a verb of saying ("Forte said", "said Azzouz"), not after another capitalized word,
  a sentence's subject before "was", "is", "has" ... ("Allen was not involved"), or any bare
  surname the article shows as a person's (with an honorific or speaking: "As he drew closer,
  Barnett decided ..." when the article has "Michael Barnett said");
- the article names exactly one person with that surname in full ("Lotfi Azzouz"); two ("Hori
  Parata", "Kauri Parata": a father and his son) leave the surname as it is;
- the digest has not already said the full name.

Every word added comes from the article, and only names are added: no fact the article lacks.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Digest
from .ear.grammar import _CALENDAR

_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Mister|Missus|Doctor|Professor)\.?"
_SAYING = r"(?:said|says|told|added|explained|argued|warned|noted|wrote|insisted|asked|believes|thinks)"
_SURNAME = r"(?:(?:al|el|van|von|de|du|le|la)[- ])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
# A surname as a person: after an honorific, speaking, spoken of ("said Azzouz"), a sentence's subject,
# or bare (checked against the article); not after another capitalized word.
_REFERENCE = re.compile(
    rf"\b{_HONORIFIC}\s+(?P<honoured>{_SURNAME})\b"
    rf"|(?<![\w-])(?P<speaker>{_SURNAME})(?=,?\s{_SAYING}\b)"
    rf"|(?<=\bsaid\s)(?P<said>{_SURNAME})\b(?!\s[A-Z])"
    rf"|^(?P<subject>{_SURNAME})(?=\s(?:was|is|has|had|did|does|will|would|could|can)\b)"
    rf"|(?<![\w-])(?P<bare>{_SURNAME})\b(?!\s[A-Z])"
)
# First words of a capitalized pair that are not given names ("New York", "The Fed", "Prime Minister").
_NOT_GIVEN = frozenset("""a an the this that these those his her its their our my your and but or of in on at to for by
with from as if when while after before since new old north south east west northern southern eastern western
big great little royal united central national federal state city county prime minister president senator
sen rep gov governor judge chief general gen secretary chairman chairwoman chancellor king queen prince princess
lord lady sir saint st mr mrs ms miss dr prof mister missus doctor professor pope bishop father sister brother
uncle aunt coach captain officer agent detective sergeant lieutenant colonel major admiral ambassador
spokesman spokeswoman spokesperson analyst economist boss director editor executive founder leader manager
official premier striker midfielder defender goalkeeper star veteran rookie chef owner partner
yesterday today tomorrow last next then now although though both either
neither because unless until once whether also even yet still only just meanwhile however instead indeed
perhaps maybe here there where what who why how all some many most several every each no not group bank
company corporation corp inc fund holdings capital partners motors airlines airways international media news
energy oil gas steel foods stores networks systems technologies labs league club united city university college
school hospital church party council court house committee agency""".split()) | _CALENDAR
# Nationalities and peoples before a name ("Canadian Eugenie Bouchard", "French striker ..."): those in
# "-ese" and "-ish" by their ending (no given name ends so), the others listed.
_NATIONALITY = re.compile(r"(?:ese|ish)$|^(?:american|canadian|mexican|brazilian|argentine|argentinian|chilean|"
                          r"colombian|peruvian|venezuelan|cuban|australian|indian|pakistani|afghan|iranian|iraqi|"
                          r"israeli|palestinian|saudi|syrian|egyptian|libyan|tunisian|moroccan|algerian|nigerian|"
                          r"kenyan|ethiopian|ghanaian|african|european|asian|russian|ukrainian|belarusian|georgian|"
                          r"armenian|german|french|dutch|belgian|swiss|austrian|italian|greek|czech|slovak|hungarian|"
                          r"romanian|bulgarian|serbian|croatian|bosnian|albanian|norwegian|korean|thai|vietnamese|"
                          r"filipino|indonesian|malaysian|singaporean|kiwi|welsh|scots|english|emirati|qatari|"
                          r"kuwaiti|yemeni|lebanese|jordanian|nepali|bangladeshi|sri)$")
_WORDS_OF_A_NAME = 3
_NOT_A_SURNAME = frozenset("today yesterday tomorrow it he she they we".split()) | _CALENDAR


# Where the article shows a full name (here "\0") is a person's: speaking, or with an age or a degree.
_PERSON = re.compile(rf"\b{_SAYING}\s\0|\baccording to\s\0|\0,?\s{_SAYING}\b|\0,\s(?:\d{{1,3}}|MD|PhD|Dr)\b")


def _known_person(article: str, surname: str) -> bool:
    """Whether the article calls `surname` a person: with an honorific ("Mr Barnett"), or speaking
    ("Barnett said", "said Michael Barnett")."""
    name = re.escape(surname)
    return bool(re.search(rf"\b{_HONORIFIC}\s{name}\b|\b{name},?\s{_SAYING}\b|\b{_SAYING}\s(?:[A-Z][a-z]+\s)?{name}\b",
                          article))


def _full_names(text: str, surname: str) -> set[str]:
    """The full names the article gives a surname: one to three given names before it."""
    given = r"[A-Z][a-z]+|[A-Z]\."
    pattern = re.compile(rf"(?<![\w.-])((?:[A-Z][a-z]+\s)(?:(?:{given})\s){{0,{_WORDS_OF_A_NAME - 1}}})"
                         rf"((?:al-|el-)?){re.escape(surname)}\b")
    names = set()
    for match in pattern.finditer(text):
        words = match.group(1).split()
        titles = [i for i, word in enumerate(words)
                  if word.lower().strip(".") in _NOT_GIVEN or _NATIONALITY.search(word.lower())]
        if titles:  # "President Omar Hassan", "in Canada President Barack": the names after the title
            words = words[titles[-1] + 1:]
        if words and words[0][1:2].islower():  # a name opens with a given name, not an initial
            names.add(" ".join([*words, match.group(2) + surname]))
    return names


def introduce_people(digest: Digest) -> Digest:
    """The digest with each person's first bare surname said as the article's full name."""
    if not digest.article.language.lower().startswith("en"):
        return digest
    article = " ".join(p for section in digest.article.sections for p in section.paragraphs)
    said: list[str] = []
    done: set[str] = set()
    sections = []
    for section in digest.sections:
        sentences = []
        for sentence in section.sentences:
            sentences.append(_introduced(sentence, article, " ".join(said), done))
            said.append(sentences[-1])
        sections.append(replace(section, sentences=tuple(sentences)))
    return replace(digest, sections=tuple(sections))


def _introduced(sentence: str, article: str, before: str, done: set[str]) -> str:
    def named(match: re.Match) -> str:
        surname = (match.group("honoured") or match.group("speaker") or match.group("said") or match.group("subject")
                   or match.group("bare"))
        if match.group("bare"):
            previous = sentence[:match.start()].split()[-1:]
            if not previous or previous[0][:1].isupper() or previous[0].lower() in _NOT_GIVEN \
                    or sentence[match.start() - 1:match.start()] in "\"'“‘" or not _known_person(article, surname):
                return match.group(0)  # any other capitalized word ("the Church", a show's "Hannity"): a person
                # only when the article shows one
        if surname.lower() in _NOT_A_SURNAME:
            return match.group(0)  # "said Sunday", "Reuters said"
        if match.group("speaker"):
            previous = sentence[:match.start()].split()[-1:]
            if previous and previous[0][:1].isupper():
                return match.group(0)  # "Whole Foods said": part of a longer name
        if surname in done:
            return match.group(0)
        done.add(surname)  # only the first reference is a first reference, whatever happens to it
        names = _full_names(article, surname)
        if len(names) != 1:
            return match.group(0)
        full = names.pop()
        if full in before or full in sentence:
            return match.group(0)
        if (match.group("subject") or match.group("bare")) and not _PERSON.search(article.replace(full, "\0")):
            return match.group(0)  # "Argentina has ...": a subject is a person only when the article says so
        return full

    return _REFERENCE.sub(named, sentence)
