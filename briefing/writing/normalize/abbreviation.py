"""Abbreviations: "Dr. Ada Chen" is "Doctor Ada Chen", "Gov." "Governor", "St. Paul's" "Saint Paul's" but
"Baker St." "Baker Street", "Mt Everest" "Mount Everest", "No. 10" "number ten", "#1" "number one",
"e.g." "for example", "Jan." "January". A title is expanded only before a capitalized name.
"""

from __future__ import annotations

import re

CLASS = "abbreviation"
PRIORITY = 80

TITLES = {
    "Dr": "Doctor", "Mr": "Mister", "Mrs": "Missus", "Ms": "Miz", "Prof": "Professor", "Gen": "General",
    "Lt": "Lieutenant", "Col": "Colonel", "Capt": "Captain", "Sgt": "Sergeant", "Maj": "Major", "Adm": "Admiral",
    "Gov": "Governor", "Sen": "Senator", "Rep": "Representative", "Rev": "Reverend", "Pres": "President",
    "Insp": "Inspector", "Supt": "Superintendent", "Cllr": "Councillor", "Fr": "Father", "Mt": "Mount",
    "Ft": "Fort", "Pt": "Point", "Cmdr": "Commander", "Cpl": "Corporal", "Pvt": "Private", "Det": "Detective",
    "Atty": "Attorney", "Sec": "Secretary", "Amb": "Ambassador", "Hon": "Honourable",
    "Sens": "Senators", "Reps": "Representatives", "Govs": "Governors",
}
AFTER_NAME = {"St": "Street", "Ave": "Avenue", "Rd": "Road", "Blvd": "Boulevard", "Ln": "Lane", "Sq": "Square",
              "Hwy": "Highway", "Pl": "Place", "Ct": "Court", "Dr": "Drive", "Jr": "Junior", "Sr": "Senior",
              "Bros": "Brothers", "Ltd": "Limited", "Cres": "Crescent", "Expy": "Expressway"}
PHRASES = {"e.g.": "for example", "i.e.": "that is", "etc.": "et cetera", "vs.": "versus", "vs": "versus",
           "v.": "versus", "approx.": "approximately", "est.": "established", "Dept.": "Department",
           "Univ.": "University", "Govt": "Government", "Gov't": "Government", "govt": "government"}
MONTHS = {"Jan": "January", "Feb": "February", "Mar": "March", "Apr": "April", "Jun": "June", "Jul": "July",
          "Aug": "August", "Sep": "September", "Sept": "September", "Oct": "October", "Nov": "November",
          "Dec": "December", "Mon": "Monday", "Tue": "Tuesday", "Tues": "Tuesday", "Wed": "Wednesday",
          "Thu": "Thursday", "Thur": "Thursday", "Thurs": "Thursday", "Fri": "Friday", "Sat": "Saturday",
          "Sun": "Sunday"}

_TITLE = re.compile(r"(?<![\w.])(?P<word>" + "|".join(TITLES) + r")\.?(?=\s+(?:[A-Z]|St\b))")
_AFTER = re.compile(r"(?<=[A-Za-z0-9] )(?P<word>" + "|".join(AFTER_NAME) + r")(?P<dot>\.)?(?![\w'’])")
_SAINT = re.compile(r"(?<![\w.])St(?P<dot>\.)?(?=\s+[A-Z])")
_NUMBER = re.compile(r"(?<![\w.])(?:No|Nos|no)\.\s?(?=\d)|(?<![\w.])No\s?(?=\d{1,3}(?![\d,.]\d|\w))|(?<![\w#])#(?=\d)")
_PHRASE = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(p) for p in sorted(PHRASES, key=len, reverse=True))
                     + r")(?!\w)")
_VERSUS = re.compile(r"(?<=[a-z] )v(?= [A-Z][a-z])")
_MONTH = re.compile(r"(?<![\w.])(?P<word>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.(?=\s)")


def tag(text, context):
    for m in _TITLE.finditer(text):
        word = m.group("word")
        if word == "Mt" and not m.group(0).endswith(".") and re.match(r"\s+[A-Z]", text[m.end():]) is None:
            continue
        yield m.start(), m.end(), {"said": TITLES[word]}
    for m in _SAINT.finditer(text):
        # "Paris St Germain", "St. Paul's"; but "Baker St. Then..." is a street ending a sentence.
        if not (m.group("dot") and re.search(r"\b[A-Z][a-z]+\s$", text[max(0, m.start() - 30):m.start()])):
            yield m.start(), m.end(), {"said": "Saint"}
    for m in _AFTER.finditer(text):
        word, stop = m.group("word"), m.group("dot")
        before = text[:m.start()].rstrip()
        if not re.search(r"(?:\b[A-Z][a-z]+|\d\w*)$", before):
            continue
        if word == "St" and not stop and re.match(r"\s+[A-Z]", text[m.end():]):
            continue  # "Paris St Germain": the Saint before a name
        if word in ("Dr", "Ct", "Pl", "Sq") and not stop and not re.search(r"\d", before[-30:]):
            continue
        # "Baker St. It was..." the full stop ends the sentence too: keep it.
        keep = bool(stop) and (m.end() == len(text.rstrip()) or re.match(r"\s+[A-Z]", text[m.end():]))
        yield m.start(), m.end(), {"said": AFTER_NAME[word] + ("." if keep else "")}
    for m in _NUMBER.finditer(text):
        sentence_start = m.start() == 0 or re.search(r"[.!?]\s+$", text[:m.start()])
        yield m.start(), m.end(), {"said": "Number" if sentence_start else "number"}
    for m in _PHRASE.finditer(text):
        said = PHRASES[m.group(0)]
        if m.group(0).endswith(".") and m.end() == len(text.rstrip()):
            said += "."
        yield m.start(), m.end(), {"said": said}
    for m in _VERSUS.finditer(text):  # "Wales v England"
        yield m.start(), m.end(), {"said": "versus"}
    for m in _MONTH.finditer(text):
        yield m.start(), m.end(), {"said": MONTHS[m.group("word")]}


def verbalize(fields: dict) -> str:
    return fields["said"]
