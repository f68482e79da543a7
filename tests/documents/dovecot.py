"""A real IMAP server for the tests: Debian's dovecot, started on free 127.0.0.1 ports with a
temporary configuration and mail folder, stopped after. `.ci/run` installs dovecot-imapd when
it is missing (best effort); without it the tests that need it skip.

Plain IMAP on one port and IMAP over TLS on another, with a self-signed certificate made by
openssl for 127.0.0.1 (the client trusts it through SSL_CERT_FILE).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

from helpers import stop

USER = "reader"
PASSWORD = "harbor-news-7"


def dovecot_binary() -> str | None:
    found = shutil.which("dovecot") or ("/usr/sbin/dovecot" if Path("/usr/sbin/dovecot").exists() else None)
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _certificate(folder: Path) -> tuple[Path, Path] | None:
    openssl = shutil.which("openssl")
    if openssl is None:
        return None
    cert, key = folder / "cert.pem", folder / "key.pem"
    made = subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                           "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                           "-keyout", str(key), "-out", str(cert)], capture_output=True)
    return (cert, key) if made.returncode == 0 else None


@contextmanager
def dovecot_server():
    """Yields (plain port, TLS port or None, certificate path or None); the server is stopped and
    its folder removed after. The folder is its own (pytest's are private to root, and dovecot's
    auth process, another user, must read the password file)."""
    import tempfile

    binary = dovecot_binary()
    folder = Path(tempfile.mkdtemp(prefix="briefing-dovecot-"))
    folder.chmod(0o755)
    root = os.getuid() == 0
    # Dovecot never gives mail to root: as root the mail belongs to nobody; otherwise to us.
    owner = pwd.getpwnam("nobody") if root else pwd.getpwuid(os.getuid())
    mail = folder / "mail"
    mail.mkdir()
    os.chown(mail, owner.pw_uid, owner.pw_gid) if root else None
    (folder / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}::::::\n")
    plain, secure = _free_port(), _free_port()
    tls = _certificate(folder)
    ssl_lines = (f"ssl = yes\nssl_cert = <{tls[0]}\nssl_key = <{tls[1]}\n" if tls else "ssl = no\n")
    users = "" if root else (f"default_login_user = {owner.pw_name}\ndefault_internal_user = {owner.pw_name}\n"
                             f"first_valid_uid = {owner.pw_uid}\n")
    config = folder / "dovecot.conf"
    config.write_text(f"""
protocols = imap
listen = 127.0.0.1
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {folder}/dovecot.log
instance_name = briefing-test-{plain}
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{mail}/%u
{ssl_lines}{users}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {folder}/passwd
}}
userdb {{
  driver = static
  args = uid={owner.pw_uid} gid={owner.pw_gid} home={mail}/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {plain}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {secure if tls else 0}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
}}
""")
    process = subprocess.Popen([binary, "-F", "-c", str(config)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if process.poll() is not None:
                log = (folder / "dovecot.log").read_text() if (folder / "dovecot.log").exists() else ""
                raise RuntimeError(f"dovecot exited: {process.stdout.read().decode()} {log}")
            try:
                with socket.create_connection(("127.0.0.1", plain), timeout=0.5):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("dovecot did not start listening")
        yield plain, (secure if tls else None), (tls[0] if tls else None)
    finally:
        stop(process)
        shutil.rmtree(folder, ignore_errors=True)


def deliver(port: int, messages, mailbox: str = "INBOX") -> None:
    """Put messages into the user's mailbox as a mail client would: IMAP APPEND, unread."""
    import imaplib

    client = imaplib.IMAP4("127.0.0.1", port, timeout=10)
    client.login(USER, PASSWORD)
    for message in messages:
        status, _ = client.append(mailbox, "", imaplib.Time2Internaldate(time.time()), bytes(message))
        assert status == "OK"
    client.logout()


def flags(port: int, mailbox: str = "INBOX") -> dict[str, set[str]]:
    """Each message's flags, by Message-ID, read without changing them (EXAMINE)."""
    import email
    import imaplib

    client = imaplib.IMAP4("127.0.0.1", port, timeout=10)
    client.login(USER, PASSWORD)
    client.select(mailbox, readonly=True)
    _, data = client.uid("SEARCH", "ALL")
    found = {}
    for uid in data[0].split():
        _, parts = client.uid("FETCH", uid, "(FLAGS BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
        header = next(p[1] for p in parts if isinstance(p, tuple))
        meta = next(p[0] for p in parts if isinstance(p, tuple)).decode()
        flag_text = meta.split("FLAGS (", 1)[1].split(")", 1)[0] if "FLAGS (" in meta else ""
        found[email.message_from_bytes(header)["Message-ID"].strip()] = set(flag_text.split())
    client.logout()
    return found
