"""Web pages from files and standard input, and the extraction measured on real pages."""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
from pathlib import Path

import pytest

from briefing.ingest import read_articles
from local_site import STORY

ROOT = Path(__file__).resolve().parents[2]
EVAL_HTML = ROOT.parent / "shared" / "eval" / "html"


def test_html_file_keeps_subheadings_as_sections(tmp_path):
    path = tmp_path / "story.htm"
    path.write_text(STORY, encoding="utf-8")
    article = read_articles(str(path))[0]
    assert article.title == "Ferry Service Returns to the Harbor"
    assert article.byline == "Mara Quill"
    assert article.published.isoformat() == "2024-05-03"
    assert [s.heading for s in article.sections] == [None, "Engines Rebuilt Over the Winter", "Timetable and Fares"]
    # The quote stays one paragraph, with who said it.
    assert any(p.endswith("the chief engineer said.") and p.startswith('"We took') for p in article.sections[1].paragraphs)


def test_html_on_standard_input_is_recognized(cli):
    result = cli("article", "-", "--json", input=STORY.encode("utf-8"))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"] == "Ferry Service Returns to the Harbor"
    assert data["sections"][2]["heading"] == "Timetable and Fares"


def test_a_page_in_a_legacy_encoding_is_decoded(tmp_path):
    page = STORY.replace('charset="utf-8"', 'charset="windows-1252"').replace("harbor ferry", "café’s ferry")
    path = tmp_path / "legacy.html"
    path.write_bytes(page.encode("cp1252"))
    text = " ".join(p for s in read_articles(str(path))[0].sections for p in s.paragraphs)
    assert "café’s ferry" in text


def _eval_module():
    spec = importlib.util.spec_from_file_location("eval_extraction", ROOT / "scripts" / "eval_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (EVAL_HTML / "ground-truth.json").is_file(), reason="../shared/eval/html is not present")
def test_real_pages_keep_the_annotated_body_as_well_as_trafilatura_does():
    result = _eval_module().evaluate(EVAL_HTML)
    assert len(result["rows"]) >= 20
    ours, baseline = result["ours"][2], result["trafilatura"][2]
    assert ours >= baseline - 0.01, (ours, baseline)
    # No page is much worse than trafilatura's own extraction.
    assert all(r["ours"][2] >= r["trafilatura"][2] - 0.05 for r in result["rows"])


@pytest.mark.skipif(not (EVAL_HTML / "ground-truth.json").is_file(), reason="../shared/eval/html is not present")
def test_real_pages_subheadings_become_section_headings():
    import lxml.html

    from briefing.ingest.decode import decode_bytes

    checked = 0
    for path in sorted(EVAL_HTML.glob("*.html.gz"))[:12]:
        raw = gzip.decompress(path.read_bytes())
        article = read_articles_from_bytes(raw, path.name)
        headings = {s.heading for s in article.sections if s.heading}
        text = " ".join(p for s in article.sections for p in s.paragraphs)
        # Every h2/h3 of the page whose following paragraph we kept is a section heading.
        for h in lxml.html.fromstring(decode_bytes(raw, path.name)).xpath("//h2|//h3"):
            heading = " ".join(h.text_content().split())
            following = h.getnext()
            nxt = " ".join(following.text_content().split()) if following is not None and following.tag == "p" else ""
            if heading and len(nxt.split()) > 12 and nxt[:80] in text:
                assert heading in headings, (path.name, heading)
                checked += 1
    assert checked >= 3


def read_articles_from_bytes(raw: bytes, name: str):
    from briefing.ingest import html

    return html.parse(raw, source=name)
