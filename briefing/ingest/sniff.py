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


def looks_like_feed(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return bool(_FEED_ROOT.match(head))


def looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(data[:65536])) >= 3


def kind_of(data: bytes, *, suffix: str = "", content_type: str = "") -> str:
    """"feed", "html", "markdown" or "text".

    The bytes decide when they are unambiguous (a server may call a feed
    "text/xml" or a page "text/plain"); the name or media type decides otherwise.
    """
    if content_type in FEED_TYPES or looks_like_feed(data):
        return "feed"
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
