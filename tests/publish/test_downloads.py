"""Download counts the IAB way, from scripted traffic against a real `briefing serve` and from
access logs of the same traffic in the four formats: two apps download the same episode (one of
them twice in a day), an app probes with bytes=0-1 and then fetches another episode in three
ranges, an app fetches only the first second, a crawler fetches everything. Exactly three
downloads count: two of the first episode, one of the second."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone

import pytest
from mutagen.mp3 import MP3

from serving import free_port, request, running_server
from site_fixtures import copy_site, episodes, republished, show_file, site  # noqa: F401 (fixtures)

APPLE = "AppleCoreMedia/1.0.0.21E236 (iPhone; U; CPU OS 17_4 like Mac OS X; en_us)"
OVERCAST = "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)"
POCKET = "PocketCasts/1.0 (Pocket Casts; +http://pocketcasts.com/)"
SPOTIFY = "Spotify/8.8.0 iOS/17.1 (iPhone15,2)"
CRAWLER = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"

pytestmark = pytest.mark.slow  # the shared episodes are made with real speech


def traffic(first: str, second: str, size_first: int, size_second: int, one_second: int):
    """(user agent, file, Range header or None) in the order they are made."""
    third = size_second // 3
    return [
        (APPLE, first, None),
        (OVERCAST, first, None),
        (OVERCAST, first, None),  # the same app again the same day: still one download
        (POCKET, second, "bytes=0-1"),  # a probe never counts
        (POCKET, second, f"bytes=0-{third - 1}"),
        (POCKET, second, f"bytes={third}-{2 * third - 1}"),
        (POCKET, second, f"bytes={2 * third}-"),
        (SPOTIFY, first, f"bytes=0-{one_second - 1}"),  # a second of audio is no download
        (CRAWLER, first, None),  # bots never count
    ]


@pytest.fixture(scope="module")
def served(site, tmp_path_factory):
    """The scripted traffic against a real `briefing serve`, which is then stopped."""
    folder = copy_site(site["dir"], tmp_path_factory.mktemp("counted") / "site")
    with sqlite3.connect(folder / "catalog.sqlite") as db:
        rows = db.execute("SELECT files FROM episodes ORDER BY number").fetchall()
    first, second = (json.loads(r[0])["mp3"] for r in rows[:2])
    sizes = {name: (folder / "episodes" / name).stat().st_size for name in (first, second)}
    info = MP3(folder / "episodes" / first)
    one_second = (sizes[first] - int(info.info.length * info.info.bitrate / 8)) + info.info.bitrate // 8
    plan = traffic(first, second, sizes[first], sizes[second], one_second)
    port = free_port()
    answered = []
    with running_server(folder, port):
        for agent, name, span in plan:
            headers = {"User-Agent": agent, **({"Range": span} if span else {})}
            response, body = request(port, "GET", f"/episodes/{name}", headers)
            answered.append((response.status, len(body)))
    return {"dir": folder, "first": first, "second": second, "plan": plan, "answered": answered}


def stats_json(*args):
    from conftest import run_cli

    result = run_cli("stats", *args, "--json")
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def by_file(report):
    return {e["file"]: e["downloads"] for e in report["episodes"]}


def check_counts(report, served):
    assert report["downloads"] == 3, report
    counts = by_file(report)
    assert counts[served["first"]] == 2 and counts[served["second"]] == 1, counts
    assert sum(counts.values()) == 3  # the third episode: nobody
    assert [(d["downloads"], d["listeners"]) for d in report["days"]] == [(3, 3)]
    assert {a["app"]: a["downloads"] for a in report["apps"]} == {
        "Apple Podcasts": 1, "Overcast": 1, "Pocket Casts": 1}
    episode = next(e for e in report["episodes"] if e["file"] == served["first"])
    assert episode["guid"] and episode["title"]


def test_served_traffic_counts_exactly(served):
    assert [status for status, _ in served["answered"]] == [200, 200, 200, 206, 206, 206, 206, 206, 200]
    check_counts(stats_json("--site", str(served["dir"])), served)


def test_the_address_is_never_stored(served):
    raw = (served["dir"] / "stats.sqlite").read_bytes()
    assert b"127.0.0.1" not in raw
    with sqlite3.connect(served["dir"] / "stats.sqlite") as db:
        agents = {row[0] for row in db.execute("SELECT app FROM requests")}
        salts = db.execute("SELECT day FROM salts").fetchall()
    assert "Googlebot" not in str(agents)  # a crawler's requests are not even kept
    assert salts == [(datetime.now(timezone.utc).date().isoformat(),)]  # only today's salt


def test_stats_are_never_served(served):
    port = free_port()
    with running_server(served["dir"], port):
        response, _ = request(port, "GET", "/stats.sqlite")
    assert response.status == 404


def test_text_report_and_chart(served, tmp_path):
    from conftest import run_cli
    from PIL import Image

    chart = tmp_path / "downloads.png"
    result = run_cli("stats", "--site", str(served["dir"]), "--days", "7", "--chart", str(chart))
    assert result.returncode == 0, result.stderr.decode()
    text = result.stdout.decode()
    assert text.startswith("3 downloads")
    assert "Overcast" in text and "Googlebot" not in text
    with Image.open(chart) as image:
        assert image.format == "PNG" and image.width >= 480
        # the bar is drawn in the accent colour
        assert (26, 111, 181) in {pixel for _, pixel in image.convert("RGB").getcolors(100000)}


# The same traffic as each log format writes it (a CDN or a bucket served it).
WHEN = datetime(2026, 12, 1, 7, 30, tzinfo=timezone.utc)


def _spans(plan, sizes):
    """(agent, file, first byte, bytes sent, status) of each request of the plan."""
    for agent, name, span in plan:
        size = sizes[name]
        if span is None:
            yield agent, name, 0, size, 200
            continue
        first, _, last = span.removeprefix("bytes=").partition("-")
        last = int(last) if last else size - 1
        yield agent, name, int(first), last - int(first) + 1, 206


def nginx_log(plan, sizes):
    return "".join(f'192.0.2.1 - - [01/Dec/2026:07:30:{i:02d} +0000] "GET /daily/episodes/{name} HTTP/1.1" '
                   f'{status} {sent} "-" "{agent}"\n'
                   for i, (agent, name, _, sent, status) in enumerate(_spans(plan, sizes)))


def s3_log(plan, sizes):
    return "".join(f'owner podcasts [01/Dec/2026:07:30:{i:02d} +0000] 192.0.2.7 - REQ{i} REST.GET.OBJECT '
                   f'daily/episodes/{name} "GET /podcasts/daily/episodes/{name} HTTP/1.1" {status} - {sent} '
                   f'{sizes[name]} 12 10 "-" "{agent}" - id SigV4 ECDHE TLSv1.3 podcasts.s3.example TLSv1.3 - -\n'
                   for i, (agent, name, _, sent, status) in enumerate(_spans(plan, sizes)))


def cloudfront_log(plan, sizes):
    from urllib.parse import quote

    head = ("#Version: 1.0\n#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem "
            "sc-status cs(Referer) cs(User-Agent) cs-uri-query sc-range-start sc-range-end\n")
    return head + "".join(
        f"2026-12-01\t07:30:{i:02d}\tAMS1\t{sent}\t198.51.100.9\tGET\tcdn.example\t/daily/episodes/{name}\t{status}\t-\t"
        f"{quote(agent)}\t-\t{first if status == 206 else '-'}\t{first + sent - 1 if status == 206 else '-'}\n"
        for i, (agent, name, first, sent, status) in enumerate(_spans(plan, sizes)))


def caddy_log(plan, sizes):
    lines = []
    for i, (agent, name, first, sent, status) in enumerate(_spans(plan, sizes)):
        answered = {"Content-Range": [f"bytes {first}-{first + sent - 1}/{sizes[name]}"]} if status == 206 else {}
        lines.append(json.dumps({"ts": WHEN.timestamp() + i, "request": {
            "remote_ip": "203.0.113.5", "client_ip": "203.0.113.5", "method": "GET", "uri": f"/episodes/{name}",
            "headers": {"User-Agent": [agent]}}, "status": status, "size": sent, "resp_headers": answered}))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("fmt, writer", [("nginx", nginx_log), ("s3", s3_log), ("cloudfront", cloudfront_log),
                                         ("caddy", caddy_log)])
def test_the_same_traffic_from_an_access_log(served, tmp_path, fmt, writer):
    sizes = {name: (served["dir"] / "episodes" / name).stat().st_size for name in (served["first"], served["second"])}
    log = tmp_path / f"{fmt}.log"
    log.write_text(writer(served["plan"], sizes), encoding="utf-8")
    report = stats_json("--site", str(served["dir"]), "--log", str(log), "--format", fmt)
    check_counts(report, served)
    assert report["from"] == report["to"] == "2026-12-01"
    # Recognised without --format too.
    assert stats_json("--site", str(served["dir"]), "--log", str(log))["downloads"] == 3


def test_another_day_counts_again(served, tmp_path):
    sizes = {name: (served["dir"] / "episodes" / name).stat().st_size for name in (served["first"], served["second"])}
    day_one = nginx_log(served["plan"], sizes)
    log = tmp_path / "two-days.log"
    log.write_text(day_one + day_one.replace("01/Dec/2026", "02/Dec/2026"), encoding="utf-8")
    report = stats_json("--site", str(served["dir"]), "--log", str(log))
    assert report["downloads"] == 6
    assert [(d["day"], d["downloads"]) for d in report["days"]] == [("2026-12-01", 3), ("2026-12-02", 3)]
    assert stats_json("--site", str(served["dir"]), "--log", str(log), "--days", "1")["downloads"] == 3


@pytest.mark.parametrize("args, message", [
    (["--log", "missing.log"], "no such log file"),
    (["--log", "LOG", "--format", "apache"], "--format apache"),
    (["--days", "0"], "--days 0"),
    (["--chart", "out.jpg"], "--chart out.jpg"),
])
def test_mistakes_are_one_line(served, tmp_path, args, message):
    from conftest import run_cli

    log = tmp_path / "some.log"
    log.write_text("not a log\n")
    args = [str(log) if a == "LOG" else a for a in args]
    result = run_cli("stats", "--site", str(served["dir"]), *args, cwd=tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "out.jpg").exists()


def test_a_missing_episode_is_404_and_not_counted(served):
    port = free_port()
    with running_server(served["dir"], port):
        response, _ = request(port, "GET", "/episodes/2026-01-01-nothing-00000000.mp3", {"User-Agent": OVERCAST})
    assert response.status == 404
    with sqlite3.connect(served["dir"] / "stats.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM requests WHERE file LIKE '%nothing%'").fetchone()[0] == 0


def test_a_private_show_counts_each_listener_once_whatever_their_app(site, episodes, show_file, tmp_path):
    from conftest import run_cli

    folder, _ = republished(site, episodes, show_file, tmp_path, "private = true\n")
    port = free_port()
    prefixes = {}
    for name in ("Ana", "Ben"):
        made = run_cli("listeners", "add", name, "--site", str(folder), "--base-url", f"http://127.0.0.1:{port}/")
        assert made.returncode == 0, made.stderr.decode()
        prefixes[name] = made.stdout.decode().strip().split(f":{port}", 1)[1].removesuffix("feed.xml")
    mp3 = next(folder.glob("episodes/*scope*.mp3")).name
    with running_server(folder, port):
        for name, agents in (("Ana", (OVERCAST, SPOTIFY)), ("Ben", (OVERCAST,))):
            for agent in agents:  # Ana on her phone's two apps: one listener
                response, _ = request(port, "GET", f"{prefixes[name]}episodes/{mp3}", {"User-Agent": agent})
                assert response.status == 200
    report = stats_json("--site", str(folder))
    assert by_file(report)[mp3] == 2 and report["downloads"] == 2
    assert [(d["downloads"], d["listeners"]) for d in report["days"]] == [(2, 2)]
