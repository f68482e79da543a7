"""An IMAP mailbox as a show source: the newsletters in it, each message one item.

    [[source]]
    url = "imaps://reader@mail.example.org/INBOX?from=morning@news.example.org"
    password_env = "NEWS_IMAP_PASSWORD"     # the environment variable holding the password
    mark_read = true                          # optional: mark covered messages read (default: change nothing)

The mailbox is opened read-only (IMAP EXAMINE) and messages are fetched with BODY.PEEK, so
reading them changes nothing on the server: no flag is set, nothing moves. The `from`
parameter keeps the messages of one sender (the server searches); the newest `latest` are
read (briefing/ingest/mail.py). Each message's Message-ID is its guid, so the show's memory
(show/memory.py) covers each newsletter once, as it covers a feed's items. With
`mark_read = true`, the messages an episode covered are marked read (\\Seen) once that
episode is published, and no others.

`imaps://` is IMAP over TLS (port 993), checked against the system's certificates
(`SSL_CERT_FILE` names others). `imap://` sends the password in the clear: it is accepted
for a server on this machine (localhost, 127.0.0.1, ::1) or with `allow_plaintext = true`.
"""

from __future__ import annotations

import imaplib
import os
import re
import socket
import ssl
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from ..errors import BriefingError, NetworkError
from ..models import Item, Mention, Source

SCHEMES = ("imap://", "imaps://")
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}
MAX_TRIES = 3  # messages fetched per message wanted, at most (some have nothing to read)
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class Mailbox:
    """Where the messages are: an IMAP URL taken apart."""

    tls: bool
    user: str
    host: str
    port: int
    mailbox: str
    sender: str | None

    @property
    def label(self) -> str:
        """The address without secrets or query, for messages and article sources."""
        return f"{'imaps' if self.tls else 'imap'}://{self.user}@{self.host}:{self.port}/{self.mailbox}"


def is_imap(url: str) -> bool:
    return url.lower().startswith(SCHEMES)


def parse_url(url: str) -> Mailbox:
    """`imap[s]://user@host[:port]/MAILBOX?from=ADDRESS`; BriefingError (one line) when malformed."""
    parts = urlsplit(url)
    tls = parts.scheme.lower() == "imaps"
    if parts.password:
        raise BriefingError(f"{url}: put the password in an environment variable (password_env), not in the URL")
    if not parts.username or not parts.hostname:
        raise BriefingError(f"{url}: an IMAP source needs a user and a server: imaps://user@mail.example.org/INBOX")
    try:
        port = parts.port or (993 if tls else 143)
    except ValueError:
        raise BriefingError(f"{url}: the port is not a number") from None
    query = parse_qs(parts.query)
    unknown = set(query) - {"from"}
    if unknown:
        raise BriefingError(f"{url}: unknown parameter {sorted(unknown)[0]!r} (only from=ADDRESS)")
    mailbox = unquote(parts.path.lstrip("/")) or "INBOX"
    sender = query.get("from", [None])[0]
    if sender is not None and (not sender.isascii() or not re.fullmatch(r"[^\s\"\\]+", sender)):
        raise BriefingError(f"{url}: from= should be an e-mail address or a part of one, not {sender!r}")
    return Mailbox(tls, unquote(parts.username), parts.hostname, port, mailbox, sender)


def check_source(url: str, password_env: str | None, allow_plaintext: bool, where: str) -> None:
    """The show file's checks of an IMAP source, each a one-line error."""
    try:
        address = parse_url(url)
    except BriefingError as exc:
        raise BriefingError(f"{where}: {exc}") from None
    if not password_env:
        raise BriefingError(f"{where}: an IMAP source needs password_env, the name of the environment variable "
                            "holding its password")
    if not _ENV_NAME.match(password_env):
        raise BriefingError(f"{where}: password_env should name an environment variable, not {password_env!r}")
    if not address.tls and address.host not in LOCAL_HOSTS and not allow_plaintext:
        raise BriefingError(f"{where}: imap:// would send the password unencrypted to {address.host}; use imaps:// "
                            "(or allow_plaintext = true)")


def fetch_imap(source: Source, timeout: float | None = None) -> tuple[str, list[Item]]:
    """The source's newest `latest` messages as Items (name, items); BriefingError on failure."""
    address = parse_url(source.url)
    try:
        return _fetch(address, source, timeout)
    except (imaplib.IMAP4.error, OSError) as exc:  # the connection failed half way
        raise NetworkError(f"{address.host}: the IMAP connection failed ({_reason(exc)})") from None


def _fetch(address: Mailbox, source: Source, timeout: float | None) -> tuple[str, list[Item]]:
    from ..ingest import MAX_INPUT_BYTES, _with_language
    from ..ingest.mail import LOOKBACK, read_message
    from ..errors import InputError

    with _session(address, source, timeout, readonly=True) as client:
        criteria = ["FROM", _quote(address.sender)] if address.sender else ["ALL"]
        uids = _uids(client, criteria)
        items: list[Item] = []
        name = source.name
        sent = {}
        # Newest first (UIDs grow as messages arrive): `latest` and a few more, ordered by Date
        # below; at most MAX_TRIES fetched, however many have nothing to read.
        for uid in list(reversed(uids))[: MAX_TRIES * (source.latest + LOOKBACK)]:
            if len(items) >= source.latest + LOOKBACK:
                break
            # PEEK: reading sets no \Seen flag. At most MAX_INPUT_BYTES of a message, as of any input.
            status, data = client.uid("FETCH", uid, f"(BODY.PEEK[]<0.{MAX_INPUT_BYTES}>)")
            raw = next((part[1] for part in data or [] if isinstance(part, tuple)), None)
            if status != "OK" or raw is None:
                continue
            try:
                message = read_message(raw, source=f"{address.label}#{uid.decode()}")
            except InputError:
                continue  # a message with nothing to read (an image-only mail, say)
            if name is None and message.article.byline:
                name = message.article.byline
            items.append(Item(source.name or "", source.url, message.link, message.message_id,
                              _with_language(message.article)))
            sent[message.message_id] = message.sent.timestamp() if message.sent else 0.0
    items.sort(key=lambda i: sent[i.guid], reverse=True)
    name = name or address.sender or address.host
    return name, [Item(name, i.source_url, i.link, i.guid, i.article, position)
                  for position, i in enumerate(items[: source.latest])]


def mark_read_covered(sources: Sequence[Source], stories: Sequence[tuple[str, Sequence[Mention]]],
                      warn: Callable[[str], None] | None = None) -> int:
    """Mark read (\\Seen) the messages these stories covered, in each source that says mark_read.
    Returns how many were marked; a failure is reported through `warn`, never raised (the
    episode is already published)."""
    marked = 0
    for source in sources:
        if not (is_imap(source.url) and source.mark_read):
            continue
        prefix = source.url + "#"
        ids = [m.guid[len(prefix):] for _, mentions in stories for m in mentions if m.guid.startswith(prefix)]
        if not ids:
            continue
        try:
            address = parse_url(source.url)
            with _session(address, source, None, readonly=False) as client:
                for message_id in ids:
                    for uid in _uids(client, ["HEADER", "Message-ID", _quote(message_id)]):
                        status, _ = client.uid("STORE", uid, "+FLAGS.SILENT", r"(\Seen)")
                        marked += status == "OK"
        except (BriefingError, OSError, imaplib.IMAP4.error) as exc:
            if warn is not None:
                warn(f"{source.url}: could not mark the covered messages read ({exc})")
    return marked


class _session:
    """A logged-in IMAP connection with the mailbox selected (read-only unless asked)."""

    def __init__(self, address: Mailbox, source: Source, timeout: float | None, readonly: bool):
        self.address, self.source, self.readonly = address, source, readonly
        if timeout is None:
            from ..ingest.fetch import default_timeout

            timeout = default_timeout()
        self.timeout = timeout
        self.client = None

    def __enter__(self) -> imaplib.IMAP4:
        address, source = self.address, self.source
        password = os.environ.get(source.password_env or "")
        if not password:
            raise BriefingError(f"the environment variable {source.password_env} (password_env) is not set")
        try:
            if address.tls:
                self.client = imaplib.IMAP4_SSL(address.host, address.port, ssl_context=ssl.create_default_context(),
                                                timeout=self.timeout)
            else:
                self.client = imaplib.IMAP4(address.host, address.port, timeout=self.timeout)
        except ssl.SSLCertVerificationError as exc:
            raise NetworkError(f"{address.host}: the server's certificate is not trusted ({exc.verify_message})") from None
        except (OSError, imaplib.IMAP4.error) as exc:
            raise NetworkError(f"{address.host}:{address.port}: cannot reach the IMAP server ({_reason(exc)})") from None
        try:
            self.client.login(address.user, password)
        except imaplib.IMAP4.error:
            self._close()
            raise BriefingError(f"the IMAP server refused the login of {address.user}") from None
        except OSError as exc:
            self._close()
            raise NetworkError(f"{address.host}: the connection failed ({_reason(exc)})") from None
        try:
            status, _ = self.client.select(_quote(mailbox_name(address.mailbox)), readonly=self.readonly)
        except (imaplib.IMAP4.error, OSError) as exc:
            status = f"NO ({_reason(exc)})"
        if status != "OK":
            self._close()
            raise BriefingError(f"the IMAP server has no mailbox {address.mailbox!r} for {address.user}")
        return self.client

    def __exit__(self, *exc_info) -> None:
        self._close()

    def _close(self) -> None:
        if self.client is None:
            return
        try:
            if self.client.state == "SELECTED":
                self.client.close()  # on a read-only mailbox CLOSE expunges nothing either
            self.client.logout()
        except (imaplib.IMAP4.error, OSError):
            pass
        self.client = None


def mailbox_name(name: str) -> str:
    """A mailbox name as IMAP writes it: modified UTF-7 (RFC 3501 5.1.3) for what is not ASCII."""
    import base64

    out: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            encoded = base64.b64encode("".join(pending).encode("utf-16-be")).decode("ascii")
            out.append("&" + encoded.rstrip("=").replace("/", ",") + "-")
            pending.clear()

    for ch in name:
        if 0x20 <= ord(ch) <= 0x7E:
            flush()
            out.append("&-" if ch == "&" else ch)
        else:
            pending.append(ch)
    flush()
    return "".join(out)


def _uids(client: imaplib.IMAP4, criteria: list[str]) -> list[bytes]:
    try:
        status, data = client.uid("SEARCH", *criteria)
    except imaplib.IMAP4.error as exc:
        raise BriefingError(f"the IMAP server refused the search ({_reason(exc)})") from None
    if status != "OK" or not data or not data[0]:
        return []
    return sorted(data[0].split(), key=int)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _reason(exc: Exception) -> str:
    if isinstance(exc, socket.timeout):
        return "timed out"
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:100]
