"""Bytes to text: UTF-8 when it is, a detected encoding otherwise, never junk."""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode an article's bytes; refuse binary files with a clear message.

    UTF-8 when the bytes are valid UTF-8; else the charset the server or the
    page's <meta> declared; else charset-normalizer's detection.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    head = data[:8192]
    if b"\x00" in head and not (data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff")):
        raise InputError(f"{source}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_declared(data, declared) or _decode_latin(data) or _decode_detected(data, source)
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 100):
        raise InputError(f"{source}: looks like a binary file, not text")
    return text


def _decode_declared(data: bytes, declared: str | None) -> str | None:
    names = [declared] if declared else []
    meta = _META_CHARSET.search(data[:4096])
    if meta:
        names.append(meta.group(1).decode("ascii", "replace"))
    for name in names:
        try:
            codecs.lookup(name)
            if name.lower().replace("-", "").replace("_", "") == "utf8":
                continue  # already tried, and it failed
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return None


def _decode_latin(data: bytes) -> str | None:
    """Windows-1252 (a superset of Latin-1's printable range) when the text reads as a Latin script.

    Detection guesses poorly on short Western European text ("Café" came out as the
    Baltic cp775 "Cafķ"); cp1252 text has its accented letters inside words spelled
    mostly with ASCII letters, while another script read as cp1252 gives words made
    only of accented letters ("Ïðèâåò" for Russian), or far too many of them.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text if ch.isalpha()]
    foreign = [ch for ch in letters if ord(ch) > 127]
    if not letters or len(foreign) > 0.2 * len(letters):
        return None
    words = [w for w in re.findall(r"[^\W\d_]+", text) if any(ord(ch) > 127 for ch in w)]
    mixed = sum(1 for w in words if any(ord(ch) < 128 for ch in w))
    return text if words and mixed >= 0.6 * len(words) else None


def _decode_detected(data: bytes, source: str) -> str:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset-normalizer ships with requests
        return data.decode("cp1252", errors="replace")
    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{source}: looks like a binary file, not text")
    return str(best)
