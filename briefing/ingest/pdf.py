"""PDF documents (pdfminer.six): the text in reading order, headings found from the layout.

pdfminer gives every line of text with its position and the font of each character. From
those, as a reader sees the page:

- **reading order**: a column begins at a left edge that lies right of where the boxes of
  the column before it end;
  text boxes are read top to bottom in bands, and inside a band column by column from the
  left. A box that reaches into the next column (a title, a heading across the columns)
  ends a band.
- **running headers, footers and page numbers**: a line near the top or bottom edge that
  repeats on other pages (digits aside), or that is only a page number, is not read.
- **headings**: short lines set larger than the body text, or bold when the body is not,
  start sections; the largest on the first page is the title.
- **footnotes and captions**: lines set smaller than the body, and lines that open with
  "Figure 3", "Table 2", "Source:", are left out.
- **hyphenation**: a word broken across lines ("govern-" / "ment") is joined, and a
  paragraph broken across a column or page is one paragraph again.

A PDF without a text layer (a scan) is refused in one line, and so are encrypted and
damaged files.

    briefing article report.pdf --json
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import date

from .article import derive_title, normalize_whitespace, group_sections
from ..errors import InputError
from ..models import Article, Section

HEADING_SCALE = 1.15  # a line this much larger than the body text is a heading
SMALL_SCALE = 0.88  # a line this much smaller is a footnote or a caption
EDGE = 0.09  # the top and bottom 9% of a page hold running headers and footers
COLUMN_TOLERANCE = 0.02  # left edges this close (a share of the page's width) start the same column
MAX_HEADING_WORDS = 16

_CAPTION = re.compile(r"^(fig(ure)?\.?|table|chart|photo(graph)?|image|source|credit|map)\s*[\dA-Z:.(]",
                      re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^(page\s*)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(\s*(of|/)\s*\d{1,4})?$", re.IGNORECASE)
_CID = re.compile(r"\(cid:\d+\)")
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float  # distance from the page's top edge
    size: float
    bold: bool


@dataclass
class _Box:
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    lines: list[_Line]
    opens: bool = False  # the first box of a column or a page: a paragraph may go on in it

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


def parse(data: bytes, *, source: str, title: str | None = None) -> Article:
    """A PDF's text as an Article; its headings start sections."""
    pages, info = _layout(data, source)
    if not any(box.lines for page in pages for box in page[2]):
        if any(page[3] for page in pages):
            raise InputError(f"{source}: the PDF has no text layer (a scan?); briefing cannot read it")
        raise InputError(f"{source}: the PDF has no text")
    body_size, body_bold = _body_font(pages)
    boxes = _drop_running_lines(pages)
    blocks = _blocks(boxes, body_size, body_bold)
    found_title, sections = _sections(blocks)
    if not sections:
        raise InputError(f"{source}: no article text found in the PDF")
    meta_title = _meaningful(info.get("Title", ""))
    return Article(
        title=title or found_title or meta_title or derive_title(sections),
        source=source,
        sections=sections,
        published=_pdf_date(info.get("CreationDate", "")),
        byline=_meaningful(info.get("Author", "")),
    )


def _layout(data: bytes, source: str):
    """Per page: (width, height, text boxes, has images); and the document's info strings."""
    from pdfminer.layout import LAParams, LTChar, LTFigure, LTImage, LTTextBox, LTTextLine
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    import logging

    # pdfminer warns about every quirk it works around (a missing CropBox, an odd font); the
    # text is read all the same, and briefing's stderr is for what the user must know.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    if b"%%EOF" not in data[-2048:]:
        raise InputError(f"{source}: the PDF is truncated or damaged (it has no end)")
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
    except PDFPasswordIncorrect:
        raise InputError(f"{source}: the PDF is encrypted with a password; briefing cannot read it") from None
    except Exception as exc:  # pdfminer raises many kinds for a broken file
        raise InputError(f"{source}: the PDF is damaged ({_reason(exc)})") from None
    info = _info(document)
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=LAParams(line_margin=0.5, boxes_flow=None))
    interpreter = PDFPageInterpreter(manager, device)
    pages = []
    try:
        for number, page in enumerate(PDFPage.create_pages(document)):
            interpreter.process_page(page)
            layout = device.get_result()
            width, height = layout.width, layout.height
            boxes, images = [], False
            for element in layout:
                if isinstance(element, (LTImage, LTFigure)):
                    images = True
                if not isinstance(element, LTTextBox):
                    continue
                lines = []
                for line in element:
                    if not isinstance(line, LTTextLine):
                        continue
                    chars = [c for c in line if isinstance(c, LTChar) and c.get_text().strip()]
                    if not chars:
                        continue
                    size = statistics.median(round(c.size, 1) for c in chars)
                    text = _line_text(line, size)
                    if not text:
                        continue
                    bold = sum(bool(_BOLD.search(c.fontname)) for c in chars) > len(chars) / 2
                    lines.append(_Line(text, line.x0, line.x1, height - line.y1, size, bold))
                if lines:
                    boxes.append(_Box(number, element.x0, element.x1, height - element.y1,
                                      height - element.y0, lines))
            pages.append((width, height, boxes, images))
    except InputError:
        raise
    except Exception as exc:
        raise InputError(f"{source}: the PDF is damaged ({_reason(exc)})") from None
    return pages, info


def _line_text(line, size: float) -> str:
    """A line's text without footnote markers (small characters raised above the line: the
    "1" of "ferry¹") and glyphs the font maps to no character ("(cid:13)")."""
    from pdfminer.layout import LTChar

    parts = []
    for item in line:
        if isinstance(item, LTChar) and item.size < size * 0.8 and item.y0 > line.y0 + 0.25 * line.height \
                and item.get_text().strip():
            continue
        parts.append(item.get_text())
    return normalize_whitespace(_CID.sub("", "".join(parts)).replace("\n", " "))


def _reason(exc: Exception) -> str:
    text = normalize_whitespace(str(exc).splitlines()[0]) if str(exc) else ""
    return text[:80] or type(exc).__name__


def _info(document) -> dict[str, str]:
    info: dict[str, str] = {}
    for entry in document.info or []:
        for key, value in entry.items():
            try:
                from pdfminer.pdftypes import resolve1
                from pdfminer.utils import decode_text

                value = resolve1(value)
                info[key] = decode_text(value) if isinstance(value, bytes) else str(value)
            except Exception:  # a broken info entry is no reason to refuse the document
                continue
    return info


def _meaningful(value: str) -> str | None:
    """A metadata value, unless it is a writer's placeholder ("untitled", "anonymous")."""
    value = normalize_whitespace(value or "")
    return value if value and value.lower() not in {"untitled", "anonymous", "unknown", "none"} else None


def _pdf_date(value: str) -> date | None:
    m = re.match(r"(?:D:)?(\d{4})(\d{2})(\d{2})", value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _body_font(pages) -> tuple[float, bool]:
    """The size and weight most characters are set in."""
    sizes: Counter = Counter()
    bold: Counter = Counter()
    for _, _, boxes, _ in pages:
        for box in boxes:
            for line in box.lines:
                sizes[line.size] += len(line.text)
                bold[line.bold] += len(line.text)
    return sizes.most_common(1)[0][0], bold.most_common(1)[0][0]


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower()).strip()


def _drop_running_lines(pages) -> list[_Box]:
    """Every page's boxes in reading order, without running headers, footers and page numbers."""
    edge_shapes: Counter = Counter()
    for width, height, boxes, _ in pages:
        seen = {_shape(b.text) for b in boxes if _at_edge(b, height)}
        edge_shapes.update(seen)
    repeated = {shape for shape, count in edge_shapes.items() if count >= 2 and len(pages) >= 2}
    ordered: list[_Box] = []
    for width, height, boxes, _ in pages:
        kept = [b for b in boxes if not (_at_edge(b, height) and (_shape(b.text) in repeated
                                                                   or _PAGE_NUMBER.match(b.text)))]
        page = _reading_order(kept, width)
        if page:
            page[0].opens = True
        ordered.extend(page)
    return ordered


def _at_edge(box: _Box, height: float) -> bool:
    return box.bottom <= height * EDGE or box.top >= height * (1 - EDGE)


def _reading_order(boxes: list[_Box], width: float) -> list[_Box]:
    """Top to bottom in bands between boxes that span columns; inside a band, column by column
    from the left, each column top to bottom (one column, two, three)."""
    starts = _column_starts(boxes, width)
    tolerance = COLUMN_TOLERANCE * width
    ordered: list[_Box] = []
    band: dict[int, list[_Box]] = {}

    def flush() -> None:
        for index in sorted(band):
            column = sorted(band[index], key=lambda b: b.top)
            column[0].opens = True
            ordered.extend(column)
        band.clear()

    for box in sorted(boxes, key=lambda b: b.top):
        index = max((i for i, x in enumerate(starts) if x <= box.x0 + tolerance), default=0)
        if index + 1 < len(starts) and box.x1 > starts[index + 1] + tolerance:
            flush()  # a title or a heading across the columns
            ordered.append(box)
        else:
            band.setdefault(index, []).append(box)
    flush()
    return ordered


def _column_starts(boxes: list[_Box], width: float) -> list[float]:
    """Where the page's columns begin. Boxes are grouped by their left edges; a group begins a
    new column when it lies right of where the current column's boxes typically end (an
    indented quotation or a centred title lies inside its column)."""
    tolerance = COLUMN_TOLERANCE * width
    edges: list[list[_Box]] = []
    for box in sorted(boxes, key=lambda b: b.x0):
        if edges and box.x0 - edges[-1][0].x0 <= tolerance:
            edges[-1].append(box)
        else:
            edges.append([box])
    starts: list[float] = []
    column: list[_Box] = []
    for group in edges:
        if not starts or group[0].x0 > statistics.median(b.x1 for b in column) - tolerance:
            starts.append(group[0].x0)
            column = list(group)
        else:
            column.extend(group)
    return starts or [0.0]


def _blocks(boxes: list[_Box], body_size: float, body_bold: bool) -> list[tuple[str, str, float]]:
    """("heading" | "paragraph", text, size) in reading order, captions and footnotes left out."""
    blocks: list[tuple[str, str, float]] = []
    for box in boxes:
        runs: list[tuple[str, list[_Line]]] = []
        for line in box.lines:
            if line.size < body_size * SMALL_SCALE:
                kind = "small"
            elif line.size >= body_size * HEADING_SCALE or (line.bold and not body_bold):
                kind = "heading"
            else:
                kind = "paragraph"
            if runs and runs[-1][0] == kind:
                runs[-1][1].append(line)
            else:
                runs.append((kind, [line]))
        for kind, lines in runs:
            text = _join_lines([line.text for line in lines])
            if kind == "small" or _CAPTION.match(text):
                continue
            if kind == "heading" and sum(ch.isalpha() for ch in text) < 3:
                continue  # a chapter number or an ornament set large: no heading to read
            if kind == "heading" and (len(text.split()) > MAX_HEADING_WORDS or text.endswith(".")):
                kind = "paragraph"
            size = max(line.size for line in lines)
            opens = box.opens and lines is runs[0][1]
            if kind == "paragraph" and blocks and blocks[-1][0] == "paragraph" and _continues(blocks[-1][1], text, opens):
                blocks[-1] = ("paragraph", _join_lines([blocks[-1][1], text]), blocks[-1][2])
            else:
                blocks.append((kind, text, size))
    return blocks


def _continues(before: str, after: str, opens: bool) -> bool:
    """A paragraph broken by a column or page: no sentence end before, and a lower-case word
    after, or any word at the top of the next column or page."""
    return not re.search(r"[.!?:;\"'”’)]$", before) and (after[:1].islower() or opens)


def _join_lines(lines: list[str]) -> str:
    text = ""
    for line in lines:
        if re.search(r"\w-$", text) and line[:1].islower():
            text = text[:-1] + line  # "govern-" + "ment"
        else:
            text = f"{text} {line}" if text else line
    return normalize_whitespace(text)


def _sections(blocks: list[tuple[str, str, float]]) -> tuple[str | None, tuple[Section, ...]]:
    title: str | None = None
    headings = [(size, i) for i, (kind, _, size) in enumerate(blocks) if kind == "heading"]
    if headings and blocks[0][0] == "heading":
        largest = max(size for size, _ in headings)
        if blocks[0][2] >= largest:
            title = blocks[0][1]
            blocks = blocks[1:]
    return title, group_sections((kind, text) for kind, text, _ in blocks)
