"""The show's memory of what it said: every item an episode covered, in the site's catalog.

An item is recognised three ways, and is new only when none matches an earlier episode's:

- its **canonical URL** (courlan's normalisation: tracking parameters such as `utm_*` and
  `fbclid` stripped, host lower-cased, fragment dropped);
- its **guid**, scoped by the source's URL (two feeds may both number their items "1");
- a **fingerprint of its text**: a MinHash (rensa, 128 permutations) over word
  3-shingles. Two texts whose estimated Jaccard similarity is at least `SAME_TEXT` (0.5)
  are the same story: a re-post under another URL or with an edited title shares nearly
  all its shingles (~0.9 and up), while a story substantially rewritten with news (half
  its text new) falls below and is told again.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..models import Article, Mention

SAME_TEXT = 0.5  # estimated Jaccard of word 3-shingles at or above which two texts are one story
PERMUTATIONS = 128
SHINGLE = 3
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def canonical_url(url: str) -> str:
    """The URL without what differs between shares of one page (tracking parameters, fragment)."""
    if not url.lower().startswith(("http://", "https://")):
        return url
    from courlan import normalize_url

    try:
        return normalize_url(url, strict=True)
    except ValueError:
        return url


def article_text(article: Article) -> str:
    return "\n".join(p for s in article.sections for p in s.paragraphs)


def _shingles(text: str) -> set[str]:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def fingerprint(text: str) -> str:
    """The MinHash of the text's word 3-shingles, as hex (stored in the catalog and in plans)."""
    import numpy as np
    from rensa import RMinHash

    sketch = RMinHash(num_perm=PERMUTATIONS, seed=1)
    sketch.update(sorted(_shingles(text)))
    return np.asarray(sketch.digest(), dtype="<u4").tobytes().hex()


def similarity(a: str, b: str) -> float:
    """Estimated Jaccard similarity of two fingerprints' texts (0 to 1)."""
    import numpy as np

    left = np.frombuffer(bytes.fromhex(a), dtype="<u4")
    right = np.frombuffer(bytes.fromhex(b), dtype="<u4")
    return float(np.mean(left == right)) if len(left) == len(right) else 0.0


def mention_of(source: str, source_url: str, title: str, link: str, guid: str, article: Article) -> Mention:
    return Mention(source=source, title=title, url=canonical_url(link or source_url),
                   guid=f"{source_url}#{guid or link}", fingerprint=fingerprint(article_text(article)))


@dataclass
class Memory:
    """What the site's episodes covered, loaded once per run."""

    urls: set[str] = field(default_factory=set)
    guids: set[str] = field(default_factory=set)
    fingerprints: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, site: str | Path) -> "Memory":
        from ..publish.catalog import CATALOG_NAME, Catalog

        if not (Path(site) / CATALOG_NAME).is_file():
            return cls()
        with Catalog(site) as catalog:
            rows = catalog.connection.execute("SELECT url, guid, fingerprint FROM covered").fetchall()
        return cls({r["url"] for r in rows}, {r["guid"] for r in rows}, [r["fingerprint"] for r in rows])

    def covered(self, mention: Mention) -> bool:
        """True when an earlier episode covered this item: same URL, same guid, or the same text."""
        if mention.url in self.urls or mention.guid in self.guids:
            return True
        if not self.fingerprints:
            return False
        import numpy as np

        known = np.frombuffer(bytes.fromhex("".join(self.fingerprints)), dtype="<u4").reshape(len(self.fingerprints), -1)
        mine = np.frombuffer(bytes.fromhex(mention.fingerprint), dtype="<u4")
        if known.shape[1] != len(mine):
            return False
        return bool(np.max(np.mean(known == mine, axis=1)) >= SAME_TEXT)


def mark_covered(conn: sqlite3.Connection, episode: str, stories) -> None:
    """Record the stories (title, mentions) an episode covered, inside the episode's own transaction."""
    conn.executemany(
        "INSERT INTO covered (episode, story, source, title, url, guid, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(episode, title, m.source, m.title, m.url, m.guid, m.fingerprint) for title, mentions in stories
         for m in mentions])


def covered_stories(site: str | Path) -> list[tuple[str, str]]:
    """(episode key, story title) for every story the site covered, in the order covered."""
    from ..publish.catalog import Catalog

    with Catalog(site) as catalog:
        rows = catalog.connection.execute(
            "SELECT episode, story FROM covered GROUP BY episode, story ORDER BY min(rowid)").fetchall()
    return [(r["episode"], r["story"]) for r in rows]
