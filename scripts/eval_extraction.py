#!/usr/bin/env python3
"""How much of each page's true article body `briefing article` keeps.

Token precision, recall and F1 of the extracted text against the human-annotated
`articleBody` of ../shared/eval/html/, next to trafilatura's own plain extraction
(the baseline we must match or beat), and how many subheadings became sections.
`--readability` measures the same against the body Mozilla Readability (Firefox's
reader view) extracts from its own test pages (../shared/eval/readability/NAME/
source.html and expected.html), and counts the pages refused as not articles.

    .venv/bin/python scripts/eval_extraction.py [../shared/eval/html]
    .venv/bin/python scripts/eval_extraction.py --readability [../shared/eval/readability]
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT.parent / "shared" / "eval" / "html"
READABILITY_DIR = ROOT.parent / "shared" / "eval" / "readability"


def tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def prf(extracted: str, truth: str) -> tuple[float, float, float]:
    got, want = tokens(extracted), tokens(truth)
    common = sum((got & want).values())
    if not common:
        return 0.0, 0.0, 0.0
    p, r = common / sum(got.values()), common / sum(want.values())
    return p, r, 2 * p * r / (p + r)


def article_text(article) -> str:
    parts = []
    for section in article.sections:
        if section.heading:
            parts.append(section.heading)
        parts.extend(section.paragraphs)
    return "\n".join(parts)


def evaluate(folder: Path) -> dict:
    """Per page and mean scores: ours and trafilatura's plain `extract()`."""
    import trafilatura

    from briefing.ingest import html as html_reader

    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    rows = []
    for path in sorted(folder.glob("*.html.gz")):
        sha = path.name.split(".")[0]
        if sha not in truth:
            continue
        raw = gzip.decompress(path.read_bytes())
        body = truth[sha]["articleBody"]
        article = html_reader.parse(raw, source=path.name, url=truth[sha].get("url"))
        baseline = trafilatura.extract(raw, url=truth[sha].get("url")) or ""
        rows.append({
            "page": sha[:12],
            "ours": prf(article_text(article), body),
            "trafilatura": prf(baseline, body),
            "headings": sum(1 for s in article.sections if s.heading),
        })
    mean = lambda key, i: sum(r[key][i] for r in rows) / len(rows)  # noqa: E731
    return {"rows": rows, "ours": tuple(mean("ours", i) for i in range(3)),
            "trafilatura": tuple(mean("trafilatura", i) for i in range(3))}


def html_text(markup: str) -> str:
    """The text of an HTML fragment (Readability's expected.html), tags and entities gone."""
    import html

    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def evaluate_readability(folder: Path) -> dict:
    """Per page and mean scores against Readability's body; pages refused are listed with their reason."""
    from briefing.errors import InputError
    from briefing.ingest import html as html_reader
    from briefing.ingest.decode import decode_bytes

    rows, refused = [], []
    for page in sorted(p for p in folder.iterdir() if (p / "expected.html").is_file()):
        raw = (page / "source.html").read_bytes()
        want = html_text((page / "expected.html").read_text(encoding="utf-8"))
        try:
            article = html_reader.parse(decode_bytes(raw, page.name), source=page.name)
        except InputError as exc:
            refused.append((page.name, str(exc)))
            rows.append({"page": page.name, "ours": (0.0, 0.0, 0.0)})
            continue
        rows.append({"page": page.name, "ours": prf(article_text(article), want)})
    mean = tuple(sum(r["ours"][i] for r in rows) / len(rows) for i in range(3))
    return {"rows": rows, "ours": mean, "refused": refused}


def main_readability(folder: Path) -> None:
    result = evaluate_readability(folder)
    print(f"{'page':22} {'ours P/R/F1':>20}")
    for r in result["rows"]:
        o = r["ours"]
        print(f"{r['page']:22} {o[0]:6.3f}{o[1]:7.3f}{o[2]:7.3f}")
    o = result["ours"]
    print(f"{'mean':22} {o[0]:6.3f}{o[1]:7.3f}{o[2]:7.3f}")
    for name, reason in result["refused"]:
        print(f"refused: {reason}")
    print(f"pages: {len(result['rows'])}; refused as not articles: {len(result['refused'])}")


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["--readability"]:
        main_readability(Path(args[1]) if len(args) > 1 else READABILITY_DIR)
        return
    folder = Path(args[0]) if args else DEFAULT_DIR
    if not (folder / "ground-truth.json").is_file():
        sys.exit(f"no ground-truth.json in {folder}")
    result = evaluate(folder)
    print(f"{'page':14} {'ours P/R/F1':>20} {'trafilatura P/R/F1':>22} headings")
    for r in result["rows"]:
        o, t = r["ours"], r["trafilatura"]
        print(f"{r['page']:14} {o[0]:6.3f}{o[1]:7.3f}{o[2]:7.3f}   {t[0]:6.3f}{t[1]:7.3f}{t[2]:7.3f}   {r['headings']:3d}")
    o, t = result["ours"], result["trafilatura"]
    print(f"{'mean':14} {o[0]:6.3f}{o[1]:7.3f}{o[2]:7.3f}   {t[0]:6.3f}{t[1]:7.3f}{t[2]:7.3f}")
    print(f"pages: {len(result['rows'])}; F1 ours - trafilatura: {o[2] - t[2]:+.4f}")


if __name__ == "__main__":
    main()
