"""What a site needs from the place its files live: a few verbs, the same for a folder and a bucket.

A store holds named files (names are relative, with "/" between parts, e.g. "episodes/x.mp3").
Writes are whole-file and atomic: a reader sees the old file or the new one, never half of one.
`put_if` is the one conditional write, for the catalog: it succeeds only if the file is still
the version the caller read (or still absent), so two publishers never overwrite each other.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from ..errors import BriefingError


class Conflict(BriefingError):
    """A conditional write found another version in place: read again, re-apply, retry."""


class StorageError(BriefingError):
    """The store could not be read or written (no such bucket, no permission, unreachable)."""


@dataclass(frozen=True)
class Version:
    """Which version of a file was read: the store's ETag and, where it has one, its generation."""

    e_tag: str | None
    generation: str | None = None


@dataclass(frozen=True)
class Blob:
    """A file's content and the version it was read at."""

    data: bytes
    version: Version


@dataclass(frozen=True)
class Entry:
    """One file as a listing shows it."""

    name: str
    size: int
    modified: datetime


class Store(Protocol):
    """A folder or a bucket holding one site."""

    location: str  # as the user gave it, for messages: "/srv/site" or "s3://bucket/show"
    local: bool  # a folder on this machine (`briefing serve` can serve it)

    def put(self, name: str, source: bytes | Path, *, content_type: str | None = None,
            cache_control: str | None = None) -> None:
        """Write the file whole, replacing any earlier one; type and caching are what readers get."""

    def get(self, name: str) -> Blob | None:
        """The file and its version, or None when there is none."""

    def version(self, name: str) -> Version | None:
        """The file's current version without reading it, or None when there is none."""

    def size(self, name: str) -> int | None:
        """The file's size in bytes, or None when there is none."""

    def put_if(self, name: str, data: bytes, expected: Version | None, *, content_type: str | None = None,
               cache_control: str | None = None) -> Version:
        """Write only if the file is still at `expected` (None: still absent); else raise Conflict."""

    def delete(self, name: str) -> None:
        """Remove the file; a file already gone is not an error."""

    def list(self, prefix: str = "") -> Iterator[Entry]:
        """Every file whose name starts with `prefix`."""

    def lock(self) -> AbstractContextManager[None]:
        """Hold off other writers where the store can (a folder); a bucket relies on put_if."""
