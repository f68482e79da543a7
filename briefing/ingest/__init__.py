"""Readers: one per kind of source, each turning raw input into Articles.

`read_articles(source)` picks the reader from the source's form: an http(s) URL
is fetched; a path's suffix, a server's media type or the first bytes tell a
feed, a web page, Markdown and plain text apart; "-" is standard input. A feed
(RSS, Atom or JSON Feed) yields several Articles (the newest `latest`); a page or
file yields one. PDFs, Word files, EPUBs and e-mail (an .eml, an mbox, a Maildir folder)
are told apart and read by documents.py and the readers it names; a mailbox yields several
Articles like a feed. An XML document that is not a feed, and a page that is not an
article (`verdict.py`), are refused in one line.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from ..errors import InputError
from ..models import Article
from .decode import decode_bytes, utf16_as_utf8

MAX_INPUT_BYTES = 20 * 1024 * 1024


def read_bytes(source: str) -> bytes:
    """The raw bytes of a file path or of standard input ("-")."""
    if source == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        path = Path(source)
        if not path.exists():
            raise InputError(f"{source}: no such file")
        if path.is_dir():
            raise InputError(f"{source}: is a directory, not an article")
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_INPUT_BYTES + 1)
        except OSError as exc:
            raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{source}: larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB; not an article")
    return data


def read_articles(source: str, *, title: str | None = None, latest: int | None = None) -> list[Article]:
    """Read one source (a path, an http(s) URL or "-") into Articles (several for a feed)."""
    from .fetch import fetch, is_url

    if is_url(source):
        fetched = fetch(source)
        articles = _parse(fetched.data, source=source, suffix="", content_type=fetched.content_type,
                          charset=fetched.charset, url=fetched.url, title=title, latest=latest)
    elif source != "-" and (mailbox := _read_mailbox(source, latest)) is not None:
        articles = mailbox  # a Maildir or an mbox file, read message by message
    else:
        suffix = Path(source).suffix.lower() if source != "-" else ""
        articles = _parse(read_bytes(source), source=source, suffix=suffix, title=title, latest=latest)
    return [_with_language(a) for a in articles]


def _read_mailbox(source: str, latest: int | None) -> list[Article] | None:
    from .documents import read_mailbox

    return read_mailbox(source, latest=latest)


def read_page(url: str) -> Article:
    """Fetch one web page (a feed item's link) and read it as an article."""
    return read_articles(url)[0]


def _parse(data: bytes, *, source: str, suffix: str, content_type: str = "", charset: str | None = None,
           url: str | None = None, title: str | None, latest: int | None) -> list[Article]:
    from . import markdown, text
    from .sniff import kind_of

    if not data.strip():
        raise InputError(f"{source}: is empty")
    from .documents import document_kind, read_document

    if (document := document_kind(data, suffix=suffix, content_type=content_type)) is not None:
        return read_document(document, data, source=source, title=title, latest=latest)  # PDF, Word, EPUB, mail
    data = utf16_as_utf8(data, source)
    kind = kind_of(data, suffix=suffix, content_type=content_type)
    if kind == "xml":
        from .sniff import xml_root

        raise InputError(f"{source}: an XML document <{xml_root(data)}>, not an RSS, Atom or JSON feed, nor a web page")
    if kind == "feed":
        from . import feed

        return feed.parse(data, source=source, latest=latest if latest is not None else feed.DEFAULT_LATEST,
                          read_link=read_page)
    raw = decode_bytes(data, source, declared=charset)
    if not raw.strip():
        raise InputError(f"{source}: is empty")
    if kind == "html":
        from . import html

        return [html.parse(raw, source=source, title=title, url=url)]
    if kind == "markdown" or (kind == "markdown-or-text" and markdown.looks_like_markdown(raw)):
        return [markdown.parse(raw, source=source, title=title)]
    return [text.parse(raw, source=source, title=title)]


def _with_language(article: Article) -> Article:
    from ..writing.language import article_language

    return dataclasses.replace(article, language=article_language(article))
