"""Measures: a number and its unit, "12kg" is "twelve kilograms", "70mph" "seventy miles per hour",
"-3°C" "minus three degrees Celsius", "45%" "forty-five percent", "12kg/kg" "twelve kilograms per kilogram".

The unit is singular after exactly one ("1 km"), plural otherwise; "a/b" is "a per b".
"""

from __future__ import annotations

import re

from . import numbers
from .attributive import attributive

CLASS = "measure"
PRIORITY = 50

# unit: (singular, plural); case-sensitive ("MB" megabytes, "mb" no; "5G" is the network, not grams).
# "in" and "s" are left out: after a number they are far more often words ("5 in 10", "the 1980 s").
UNITS = {
    "%": ("percent", "percent"), "pc": ("percent", "percent"), "per cent": ("percent", "percent"),
    "°C": ("degree Celsius", "degrees Celsius"), "°F": ("degree Fahrenheit", "degrees Fahrenheit"),
    "ºC": ("degree Celsius", "degrees Celsius"), "ºF": ("degree Fahrenheit", "degrees Fahrenheit"),
    "℃": ("degree Celsius", "degrees Celsius"), "℉": ("degree Fahrenheit", "degrees Fahrenheit"),
    "°": ("degree", "degrees"), "º": ("degree", "degrees"),
    "km/h": ("kilometre per hour", "kilometres per hour"), "kmh": ("kilometre per hour", "kilometres per hour"),
    "kph": ("kilometre per hour", "kilometres per hour"), "mph": ("mile per hour", "miles per hour"),
    "m/s": ("metre per second", "metres per second"),
    "km": ("kilometre", "kilometres"), "cm": ("centimetre", "centimetres"), "mm": ("millimetre", "millimetres"),
    "nm": ("nanometre", "nanometres"), "mi": ("mile", "miles"), "ft": ("foot", "feet"),
    "km2": ("square kilometre", "square kilometres"), "km²": ("square kilometre", "square kilometres"),
    "sq km": ("square kilometre", "square kilometres"), "sq mi": ("square mile", "square miles"),
    "sq ft": ("square foot", "square feet"), "m2": ("square metre", "square metres"),
    "m²": ("square metre", "square metres"), "m3": ("cubic metre", "cubic metres"),
    "m³": ("cubic metre", "cubic metres"), "km³": ("cubic kilometre", "cubic kilometres"),
    "kg": ("kilogram", "kilograms"), "kgs": ("kilogram", "kilograms"), "KG": ("kilogram", "kilograms"),
    "g": ("gram", "grams"), "mg": ("milligram", "milligrams"), "µg": ("microgram", "micrograms"),
    "lb": ("pound", "pounds"), "lbs": ("pound", "pounds"), "oz": ("ounce", "ounces"),
    "t": ("tonne", "tonnes"), "kt": ("kiloton", "kilotons"), "Mt": ("megatonne", "megatonnes"),
    "l": ("litre", "litres"), "L": ("litre", "litres"), "ml": ("millilitre", "millilitres"),
    "ha": ("hectare", "hectares"),
    "W": ("watt", "watts"), "kW": ("kilowatt", "kilowatts"), "MW": ("megawatt", "megawatts"),
    "GW": ("gigawatt", "gigawatts"), "kWh": ("kilowatt hour", "kilowatt hours"),
    "MWh": ("megawatt hour", "megawatt hours"), "GWh": ("gigawatt hour", "gigawatt hours"),
    "TWh": ("terawatt hour", "terawatt hours"), "V": ("volt", "volts"), "kV": ("kilovolt", "kilovolts"),
    "mAh": ("milliamp hour", "milliamp hours"), "Hz": ("hertz", "hertz"), "kHz": ("kilohertz", "kilohertz"),
    "MHz": ("megahertz", "megahertz"), "GHz": ("gigahertz", "gigahertz"),
    "KB": ("kilobyte", "kilobytes"), "kB": ("kilobyte", "kilobytes"), "MB": ("megabyte", "megabytes"),
    "GB": ("gigabyte", "gigabytes"), "TB": ("terabyte", "terabytes"), "PB": ("petabyte", "petabytes"),
    "Mbps": ("megabit per second", "megabits per second"), "mbps": ("megabit per second", "megabits per second"),
    "Gbps": ("gigabit per second", "gigabits per second"), "Kbps": ("kilobit per second", "kilobits per second"),
    "kbps": ("kilobit per second", "kilobits per second"),
    "dB": ("decibel", "decibels"), "ppm": ("part per million", "parts per million"),
    "bp": ("basis point", "basis points"), "bps": ("basis point", "basis points"),
    "sec": ("second", "seconds"), "secs": ("second", "seconds"),
    "min": ("minute", "minutes"), "mins": ("minute", "minutes"), "hr": ("hour", "hours"), "hrs": ("hour", "hours"),
    "h": ("hour", "hours"), "wk": ("week", "weeks"), "wks": ("week", "weeks"), "mo": ("month", "months"),
    "mos": ("month", "months"), "yr": ("year", "years"), "yrs": ("year", "years"),
    "x": ("times", "times"), "kn": ("knot", "knots"), "mpg": ("mile per gallon", "miles per gallon"),
    "m": ("metre", "metres"), "cc": ("C C", "C C"), "hp": ("horsepower", "horsepower"), "bhp": ("brake horsepower", "brake horsepower"),
}
# A bare "C" or "F" after a number is a temperature only in a plausible range ("40C", "104F").
TEMPERATURE = {"C": ("degree Celsius", "degrees Celsius"), "F": ("degree Fahrenheit", "degrees Fahrenheit")}

_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_NUMBER = r"(?P<sign>(?:(?<=\s)|(?<=^)|(?<=\())[-−])?(?<![\w.,])(?P<number>\d{1,3}(?:,\d{3})+|\d+)?(?:\.(?P<fraction>\d+))?"
_SCALE = r"(?:\s(?P<scale>million|billion|thousand|trillion))?"
_PATTERN = re.compile(
    _NUMBER + _SCALE + rf"(?:(?P<space>[\s-]?)(?P<unit>{_UNIT})(?:/(?P<per>{_UNIT}))?|/(?P<only_per>{_UNIT}))"
    r"(?:(?<=[%°º℃℉])|(?![\w/²³]))"
)
_FRACTION = re.compile(rf"(?<![\w/.,])(?:(?P<whole>\d{{1,9}})\s)?(?P<num>\d{{1,6}})/(?P<den>\d{{1,6}})\s?(?P<unit>{_UNIT})(?![\w/])")
_HEIGHT = re.compile(r"(?<![\w.,])(?P<feet>\d)\s?(?:ft|foot|feet|')\s?(?P<inches>\d{1,2})\s?(?:in\b|inches\b|\"|″)")
# After a glued "m", what makes it metres: a dimension ("508m tall", "2.5m high") or a conversion ("(4.2ft)").
_METRES_AFTER = re.compile(r"(?:\s+|-)(?:tall|high|long|wide|deep|thick|across|away|below|above sea level)(?![-\w])"
                           r"|\s*\(\s*[\d.,]+\s?(?:ft|feet|foot|in|inches|yards?|yd|miles?)\b")
# A size: "6x4in" is "six by four inches", "1920 x 1080" "one thousand nine hundred and twenty by ...".
_DIMENSIONS = re.compile(r"(?<![\w.,])(?!0x)(?P<a>\d+(?:\.\d+)?)\s?[x×]\s?(?P<b>\d+(?:\.\d+)?)"
                         r"(?:\s?(?P<unit>in|cm|mm|m|ft)\b)?(?![\w.]|,\d)")
_TEMPERATURE = re.compile(_NUMBER + r"(?P<unit>[CF])\b(?![-'’]\w)")


def tag(text, context):
    for m in _PATTERN.finditer(text):
        if not (m.group("number") or m.group("fraction")):
            continue
        unit, per = m.group("unit"), m.group("per") or m.group("only_per")
        if unit in ("%", "pc", "per cent") and m.group("space") == "-":
            continue
        if unit == "m" and m.group("space") != " " and not _METRES_AFTER.match(text, m.end()):
            continue  # "464m" is millions (the cardinal's); "100 m", "508m tall", "1.3m (4.2ft)" are metres
        if unit in ("x", "t", "h", "l", "g", "W", "V", "L", "mi", "Mt", "kt") and m.group("space"):
            continue  # "5 t", "3 x 4", "9 h" are too often something else when spaced
        if unit == "pc" and m.group("space"):
            continue
        yield m.start(), m.end(), {"sign": bool(m.group("sign")), "number": (m.group("number") or "").replace(",", ""),
                                   "fraction": m.group("fraction") or "", "scale": m.group("scale") or "",
                                   "unit": unit, "per": per or "",
                                   "hyphen": m.group("space") == "-" or attributive(text, m.start(), m.end())
                                   or text.startswith("-", m.end()) and unit == "m"}  # "a 1.3m-tall robot"
    for m in _FRACTION.finditer(text):  # "4 1/2 lbs"
        if 2 <= int(m.group("den")) <= 16 and 0 < int(m.group("num")) < int(m.group("den")):
            yield m.start(), m.end(), {"whole": m.group("whole") or "", "num": int(m.group("num")),
                                       "den": int(m.group("den")), "unit": m.group("unit")}
    for m in _DIMENSIONS.finditer(text):
        yield m.start(), m.end(), {"by": (m.group("a"), m.group("b")), "unit": m.group("unit") or ""}
    for m in _HEIGHT.finditer(text):  # "6ft 2in", 5'10"
        yield m.start(), m.end(), {"feet": m.group("feet"), "inches": m.group("inches")}
    for m in _TEMPERATURE.finditer(text):
        if (m.group("number") or m.group("fraction")) and float((m.group("number") or "0").replace(",", "")) <= 150:
            yield m.start(), m.end(), {"sign": bool(m.group("sign")), "number": (m.group("number") or "0"),
                                       "fraction": m.group("fraction") or "", "scale": "", "unit": m.group("unit"),
                                       "per": "", "hyphen": False, "temperature": True}


def verbalize(fields: dict) -> str:
    if "by" in fields:
        said = " by ".join(numbers.number(n) for n in fields["by"])
        unit = {"in": ("inch", "inches")}.get(fields["unit"]) or UNITS.get(fields["unit"])
        return f"{said} {unit[1]}" if unit else said
    if "feet" in fields:
        feet, inches = fields["feet"], fields["inches"]
        return (f"{numbers.cardinal(feet)} {'foot' if feet == '1' else 'feet'} {numbers.cardinal(inches)} "
                f"{'inch' if inches == '1' else 'inches'}")
    if "den" in fields:
        from . import fraction

        one, many = UNITS[fields["unit"]]
        return f"{fraction.verbalize(fields)} {many if fields['whole'] else 'of a ' + one}"
    number = fields["number"] + ("." + fields["fraction"] if fields["fraction"] else "")
    said = numbers.number(number) if fields["number"] or fields["fraction"] else ""
    if fields["sign"]:
        said = "minus " + said
    if fields["scale"]:
        said += " " + fields["scale"]
    parts = [said]
    if fields["unit"]:
        table = TEMPERATURE if fields.get("temperature") else UNITS
        one, many = table[fields["unit"]]
        # "a 7.2-millimetre bullet": a unit joined by a hyphen is an adjective, singular.
        singular = (numbers.is_one(number) and not fields["scale"]) or fields["hyphen"]
        parts.append(one if singular else many)
    if fields["per"]:
        parts.append("per " + UNITS[fields["per"]][0])
    return " ".join(parts)
