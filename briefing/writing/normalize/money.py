"""Money: "$20.5" is "twenty dollars and fifty cents", "US$171 million" "one hundred and seventy-one
million U S dollars", "£600m" "six hundred million pounds", "€1.13bn" "one point one three billion
euros", "50.50 euros" "fifty euros and fifty cents".

The currency is said after the amount, as people say it; cents (pence) are kept; a scale ("m", "bn",
"million") goes between the amount and the currency. A currency may be prefixed (US$, A$, HK$, €, £,
¥, ₹, ₩, R$, "USD ") or suffixed to the number ("50p", "30 USD").
"""

from __future__ import annotations

import re

from . import numbers
from .attributive import attributive

CLASS = "money"
PRIORITY = 60

# symbol: (singular, plural, minor singular, minor plural)
CURRENCIES = {
    "$": ("dollar", "dollars", "cent", "cents"),
    "US$": ("U S dollar", "U S dollars", "cent", "cents"),
    "A$": ("Australian dollar", "Australian dollars", "cent", "cents"),
    "AU$": ("Australian dollar", "Australian dollars", "cent", "cents"),
    "C$": ("Canadian dollar", "Canadian dollars", "cent", "cents"),
    "CA$": ("Canadian dollar", "Canadian dollars", "cent", "cents"),
    "HK$": ("Hong Kong dollar", "Hong Kong dollars", "cent", "cents"),
    "NZ$": ("New Zealand dollar", "New Zealand dollars", "cent", "cents"),
    "S$": ("Singapore dollar", "Singapore dollars", "cent", "cents"),
    "R$": ("real", "reais", "centavo", "centavos"),
    "€": ("euro", "euros", "cent", "cents"),
    "£": ("pound", "pounds", "penny", "pence"),
    "¥": ("yen", "yen", "", ""),
    "₹": ("rupee", "rupees", "paisa", "paise"),
    "Rs": ("rupee", "rupees", "paisa", "paise"),
    "₩": ("won", "won", "", ""),
    "₽": ("rouble", "roubles", "kopek", "kopeks"),
    "₺": ("lira", "lira", "kurus", "kurus"),
    "CHF": ("Swiss franc", "Swiss francs", "centime", "centimes"),
    "USD": ("U S dollar", "U S dollars", "cent", "cents"),
    "EUR": ("euro", "euros", "cent", "cents"),
    "GBP": ("pound", "pounds", "penny", "pence"),
    "JPY": ("yen", "yen", "", ""),
    "CNY": ("yuan", "yuan", "", ""),
    "INR": ("rupee", "rupees", "paisa", "paise"),
    "AUD": ("Australian dollar", "Australian dollars", "cent", "cents"),
    "CAD": ("Canadian dollar", "Canadian dollars", "cent", "cents"),
}
SCALES = {"bn": "billion", "b": "billion", "tn": "trillion", "trn": "trillion", "t": "trillion", "m": "million",
          "mn": "million", "mln": "million", "k": "thousand", "billion": "billion", "million": "million",
          "trillion": "trillion", "thousand": "thousand"}

_SYMBOLS = "|".join(re.escape(s) for s in sorted(CURRENCIES, key=len, reverse=True))
_AMOUNT = r"(?P<whole>\d{1,3}(?:,\d{3})+|\d+)?(?:\.(?P<cents>\d+))?"
# A scale word or letter, alone: "$5m", "¥30 b", but not the "T" of "$20 T-shirts". A hyphen may follow
# a scale glued to the amount: "$1.2bn-worth", "$779m-798m" (a range).
_SCALE = r"(?:\s?(?:(?P<scale>bn|trn|tn|mn|mln|billion|million|trillion|thousand)|(?P<letter>[bmkt]))(?!\w)" \
         r"(?!(?<=\s[bmkt])-))?"
# "$16-something a pound": the currency goes after the rough amount ("sixteen-something dollars").
_ROUGHLY = r"(?:-(?P<rough>something|odd|plus|ish)\b)?"
_PREFIXED = re.compile(
    rf"(?<![\w$])(?P<neg>[-−])?(?P<cur>{_SYMBOLS})\s?(?P<neg2>[-−])?(?=\.?\d){_AMOUNT}{_SCALE}{_ROUGHLY}",
    re.IGNORECASE)
_SUFFIXED = re.compile(
    rf"(?<![\w.,]){_AMOUNT}{_SCALE}\s?(?P<cur>USD|EUR|GBP|JPY|CNY|INR|AUD|CAD|CHF|p)\b(?!'|-(?!\d))")
# "50.50 euros": an amount with cents before the currency's name is money too ("fifty euros and fifty cents");
# "pounds" is left out (a weight), and an amount without cents is a number before a word, as written.
_NAMED = re.compile(r"(?<![\w.,])(?P<whole>\d{1,3}(?:,\d{3})*|\d+)\.(?P<cents>\d{2})\s(?P<cur>euros|dollars)\b")
_NAMES = {"euros": "€", "dollars": "$"}
_CASE = {s.upper(): s for s in CURRENCIES}
_RESOLUTIONS = frozenset("144 240 360 480 576 720 1080 1440 2160 4320".split())  # "1080p" is no price


def tag(text, context):
    yield from _named(text)
    for pattern in (_PREFIXED, _SUFFIXED):
        for m in pattern.finditer(text):
            if not (m.group("whole") or m.group("cents")):
                continue
            cur = m.group("cur")
            if cur == "p":  # "50p", "293.5p", "1130p"; "1080p" is a video resolution, not pence
                if m.group("scale") or m.group("letter") or not m.group("whole") or len(m.group("whole")) > 5 \
                        or m.group("whole").replace(",", "") in _RESOLUTIONS and not m.group("cents"):
                    continue
                symbol = "£p"
            else:
                symbol = _CASE.get(cur.upper(), cur)
                if symbol.isalpha() and cur != symbol:
                    continue  # "usd" or "rs" in lower case is a word, not a currency
            scale = (m.group("scale") or m.group("letter") or "").lower()
            yield m.start(), m.end(), {
                "currency": symbol, "whole": (m.group("whole") or "").replace(",", ""), "cents": m.group("cents") or "",
                "scale": SCALES.get(scale, ""),
                "negative": bool(m.groupdict().get("neg") or m.groupdict().get("neg2")),
                "before_noun": attributive(text, m.start(), m.end()),
                "rough": m.groupdict().get("rough") or "",
            }


def _named(text):
    for m in _NAMED.finditer(text):
        yield m.start(), m.end(), {"currency": _NAMES[m.group("cur")], "whole": m.group("whole").replace(",", ""),
                                   "cents": m.group("cents"), "scale": "", "negative": False, "before_noun": False,
                                   "rough": ""}


def verbalize(fields: dict) -> str:
    if fields["currency"] == "£p":
        if fields["cents"]:  # a share price: "293.5p" is "two hundred and ninety-three point five pence"
            return f"{numbers.decimal(fields['whole'], fields['cents'])} pence"
        return f"{numbers.cardinal(fields['whole'])} {'penny' if fields['whole'] == '1' else 'pence'}"
    one, many, minor_one, minor_many = CURRENCIES[fields["currency"]]
    whole, cents, scale = fields["whole"], fields["cents"], fields["scale"]
    sign = "minus " if fields["negative"] else ""
    if fields.get("before_noun") and (fields["scale"] or not fields["cents"].strip("0")):  # not "$5.50"
        many = one  # "a three hundred million dollar deal"
    if fields.get("rough"):
        return f"{sign}{amount(fields)}-{fields['rough']} {many}"
    if scale:
        return f"{sign}{numbers.decimal(whole, cents) if cents else numbers.cardinal(whole)} {scale} {many}"
    significant = cents.rstrip("0")
    if len(significant) > 2 or (cents and not minor_many):
        if not significant:
            cents = ""
        said = numbers.decimal(whole, cents) if cents else numbers.cardinal(whole or "0")
        return f"{sign}{said} {many}"
    minor = int((significant + "00")[:2]) if significant else 0
    parts = []
    if whole.strip("0") or not minor:
        parts.append(f"{numbers.cardinal(whole or '0')} {one if numbers.is_one(whole) else many}")
    if minor:
        parts.append(f"{numbers.cardinal(str(minor))} {minor_one if minor == 1 else minor_many}")
    return sign + " and ".join(parts)


def amount(fields: dict) -> str:
    """The amount alone, without its currency: "$1.2bn" is "one point two billion"."""
    whole, cents, scale = fields["whole"], fields["cents"], fields["scale"]
    said = numbers.decimal(whole, cents) if cents.strip("0") else numbers.cardinal(whole or "0")
    return f"{said} {scale}" if scale else said


def range_words(left: dict, right: dict) -> str | None:
    """A range whose currency is written once: "$779m-798m" is "seven hundred and seventy-nine to seven
    hundred and ninety-eight million dollars", "$10-25m" "ten to twenty-five million dollars", "$2-$3.8
    trillion" "two to three point eight trillion dollars": the currency (and a shared scale) said once, at
    the end. `right` is the money fields of the upper end (its currency the lower end's). None when the
    lower end is an amount of its own ("$4.17-4.50": four dollars and seventeen cents)."""
    if left["currency"] != right["currency"] or left["currency"] == "£p" or left.get("rough") \
            or left["cents"].strip("0") and not right["scale"] or left["scale"] and left["scale"] != right["scale"]:
        return None
    lower = dict(left, scale="")  # "£1.5-2bn": the scale of the upper end is the lower one's too
    return f"{'minus ' if left['negative'] else ''}{amount(lower)} to {verbalize(dict(right, before_noun=False))}"
