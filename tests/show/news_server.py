"""A scripted news world on 127.0.0.1 for the self-running show: feeds and article pages that
change from day to day, sources that fail or hang, ETag answers counted."""

from __future__ import annotations

import hashlib
import threading
from email.utils import format_datetime
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler

from helpers import QuietHTTPServer, drip

STORIES = {
    "ferry-a": ("Marigold Ferry Returns to Port Alder", [
        "The Port Alder ferry Marigold returned to service on Monday after a winter of engine repairs, "
        "the Alder Harbor Authority said.",
        "The first crossing to Gull Island carried 212 passengers, and Captain Ines Varga said the rebuilt "
        "engines ran smoothly all the way across the bay.",
        "Commuters from Gull Island had spent four months on a long detour by road while the vessel sat in "
        "the dry dock at the northern pier.",
        "The authority said the ferry would sail every forty minutes on weekdays and keep last year's fares "
        "until the end of the summer season.",
    ]),
    "ferry-b": ("Commuters Cheer as the Marigold Sails to Gull Island", [
        "Commuters cheered on Monday as the ferry Marigold sailed from Port Alder to Gull Island for the "
        "first time since November, the Alder Harbor Authority said.",
        "Captain Ines Varga told reporters that 212 passengers made the crossing after both engines were "
        "rebuilt in the dry dock over the winter.",
        "Island shopkeepers said the months without the ferry had cost them most of their mainland "
        "customers, and they hoped trade would now recover quickly.",
    ]),
    "market": ("Town Council Votes to Repave the Market Square", [
        "The town council of Brindle voted on Monday to repave the old market square this summer, with "
        "new benches, plane trees and lamps paid for from its own budget.",
        "Councillor Hedda Moss said the cobbles had become dangerous for older shoppers and that the "
        "Saturday market would move to the station yard while the work is done.",
        "Traders asked for the work to be finished before the autumn fair, and the council promised a "
        "timetable by the end of the month.",
    ]),
    "lighthouse": ("Old Lighthouse on Cape Wren Opens to Visitors", [
        "The old lighthouse on Cape Wren opened to visitors on Monday for the first time in thirty years, "
        "after volunteers restored its iron staircase and lantern room.",
        "The Wren Heritage Trust said six hundred people booked tours in the first week, and school groups "
        "will visit free of charge on Thursdays.",
        "From the gallery at the top, visitors can see three counties on a clear day, the trust's "
        "chairwoman Olwen Price said.",
    ]),
    "library": ("Library in Tarnby Lends Tools and Instruments", [
        "The new public library in Tarnby now lends drills, sewing machines and violins as well as books, "
        "its head librarian Piet Okafor said on Monday.",
        "More than nine hundred people joined in the first month, twice as many as the old reading room "
        "signed up in a whole year.",
        "The library plans a repair cafe on Saturday mornings, where volunteers will mend bicycles, "
        "toasters and torn clothes for free.",
    ]),
    "budget": ("Brindle Sets Aside Money for Flood Defences", [
        "Brindle's finance committee set aside four million for flood defences along the river Ouse on "
        "Tuesday, after two winters of flooded cellars in the lower town.",
        "The money will raise the embankment near the tannery and pay for pumps that start by themselves "
        "when the water rises, engineer Tomas Reyes said.",
        "Residents of Mill Lane, whose homes flooded twice, said they had waited ten years for the work "
        "and would believe it when the diggers arrived.",
    ]),
    "bridge": ("Swing Bridge at Kell Quay Reopens After Storm Damage", [
        "The swing bridge at Kell Quay reopened to traffic on Tuesday evening, three weeks after a storm tore "
        "away its control cabin, the Kell Quay Trust said.",
        "Engineer Ruth Abara said divers had found the pivot undamaged, so the bridge could open for boats "
        "again as soon as the new cabin was wired.",
        "Fishermen at Kell Quay had to unload at the far harbor during the repairs, adding an hour to every "
        "trip with the catch.",
    ]),
}
# One story posted again under another URL and title (the same text).
REPOST = ("market", "market-square-plan", "Market Square Paving Plan Approved")

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><nav><a href="/">Home</a></nav><article><h1>{title}</h1>{paragraphs}</article>
<footer>Copyright the newsroom.</footer></body></html>"""


def page(title: str, sentences: list[str]) -> str:
    return PAGE.format(title=title, paragraphs="".join(f"<p>{s}</p>" for s in sentences))


def rss(base: str, name: str, items: list[tuple[str, str, str, datetime]]) -> str:
    """items: (path, title, teaser, published)."""
    entries = "".join(
        f"<item><title>{title}</title><link>{base}{path}?utm_source=rss&amp;utm_medium=feed</link>"
        f"<guid isPermaLink=\"false\">{path}</guid><pubDate>{format_datetime(when)}</pubDate>"
        f"<description>{teaser}</description></item>"
        for path, title, teaser, when in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{name}</title>'
            f"<link>{base}/</link><description>News</description>{entries}</channel></rss>")


class NewsServer:
    """Routes per path; `hang` paths drip one byte a second; counts requests and 304 answers."""

    def __init__(self):
        self.routes: dict[str, tuple[int, str, bytes]] = {}
        self.hang: set[str] = set()
        self.requests: list[str] = []
        self.not_modified: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802
                path = self.path.split("?")[0]
                server.requests.append(path)
                if path in server.hang:
                    drip(self, "application/rss+xml", seconds=120)
                    return
                status, content_type, body = server.routes.get(path, (404, "text/plain", b"not found"))
                etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
                if status == 200 and self.headers.get("If-None-Match") == etag:
                    server.not_modified.append(path)
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                if status == 200:
                    self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        self.server = QuietHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def put(self, path: str, body: str, content_type: str = "text/html; charset=utf-8", status: int = 200) -> str:
        self.routes[path] = (status, content_type, body.encode("utf-8"))
        self.hang.discard(path)
        return self.base + path

    def __enter__(self) -> "NewsServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def day(n: int) -> datetime:
    """Day n of the scripted week, 07:00 UTC: day 1 is Monday 23 November 2026."""
    return datetime(2026, 11, 22 + n, 7, 0, tzinfo=timezone.utc)


def publish_story(server: NewsServer, key: str, path: str | None = None, title: str | None = None) -> tuple:
    """Serve a story's page; return its feed item (path, title, teaser, published) for `when` filled later."""
    own_title, sentences = STORIES[key]
    path = path or f"/news/{key}"
    server.put(path, page(title or own_title, sentences))
    return path, title or own_title, sentences[0].split(",")[0] + "."


def set_day(server: NewsServer, n: int, late: bool = False) -> None:
    """The world as it is on day n: feeds A (Harbor Gazette), B (Coast Courier), C (Town Crier).
    `late`: later on day 2 (and from then on), feed A carries one more story."""
    def items(*entries):
        return [(p, t, teaser, when) for (p, t, teaser), when in entries]

    a1 = publish_story(server, "ferry-a")
    a2 = publish_story(server, "market")
    b1 = publish_story(server, "ferry-b")
    b2 = publish_story(server, "lighthouse")
    c1 = publish_story(server, "library")
    feed_a = [(a1, day(1)), (a2, day(1))]
    feed_b = [(b1, day(1)), (b2, day(1))]
    feed_c = [(c1, day(1))]
    if n >= 2:
        a3 = publish_story(server, "budget")
        repost = publish_story(server, REPOST[0], path=f"/news/{REPOST[1]}", title=REPOST[2])
        feed_a = [(a3, day(2)), (repost, day(2))] + feed_a
    if late or n >= 3:
        feed_a = [(publish_story(server, "bridge"), day(2))] + feed_a
    server.put("/a/feed.xml", rss(server.base, "Harbor Gazette", items(*feed_a)), "application/rss+xml")
    server.put("/b/feed.xml", rss(server.base, "Coast Courier", items(*feed_b)), "application/rss+xml")
    server.put("/c/feed.xml", rss(server.base, "Town Crier", items(*feed_c)), "application/rss+xml")
    if n == 2:
        server.put("/b/feed.xml", "server error", "text/plain", status=500)
        server.hang.add("/c/feed.xml")
