"""Finished episodes by the `make` that produced them: the same command again is a copy.

A re-run of `briefing make` with the same input files and the same options, into a file of
the same name, makes the same MP3 and sidecars; so they are kept (beside the take cache) and
copied into place, without reading, writing, speaking or mixing anything. The key holds
everything the files depend on:

- every input file's name and bytes (local files only: a URL or a feed can change under the
  same address, so a make from one is never served from here);
- the EpisodeOptions, with the day resolved (a make tomorrow is a new episode), and the
  contents of the cover and templates they name;
- the output's file name (sidecars are named after it);
- briefing's own source files and the installed packages (their names and versions), so an
  upgrade or an edit to the code makes the episode again.

Entries are written whole under a temporary name and renamed into place; a cache that cannot
be read or written only costs time.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import uuid
from datetime import date as Date
from pathlib import Path

from ..models import EpisodeFiles, EpisodeOptions

FINISHED_VERSION = 1
KEEP = 16  # finished episodes kept: enough for the re-runs of a day's work, not an archive
PACKAGE = Path(__file__).resolve().parents[1]


def finished_key(inputs: list[str], options: EpisodeOptions, output: Path) -> str | None:
    """The key of a make, or None when one of its inputs is not a local file."""
    digest = hashlib.sha256()

    def add(label: str, value) -> None:
        digest.update(label.encode() + b"\0" + json.dumps(value, sort_keys=True, default=str).encode() + b"\0")

    paths = [Path(source) for source in inputs]
    if not paths or any(source == "-" or "://" in source for source in inputs) or not all(p.is_file() for p in paths):
        return None
    add("version", FINISHED_VERSION)
    for path in paths:
        add("input", path.name)
        digest.update(path.read_bytes())
    settings = options.to_dict()
    settings["day"] = (options.day or Date.today()).isoformat()
    add("options", settings)
    for label, named in (("cover", options.cover), ("templates", options.templates)):
        if named:
            add(label, _contents(Path(named)))
    add("output", output.name)
    add("code", _code_fingerprint())
    return digest.hexdigest()


def _contents(path: Path) -> list:
    """A file's or a folder's files: names and the hashes of their bytes."""
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    found = []
    for file in files:
        try:
            found.append([str(file.relative_to(path)) if path.is_dir() else file.name,
                          hashlib.sha256(file.read_bytes()).hexdigest()])
        except OSError:
            found.append([str(file), None])
    return found


def _code_fingerprint() -> list:
    """briefing's source files (size and time) and the installed distributions (name-version)."""
    stats = []
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in {".py", ".j2", ".wav", ".json", ".toml"} and "__pycache__" not in path.parts:
            stat = path.stat()
            stats.append([str(path.relative_to(PACKAGE)), stat.st_size, stat.st_mtime_ns])
    installed = []
    for entry in sys.path:
        try:
            installed += [name for name in os.listdir(entry or ".") if name.endswith(".dist-info")]
        except OSError:
            continue
    return [stats, sorted(installed)]


class FinishedCache:
    """Finished episodes (MP3 and sidecars) in DIRECTORY/KEY/."""

    def __init__(self, directory: str | Path):
        self.directory = Path(directory)

    def restore(self, key: str, output: Path) -> EpisodeFiles | None:
        """Copy a kept episode into place under `output`'s name; None when there is none."""
        from .export import staged

        entry = self.directory / key
        try:
            meta = json.loads((entry / "meta.json").read_text(encoding="utf-8"))
            suffixes: dict[str, str] = meta["suffixes"]
            sidecars = {}
            for kind, suffix in suffixes.items():  # the sidecars first, the MP3 last
                target = output.with_name(output.stem + suffix)
                with staged(target) as tmp:
                    shutil.copyfile(entry / kind, tmp)
                sidecars[kind] = str(target)
            with staged(output) as tmp:
                shutil.copyfile(entry / "mp3", tmp)
            return EpisodeFiles(mp3=str(output), sidecars=sidecars, duration=float(meta["duration"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def keep(self, key: str, files: EpisodeFiles) -> None:
        mp3 = Path(files.mp3)
        tmp = self.directory / f".{key}.{uuid.uuid4().hex}.part"
        try:
            tmp.mkdir(parents=True)
            suffixes = {}
            for kind, path in files.sidecars.items():
                shutil.copyfile(path, tmp / kind)
                suffixes[kind] = Path(path).name[len(mp3.stem):]
            shutil.copyfile(mp3, tmp / "mp3")
            (tmp / "meta.json").write_text(json.dumps({"suffixes": suffixes, "duration": files.duration}),
                                           encoding="utf-8")
            os.replace(tmp, self.directory / key)  # fails when another make kept it first: fine
        except OSError:
            pass
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        self._prune()

    def _prune(self) -> None:
        """Keep the KEEP most recent entries."""
        try:
            entries = sorted((p for p in self.directory.iterdir() if not p.name.startswith(".")),
                             key=lambda p: p.stat().st_mtime, reverse=True)
        except OSError:
            return
        for old in entries[KEEP:]:
            shutil.rmtree(old, ignore_errors=True)
