#!/usr/bin/env python3
"""Benchmark the cluster and personal briefings (run by `scripts/bench.py --cluster`, or alone).

    .venv/bin/python scripts/bench_cluster.py                   # everything
    .venv/bin/python scripts/bench_cluster.py --listeners 30 --shows 6 --json out.json

- personal: N personal briefings from 10 stories (`briefing run`, an empty take cache) against
  N independent `briefing make` runs of the same stories, each with its own empty cache (what
  it costs without shared segments). CPU seconds of the commands and everything they start
  (ffmpeg included, and counted on its own for the personal run); target: at least 5x less.
- cluster: the same S shows (one episode each, their own stories) run one after another here
  (`briefing run` per show) against submitted at once to 2 workers, and to 1 worker, on a
  redis-server of its own; wall times, overhead = 2 workers / local (target <= 1.15 on 2 cores).
- memory: peak resident memory (VmHWM) of each worker process after the runs (target < 700 MB);
  and the personal briefings above submitted to 2 workers: their wall time and the workers' peak.

Needs redis-server (apt-get install redis-server) for the cluster part.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "show"))
sys.path.insert(0, str(ROOT / "tests" / "cluster"))

from personal_fixtures import STORIES, write_personal_show  # noqa: E402


def briefing(args: list[str], env: dict) -> tuple[float, float]:
    """Run `briefing ARGS`; (wall seconds, CPU seconds of it and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "briefing", "-q", *args], env={**os.environ, **env},
                            capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"briefing {' '.join(args)} failed: {result.stderr.decode()[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


FFMPEG_WRAPPER = """#!/bin/bash
"$BENCH_FFMPEG_REAL" "$@"
status=$?
times >> "$BENCH_FFMPEG_LOG"  # two lines: this shell's CPU, then its children's (this ffmpeg's)
exit $status
"""


def counted_ffmpeg(folder: Path) -> tuple[dict, Path]:
    """Environment that runs every ffmpeg through a wrapper noting its CPU seconds (a bash
    start each, a millisecond or two), and the log it writes."""
    from briefing.audio.ffmpeg import ffmpeg_exe

    wrapper, log = folder / "ffmpeg-counted", folder / "ffmpeg-cpu.log"
    wrapper.write_text(FFMPEG_WRAPPER)
    wrapper.chmod(0o755)
    return {"BRIEFING_FFMPEG": str(wrapper), "BENCH_FFMPEG_REAL": ffmpeg_exe(), "BENCH_FFMPEG_LOG": str(log)}, log


def ffmpeg_seconds(log: Path) -> float:
    """The CPU seconds of the ffmpegs the wrapper's log lists (every second line, `0m0.210s 0m0.050s`)."""
    import re

    total = 0.0
    for line in (log.read_text().splitlines() if log.is_file() else [])[1::2]:
        for minutes, seconds in re.findall(r"(\d+)m([\d.]+)s", line):
            total += 60 * int(minutes) + float(seconds)
    return total


def bench_personal(folder: Path, listeners: int) -> dict:
    from briefing.show.run import plan_run

    show = write_personal_show(folder / "personal", listeners=listeners)
    plan = plan_run(show, dry_run=True)
    counting, ffmpeg_log = counted_ffmpeg(folder)
    wall, cpu = briefing(["run", "--show", str(show)], {"BRIEFING_CACHE_DIR": str(folder / "cache-personal"),
                                                       **counting})
    # The same stories, one independent `make` per listener, each with a cache of its own.
    by_title = {title: topic for topic, (title, _) in STORIES.items()}
    stories = show.parent / "stories"
    files = {topic: next(stories.glob(f"*-{topic}.txt")) for topic in STORIES}
    make_wall = make_cpu = 0.0
    for number, episode in enumerate(plan.episodes):
        inputs = [str(files[by_title[title]]) for title, _ in episode.stories]
        out = folder / "makes" / f"{number}.mp3"
        out.parent.mkdir(parents=True, exist_ok=True)
        w, c = briefing(["make", *inputs, "-o", str(out), "--minutes", str(plan.options.minutes),
                         "--show", plan.options.show],
                        {"BRIEFING_CACHE_DIR": str(folder / f"cache-make-{number}")})
        make_wall += w
        make_cpu += c
    return {"listeners": len(plan.episodes), "stories": len(STORIES),
            "personal_wall_s": round(wall, 1), "personal_cpu_s": round(cpu, 1),
            "personal_ffmpeg_cpu_s": round(ffmpeg_seconds(ffmpeg_log), 1),
            # MP3 pieces encoded (briefing.audio.pieces): one per distinct segment, and the closing sting
            "personal_pieces_encoded": sum(1 for _ in (folder / "cache-personal" / "pieces").rglob("*.npz")),
            "makes_wall_s": round(make_wall, 1), "makes_cpu_s": round(make_cpu, 1),
            "cpu_ratio": round(make_cpu / cpu, 2)}


def write_shows(folder: Path, count: int) -> list[Path]:
    """`count` shows, each with its own three stories (so no show's takes help another)."""
    shows = []
    topics = list(STORIES)
    for number in range(count):
        show_dir = folder / f"show{number}"
        (show_dir / "stories").mkdir(parents=True, exist_ok=True)
        for k in range(3):
            topic = topics[(number * 3 + k) % len(topics)]
            title, lead = STORIES[topic]
            (show_dir / "stories" / f"{k}.txt").write_text(
                f"{title} In District {number + 1}\n\n{lead} District {number + 1} was first.\n\n"
                f"Residents of district {number + 1} will vote on it next spring, the council said.\n")
        path = show_dir / "briefing.toml"
        path.write_text(f'[show]\ntitle = "District {number + 1} Daily"\nminutes = 1\nsite = "site"\n\n'
                        '[[source]]\nurl = "stories"\nname = "District News"\n')
        shows.append(path)
    return shows


def worker_peaks(processes) -> list[float]:
    """Peak RSS (MB) of every process of the workers (the main process and its pool)."""
    peaks = []
    for process in processes:
        pids = [process.pid] + [int(p) for p in subprocess.run(
            ["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout.split()]
        for pid in pids:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            line = next((ln for ln in status.splitlines() if ln.startswith("VmHWM:")), None)
            if line:
                peaks.append(int(line.split()[1]) / 1024)
    return peaks


def on_workers(folder: Path, name: str, shows: list[Path], workers: int) -> tuple[float, float]:
    """Submit `shows` at once to `workers` fresh workers on a redis-server of their own; (wall
    seconds until every job finished, the workers' peak resident memory in MB)."""
    from cluster_fixtures import Workers, redis_server

    from briefing.cluster.submit import submit, wait

    with redis_server(folder / f"redis-{name}") as broker:
        pool = Workers(broker, folder, {"BRIEFING_CACHE_DIR": str(folder / f"cache-{name}")})
        try:
            processes = pool.start(workers, concurrency=1)
            time.sleep(3)  # workers up (their start is not part of a run)
            started = time.perf_counter()
            finished = wait([job.id for job in submit(shows, broker)], broker, timeout=1800)
            wall = time.perf_counter() - started
            if any(job.state != "finished" for job in finished):
                raise SystemExit(f"a cluster job failed: {[j.line() for j in finished]}\n{pool.logs()}")
            return round(wall, 1), round(max(worker_peaks(processes)), 0)
        finally:
            pool.stop()


def bench_cluster(folder: Path, count: int, listeners: int) -> dict:
    figures: dict = {"shows": count}
    local_shows = write_shows(folder / "local", count)
    env = {"BRIEFING_CACHE_DIR": str(folder / "cache-local")}
    started = time.perf_counter()
    for show in local_shows:
        briefing(["run", "--show", str(show)], env)
    figures["local_wall_s"] = round(time.perf_counter() - started, 1)
    for workers in (2, 1):
        shows = write_shows(folder / f"cluster{workers}", count)
        figures[f"cluster_{workers}_wall_s"], figures[f"cluster_{workers}_worker_peak_mb"] = on_workers(
            folder, f"cluster{workers}", shows, workers)
    # The personal briefings of the first part, on 2 workers: wall time and the workers' peak memory.
    show = write_personal_show(folder / "personal-cluster", listeners=listeners)
    figures["personal_2_workers_wall_s"], figures["personal_2_workers_peak_mb"] = on_workers(
        folder, "personal-cluster", [show], 2)
    figures["overhead_2_workers"] = round(figures["cluster_2_wall_s"] / figures["local_wall_s"], 2)
    figures["shows_per_minute_1_worker"] = round(60 * count / figures["cluster_1_wall_s"], 2)
    figures["shows_per_minute_2_workers"] = round(60 * count / figures["cluster_2_wall_s"], 2)
    return figures


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listeners", type=int, default=30)
    parser.add_argument("--shows", type=int, default=6)
    parser.add_argument("--skip-personal", action="store_true")
    parser.add_argument("--skip-cluster", action="store_true")
    parser.add_argument("--json", help="write the figures to this JSON file")
    args = parser.parse_args(argv)
    figures: dict = {}
    folder = Path(tempfile.mkdtemp(prefix="briefing-bench-cluster-"))
    try:
        if not args.skip_personal:
            figures["personal"] = bench_personal(folder, args.listeners)
            print(json.dumps({"personal": figures["personal"]}), flush=True)
        if not args.skip_cluster:
            if shutil.which("redis-server") is None:
                print("bench: redis-server is not installed; skipping the cluster", file=sys.stderr)
            else:
                figures["cluster"] = bench_cluster(folder, args.shows, args.listeners)
                print(json.dumps({"cluster": figures["cluster"]}), flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    p = figures.get("personal")
    if p:
        print(f"personal briefings: {p['listeners']} from {p['stories']} stories: {p['personal_cpu_s']} CPU-s "
              f"({p['personal_wall_s']} s; ffmpeg {p['personal_ffmpeg_cpu_s']} CPU-s of it, encoding and "
              f"measuring {p['personal_pieces_encoded']} MP3 pieces) vs {p['makes_cpu_s']} CPU-s for as many "
              f"makes: {p['cpu_ratio']}x less")
    c = figures.get("cluster")
    if c:
        print(f"{c['shows']} shows: local {c['local_wall_s']} s; 2 workers {c['cluster_2_wall_s']} s "
              f"({c['overhead_2_workers']}x); 1 worker {c['cluster_1_wall_s']} s; worker peak RSS "
              f"{max(c['cluster_1_worker_peak_mb'], c['cluster_2_worker_peak_mb']):.0f} MB; "
              f"the personal briefings on 2 workers {c['personal_2_workers_wall_s']} s, worker peak RSS "
              f"{c['personal_2_workers_peak_mb']:.0f} MB")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))
    return figures


if __name__ == "__main__":
    main()
