"""The feed and page templates, rendered with autoescaping on: every value is text, never markup."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined
    from markupsafe import Markup

    from ..feed import npt, xml_text

    def finalize(value):
        # Strip characters XML cannot hold from every value a template prints.
        return value if isinstance(value, Markup) else xml_text(value)

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
