#!/usr/bin/env python3
"""How well each document kind reads back: real articles written as PDF, Word, EPUB and e-mail.

    .venv/bin/python scripts/eval_documents.py                 # 20 bbc_dev articles
    .venv/bin/python scripts/eval_documents.py --articles 50 --json documents.json

Each of the first N bbc_dev articles with six or more paragraphs (subheadings put in every
third paragraph, as a report has them) is written by the test makers (tests/documents/makers.py:
reportlab, python-docx, zipfile, the email package) with everything a reader must leave out:
a two-column PDF with a running header and footer, page numbers, a captioned figure and a
footnote; a Word file with a header, footer, comment and tracked deletion; an EPUB with a
cover page; a newsletter with its clutter. For each kind:

- body F1: token F1 (lower-cased words, as multisets) of the text read against the article;
- in order: the share of the article's words read in the article's order (difflib's matching
  blocks over the word sequences), which a wrong column order lowers: one set of PDFs holds
  each page's right column before its left in the file (tests/documents/makers.py:
  make_right_first_pdf);
- headings: the share of the article's headings read back as section headings, exactly;
- seconds per PDF page (pdfminer.six, and pypdfium2's plain text for comparison when it is
  installed: `pip install pypdfium2`; it is not a dependency).

Needs ../shared/eval/bbc_dev.jsonl, reportlab and python-docx (the test extra).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "documents"))


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def f1(found: list[str], expected: list[str]) -> float:
    common = sum((Counter(found) & Counter(expected)).values())
    if not common:
        return 0.0
    precision, recall = common / len(found), common / len(expected)
    return 2 * precision * recall / (precision + recall)


def in_order(found: list[str], expected: list[str]) -> float:
    matcher = difflib.SequenceMatcher(None, found, expected, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(1, len(expected))


def score(article, doc) -> dict:
    text = "\n".join(p for s in article.sections for p in s.paragraphs)
    found, expected = tokens(text), tokens(doc.body)
    headings = [s.heading for s in article.sections if s.heading]
    return {"f1": f1(found, expected), "order": in_order(found, expected),
            "headings": sum(h in headings for h in doc.headings) / max(1, len(doc.headings))}


def pdf_pages(path: Path) -> int:
    from pdfminer.pdfpage import PDFPage

    with path.open("rb") as fh:
        return sum(1 for _ in PDFPage.get_pages(fh))


def pdfium_text(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--json", help="write the figures here as JSON")
    args = parser.parse_args()
    from makers import BBC, bbc_docs, make_docx, make_epub, make_pdf, make_right_first_pdf, newsletter, write_eml

    if not BBC.is_file():
        print("eval_documents: ../shared/eval/bbc_dev.jsonl is not present", file=sys.stderr)
        return 1
    from briefing.ingest import read_articles

    docs = bbc_docs(args.articles)
    results: dict[str, list[dict]] = {k: [] for k in ("pdf 2 columns", "pdf 3 columns", "pdf 1 column", "pdf right column first",
                                                     "docx", "epub chapter", "e-mail html", "e-mail plain")}
    timing = {"pdfminer (briefing)": [0.0, 0], "pypdfium2 text": [0.0, 0]}
    pdfium: dict[str, list[dict]] = {"pypdfium2 text, 2 columns": [], "pypdfium2 text, right column first": []}
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        timing.pop("pypdfium2 text")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for number, doc in enumerate(docs):
            for columns, kind in ((2, "pdf 2 columns"), (3, "pdf 3 columns"), (1, "pdf 1 column"),
                                  (-2, "pdf right column first")):
                if columns > 0:
                    path = make_pdf(doc, folder / f"{number}-{columns}.pdf", columns=columns)
                else:
                    path = make_right_first_pdf(doc, folder / f"{number}-right.pdf")
                pages = pdf_pages(path)
                started = time.perf_counter()
                article = read_articles(str(path))[0]
                timing["pdfminer (briefing)"][0] += time.perf_counter() - started
                timing["pdfminer (briefing)"][1] += pages
                results[kind].append(score(article, doc))
                if columns in (2, -2) and "pypdfium2 text" in timing:
                    started = time.perf_counter()
                    text = pdfium_text(path)
                    timing["pypdfium2 text"][0] += time.perf_counter() - started
                    timing["pypdfium2 text"][1] += pages
                    found = tokens(text)
                    label = "pypdfium2 text, 2 columns" if columns == 2 else "pypdfium2 text, right column first"
                    pdfium[label].append({"f1": f1(found, tokens(doc.body)), "order": in_order(found, tokens(doc.body)),
                                          "headings": 0.0})
            results["docx"].append(score(read_articles(str(make_docx(doc, folder / f"{number}.docx")))[0], doc))
            book = read_articles(str(make_epub([doc], folder / f"{number}.epub")))[0]
            results["epub chapter"].append(score(book, doc))
            for html, kind in ((True, "e-mail html"), (False, "e-mail plain")):
                path = write_eml(newsletter(doc, number, html=html), folder / f"{number}-{kind[-4:]}.eml")
                results[kind].append(score(read_articles(str(path))[0], doc))
    results.update({label: rows for label, rows in pdfium.items() if rows})
    summary = {kind: {metric: round(statistics.mean(r[metric] for r in rows), 4) for metric in ("f1", "order", "headings")}
               for kind, rows in results.items()}
    summary["pdf seconds per page"] = {name: round(total / pages, 4) for name, (total, pages) in timing.items() if pages}
    print(f"{len(docs)} bbc_dev articles")
    print(f"{'kind':34} {'body F1':>8} {'in order':>9} {'headings':>9}")
    for kind, row in summary.items():
        if kind != "pdf seconds per page":
            print(f"{kind:34} {row['f1']:8.3f} {row['order']:9.3f} {row['headings']:9.3f}")
    for name, seconds in summary["pdf seconds per page"].items():
        print(f"seconds per PDF page, {name}: {seconds:.3f}")
    if args.json:
        Path(args.json).write_text(json.dumps({"articles": len(docs), **summary}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
