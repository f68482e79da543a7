"""Where a site lives: a folder or a bucket, behind one small interface (see base.py).

    from briefing.storage import open_store
    store = open_store("s3://podcasts/harbor")   # or "gs://...", "az://...", "/srv/site", "file:///srv/site"
    store.put("feed.xml", data, content_type="application/rss+xml", cache_control="max-age=300")
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

from .base import Blob, Conflict, Entry, StorageError, Store, Version

__all__ = ["Blob", "Conflict", "Entry", "StorageError", "Store", "Version", "is_bucket_url", "open_store"]

BUCKET_SCHEMES = {
    "s3": "S3 or S3-compatible (R2, B2, MinIO: set AWS_ENDPOINT_URL)", "s3a": "S3",
    "gs": "Google Cloud Storage",
    "az": "Azure Blob Storage", "azure": "Azure Blob Storage", "abfs": "Azure", "abfss": "Azure",
}
# "s3://x", and also "s3:/x" (one slash: a typo, or a URL squeezed by a path library).
_URL_LIKE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]+):/")


def is_bucket_url(site: str | Path) -> bool:
    match = _URL_LIKE.match(str(site)) if isinstance(site, str) else None
    return bool(match) and match.group(1).lower() in BUCKET_SCHEMES


def open_store(site: str | Path | Store) -> Store:
    """The store a site string names: a bucket URL, a file:// URL or a folder path.

    A string that looks like a URL of any other scheme is refused: it would otherwise become
    a folder named "foo:" in the current directory.
    """
    if not isinstance(site, (str, Path)):
        return site  # already a store
    from .folder import FolderStore

    if isinstance(site, Path):
        return FolderStore(site)
    match = _URL_LIKE.match(site)
    if not match:
        if not site.strip():
            raise StorageError("no site: give a folder or a bucket URL such as s3://bucket/show")
        return FolderStore(Path(site))
    scheme = match.group(1).lower()
    if not site[len(scheme) + 1:].startswith("//"):
        raise StorageError(f"{site}: write a URL as {scheme}://bucket/prefix (two slashes)")
    if scheme == "file":
        parsed = urlparse(site)
        if parsed.netloc not in ("", "localhost"):
            raise StorageError(f"{site}: a file:// URL names a folder on this machine (file:///path)")
        return FolderStore(Path(unquote(parsed.path)))
    if scheme in BUCKET_SCHEMES:
        if not urlparse(site).netloc:
            raise StorageError(f"{site}: name the bucket, e.g. {scheme}://bucket/show")
        from .bucket import BucketStore

        return BucketStore(site)
    if scheme in ("http", "https"):
        raise StorageError(f"{site}: a site is written to a folder or a bucket (s3://, gs://, az://); "
                           f"the address listeners use goes in --public-url")
    known = ", ".join(f"{s}://" for s in ("s3", "gs", "az", "file"))
    raise StorageError(f"{site}: unknown kind of site {scheme}://; give a folder or one of {known}")
