"""Real documents made from real articles, with real writers: reportlab (PDF), python-docx
(Word, with its XML edited for a tracked deletion), zipfile (EPUB), the stdlib email package
(messages, mbox, Maildir). Shared by the tests and scripts/eval_documents.py.

A source document is `Doc(title, sections)` with sections as (heading or None, paragraphs).
"""

from __future__ import annotations

import io
import json
import mailbox
import re
import zipfile
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "briefing" / "samples" / "harbor_ferry.md"
BBC = ROOT.parent / "shared" / "eval" / "bbc_dev.jsonl"

FOOTNOTE = "1 Figures from the transport office's quarterly ridership report."
CAPTION = "Figure 1: The ferry at the south pier before the first sailing."
RUNNING_HEADER = "Harbor Council Papers"
CONFIDENTIAL = "Prepared for the harbor committee"


@dataclass(frozen=True)
class Doc:
    title: str
    sections: tuple[tuple[str | None, tuple[str, ...]], ...]

    @property
    def body(self) -> str:
        return "\n".join(p for _, ps in self.sections for p in ps)

    @property
    def headings(self) -> list[str]:
        return [h for h, _ in self.sections if h]


def sample_doc() -> Doc:
    """The bundled sample article (always present): a title and four headed sections."""
    text = SAMPLE.read_text(encoding="utf-8")
    title = re.search(r"^# (.+)$", text, re.M).group(1).strip()
    sections, heading, paragraphs = [], None, []
    for block in re.split(r"\n\s*\n", text.split("\n", 1)[1]):
        block = block.strip()
        if not block:
            continue
        if block.startswith("## "):
            if paragraphs:
                sections.append((heading, tuple(paragraphs)))
            heading, paragraphs = block[3:].strip(), []
        else:
            paragraphs.append(" ".join(block.split()))
    sections.append((heading, tuple(paragraphs)))
    return Doc(title, tuple(sections))


def bbc_docs(n: int, min_paragraphs: int = 6) -> list[Doc]:
    """The first `n` bbc_dev articles with enough paragraphs, given subheadings every third paragraph
    (the articles have none; the headings are what a report would put there)."""
    docs = []
    with BBC.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            paragraphs = [" ".join(p.split()) for p in record["article"].split("\n\n") if p.strip()]
            if len(paragraphs) < min_paragraphs:
                continue
            sections = [(None, tuple(paragraphs[:3]))]
            for number, start in enumerate(range(3, len(paragraphs), 3), 1):
                words = re.findall(r"[A-Za-z]+", paragraphs[start])[:3]
                sections.append((f"Part {number}: " + " ".join(words).title(), tuple(paragraphs[start:start + 3])))
            docs.append(Doc(record["title"].strip(), tuple(sections)))
            if len(docs) == n:
                break
    return docs


# ---------------------------------------------------------------- PDF (reportlab)

def make_pdf(doc: Doc, path: Path, *, columns: int = 2, encrypt: str | None = None,
             figure: bool = True, footnote: bool = True) -> Path:
    """A report: the title across the page, the text in `columns` columns, a running header and
    footer with the page number on every page, headings in a larger bold font, a captioned
    figure and a footnote in small type."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import (BaseDocTemplate, Frame, FrameBreak, NextPageTemplate, PageTemplate,
                                    Paragraph, Spacer)
    from reportlab.graphics.shapes import Drawing, Rect

    width, height = A4
    margin, gap = 2 * cm, 0.8 * cm
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontName="Times-Roman", fontSize=10, leading=12.5,
                          spaceAfter=6)
    heading = ParagraphStyle("head", parent=body, fontName="Helvetica-Bold", fontSize=13, leading=16,
                             spaceBefore=6, spaceAfter=4)
    title_style = ParagraphStyle("title", parent=body, fontName="Helvetica-Bold", fontSize=20, leading=24,
                                 spaceAfter=12)
    small = ParagraphStyle("small", parent=body, fontName="Times-Italic", fontSize=7, leading=8.5)

    def decorate(canvas, template) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(margin, height - 1.2 * cm, RUNNING_HEADER)
        canvas.drawRightString(width - margin, height - 1.2 * cm, doc.title[:60])
        canvas.drawString(margin, 1.2 * cm, CONFIDENTIAL)
        canvas.drawRightString(width - margin, 1.2 * cm, f"Page {template.page}")
        canvas.restoreState()

    top, bottom = height - 2.2 * cm, 2.2 * cm
    column = (width - 2 * margin - (columns - 1) * gap) / columns
    title_height = 3 * cm

    def column_frames(upper: float) -> list:
        return [Frame(margin + i * (column + gap), bottom, column, upper - bottom, id=f"col{i}",
                      leftPadding=0, rightPadding=0) for i in range(columns)]

    first = PageTemplate("first", [Frame(margin, top - title_height, width - 2 * margin, title_height, id="title")]
                         + column_frames(top - title_height), onPage=decorate)
    later = PageTemplate("later", column_frames(top), onPage=decorate)
    options = {}
    if encrypt:
        from reportlab.lib import pdfencrypt

        options["encrypt"] = pdfencrypt.StandardEncryption(encrypt, ownerPassword="owner", strength=128)
    template = BaseDocTemplate(str(path), pagesize=A4, pageTemplates=[first, later], title=doc.title,
                               author="Harbor Newsroom", **options)
    story = [Paragraph(doc.title, title_style), NextPageTemplate("later"), FrameBreak()]
    for index, (head, paragraphs) in enumerate(doc.sections):
        if head:
            story.append(Paragraph(head, heading))
        for number, paragraph in enumerate(paragraphs):
            story.append(Paragraph(_escape(paragraph), body))
            if figure and index == 0 and number == 0:
                drawing = Drawing(column, 60)
                drawing.add(Rect(0, 0, column, 60, fillColor=colors.lightblue, strokeColor=None))
                story += [drawing, Paragraph(CAPTION, body)]
        if footnote and index == 0:
            story += [Spacer(1, 4), Paragraph(FOOTNOTE, small)]
    template.build(story)
    return path


def make_right_first_pdf(doc: Doc, path: Path) -> Path:
    """Two columns set by hand whose content stream holds each page's right column before its
    left (as some typesetters write them): the order on the page is not the order in the file."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    width, height = A4
    margin, gap, leading = 56, 24, 13
    column = (width - 2 * margin - gap) / 2
    lines: list[tuple[str, str]] = []  # (font, text); "" text is a paragraph gap
    for head, paragraphs in doc.sections:
        if head:
            lines += [("Helvetica-Bold", head)]
        for paragraph in paragraphs:
            lines += [("Times-Roman", t) for t in simpleSplit(paragraph, "Times-Roman", 10, column)] + [("", "")]
    rows = int((height - 2 * margin - 40) // leading)
    sheet = canvas.Canvas(str(path), pagesize=A4)
    sheet.setTitle(doc.title)
    page = 0
    while lines:
        columns = [lines[:rows], lines[rows:2 * rows]]
        lines = lines[2 * rows:]
        if page == 0:
            sheet.setFont("Helvetica-Bold", 18)
            sheet.drawString(margin, height - margin, doc.title)
        for index in (1, 0):  # the right column first
            y = height - margin - 40
            for font, text in columns[index]:
                if text:
                    sheet.setFont(font, 12 if font.startswith("Helvetica") else 10)
                    sheet.drawString(margin + index * (column + gap), y, text)
                y -= leading
        sheet.setFont("Helvetica", 8)
        sheet.drawString(margin, 30, f"{RUNNING_HEADER} - page {page + 1}")
        sheet.showPage()
        page += 1
    sheet.save()
    return path


def make_scan_pdf(path: Path) -> Path:
    """A page that is only a picture of text (no text layer), as a scanner makes."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    for row in range(40):
        draw.text((100, 100 + row * 38), "The ferry carried 212 passengers on its first day. " * 2, fill=0)
    sheet = canvas.Canvas(str(path), pagesize=A4)
    sheet.drawImage(ImageReader(image), 0, 0, *A4)
    sheet.showPage()
    sheet.save()
    return path


def make_hyphenated_pdf(path: Path) -> Path:
    """Lines set by hand, with words broken across lines by hyphens, as a typesetter breaks them."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    lines = ["The harbor committee asked the govern-", "ment for a second ferry, and the trans-",
             "port office agreed to a well-known", "design from the regional boatyard."]
    sheet = canvas.Canvas(str(path), pagesize=A4)
    sheet.setFont("Times-Roman", 11)
    for row, line in enumerate(lines):
        sheet.drawString(72, 700 - row * 14, line)
    sheet.showPage()
    sheet.save()
    return path


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------- Word (python-docx)

def make_docx(doc: Doc, path: Path, *, tracked_deletion: str | None = "This sentence was struck by the editor.",
              comment: str | None = "Check the fare figures with finance.") -> Path:
    """Heading styles for the title and headings, a running header and footer, a comment on
    the first paragraph and a tracked deletion in it (written into the XML: python-docx
    cannot make tracked changes)."""
    import docx
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = RUNNING_HEADER
    section.footer.paragraphs[0].text = CONFIDENTIAL + " - page 1"
    document.add_heading(doc.title, level=0)
    first_paragraph = None
    for head, paragraphs in doc.sections:
        if head:
            document.add_heading(head, level=2)
        for paragraph in paragraphs:
            made = document.add_paragraph(paragraph)
            first_paragraph = first_paragraph or made
    if comment and hasattr(document, "add_comment"):
        document.add_comment(first_paragraph.runs, text=comment, author="Editor", initials="ED")
    if tracked_deletion:
        deletion = OxmlElement("w:del")
        deletion.set(qn("w:id"), "901")
        deletion.set(qn("w:author"), "Editor")
        deletion.set(qn("w:date"), "2026-11-30T09:00:00Z")
        run = OxmlElement("w:r")
        text = OxmlElement("w:delText")
        text.set(qn("xml:space"), "preserve")
        text.text = " " + tracked_deletion
        run.append(text)
        deletion.append(run)
        first_paragraph._p.append(deletion)
    document.core_properties.author = "Harbor Newsroom"
    document.save(str(path))
    return path


# ---------------------------------------------------------------- EPUB (zipfile)

def make_epub(docs: list[Doc], path: Path, *, title: str = "Harbor Readings", collection: bool = False,
              ncx_only: bool = False) -> Path:
    """An EPUB 3 (or 2, with only an NCX) with one chapter per Doc, a cover page and a table of
    contents; with `collection`, dc:type says the book is a collection."""
    def chapter(doc: Doc) -> str:
        parts = [f"<h1>{_escape(doc.title)}</h1>"]
        for head, paragraphs in doc.sections:
            if head:
                parts.append(f"<h2>{_escape(head)}</h2>")
            parts += [f"<p>{_escape(p)}</p>" for p in paragraphs]
        parts.append('<aside epub:type="footnote"><p>A note the reader does not hear read aloud.</p></aside>')
        return _xhtml(doc.title, "\n".join(parts))

    files = {"text/cover.xhtml": _xhtml("Cover", f"<h1>{_escape(title)}</h1><p>Harbor Press</p>")}
    for number, doc in enumerate(docs, 1):
        files[f"text/ch{number}.xhtml"] = chapter(doc)
    nav_items = "".join(f'<li><a href="text/ch{i}.xhtml">{_escape(d.title)}</a></li>' for i, d in enumerate(docs, 1))
    nav = _xhtml("Contents", f'<nav epub:type="toc" id="toc"><h1>Contents</h1><ol>{nav_items}</ol></nav>')
    ncx_points = "".join(
        f'<navPoint id="n{i}" playOrder="{i}"><navLabel><text>{_escape(d.title)}</text></navLabel>'
        f'<content src="text/ch{i}.xhtml"/></navPoint>' for i, d in enumerate(docs, 1))
    ncx = ('<?xml version="1.0" encoding="UTF-8"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">'
           f'<head/><docTitle><text>{_escape(title)}</text></docTitle><navMap>{ncx_points}</navMap></ncx>')
    manifest = ['<item id="cover" href="text/cover.xhtml" media-type="application/xhtml+xml"/>',
                '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>']
    if not ncx_only:
        manifest.append('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>')
    manifest += [f'<item id="ch{i}" href="text/ch{i}.xhtml" media-type="application/xhtml+xml"/>'
                 for i in range(1, len(docs) + 1)]
    spine = '<itemref idref="cover"/>' + "".join(f'<itemref idref="ch{i}"/>' for i in range(1, len(docs) + 1))
    kind = "<dc:type>collection</dc:type>" if collection else ""
    opf = ('<?xml version="1.0" encoding="UTF-8"?>'
           '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
           '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
           f'<dc:identifier id="id">urn:uuid:12345678-1234-5678-1234-567812345678</dc:identifier>'
           f'<dc:title>{_escape(title)}</dc:title><dc:creator>Harbor Newsroom</dc:creator>'
           f'<dc:language>en</dc:language><dc:date>2026-11-30</dc:date>{kind}</metadata>'
           f'<manifest>{"".join(manifest)}</manifest><spine toc="ncx">{spine}</spine></package>')
    with zipfile.ZipFile(path, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        book.writestr("META-INF/container.xml",
                      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
                      '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
                      '</rootfiles></container>', compress_type=zipfile.ZIP_DEFLATED)
        book.writestr("OEBPS/content.opf", opf, compress_type=zipfile.ZIP_DEFLATED)
        book.writestr("OEBPS/toc.ncx", ncx, compress_type=zipfile.ZIP_DEFLATED)
        if not ncx_only:
            book.writestr("OEBPS/nav.xhtml", nav, compress_type=zipfile.ZIP_DEFLATED)
        for name, content in files.items():
            book.writestr(f"OEBPS/{name}", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


def _xhtml(title: str, body: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" '
            f'xmlns:epub="http://www.idpf.org/2007/ops"><head><title>{_escape(title)}</title></head>'
            f'<body>{body}</body></html>')


# ---------------------------------------------------------------- e-mail (stdlib email)

SENDER = ("Morning Harbor", "morning@news.example.org")
WEB_VERSION = "https://news.example.org/issues/{n}"


def newsletter(doc: Doc, number: int = 1, *, html: bool = True, sent: datetime | None = None,
               sender: tuple[str, str] = SENDER) -> EmailMessage:
    """A newsletter as publishers send it: a hidden preheader, a view-in-browser line, the story
    in a table layout, a sponsor block, a forwarded-this-email line, preference and unsubscribe
    links, a tracking pixel and the postal footer. Both parts: plain text and HTML."""
    sent = sent or datetime(2026, 11, 30, 6, 0, tzinfo=timezone.utc) + timedelta(days=number)
    message = EmailMessage()
    message["From"] = f"{sender[0]} <{sender[1]}>"
    message["To"] = "reader@example.org"
    message["Subject"] = doc.title
    message["Date"] = format_datetime(sent)
    message["Message-ID"] = make_msgid(idstring=f"issue{number}", domain="news.example.org")
    web = WEB_VERSION.format(n=number)
    plain = [f"View this email in your browser: {web}", "", doc.title, ""]
    for head, paragraphs in doc.sections:
        if head:
            plain += [head, ""]
        for paragraph in paragraphs:
            plain += [paragraph, ""]
    plain += ["SPONSORED BY HARBOR BANK", "", "Harbor Bank: loans for every boat. Apply today.", "",
              "Was this email forwarded to you? Sign up here: https://news.example.org/signup", "",
              "Update your preferences | Unsubscribe: https://news.example.org/u?id=77", "",
              "Morning Harbor, 12 Quay Street, Millbrook, ME 04101"]
    message.set_content("\n".join(plain))
    if html:
        rows = [f'<tr><td><span style="display:none;max-height:0">Today: {_escape(doc.title)} and more</span>'
                f'<a href="{web}">View this email in your browser</a></td></tr>',
                f'<tr><td><h1>{_escape(doc.title)}</h1></td></tr>']
        for index, (head, paragraphs) in enumerate(doc.sections):
            cells = (f"<h2>{_escape(head)}</h2>" if head else "") + "".join(
                f'<p>{_escape(p)} <a href="https://news.example.org/s/{index}">More</a></p>' for p in paragraphs)
            rows.append(f"<tr><td>{cells}</td></tr>")
            if index == 0:
                rows.append('<tr><td><h3>Together with Harbor Bank</h3><p>Harbor Bank has loans for every boat. '
                            'Apply today and get a free life jacket with your first payment.</p></td></tr>')
        rows += ['<tr><td><p>Was this email forwarded to you? <a href="https://news.example.org/signup">Sign up here</a>.</p>'
                 '<p><a href="https://news.example.org/prefs">Update your preferences</a> or '
                 '<a href="https://news.example.org/u?id=77">unsubscribe</a>.</p>'
                 '<p>Our mailing address is: Morning Harbor, 12 Quay Street, Millbrook, ME 04101</p>'
                 '<img src="https://track.example.org/open.gif?id=77" width="1" height="1" alt=""></td></tr>']
        page = ('<!DOCTYPE html><html><head><style>td{font-family:Georgia}</style></head><body>'
                f'<table width="600" align="center">{"".join(rows)}</table></body></html>')
        message.add_alternative(page, subtype="html")
    return message


def write_eml(message: EmailMessage, path: Path) -> Path:
    path.write_bytes(bytes(message))
    return path


def write_mbox(messages: list[EmailMessage], path: Path) -> Path:
    box = mailbox.mbox(str(path), create=True)
    for message in messages:
        box.add(message)
    box.flush()
    box.close()
    return path


def write_maildir(messages: list[EmailMessage], path: Path) -> Path:
    box = mailbox.Maildir(str(path), create=True)
    for message in messages:
        box.add(message)
    box.close()
    return path


def pdf_bytes(doc: Doc, **options) -> bytes:
    buffer = io.BytesIO()
    make_pdf(doc, buffer, **options)
    return buffer.getvalue()
