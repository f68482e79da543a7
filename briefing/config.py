"""The show's settings: defaults, overridden by a `briefing.toml`, overridden by flags."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import BriefingError

CONFIG_NAME = "briefing.toml"


@dataclass(frozen=True)
class Settings:
    show: str = "The Briefing"
    description: str = "News articles, summarized and read aloud."
    author: str = "briefing"
    email: str = ""
    language: str = "en"
    category: str = "News"
    explicit: bool = False
    base_url: str = ""
    image: str = ""
    engine: str = "piper"
    voice: str = ""
    minutes: float = 3.0
    bitrate: int = 96


def config_path() -> Path:
    return Path(os.environ.get("BRIEFING_CONFIG", CONFIG_NAME))


def load_settings(path: str | Path | None = None) -> Settings:
    """Settings from the show file if there is one (the `[show]` table), else defaults."""
    path = Path(path) if path else config_path()
    if not path.is_file():
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BriefingError(f"{path}: not a valid show file ({exc})") from None
    table: dict[str, Any] = data.get("show", data)
    known = {f.name: f.type for f in fields(Settings)}
    values = {k.replace("-", "_"): v for k, v in table.items() if k.replace("-", "_") in known}
    if "title" in table and "show" not in values:
        values["show"] = table["title"]
    return replace(Settings(), **values)
