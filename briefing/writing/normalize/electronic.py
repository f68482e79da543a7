"""Electronic: a web address is said as its site ("https://www.bbc.co.uk/news/123" is "bbc dot co dot uk"),
an email as "press at harbor dot org", a handle "@BBCBreaking" as "at B B C Breaking", a hashtag
"#MeToo" as "hashtag Me Too". The scheme and "www" are never said; a short, wordy path ("/jobs") is.
"""

from __future__ import annotations

import re

from . import numbers

CLASS = "electronic"
PRIORITY = 90

_TLDS = "com|org|net|edu|gov|io|co|uk|us|eu|de|fr|info|biz|news|int|ca|au|ie|nz|in|ly|me|tv|ai|app|dev"
_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)]"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:" + _TLDS + r")\b(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)])?(?![\w@.]\w)",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+\b", re.IGNORECASE)
# A domain or a file type by its ending: ".com", ".png files", "the . post domain" (a space after the dot).
_ENDING = re.compile(r"(?:(?<=[\s(\"'])|^)\. ?(?P<ending>com|org|net|edu|gov|uk|eu|fr|de|cn|jp|au|biz|info|tv|mobi|asia|jobs|"
                     r"travel|post|museum|aero|coop|pro|name|png|jpe?g|gif|pdf|docx?|mp3|exe|zip|html?)\b(?![.\w]\w)",
                     re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@.])(?P<mark>[@#])(?P<name>[A-Za-z_][A-Za-z0-9_]{1,30})\b")


def tag(text, context):
    for m in _EMAIL.finditer(text):
        yield m.start(), m.end(), {"email": m.group(0)}
    for m in _URL.finditer(text):
        yield m.start(), m.end(), {"url": m.group(0)}
    for m in _HANDLE.finditer(text):
        yield m.start(), m.end(), {"mark": m.group("mark"), "name": m.group("name")}
    for m in _ENDING.finditer(text):
        if m.group(0)[1] != " " or m.group("ending").islower():  # ". Post": a stray stop before a sentence
            yield m.start(), m.end(), {"ending": m.group("ending")}


def say_part(part: str) -> str:
    """"bbc" stays a word; digits inside are numbers ("test2" is "test two"); "_" is "underscore"."""
    pieces = re.findall(r"[A-Za-z]+|\d+|_|-", part)
    words = {"_": "underscore", "-": "dash"}
    return " ".join(words.get(p) or (say_number(p) if p.isdigit() else p) for p in pieces)


def say_number(digits: str) -> str:
    """In an address a short number is a number ("test2"), a longer one its digits ("asdf123")."""
    return numbers.cardinal(digits) if len(digits) <= 2 else numbers.digits(digits)


def say_dotted(name: str) -> str:
    return " dot ".join(say_part(part) for part in name.split(".") if part)


def split_words(name: str) -> str:
    """"MeToo" is "Me Too", "BBCBreaking" "BBC Breaking", "covid_19" "covid 19"."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])|_",
                    " ", name)
    from .letters import say_caps

    return " ".join(numbers.cardinal(w) if w.isdigit() else say_caps(w) if len(w) > 1 and w.isupper() else w
                    for w in spaced.split())


def verbalize(fields: dict) -> str:
    if "ending" in fields:
        ending = fields["ending"].lower()
        return "dot " + (ending if len(ending) > 3 or ending in ("com", "org", "net", "gov", "edu", "biz", "pro")
                         else " ".join(ending.upper()))
    if "email" in fields:
        user, domain = fields["email"].split("@", 1)
        return f"{say_dotted(user)} at {say_dotted(domain.lower())}"
    if "url" in fields:
        url = re.sub(r"^(?:https?://)?(?:www\.)?", "", fields["url"], flags=re.IGNORECASE)
        host, _, path = url.partition("/")
        if host.lower() == "dot.com":  # "dot.com survivors": the word for the firms, not an address
            return "dot com"
        said = say_dotted(host.lower().split(":")[0])
        path = path.strip("/")
        if path and len(path) <= 20 and re.fullmatch(r"[a-z]+(?:/[a-z]+)?", path, re.IGNORECASE):
            said += " slash " + " slash ".join(path.split("/"))
        return said
    return ("at " if fields["mark"] == "@" else "hashtag ") + split_words(fields["name"])
