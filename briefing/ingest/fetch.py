"""Fetching an article over HTTP(S): only http and https, with timeouts, a size cap,
a bounded number of redirects, and a few retries for the faults that pass.

A flaky network is retried (tenacity): connection errors, HTTP 429 (its Retry-After
honoured, capped) and 5xx, and a body cut short, with exponential backoff and jitter.
The whole download, every attempt and pause included, has one deadline (15 s by default,
BRIEFING_FETCH_DEADLINE overrides it): a read timeout alone is per read, and a server
sending a byte a second would never trip it, so a watchdog shuts the connection when the
deadline passes. The network is used only when a URL is given.

A conditional GET (`headers={"If-None-Match": etag}`) may be answered 304: the result then
has `status=304` and no data.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..errors import InputError, NetworkError

CONNECT_TIMEOUT = 5.0
TIMEOUT_SECONDS = 10.0  # between bytes; BRIEFING_FETCH_TIMEOUT overrides it
DEADLINE_SECONDS = 15.0  # the whole download, retries included; BRIEFING_FETCH_DEADLINE overrides it
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
MAX_ATTEMPTS = 4
MAX_RETRY_AFTER = 10.0  # a server asking for longer is not waited for that long
FIRST_BACKOFF = 0.5  # s before the second attempt; doubled each time, with jitter
USER_AGENT = "briefing/0.1 (+https://github.com/briefing; reads articles aloud)"

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


@dataclass(frozen=True)
class Fetched:
    """What a server sent: the final URL after redirects, its media type and bytes."""

    url: str
    content_type: str  # e.g. "text/html", lower case, without parameters
    charset: str | None
    data: bytes
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None


class _Transient(Exception):
    """A fault worth another attempt; its message becomes the error if none succeeds."""

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


def is_url(source: str) -> bool:
    """True for anything with a scheme ("https://", "file://", "ftp://")."""
    return bool(_URL.match(source))


def check_url(url: str) -> None:
    """Refuse schemes other than http and https, and URLs without a host."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"}:
        raise InputError(f"{url}: only http:// and https:// URLs can be read")
    if not parts.hostname:
        raise InputError(f"{url}: the URL has no host")


def default_timeout() -> float:
    try:
        return max(0.1, float(os.environ.get("BRIEFING_FETCH_TIMEOUT", TIMEOUT_SECONDS)))
    except ValueError:
        return TIMEOUT_SECONDS


def default_deadline() -> float:
    try:
        return max(0.1, float(os.environ.get("BRIEFING_FETCH_DEADLINE", DEADLINE_SECONDS)))
    except ValueError:
        return DEADLINE_SECONDS


def fetch(url: str, *, timeout: float | None = None, max_bytes: int = MAX_BYTES,
          attempts: int = MAX_ATTEMPTS, deadline: float | None = None,
          headers: dict[str, str] | None = None) -> Fetched:
    """GET `url`, retrying transient faults within `deadline` seconds for the whole download;
    raise NetworkError with one readable line when it cannot be had."""
    from tenacity import RetryError, Retrying, retry_if_exception_type, stop_after_attempt

    check_url(url)
    timeout = default_timeout() if timeout is None else timeout
    deadline = default_deadline() if deadline is None else deadline
    ends = time.monotonic() + deadline

    def out_of_time(state) -> bool:
        # Too little time left for another attempt: stop, so the error says the last real fault.
        return ends - time.monotonic() < 0.25

    retrying = Retrying(
        retry=retry_if_exception_type(_Transient),
        stop=stop_after_attempt(max(1, attempts)) | out_of_time,
        wait=lambda state: min(_backoff(state), max(0.0, ends - time.monotonic())),
        reraise=False,
    )
    faults: list[_Transient] = []

    def attempt() -> Fetched:
        if faults and ends - time.monotonic() <= 0.05:
            raise faults[-1]  # no time left for another try: the last real fault is the error
        try:
            return _attempt(url, timeout, max_bytes, ends, deadline, headers or {})
        except _Transient as fault:
            faults.append(fault)
            raise

    try:
        return retrying(attempt)
    except RetryError as exc:
        last = exc.last_attempt.exception()
        tries = exc.last_attempt.attempt_number
        raise NetworkError(f"{url}: {last} (after {tries} attempt{'s' * (tries != 1)})") from None


def _backoff(state) -> float:
    """Retry-After when the server gave one (capped), else exponential backoff with full jitter."""
    import random

    fault = state.outcome.exception() if state.outcome else None
    if isinstance(fault, _Transient) and fault.retry_after is not None:
        return fault.retry_after
    ceiling = FIRST_BACKOFF * 2 ** (state.attempt_number - 1)
    return random.uniform(ceiling / 2, ceiling)


def _attempt(url: str, timeout: float, max_bytes: int, ends: float, deadline: float,
             extra_headers: dict[str, str]) -> Fetched:
    import threading

    import requests

    remaining = ends - time.monotonic()
    if remaining <= 0:
        raise _Transient(f"not downloaded within {deadline:g} s")
    session = requests.Session()
    session.max_redirects = MAX_REDIRECTS
    headers = {"User-Agent": USER_AGENT,
               "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                         "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5", **extra_headers}
    too_big = f"{url}: larger than {max_bytes // (1024 * 1024)} MB; not an article"
    expired = threading.Event()
    watchdog: threading.Timer | None = None
    try:
        with session.get(url, headers=headers, timeout=(min(CONNECT_TIMEOUT, remaining), min(timeout, remaining)),
                         stream=True, allow_redirects=True) as response:
            # The read timeout is per read: a server dripping a byte at a time would never trip it.
            # When the deadline passes, the watchdog shuts the socket and the read ends at once.
            watchdog = threading.Timer(max(0.0, ends - time.monotonic()), _shut, (response, expired))
            watchdog.daemon = True
            watchdog.start()
            check_url(response.url)  # a redirect may not lead off http(s)
            status = response.status_code
            if status == 304:
                return Fetched(response.url, "", None, b"", status=304, etag=response.headers.get("ETag"),
                               last_modified=response.headers.get("Last-Modified"))
            if status == 429 or status >= 500:
                raise _Transient(f"the server answered {status} {response.reason or ''}".strip(),
                                 retry_after=_retry_after(response.headers.get("Retry-After")))
            if status >= 400:
                raise NetworkError(f"{url}: the server answered {status} {response.reason or ''}".strip())
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise InputError(too_big)
            chunks, size = [], 0
            try:
                for chunk in response.iter_content(64 * 1024):
                    size += len(chunk)
                    if size > max_bytes:
                        raise InputError(too_big)
                    chunks.append(chunk)
            except requests.exceptions.RequestException:
                if expired.is_set():
                    raise _Transient(f"not downloaded within {deadline:g} s") from None
                raise
            if expired.is_set():
                raise _Transient(f"not downloaded within {deadline:g} s")
            data = b"".join(chunks)
            encoded = response.headers.get("Content-Encoding", "identity").lower() not in {"", "identity"}
            if declared.isdigit() and not encoded and len(data) < int(declared):
                raise _Transient(f"the page arrived truncated ({len(data)} of {declared} bytes)")
            content_type, charset = _media_type(response.headers.get("Content-Type", ""))
            return Fetched(response.url, content_type, charset, data, status=status,
                           etag=response.headers.get("ETag"), last_modified=response.headers.get("Last-Modified"))
    except requests.exceptions.TooManyRedirects:
        raise NetworkError(f"{url}: more than {MAX_REDIRECTS} redirects") from None
    except requests.exceptions.InvalidSchema:
        raise InputError(f"{url}: only http:// and https:// URLs can be read") from None
    except requests.exceptions.ConnectTimeout:
        raise _Transient(f"cannot connect within {CONNECT_TIMEOUT:g} s") from None
    except requests.exceptions.Timeout:
        raise _Transient(f"no answer within {timeout:g} s") from None
    except requests.exceptions.ChunkedEncodingError:
        raise _Transient("the page arrived truncated (the connection closed early)") from None
    except requests.exceptions.SSLError as exc:
        raise NetworkError(f"{url}: {_reason(exc)}") from None
    except requests.exceptions.ConnectionError as exc:
        reason = _reason(exc)
        if reason in {"unknown host", "cannot resolve the host: no network?"}:
            raise NetworkError(f"{url}: cannot connect ({reason})") from None
        raise _Transient(f"cannot connect ({reason})") from None
    except requests.exceptions.RequestException as exc:
        raise NetworkError(f"{url}: {_reason(exc)}") from None
    finally:
        if watchdog is not None:
            watchdog.cancel()


def _shut(response, expired) -> None:
    """Shut the response's socket so a read blocked on it returns now (close alone does not wake it)."""
    import socket

    expired.set()
    raw = response.raw
    connection = getattr(raw, "_connection", None)
    # The connection's socket; a response that will close its connection (HTTP/1.0) is
    # detached from it, and only its file object still holds the socket.
    candidates = [getattr(connection, "sock", None),
                  getattr(getattr(getattr(getattr(raw, "_fp", None), "fp", None), "raw", None), "_sock", None)]
    for sock in candidates:
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), capped."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        from datetime import datetime, timezone
        from email.utils import parsedate_to_datetime

        try:
            seconds = (parsedate_to_datetime(value) - datetime.now(timezone.utc)).total_seconds()
        except (TypeError, ValueError):
            return None
    return min(MAX_RETRY_AFTER, max(0.0, seconds))


def _media_type(header: str) -> tuple[str, str | None]:
    parts = [p.strip() for p in header.split(";")]
    charset = next((p.split("=", 1)[1].strip("\"' ") for p in parts[1:] if p.lower().startswith("charset=")), None)
    return parts[0].lower(), charset or None


_REASONS = (
    ("Connection refused", "connection refused"),
    ("Name or service not known", "unknown host"),
    ("nodename nor servname", "unknown host"),
    ("Temporary failure in name resolution", "cannot resolve the host: no network?"),
    ("Network is unreachable", "network unreachable"),
    ("CERTIFICATE_VERIFY_FAILED", "the server's certificate is not valid"),
    ("Connection reset", "connection reset by the server"),
)


def _reason(exc: Exception) -> str:
    """A short human reason instead of urllib3's nested exception text."""
    text = str(exc)
    for needle, reason in _REASONS:
        if needle in text:
            return reason
    return exc.__class__.__name__
