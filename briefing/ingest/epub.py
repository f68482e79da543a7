"""E-books (.epub): each chapter a section, or each an article when the book is a collection.

An EPUB is a zip: `META-INF/container.xml` names the package document (OPF), whose
manifest lists the files, whose spine gives the reading order, and whose table of contents
(the EPUB 3 navigation document, or the EPUB 2 NCX) titles the chapters. Each chapter's
XHTML goes through the same fragment reader as a feed item's HTML. Read with the standard
library's zipfile and lxml, no e-book library.

A book is a **collection** (each chapter its own article, like a feed's items) when its
metadata says so (`dc:type` collection, anthology, periodical, magazine or newspaper) or
when its table of contents groups chapters under section titles, as a digest of articles
does.

    briefing article book.epub --json
"""

from __future__ import annotations

import posixpath
import re
from datetime import date
from urllib.parse import unquote

from .article import normalize_whitespace
from .docx import open_package, read_part, xml_root
from ..errors import InputError
from ..models import Article, Section

KIND = "EPUB"
MIN_CHAPTER_WORDS = 25  # fewer words: a cover, a title page, a copyright notice
_COLLECTION = re.compile(r"collection|anthology|periodical|magazine|newspaper|newsletter|digest", re.IGNORECASE)
_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_NCX = "{http://www.daisy.org/z3986/2005/ncx/}"
_EPUB_NS = "{http://www.idpf.org/2007/ops}"


def parse(data: bytes, *, source: str, title: str | None = None, latest: int | None = None) -> list[Article]:
    """The book as one Article (chapters as sections), or a collection's chapters as Articles."""
    package = open_package(data, source, KIND)
    container = read_part(package, "META-INF/container.xml", source, KIND)
    if container is None:
        raise InputError(f"{source}: not an EPUB (it has no META-INF/container.xml)")
    rootfile = next((e.get("full-path") for e in xml_root(container, source, "container.xml", KIND).iter()
                     if str(e.tag).endswith("rootfile") and e.get("full-path")), None)
    _refuse_drm(package, source)
    opf_bytes = read_part(package, rootfile, source, KIND) if rootfile else None
    if opf_bytes is None:
        raise InputError(f"{source}: the EPUB is damaged (its package document is missing)")
    opf = xml_root(opf_bytes, source, rootfile, KIND)
    base = posixpath.dirname(rootfile)
    manifest = {item.get("id"): item for item in opf.iter(f"{_OPF}item")}
    book_title = _meta(opf, "title")
    author = _meta(opf, "creator")
    published = _date(_meta(opf, "date"))
    toc, grouped = _table_of_contents(package, opf, manifest, base, source)
    chapters: list[tuple[str | None, tuple[Section, ...]]] = []
    for itemref in opf.iter(f"{_OPF}itemref"):
        item = manifest.get(itemref.get("idref"))
        if item is None or itemref.get("linear") == "no" or "nav" in (item.get("properties") or "").split():
            continue
        if "html" not in (item.get("media-type") or ""):
            continue
        name = _join(base, item.get("href"))
        payload = read_part(package, name, source, KIND)
        if payload is None:
            continue
        sections = _chapter_sections(payload)
        if sum(len(p.split()) for s in sections for p in s.paragraphs) < MIN_CHAPTER_WORDS:
            continue
        chapters.append((toc.get(name), sections))
    if not chapters:
        raise InputError(f"{source}: the EPUB has no chapters with text")
    collection = bool(_COLLECTION.search(_meta(opf, "type") or "")) or grouped
    if collection:
        articles = []
        for number, (heading, sections) in enumerate(chapters, 1):
            chapter_title = heading or _first_heading(sections) or f"{book_title or 'Chapter'} {number}"
            sections = _without_title(sections, chapter_title)
            articles.append(Article(title=chapter_title, source=f"{source}#{number}", sections=sections,
                                    published=published, byline=author))
        return articles[:latest] if latest else articles
    sections: list[Section] = []
    for heading, chapter in chapters:
        heading = heading or _first_heading(chapter)
        chapter = _without_title(chapter, heading) if heading else chapter
        for index, section in enumerate(chapter):
            if index == 0:
                sections.append(Section(heading or section.heading, section.paragraphs))
            else:
                sections.append(section)
    return [Article(title=title or book_title or sections[0].heading or "Untitled", source=source,
                    sections=tuple(sections), published=published, byline=author)]


def _refuse_drm(package, source: str) -> None:
    """An EPUB whose chapters are encrypted (DRM: META-INF/encryption.xml names them) cannot be
    read; obfuscated fonts, which encryption.xml also lists, do not matter."""
    payload = read_part(package, "META-INF/encryption.xml", source, KIND)
    if payload is None:
        return
    root = xml_root(payload, source, "META-INF/encryption.xml", KIND)
    for reference in root.iter():
        if str(reference.tag).endswith("CipherReference") and \
                re.search(r"\.x?html?$", (reference.get("URI") or "").split("#")[0], re.IGNORECASE):
            raise InputError(f"{source}: the EPUB is encrypted (DRM); briefing cannot read it")


def _join(base: str, href: str | None) -> str:
    path = unquote((href or "").split("#", 1)[0])
    return posixpath.normpath(posixpath.join(base, path)) if base else posixpath.normpath(path)


def _meta(opf, name: str) -> str | None:
    element = opf.find(f".//{_DC}{name}")
    text = normalize_whitespace(element.text or "") if element is not None and element.text else ""
    return text or None


def _date(value: str | None) -> date | None:
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    except ValueError:
        return None


def _table_of_contents(package, opf, manifest, base, source) -> tuple[dict[str, str], bool]:
    """Chapter file -> its title in the table of contents; and whether the contents are grouped
    (top entries with entries under them)."""
    nav = next((i for i in manifest.values() if "nav" in (i.get("properties") or "").split()), None)
    if nav is not None:
        payload = read_part(package, _join(base, nav.get("href")), source, KIND)
        if payload is not None:
            return _nav_entries(payload, posixpath.dirname(_join(base, nav.get("href"))))
    spine = opf.find(f"{_OPF}spine")
    ncx = manifest.get(spine.get("toc")) if spine is not None else None
    if ncx is not None:
        name = _join(base, ncx.get("href"))
        payload = read_part(package, name, source, KIND)
        if payload is not None:
            return _ncx_entries(xml_root(payload, source, name, KIND), posixpath.dirname(name))
    return {}, False


def _nav_entries(payload: bytes, base: str) -> tuple[dict[str, str], bool]:
    import lxml.html

    root = lxml.html.fromstring(payload)
    navs = [n for n in root.iter() if isinstance(n.tag, str) and n.tag.rsplit("}", 1)[-1] == "nav"]
    toc = next((n for n in navs if "toc" in " ".join(v for k, v in n.attrib.items() if k.endswith("type"))),
               navs[0] if navs else None)
    if toc is None:
        return {}, False
    titles: dict[str, str] = {}
    for link in toc.iter():
        if isinstance(link.tag, str) and link.tag.rsplit("}", 1)[-1] == "a" and link.get("href"):
            titles.setdefault(_join(base, link.get("href")), normalize_whitespace(link.text_content()))
    top = [li for li in toc.iter() if isinstance(li.tag, str) and li.tag.rsplit("}", 1)[-1] == "li"
           and sum(1 for a in li.iterancestors() if isinstance(a.tag, str) and a.tag.rsplit("}", 1)[-1] == "li") == 0]
    grouped = sum(1 for li in top if any(isinstance(c.tag, str) and c.tag.rsplit("}", 1)[-1] == "ol"
                                         for c in li.iter())) >= 2
    return titles, grouped


def _ncx_entries(root, base: str) -> tuple[dict[str, str], bool]:
    titles: dict[str, str] = {}
    for point in root.iter(f"{_NCX}navPoint"):
        label = point.find(f"{_NCX}navLabel/{_NCX}text")
        content = point.find(f"{_NCX}content")
        if label is not None and content is not None and content.get("src"):
            titles.setdefault(_join(base, content.get("src")), normalize_whitespace(label.text or ""))
    nav_map = root.find(f"{_NCX}navMap")
    grouped = nav_map is not None and sum(1 for p in nav_map.findall(f"{_NCX}navPoint")
                                          if p.find(f"{_NCX}navPoint") is not None) >= 2
    return titles, grouped


def _chapter_sections(payload: bytes) -> tuple[Section, ...]:
    import lxml.html

    from .html import sections_from_fragment

    try:
        root = lxml.html.fromstring(payload)
    except Exception:  # lxml refuses an empty or unreadable document; the chapter is skipped
        return ()
    body = next((e for e in root.iter() if isinstance(e.tag, str) and e.tag.rsplit("}", 1)[-1] == "body"), root)
    for element in body.iter():  # XHTML's namespace would hide the tags from the fragment reader
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.rsplit("}", 1)[-1]
    for aside in body.xpath("//aside|//*[@role='doc-footnote' or @role='doc-endnote']"):
        aside.drop_tree()
    inner = "".join(lxml.html.tostring(child, encoding="unicode") for child in body)
    return sections_from_fragment((body.text or "") + inner)


def _first_heading(sections: tuple[Section, ...]) -> str | None:
    return sections[0].heading if sections else None


def _without_title(sections: tuple[Section, ...], title: str | None) -> tuple[Section, ...]:
    """The chapter's sections without its own heading repeating the title."""
    if sections and title and sections[0].heading and _words(sections[0].heading) == _words(title):
        return (Section(None, sections[0].paragraphs),) + sections[1:]
    return sections


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())
