"""A site in object storage (S3 and S3-compatible: R2, B2, MinIO; Google Cloud Storage; Azure Blob).

obstore talks to all of them through one interface, reads credentials and endpoint from the
standard environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_ENDPOINT_URL, AWS_REGION,
GOOGLE_APPLICATION_CREDENTIALS, AZURE_STORAGE_ACCOUNT_NAME, ...) and makes conditional writes
with the stores' own preconditions (If-Match / If-None-Match on the ETag; GCS's generation).
Every put is one atomic object write: a reader never sees half an object.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import nullcontext
from datetime import timedelta
from pathlib import Path

from .base import Blob, Conflict, Entry, StorageError, Version

# Fail within seconds when the store cannot be reached, instead of obstore's default of
# retrying for three minutes; transient errors (5xx, resets) are still retried.
RETRY = {"max_retries": 4, "retry_timeout": timedelta(seconds=30)}
ENDPOINT_VARIABLES = ("AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL", "AWS_ENDPOINT")


def _client_options() -> dict:
    options: dict = {"connect_timeout": timedelta(seconds=5), "timeout": timedelta(seconds=120)}
    # MinIO on a LAN is often plain http: setting such an endpoint says that is intended.
    endpoint = next((os.environ[v] for v in ENDPOINT_VARIABLES if os.environ.get(v)), "")
    if endpoint.startswith("http://"):
        options["allow_http"] = True
    return options


class BucketStore:
    """A prefix in a bucket, given as a URL: s3://bucket/prefix, gs://bucket/prefix, az://container/prefix."""

    local = False

    def __init__(self, url: str):
        from obstore.exceptions import BaseError
        from obstore.store import from_url

        self.location = url.rstrip("/")
        try:
            self._store = from_url(self.location, client_options=_client_options(), retry_config=RETRY)
        except (BaseError, ValueError) as exc:
            hint = " (set AZURE_STORAGE_ACCOUNT_NAME)" if "Account must be specified" in str(exc) else ""
            raise StorageError(f"{url}: {_first_line(exc)}{hint}") from None

    def _fail(self, action: str, name: str, exc: Exception) -> StorageError:
        """One line a user can act on, from obstore's multi-line error."""
        from obstore import exceptions as errors

        text = _first_line(exc)
        where = f"{self.location}/{name}" if name else self.location
        if "NoSuchBucket" in str(exc):
            return StorageError(f"{self.location}: no such bucket (create it first, or check the name)")
        if isinstance(exc, (errors.PermissionDeniedError, errors.UnauthenticatedError)) or "169.254.169.254" in text:
            return StorageError(f"cannot {action} {where}: permission denied; check the credentials "
                                f"(AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or your cloud's own) ({text})")
        return StorageError(f"cannot {action} {where}: {text}")

    def put(self, name: str, source: bytes | Path, *, content_type: str | None = None,
            cache_control: str | None = None) -> None:
        self._put(name, source, "overwrite", content_type, cache_control)

    def _put(self, name, source, mode, content_type, cache_control):
        import obstore
        from obstore.exceptions import AlreadyExistsError, BaseError, PreconditionError

        attributes = {}
        if content_type:
            attributes["Content-Type"] = content_type
        if cache_control:
            attributes["Cache-Control"] = cache_control
        try:
            return obstore.put(self._store, name, source, attributes=attributes, mode=mode,
                               use_multipart=isinstance(source, Path) and source.stat().st_size > 64 << 20)
        except (AlreadyExistsError, PreconditionError):
            raise Conflict(f"{self.location}/{name} changed while it was being updated") from None
        except (BaseError, OSError) as exc:
            raise self._fail("write", name, exc) from None

    def _read(self, name: str, call):
        """`call()`'s result; None when the object is missing (a missing bucket is an error);
        any other failure as one line."""
        from obstore.exceptions import BaseError

        try:
            return call()
        except FileNotFoundError as exc:
            if "NoSuchBucket" in str(exc):
                raise self._fail("read", name, exc) from None
            return None
        except (BaseError, OSError) as exc:
            raise self._fail("read", name, exc) from None

    def get(self, name: str) -> Blob | None:
        import obstore

        def fetch() -> Blob:
            result = obstore.get(self._store, name)
            return Blob(bytes(result.bytes()), _version(result.meta))

        return self._read(name, fetch)

    def _head(self, name: str):
        import obstore

        return self._read(name, lambda: obstore.head(self._store, name))

    def version(self, name: str) -> Version | None:
        meta = self._head(name)
        return _version(meta) if meta else None

    def size(self, name: str) -> int | None:
        meta = self._head(name)
        return meta["size"] if meta else None

    def put_if(self, name: str, data: bytes, expected: Version | None, *, content_type: str | None = None,
               cache_control: str | None = None) -> Version:
        if expected is None:
            mode = "create"  # If-None-Match: *
        else:
            mode = {"e_tag": expected.e_tag}  # If-Match (GCS: the generation)
            if expected.generation:
                mode["version"] = expected.generation
        return _version(self._put(name, data, mode, content_type, cache_control))

    def delete(self, name: str) -> None:
        import obstore
        from obstore.exceptions import BaseError

        try:
            obstore.delete(self._store, name)
        except FileNotFoundError:
            pass
        except (BaseError, OSError) as exc:
            raise self._fail("remove", name, exc) from None

    def list(self, prefix: str = "") -> Iterator[Entry]:
        import obstore
        from obstore.exceptions import BaseError

        try:
            for batch in obstore.list(self._store, prefix=prefix.rstrip("/") or None):
                for meta in batch:
                    if meta["path"].startswith(prefix):
                        yield Entry(meta["path"], meta["size"], meta["last_modified"])
        except (BaseError, OSError) as exc:
            raise self._fail("list", prefix, exc) from None

    def lock(self):
        # No lock a killed publisher could leave behind: the catalog's conditional write is
        # what keeps concurrent publishers from losing each other's episodes.
        return nullcontext()


def _version(meta) -> Version:
    return Version(meta.get("e_tag"), meta.get("version"))


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    line = text[0] if text else exc.__class__.__name__
    # obstore appends the server's XML body to the first line; the status is what tells.
    return line.split(": <?xml")[0][:300]
