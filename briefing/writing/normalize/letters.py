"""Letters: words in capitals and words of letters and digits, said as people say them.

"CO2" is "C O two", "H2O" "H two O", "G7" "G seven", "COVID-19" "COVID nineteen", "F-35" "F thirty-five",
"4K" "four K", "1080p" "ten eighty p", "PS4" "P S four", "A320" "A three twenty", "Boeing 747" "Boeing
seven forty-seven", "Nokia 6600" "Nokia sixty-six hundred". A real acronym is spelled ("BBC" is "B B C", "U.S." "U S"), one said as a word
stays as written ("NATO"), and a word or a headline in capitals is read as words: "HOPE AND LOSS" is
"Hope And Loss", "By EARYEL BOWLEG" "By Earyel Bowleg", "SEOUL" "Seoul".
"""

from __future__ import annotations

import re

from . import numbers, ordinal
from .cardinal import SCALES
from .measure import UNITS

CLASS = "letters"
PRIORITY = -10

# Said as a word, not letter by letter.
PRONOUNCED = frozenset(
    "NATO NASA UNESCO UNICEF OPEC AIDS COVID FIFA UEFA NAFTA ASEAN OFCOM OFGEM SARS MERS LASER RADAR SCUBA "
    "ISIS ISIL IKEA FTSE NASDAQ GIF JPEG PIN ASAP CAPTCHA EFTA INTERPOL EUROPOL OPEX CAPEX FEMA NIMBY OFSTED "
    "BAFTA ECOWAS AUKUS MERCOSUR CERN ICANN SWIFT TASS ACAS NICE SAGE DEFRA OFWAT MIT ASCII HIPAA MPEG "
    "NVIDIA HAWAII SKIING".split()) - {"MIT"}
# Said as a word, but not as spelled.
RESPELLED = {"FTSE": "Footsie", "HAWAII": "Hawaii", "SKIING": "Skiing"}
# Spelled, even where they look like words ("US", "IT", "WHO") or could be said ("OECD").
ACRONYMS = frozenset(
    "US UK EU UN USA UAE USSR FBI CIA NSA BBC CNN ABC CBS NBC ITV NHS CEO CFO COO CTO MP MPs MEP AI IT IQ TV PC "
    "GDP IMF WHO WTO OECD OSCE IAEA AARP AFP AP UPI DNA RNA HIV NGO NGOs ID IDs ICU IVF GP GPs PM DJ UFO SUV EV EVs "
    "CCTV LGBT LGBTQ NFL NBA MLB NHL PGA FA ECB IMF IPO ETF VAT IRS SEC FTC FCC FDA CDC EPA DOJ DHS ICE TSA MOD RAF "
    "SNP DUP ANC IRA PLO IDF KGB FSB GCHQ MI5 MI6 NYPD LAPD ACLU NAACP UNHCR UNRWA USAID OBR ONS CPI RPI BOE TUC "
    "CBI IOC ICC ICJ PSG AC IS EY PwC KPMG HSBC RBS BP BT GE GM IBM HP LG AMD ARM ATM SMS USB PDF HTML URL VPN "
    "API CPU GPU RAM SSD PR HR QC KC OBE MBE CBE PhD MBA BA BSc MSc LLB ASEAN".split()) - {"ASEAN"}

_VOWELS = set("AEIOUY")
# Two consonants an English word can begin with ("BLOC", "STRONG"); "RFID", "MPAA", "QGIS" cannot be read so.
_ONSETS = frozenset("BL BR CH CL CR DR DW FL FR GL GR KL KN KR PH PL PR SC SH SK SL SM SN SP ST SW TH TR TW WH WR "
                    "SQ TS CHR PHR SCH SCR SHR SPL SPR STR THR".split())
_ENDINGS = ("ST SS LL RD ND NT RT RS NS TS CK NG SH CH TH LD RN RK RM LT PT CT FT MP NK LK RL GHT NDS NTS RDS "
            "RTS LLS SKS NGS RST NCH RCH TCH LLY GH").split()


def pronounceable(word: str) -> bool:
    """Whether a word in capitals can be read as a word ("SEOUL", "HOPE", "BOWLEG") rather than spelled
    ("HMRC", "OECD", "AARP"): long enough, vowels in it, no cluster of consonants English words lack."""
    if len(word) < 4 or not _VOWELS & set(word):
        return False
    if word[0] in _VOWELS and word[1] in _VOWELS and word[:2] not in ("OU", "EA", "AU", "AI", "OI"):
        return False
    runs = re.findall(r"[^AEIOUY]+", word)
    if any(len(run) > 3 for run in runs):
        return False
    lead = re.match(r"[^AEIOUY]*", word).group(0)
    if len(lead) > 1 and lead not in _ONSETS or "AA" in word or "II" in word or re.search(r"Q(?!U)", word):
        return False  # "RFID", "MPAA", "IDII", "QGIS": no English word begins so, doubles A or I, or has Q without U
    # Three consonants inside a word end one syllable and begin the next: "NGT" in "WASHINGTON" (NG + T),
    # "NDR" in "HUNDRED" (N + DR); "SPT" in "USPTO" is neither.
    for run in re.findall(r"(?<=[AEIOUY])[^AEIOUY]{3}(?=[AEIOUY])", word):
        if run[1:] not in _ONSETS and run[:2] not in _ENDINGS:
            return False
    tail = re.search(r"[^AEIOUY]*$", word).group(0)
    if tail.endswith("S") and len(tail) >= 2:  # a plural: "RIGS", "BANKS"
        tail = tail[:-1]
    # Two consonants end a word when the first is a liquid or nasal ("MALCOLM", "FILM") or they are
    # one doubled ("ELLIOTT"); other pairs only as English has them ("CK", "GHT", "ST").
    return len(tail) < 2 or tail in _ENDINGS or (len(tail) == 2 and (tail[0] in "LRNM" or tail[0] == tail[1]))


def spelled(letters: str) -> str:
    """"BBC" is "B B C"; "R and D" keeps its word."""
    return " ".join(letters) if " " not in letters else " ".join(
        w if len(w) > 1 and w.islower() else " ".join(w) for w in letters.split())


def say_caps(word: str, *, phrase: bool = False) -> str:
    """One word in capitals: spelled, kept as a word, or case-folded."""
    core, plural = word, ""
    if re.fullmatch(r"[A-Z]{2,}['’]S", word):  # "IT'S", "BBC'S": the possessive or "is" in capitals
        word = word[:-1] + "s"
        if word[:2] == "IT":
            return "It's"
    if re.fullmatch(r"[A-Z]{2,}(?:s|'s|’s)", word):
        core, plural = re.match(r"([A-Z]+)(.*)", word).groups()
    if (core in ACRONYMS or word in ACRONYMS) and not (phrase and word == "IT"):
        return spelled(word if word in ACRONYMS and word.isupper() else core) + ("'s" if plural else "")
    if core in PRONOUNCED:  # as written: voices know them in capitals (hibari's lexicon has "NATO", "UEFA")
        return RESPELLED.get(core, core) + plural
    if core in FUNCTION_WORDS:  # "AS Opposition Leader...": a paragraph opening in capitals
        return word.capitalize()
    if phrase or pronounceable(core):
        return word.capitalize() if not plural else core.capitalize() + plural
    return spelled(core) + ("'s" if plural else "")


# A word of letters and digits (with hyphens): "CO2", "COVID-19", "F-35", "5G", "1080p", "5-year-old".
_ALNUM = re.compile(r"(?<![\w.,$£€¥₹-])(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z\d]+(?:-[A-Za-z\d]+)*(?![\w-]|[.,]\d)")
_AIRCRAFT = re.compile(r"\b(?P<maker>Boeing |Airbus A)(?P<model>\d{3})\b"
                       r"|\b(?P<model2>7[0-8]7)(?=s?\s+(?:Max|MAX|Dreamliner|jets?|planes?|aircraft|jumbo|airliners?))"
                       # a Boeing's variant: "777-200LR", "737-800", "747-8"
                       r"|(?<![\w.,-])(?P<model3>7[0-8]7)-(?P<variant>[1-9]00|10|[1-9])(?P<suffix>[A-Z]{1,3})?(?![\w-]|[.,]\d)")
# A model number after its maker or line, said in pairs as people say it: "Nokia 6600" "sixty-six
# hundred", "GTX 1080" "ten eighty", "Core i7 4790K" "forty-seven ninety K" (not "six thousand six hundred").
_MODEL = re.compile(r"(?<![\w.'’-])(?P<name>[A-Z][A-Za-z]+|[A-Za-z]{1,3}\d{1,2}) (?P<model>[1-9]\d{3})"
                    r"(?P<suffix>[A-Za-z]{1,2})?(?![\w'’-]|[.,]\d)")
# Capitalized words that come before a count or a year, not a model: "About 2500 people", "In 1850".
_NOT_MAKERS = frozenset(
    "The A An In On At Of For By To From And But Or As Since Until Till About Some Around Only Over Under "
    "Between With Without Than Its Their His Her Our This That These Those Nearly Almost Roughly Just "
    "Approximately All Each Every Before After During Circa Page Pages Room Rooms Route Flight Year "
    "Years Chapter Section Article Number No Nos Figure Table Mr Mrs Ms Dr Jan Feb Mar Apr Jun Jul Aug Sep "
    "Sept Oct Nov Dec January February March April May June July August September October November "
    "December Monday Tuesday Wednesday Thursday Friday Saturday Sunday AD BC BCE CE".split())
# "6600s" (a plural), "4790K", "2600XT": letters a model number ends with
_MODEL_SUFFIXES = frozenset("S K X XT GT HD T U M H".split()) | {""}
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}(?![A-Za-z])")
_PLAN = re.compile(r"(?<![\w.])(?P<digits>\d{3})\((?P<letter>[a-z])\)")  # a 401(k) plan
_AMPERSAND = re.compile(r"(?<![\w&])[A-Z]{1,3}(?:&| & )[A-Z]{1,3}(?![\w&])")  # AT&T, R&D, M&S, "AT & T"
_CAPS = re.compile(r"(?<![\w.&])[A-Z][A-Z]+(?:s|['’][sS])?(?![\w'’&]|\.[A-Z])")
_SHOUTED = re.compile(r"(?<![\w'’])(?:[A-Z][A-Z'’.-]*[A-Z]|[AI])(?: +(?:[A-Z][A-Z'’.-]*[A-Z]|[AI]))+(?![\w'’])")
# Short words a headline in capitals is made of; with them a run of capitals is a phrase, not acronyms.
FUNCTION_WORDS = frozenset("A I AND THE OF IN ON TO FOR BY WITH AT AS IS ARE WAS BE NEW HOW WHY WHAT WHO NOT NO "
                           "OUR YOUR HIS HER ITS THEY WE YOU OUT OFF UP DAY MAN WAR LAW IF SO BUT OR ALL ONE TWO NOW "
                           "THIS THAT FROM WILL CAN HAS HAD HAVE MORE BIG TOP GET SAY SAYS OLD YEAR TIME WAY LIVE "
                           "WATCH READ HE SHE HIM THEM THAN THEN WHEN WHERE OVER AFTER".split())


def tag(text, context):
    for m in _ALNUM.finditer(text):
        if "-" in m.group(0) and all(part[0].isdigit() for part in m.group(0).split("-")):
            continue  # "1960s-80s", "5pm-7pm", "2-5lb": a range of the parts' own classes
        if re.fullmatch(r"No\d{1,3}", m.group(0)):
            continue  # "the world No1": a rank, said by the abbreviation's "number"
        yield m.start(), m.end(), {"alnum": m.group(0)}
    for m in _AIRCRAFT.finditer(text):
        yield m.start(), m.end(), {"maker": (m.group("maker") or "").strip(),
                                   "pairs": m.group("model") or m.group("model2") or m.group("model3"),
                                   "variant": m.group("variant") or "", "suffix": m.group("suffix") or "", "priority": 5}
    for m in _MODEL.finditer(text):
        suffix = m.group("suffix") or ""
        if m.group("name") not in _NOT_MAKERS and suffix.upper() in _MODEL_SUFFIXES:
            yield m.start("model"), m.end(), {"maker": "", "pairs": m.group("model"), "variant": "",
                                              "suffix": suffix, "priority": 5}
    for m in _PLAN.finditer(text):
        yield m.start(), m.end(), {"maker": say_digits_in_code(m.group("digits"), after_letters=True),
                                   "letter": m.group("letter").upper()}
    for m in _AMPERSAND.finditer(text):
        yield m.start(), m.end(), {"spell": m.group(0).replace(" & ", "&").replace("&", " and ")}
    for m in _DOTTED.finditer(text):
        yield m.start(), m.end(), {"spell": m.group(0).replace(".", "")}
    in_phrase = set()
    for m in _SHOUTED.finditer(text):
        words = re.findall(r"[A-Z][A-Z'’.-]*[A-Z]|\b[AI]\b", m.group(0))
        wordy = [w for w in words if w in FUNCTION_WORDS or (w not in ACRONYMS and pronounceable(w))]
        if len(words) >= 3 and wordy or len(words) == 2 and len(wordy) >= 1 and any(len(w) >= 4 for w in wordy):
            in_phrase.update(range(m.start(), m.end()))
    for m in _CAPS.finditer(text):
        # "IT was said that...": a paragraph's first word in capitals, the pronoun before its verb.
        pronoun = m.group(0) == "IT" and _VERB_AFTER_IT.match(text, m.end())
        yield m.start(), m.end(), {"caps": m.group(0), "phrase": m.start() in in_phrase or bool(pronoun)}


_VERB_AFTER_IT = re.compile(r"\s+(?:is|was|has|had|will|would|could|should|can|may|might|must|seems|seemed|"
                            r"took|takes|came|comes|began|begins|did|does)\b")


def say_digits_in_code(run: str, after_letters: bool) -> str:
    """"320" after letters is "three twenty", "1080" "ten eighty", "17" "seventeen"."""
    if len(run) <= 2 or (len(run) == 3 and not after_letters) or run[0] == "0":
        return numbers.cardinal(run) if run[0] != "0" or len(run) == 1 else numbers.digits(run, zero="oh")
    if len(run) == 3:
        rest = int(run[1:])
        tail = "hundred" if rest == 0 else f"oh {numbers.cardinal(str(rest))}" if rest < 10 else numbers.cardinal(run[1:])
        return f"{numbers.cardinal(run[0])} {tail}"
    if len(run) == 4:
        return numbers.year(run)
    return numbers.digits(run)


def say_code(code: str) -> str:
    """A word of letters and digits, run by run: "CO2" "C O two", "MH17" "M H seventeen", "4K" "four K"."""
    runs = re.findall(r"[A-Za-z]+|\d+", code)
    if len(runs) == 2 and runs[0].isdigit() and runs[1] in ("ers", "er"):  # "49ers", "76ers"
        number = numbers.cardinal(runs[0])
        return number + ("r" if number.endswith("e") else "er") + ("s" if runs[1] == "ers" else "")
    said = []
    for i, run in enumerate(runs):
        if run.isdigit():
            said.append(say_digits_in_code(run, after_letters=i > 0))
        elif len(run) == 1:
            said.append(run.upper() if not (run == "s" and i == len(runs) - 1) else "s")
        elif run.isupper():
            said.append(say_caps(run))
        elif run.islower() and not _VOWELS & set(run.upper()):
            said.append(spelled(run.upper()))
        elif re.fullmatch(r"[A-Z]{2,}[b-df-hj-np-tv-z]", run):  # "IPv6": capitals and a lower-case letter
            said.append(spelled(run.upper()))
        else:
            said.append(run)
    if len(runs) >= 2 and runs[-1] == "s" and said[-2:-1] and runs[-2].isdigit():
        said[-2:] = [numbers.plural(said[-2])]  # "737s" after a code: "seven thirty-sevens"
    return " ".join(said)


def verbalize(fields: dict) -> str:
    if "letter" in fields:
        return f"{fields['maker']} {fields['letter']}"
    if "pairs" in fields:
        variant = [numbers.cardinal(fields["variant"])] if fields.get("variant") else []
        said = say_digits_in_code(fields["pairs"], after_letters=True)
        if fields.get("suffix") == "s":  # "two Nokia 6600s": "sixty-six hundreds"
            return numbers.plural(said)
        return " ".join([fields["maker"], said, *variant,
                         *([spelled(fields["suffix"].upper())] if fields.get("suffix") else [])]).strip()
    if "spell" in fields:
        return spelled(fields["spell"])
    if "caps" in fields:
        return say_caps(fields["caps"], phrase=fields["phrase"])
    from . import normalize

    parts = fields["alnum"].split("-")
    said = []
    for i, part in enumerate(parts):
        if re.fullmatch(r"\d+(?:st|nd|rd|th)", part) and ordinal.suffix_fits(part[:-2], part[-2:]):
            said.append(numbers.ordinal(part[:-2]))  # "20th-century": "twentieth century"
        elif scaled := re.fullmatch(r"(\d+)(bn|tn|m)", part):  # "a 4bn-euro hole": "four billion euro"
            after = parts[i + 1] if i + 1 < len(parts) else ""
            metres = scaled.group(2) == "m" and after in ("tall", "high", "long", "wide", "deep", "thick")
            said.append(f"{numbers.cardinal(scaled.group(1))} {'metre' if metres else SCALES[scaled.group(2)]}")
        elif (measured := re.fullmatch(r"(\d+)([A-Za-z]{2,4})", part)) and measured.group(2) in UNITS \
                and len(parts) > 1:  # "a 5km-long road": "a five kilometre long road"
            said.append(f"{numbers.cardinal(measured.group(1))} {UNITS[measured.group(2)][0]}")
        elif re.search(r"\d", part) and re.search(r"[A-Za-z]", part):
            said.append(say_code(part))
        elif part.isdigit():
            said.append(numbers.cardinal(part) if len(part) <= 2 or len(parts) > 1 else say_digits_in_code(part, False))
        else:
            said.append(normalize(part))
    joiner = "-" if all(p.isalpha() for p in parts[1:]) and len(parts) > 1 and parts[0].isdigit() else " "
    return joiner.join(said)
