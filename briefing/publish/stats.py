"""`briefing stats`: downloads per episode and per day, unique listeners per day and apps, from
what `briefing serve` recorded (SITE/stats.sqlite) or from a CDN's or bucket's access log.
Counted by the rule in downloads.py (IAB Podcast Measurement Guidelines 2.2). Nothing of it is
published: the counts are printed for whoever runs the show.

    briefing stats --site site --days 7
    briefing stats --site s3://podcasts/harbor --log cloudfront.log --format cloudfront --json
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta, timezone, datetime
from pathlib import Path

from ..errors import BriefingError
from .catalog import CatalogEpisode
from .downloads import Media, MediaRequest, count


@dataclass(frozen=True)
class Report:
    first: str | None  # the first and last day counted (YYYY-MM-DD)
    last: str | None
    episodes: list[tuple[CatalogEpisode, int]]  # newest first, with their downloads
    days: list[tuple[str, int, int]]  # (day, downloads, unique listeners), oldest first
    apps: list[tuple[str, int]]  # most downloads first

    @property
    def downloads(self) -> int:
        return sum(n for _, n in self.episodes)

    def to_dict(self) -> dict:
        return {
            "downloads": self.downloads, "from": self.first, "to": self.last,
            "episodes": [{"guid": e.guid, "title": e.title, "file": e.files["mp3"], "number": e.number,
                          "downloads": n} for e, n in self.episodes],
            "days": [{"day": d, "downloads": n, "listeners": u} for d, n, u in self.days],
            "apps": [{"app": a, "downloads": n} for a, n in self.apps],
        }


def site_media(site: str | Path) -> tuple[list[CatalogEpisode], dict[str, Media]]:
    """The site's episodes and, for each audio file, what counting needs (recorded at publish;
    for an episode published before that, read from the MP3 or estimated from size and length)."""
    from ..storage import open_store
    from .catalog import fetch_catalog, open_copy
    from .media import describe_mp3, recorded_media

    store = open_store(site)
    with open_copy(store, fetch_catalog(store)) as catalog:
        episodes = catalog.episodes()
        recorded = recorded_media(catalog)
    media: dict[str, Media] = {}
    for episode in episodes:
        for kind in ("mp3", "opus"):
            name = episode.files.get(kind)
            if name is None:
                continue
            facts = recorded.get(name)
            if facts is None and kind == "mp3":
                local = store.root / "episodes" / name if store.local else None
                facts = describe_mp3(local) if local is not None and local.is_file() else {
                    "size": episode.size, "header": 0,
                    "bitrate": int(episode.size * 8 / episode.duration) if episode.duration else 0}
            if facts:
                media[name] = Media(facts["size"], facts["header"], facts["bitrate"], episode.key)
    return episodes, media


def make_report(requests: Iterable[MediaRequest], episodes: list[CatalogEpisode], media: dict[str, Media],
                *, days: int | None = None, last_day: str | None = None) -> Report:
    """Count `requests`; with `days`, only the `days` days up to `last_day` (default: the last
    day any request was made)."""
    if days is not None:
        if last_day is None:  # the log's own last day: it has to be read through first
            requests = list(requests)
            last_day = max((r.day for r in requests), default=datetime.now(timezone.utc).date().isoformat())
        first = (date.fromisoformat(last_day) - timedelta(days=days - 1)).isoformat()
        requests = (r for r in requests if first <= r.day <= last_day)
    seen_days: set[str] = set()

    def noting(requests):  # streamed: a long log is never held in memory whole
        for r in requests:
            seen_days.add(r.day)
            yield r

    requests = noting(requests)
    by_file = {name: facts.episode for name, facts in media.items()}
    per_episode: Counter = Counter()
    per_day: Counter = Counter()
    listeners: dict[str, set] = defaultdict(set)
    apps: Counter = Counter()
    for download in count(requests, media):
        per_episode[by_file[download.file]] += 1
        per_day[download.day] += 1
        listeners[download.day].add(download.listener)
        apps[download.app] += 1
    seen_days = sorted(seen_days)  # count() read every request
    return Report(
        first=seen_days[0] if seen_days else None, last=seen_days[-1] if seen_days else None,
        episodes=[(e, per_episode[e.key]) for e in episodes],
        days=[(d, per_day[d], len(listeners[d])) for d in seen_days],
        apps=sorted(apps.items(), key=lambda item: (-item[1], item[0])),
    )


def site_stats(site: str | Path, *, log: str | Path | None = None, fmt: str | None = None,
               days: int | None = None) -> Report:
    """The report for SITE: from its access `log` when given, else from what `briefing serve`
    recorded (a folder site). Example: briefing stats --site site --days 7"""
    from ..storage import open_store

    episodes, media = site_media(site)
    if log is not None:
        from .accesslogs import read_log

        return make_report(read_log(Path(log), fmt), episodes, media, days=days)
    store = open_store(site)
    if not store.local:
        raise BriefingError(f"{site}: a bucket site's downloads are in its access logs; give one with --log FILE "
                            "(--format s3, cloudfront, nginx or caddy)")
    from .recorder import served_requests

    today = datetime.now(timezone.utc).date()
    first = (today - timedelta(days=days - 1)).isoformat() if days else None
    return make_report(served_requests(store.root, first), episodes, media, days=days, last_day=today.isoformat())


def report_text(report: Report) -> str:
    """What `briefing stats` prints."""
    lines = []
    span = f"{report.first} to {report.last}" if report.first else "no requests recorded yet"
    lines.append(f"{report.downloads} downloads ({span})")
    lines.append("")
    lines.append("Episodes:")
    for episode, n in report.episodes:
        lines.append(f"{n:>7}  #{episode.number:<4} {episode.title}")
    if report.days:
        lines.append("")
        lines.append("Days:     downloads  listeners")
        for day, n, unique in report.days:
            lines.append(f"{day} {n:>9}  {unique:>9}")
    if report.apps:
        lines.append("")
        lines.append("Apps:")
        for app, n in report.apps:
            lines.append(f"{n:>7}  {app}")
    return "\n".join(lines)


def draw_chart(report: Report, path: Path) -> None:
    """Downloads per day as a bar chart (PNG), every day of the span shown, empty ones too."""
    from PIL import Image, ImageDraw, ImageFont

    if not report.days:
        raise BriefingError("no downloads to draw yet: nothing was recorded in that time")
    first, last = date.fromisoformat(report.days[0][0]), date.fromisoformat(report.days[-1][0])
    counts = {d: n for d, n, _ in report.days}
    days = [(first + timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]
    width, height, left, bottom, top = min(1200, max(480, 60 + 44 * len(days))), 320, 30, 40, 40
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=13)
    peak = max(max(counts.values()), 1)
    draw.text((left, 10), f"Downloads per day ({report.downloads} in all)", fill="black", font=font)
    draw.line((left, height - bottom, width - 10, height - bottom), fill="black")
    slot = (width - left - 10) / len(days)
    for i, day in enumerate(days):
        n = counts.get(day, 0)
        bar = (height - bottom - top) * n / peak
        x0 = left + i * slot + slot * 0.15
        draw.rectangle((x0, height - bottom - bar, x0 + slot * 0.7, height - bottom), fill=(26, 111, 181))
        if n:
            draw.text((x0, height - bottom - bar - 15), str(n), fill="black", font=font)
        if i % max(1, math.ceil(44 / slot)) == 0:  # a date under every bar that has room for one
            draw.text((x0, height - bottom + 6), day[5:], fill="black", font=font)
    path = Path(path)
    tmp = path.with_name(f".{path.name}.part")
    try:
        image.save(tmp, "PNG")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise BriefingError(f"{path}: cannot write the chart ({exc.strerror or exc})") from None
