"""A small local web site for ingestion tests: pages, feeds, redirects and errors on 127.0.0.1."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

STORY = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Ferry Service Returns to the Harbor | Harbor Gazette</title>
<meta property="og:title" content="Ferry Service Returns to the Harbor">
<meta name="author" content="Mara Quill">
<meta property="article:published_time" content="2024-05-03T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<div class="promo">Subscribe now for unlimited access to every story on the site.</div>
<article>
<h1>Ferry Service Returns to the Harbor</h1>
<p>The harbor ferry returned to service on Friday morning after a winter of repairs to its engines and hull,
the port authority said, and the first crossing carried more than two hundred passengers.</p>
<p>Commuters who had spent months on a long detour by road welcomed the return, and several said the crossing
had cut their journey to work by nearly an hour each way.</p>
<h2>Engines Rebuilt Over the Winter</h2>
<p>Engineers rebuilt both engines of the vessel in the dry dock at the northern pier, replacing worn parts
that had caused two breakdowns last autumn, according to the authority's chief engineer.</p>
<p>"We took the engines apart down to the last bolt, and they are better than new," the chief engineer said.</p>
<h2>Timetable and Fares</h2>
<p>The ferry will sail every forty minutes from six in the morning until nine at night on weekdays, with a
reduced timetable on Sundays, and fares will stay at last year's prices until the end of the summer.</p>
<p>The authority said it would review the timetable in September once it had counted how many people used
the early and late sailings during the first months of the restored service.</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Council votes on parking</a></li><li><a href="/b">Fish market to expand</a></li></ul></aside>
<footer>Copyright Harbor Gazette. All rights reserved.</footer>
</body></html>
"""

SECOND_STORY = STORY.replace("Ferry Service Returns to the Harbor", "Lighthouse Reopens to Visitors").replace(
    "harbor ferry returned to service", "old lighthouse reopened to visitors"
)

TEASER = "The old lighthouse reopened to visitors. Read more on our site."


def feed(base: str) -> str:
    long_item = " ".join(
        f"<p>Paragraph {n} of the council report says the market square will be paved again this summer, "
        f"with new benches, trees and lights paid for by the town's own budget.</p>" for n in range(1, 8)
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbor Gazette</title><link>{base}/</link><description>News from the harbor</description>
<item><title>Market Square to Be Paved</title><link>{base}/market.html</link>
<pubDate>Mon, 06 May 2024 09:00:00 GMT</pubDate>
<description>The market square will be paved again.</description>
<content:encoded><![CDATA[{long_item}]]></content:encoded></item>
<item><title>Lighthouse Reopens to Visitors</title><link>{base}/lighthouse.html</link>
<pubDate>Sun, 05 May 2024 09:00:00 GMT</pubDate>
<description>{TEASER}</description></item>
<item><title>An Older Story</title><link>{base}/older.html</link>
<pubDate>Wed, 01 May 2024 09:00:00 GMT</pubDate>
<description>Something happened earlier in the week that nobody remembers now.</description></item>
</channel></rss>
"""


class Site:
    """Serves `routes`: path -> (status, headers, body bytes). Records the paths requested."""

    def __init__(self):
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.requested: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                site.requested.append(self.path)
                status, headers, body = site.routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"no"))
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (the size cap): that is what is tested

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def add(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8", status: int = 200,
            **headers: str) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = (status, {"Content-Type": content_type, **headers}, data)
        return self.base + path

    def __enter__(self) -> "Site":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def site():
    """A web site on 127.0.0.1 with a story, a feed (one full item, one teaser), a redirect and errors."""
    with Site() as s:
        s.add("/story.html", STORY)
        s.add("/lighthouse.html", SECOND_STORY)
        s.add("/old-story", b"", status=301, Location="/story.html")
        s.add("/feed.xml", feed(s.base), content_type="application/rss+xml")
        s.add("/feed-as-text-xml", feed(s.base), content_type="text/xml")
        s.add("/page-as-plain", STORY, content_type="text/plain")
        s.add("/big.html", "<p>" + "word " * 300_000 + "</p>")
        s.add("/gone", "gone", status=410)
        s.add("/to-file", b"", status=302, Location="file:///etc/passwd")
        yield s
