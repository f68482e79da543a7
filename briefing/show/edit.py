"""Editing the show file in place (tomlkit): the user's comments, order and layout stay as
they were; only the `[[source]]` table added or removed, or the `[show]` values set, change.

    briefing sources add https://example.org/feed.xml --name "Example News"
    briefing sources remove 2
    briefing init --title "Harbor Weekly"
"""

from __future__ import annotations

from pathlib import Path

from ..errors import BriefingError
from ..models import Source
from .config import OWN_TABLES, SHOW_KEYS, Settings, config_path


def _load(path: Path):
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    try:
        return tomlkit.parse(path.read_text(encoding="utf-8")) if path.is_file() else tomlkit.document()
    except (OSError, UnicodeDecodeError, TOMLKitError) as exc:
        raise BriefingError(f"{path}: not a valid show file ({exc})") from None


def _save(path: Path, document) -> None:
    import tomlkit

    from ..audio.export import staged

    try:
        with staged(path) as tmp:
            tmp.write_text(tomlkit.dumps(document), encoding="utf-8")
    except OSError as exc:
        raise BriefingError(f"cannot write {path}: {exc.strerror or exc}") from None


def _check_url(url: str) -> str:
    url = url.strip()
    if not url:
        raise BriefingError("give the source's URL (a feed or a page) or a local file or folder")
    if "://" in url and not url.lower().startswith(("http://", "https://")):
        raise BriefingError(f"{url}: only http:// and https:// sources (or local files) can be added here; "
                            "write an IMAP mailbox into the show file with its password_env")
    return url


def add_source(url: str, *, name: str | None = None, latest: int | None = None,
               path: str | Path | None = None) -> Source:
    """Append a `[[source]]` to the show file (created if missing). Example: briefing sources add URL"""
    import tomlkit

    path = Path(path) if path else config_path()
    url = _check_url(url)
    if latest is not None and latest < 1:
        raise BriefingError(f"--latest {latest}: must be at least 1")
    document = _load(path)
    sources = document.get("source")
    if sources is None:
        sources = tomlkit.aot()
        document.append("source", sources)
    if any(str(t.get("url")) == url for t in sources):
        raise BriefingError(f"{url}: already a source of {path}")
    table = tomlkit.table()
    table["url"] = url
    if name:
        table["name"] = name
    if latest is not None:
        table["latest"] = latest
    sources.append(table)
    _save(path, document)
    return Source(url=url, name=name or None, latest=latest or 10)


def remove_source(which: str, *, path: str | Path | None = None) -> Source:
    """Remove a source by its number (as `briefing sources` lists them), URL or name."""
    path = Path(path) if path else config_path()
    document = _load(path)
    sources = document.get("source") or []
    for index, table in enumerate(sources):
        if which == str(index + 1) or which in (str(table.get("url")), str(table.get("name"))):
            removed = Source(url=str(table["url"]), name=str(table["name"]) if "name" in table else None)
            del sources[index]
            if not len(sources):
                del document["source"]
            _save(path, document)
            return removed
    raise BriefingError(f"{path}: no source {which!r} (see `briefing sources`)")


def set_show_table(path: Path, chosen: Settings) -> None:
    """Set the show file's [show] table to `chosen` (`briefing init`); everything else the user
    wrote (sources, listeners, hosts, pronunciations, [cluster], comments, layout) stays."""
    from dataclasses import fields

    import tomlkit

    document = _load(path)
    if "show" not in document:
        if not document.body:
            document.add(tomlkit.comment("The show: briefing publish puts these in the feed. "
                                         "Edit freely, or run briefing init again."))
        document["show"] = tomlkit.table()
    table = document["show"]
    for key, name in SHOW_KEYS:
        table[key] = getattr(chosen, name)
    shown = {name for _, name in SHOW_KEYS}
    for f in fields(Settings):  # other settings: set when the file has them or they differ from the default
        value = getattr(chosen, f.name)
        if f.name not in shown and f.name not in OWN_TABLES and (f.name in table or value != getattr(Settings(), f.name)):
            table[f.name] = value
    _save(path, document)
