"""`briefing serve`: the site over HTTP, as podcast apps and browsers expect it.

starlette's StaticFiles does the file serving (HEAD, byte ranges with 206 and
Content-Range, conditional requests, and refusing paths that leave the folder, symlinks
included); uvicorn runs it. This module adds only what a podcast site needs on top:
the right MIME types, CORS on transcripts and chapters (web players fetch them from
other origins), and never serving the catalog or temporary files.
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path

from ..errors import BriefingError
from .catalog import CATALOG_NAME

# By file name ending; longest first so ".chapters.json" wins over ".json".
MIME_TYPES = (
    (".chapters.json", "application/json+chapters"),
    (".transcript.json", "application/json"),
    (".json", "application/json"),
    (".mp3", "audio/mpeg"),
    (".vtt", "text/vtt; charset=utf-8"),
    (".srt", "application/x-subrip; charset=utf-8"),
    (".txt", "text/plain; charset=utf-8"),
    (".xml", "application/rss+xml; charset=utf-8"),
    (".html", "text/html; charset=utf-8"),
    (".jpg", "image/jpeg"),
    (".png", "image/png"),
)
# Files other sites' players may fetch with JavaScript.
CORS_ENDINGS = (".vtt", ".srt", ".chapters.json", ".transcript.json", ".xml")


def media_type(name: str) -> str | None:
    lower = name.lower()
    return next((mime for ending, mime in MIME_TYPES if lower.endswith(ending)), None)


def is_private(name: str) -> bool:
    """The catalog and hidden or temporary files are the site's own, not the listener's."""
    return name == CATALOG_NAME or name.startswith(CATALOG_NAME) or name.startswith(".")


def make_app(site: str | Path):
    """The ASGI app serving SITE (also usable with any ASGI server)."""
    import os

    from starlette.applications import Starlette
    from starlette.exceptions import HTTPException
    from starlette.responses import FileResponse
    from starlette.routing import Mount
    from starlette.staticfiles import StaticFiles

    class SiteFiles(StaticFiles):
        def lookup_path(self, path: str):
            if any(is_private(part) for part in Path(path).parts):
                return "", None
            return super().lookup_path(path)

        def file_response(self, full_path, stat_result, scope, status_code: int = 200):
            response = super().file_response(full_path, stat_result, scope, status_code)
            name = os.path.basename(full_path)
            mime = media_type(name)
            if mime and isinstance(response, FileResponse):
                response.media_type = mime
                response.headers["content-type"] = mime
            if name.endswith(CORS_ENDINGS):
                response.headers["access-control-allow-origin"] = "*"
            if name.endswith((".xml", ".html")):
                response.headers["cache-control"] = "no-cache"  # a new episode shows up at once
            return response

    site = Path(site)
    if not site.is_dir():
        raise BriefingError(f"{site}: no such folder")
    if not (site / "index.html").is_file() and not (site / "feed.xml").is_file():
        raise BriefingError(f"{site}: no feed.xml or index.html; publish an episode first "
                            f"(briefing publish EPISODE.mp3 --site {site})")

    async def not_found(request, exc: HTTPException):
        from starlette.responses import PlainTextResponse

        return PlainTextResponse(exc.detail or "Not Found", status_code=exc.status_code,
                                 headers=getattr(exc, "headers", None))

    return Starlette(routes=[Mount("/", app=SiteFiles(directory=site, html=True, follow_symlink=False))],
                     exception_handlers={HTTPException: not_found})


def lan_address() -> str:
    """This machine's address on the local network, as a phone would reach it (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def check_port_free(host: str, port: int) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise BriefingError(f"cannot listen on {host}:{port} ({exc.strerror or exc}); "
                                f"choose another with --port") from None


def terminal_qr(text: str) -> str:
    """A QR code drawn with block characters, to scan from a phone's camera."""
    import io

    import segno

    out = io.StringIO()
    segno.make(text, error="m").terminal(out=out, compact=True)
    return out.getvalue()


def serve(site: str | Path, *, host: str = "127.0.0.1", port: int = 8000, out=None) -> None:
    """Serve SITE until interrupted. Example: briefing serve site --host 0.0.0.0"""
    import uvicorn

    out = out or sys.stdout
    if not 0 < port < 65536:
        raise BriefingError(f"--port {port}: choose a port between 1 and 65535")
    app = make_app(site)
    check_port_free(host, port)
    shown_host = lan_address() if host in ("0.0.0.0", "") else host
    base = f"http://{shown_host}:{port}/"
    print(f"Serving {site} at {base}", file=out)
    print(f"Feed: {base}feed.xml", file=out)
    feed_text = (Path(site) / "feed.xml").read_text(encoding="utf-8") if (Path(site) / "feed.xml").is_file() else ""
    if feed_text and f"{base}feed.xml" not in feed_text:
        print(f"Note: the feed's links point elsewhere; for phones, publish with --base-url {base}", file=out)
    if host in ("127.0.0.1", "localhost", "::1"):
        print("Only this computer can connect; use --host 0.0.0.0 to serve phones on your network.", file=out)
    print(terminal_qr(f"{base}feed.xml"), file=out, flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
