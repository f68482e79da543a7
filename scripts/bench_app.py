#!/usr/bin/env python3
"""Figures for the page as an app, the Opus file and download counting (README, "Listen anywhere").

    .venv/bin/python scripts/bench_app.py                 # everything, a 1,000,000-line log
    .venv/bin/python scripts/bench_app.py --log-lines 200000 --skip-site

- the page's weight: index.html, app.js, sw.js and the manifest of a one-episode site (bytes, and
  gzipped), and the icons;
- the Opus file: CPU seconds to make it from the episode's MP3, per minute of audio, and its size
  against the MP3's;
- counting: an nginx access log of N lines (3,000 listeners, 30 episodes, 30 days, ranges,
  probes and bots) generated here and counted by `briefing stats`'s code: seconds and lines per
  second; and the cost a media request pays in `briefing serve` to be recorded (microseconds).
"""

from __future__ import annotations

import argparse
import gzip
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = """Harbor Ferry Adds Night Service

The harbor ferry will run until midnight from next month, the port authority said on Monday. Night fares stay
the same as day fares, the authority said, and the last boat waits for the late train from the city.

Timetable

Boats leave every forty minutes after eight in the evening. The authority expects three hundred passengers a night.
"""
AGENTS = ["AppleCoreMedia/1.0.0.21E236 (iPhone; U; CPU OS 17_4 like Mac OS X; en_us)",
          "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)", "Spotify/8.8.0 iOS/17.1 (iPhone15,2)",
          "PocketCasts/1.0 (Pocket Casts; +http://pocketcasts.com/)", "AntennaPod/3.2.0",
          "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36",
          "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"]


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def site_figures(work: Path) -> dict:
    article = work / "ferry.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    mp3 = work / "ferry.mp3"
    subprocess.run([sys.executable, "-m", "briefing", "make", str(article), "-o", str(mp3), "-q"], check=True)
    site = work / "site"
    subprocess.run([sys.executable, "-m", "briefing", "publish", str(mp3), "--site", str(site)], check=True,
                   capture_output=True)
    page = {name: (site / name).read_bytes() for name in ("index.html", "app.js", "sw.js", "manifest.webmanifest")}
    figures = {"page_bytes": sum(map(len, page.values())),
               "page_gzip_bytes": sum(len(gzip.compress(b)) for b in page.values()),
               "page_files": {k: len(v) for k, v in page.items()},
               "icon_bytes": sum((site / f"icon-{n}.png").stat().st_size for n in (192, 512))}
    from mutagen.mp3 import MP3

    from briefing.audio.opus import opus_from_mp3

    minutes = MP3(mp3).info.length / 60
    before = child_cpu()
    opus = opus_from_mp3(mp3)
    figures["opus_cpu_s_per_minute"] = round((child_cpu() - before) / minutes, 3)
    figures["opus_to_mp3_size"] = round(len(opus) / mp3.stat().st_size, 3)
    figures["episode_minutes"] = round(minutes, 2)
    return figures


def write_log(path: Path, lines: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    start = datetime(2026, 11, 1, tzinfo=timezone.utc)
    listeners = [(f"198.51.{i // 250}.{i % 250}", rng.choice(AGENTS)) for i in range(3000)]
    with open(path, "w", encoding="utf-8") as out:
        for n in range(lines):
            ip, agent = rng.choice(listeners)
            when = start + timedelta(seconds=n * 30 * 86400 // lines)
            episode = rng.randrange(30)
            kind = rng.random()
            sent, status = (2, 206) if kind < 0.2 else ((rng.randrange(100_000, 900_000), 206) if kind < 0.8
                                                       else (2_000_000, 200))
            out.write(f'{ip} - - [{when:%d/%b/%Y:%H:%M:%S} +0000] "GET /show/episodes/ep-{episode:02d}.mp3 HTTP/1.1" '
                      f'{status} {sent} "-" "{agent}"\n')


def count_figures(lines: int, work: Path) -> dict:
    from briefing.publish.accesslogs import read_log
    from briefing.publish.catalog import CatalogEpisode
    from briefing.publish.downloads import Media
    from briefing.publish.stats import make_report

    log = work / "access.log"
    write_log(log, lines)
    now = datetime.now(timezone.utc)
    episodes = [CatalogEpisode(i + 1, f"ep-{i:02d}", f"guid-{i}", f"Episode {i}", "", now, now, 300.0, 2_000_000,
                               {"mp3": f"ep-{i:02d}.mp3"}) for i in range(30)]
    media = {f"ep-{i:02d}.mp3": Media(2_000_000, 40_000, 96_000, f"ep-{i:02d}") for i in range(30)}
    started = time.perf_counter()
    report = make_report(read_log(log, "nginx"), episodes, media)
    seconds = time.perf_counter() - started
    return {"log_lines": lines, "log_mb": round(log.stat().st_size / 1e6, 1), "count_s": round(seconds, 2),
            "lines_per_s": int(lines / seconds), "downloads": report.downloads}


def record_cost(work: Path) -> dict:
    from briefing.publish.recorder import Recorder

    recorder = Recorder(work)
    calls = 20000
    started = time.perf_counter()
    for i in range(calls):
        recorder.record(ip=f"10.0.{i % 200}.{i % 250}", user_agent=AGENTS[i % 6], file="ep.mp3", start=0,
                        length=65536)
    per_call = (time.perf_counter() - started) / calls
    recorder.close()
    return {"record_us_per_request": round(per_call * 1e6, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--log-lines", type=int, default=1_000_000)
    parser.add_argument("--skip-site", action="store_true", help="skip making an episode (page weight, Opus)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    figures = {}
    with tempfile.TemporaryDirectory(prefix="briefing-bench-app-") as scratch:
        work = Path(scratch)
        if not args.skip_site:
            figures.update(site_figures(work))
        figures.update(record_cost(work))
        figures.update(count_figures(args.log_lines, work))
    for name, value in figures.items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
