"""Bytes to text: UTF-8 when it is, a detected encoding otherwise, never junk.

The order: a byte-order mark (UTF-8, UTF-16); valid UTF-8, whatever is declared (a
feed declaring windows-1252 whose bytes are UTF-8 is UTF-8); the charset the server,
the page's <meta> or the XML declaration names, when the text it gives is plausible
(a Latin charset must give Latin words, not "Ïðèâåò"); else detection. Double-encoded
UTF-8 ("CafÃ©") is repaired by ftfy, imported only when the text shows the marks.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding=["']([A-Za-z0-9_.:-]+)["']""")
_LATIN = {codecs.lookup(name).name for name in ("cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "ascii",
                                                 "cp1257", "iso8859_13", "cp1254", "iso8859_9", "mac_roman")}
# UTF-8 read as Windows-1252 or Latin-1: "Ã©" for "é", "â€™" for "’".
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                       "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> str:
    """Decode an article's bytes; refuse binary files with a clear message.

    UTF-8 when the bytes are valid UTF-8; else the charset the server or the
    page's <meta> declared; else charset-normalizer's detection.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    utf16 = _utf16(data)
    if utf16 is not None:
        return repair_mojibake(utf16)
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
    return repair_mojibake(text)


def _utf16(data: bytes) -> str | None:
    """UTF-16 text: by its byte-order mark, or by an XML declaration's zero bytes."""
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[2:].decode(codec)
            except UnicodeDecodeError:
                return None
    for start, codec in ((b"<\x00?\x00", "utf-16-le"), (b"\x00<\x00?", "utf-16-be")):
        if data.startswith(start):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def utf16_as_utf8(data: bytes, source: str) -> bytes:
    """UTF-16 bytes (a feed or page with a byte-order mark) as UTF-8, so sniffing can read them; others as they are."""
    if _utf16(data[:4]) is None and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data
    return xml_as_utf8(data, source)


def repair_mojibake(text: str) -> str:
    """Double-encoded UTF-8 ("CafÃ©", "itâ€™s") made right again (ftfy), text without its marks untouched."""
    if not _MOJIBAKE.search(text):
        return text
    import ftfy

    return ftfy.fix_encoding(text)


def xml_as_utf8(data: bytes, source: str, declared: str | None = None) -> bytes:
    """An XML document (a feed) decoded as above and encoded again as UTF-8, its declaration saying so."""
    text = decode_bytes(data, source, declared=declared)
    text = re.sub(r"""^(\s*<\?xml[^>]*?encoding=["'])[A-Za-z0-9_.:-]+(["'])""", r"\1utf-8\2", text, count=1)
    return text.encode("utf-8")


def _decode_declared(data: bytes, declared: str | None) -> str | None:
    names = [declared] if declared else []
    for pattern in (_META_CHARSET, _XML_ENCODING):
        found = pattern.search(data[:4096])
        if found:
            names.append(found.group(1).decode("ascii", "replace"))
    for name in names:
        try:
            codec = codecs.lookup(name).name
            if codec == "utf-8":
                continue  # already tried, and it failed
            text = data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
        if codec in _LATIN and not _latin_words(text):
            continue  # a wrong declaration: "Ïðèâåò" is Russian read as Windows-1252
        if _mixed_scripts(text):
            continue  # a wrong declaration: "cafИ" is Windows-1252 read as KOI8-R
        return text
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
    has_words = any(ord(ch) > 127 for w in re.findall(r"[^\W\d_]+", text) for ch in w)
    return text if has_words and _latin_words(text) else None


def _latin_words(text: str) -> bool:
    """Does this read as a Latin script (accented letters inside mostly-ASCII words)?"""
    letters = [ch for ch in text if ch.isalpha()]
    foreign = [ch for ch in letters if ord(ch) > 127]
    if not letters or len(foreign) > 0.2 * len(letters):
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", text) if any(ord(ch) > 127 for ch in w)]
    mixed = sum(1 for w in words if any(ord(ch) < 128 for ch in w))
    return not words or mixed >= 0.6 * len(words)


def _mixed_scripts(text: str) -> bool:
    """Words that mix Latin letters with another script's ("cafИ", "aprХs"): a wrong charset's mark."""
    import unicodedata

    suspects = mixed = 0
    for word in re.findall(r"[^\W\d_]+", text[:20000]):
        if word.isascii():
            continue
        suspects += 1
        scripts = {unicodedata.name(ch, "?").split()[0] for ch in word}
        if "LATIN" in scripts and len(scripts) > 1:
            mixed += 1
    return suspects > 0 and mixed > 0.1 * suspects


def _decode_detected(data: bytes, source: str) -> str:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset-normalizer ships with requests
        return data.decode("cp1252", errors="replace")
    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{source}: looks like a binary file, not text")
    return str(best)
