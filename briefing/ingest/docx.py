"""Word documents (.docx): the body's paragraphs, heading styles as sections.

A .docx is a zip of XML parts; the text is `word/document.xml`, read here with lxml (no
Word library needed: the few elements that matter are `w:p`, its style `w:pStyle`, runs
`w:r` with text `w:t`, and the tracked changes `w:ins` and `w:del`). Headers, footers,
footnotes and comments live in parts of their own and are not read; tracked deletions
(`w:del`, `w:moveFrom`) are left out and tracked insertions read, as the document reads
with its changes accepted. Tables are not read (as on web pages: a grid of figures does not
read aloud). A paragraph styled as a heading (a built-in "heading N" style,
or any style with an outline level) starts a section; the "Title" style is the title.

    briefing article report.docx --json
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from datetime import date

from .article import derive_title, normalize_whitespace, group_sections
from ..errors import InputError
from ..models import Article

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
MAX_PART_BYTES = 64 * 1024 * 1024  # a document.xml larger than this unpacked is a zip bomb, not a report
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SKIPPED = {f"{_W}del", f"{_W}moveFrom", f"{_W}instrText", f"{_W}delText", f"{_W}commentReference",
            f"{_W}footnoteReference", f"{_W}endnoteReference"}


def open_package(data: bytes, source: str, kind: str) -> zipfile.ZipFile:
    """The zip inside a .docx or .epub, or a one-line refusal (encrypted, damaged, not a zip)."""
    if data.startswith(OLE_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise InputError(f"{source}: the {kind} is encrypted with a password; briefing cannot read it")
        raise InputError(f"{source}: an old-style Office file, not a {kind} (save it as .docx)")
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError(f"{source}: the {kind} is damaged (not a readable zip)") from None
    return package


def read_part(package: zipfile.ZipFile, name: str, source: str, kind: str) -> bytes | None:
    """One part's bytes (None when the package has no such part)."""
    try:
        info = package.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise InputError(f"{source}: {name} unpacks to more than {MAX_PART_BYTES // 2**20} MB; not a {kind}")
    try:
        return package.read(info)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        reason = "encrypted" if "encrypted" in str(exc).lower() or "password" in str(exc).lower() else "damaged"
        raise InputError(f"{source}: the {kind} is {reason} ({name} cannot be unpacked)") from None


def xml_root(payload: bytes, source: str, name: str, kind: str):
    """An XML part parsed safely (no entities resolved, no network)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        return etree.fromstring(payload, parser)
    except etree.XMLSyntaxError:
        raise InputError(f"{source}: the {kind} is damaged ({name} is not well-formed XML)") from None


def parse(data: bytes, *, source: str, title: str | None = None) -> Article:
    """A Word document's body as an Article."""
    package = open_package(data, source, "Word document")
    payload = read_part(package, "word/document.xml", source, "Word document")
    if payload is None:
        raise InputError(f"{source}: not a Word document (it has no word/document.xml)")
    body = xml_root(payload, source, "word/document.xml", "Word document").find(f"{_W}body")
    styles = _heading_levels(package, source)
    found_title: str | None = None
    blocks: list[tuple[str, str]] = []
    for paragraph in body.iter(f"{_W}p") if body is not None else ():
        if any(a.tag in _SKIPPED or a.tag == f"{_W}tbl" for a in paragraph.iterancestors()):
            continue  # deleted, or a table's cell: figures in a grid do not read aloud (as on web pages)
        text = _paragraph_text(paragraph)
        if not text:
            continue
        level = _level(paragraph, styles)
        if level == 0 and found_title is None and all(kind == "heading" for kind, _ in blocks):
            found_title = text  # a Title style before any text
        elif level is not None and level > 0 and len(text.split()) <= 16:
            blocks.append(("heading", text))
        else:
            blocks.append(("paragraph", text))
    sections = group_sections(blocks)
    if not sections:
        raise InputError(f"{source}: the Word document has no text")
    core = _core_properties(package, source)
    return Article(
        title=title or found_title or core.get("title") or derive_title(sections),
        source=source,
        sections=sections,
        published=core.get("created"),
        byline=core.get("creator"),
    )


def _paragraph_text(paragraph) -> str:
    """The paragraph's text as it reads with tracked changes accepted."""
    parts: list[str] = []

    def walk(element) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIPPED or tag == f"{_W}p":  # a nested paragraph (a text box) is read on its own
                continue
            if tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
                parts.append(" ")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("-")
            else:
                walk(child)

    walk(paragraph)
    return normalize_whitespace("".join(parts))


def _heading_levels(package: zipfile.ZipFile, source: str) -> dict[str, int]:
    """Style id -> outline level (0 for the title style, 1 for "heading 1", ...)."""
    payload = read_part(package, "word/styles.xml", source, "Word document")
    levels: dict[str, int] = {"Title": 0}
    if payload is None:
        levels.update({f"Heading{n}": n for n in range(1, 10)})
        return levels
    for style in xml_root(payload, source, "word/styles.xml", "Word document").iter(f"{_W}style"):
        style_id = style.get(f"{_W}styleId")
        name_element = style.find(f"{_W}name")
        name = (name_element.get(f"{_W}val") if name_element is not None else "") or ""
        outline = style.find(f"{_W}pPr/{_W}outlineLvl")
        m = re.fullmatch(r"heading (\d)", name.strip().lower())
        if name.strip().lower() == "title":
            levels[style_id] = 0
        elif m:
            levels[style_id] = int(m.group(1))
        elif outline is not None and (outline.get(f"{_W}val") or "").isdigit() and int(outline.get(f"{_W}val")) < 9:
            levels[style_id] = int(outline.get(f"{_W}val")) + 1
    return levels


def _level(paragraph, styles: dict[str, int]) -> int | None:
    properties = paragraph.find(f"{_W}pPr")
    if properties is None:
        return None
    outline = properties.find(f"{_W}outlineLvl")
    if outline is not None and (outline.get(f"{_W}val") or "").isdigit() and int(outline.get(f"{_W}val")) < 9:
        return int(outline.get(f"{_W}val")) + 1
    style = properties.find(f"{_W}pStyle")
    return styles.get(style.get(f"{_W}val")) if style is not None else None


def _core_properties(package: zipfile.ZipFile, source: str) -> dict:
    payload = read_part(package, "docProps/core.xml", source, "Word document")
    if payload is None:
        return {}
    try:
        root = xml_root(payload, source, "docProps/core.xml", "Word document")
    except InputError:
        return {}  # damaged metadata: the text is still worth reading
    found: dict = {}
    for element in root:
        name = element.tag.rsplit("}", 1)[-1]
        value = normalize_whitespace(element.text or "")
        if not value:
            continue
        if name in ("title", "creator"):
            found[name] = value
        elif name == "created":
            try:
                found["created"] = date.fromisoformat(value[:10])
            except ValueError:
                pass
    return found
