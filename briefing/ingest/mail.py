"""E-mail: one message (.eml), a mailbox file (.mbox) or a Maildir folder; each message an article.

A message is read from its HTML part when it has one (through the HTML reader, as a page
is), from its plain-text part otherwise; it is titled by its Subject, dated by its Date and
credited to its sender. Newsletter clutter (briefing/ingest/newsletter.py) is removed. A
mailbox yields its messages newest first, like a feed's items (`--latest N`); each
message's Message-ID is its guid, so a show remembers which it covered.

    briefing article morning.eml --json
    briefing article newsletters.mbox --latest 3
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime
from pathlib import Path

from .article import normalize_whitespace
from ..errors import InputError
from ..models import Article

_HEADER = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:[ \t]", re.MULTILINE)
_MBOX_FROM = re.compile(rb"^From \S+ +\S", re.MULTILINE)
_MAIL_HEADERS = (b"from:", b"subject:", b"date:", b"message-id:", b"received:", b"return-path:", b"mime-version:",
                 b"delivered-to:", b"to:")


ENCRYPTED_TYPES = {"multipart/encrypted", "application/pkcs7-mime", "application/x-pkcs7-mime"}


@dataclass(frozen=True)
class Message:
    """One message read: its Message-ID (the guid), its web address if it gave one, the article."""

    message_id: str
    link: str
    article: Article
    sent: datetime | None


def looks_like_message(data: bytes) -> bool:
    """An RFC 5322 message: its first line is a header, and From with Subject or Date are among the headers."""
    head = data[:8192].lstrip()
    if not _HEADER.match(head):
        return False
    headers = head.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0].lower()
    names = {line.split(b":", 1)[0] + b":" for line in headers.splitlines() if b":" in line and line[:1].strip()}
    return b"from:" in names and (b"subject:" in names or b"date:" in names) and len(names & set(_MAIL_HEADERS)) >= 2


def looks_like_mbox(data: bytes) -> bool:
    return bool(_MBOX_FROM.match(data[:200].lstrip(b"\r\n"))) and looks_like_message(data.split(b"\n", 1)[-1])


def is_maildir(path: Path) -> bool:
    return path.is_dir() and (path / "cur").is_dir() and (path / "new").is_dir()


MBOX_SUFFIXES = (".mbox", ".mbx")


def is_mailbox(path: Path) -> bool:
    """A Maildir folder or an mbox file: read message by message, whatever its size."""
    return is_maildir(path) or (path.suffix.lower() in MBOX_SUFFIXES and path.is_file())


def read_message(data: bytes, *, source: str) -> Message:
    """One message's article; InputError when it has no readable text."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    subject = normalize_whitespace(_header(message, "subject")) or None
    sent = _sent(message)
    name, address = parseaddr(_header(message, "from"))
    sender = normalize_whitespace(name) or address or None
    message_id = _header(message, "message-id").strip() or _made_id(data)
    if message.get_content_type() in ENCRYPTED_TYPES:
        raise InputError(f"{source}: the message {subject or message_id!r} is encrypted (PGP or S/MIME); "
                         "briefing cannot read it")
    html_part = _part(message, "html")
    link = ""
    sections = ()
    if html_part is not None:
        from .html import parse as parse_html, sections_from_fragment
        from .newsletter import clean_html, strip_clutter, web_version

        html = _content(html_part)
        link = web_version(html) or ""
        cleaned = clean_html(html)
        # A newsletter is its own text, laid out in tables: every heading and paragraph counts
        # (trafilatura, made for pages with menus, drops a table layout's headings).
        # lxml asserts on a document left without a body ("too many bodies: []"): nothing to read.
        try:
            sections = sections_from_fragment(cleaned)
            if not sections:
                sections = parse_html(cleaned, source=source).sections
        except (InputError, AssertionError):
            sections = ()
        sections = strip_clutter(sections)
    if not sections:
        text_part = _part(message, "plain")
        if text_part is not None:
            from .article import sections_from_blocks, split_blocks
            from .newsletter import strip_clutter

            body = _content(text_part)
            link = link or _plain_web_version(body)
            sections = strip_clutter(sections_from_blocks(split_blocks(_without_quotes(body)))[1])
    sections = _without_title(sections, subject)
    if not sections:
        raise InputError(f"{source}: the message {subject or message_id!r} has no text to read")
    article = Article(title=subject or "Untitled message", source=source, sections=sections,
                      published=sent.date() if sent else None, byline=sender)
    return Message(message_id=message_id, link=link or _mid_link(message_id), article=article, sent=sent)


def split_mbox(data: bytes) -> list[bytes]:
    """The messages of an mbox file (its "From " lines separate them; ">From " is unquoted)."""
    starts = [m.start() for m in re.finditer(rb"(?m)^From \S+ +\S[^\n]*\n", data)]
    messages = []
    for i, start in enumerate(starts):
        chunk = data[start:starts[i + 1] if i + 1 < len(starts) else len(data)]
        chunk = chunk.split(b"\n", 1)[1] if b"\n" in chunk else b""
        messages.append(re.sub(rb"(?m)^>(>*From )", rb"\1", chunk))
    return [m for m in messages if m.strip()]


def read_messages(data: bytes | None = None, *, source: str, path: Path | None = None,
                  latest: int | None = None) -> list[Message]:
    """The readable messages of an .eml, an .mbox (bytes) or a Maildir (`path`), newest first
    (by their Date), the newest `latest` when given.

    Messages arrive in order (an mbox appends them; a Maildir file's time is its delivery), so
    with `latest` only the last-delivered are read, a few more than asked in case some have
    no text: a mailbox of years costs what its last days do. A message without text is
    skipped when there are others; one damaged message does not spoil a mailbox."""
    if path is not None and is_maildir(path):
        files = sorted((f for sub in ("new", "cur") for f in (path / sub).iterdir() if f.is_file()),
                       key=_delivered)
        raws, kind = _LazyFiles(files), "Maildir"
    elif path is not None and path.is_file():  # an mbox file of any size: its messages located, not loaded
        import mailbox

        try:
            box = mailbox.mbox(str(path), create=False)
            keys = list(box.keys())
        except (OSError, mailbox.Error) as exc:
            raise InputError(f"{source}: cannot read the mbox ({getattr(exc, 'strerror', None) or exc})") from None
        raws, kind = _LazyMbox(box, keys), "mbox"
    elif data is not None and looks_like_mbox(data):
        raws, kind = split_mbox(data), "mbox"
    else:
        raws, kind = [data or b""], "message"
    messages, errors = [], []
    wanted = None if latest is None else latest + LOOKBACK
    for number in range(len(raws), 0, -1):  # the last delivered first
        if wanted is not None and len(messages) >= wanted:
            break
        label = source if kind == "message" else f"{source}#{number}"
        try:
            messages.append(read_message(raws[number - 1], source=label))
        except InputError as exc:
            errors.append(exc)
    if not messages:
        if errors and kind == "message":
            raise errors[0]
        raise InputError(f"{source}: the {kind} has no messages with text" if len(raws)
                         else f"{source}: the {kind} is empty")
    epoch = datetime.min.replace(tzinfo=timezone.utc)
    messages.sort(key=lambda m: m.sent or epoch, reverse=True)
    return messages[:latest] if latest else messages


LOOKBACK = 5  # messages read past `latest`: a late-delivered older one sorts in by its Date


def _delivered(file: Path) -> tuple[float, str]:
    try:
        return file.stat().st_mtime, file.name
    except OSError:
        return 0.0, file.name


class _LazyMbox:
    """An mbox's messages, each read from the file only when asked for."""

    def __init__(self, box, keys: list):
        self.box, self.keys = box, keys

    def __len__(self) -> int:
        return len(self.keys)

    def __getitem__(self, index: int) -> bytes:
        try:
            return re.sub(rb"(?m)^>(>*From )", rb"\1", self.box.get_bytes(self.keys[index]))
        except (OSError, KeyError, ValueError):
            return b""


class _LazyFiles:
    """A Maildir's message files, read only when asked for (an unreadable one reads as empty)."""

    def __init__(self, files: list[Path]):
        self.files = files

    def __len__(self) -> int:
        return len(self.files)

    def __getitem__(self, index: int) -> bytes:
        try:
            return self.files[index].read_bytes()
        except OSError:
            return b""


def parse(data: bytes, *, source: str, title: str | None = None, latest: int | None = None) -> list[Article]:
    """An .eml or .mbox as Articles (an .eml's one message titled `title` when given)."""
    articles = [m.article for m in read_messages(data, source=source, latest=latest)]
    if title and len(articles) == 1:
        from dataclasses import replace

        articles = [replace(articles[0], title=title)]
    return articles


def _header(message: EmailMessage, name: str) -> str:
    """A header's text; empty when it is missing or too malformed to decode."""
    try:
        return str(message.get(name, "") or "")
    except Exception:  # the email package raises many kinds on a broken header
        return ""


def _sent(message: EmailMessage) -> datetime | None:
    value = _header(message, "date")
    if not value:
        return None
    try:
        sent = parsedate_to_datetime(str(value))
    except (TypeError, ValueError, IndexError):
        return None
    return sent if sent.tzinfo else sent.replace(tzinfo=timezone.utc)


def _part(message: EmailMessage, subtype: str):
    try:
        return message.get_body(preferencelist=(subtype,))
    except Exception:  # a malformed MIME tree: treat as no such part
        return None


def _content(part) -> str:
    try:
        content = part.get_content()
    except (LookupError, ValueError, AssertionError):  # an unknown charset or a broken transfer encoding
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("utf-8", errors="replace")
    return content if isinstance(content, str) else content.decode("utf-8", errors="replace")


def _without_quotes(body: str) -> str:
    """A plain-text message without quoted replies ("> ...") and its signature ("-- ")."""
    lines = []
    for line in body.splitlines():
        if line.rstrip() == "--":
            break
        if not line.startswith(">"):
            lines.append(line)
    return "\n".join(lines)


def _plain_web_version(body: str) -> str:
    m = re.search(r"(?i)(view|read)[^\n]{0,40}(browser|online|web)[^\n]*?(https?://\S+)", body)
    return m.group(3).rstrip(">)].,") if m else ""


def _without_title(sections, subject: str | None):
    """The sections without a heading that repeats the subject above the story."""
    from ..models import Section

    if sections and subject and sections[0].heading and _same_words(sections[0].heading, subject):
        return (Section(None, sections[0].paragraphs),) + tuple(sections[1:])
    return tuple(sections)


def _same_words(a: str, b: str) -> bool:
    return re.findall(r"\w+", a.lower()) == re.findall(r"\w+", b.lower())


def _made_id(data: bytes) -> str:
    """A stable Message-ID for a message without one: a hash of its bytes."""
    import hashlib

    return f"<{hashlib.sha1(data).hexdigest()[:24]}@briefing.invalid>"


def _mid_link(message_id: str) -> str:
    """The message's own address (RFC 2392 mid: URL), when it gave no web address."""
    from urllib.parse import quote

    return "mid:" + quote(message_id.strip("<>"), safe="@.!$&'()*+,;=-_~")


def _words(sections) -> int:
    return sum(len(p.split()) for s in sections for p in s.paragraphs)


def message_day(message: Message) -> date | None:
    return message.sent.date() if message.sent else None
