"""The self-running show: fetch every source, pick what is new, make an episode, publish it.

Three stages, so that the same run works on one machine or on a cluster:

- `plan_run(show_file, day)` -> RunPlan: fetch, select, write the Script(s). Changes nothing
  in the site but the sources' fetch state (what `briefing sources` shows).
- `produce_episode(plan, index)`: render the planned script (`pipeline.render_script`), write
  its show notes, publish it, and mark its stories covered in the same catalog transaction
  as the episode record: an episode is published with its stories covered, or neither.
- `run_show(show_file, day)`: plan, then produce each episode here, under the show's lock.

Killed at any moment, a run leaves the site as it was or fully updated: files are copied
under temporary names, the catalog changes in one transaction, and a feed left stale by a
kill between the catalog's commit and the feed's rebuild is rebuilt by the next run.
"""

from __future__ import annotations

import json

import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import date
from pathlib import Path

from ..errors import BriefingError
from ..models import EpisodeOptions, PlannedEpisode, RunPlan, SourceReport
from ..pipeline import Reporter
from .config import Settings, find_settings, load_sources, show_site

RUN_LOCK_WAIT = 30.0  # s a second run of the same show waits for the first; BRIEFING_RUN_LOCK_WAIT overrides
WORK_DIR = ".briefing-work"  # beside the show file: episodes being made, cleared by each run
PENDING = "run_rebuild_pending"  # catalog flag: recorded, but the feed not yet rebuilt


@dataclass(frozen=True)
class RunResult:
    """What a run did: its plan, and the feed URL of each episode it published."""

    plan: RunPlan
    published: tuple[str, ...] = ()


def _show(show_file: str | Path) -> tuple[Path, Settings]:
    path = Path(show_file)
    settings = find_settings(path)
    if settings is None:
        raise BriefingError(f"{path}: no show file (write one with `briefing init --title ... --source URL`)")
    return path, settings


def episode_options(settings: Settings, day: date, **overrides) -> EpisodeOptions:
    """How the show's episodes are made: the show file's settings, for the run's day."""
    options = EpisodeOptions(minutes=settings.minutes, show=settings.show, engine=settings.engine,
                             voice=settings.voice or None, bitrate=settings.bitrate, day=day,
                             format=settings.format)
    if settings.writer or overrides.get("writer"):
        # A language model writes the stories ([writer] in the show file): the hosts it writes for.
        options = replace(options, hosts=settings.cast(), **settings.writer_options())
    return replace(options, **{k: v for k, v in overrides.items() if v is not None})


def plan_run(show_file: str | Path, day: date | None = None, *, dry_run: bool = False,
             reporter: Reporter | None = None, on_fetched: Callable | None = None,
             **overrides) -> RunPlan:
    """Fetch every source, keep what no episode covered yet, group and choose stories, write the script.

    `on_fetched(report)` is called as each source's fetch ends. Raises BriefingError when every
    source failed. `overrides` are EpisodeOptions fields (e.g. minutes=1).
    """
    from ..voices import WORDS_PER_MINUTE
    from ..writing.script import write_script
    from ..pipeline import TEMPLATE_OVERHEAD_WORDS, digest
    from .memory import Memory, mention_of
    from .sources import fetch_sources, load_states, save_states
    from .personal import load_listeners, personal_episodes
    from .stories import ANNOUNCEMENT_WORDS, choose, episode_title, group_stories, is_fresh
    from ..writing.formats import check_format, story_words

    path, settings = _show(show_file)
    day = day or date.today()
    sources = load_sources(path)
    if not sources:
        raise BriefingError(f"{path}: the show has no sources (add one with `briefing sources add URL`)")
    site = show_site(path, settings)
    options = episode_options(settings, day, **overrides)
    check_format(options.format)
    reporter = reporter or Reporter()
    memory = Memory.load(site)
    reports: dict[str, SourceReport] = {}

    language = settings.language.split("-")[0].lower()
    found: dict[str, list] = {}
    guard = threading.Lock()

    def sift(fetch) -> None:
        """As each source arrives: keep its items no episode covered, within the age limit, in
        the show's language; say how the source went."""
        new, too_old, other_language = [], 0, 0
        for item in fetch.items:
            if not is_fresh(item, day, settings.max_age_days):
                too_old += 1
                continue
            if item.article.language.split("-")[0] != language:
                other_language += 1
                continue
            mention = mention_of(item.source, item.source_url, item.article.title, item.link, item.guid,
                                 item.article)
            if not memory.covered(mention):
                new.append((item, mention))
        report = SourceReport(fetch.name, fetch.source.url, fetch.status, len(fetch.items), len(new),
                              other_language=other_language, too_old=too_old,
                              not_articles=tuple(fetch.not_articles))
        with guard:
            found[fetch.source.url] = new
            reports[fetch.source.url] = report
            if on_fetched is not None:
                on_fetched(report)

    fetches = fetch_sources(sources, load_states(site), on_fetched=sift, day=day)
    candidates, seen = [], set()
    for source in sources:  # in the show file's order; one URL carried twice counts once
        for item, mention in found.get(source.url, []):
            if mention.url not in seen:
                seen.add(mention.url)
                candidates.append((item, mention))
    if not dry_run:
        save_states(site, fetches)
    if all(f.failed for f in fetches):
        raise BriefingError("every source failed: " + "; ".join(f"{f.name}: {f.status}" for f in fetches))

    wpm = WORDS_PER_MINUTE.get(options.engine, 170.0) * options.speed
    stories = group_stories(candidates, day)
    listeners = load_listeners(path)
    if listeners:  # personal briefings: one episode per listener, each story's segments shared
        reporter.stage(f"writing {len(listeners)} listeners' scripts from {len(stories)} stories")
        # Their MP3s are joined from pieces encoded once: a shared story is encoded once too.
        options = replace(options, pieces=True)
        return RunPlan(show_file=str(path), site=str(site), day=day, options=options,
                       episodes=personal_episodes(listeners, stories, options, day, site),
                       sources=tuple(reports[s.url] for s in sources))
    chosen = choose(stories, minutes=options.minutes, words_per_minute=wpm,
                    overhead_words=TEMPLATE_OVERHEAD_WORDS + ANNOUNCEMENT_WORDS,
                    story_words=story_words(options.format, wpm))
    episodes: tuple[PlannedEpisode, ...] = ()
    if chosen:
        reporter.stage(f"writing the script: {len(chosen)} stor{'ies' if len(chosen) != 1 else 'y'}")
        digests = digest([s.article for s in chosen], minutes=options.minutes, words_per_minute=wpm,
                         format=options.format)
        title = episode_title(day, chosen[0].title)
        if options.writer:  # a language model writes the stories, held to their sources
            from ..writing.writers import write

            script = write(digests, options, title=title, day=day, credits=[s.sources for s in chosen],
                           stage=reporter.stage, warn=reporter.warn)
        else:
            script = write_script(digests, show=options.show, title=title, day=day, templates=options.templates,
                                  credits=[s.sources for s in chosen], format=options.format)
        key = next_key(site, day, options.show)
        episodes = (PlannedEpisode(key, script, tuple((s.title, s.mentions) for s in chosen)),)
    return RunPlan(show_file=str(path), site=str(site), day=day, options=options, episodes=episodes,
                   sources=tuple(reports[s.url] for s in sources))


def next_key(site: Path | str, day: date, show: str) -> str:
    """The episode's key in the site: DATE-SHOW, then DATE-SHOW-2, ... for later runs that day."""
    from ..publish.catalog import read_catalog
    from ..publish.site import slug

    base = f"{day.isoformat()}-{slug(show)}"
    taken: set[str] = set()
    with read_catalog(site) as catalog:
        if catalog is not None:
            taken = {r["key"] for r in catalog.connection.execute(
                "SELECT key FROM episodes WHERE key LIKE ?", (base + "%",))}
    key, number = base, 1
    while key in taken:
        number += 1
        key = f"{base}-{number}"
    return key


def produce_episode(plan: RunPlan, index: int = 0, *, reporter: Reporter | None = None,
                    work: Path | None = None) -> str:
    """Render planned episode `index`, publish it and mark its stories covered; returns the feed URL.

    Idempotent: an episode whose key the site already holds is not made again.
    """
    from ..pipeline import render_script
    from ..publish.catalog import change_catalog, read_catalog
    from ..publish.site import publish
    from .memory import mark_covered
    from .notes import write_notes

    planned = plan.episodes[index]
    site = plan.site  # a folder or a bucket URL
    settings = find_settings(plan.show_file)
    if planned.listener is not None:  # a personal briefing goes to the listener's own feed
        from ..publish.artwork import cover_title
        from ..publish.site import DEFAULT_BASE_URL
        from .personal import listener_address, listener_site

        site = listener_site(site, planned.listener)
        settings = settings or Settings()
        show_settings = settings
        # The listener's feed links to its own files, under the show's address.
        address = listener_address(settings.public_url or settings.base_url or DEFAULT_BASE_URL, planned.listener)
        # Its covers are the show's, drawn once for every listener (publish.artwork).
        settings = replace(settings, show=f"{settings.show} for {planned.listener}", public_url=address,
                           base_url="", cover_title=cover_title(settings), block=True)
    work = work or Path(plan.show_file).parent / WORK_DIR / planned.key
    work.mkdir(parents=True, exist_ok=True)
    try:
        with read_catalog(site) as catalog:
            if catalog is not None and catalog.find(planned.key) is not None:
                return catalog.get("base_url") + "feed.xml"
        mp3 = work / f"{planned.key}.mp3"
        render_script(planned.script, mp3, plan.options, reporter=reporter)
        write_notes(mp3, planned.stories, planned.script)

        def record(catalog, conn) -> None:
            mark_covered(conn, planned.key, planned.stories)
            catalog.put(conn, PENDING, planned.key)

        (reporter or Reporter()).stage(f"publishing into {site}")
        published = publish(mp3, site, settings=settings, also=record)
        change_catalog(site, _clear_pending)
        _mark_read(plan, planned, reporter)
        if planned.listener is not None:
            _record_show(plan.site, show_settings)
        return published.feed_url
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _mark_read(plan: RunPlan, planned: PlannedEpisode, reporter: Reporter | None) -> None:
    """The IMAP sources that say mark_read: their messages this episode covered, marked read."""
    sources = [s for s in load_sources(plan.show_file) if s.mark_read]
    if sources:
        from .imap import mark_read_covered

        mark_read_covered(sources, planned.stories, warn=(reporter or Reporter()).stage)


def _record_show(site: Path | str, settings: Settings) -> None:
    """The show's own catalog knows the show (private or not) even when every episode is a
    listener's: `briefing serve` then answers each token with its listener's site. Written by
    the run's first listener episode; the others find it there (one read, no write)."""
    from ..publish.catalog import change_catalog, read_catalog

    recorded = json.dumps(asdict(settings))
    with read_catalog(site) as catalog:
        if catalog is not None and catalog.get("show") == recorded:
            return
    change_catalog(site, lambda catalog, conn: catalog.put(conn, "show", recorded))


@contextmanager
def show_lock(show_file: Path, wait: float | None = None) -> Iterator[None]:
    """One run of a show at a time (an flock beside the show file; the kernel frees it when the
    holder dies). A second run waits up to `wait` seconds, then refuses with one line."""
    import fcntl

    import os

    if wait is None:
        try:
            wait = float(os.environ.get("BRIEFING_RUN_LOCK_WAIT", RUN_LOCK_WAIT))
        except ValueError:
            wait = RUN_LOCK_WAIT
    lock = show_file.with_name(f".{show_file.name}.run.lock")
    try:
        handle = open(lock, "a+")  # noqa: SIM115 - held for the whole block
    except OSError as exc:
        raise BriefingError(f"{show_file}: cannot lock the show ({exc.strerror or exc})") from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise BriefingError(f"{show_file}: another `briefing run` of this show is still running; "
                                        "try again when it has finished") from None
                time.sleep(0.1)
        yield
    finally:
        handle.close()


def _finish_interrupted(path: Path, settings: Settings) -> None:
    """Undo what a killed run left half done: its work files, files a publish killed before its
    catalog write left in a site, a feed not rebuilt after the catalog. The show's site and each
    listener's site (whose feed is rebuilt with the settings it last published with)."""
    from .personal import listener_site, load_listeners

    shutil.rmtree(path.parent / WORK_DIR, ignore_errors=True)
    site = show_site(path, settings)
    _finish_site(site, settings)
    for listener in load_listeners(path):
        _finish_site(listener_site(site, listener.name), None)


def _finish_site(site: Path | str, settings: Settings | None) -> None:
    from ..publish.catalog import CATALOG_NAME, change_catalog, fetch_catalog, open_copy
    from ..publish.site import rebuild, sweep_orphans
    from ..storage import open_store

    store = open_store(site)
    if store.size(CATALOG_NAME) is None:
        return  # never published: nothing half done (and the lock would create the folder)
    with store.lock():
        state = fetch_catalog(store)
        sweep_orphans(store, state)  # files a publish killed before its catalog write left behind
        with open_copy(store, state) as catalog:
            pending = catalog.get(PENDING) is not None
            if pending:
                rebuild(store, catalog, settings)
    if pending:
        change_catalog(store, _clear_pending)


def _clear_pending(catalog, conn) -> None:
    conn.execute("DELETE FROM site WHERE name = ?", (PENDING,))


def run_show(show_file: str | Path, day: date | None = None, *, dry_run: bool = False,
             reporter: Reporter | None = None, on_fetched: Callable | None = None,
             lock_wait: float | None = None, **overrides) -> RunResult:
    """Plan the run and produce its episodes here. Example: briefing run --show briefing.toml"""
    path, settings = _show(show_file)
    with show_lock(path, lock_wait):
        if not dry_run:
            _finish_interrupted(path, settings)
            options = episode_options(settings, day or date.today(), **overrides)
            if (options.engine or "piper").lower() == "piper":
                from ..voices.piper import preload

                preload(options.voice)  # the voice loads while the sources are fetched, as `make` does
        plan = plan_run(path, day, dry_run=dry_run, reporter=reporter, on_fetched=on_fetched, **overrides)
        if dry_run or not plan.episodes:
            return RunResult(plan)
        urls = tuple(produce_episode(plan, index, reporter=reporter) for index in range(len(plan.episodes)))
        return RunResult(plan, urls)
