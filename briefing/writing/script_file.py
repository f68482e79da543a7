"""A written script as a file a person edits, and back: JSON (`briefing script --json`) or a
plain-text form (`briefing script --text-form`), read by `briefing render`.

In both, a segment's `text` is what a person edits and the source of truth. Its `sentences`
(where the voice pauses, already speakable) are derived from it: kept as they were when the
text is unchanged, so those sentences come from the take cache; written again (split into
sentences, made speakable) when it changed, so only the changed ones are spoken again.

The plain-text form:

    # Rebels take Hama
    show: The Briefing
    date: 2026-12-06
    language: en
    hosts: Hannah, Joe
    source: article.txt

    ## intro: Introduction
    Hannah: Welcome to The Briefing...

    ## section: The Strategic Blow
    Joe: The loss of Hama is a gut punch...

A heading per segment (`## kind: title`), then its text, a sentence a line (a line may hold
several; an unchanged line is said as before). With several hosts each segment's text opens
with its speaker's name (`Name: text`).
A malformed script is refused with one line naming the line or the field.
"""

from __future__ import annotations

import json
import re
from datetime import date as Date
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Script, Segment

KINDS = ("intro", "article", "section", "handover", "outro")
_HEADER_KEYS = ("show", "date", "language", "hosts", "source")


def resplit(text: str, language: str = "en") -> tuple[str, ...]:
    """A segment's edited text as the voice says it: sentences, made speakable."""
    from .script import _speakable_sentences

    return _speakable_sentences([" ".join(text.split())], language)


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[\w'’]+", text.lower()))


def settled(text: str, language: str, before: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The sentences for an edited `text`: derived anew, but a sentence that says the same words
    as one said before (or as the text itself) is kept as it was, so its take is reused.

    Making a sentence speakable is not idempotent in its punctuation (" - " becomes ","), and
    an acronym said letter by letter ("L V M H.") can look like initials to the splitter.
    """
    new = resplit(text, language)
    known = {_tokens(s): s for s in before}
    if len(new) == 1 and not before:
        known[_tokens(text)] = " ".join(text.split())
    return tuple(known.get(_tokens(s), s) for s in new)


def sentences_of(text: str, before: tuple[str, ...], language: str) -> tuple[str, ...]:
    """The sentences for a segment's `text`: `before` when the text is theirs, else derived anew."""
    if before and " ".join(before) == text.strip():
        return before
    return settled(text, language, before)


# JSON -------------------------------------------------------------------------------------------


def script_from_json(text: str, name: str = "script") -> Script:
    """A Script from `briefing script --json` output, perhaps edited."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name} line {exc.lineno}: not valid JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise InputError(f"{name}: a script is a JSON object with title, show, date and segments")
    language = _field(data, "language", str, name, default="en")
    title = _field(data, "title", str, name)
    show = _field(data, "show", str, name)
    day = _day(_field(data, "date", str, name), f"{name}: date")
    hosts = _field(data, "hosts", list, name, default=[])
    sources = _field(data, "sources", list, name, default=[])
    raw = _field(data, "segments", list, name)
    if not raw:
        raise InputError(f"{name}: segments: the script has no segments")
    segments = []
    for number, item in enumerate(raw, 1):
        where = f"{name}: segments[{number - 1}]"
        if not isinstance(item, dict):
            raise InputError(f"{where}: should be an object with kind, title and text")
        kind = _field(item, "kind", str, where)
        if kind not in KINDS:
            raise InputError(f"{where}.kind: {kind!r} is not one of {', '.join(KINDS)}")
        seg_title = _field(item, "title", (str, type(None)), where, default=None)
        speaker = _field(item, "speaker", (str, type(None)), where, default=None)
        if hosts and speaker is not None and speaker not in hosts:
            raise InputError(f"{where}.speaker: {speaker!r} is not one of the hosts ({', '.join(hosts)})")
        before = _field(item, "sentences", list, where, default=[])
        if not all(isinstance(s, str) for s in before):
            raise InputError(f"{where}.sentences: should be a list of strings")
        text = item.get("text")
        if text is None:
            if not before:
                raise InputError(f"{where}: needs text")
            text = " ".join(before)
        if not isinstance(text, str):
            raise InputError(f"{where}.text: should be a string")
        sentences = sentences_of(text, tuple(before), language)
        if sentences:  # a segment whose text was deleted is left out
            segments.append(Segment(kind, seg_title, sentences, speaker))
    if not segments:
        raise InputError(f"{name}: segments: every segment's text is empty")
    return Script(title=title, show=show, date=day, segments=tuple(segments), sources=tuple(map(str, sources)),
                  language=language, hosts=tuple(map(str, hosts)))


def _field(data: dict, key: str, kind, where: str, default: Any = ...):
    if key not in data:
        if default is ...:
            raise InputError(f"{where}: missing {key}")
        return default
    value = data[key]
    if not isinstance(value, kind):
        names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
        raise InputError(f"{where}.{key}: should be {names.replace('NoneType', 'null')}")
    return value


def _day(text: str, where: str) -> Date:
    try:
        return Date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{where}: {text.strip()!r} is not a date (YYYY-MM-DD)") from None


# Plain text -------------------------------------------------------------------------------------


def script_to_text(script: Script) -> str:
    """The plain-text form of a script (see the module's docstring)."""
    lines = [f"# {script.title}", f"show: {script.show}", f"date: {script.date.isoformat()}",
             f"language: {script.language}"]
    if script.hosts:
        lines.append(f"hosts: {', '.join(script.hosts)}")
    lines += [f"source: {source}" for source in script.sources]
    for segment in script.segments:
        lines += ["", f"## {segment.kind}" + (f": {segment.title}" if segment.title else "")]
        for number, sentence in enumerate(segment.sentences):
            lines.append((f"{segment.speaker}: " if segment.speaker and number == 0 else "") + sentence)
    return "\n".join(lines) + "\n"


def script_from_text(text: str, name: str = "script") -> Script:
    """A Script from its plain-text form, perhaps edited."""
    header: dict[str, Any] = {"sources": []}
    title = None
    segments: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        where = f"{name} line {number}"
        stripped = line.strip()
        if stripped.startswith("## "):
            kind, _, seg_title = stripped[3:].partition(":")
            kind = kind.strip()
            if kind not in KINDS:
                raise InputError(f"{where}: {kind!r} is not a kind of segment ({', '.join(KINDS)})")
            current = {"kind": kind, "title": seg_title.strip() or None, "lines": [], "line": number}
            segments.append(current)
        elif stripped.startswith("# ") and title is None and current is None:
            title = stripped[2:].strip()
        elif current is None:
            if not stripped:
                continue
            key, colon, value = stripped.partition(":")
            key = key.strip().lower()
            if not colon or key not in _HEADER_KEYS:
                raise InputError(f"{where}: expected '# title', a header ({', '.join(k + ':' for k in _HEADER_KEYS)}) "
                                 "or a '## kind: title' heading")
            if key == "source":
                header["sources"].append(value.strip())
            elif key == "hosts":
                header["hosts"] = [h.strip() for h in value.split(",") if h.strip()]
            elif key == "date":
                header["date"] = _day(value, where)
            else:
                header[key] = value.strip()
        elif stripped:
            current["lines"].append((number, stripped))
    if title is None:
        raise InputError(f"{name} line 1: the script starts with '# title'")
    for key in ("show", "date"):
        if key not in header:
            raise InputError(f"{name}: missing '{key}:' in the header")
    if not segments:
        raise InputError(f"{name}: no segments ('## kind: title' headings)")
    hosts = header.get("hosts", [])
    language = header.get("language", "en")
    built = []
    for segment in segments:
        speaker = None
        body = []
        for number, line in segment["lines"]:
            if hosts:
                name_part, colon, rest = line.partition(":")
                if colon and name_part.strip() in hosts:
                    if speaker is not None and name_part.strip() != speaker:
                        raise InputError(f"{name} line {number}: a segment has one speaker ({speaker})")
                    speaker = name_part.strip()
                    line = rest.strip()
                elif not body and speaker is None:
                    raise InputError(f"{name} line {number}: with hosts, a segment's text starts with "
                                     f"'Name: ' ({', '.join(hosts)})")
            body.append(line)
        sentences = tuple(piece for line in body for piece in settled(line, language))
        if sentences:
            built.append(Segment(segment["kind"], segment["title"], sentences, speaker))
    if not built:
        raise InputError(f"{name}: every segment's text is empty")
    return Script(title=title, show=header["show"], date=header["date"], segments=tuple(built),
                  sources=tuple(header["sources"]), language=language, hosts=tuple(hosts))


def load_script(path: str | Path) -> Script:
    """A script file: JSON (`briefing script --json`) or the plain-text form, by its content."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8") if str(path) != "-" else __import__("sys").stdin.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot be read ({exc.__class__.__name__})") from None
    if text.lstrip().startswith("{"):
        return script_from_json(text, str(path))
    return script_from_text(text, str(path))
