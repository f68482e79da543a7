"""Shared fixtures: an isolated take cache, the shared evaluation material, a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Support modules other test folders import (tests/storage/moto_s3.py: the S3-compatible server).
sys.path.insert(0, str(Path(__file__).resolve().parent / "storage"))
SHARED = ROOT.parent / "shared"
SEED = SHARED / "eval" / "seed_article.txt"

SHORT_ARTICLE = """Town Opens New Library

The town of Alder opened its new public library on Saturday, after two years of building work.
More than six hundred people visited on the first day, the librarian said.

Books and Beyond

The library lends tools and musical instruments as well as books. "People asked for a place to make things, not only to read," said the librarian.
"""


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory):
    """Every test run renders into its own cache, never the user's (the take cache, and the
    user cache folder where hibari's parsed tables are kept)."""
    cache = tmp_path_factory.mktemp("take-cache")
    os.environ["BRIEFING_CACHE_DIR"] = str(cache)
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))
    os.environ.pop("BRIEFING_CONFIG", None)
    yield cache


@pytest.fixture
def seed_article() -> Path:
    if not SEED.is_file():
        pytest.skip("../shared/eval/seed_article.txt is not present")
    return SEED


@pytest.fixture
def short_article(tmp_path) -> Path:
    path = tmp_path / "library.txt"
    path.write_text(SHORT_ARTICLE, encoding="utf-8")
    return path


def run_cli(*args: str, input: bytes | None = None, cwd: Path | None = None, env: dict | None = None,
            timeout: float = 300) -> subprocess.CompletedProcess:
    """Run `briefing ARGS` as a user would, in a subprocess."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        input=input, capture_output=True, cwd=cwd, env=full_env, timeout=timeout,
    )


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    """A real S3-compatible server (moto_server) on 127.0.0.1 for the whole session; see
    tests/storage/moto_s3.py. Its `env` holds the AWS_* variables a briefing process needs."""
    pytest.importorskip("moto", reason="moto[server] (the test extra) is not installed")
    from moto_s3 import S3Server

    with S3Server(tmp_path_factory.mktemp("moto") / "moto.log") as server:
        yield server


@pytest.fixture(params=["folder", "bucket"])
def store(request, tmp_path, monkeypatch):
    """The same tests on both kinds of Store: a folder, and a prefix in a bucket of moto's server
    (with the AWS_* variables set, as a briefing process would find them)."""
    from briefing.storage import open_store

    if request.param == "folder":
        return open_store(tmp_path / "site")
    server = request.getfixturevalue("s3_server")
    for name, value in server.env.items():
        monkeypatch.setenv(name, value)
    return open_store(f"s3://{server.bucket()}/shows/harbor")
