#!/usr/bin/env python3
"""Intelligibility and level of each voice: episodes made with every engine, heard by Whisper.

    .venv/bin/python scripts/eval_voices.py                   # seed article + 5 bbc_dev articles, both voices
    .venv/bin/python scripts/eval_voices.py --articles 8 --json voices.json
    .venv/bin/python scripts/eval_voices.py --engines hibari --hosts  # and a two-host episode of each

For each article and voice, `briefing make` writes an episode (default settings: music, -16 LUFS);
`../shared/tools/asr-wer EPISODE.mp3 EPISODE.txt` (Whisper base, offline) gives its word error
rate against its own script; ffmpeg's ebur128 gives its integrated loudness and true peak; the
script's words over the episode's length give the voice's speaking rate, pauses included (what
the summary budget uses). The articles are the seed article and every Nth line of
../shared/eval/bbc_dev.jsonl (business and tech). Needs ../shared.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "eval" / "seed_article.txt"
BBC = SHARED / "eval" / "bbc_dev.jsonl"
ASR_WER = SHARED / "tools" / "asr-wer"
VOICES = {"hibari": "hibari:heart", "piper": "piper:joe"}


def bbc_articles(folder: Path, count: int) -> list[Path]:
    lines = BBC.read_text(encoding="utf-8").splitlines()
    step = max(1, len(lines) // count)
    paths = []
    for index in range(0, step * count, step):
        item = json.loads(lines[index])
        path = folder / f"bbc-{index:03d}.txt"
        path.write_text(f"{item['title']}\n\n{item['article']}\n", encoding="utf-8")
        paths.append(path)
    return paths


def make(article: Path, output: Path, extra: list[str], cache: Path) -> None:
    result = subprocess.run([str(Path(sys.executable).parent / "briefing"), "make", str(article), "-o", str(output),
                             "-q", *extra], capture_output=True, text=True,
                            env={**os.environ, "BRIEFING_CACHE_DIR": str(cache)}, cwd=output.parent)
    if result.returncode != 0:
        sys.exit(f"eval_voices: briefing make {article.name} failed: {result.stderr.strip()}")


def measure(episode: Path) -> dict:
    from briefing.audio.loudness import measure_file

    heard = subprocess.run([str(ASR_WER), str(episode), str(episode.with_suffix(".txt")), "--json"],
                           capture_output=True, text=True)
    if heard.returncode != 0:
        sys.exit(f"eval_voices: asr-wer failed on {episode.name}: {heard.stderr.strip()[-300:]}")
    wer = json.loads(heard.stdout)
    loudness = measure_file(episode)
    words = len(episode.with_suffix(".txt").read_text(encoding="utf-8").split())
    return {"wer": wer["wer"], "ref_words": wer["ref_words"], "audio_s": wer["audio_s"],
            "words_per_minute": words / (wer["audio_s"] / 60), "integrated_lufs": loudness.integrated,
            "true_peak_dbtp": loudness.true_peak, **turn_levels(episode)}


def turn_levels(episode: Path) -> dict:
    """In a two-host episode, the loudness of each host's turn (from the JSON transcript's speakers,
    measured in the decoded MP3) and their spread: a level jump at a hand-over would show here."""
    import numpy as np

    from briefing.audio.ffmpeg import ffmpeg_exe
    from briefing.audio.loudness import integrated_loudness

    segments = json.loads(episode.with_suffix(".transcript.json").read_text(encoding="utf-8"))["segments"]
    if not any(s.get("speaker") for s in segments):
        return {}
    turns: list[list] = []
    for s in segments:
        if turns and turns[-1][0] == s.get("speaker"):
            turns[-1][2] = s["endTime"]
        else:
            turns.append([s.get("speaker"), s["startTime"], s["endTime"]])
    rate = 44100
    pcm = subprocess.run([ffmpeg_exe(), "-v", "error", "-i", str(episode), "-f", "s16le", "-ac", "1", "-ar", str(rate),
                          "pipe:1"], capture_output=True, check=True).stdout
    audio = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0
    levels = [integrated_loudness(audio[int(a * rate):int(b * rate)], rate) for _, a, b in turns]
    return {"turns": len(turns), "turn_lufs": [round(v, 2) for v in levels],
            "turn_spread_lu": max(levels) - min(levels)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=5, help="bbc_dev articles besides the seed article")
    parser.add_argument("--engines", nargs="+", default=list(VOICES))
    parser.add_argument("--hosts", action="store_true", help="also a two-host episode of the seed article")
    parser.add_argument("--json", help="write every figure to this file")
    args = parser.parse_args()
    if not (SEED.is_file() and BBC.is_file() and ASR_WER.is_file()):
        sys.exit("eval_voices: needs ../shared (eval material and tools/asr-wer)")
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="briefing-voices-") as tmp:
        folder = Path(tmp)
        articles = [SEED, *bbc_articles(folder, args.articles)]
        runs = [(engine, ["--voice", VOICES[engine]]) for engine in args.engines]
        if args.hosts:
            runs.append(("two hosts", ["--hosts", "2"]))
        for label, extra in runs:
            for article in articles if label != "two hosts" else [SEED]:
                episode = folder / f"{label.replace(' ', '-')}-{article.stem}.mp3"
                print(f"eval_voices: {label}: {article.name} ...", file=sys.stderr)
                make(article, episode, extra, folder / "cache")
                rows.append({"voice": label, "article": article.stem, **measure(episode)})
    print(f"{'voice':10} {'article':16} {'WER':>6} {'words':>6} {'audio s':>8} {'wpm':>6} {'LUFS':>6} {'dBTP':>6}")
    for r in rows:
        print(f"{r['voice']:10} {r['article'][:16]:16} {r['wer']:6.1%} {r['ref_words']:6d} {r['audio_s']:8.1f} "
              f"{r['words_per_minute']:6.0f} {r['integrated_lufs']:6.1f} {r['true_peak_dbtp']:6.1f}")
    print()
    for label in dict.fromkeys(r["voice"] for r in rows):
        mine = [r for r in rows if r["voice"] == label]
        pooled = sum(r["wer"] * r["ref_words"] for r in mine) / sum(r["ref_words"] for r in mine)
        wpm = sum(r["ref_words"] for r in mine) / (sum(r["audio_s"] for r in mine) / 60)
        print(f"{label}: WER {pooled:.1%} over {len(mine)} episodes (median {statistics.median(r['wer'] for r in mine):.1%}, "
              f"worst {max(r['wer'] for r in mine):.1%}); {wpm:.0f} words per minute with pauses; loudness "
              f"{min(r['integrated_lufs'] for r in mine):.1f} to {max(r['integrated_lufs'] for r in mine):.1f} LUFS, "
              f"true peak at most {max(r['true_peak_dbtp'] for r in mine):.1f} dBTP")
    for r in rows:
        if "turn_spread_lu" in r:
            print(f"{r['voice']} ({r['article']}): {r['turns']} turns at "
                  + ", ".join(f"{v:.1f}" for v in r["turn_lufs"])
                  + f" LUFS: within {r['turn_spread_lu']:.2f} LU of each other")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
