"""Times: "10:30pm" is "ten thirty p m", "1 a.m. ET" "one a m E T", "14:05" "fourteen oh five",
"9:00" "nine o'clock", "0800 GMT" "oh eight hundred G M T".
"""

from __future__ import annotations

import re

from . import numbers

CLASS = "time"
PRIORITY = 45

ZONES = ("ET EST EDT CT CST CDT MT MST MDT PT PST PDT GMT BST UTC CET CEST EET EEST WET JST KST IST HKT SGT AEST "
         "AEDT AWST NZST NZDT MSK").split()
# A zone in capitals, in lower case when it is three letters or more ("est"; "et" could be Latin),
# or with full stops ("e.s.t.").
_ZONE_NAMES = sorted(ZONES + [z.lower() for z in ZONES if len(z) >= 3]
                     + [r"\.".join(z) + r"\.?" for z in ZONES] + [r"\.".join(z.lower()) + r"\.?" for z in ZONES],
                     key=len, reverse=True)
_ZONE = r"(?:\s?\(?(?P<zone>" + "|".join(_ZONE_NAMES) + r")\)?(?![\w]))?"
_MERIDIEM = r"(?:\s?(?P<meridiem>[AaPp]\.?\s?[Mm]\b\.?))"
_CLOCK = re.compile(
    r"(?<![\w:.])(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?![\d]|[.:]\d)"
    + _MERIDIEM + "?" + _ZONE)
_HOUR = re.compile(r"(?<![\w:.])(?P<hour>1[0-2]|0?[1-9])" + _MERIDIEM + _ZONE)
_MILITARY = re.compile(r"(?<![\w:.])(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s?(?:hrs\b|hours\b|h\b)?"
                       r"(?:\s(?P<zone>GMT|UTC|BST|CET|EST|ET))(?!\w)")


def tag(text, context):
    for m in _CLOCK.finditer(text):
        if m.group(0)[len(m.group("hour"))] == "." and not m.group("meridiem"):
            continue  # "1.59" alone is a decimal; "1.59 p.m." is a time
        yield m.start(), m.end(), _fields(m, text)
    for m in _HOUR.finditer(text):
        yield m.start(), m.end(), _fields(m, text)
    for m in _MILITARY.finditer(text):
        yield m.start(), m.end(), dict(_fields(m, text), military=True)


def _fields(m: re.Match, text: str) -> dict:
    groups = m.groupdict()
    meridiem = (groups.get("meridiem") or "").lower().replace(".", "").replace(" ", "")
    # "p.m." at the end of a sentence also ends it: keep its full stop.
    stop = m.group(0).endswith(".") and (m.end() == len(text.rstrip()) or re.match(r"\s+[A-Z]", text[m.end():]))
    return {"hour": int(m.group("hour")), "minute": int(groups.get("minute") or 0),
            "second": groups.get("second"), "meridiem": meridiem,
            "zone": (groups.get("zone") or "").replace(".", "").upper(),
            "stop": bool(stop) and not groups.get("zone")}


def verbalize(fields: dict) -> str:
    hour, minute = fields["hour"], fields["minute"]
    if fields.get("military"):
        # "0800" is "oh eight hundred", "0030" "zero zero thirty"
        said = "zero zero" if hour == 0 else ("oh " if hour < 10 else "") + numbers.cardinal(str(hour))
        said += " hundred" if not minute else " " + _minutes(minute)
    elif fields["second"] is not None and not fields["meridiem"]:  # "1:01:01" is a duration
        parts = [(hour, "hour"), (minute, "minute"), (int(fields["second"]), "second")]
        said = " ".join(f"{numbers.cardinal(str(n))} {unit}{'' if n == 1 else 's'}" for n, unit in parts[:2])
        said += f" and {numbers.cardinal(str(parts[2][0]))} second{'' if parts[2][0] == 1 else 's'}"
    else:
        said = numbers.cardinal(str(hour))
        if minute:
            said += " " + _minutes(minute)
        elif not fields["meridiem"]:
            said += " o'clock" if hour <= 12 else " hundred"
        if fields["second"] is not None and int(fields["second"]):
            said += f" and {numbers.cardinal(str(int(fields['second'])))} seconds"
    if fields["meridiem"]:
        said += " " + " ".join(fields["meridiem"])
    if fields["zone"]:
        said += " " + " ".join(fields["zone"])
    return said + ("." if fields["stop"] else "")


def _minutes(minute: int) -> str:
    return f"oh {numbers.cardinal(str(minute))}" if minute < 10 else numbers.cardinal(str(minute))
