"""The feed and page templates, rendered with autoescaping on: every value is text, never markup."""

from __future__ import annotations

from functools import lru_cache


_HEX_REFERENCES = {ord(c): f"&#x{ord(c):X};" for c in "&<>\"'"}


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined
    from markupsafe import Markup

    from ..feed import npt, xml_text

    def finalize(value):
        # Strip characters XML cannot hold from every value a template prints, and write the
        # markup characters as hexadecimal references: the same text to every XML and HTML
        # parser, and what the W3C feed validator asks of RSS plain text (no "&amp;" ambiguity).
        if isinstance(value, Markup):
            return value
        return Markup(xml_text(value).translate(_HEX_REFERENCES))

    env = Environment(
        loader=PackageLoader("briefing.publish", "templates"),
        autoescape=True,  # both templates are markup (XML and HTML)
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=finalize,
    )
    env.filters["npt"] = npt
    return env
