"""Access logs of a site served by a bucket or a CDN, read into the media requests the download
counter takes (downloads.py): S3 server access logs, CloudFront standard logs, nginx's combined
format and Caddy's JSON. A line that is not a successful GET of an episode's audio is skipped;
addresses are hashed with a salt made for this run (a new one per day) and never kept.

    briefing stats --log access.log --format nginx --site site
"""

from __future__ import annotations

from typing import NamedTuple

import json
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import unquote

from ..errors import InputError
from .downloads import DailySalt, MediaRequest, app_of, is_bot, listener_id

FORMATS = ("s3", "cloudfront", "nginx", "caddy")
AUDIO = re.compile(r"([^/?#]+\.(?:mp3|opus))(?:[?#].*)?$", re.I)


class Hit(NamedTuple):  # a tuple: a million of them are made for a long log
    """One line of a log, as far as counting cares."""

    day: str  # the UTC day, YYYY-MM-DD
    ip: str
    user_agent: str
    path: str
    status: int
    start: int | None
    length: int


# Quoted fields hold no bare quote: nginx writes one as \x22, S3 as \".
_NGINX = re.compile(r'^(\S+) \S+ \S+ \[([^\]]+)\] "(\S+) (\S+)[^"]*" (\d{3}) (\d+|-) "[^"]*" "([^"]*)"')
_S3 = re.compile(r'^\S+ \S+ \[([^\]]+)\] (\S+) \S+ \S+ (\S+) (\S+) "(\S+) (\S+)[^"]*" (\d{3}|-) \S+ (\d+|-) (\d+|-) '
                 r'\S+ \S+ "[^"]*" "((?:[^"\\]|\\.)*)"')
_MONTHS = {name: n for n, name in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                                             "Nov", "Dec"), 1)}


def _clf_day(text: str) -> str:
    """The UTC day of a common-log-format time, 01/Dec/2026:07:30:00 +0000 (strptime is ten times
    slower, and most of a million-line log's cost)."""
    try:
        if text.endswith(" +0000"):
            return f"{text[7:11]}-{_MONTHS[text[3:6]]:02d}-{text[0:2]}"
        sign = -1 if text[21] == "-" else 1
        offset = timezone(sign * timedelta(hours=int(text[22:24]), minutes=int(text[24:26])))
        local = datetime(int(text[7:11]), _MONTHS[text[3:6]], int(text[0:2]), int(text[12:14]), int(text[15:17]),
                         int(text[18:20]), tzinfo=offset)
        return local.astimezone(timezone.utc).date().isoformat()
    except (KeyError, ValueError, IndexError):
        return ""


def _nginx(lines) -> Iterator[Hit]:
    for line in lines:
        m = _NGINX.match(line)
        if not m:
            continue
        ip, when, method, path, status, sent, agent = m.groups()
        if method == "GET":
            yield Hit(_clf_day(when), ip, agent, path, int(status), None, 0 if sent == "-" else int(sent))


def _s3(lines) -> Iterator[Hit]:
    for line in lines:
        m = _S3.match(line)
        if not m or m.group(3) != "REST.GET.OBJECT" or m.group(7) == "-":
            continue
        yield Hit(_clf_day(m.group(1)), m.group(2), m.group(10).replace('\\"', '"'), m.group(4), int(m.group(7)),
                  None, 0 if m.group(8) == "-" else int(m.group(8)))


def _cloudfront(lines) -> Iterator[Hit]:
    fields: list[str] = []
    for line in lines:
        if line.startswith("#Fields:"):
            fields = line.split()[1:]
            continue
        if line.startswith("#") or not fields:
            continue
        row = dict(zip(fields, line.rstrip("\n").split("\t")))
        if row.get("cs-method") != "GET":
            continue
        try:
            day = date.fromisoformat(row["date"]).isoformat()
            status, length = int(row["sc-status"]), int(row["sc-bytes"])
        except (KeyError, ValueError):
            continue
        start = row.get("sc-range-start", "-")
        yield Hit(day, row.get("c-ip", ""), unquote(unquote(row.get("cs(User-Agent)", ""))), row.get("cs-uri-stem", ""),
                  status, int(start) if start.isdigit() else None, length)


def _caddy(lines) -> Iterator[Hit]:
    for line in lines:
        try:
            entry = json.loads(line)
            request = entry["request"]
            if request.get("method") != "GET":
                continue
            headers = request.get("headers") or {}
            agent = (headers.get("User-Agent") or [""])[0]
            answered = entry.get("resp_headers") or {}
            span = re.match(r"bytes (\d+)-", (answered.get("Content-Range") or [""])[0])
            day = datetime.fromtimestamp(float(entry["ts"]), timezone.utc).date().isoformat()
            yield Hit(day, request.get("client_ip") or request.get("remote_ip", ""), agent, request.get("uri", ""),
                      int(entry.get("status", 0)), int(span.group(1)) if span else None, int(entry.get("size", 0)))
        except (ValueError, KeyError, TypeError, AttributeError):
            continue


PARSERS = {"nginx": _nginx, "s3": _s3, "cloudfront": _cloudfront, "caddy": _caddy}


def guess_format(first: str) -> str | None:
    if first.startswith("#Version") or first.startswith("#Fields"):
        return "cloudfront"
    if first.lstrip().startswith("{"):
        return "caddy"
    if _NGINX.match(first):
        return "nginx"
    if _S3.match(first):
        return "s3"
    return None


def read_log(path: Path, fmt: str | None = None) -> Iterator[MediaRequest]:
    """The media requests of an access log (a file, or '-' for standard input), bots left out."""
    import sys

    if fmt is not None and fmt not in FORMATS:
        raise InputError(f"--format {fmt}: choose one of {', '.join(FORMATS)}")
    if str(path) != "-" and not Path(path).is_file():
        raise InputError(f"{path}: no such log file")
    handle = sys.stdin if str(path) == "-" else open(path, encoding="utf-8", errors="replace")
    with handle:
        first = handle.readline()
        fmt = fmt or guess_format(first)
        if fmt is None:
            raise InputError(f"{path}: not an access log briefing reads; give --format "
                                f"({', '.join(FORMATS)})")
        salt = DailySalt()

        def lines():
            yield first
            yield from handle

        for hit in PARSERS[fmt](lines()):
            if hit.status not in (200, 206) or not hit.day or is_bot(hit.user_agent):
                continue
            found = AUDIO.search(hit.path)
            if not found:
                continue
            day = hit.day
            yield MediaRequest(day, listener_id(salt.for_day(day), hit.ip, hit.user_agent), unquote(found.group(1)),
                               hit.start, hit.length, app_of(hit.user_agent))
