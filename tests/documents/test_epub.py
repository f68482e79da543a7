"""EPUBs written with zipfile (EPUB 3 with a navigation document; EPUB 2 with only an NCX):
chapters titled by the table of contents, a collection read as articles, broken books refused."""

from __future__ import annotations

import re
import zipfile

import pytest

from conftest import run_cli
from makers import BBC, bbc_docs, make_epub, sample_doc

from briefing.ingest import read_articles


def body(article) -> str:
    return "\n".join(p for s in article.sections for p in s.paragraphs)


def docs():
    """The sample article, and two real ones when ../shared is there (else the sample renamed)."""
    sample = sample_doc()
    if BBC.is_file():
        return [sample] + bbc_docs(2)
    return [sample, type(sample)("Ferry Timetable Doubles", sample.sections[1:3]),
            type(sample)("Council Weighs Airport Route", sample.sections[3:])]


@pytest.mark.parametrize("ncx_only", [False, True], ids=["epub3-nav", "epub2-ncx"])
def test_a_book_is_one_article_with_each_chapter_a_section_titled_by_the_contents(tmp_path, ncx_only):
    chapters = docs()
    path = make_epub(chapters, tmp_path / "book.epub", title="Harbor Readings", ncx_only=ncx_only)
    (article,) = read_articles(str(path))
    assert article.title == "Harbor Readings" and article.byline == "Harbor Newsroom"
    headings = [s.heading for s in article.sections]
    # Each chapter opens with its title from the table of contents; its subheadings follow.
    for doc in chapters:
        assert doc.title in headings
        assert headings.index(doc.title) < min((headings.index(h) for h in doc.headings if h in headings),
                                                default=len(headings))
    text = body(article)
    assert "Harbor Press" not in text  # the cover page is not a chapter
    assert "does not hear read aloud" not in text  # footnotes (aside) are left out
    for doc in chapters:
        assert re.findall(r"\w+", doc.body) == re.findall(r"\w+", "\n".join(
            p for s in article.sections for p in s.paragraphs if p in doc.body))


def test_a_collection_is_read_as_articles_like_a_feed(tmp_path):
    chapters = docs()
    path = make_epub(chapters, tmp_path / "digest.epub", title="Weekly Digest", collection=True)
    articles = read_articles(str(path))
    assert [a.title for a in articles] == [d.title for d in chapters]
    assert [s.heading for s in articles[0].sections if s.heading] == chapters[0].headings
    assert read_articles(str(path), latest=2) == articles[:2]


def test_a_collection_is_told_by_a_grouped_table_of_contents(tmp_path):
    chapters = docs()
    path = make_epub(chapters, tmp_path / "grouped.epub")
    with zipfile.ZipFile(path) as book:
        items = {n: book.read(n) for n in book.namelist()}
    # Sections with their articles under them, as a newspaper's e-book lists them.
    items["OEBPS/nav.xhtml"] = items["OEBPS/nav.xhtml"].replace(
        b"<ol><li>", b"<ol><li><span>Local</span><ol><li>", 1).replace(
        b"</li></ol></nav>", b"</li></ol></li><li><span>Business</span><ol><li>"
        b'<a href="text/ch1.xhtml">again</a></li></ol></li></ol></nav>', 1)
    grouped = tmp_path / "grouped2.epub"
    with zipfile.ZipFile(grouped, "w") as book:
        for name, data in items.items():
            book.writestr(name, data)
    assert len(read_articles(str(grouped))) == len(chapters)
    assert len(read_articles(str(path))) == 1  # the flat contents: one book


@pytest.mark.parametrize("damage", ["truncated", "empty", "no-container", "no-package", "encrypted", "drm"])
def test_broken_books_are_refused_in_one_line(tmp_path, damage):
    path = tmp_path / f"{damage}.epub"
    whole = make_epub(docs(), tmp_path / "whole.epub").read_bytes()
    if damage == "truncated":
        path.write_bytes(whole[: len(whole) // 2])
        expected = "damaged"
    elif damage == "empty":
        path.write_bytes(b"")
        expected = "is empty"
    elif damage == "no-container":
        with zipfile.ZipFile(path, "w") as book:
            book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        expected = "META-INF/container.xml"
    elif damage == "no-package":
        with zipfile.ZipFile(path, "w") as book:
            book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
            book.writestr("META-INF/container.xml", '<container><rootfiles><rootfile full-path="x.opf"/>'
                                                    "</rootfiles></container>")
        expected = "package document is missing"
    elif damage == "drm":  # chapters encrypted by a bookshop, listed in META-INF/encryption.xml
        with zipfile.ZipFile(tmp_path / "whole.epub") as book:
            items = {n: book.read(n) for n in book.namelist()}
        items["OEBPS/text/ch1.xhtml"] = bytes(range(256)) * 8
        items["META-INF/encryption.xml"] = (
            b'<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
            b'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
            b'<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
            b'<enc:CipherData><enc:CipherReference URI="OEBPS/text/ch1.xhtml"/></enc:CipherData>'
            b"</enc:EncryptedData></encryption>")
        with zipfile.ZipFile(path, "w") as book:
            for name, data in items.items():
                book.writestr(name, data)
        expected = "encrypted (DRM)"
    else:  # a zip whose entries are encrypted (the zip's own password scheme)
        data = bytearray(whole)
        offset = 0
        while (offset := data.find(b"PK\x03\x04", offset)) != -1:  # set each entry's encrypted bit
            data[offset + 6] |= 1
            offset += 4
        offset = 0
        while (offset := data.find(b"PK\x01\x02", offset)) != -1:
            data[offset + 8] |= 1
            offset += 4
        path.write_bytes(bytes(data))
        expected = "encrypted"
    result = run_cli("article", str(path), timeout=60)
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert expected in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_book_with_only_obfuscated_fonts_is_read(tmp_path):
    # Publishers obfuscate embedded fonts and list them in encryption.xml; the text is plain.
    path = make_epub(docs(), tmp_path / "fonts.epub")
    with zipfile.ZipFile(path, "a") as book:
        book.writestr("OEBPS/fonts/serif.otf", bytes(range(256)) * 4)
        book.writestr("META-INF/encryption.xml",
                      '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
                      'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
                      '<enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/>'
                      '<enc:CipherData><enc:CipherReference URI="OEBPS/fonts/serif.otf"/></enc:CipherData>'
                      "</enc:EncryptedData></encryption>")
    (article,) = read_articles(str(path))
    assert sample_doc().title in [s.heading for s in article.sections]
