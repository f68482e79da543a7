"""Word documents made by python-docx from real articles: heading styles, a running header and
footer, a comment and a tracked deletion; and the ones that cannot be read."""

from __future__ import annotations

import re
import zipfile

import pytest

from conftest import run_cli
from makers import BBC, CONFIDENTIAL, RUNNING_HEADER, bbc_docs, make_docx, sample_doc

pytest.importorskip("docx", reason="python-docx (the test extra) is not installed")

from briefing.ingest import read_articles  # noqa: E402

DELETED = "This sentence was struck by the editor."
COMMENT = "Check the fare figures with finance."


def body(article) -> str:
    return "\n".join(p for s in article.sections for p in s.paragraphs)


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    doc = sample_doc()
    path = make_docx(doc, tmp_path_factory.mktemp("docx") / "ferry.docx", tracked_deletion=DELETED, comment=COMMENT)
    return doc, path, read_articles(str(path))[0]


def test_heading_styles_become_sections_and_the_title_style_the_title(document):
    doc, _, article = document
    assert article.title == doc.title
    assert [s.heading for s in article.sections] == [h for h, _ in doc.sections]
    assert [p for s in article.sections for p in s.paragraphs] == [p for _, ps in doc.sections for p in ps]
    assert article.byline == "Harbor Newsroom"


def test_headers_footers_comments_and_tracked_deletions_are_not_read(document):
    _, path, article = document
    with zipfile.ZipFile(path) as package:  # they are in the file...
        parts = {name: package.read(name).decode("utf-8") for name in package.namelist() if name.endswith(".xml")}
    assert any(RUNNING_HEADER in text for name, text in parts.items() if "header" in name)
    assert any(CONFIDENTIAL in text for name, text in parts.items() if "footer" in name)
    assert DELETED in parts["word/document.xml"]
    text = body(article) + article.title
    for left_out in (RUNNING_HEADER, CONFIDENTIAL, DELETED):  # ...and not in what is read
        assert left_out not in text
    assert any(COMMENT in t for name, t in parts.items() if "comments" in name)
    assert COMMENT not in text


def test_tracked_insertions_are_read(tmp_path):
    # An inserted run (w:ins) reads as part of the text, as the document reads with changes accepted.
    path = make_docx(sample_doc(), tmp_path / "insert.docx", tracked_deletion=None, comment=None)
    with zipfile.ZipFile(path) as package:
        items = {n: package.read(n) for n in package.namelist()}
    xml = items["word/document.xml"].decode("utf-8")
    inserted = ('<w:ins w:id="7" w:author="Editor" w:date="2026-11-30T09:00:00Z"><w:r><w:t xml:space="preserve">'
                ' The harbor master approved it.</w:t></w:r></w:ins></w:p>')
    items["word/document.xml"] = xml.replace("</w:p>", inserted, 2).replace(inserted, "</w:p>", 1).encode("utf-8")
    changed = tmp_path / "changed.docx"
    with zipfile.ZipFile(changed, "w") as package:
        for name, data in items.items():
            package.writestr(name, data)
    assert "The harbor master approved it." in body(read_articles(str(changed))[0])


@pytest.mark.skipif(not BBC.is_file(), reason="../shared/eval/bbc_dev.jsonl is not present")
def test_real_articles_keep_their_words_and_headings(tmp_path):
    for number, doc in enumerate(bbc_docs(3)):
        article = read_articles(str(make_docx(doc, tmp_path / f"{number}.docx")))[0]
        assert re.findall(r"\w+", body(article)) == re.findall(r"\w+", doc.body)
        assert [s.heading for s in article.sections if s.heading] == doc.headings


@pytest.mark.parametrize("damage", ["encrypted", "old-doc", "truncated", "empty", "no-body", "bad-xml"])
def test_unreadable_word_files_are_refused_in_one_line(tmp_path, damage):
    path = tmp_path / f"{damage}.docx"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    if damage == "encrypted":  # Office saves a password-protected .docx as an OLE file with these streams
        path.write_bytes(ole + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le"))
        expected = "encrypted with a password"
    elif damage == "old-doc":
        path.write_bytes(ole + "WordDocument".encode("utf-16-le") + b"\x00" * 64)
        expected = "old-style Office file"
    elif damage == "truncated":
        whole = make_docx(sample_doc(), tmp_path / "whole.docx").read_bytes()
        path.write_bytes(whole[: len(whole) // 2])
        expected = "damaged"
    elif damage == "empty":
        path.write_bytes(b"")
        expected = "is empty"
    elif damage == "no-body":
        with zipfile.ZipFile(path, "w") as package:
            package.writestr("word/styles.xml", "<w:styles/>")
        expected = "no word/document.xml"
    else:
        with zipfile.ZipFile(path, "w") as package:
            package.writestr("word/document.xml", "<w:document><w:body><w:p>")
        expected = "not well-formed"
    result = run_cli("article", str(path), timeout=60)
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert expected in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_document_without_text_is_refused(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Only a title", level=0)
    document.save(str(tmp_path / "blank.docx"))
    result = run_cli("article", str(tmp_path / "blank.docx"), timeout=60)
    assert result.returncode == 2 and "has no text" in result.stderr.decode()


def test_a_table_is_not_read_and_the_text_around_it_is(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("The harbor office published the new fares on Monday, and riders welcomed them.")
    table = document.add_table(rows=2, cols=2)
    for row, cells in enumerate((("Route", "Fare"), ("North pier", "$2.50"))):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    document.add_paragraph("Students and anyone over 65 ride free, the office said.")
    document.save(str(tmp_path / "fares.docx"))
    text = body(read_articles(str(tmp_path / "fares.docx"))[0])
    assert "North pier" not in text and "Route" not in text
    assert "riders welcomed them" in text and "ride free" in text
