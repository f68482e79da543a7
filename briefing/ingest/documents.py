"""Documents that are not web text: PDF, Word, EPUB and e-mail, told apart and read.

`document_kind` recognises them from their first bytes (a PDF's `%PDF-`, a zip's parts,
the headers of a message), their file name or their media type; `read_document` hands
them to their reader (pdf.py, docx.py, epub.py, mail.py). Everything else goes on to the
text readers.
"""

from __future__ import annotations

from ..models import Article

SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".epub": "epub", ".eml": "mail", ".mbox": "mail", ".mbx": "mail"}
MEDIA_TYPES = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/epub+zip": "epub",
    "message/rfc822": "mail",
    "application/mbox": "mail",
}
ZIP_MAGIC = b"PK\x03\x04"


def document_kind(data: bytes, *, suffix: str = "", content_type: str = "") -> str | None:
    """"pdf", "docx", "epub" or "mail"; None for anything the text readers take."""
    from .docx import OLE_MAGIC
    from .mail import looks_like_mbox, looks_like_message

    head = data[:1024]
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        if b"mimetypeapplication/epub+zip" in head[:128]:
            return "epub"
        if b"word/" in data[:65536] or suffix == ".docx":
            return "docx"
        return SUFFIXES.get(suffix) or MEDIA_TYPES.get(content_type) or "zip"
    if head.startswith(OLE_MAGIC):
        return "docx"  # an encrypted Office file or an old .doc: the Word reader says which
    by_name = SUFFIXES.get(suffix) or MEDIA_TYPES.get(content_type)
    if by_name:
        return by_name
    if looks_like_mbox(data) or looks_like_message(data):
        return "mail"
    return None


def read_document(kind: str, data: bytes, *, source: str, title: str | None, latest: int | None) -> list[Article]:
    """A document's Articles; a mailbox or a collection gives its newest `latest` (as a feed does:
    5 when not given)."""
    from ..errors import InputError
    from .feed import DEFAULT_LATEST

    latest = DEFAULT_LATEST if latest is None else latest

    if kind == "pdf":
        from . import pdf

        return [pdf.parse(data, source=source, title=title)]
    if kind == "docx":
        from . import docx

        return [docx.parse(data, source=source, title=title)]
    if kind == "epub":
        from . import epub

        return epub.parse(data, source=source, title=title, latest=latest)
    if kind == "mail":
        from . import mail

        return mail.parse(data, source=source, title=title, latest=latest)
    raise InputError(f"{source}: a zip archive, not a document briefing reads (PDF, .docx, .epub, e-mail)")


def read_mailbox(path, *, latest: int | None) -> list[Article] | None:
    """A Maildir's or an mbox file's messages as Articles; None for any other path."""
    from pathlib import Path

    from . import mail

    from .feed import DEFAULT_LATEST

    path = Path(path)
    if not mail.is_mailbox(path):
        return None
    latest = DEFAULT_LATEST if latest is None else latest
    return [m.article for m in mail.read_messages(source=str(path), path=path, latest=latest)]
