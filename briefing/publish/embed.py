"""The embeddable player: a small page per episode for a publisher's article (in an <iframe>),
the snippet the episode's entry on the site's page shows, and the oEmbed answer `briefing serve`
gives a CMS that is handed a link.

    SITE/embed/KEY.html   the player, the chapters (seek links), a link to the feed and the site

The page loads nothing from other sites; its audio and cover links are relative (../episodes/),
so it works wherever the site is served. A private show has none: its episodes are for its
listeners only.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from .catalog import CatalogEpisode
from .feed import Channel
from .page import clock
from .sidecars import Chapter

EMBED_DIR = "embed"
WIDTH, HEIGHT = 560, 200  # what the snippet and oEmbed ask for; the player fits any width
_EMBED_PATH = re.compile(r"^/?embed/([a-z0-9-]+?)(?:\.html)?$")


def embed_name(episode: CatalogEpisode) -> str:
    return f"{EMBED_DIR}/{episode.key}.html"


def embed_url(channel: Channel, episode: CatalogEpisode) -> str:
    return channel.base_url + embed_name(episode)


def snippet(channel: Channel, episode: CatalogEpisode) -> str:
    """The <iframe> a publisher pastes into an article."""
    from markupsafe import escape

    return (f'<iframe src="{escape(embed_url(channel, episode))}" title="{escape(episode.title)}" '
            f'width="{WIDTH}" height="{HEIGHT}" style="border:0;max-width:100%" loading="lazy"></iframe>')


def render_embed(channel: Channel, episode: CatalogEpisode, chapters: list[Chapter]) -> str:
    """The embed page for one episode."""
    from .templates import environment

    files = {kind: "../episodes/" + quote(name) for kind, name in episode.files.items()}
    return environment().get_template("embed.html.j2").render(
        channel=channel, episode=episode, files=files, cover=files.get("jpg") or files.get("png"),
        length=clock(episode.duration), date=episode.published.strftime("%-d %B %Y"),
        chapters=[{"start": round(c.start, 3), "at": clock(c.start), "title": c.title} for c in chapters],
        oembed=channel.base_url + "oembed?url=" + quote(embed_url(channel, episode), safe=""),
    )


def episode_for_url(url: str, channel: Channel, episodes: list[CatalogEpisode]) -> CatalogEpisode | None:
    """The episode a link names: its embed page (embed/KEY.html or embed/KEY), its MP3, or its
    entry on the site's page (index.html#episode-N), at this site's address; None for anything else."""
    parts = urlsplit(url)
    base = urlsplit(channel.base_url)
    path = parts.path
    if parts.netloc.lower() != base.netloc.lower() or not path.startswith(base.path):
        return None
    inner = path[len(base.path):]
    match = _EMBED_PATH.match(inner)
    if match:
        return next((e for e in episodes if e.key == match.group(1)), None)
    if inner.startswith("episodes/"):
        name = inner.removeprefix("episodes/")
        return next((e for e in episodes if name in e.files.values()), None)
    number = re.fullmatch(r"episode-(\d+)", parts.fragment or "")
    if inner in ("", "index.html") and number:
        return next((e for e in episodes if e.number == int(number.group(1))), None)
    return None


def oembed(channel: Channel, episode: CatalogEpisode, *, maxwidth: int | None = None,
           maxheight: int | None = None) -> dict:
    """The oEmbed 1.0 answer (type "rich") for an episode."""
    width = min(WIDTH, maxwidth) if maxwidth else WIDTH
    height = min(HEIGHT, maxheight) if maxheight else HEIGHT
    answer = {
        "version": "1.0", "type": "rich", "title": episode.title, "provider_name": channel.title,
        "provider_url": channel.base_url, "author_name": channel.author or channel.title,
        "width": width, "height": height,
        "html": snippet(channel, episode).replace(f'width="{WIDTH}" height="{HEIGHT}"',
                                                  f'width="{width}" height="{height}"'),
    }
    if channel.image_url:
        answer.update(thumbnail_url=channel.image_url, thumbnail_width=512, thumbnail_height=512)
    return answer


DIGESTS = f"{EMBED_DIR}/.digests.json"  # name -> hash of each page as last written


def write_embed_pages(store, pages: dict[str, str], *, cache_control: str) -> None:
    """Put the pages that changed since the last publish (one small read tells which, so a show of
    a hundred episodes does not upload a hundred pages each time) and delete those of episodes
    that are gone."""
    import hashlib
    import json

    from .site import content_type

    kept = store.get(DIGESTS)
    try:
        known = json.loads(kept.data) if kept is not None else {}
    except ValueError:
        known = {}
    digests = {name: hashlib.sha256(text.encode("utf-8")).hexdigest()[:16] for name, text in pages.items()}
    for name, text in pages.items():
        changed = known.get(name) != digests[name] or (store.local and store.size(name) is None)
        if changed:
            store.put(name, text.encode("utf-8"), content_type=content_type(name), cache_control=cache_control)
    for entry in list(store.list(EMBED_DIR + "/")):
        if entry.name not in pages and entry.name != DIGESTS:
            store.delete(entry.name)
    if not digests:  # a private show: no embed pages, nothing left in embed/
        if kept is not None:
            store.delete(DIGESTS)
    elif digests != known:
        store.put(DIGESTS, json.dumps(digests, sort_keys=True).encode("utf-8"), content_type="application/json")


def embed_route(path: str) -> str | None:
    """The episode key of an embed page's path (/embed/KEY.html or /embed/KEY), else None."""
    match = _EMBED_PATH.match(path)
    return match.group(1) if match else None
