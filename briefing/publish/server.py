"""`briefing serve`: the site over HTTP, as podcast apps, phones and web players expect it.

starlette's StaticFiles does the file serving (HEAD, byte ranges with 206 and
Content-Range, conditional requests, and refusing paths that leave the folder, symlinks
included); uvicorn runs it. This module adds what a podcast site needs on top:

- feed.xml and index.html are rendered for the address the request came to (its Host
  header, checked against the addresses the server listens on), so a phone that scans the
  QR code gets links it can download; a show with a fixed `public_url` keeps its own links;
- CORS on everything (web players fetch feeds, media, images, transcripts and chapters
  from other origins) and answers to OPTIONS preflights;
- private shows (`private = true`): every path lives under a listener's token,
  `/t/<token>/...`, and anything else, or a wrong or revoked token, is a plain 404;
- the right MIME types, and never the catalog or temporary files.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import os
import re
import socket
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import BriefingError
from .catalog import CATALOG_NAME
from .listeners import PERSONAL_DIR
from .recorder import STATS_NAME

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
    (".opus", "audio/ogg"),
    (".webmanifest", "application/manifest+json"),
    (".js", "text/javascript; charset=utf-8"),
)
# Every response may be read by a web player on another origin; Range is the header players
# add (which makes their request need a preflight), the others are what they read back.
CORS_HEADERS = {
    "access-control-allow-origin": "*",
    "access-control-expose-headers": "Content-Length, Content-Range, Accept-Ranges, ETag",
}
PREFLIGHT_HEADERS = {
    **CORS_HEADERS,
    "access-control-allow-methods": "GET, HEAD, OPTIONS",
    "access-control-max-age": "86400",
}
DOCUMENTS = {"/feed.xml": "application/rss+xml; charset=utf-8", "/index.html": "text/html; charset=utf-8"}
TOKEN_PATH = re.compile(r"^/t/([A-Za-z0-9_-]{1,128})(/.*)?$")
MEDIA_PATH = re.compile(r"^/episodes/([^/]+\.(?:mp3|opus))$")


def media_type(name: str) -> str | None:
    lower = name.lower()
    return next((mime for ending, mime in MIME_TYPES if lower.endswith(ending)), None)


def is_private(name: str) -> bool:
    """The catalog, the download counts and hidden or temporary files are the site's own, not the
    listener's."""
    return name.startswith((CATALOG_NAME, STATS_NAME, "."))


def lan_address() -> str:
    """This machine's address on the local network, as a phone would reach it (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"


def _is_wildcard(host: str) -> bool:
    return host in ("", "0.0.0.0", "::")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Listening:
    """Where the server listens, and which Host headers name it."""

    host: str
    port: int

    @property
    def shown_host(self) -> str:
        """The address to print and to fall back on: the LAN address when listening on all."""
        return lan_address() if _is_wildcard(self.host) else self.host

    @property
    def fallback_base(self) -> str:
        return f"http://{_bracketed(self.shown_host)}:{self.port}/"

    def names(self, hostname: str) -> bool:
        """Whether `hostname` reaches this server: its own address, an IP literal when it listens
        on every address (a LAN or public address of this machine), localhost on loopback, or this
        machine's own name. Other names (DNS rebinding, a forged Host) are not echoed into links."""
        hostname = hostname.lower().rstrip(".")
        try:
            literal = ipaddress.ip_address(hostname)
        except ValueError:
            literal = None
        if _is_wildcard(self.host):
            if literal is not None:
                return (literal.version == 4) or self.host == "::"
            own = socket.gethostname().lower()
            return hostname in ("localhost", own, own + ".local", socket.getfqdn().lower())
        if _is_loopback(self.host) and _is_loopback(hostname):
            return True
        return hostname == self.host.lower()

    def base_for(self, host_header: str | None, scheme: str) -> str:
        """The base URL links should start with for a request with this Host header."""
        if host_header:
            match = re.fullmatch(r"(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?", host_header.strip())
            if match:
                hostname = match.group(1).strip("[]")
                port = int(match.group(2)) if match.group(2) else (443 if scheme == "https" else 80)
                if port == self.port and self.names(hostname):
                    return f"{scheme}://{match.group(1)}{'' if match.group(2) is None else ':' + match.group(2)}/"
        return self.fallback_base


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host else host


@dataclass(frozen=True)
class SiteState:
    """What the catalog says about serving: the show's privacy, its fixed address, its channel."""

    private: bool
    public_url: str | None
    channel: object | None  # feed.Channel as last published; None for a site from an older briefing


class SiteDocuments:
    """feed.xml and index.html for a base URL, rendered from the catalog and kept until it changes."""

    def __init__(self, site: Path):
        self.site = site
        self._state: tuple[tuple[int, int], SiteState] | None = None
        self._rendered: dict[tuple, tuple[str, str]] = {}

    def _stamp(self) -> tuple[int, int]:
        try:
            stat = (self.site / CATALOG_NAME).stat()
        except OSError:
            return (0, 0)
        return (stat.st_mtime_ns, stat.st_size)

    def state(self) -> SiteState:
        stamp = self._stamp()
        if self._state is None or self._state[0] != stamp:
            self._state = (stamp, self._read_state())
            self._rendered.clear()
        return self._state[1]

    def _read_state(self) -> SiteState:
        from .documents import CatalogReader, recorded_channel

        if not (self.site / CATALOG_NAME).is_file():
            return SiteState(False, None, None)
        try:
            with CatalogReader(self.site) as catalog:
                show = json.loads(catalog.get("show") or "{}")
                channel = recorded_channel(catalog)
        except (sqlite3.Error, ValueError) as exc:
            raise BriefingError(f"{self.site / CATALOG_NAME}: cannot read the catalog ({exc})") from None
        public_url = show.get("public_url") or None
        if public_url and not public_url.endswith("/"):
            public_url += "/"
        return SiteState(bool(show.get("private")), public_url, channel)

    def render(self, base_url: str, *, block: bool = False) -> tuple[str, str]:
        """(feed.xml, index.html) with every link under `base_url`; `block` (a listener's feed)
        adds itunes:block and podcast:block, so a leaked address never lands in a directory."""
        from .documents import CatalogReader, at_address, render_documents
        from .media import recorded_media

        state = self.state()
        key = (base_url, block, self._stamp())
        if key not in self._rendered:
            with CatalogReader(self.site) as catalog:
                episodes = catalog.episodes()
                media = recorded_media(catalog)
            if len(self._rendered) > 32:  # a few addresses and listeners at a time
                self._rendered.clear()
            self._rendered[key] = render_documents(self.site / "episodes", at_address(state.channel, base_url, block=block),
                                                   episodes, media=media)
        return self._rendered[key]

    def _channel_at(self, base_url: str):
        from .documents import at_address

        return at_address(self.state().channel, base_url)

    def _episodes(self):
        from .documents import CatalogReader

        with CatalogReader(self.site) as catalog:
            return catalog.episodes()

    def manifest(self, base_url: str) -> str:
        from .app import manifest

        return manifest(self._channel_at(base_url))

    def embed(self, base_url: str, key: str) -> str | None:
        """An episode's embed page for this address; None when there is no such episode."""
        from .embed import render_embed
        from .sidecars import read_chapters

        episode = next((e for e in self._episodes() if e.key == key), None)
        if episode is None:
            return None
        chapters = episode.files.get("chapters")
        return render_embed(self._channel_at(base_url), episode,
                            read_chapters(self.site / "episodes" / chapters if chapters else None))

    def oembed(self, base_url: str, query: dict[str, list[str]]) -> dict | str | None:
        """The oEmbed answer for ?url=...; None for a link to no episode here, "format" for a
        format other than json."""
        from .embed import episode_for_url, oembed

        if query.get("format", ["json"])[0] != "json":
            return "format"
        channel = self._channel_at(base_url)
        episode = episode_for_url((query.get("url") or [""])[0], channel, self._episodes())
        if episode is None:
            return None

        def number(name: str) -> int | None:
            value = (query.get(name) or [""])[0]
            return int(value) if value.isdigit() and int(value) > 0 else None

        return oembed(channel, episode, maxwidth=number("maxwidth"), maxheight=number("maxheight"))


def make_app(site: str | Path, *, host: str = "127.0.0.1", port: int = 8000, recorder=None):
    """The ASGI app serving SITE as reached at HOST:PORT (also usable with any ASGI server);
    `recorder` (recorder.Recorder) keeps its media requests for `briefing stats`."""
    from starlette.concurrency import run_in_threadpool
    from starlette.exceptions import HTTPException
    from starlette.responses import FileResponse, PlainTextResponse, RedirectResponse, Response
    from starlette.staticfiles import StaticFiles

    from .listeners import listener_for_token

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
            if name.endswith((".xml", ".html")):
                response.headers["cache-control"] = "no-cache"  # a new episode shows up at once
            return response

    site = Path(site)
    if not site.is_dir():
        raise BriefingError(f"{site}: no such folder")
    documents = SiteDocuments(site)
    state = documents.state()
    if not any((site / name).is_file() for name in ("index.html", "feed.xml")) and state.channel is None \
            and not (state.private and (site / PERSONAL_DIR).is_dir()):
        raise BriefingError(f"{site}: no feed.xml or index.html; publish an episode first "
                            f"(briefing publish EPISODE.mp3 --site {site})")
    files = SiteFiles(directory=site, html=True, follow_symlink=False)
    listening = Listening(host, port)
    personal: dict[Path, tuple[SiteDocuments, SiteFiles]] = {}

    def own_site(name: str) -> tuple[SiteDocuments, SiteFiles] | None:
        """A listener's personal briefings (`briefing run` with [[listener]] tables publish them
        to SITE/listeners/NAME/, a site of its own): what their token serves, when they have one."""
        from .site import slug

        own = site / PERSONAL_DIR / slug(name)
        if not (own / CATALOG_NAME).is_file():
            return None
        if own not in personal:
            personal[own] = (SiteDocuments(own), SiteFiles(directory=own, html=True, follow_symlink=False))
        return personal[own]

    def with_cors(send):
        async def send_with_cors(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + [
                    (k.encode(), v.encode()) for k, v in CORS_HEADERS.items()]
            await send(message)
        return send_with_cors

    async def not_found(scope, receive, send):
        await PlainTextResponse("Not Found", status_code=404)(scope, receive, send)

    async def document(scope, receive, send, path: str, base_url: str, docs: SiteDocuments, block: bool):
        feed_text, page_text = await run_in_threadpool(lambda: docs.render(base_url, block=block))
        body = (feed_text if path == "/feed.xml" else page_text).encode("utf-8")
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        asked = {k: v.decode("latin-1") for k, v in scope["headers"] if k in (b"if-none-match", b"range")}
        headers = {"cache-control": "no-cache", "etag": etag, "accept-ranges": "bytes"}
        status = 200
        if etag in asked.get(b"if-none-match", ""):
            status, body = 304, b""
        elif b"range" in asked:
            span = byte_range(asked[b"range"], len(body))
            if span is None:
                headers["content-range"] = f"bytes */{len(body)}"
                status, body = 416, b""
            elif span != (0, len(body) - 1):
                status = 206
                headers["content-range"] = f"bytes {span[0]}-{span[1]}/{len(body)}"
                body = body[span[0]:span[1] + 1]
        headers["content-length"] = str(len(body))
        response = Response(b"" if scope["method"] == "HEAD" else body, status_code=status,
                            media_type=DOCUMENTS[path] if status != 304 else None, headers=headers)
        await response(scope, receive, with_cors(send))

    def base_of(scope, current: SiteState, prefix: str) -> str:
        """Where this request's links start: the show's public_url, else the address it came to."""
        if current.public_url:
            return current.public_url + (prefix.lstrip("/") + "/" if prefix else "")
        host_header = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
        return listening.base_for(host_header, scope.get("scheme", "http")).rstrip("/") + prefix + "/"

    async def counted(scope, receive, send, inner, served, file: str, listener: str | None):
        """Serve a media file and tell the recorder what was sent (also when the player hangs up)."""
        seen = {"status": 0, "start": 0, "length": 0}

        async def watching(message):
            if message["type"] == "http.response.start":
                seen["status"] = message["status"]
                for name, value in message.get("headers", []):
                    span = re.match(rb"bytes (\d+)-", value) if name.lower() == b"content-range" else None
                    if span:
                        seen["start"] = int(span.group(1))
            elif message["type"] == "http.response.body":
                seen["length"] += len(message.get("body", b""))
            await send(message)

        try:
            await served(inner, receive, with_cors(watching))
        finally:
            if seen["status"] in (200, 206):
                headers = dict(scope["headers"])
                recorder.record(ip=(scope.get("client") or ("", 0))[0],
                                user_agent=headers.get(b"user-agent", b"").decode("latin-1"),
                                file=file, start=seen["start"], length=seen["length"], listener=listener)

    async def extra(scope, receive, send, path: str, base: str, docs: SiteDocuments, private: bool) -> bool:
        """The manifest (for a private listener, who has no file of it), embed pages and oEmbed,
        rendered for the address asked; False when `path` is none of them."""
        from .embed import embed_route

        if path == "/manifest.webmanifest" and private:
            body, mime = (await run_in_threadpool(docs.manifest, base)).encode("utf-8"), "application/manifest+json"
        elif embed_route(path) and not private:
            page = await run_in_threadpool(docs.embed, base, embed_route(path))
            if page is None:
                await not_found(scope, receive, send)
                return True
            body, mime = page.encode("utf-8"), "text/html; charset=utf-8"
        elif path == "/oembed" and not private:
            from urllib.parse import parse_qs

            query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
            answer = await run_in_threadpool(docs.oembed, base, query)
            if answer is None:
                await PlainTextResponse("Not Found: give ?url= the link of an episode of this show",
                                        status_code=404)(scope, receive, with_cors(send))
                return True
            if answer == "format":
                await PlainTextResponse("Not Implemented: format=json only", status_code=501)(
                    scope, receive, with_cors(send))
                return True
            body, mime = json.dumps(answer).encode("utf-8"), "application/json"
        else:
            return False
        response = Response(b"" if scope["method"] == "HEAD" else body, media_type=mime,
                            headers={"cache-control": "no-cache", "content-length": str(len(body))})
        await response(scope, receive, with_cors(send))
        return True

    async def app(scope, receive, send):
        if scope["type"] != "http":  # uvicorn runs it with lifespan="off"; no websockets
            return
        current = documents.state()
        path, prefix, name = scope["path"], "", None
        docs, served, channel = documents, files, current.channel
        if current.private:
            match = TOKEN_PATH.match(path)
            name = listener_for_token(site, match.group(1)) if match is not None else None
            if name is None:
                return await not_found(scope, receive, send)
            prefix = f"/t/{match.group(1)}"
            if match.group(2) is None:
                return await RedirectResponse(prefix + "/")(scope, receive, send)
            path = match.group(2)
            own = own_site(name)
            if own is not None:  # this listener's own briefings, not the show's feed
                docs, served = own
                channel = docs.state().channel
            elif path == f"/{PERSONAL_DIR}" or path.startswith(f"/{PERSONAL_DIR}/"):
                return await not_found(scope, receive, send)  # nobody reads another's briefings
        if scope["method"] == "OPTIONS":
            headers = dict(PREFLIGHT_HEADERS)
            asked = dict(scope["headers"]).get(b"access-control-request-headers")
            headers["access-control-allow-headers"] = asked.decode("latin-1") if asked else "Range"
            return await Response(status_code=204, headers=headers)(scope, receive, send)
        if scope["method"] not in ("GET", "HEAD"):
            return await PlainTextResponse("Method Not Allowed", status_code=405,
                                           headers={"allow": "GET, HEAD, OPTIONS"})(scope, receive, send)
        page = "/index.html" if path == "/" else path
        if page in DOCUMENTS and channel is not None and (current.private or not current.public_url):
            return await document(scope, receive, send, page, base_of(scope, current, prefix), docs, bool(prefix))
        if channel is not None and (path in ("/manifest.webmanifest", "/oembed") or path.startswith("/embed/")):
            if await extra(scope, receive, send, path, base_of(scope, current, prefix), docs, current.private):
                return
        inner = dict(scope, root_path=prefix) if prefix else scope
        media = MEDIA_PATH.match(path) if recorder is not None and scope["method"] == "GET" else None
        try:
            if media:
                await counted(scope, receive, send, inner, served, media.group(1), name)
            else:
                await served(inner, receive, with_cors(send))
        except HTTPException as exc:
            await PlainTextResponse(exc.detail or "Not Found", status_code=exc.status_code,
                                    headers=getattr(exc, "headers", None))(scope, receive, with_cors(send))

    return app


def byte_range(header: str, size: int) -> tuple[int, int] | None:
    """The first span of a `Range: bytes=...` header as (first, last) byte, clipped to the body;
    None when it cannot be satisfied. Anything but one byte span is answered whole (RFC 9110
    lets a server ignore Range), which (0, size - 1) means."""
    match = re.fullmatch(r"\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*", header)
    if not match or match.group(1) == match.group(2) == "":
        return (0, size - 1)
    if match.group(1) == "":  # the last N bytes
        suffix = int(match.group(2))
        return (max(0, size - suffix), size - 1) if suffix and size else None
    first = int(match.group(1))
    last = min(int(match.group(2)), size - 1) if match.group(2) else size - 1
    return (first, last) if first < size and first <= last else None


def listening_socket(host: str, port: int) -> socket.socket:
    """The server's socket, bound here so a port in use is one line, not uvicorn's log. It sets
    SO_REUSEADDR (as servers do): a restarted server takes its port back at once, although the
    previous one's closed connections linger in TIME_WAIT for a minute; a port another program
    is listening on is still refused."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise BriefingError(f"cannot listen on {host}:{port} ({exc.strerror or exc}); "
                            f"choose another with --port") from None
    return sock


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
    from .recorder import Recorder

    make_app(site, host=host, port=port)  # a folder that is no site is refused before anything is written
    try:
        recorder = Recorder(Path(site))
    except (OSError, sqlite3.Error) as exc:
        recorder = None
        print(f"briefing: warning: downloads are not counted: cannot write {Path(site) / STATS_NAME} ({exc})",
              file=sys.stderr)
    app = make_app(site, host=host, port=port, recorder=recorder)
    sock = listening_socket(host, port)
    state = SiteDocuments(Path(site)).state()
    base = Listening(host, port).fallback_base
    print(f"Serving {site} at {base}", file=out)
    if state.private:
        print(f"Private show: each listener's feed is {base}t/TOKEN/feed.xml; nothing is served without "
              f"a token. Add one with: briefing listeners add NAME --site {site}", file=out)
    else:
        feed_url = (state.public_url or base) + "feed.xml"
        print(f"Feed: {feed_url}", file=out)
        if state.public_url:
            print(f"The feed's links use the show's public_url ({state.public_url}).", file=out)
    if _is_loopback(host):
        print("Only this computer can connect; use --host 0.0.0.0 to serve phones on your network.", file=out)
    if not state.private:
        print(terminal_qr((state.public_url or base) + "feed.xml"), file=out, end="")
    out.flush()
    config = uvicorn.Config(app, log_level="warning", server_header=False, lifespan="off")
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        if recorder is not None:
            recorder.close()
