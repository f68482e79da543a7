"""The show's settings: defaults, overridden by a `briefing.toml`, overridden by flags."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from ..errors import BriefingError

CONFIG_NAME = "briefing.toml"
# The hosts of a two-voice show unless the show file names its own (`[[host]]` tables).
DEFAULT_HOSTS = (("Hannah", "hibari:heart"), ("Joe", "piper:joe"))
# Settings that live in tables of their own, not in [show].
OWN_TABLES = ("host_voices", "pronunciations", "host_personas", "writer", "writer_model", "writer_key_env",
              "focus")


@dataclass(frozen=True)
class Settings:
    show: str = "The Briefing"
    description: str = "News articles, summarized and read aloud."
    author: str = "briefing"
    email: str = ""
    language: str = "en"
    category: str = "News"
    explicit: bool = False
    locked: bool = False  # podcast:locked: ask directories not to let others import the feed
    base_url: str = ""  # the older name of public_url, still read
    # Where listeners reach the site (the feed's links start with it), e.g. a CDN in front of
    # the bucket; "" means base_url, else what the site last published with.
    public_url: str = ""
    site: str = ""  # where `publish` and `run` write: a folder (relative to the show file) or s3://, gs://, az://
    image: str = ""
    # The name drawn covers carry when it is not the show's: a listener's feed ("Harbor Daily for
    # Ana") shows its show's covers, drawn once for all its listeners.
    cover_title: str = ""
    private: bool = False  # served only under listeners' tokens (briefing listeners add NAME)
    block: bool = False  # itunes:block and podcast:block: directories leave the feed out (listeners' feeds have it)
    engine: str = "hibari"
    voice: str = ""
    minutes: float = 3.0
    format: str = "digest"  # digest, brief, full, conversation (with [writer]); a [[listener]] may choose another
    bitrate: int = 96
    hosts: int = 1  # 2: a show with two hosts, the first two of host_voices
    host_voices: tuple[tuple[str, str], ...] = DEFAULT_HOSTS  # [[host]] name = ..., voice = "engine:voice"
    pronunciations: dict[str, str] = field(default_factory=dict)  # [pronunciations] Word = "said"
    host_personas: tuple[str, ...] = ()  # [[host]] persona = "...", for the language-model writer
    # [writer] url, model, key_env, focus: a language model writes the script (briefing/writing/llm/)
    writer: str = ""
    writer_model: str = ""
    writer_key_env: str = ""
    focus: str = ""

    # the self-running show (`briefing run`); `site` (above) is where it publishes
    schedule: str = ""  # "06:30": every day at 06:30 local time (`briefing schedule`)
    max_age_days: float = 2.0  # a story not yet told is dropped when older than this

    def cast(self, hosts: int | None = None) -> tuple[tuple[str, str], ...]:
        """The (name, voice) pairs of a show with `hosts` hosts (default: the show file's); () for one."""
        count = self.hosts if hosts is None else hosts
        if count < 1 or count > len(self.host_voices):
            raise BriefingError(f"hosts {count}: give 1, or up to {len(self.host_voices)} ([[host]] tables "
                                "in the show file name more)")
        return self.host_voices[:count] if count > 1 else ()

    def writer_options(self, hosts: int | None = None, *, writer: str | None = None, model: str | None = None,
                       focus: str | None = None) -> dict[str, Any]:
        """The EpisodeOptions fields of the language-model writer: the show file's [writer] table
        and the hosts' personas, overridden by the flags given."""
        count = self.hosts if hosts is None else hosts
        return {"writer": writer or self.writer or None, "writer_model": model or self.writer_model or None,
                "writer_key_env": self.writer_key_env or None, "focus": focus or self.focus or None,
                "personas": self.host_personas[:count] if count > 1 else self.host_personas[:1]}


def config_path() -> Path:
    return Path(os.environ.get("BRIEFING_CONFIG", CONFIG_NAME))


def load_settings(path: str | Path | None = None) -> Settings:
    """Settings from the show file if there is one (the `[show]` table), else defaults."""
    return find_settings(path) or Settings()


def find_settings(path: str | Path | None = None) -> Settings | None:
    """Settings from the show file, or None when there is no show file."""
    path = Path(path) if path else config_path()
    if not path.is_file():
        return None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BriefingError(f"{path}: not a valid show file ({exc})") from None
    table: dict[str, Any] = data.get("show", data)
    known = {f.name: f.type for f in fields(Settings) if f.name not in OWN_TABLES}
    values = {k.replace("-", "_"): v for k, v in table.items() if k.replace("-", "_") in known}
    if "title" in table and "show" not in values:
        values["show"] = table["title"]
    image = values.get("image")
    if isinstance(image, str) and image and "://" not in image and not Path(image).is_absolute():
        # A relative image path means beside the show file, wherever briefing runs from.
        values["image"] = str(path.parent / image)
    site = values.get("site")
    if isinstance(site, str) and site and ":/" not in site and not Path(site).is_absolute():
        values["site"] = str(path.parent / site)  # a folder beside the show file, like the image
    for name, value in values.items():
        expected = type(getattr(Settings(), name))
        if expected is type(None):  # optional text, unset by default
            expected = str
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            continue
        if not isinstance(value, expected):
            raise BriefingError(f"{path}: {name} should be {expected.__name__}, not {value!r}")
    if "format" in values:
        from ..writing.formats import FORMATS

        if values["format"] not in FORMATS:
            raise BriefingError(f"{path}: format {values['format']!r}: choose one of {', '.join(FORMATS)}")
    values.update(_own_tables(data, path))
    return replace(Settings(), **values)


def _own_tables(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """`[[host]]` (name, voice) and `[pronunciations]`, checked."""
    from ..writing.pronounce import check_pronunciations

    values: dict[str, Any] = {}
    if "host" in data:
        hosts = data["host"]
        if not isinstance(hosts, list) or not all(isinstance(h, dict) for h in hosts):
            raise BriefingError(f'{path}: host should be [[host]] tables with name = "..." and voice = "engine:voice"')
        pairs, personas = [], []
        for number, host in enumerate(hosts, 1):
            name, voice = host.get("name"), host.get("voice")
            if not isinstance(name, str) or not name.strip() or not isinstance(voice, str) or ":" not in voice:
                raise BriefingError(f'{path}: host {number} needs name = "..." and voice = "engine:voice" '
                                    '(e.g. "hibari:heart" or "piper:joe")')
            pairs.append((name.strip(), voice.strip()))
            persona = host.get("persona", "")
            if not isinstance(persona, str):
                raise BriefingError(f'{path}: host {number}: persona should be text, not {persona!r}')
            personas.append(" ".join(persona.split()))
        values["host_voices"] = tuple(pairs)
        values["host_personas"] = tuple(personas)
    if "writer" in data:
        values.update(_writer_table(data["writer"], path))
    if "pronunciations" in data:
        table = data["pronunciations"]
        if not isinstance(table, dict):
            raise BriefingError(f"{path}: pronunciations should be a table: [pronunciations] Word = \"said\"")
        values["pronunciations"] = check_pronunciations(table, f"{path}: [pronunciations]")
    return values


def _writer_table(table: Any, path: Path) -> dict[str, Any]:
    """`[writer]`: url (an OpenAI-compatible endpoint), model, key_env, focus; all text."""
    if not isinstance(table, dict):
        raise BriefingError(f'{path}: writer should be a table: [writer] url = "http://localhost:11434/v1"')
    values = {}
    for key, name in (("url", "writer"), ("model", "writer_model"), ("key_env", "writer_key_env"),
                      ("focus", "focus")):
        value = table.get(key, "")
        if not isinstance(value, str):
            raise BriefingError(f"{path}: [writer] {key} should be text, not {value!r}")
        values[name] = value.strip()
    unknown = sorted(set(table) - {"url", "model", "key_env", "focus"})
    if unknown:
        raise BriefingError(f"{path}: [writer] has no key {unknown[0]!r} (url, model, key_env, focus)")
    if values["writer"] and not values["writer"].startswith(("http://", "https://")):
        raise BriefingError(f"{path}: [writer] url should be the endpoint's http:// or https:// URL, "
                            f"not {values['writer']!r}")
    return values


def load_sources(path: str | Path | None = None) -> tuple:
    """The show file's `[[source]]` tables, as Source values (none when there is no show file)."""
    from ..models import Source

    path = Path(path) if path else config_path()
    if not path.is_file():
        return ()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BriefingError(f"{path}: not a valid show file ({exc})") from None
    tables = data.get("source", [])
    if not isinstance(tables, list):
        raise BriefingError(f"{path}: write each source as a [[source]] table")
    sources = []
    for number, table in enumerate(tables, 1):
        url = table.get("url") if isinstance(table, dict) else None
        if not isinstance(url, str) or not url.strip():
            raise BriefingError(f"{path}: source {number} has no url")
        name, latest = table.get("name"), table.get("latest", 10)
        if name is not None and not isinstance(name, str):
            raise BriefingError(f"{path}: source {number}: name should be text, not {name!r}")
        if isinstance(latest, bool) or not isinstance(latest, int) or latest < 1:
            raise BriefingError(f"{path}: source {number}: latest should be a whole number above 0, not {latest!r}")
        if "://" not in url and not Path(url).is_absolute():
            url = str(path.parent / url)  # a local file or folder: relative to the show file
        mail = _mail_settings(table, url.strip(), f"{path}: source {number}")
        sources.append(Source(url=url.strip(), name=name or None, latest=latest, **mail))
    return tuple(sources)


def _mail_settings(table: dict, url: str, where: str) -> dict:
    """An IMAP source's password_env, mark_read and allow_plaintext, checked (show/imap.py)."""
    from .imap import check_source, is_imap

    values = {key: table[key] for key in ("password_env", "mark_read", "allow_plaintext") if key in table}
    for key in ("mark_read", "allow_plaintext"):
        if key in values and not isinstance(values[key], bool):
            raise BriefingError(f"{where}: {key} should be true or false, not {values[key]!r}")
    if "password_env" in values and not isinstance(values["password_env"], str):
        raise BriefingError(f"{where}: password_env should be text, not {values['password_env']!r}")
    if is_imap(url):
        check_source(url, values.get("password_env"), values.get("allow_plaintext", False), where)
    elif values:
        raise BriefingError(f"{where}: {sorted(values)[0]} is only for an IMAP source (imaps://...)")
    return values


def show_site(path: str | Path, settings: Settings) -> Path | str:
    """Where `run` publishes: the show file's `site`, a folder relative to the show file, or a
    bucket URL (s3://, gs://, az://) as it is."""
    if ":/" in settings.site:
        return settings.site
    path = Path(path)
    site = Path(settings.site or "site")
    return site if site.is_absolute() else path.parent / site


# The show file keys `briefing init` writes, in order, with the Settings field each fills.
SHOW_KEYS = (("title", "show"), ("description", "description"), ("author", "author"), ("email", "email"),
             ("language", "language"), ("category", "category"), ("explicit", "explicit"),
             ("base_url", "base_url"), ("image", "image"))


def validate_show(settings: Settings) -> None:
    """Refuse values a podcast app or directory would reject, with one line saying which."""
    from ..publish.categories import parse_category

    parse_category(settings.category)
    if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", settings.language):
        raise BriefingError(f"language {settings.language!r}: give a language code such as en, en-us or de")
    if settings.email and not re.fullmatch(r"[^@\s]+@[^@\s]+", settings.email):
        raise BriefingError(f"e-mail {settings.email!r}: not an e-mail address")
    if settings.base_url and not re.match(r"^https?://[^/\s]+", settings.base_url):
        raise BriefingError(f"base URL {settings.base_url!r}: give an http:// or https:// address")
    if settings.public_url and not re.match(r"^https?://[^/\s]+", settings.public_url):
        raise BriefingError(f"public URL {settings.public_url!r}: give an http:// or https:// address")
    if settings.site:
        from ..storage import open_store

        open_store(settings.site)  # refuses an unknown kind of site now, not at the first publish
    if not settings.show.strip():
        raise BriefingError("title: the show needs a title")


def init_settings(path: str | Path | None = None, **overrides: Any) -> tuple[Path, Settings]:
    """Write the show file: the current one's values (or defaults), overridden by the given ones.

    Example: briefing init --title "Harbor Weekly" --email me@example.org --base-url http://192.168.1.20:8000/
    """
    path = Path(path) if path else config_path()
    current = find_settings(path) or Settings()
    chosen = replace(current, **{k: v for k, v in overrides.items() if v is not None})
    validate_show(chosen)
    from ..publish.categories import parse_category

    main, sub = parse_category(chosen.category)  # written in Apple's own spelling
    chosen = replace(chosen, category=f"{main}/{sub}" if sub else main)
    image = chosen.image
    if image and "://" not in image:
        if not Path(image).is_file() or Path(image).suffix.lower() not in (".jpg", ".jpeg", ".png"):
            raise BriefingError(f"image {image}: give a square .jpg or .png file, or an http(s) URL")
        if overrides.get("image"):  # given on the command line: relative to here, stored relative to the file
            chosen = replace(chosen, image=os.path.relpath(Path(image).resolve(), path.parent.resolve()))
    site = overrides.get("site")
    if site and ":/" not in site:  # a folder given on the command line: stored relative to the file
        chosen = replace(chosen, site=os.path.relpath(Path(site).resolve(), path.parent.resolve()))
    from .edit import set_show_table

    set_show_table(path, chosen)
    return path, chosen
