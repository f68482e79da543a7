"""A private show's listeners: one secret feed address each, since podcast apps cannot log in.

    from briefing.publish.listeners import add_listener, list_listeners, revoke_listener
    added = add_listener("site", "Ana")
    print(added.feed_url)          # https://.../t/<token>/feed.xml, shown once
    revoke_listener("site", "Ana") # that address answers 404 from now on

A token is 32 random bytes from `secrets`, URL-safe. The catalog keeps only its sha256 (a leaked
catalog gives no working address) beside the listener's name and dates; `briefing serve` hashes
the token of each request and compares it with every active listener's hash in constant time
(`hmac.compare_digest`), so a wrong token costs the same to refuse however close it is.
"""

from __future__ import annotations

import hashlib
import hmac
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..errors import BriefingError
from .catalog import Catalog

TOKEN_BYTES = 32


@dataclass(frozen=True)
class Listener:
    name: str
    created: datetime
    revoked: datetime | None = None


@dataclass(frozen=True)
class AddedListener:
    """A new listener and their private feed; the token exists only here (the catalog has its hash)."""

    listener: Listener
    token: str
    feed_url: str


PERSONAL_DIR = "listeners"  # SITE/listeners/NAME/: a listener's personal briefings, a site of its own

def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > 80 or not cleaned.isprintable():
        raise BriefingError(f"listener name {name!r}: give a short name, e.g. Ana or 'Kitchen radio'")
    return cleaned


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def private_base(site: str | Path, base_url: str | None = None) -> str:
    """Where listeners reach the show: the given address, else the show's public_url, else the
    address the site was published for."""
    import json

    from .site import normalize_base_url

    if base_url:
        return normalize_base_url(base_url)
    with Catalog(site) as catalog:
        show = json.loads(catalog.get("show") or "{}")
        chosen = show.get("public_url") or catalog.get("base_url") or "http://localhost:8000/"
    return normalize_base_url(chosen)


def add_listener(site: str | Path, name: str, *, base_url: str | None = None) -> AddedListener:
    """A new listener with a fresh token. Example: briefing listeners add Ana --site site"""
    import secrets

    name = _clean_name(name)
    base = private_base(site, base_url)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    created = _now()
    with Catalog(site) as catalog:
        try:
            with catalog.transaction() as conn:
                conn.execute("INSERT INTO listeners (name, token_hash, created) VALUES (?, ?, ?)",
                             (name, token_hash(token), created))
        except BriefingError:
            if any(listener.name == name and listener.revoked is None for listener in _listeners(catalog)):
                raise BriefingError(f"{name} is already a listener; revoke their address first "
                                    f"(briefing listeners revoke {name!r} --site {site})") from None
            raise
    listener = Listener(name, datetime.fromisoformat(created))
    return AddedListener(listener, token, f"{base}t/{token}/feed.xml")


def _listeners(catalog: Catalog) -> list[Listener]:
    rows = catalog.connection.execute("SELECT name, created, revoked FROM listeners ORDER BY created, rowid")
    return [Listener(r["name"], datetime.fromisoformat(r["created"]),
                     datetime.fromisoformat(r["revoked"]) if r["revoked"] else None) for r in rows]


def list_listeners(site: str | Path) -> list[Listener]:
    """Every listener, oldest first, revoked ones included. Example: briefing listeners --site site"""
    with Catalog(site) as catalog:
        return _listeners(catalog)


def revoke_listener(site: str | Path, name: str) -> Listener:
    """Make a listener's address fail (404) from the next request on.

    Example: briefing listeners revoke Ana --site site
    """
    name = _clean_name(name)
    with Catalog(site) as catalog:
        with catalog.transaction() as conn:
            changed = conn.execute("UPDATE listeners SET revoked = ? WHERE name = ? AND revoked IS NULL",
                                   (_now(), name)).rowcount
        if not changed:
            raise BriefingError(f"{site}: no listener {name!r} with a working address "
                                f"(see briefing listeners --site {site})")
        return next(x for x in reversed(_listeners(catalog)) if x.name == name)


def listener_for_token(site: str | Path, token: str) -> str | None:
    """The name of the active listener this token belongs to, else None.

    Read fresh from the catalog on every request, so a revocation holds at once; every active
    hash is compared, in constant time, whichever matches.
    """
    from .documents import read_only

    presented = token_hash(token)
    try:
        connection = read_only(Path(site))
        try:
            rows = connection.execute("SELECT name, token_hash FROM listeners WHERE revoked IS NULL").fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    found = None
    for name, stored in rows:
        if hmac.compare_digest(stored, presented):
            found = name
    return found
