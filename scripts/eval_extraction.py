#!/usr/bin/env python3
"""How much of each page's true article body `briefing article` keeps.

Token precision, recall and F1 of the extracted text against the human-annotated
`articleBody` of ../shared/eval/html/, next to trafilatura's own plain extraction
(the baseline we must match or beat), and how many subheadings became sections.

    .venv/bin/python scripts/eval_extraction.py [../shared/eval/html]
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


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DIR
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
