"""Killing `briefing make` at random moments leaves no partial MP3 or sidecar under a final name.

After every SIGKILL each final name holds either nothing or a complete file (the MP3 decodes to
the whole episode; every sidecar is byte for byte the one a finished run writes); temporary
files are hidden `.NAME.PID.part` files, and the next finished run sweeps them away. Some runs
start with a warm take cache (killed while mixing or encoding), some cold (killed while speaking).
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import SHORT_ARTICLE, run_cli

KILLS = 15


def _make(article: Path, output: Path, cache: Path) -> list[str]:
    return [sys.executable, "-m", "briefing", "-q", "make", str(article), "-o", str(output), "--no-music"]


def _decoded_seconds(mp3: Path) -> float:
    from helpers import decode

    return len(decode(mp3)) / 44100


def test_make_survives_random_kills(tmp_path):
    import os

    rng = random.Random(7)
    article = tmp_path / "library.txt"
    article.write_text(SHORT_ARTICLE, encoding="utf-8")
    warm = tmp_path / "warm-cache"
    reference = tmp_path / "reference"
    reference.mkdir()
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(warm)}
    started = time.monotonic()
    done = subprocess.run(_make(article, reference / "episode.mp3", warm), env=env, capture_output=True)
    cold_run = time.monotonic() - started
    assert done.returncode == 0, done.stderr.decode()
    started = time.monotonic()
    subprocess.run(_make(article, reference / "episode.mp3", warm), env=env, check=True, capture_output=True)
    warm_run = time.monotonic() - started
    expected = {p.name: p.read_bytes() for p in reference.iterdir()}
    seconds = _decoded_seconds(reference / "episode.mp3")

    out = tmp_path / "out"
    out.mkdir()
    killed = 0
    for round_number in range(KILLS):
        cold = round_number % 3 == 0
        cache = tmp_path / f"cold-{round_number}" if cold else warm
        if rng.random() < 0.5:  # half the time the previous episode is there to be replaced
            for name, data in expected.items():
                (out / name).write_bytes(data)
        process = subprocess.Popen(_make(article, out / "episode.mp3", cache), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, env={**os.environ, "BRIEFING_CACHE_DIR": str(cache)})
        time.sleep((cold_run if cold else warm_run) * rng.uniform(0.3, 1.0))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed += 1
        process.wait()
        for path in out.iterdir():
            if path.name.endswith(".part"):
                assert path.name.startswith("."), f"a temporary file is hidden: {path.name}"
                continue
            assert path.name in expected, path.name
            if path.suffix == ".mp3":
                # Whole: tagged (tags are written after encoding) and it decodes to the length its
                # Xing header promises. (A cold run that finished before the kill has its own
                # length: Piper's timing varies from render to render.)
                from mutagen.mp3 import MP3

                info = MP3(path)
                assert info.tags is not None and "TIT2" in info.tags, "the MP3 under the final name is tagged"
                assert abs(_decoded_seconds(path) - info.info.length) < 0.1, "the MP3 under the final name is whole"
                if not cold:
                    assert abs(_decoded_seconds(path) - seconds) < 0.1
            elif path.suffix == ".json":
                json.loads(path.read_text(encoding="utf-8"))  # a cut file does not parse
            elif path.suffix in {".vtt", ".srt"}:
                # Timings may differ by a sample between a cold and a warm run; the cues may not.
                text, reference_text = path.read_text(encoding="utf-8"), expected[path.name].decode("utf-8")
                assert text.count("-->") == reference_text.count("-->") and text.endswith("\n"), path.name
            elif path.suffix == ".txt":
                assert path.read_bytes() == expected[path.name], f"{path.name} is whole"
            else:
                assert path.read_bytes().endswith(b"\xff\xd9"), "the cover is a whole JPEG"
        for path in out.iterdir():
            if not path.name.endswith(".part"):
                path.unlink()
    assert killed >= 10, killed
    print(f"make: {killed} kills survived")
