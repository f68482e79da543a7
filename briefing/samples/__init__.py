"""The sample article that `briefing demo` turns into an episode (written for this project)."""

from pathlib import Path


def sample_article_path() -> Path:
    return Path(__file__).parent / "harbor_ferry.md"
