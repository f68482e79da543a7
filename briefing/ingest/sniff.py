"""Which reader a source needs: from its media type, its file name, or its first bytes."""

from __future__ import annotations

import re

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
TEXT_SUFFIXES = {".txt", ".text"}

FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json"}
XML_TYPES = {"application/xml", "text/xml"}
HTML_TYPES = {"text/html", "application/xhtml+xml"}

_FEED_ROOT = re.compile(
    rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*|<\?xml-stylesheet[^>]*>\s*|<!DOCTYPE[^>]*>\s*)*<(rss|feed|rdf:RDF)[\s>]",
    re.IGNORECASE | re.DOTALL,
)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(rb"<(p|div|article|h[1-6]|br)[\s/>]", re.IGNORECASE)
_XML_ROOT = re.compile(
    rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*|<\?[^>]*\?>\s*|<!DOCTYPE[^>\[]*(\[.*?\])?\s*>\s*)*<([A-Za-z_][\w:.-]*)",
    re.DOTALL)
_HTML_ROOTS = {"html", "head", "body", "div", "p", "article", "section", "main", "span", "table", "ul", "ol", "h1",
               "h2", "h3", "h4", "h5", "h6", "meta", "link", "title", "script", "style", "header", "nav", "a", "img",
               "br", "form", "pre", "blockquote", "figure"}


def looks_like_feed(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return bool(_FEED_ROOT.match(head))


def looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(data[:65536])) >= 3


def xml_root(data: bytes) -> str | None:
    """The root element's name of an XML document that declares itself (`<?xml ...?>`), else None."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    m = _XML_ROOT.match(head)
    return m.group(4).decode("ascii", "replace") if m and m.group(1) else None


def kind_of(data: bytes, *, suffix: str = "", content_type: str = "") -> str:
    """"feed", "html", "markdown", "text" or "xml" (an XML document that is neither a feed nor a page).

    The bytes decide when they are unambiguous (a server may call a feed
    "text/xml" or a page "text/plain"); the name or media type decides otherwise.
    """
    from .jsonfeed import looks_like_json_feed

    if content_type in FEED_TYPES or looks_like_feed(data) or looks_like_json_feed(data):
        return "feed"
    root = xml_root(data)
    if root is not None and root.lower() not in _HTML_ROOTS and suffix not in MARKDOWN_SUFFIXES | TEXT_SUFFIXES:
        return "xml"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in TEXT_SUFFIXES:
        return "text"
    if content_type in HTML_TYPES or looks_like_html(data):
        return "html"
    if content_type == "text/markdown":
        return "markdown"
    return "markdown-or-text"
