"""PDFs made by reportlab from real articles: two columns, running header and footer with page
numbers, headings in a larger bold font, a captioned figure and a footnote; and the files a
user cannot have read: a scan, an encrypted, a truncated, an empty one."""

from __future__ import annotations

import json
import re

import pytest

from conftest import run_cli
from makers import BBC, CAPTION, CONFIDENTIAL, FOOTNOTE, RUNNING_HEADER, bbc_docs, make_hyphenated_pdf, make_pdf, \
    make_right_first_pdf, make_scan_pdf, sample_doc

pytest.importorskip("reportlab", reason="reportlab (the test extra) is not installed")

from briefing.ingest import read_articles  # noqa: E402


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def body(article) -> str:
    return "\n".join(p for s in article.sections for p in s.paragraphs)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    doc = sample_doc()
    path = make_pdf(doc, tmp_path_factory.mktemp("pdf") / "ferry.pdf")
    return doc, read_articles(str(path))[0]


def test_two_columns_are_read_in_order_with_every_paragraph_whole(report):
    doc, article = report
    # Every paragraph of the article comes back as written, in the article's order: the left
    # column before the right, a paragraph broken across columns or pages joined again.
    assert [p for s in article.sections for p in s.paragraphs] == [p for _, ps in doc.sections for p in ps]


def test_headings_become_sections_and_the_largest_line_the_title(report):
    doc, article = report
    assert article.title == doc.title
    assert [s.heading for s in article.sections] == [h for h, _ in doc.sections]
    assert article.byline == "Harbor Newsroom"


def test_running_lines_page_numbers_footnotes_and_captions_are_not_read(report):
    _, article = report
    text = body(article)
    for left_out in (RUNNING_HEADER, CONFIDENTIAL, FOOTNOTE, CAPTION):
        assert left_out not in text
    assert not re.search(r"\bPage \d", text)
    # ...while the same words inside the story stay: "pier" is in the caption and in the text.
    assert "south pier" in text


def test_columns_are_read_in_page_order_whatever_order_the_file_holds_them(tmp_path):
    doc = sample_doc()
    path = make_right_first_pdf(doc, tmp_path / "right-first.pdf")
    article = read_articles(str(path))[0]
    assert article.title == doc.title
    assert [s.heading for s in article.sections] == [h for h, _ in doc.sections]
    assert [p for s in article.sections for p in s.paragraphs] == [p for _, ps in doc.sections for p in ps]


@pytest.mark.parametrize("columns", [1, 3])
def test_one_or_three_columns_read_the_same(tmp_path, columns):
    doc = sample_doc()
    article = read_articles(str(make_pdf(doc, tmp_path / "one.pdf", columns=columns)))[0]
    assert [s.heading for s in article.sections] == [h for h, _ in doc.sections]
    assert [p for s in article.sections for p in s.paragraphs] == [p for _, ps in doc.sections for p in ps]


@pytest.mark.skipif(not BBC.is_file(), reason="../shared/eval/bbc_dev.jsonl is not present")
def test_real_articles_in_two_columns_keep_their_words_and_headings(tmp_path):
    for number, doc in enumerate(bbc_docs(3)):
        article = read_articles(str(make_pdf(doc, tmp_path / f"{number}.pdf")))[0]
        assert words(body(article)) == words(doc.body), doc.title
        assert [s.heading for s in article.sections if s.heading] == doc.headings


def test_words_broken_across_lines_are_joined(tmp_path):
    article = read_articles(str(make_hyphenated_pdf(tmp_path / "hyphens.pdf")))[0]
    text = body(article)
    assert "government" in text and "transport office" in text
    assert "govern-" not in text and "govern ment" not in text
    # A hyphen that belongs to the word stays.
    assert "well-known" in text


def test_make_and_script_take_a_pdf(tmp_path):
    path = make_pdf(sample_doc(), tmp_path / "ferry.pdf")
    result = run_cli("script", str(path), "--json", timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    script = json.loads(result.stdout)
    titles = [s["title"] for s in script["segments"]]
    assert "A Quiet Crossing" in titles and "Harbor Council Papers" not in json.dumps(script)


@pytest.mark.parametrize("damage", ["scan", "encrypted", "truncated", "empty", "garbage"])
def test_unreadable_pdfs_are_refused_in_one_line(tmp_path, damage):
    path = tmp_path / f"{damage}.pdf"
    if damage == "scan":
        make_scan_pdf(path)
        expected = "no text layer"
    elif damage == "encrypted":
        make_pdf(sample_doc(), path, encrypt="secret")
        expected = "encrypted"
    elif damage == "truncated":
        whole = make_pdf(sample_doc(), tmp_path / "whole.pdf").read_bytes()
        path.write_bytes(whole[: len(whole) * 2 // 3])
        expected = "truncated or damaged"
    elif damage == "empty":
        path.write_bytes(b"")
        expected = "is empty"
    else:
        path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
        expected = "damaged"
    result = run_cli("article", str(path), timeout=60)
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert expected in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert result.stdout == b""


def test_a_pdf_with_only_an_owner_password_is_read(tmp_path):
    # Encrypted for permissions only (no password to open it): readers open it, and so do we.
    path = make_pdf(sample_doc(), tmp_path / "owner.pdf", encrypt="")
    assert read_articles(str(path))[0].title == sample_doc().title


REAL_PDF = __import__("pathlib").Path("/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf")


@pytest.mark.skipif(not REAL_PDF.is_file(), reason="Debian's shared-mime-info documentation is not installed")
def test_a_real_world_specification_reads_with_its_numbered_headings():
    # freedesktop.org's Shared MIME-info spec as Debian ships it (DocBook through a PDF
    # typesetter): 17 pages, a running header with the title on each and a page number below.
    article = read_articles(str(REAL_PDF))[0]
    assert article.title == "Shared MIME-info Database"
    headings = [s.heading for s in article.sections]
    assert "2.1. Directory layout" in headings and "2.4. The glob files" in headings
    text = body(article)
    assert text.count("Shared MIME-info Database") < 3  # the running header is not read on every page
    paragraphs = {p for s in article.sections for p in s.paragraphs}
    assert not paragraphs & {str(n) for n in range(10, 18)}  # nor the page numbers
    assert "Many programs and desktops use the MIME system" in text


def test_a_bold_line_at_the_body_size_is_a_heading_and_a_bold_phrase_in_a_paragraph_is_not(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "bold.pdf"
    sheet = canvas.Canvas(str(path), pagesize=A4)
    rows = [("Times-Roman", "The harbor committee met on Monday to discuss the second ferry and its fares."),
            ("Times-Roman", "Members agreed that the timetable should double once the new boat arrives."),
            ("", ""),
            ("Times-Bold", "Fares and Timetable"),
            ("Times-Roman", "Fares stay at two dollars fifty until the end of the summer, the office said."),
            ("Times-Roman", "The early sailing will leave at six."),
            ("", ""),
            ("Times-Bold", "Important: the north pier closes for repairs in March."),
            ("Times-Roman", "Riders will board at the south pier until the work is finished.")]
    y = 760
    for font, text in rows:
        if text:
            sheet.setFont(font, 10)
            sheet.drawString(72, y, text)
        y -= 13 if text else 20
    sheet.showPage()
    sheet.save()
    article = read_articles(str(path))[0]
    assert [s.heading for s in article.sections] == [None, "Fares and Timetable"]
    # A bold sentence (it ends like one) is read as text, not as a heading.
    assert "Important: the north pier closes for repairs in March." in body(article)


def test_a_pdf_from_a_web_server_is_read_like_a_file(tmp_path):
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    data = make_pdf(sample_doc(), tmp_path / "ferry.pdf").read_bytes()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        article = read_articles(f"http://127.0.0.1:{server.server_port}/papers/report")[0]
    finally:
        server.shutdown()
        server.server_close()
    assert article.title == sample_doc().title and article.sections[1].heading == "A Quiet Crossing"


def test_footnote_markers_raised_in_the_text_are_not_read(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "marker.pdf"
    sheet = canvas.Canvas(str(path), pagesize=A4)
    text = sheet.beginText(72, 700)
    text.setFont("Times-Roman", 11)
    text.textOut("The ferry carried 212 passengers")
    text.setFont("Times-Roman", 7)
    text.setRise(4)
    text.textOut("1")  # the footnote's marker, small and raised
    text.setRise(0)
    text.setFont("Times-Roman", 11)
    text.textLine(" on its first day, the office said.")
    text.textLine("Its second week was busier still.")
    sheet.drawText(text)
    sheet.showPage()
    sheet.save()
    assert body(read_articles(str(path))[0]) == ("The ferry carried 212 passengers on its first day, the office said. "
                                                 "Its second week was busier still.")
