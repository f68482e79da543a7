"""Fetching an article over HTTP(S): only http and https, with a timeout, a size cap
and a bounded number of redirects. The network is used only when a URL is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..errors import InputError, NetworkError

TIMEOUT_SECONDS = 15.0
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = "briefing/0.1 (+https://github.com/briefing; reads articles aloud)"

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


@dataclass(frozen=True)
class Fetched:
    """What a server sent: the final URL after redirects, its media type and bytes."""

    url: str
    content_type: str  # e.g. "text/html", lower case, without parameters
    charset: str | None
    data: bytes


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


def fetch(url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES) -> Fetched:
    """GET `url`; raise NetworkError with one readable line when it cannot be had."""
    import requests

    check_url(url)
    session = requests.Session()
    session.max_redirects = MAX_REDIRECTS
    headers = {"User-Agent": USER_AGENT,
               "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                         "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"}
    try:
        with session.get(url, headers=headers, timeout=timeout, stream=True, allow_redirects=True) as response:
            check_url(response.url)  # a redirect may not lead off http(s)
            if response.status_code >= 400:
                raise NetworkError(f"{url}: the server answered {response.status_code} {response.reason or ''}".strip())
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputError(f"{url}: larger than {max_bytes // (1024 * 1024)} MB; not an article")
            chunks, size = [], 0
            for chunk in response.iter_content(64 * 1024):
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(f"{url}: larger than {max_bytes // (1024 * 1024)} MB; not an article")
                chunks.append(chunk)
            content_type, charset = _media_type(response.headers.get("Content-Type", ""))
            return Fetched(response.url, content_type, charset, b"".join(chunks))
    except requests.exceptions.TooManyRedirects:
        raise NetworkError(f"{url}: more than {MAX_REDIRECTS} redirects") from None
    except requests.exceptions.Timeout:
        raise NetworkError(f"{url}: no answer within {timeout:g} s") from None
    except requests.exceptions.InvalidSchema:
        raise InputError(f"{url}: only http:// and https:// URLs can be read") from None
    except requests.exceptions.ConnectionError as exc:
        raise NetworkError(f"{url}: cannot connect ({_reason(exc)})") from None
    except requests.exceptions.RequestException as exc:
        raise NetworkError(f"{url}: {_reason(exc)}") from None


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
