"""A US politician's party and state, as American papers write them after the name: "Sen. Ted Cruz
(R-Tex.)" is "Senator Ted Cruz (Republican of Texas)", "(D-N.Y.)" and "(D-NY)" "(Democrat of New York)".

The state is written the papers' way ("Calif.", "Ill.", "N.C.") or as its postal code ("CA", "IL"); a
label whose state is neither is left to the other classes.
"""

from __future__ import annotations

import re

CLASS = "party"
PRIORITY = 85

PARTIES = {"R": "Republican", "D": "Democrat", "I": "independent"}
# name: (the papers' abbreviation, the postal code); the states with short names are written whole.
STATES = {
    "Alabama": ("Ala", "AL"), "Alaska": ("Alaska", "AK"), "Arizona": ("Ariz", "AZ"), "Arkansas": ("Ark", "AR"),
    "California": ("Calif", "CA"), "Colorado": ("Colo", "CO"), "Connecticut": ("Conn", "CT"),
    "Delaware": ("Del", "DE"), "Florida": ("Fla", "FL"), "Georgia": ("Ga", "GA"), "Hawaii": ("Hawaii", "HI"),
    "Idaho": ("Idaho", "ID"), "Illinois": ("Ill", "IL"), "Indiana": ("Ind", "IN"), "Iowa": ("Iowa", "IA"),
    "Kansas": ("Kan", "KS"), "Kentucky": ("Ky", "KY"), "Louisiana": ("La", "LA"), "Maine": ("Maine", "ME"),
    "Maryland": ("Md", "MD"), "Massachusetts": ("Mass", "MA"), "Michigan": ("Mich", "MI"),
    "Minnesota": ("Minn", "MN"), "Mississippi": ("Miss", "MS"), "Missouri": ("Mo", "MO"),
    "Montana": ("Mont", "MT"), "Nebraska": ("Neb", "NE"), "Nevada": ("Nev", "NV"), "New Hampshire": ("NH", "NH"),
    "New Jersey": ("NJ", "NJ"), "New Mexico": ("NM", "NM"), "New York": ("NY", "NY"),
    "North Carolina": ("NC", "NC"), "North Dakota": ("ND", "ND"), "Ohio": ("Ohio", "OH"),
    "Oklahoma": ("Okla", "OK"), "Oregon": ("Ore", "OR"), "Pennsylvania": ("Pa", "PA"),
    "Rhode Island": ("RI", "RI"), "South Carolina": ("SC", "SC"), "South Dakota": ("SD", "SD"),
    "Tennessee": ("Tenn", "TN"), "Texas": ("Tex", "TX"), "Utah": ("Utah", "UT"), "Vermont": ("Vt", "VT"),
    "Virginia": ("Va", "VA"), "Washington": ("Wash", "WA"), "West Virginia": ("WVa", "WV"),
    "Wisconsin": ("Wis", "WI"), "Wyoming": ("Wyo", "WY"),
}
_BY_KEY = {key.lower(): name for name, keys in STATES.items() for key in keys}
_BY_KEY.update({"texas": "Texas", "kans": "Kansas", "wisc": "Wisconsin", "dc": "the District of Columbia"})

_LABEL = re.compile(r"\((?P<party>[RDI])[-–](?P<state>[A-Z][A-Za-z.]{0,7}(?: ?[A-Z][a-z.]{0,4})?)\)")


def tag(text, context):
    for m in _LABEL.finditer(text):
        state = _BY_KEY.get(re.sub(r"[.\s]", "", m.group("state")).lower())
        if state:
            yield m.start(), m.end(), {"party": PARTIES[m.group("party")], "state": state}


def verbalize(fields: dict) -> str:
    return f"({fields['party']} of {fields['state']})"
