"""The command line: thin, one function per command, mirroring the Python API.

Heavy modules (numpy, pydub, onnxruntime, piper) are imported inside commands,
never at import time, so `briefing --help` and `briefing script` start quickly.
Every error a user can cause ends in one line on stderr and a non-zero exit;
`--debug` shows the traceback instead.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(
    name="briefing",
    help="Turn news articles into a podcast episode: summarized, spoken, mixed, tagged and published.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    epilog="Exit codes: 0 done (also 'nothing new'), 1 error, 2 bad input or usage, 3 voice, 4 network, "
           "70 internal error, 130 interrupted. NO_COLOR turns colour off; progress is plain lines "
           "when stderr is not a terminal. Example: briefing make article.txt -o episode.mp3",
)

State = {"quiet": False}


def _settings():
    from .show.config import load_settings

    return load_settings()


def _reporter(quiet: bool):
    """Progress on stderr: a bar with ETA on a terminal, plain lines otherwise, nothing with --quiet."""
    from .pipeline import Reporter

    if quiet or State["quiet"]:
        return Reporter(), None
    if sys.stderr.isatty() and os.environ.get("TERM") != "dumb":
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        console = Console(stderr=True)
        progress = Progress(
            TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            console=console, transient=True,
        )
        task = {"id": None}

        def step(done: int, total: int, label: str) -> None:
            if task["id"] is None:
                progress.start()
                task["id"] = progress.add_task("speaking", total=total)
            progress.update(task["id"], completed=done, description=f"speaking: {label[:30]}")
            if done >= total:
                progress.stop()

        return Reporter(stage=lambda m: console.print(f"[dim]briefing:[/dim] {m}", highlight=False), step=step), progress

    last = {"label": None}

    def plain_step(done: int, total: int, label: str) -> None:
        if label != last["label"] or done == total:
            last["label"] = label
            print(f"briefing: [{done}/{total}] {label}", file=sys.stderr, flush=True)

    return Reporter(stage=lambda m: print(f"briefing: {m}", file=sys.stderr, flush=True), step=plain_step), None


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            print(f"briefing {version('briefing')}")
        except PackageNotFoundError:
            print("briefing (not installed)")
        raise typer.Exit(0)


@app.callback()
def main_options(
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but results and errors.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the full traceback on errors.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                          help="Print briefing's version and exit.")] = False,
) -> None:
    State["quiet"] = quiet


Inputs = Annotated[list[str], typer.Argument(
    help="Articles: files (.txt, .md, .html, .pdf, .docx, .epub, .eml, .mbox), Maildir folders, http(s) URLs, "
         "RSS/Atom feeds, or '-' for standard input.")]
Latest = Annotated[Optional[int], typer.Option("--latest", help="From a feed or a mailbox, read the N newest items (default 5).")]
WriterUrl = Annotated[Optional[str], typer.Option(
    "--writer", help="An OpenAI-compatible endpoint (Ollama, llama.cpp's server, vLLM, OpenAI, ...) writes the "
                     "script, held to its sources: e.g. http://localhost:11434/v1 (default: the show file's [writer] "
                     "url; none: the offline extractive writer).")]
WriterModel = Annotated[Optional[str], typer.Option(
    "--writer-model", help="The writer's model (default: [writer] model, else the first the endpoint lists).")]
Focus = Annotated[Optional[str], typer.Option(help="With --writer: what the script should focus on.")]
FormatOption = Annotated[Optional[str], typer.Option(
    "--format", help="digest (summarized, the default), brief (one or two sentences a story), full (every "
                     "paragraph; as long as the article), or conversation (with --writer: 2 to 4 hosts talk it "
                     "through). Default: the show file's format.")]


@app.command()
def make(
    inputs: Inputs,
    output: Annotated[Path, typer.Option("--output", "-o", help="The MP3 to write; sidecars share its stem.")],
    engine: Annotated[Optional[str], typer.Option(help="hibari (offline, default), piper (offline) or gtts (online).")] = None,
    voice: Annotated[Optional[str], typer.Option(
        help="A voice of the engine (hibari: heart; piper: joe or a .onnx file; gtts: a language), or engine:voice.")] = None,
    hosts: Annotated[Optional[int], typer.Option(
        help="2: two hosts take turns (the show file's [[host]] names and voices; default Hannah and Joe).")] = None,
    minutes: Annotated[Optional[float], typer.Option(help="Target listening time.")] = None,
    title: Annotated[Optional[str], typer.Option(help="Episode title (default: the article's).")] = None,
    show: Annotated[Optional[str], typer.Option(help="Show name, said in the intro and tagged.")] = None,
    bitrate: Annotated[Optional[int], typer.Option(help="MP3 bitrate in kbps (CBR).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Render every sentence again.")] = False,
    templates: Annotated[Optional[Path], typer.Option(help="A folder of .j2 templates overriding the built-in ones.")] = None,
    speed: Annotated[float, typer.Option(help="Speaking rate (1.0 is the voice's own).")] = 1.0,
    lang: Annotated[Optional[str], typer.Option(help="gTTS language (default: the article's).")] = None,
    tld: Annotated[Optional[str], typer.Option(help="gTTS Google domain for the accent, e.g. co.uk.")] = None,
    loudness: Annotated[float, typer.Option(help="Integrated loudness target in LUFS (podcasts: -16).")] = -16.0,
    cover: Annotated[Optional[Path], typer.Option(help="Cover image (default: one drawn with the show and date).")] = None,
    quote_voice: Annotated[Optional[str], typer.Option(
        help="Voice for quotations: engine:voice (e.g. piper:joe), a Piper .onnx, or 'pitch:N' (Piper N semitones "
             "up/down). With two hosts, any value: the other host reads them.")] = None,
    no_music: Annotated[bool, typer.Option("--no-music", help="No stings, no bed under the intro.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
    latest: Latest = None,
    format: FormatOption = None,
    writer: WriterUrl = None,
    writer_model: WriterModel = None,
    focus: Focus = None,
) -> None:
    """Make an episode: read, summarize, write, speak, mix and export.

    Example: briefing make article.txt -o episode.mp3

    Example: briefing make article.txt -o ep.mp3 --writer http://localhost:11434/v1 --format conversation --hosts 2
    """
    import time

    from .pipeline import make_episode

    started = time.monotonic()
    settings = _settings()
    reporter, progress = _reporter(quiet)
    try:
        files = make_episode(
            inputs, output,
            engine=engine or settings.engine, voice=voice or settings.voice or None,
            minutes=minutes or settings.minutes, title=title, show=show or settings.show,
            bitrate=bitrate or settings.bitrate, cache=not no_cache, templates=templates,
            speed=speed, lang=lang, tld=tld, reporter=reporter, latest=latest,
            loudness=loudness, cover=cover, quote_voice=quote_voice, music=not no_music,
            hosts=settings.cast(hosts), pronunciations=settings.pronunciations,
            format=format or settings.format,
            **settings.writer_options(hosts, writer=writer, model=writer_model, focus=focus),
        )
    finally:
        if progress is not None:
            progress.stop()
    reporter.stage(f"done: {_duration(files.duration)} of audio, made in {time.monotonic() - started:.1f} s")
    print(files.mp3)


def _duration(seconds: float) -> str:
    """"3 min 26 s": how long an episode plays, said apart from how long it took to make."""
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes} min {secs} s" if minutes else f"{secs} s"


@app.command()
def script(
    inputs: Inputs,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON: title and segments.")] = False,
    minutes: Annotated[Optional[float], typer.Option(help="Target listening time.")] = None,
    title: Annotated[Optional[str], typer.Option(help="Episode title.")] = None,
    show: Annotated[Optional[str], typer.Option(help="Show name.")] = None,
    templates: Annotated[Optional[Path], typer.Option(help="A folder of .j2 templates.")] = None,
    engine: Annotated[Optional[str], typer.Option(help="Budget for this engine's speaking rate.")] = None,
    hosts: Annotated[Optional[int], typer.Option(help="2: written for two hosts; every turn names its speaker.")] = None,
    latest: Latest = None,
    format: FormatOption = None,
    text_form: Annotated[bool, typer.Option(
        "--text-form", help="Print the editable plain-text form: a '## kind: title' heading per segment, a "
                            "sentence a line ('Name: ' before a host's turn); `briefing render` reads it.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Do not say how long it is.")] = False,
    writer: WriterUrl = None,
    writer_model: WriterModel = None,
    focus: Focus = None,
) -> None:
    """Print the spoken script, without any audio (no voice is loaded); stderr says how long it
    will be. Edit it (the JSON's "text" fields, or the plain-text form) and make the episode with
    `briefing render`.

    Example: briefing script article.txt --json > s.json

    Example: briefing script article.txt --format brief --text-form > s.txt

    Example: briefing script article.txt --json --writer http://localhost:8080/v1 --format conversation --hosts 2
    """
    from .pipeline import Reporter, make_script

    settings = _settings()
    loud = not (quiet or State["quiet"])
    writing = settings.writer_options(hosts, writer=writer, model=writer_model, focus=focus)
    said = ("the script", "writer") if writing["writer"] else ("the script",)
    length = Reporter(stage=lambda m: print(f"briefing: {m}", file=sys.stderr, flush=True)
                      if loud and m.startswith(said) else None)
    result = make_script(inputs, minutes=minutes or settings.minutes, show=show or settings.show, title=title,
                         templates=templates, engine=engine or settings.engine, latest=latest,
                         hosts=settings.cast(hosts), format=format or settings.format, reporter=length, **writing)
    if as_json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    elif text_form:
        from .writing.script_file import script_to_text

        sys.stdout.write(script_to_text(result))
    else:
        sys.stdout.write(result.text)


@app.command()
def render(
    script_file: Annotated[Path, typer.Argument(
        help="A script from `briefing script --json` or `--text-form` (perhaps edited), or '-' for standard input.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The MP3 to write; sidecars share its stem.")],
    engine: Annotated[Optional[str], typer.Option(help="hibari (offline, default), piper (offline) or gtts (online).")] = None,
    voice: Annotated[Optional[str], typer.Option(help="A voice of the engine, or engine:voice (e.g. piper:joe).")] = None,
    hosts: Annotated[Optional[int], typer.Option(
        help="2: two hosts (default: as many as the script names, else the show file's).")] = None,
    bitrate: Annotated[Optional[int], typer.Option(help="MP3 bitrate in kbps (CBR).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Render every sentence again.")] = False,
    speed: Annotated[float, typer.Option(help="Speaking rate (1.0 is the voice's own).")] = 1.0,
    loudness: Annotated[float, typer.Option(help="Integrated loudness target in LUFS (podcasts: -16).")] = -16.0,
    cover: Annotated[Optional[Path], typer.Option(help="Cover image (default: one drawn with the show and date).")] = None,
    quote_voice: Annotated[Optional[str], typer.Option(help="Voice for quotations, as for `make`.")] = None,
    no_music: Annotated[bool, typer.Option("--no-music", help="No stings, no bed under the intro.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
) -> None:
    """Make the episode from a written (perhaps edited) script: only the segments whose text
    changed are spoken again, the rest come from the take cache.

    The loop: `briefing script article.txt --json > s.json`, change a segment's "text" (its
    "sentences" follow from it), then render. The progress line says how many segments are spoken.

    Example: briefing render s.json -o episode.mp3
    """
    from .pipeline import render_script
    from .writing.script_file import load_script

    import time

    started = time.monotonic()
    settings = _settings()
    written = load_script(script_file)
    count = hosts if hosts is not None else (len(written.hosts) if written.hosts else None)
    reporter, progress = _reporter(quiet)
    try:
        files = render_script(
            written, output, _render_options(settings, written, count, engine=engine, voice=voice, bitrate=bitrate,
                                             cache=not no_cache, speed=speed, loudness=loudness, cover=cover,
                                             quote_voice=quote_voice, music=not no_music),
            reporter=reporter)
    finally:
        if progress is not None:
            progress.stop()
    reporter.stage(f"done: {_duration(files.duration)} of audio, made in {time.monotonic() - started:.1f} s")
    print(files.mp3)


def _render_options(settings, written, hosts, **given):
    """EpisodeOptions for rendering a script file: the flags, else the show file's; the script's
    own hosts by name when the show file's cast has them."""
    from .models import EpisodeOptions
    from .errors import InputError

    cast = settings.cast(hosts)
    if written.hosts:
        voices = dict(settings.host_voices)
        missing = [name for name in written.hosts if name not in voices]
        if missing:
            raise InputError(f"hosts: {', '.join(missing)} not in the show file's [[host]] tables "
                             f"({', '.join(voices)})")
        cast = tuple((name, voices[name]) for name in written.hosts)
    return EpisodeOptions(
        show=written.show, engine=given["engine"] or settings.engine, voice=given["voice"] or settings.voice or None,
        bitrate=given["bitrate"] or settings.bitrate, cache=given["cache"], speed=given["speed"],
        loudness=given["loudness"], cover=str(given["cover"]) if given["cover"] else None,
        quote_voice=given["quote_voice"], music=given["music"], hosts=cast,
        pronunciations=settings.pronunciations, day=written.date)


@app.command()
def article(
    source: Annotated[str, typer.Argument(
        help="A file (.txt, .md, .html, .pdf, .docx, .epub, .eml, .mbox), a Maildir, an http(s) URL, a feed, or '-'.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON: title, source, published, sections.")] = False,
    latest: Latest = None,
) -> None:
    """Print what was read from an article: title, source, date and sections.

    With --json: {"title", "source", "published", "sections": [{"heading", "paragraphs"}]},
    or a list of such objects when a feed gives several articles.

    Example: briefing article https://example.org/story.html --json
    """
    from .pipeline import read

    articles = read([source], latest=latest)
    if as_json:
        items = [_article_dict(a) for a in articles]
        print(json.dumps(items[0] if len(items) == 1 else items, ensure_ascii=False, indent=2))
        return
    for number, item in enumerate(articles):
        if number:
            print()
        print(item.title)
        print(f"source: {item.source}")
        if item.published:
            print(f"published: {item.published.isoformat()}")
        if item.byline:
            print(f"by: {item.byline}")
        for section in item.sections:
            print()
            if section.heading:
                print(f"## {section.heading}\n")
            print("\n\n".join(section.paragraphs))


def _article_dict(item) -> dict:
    return {
        "title": item.title,
        "source": item.source,
        "published": item.published.isoformat() if item.published else None,
        "byline": item.byline,
        "language": item.language,
        "sections": [{"heading": s.heading, "paragraphs": list(s.paragraphs)} for s in item.sections],
    }


@app.command()
def summarize(
    source: Annotated[str, typer.Argument(help="An article file, URL or feed, or '-' for standard input.")],
    words: Annotated[int, typer.Option(help="At most this many words (or the best sentence alone, if longer).")] = 120,
    latest: Latest = None,
) -> None:
    """Print the sentences the summarizer chooses, at most N words.

    Example: briefing summarize article.txt --words 80
    """
    from .pipeline import read
    from .writing.summarize import summarize as summarize_article

    if words <= 0:
        from .errors import BriefingError

        raise BriefingError(f"--words {words}: must be more than zero")
    for item in read([source], latest=latest):
        chosen = summarize_article(item, words)
        print("\n".join(s for section in chosen.sections for s in section.sentences))


@app.command()
def say(
    text: Annotated[str, typer.Argument(help="The line to say (the show's speech rules and pronunciations apply).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The WAV file to write.")],
    engine: Annotated[Optional[str], typer.Option(help="hibari (default), piper or gtts.")] = None,
    voice: Annotated[Optional[str], typer.Option(help="A voice of the engine, or engine:voice (e.g. piper:joe).")] = None,
    speed: Annotated[float, typer.Option(help="Speaking rate (1.0 is the voice's own).")] = 1.0,
) -> None:
    """Say one line into a WAV file: to try a pronunciation or a voice quickly.

    Example: briefing say "Rebels took Hama." -o hama.wav --voice piper:joe
    """
    from .pipeline import say as say_line

    settings = _settings()
    written = say_line(text, output, engine=engine or settings.engine, voice=voice or settings.voice or None,
                       speed=speed, pronunciations=settings.pronunciations)
    print(written)


@app.command()
def spoken(
    text: Annotated[str, typer.Argument(help="The text to say, or '-' for standard input (one output line per line).")],
    engine: Annotated[Optional[str], typer.Option(help="hibari (default), piper or gtts: how phonemes are marked.")] = None,
    voice: Annotated[Optional[str], typer.Option(help="A voice of the engine, or engine:voice (e.g. piper:joe).")] = None,
    lang: Annotated[str, typer.Option(help="Language variant: en-GB reads 03/04 as the third of April.")] = "en",
) -> None:
    """Print exactly the words the voice is given: after the speech rules and the show's pronunciations.

    Example: briefing spoken "Charles III paid US$171 million on Dec. 5."
    """
    from .writing.spoken import spoken_lines

    settings = _settings()
    lines = sys.stdin.read().splitlines() if text == "-" else [text]
    for line in spoken_lines(lines, language=lang, pronunciations=settings.pronunciations,
                             engine=engine or settings.engine, voice=voice or settings.voice or None):
        print(line)


@app.command()
def voices() -> None:
    """List the engines and voices, and which work offline.

    Example: briefing voices
    """
    from .voices import engines

    for info in engines():
        where = "offline" if info.offline else "online"
        print(f"{info.name:6} {where:8} {info.description}")
        for name in info.voices:
            print(f"       - {name}")


@app.command()
def demo(
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the demo episode.")] = Path(
        "episodes/demo.mp3"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
) -> None:
    """Make an episode from the sample article that ships with briefing.

    Example: briefing demo -o demo.mp3
    """
    from .pipeline import make_episode
    from .samples import sample_article_path

    output.parent.mkdir(parents=True, exist_ok=True)
    reporter, progress = _reporter(quiet)
    try:
        files = make_episode([str(sample_article_path())], output, show=_settings().show, reporter=reporter)
    finally:
        if progress is not None:
            progress.stop()
    print(files.mp3)


@app.command()
def init(
    title: Annotated[Optional[str], typer.Option(help="The show's title.")] = None,
    description: Annotated[Optional[str], typer.Option(help="What the show is about.")] = None,
    author: Annotated[Optional[str], typer.Option(help="Who makes it (itunes:author).")] = None,
    email: Annotated[Optional[str], typer.Option(help="The owner's e-mail (Apple asks for one).")] = None,
    language: Annotated[Optional[str], typer.Option(help="Language code: en, en-us, de ...")] = None,
    category: Annotated[Optional[str], typer.Option(help="An Apple Podcasts category, e.g. 'News/Daily News'.")] = None,
    explicit: Annotated[Optional[bool], typer.Option("--explicit/--no-explicit", help="Explicit content.")] = None,
    base_url: Annotated[Optional[str], typer.Option(help="Where the site is served, e.g. http://192.168.1.20:8000/")] = None,
    public_url: Annotated[Optional[str], typer.Option(
        help="The address listeners reach the site at (a CDN or bucket URL); the feed's links start with it.")] = None,
    site: Annotated[Optional[str], typer.Option(
        help="Where publish writes by default: a folder, or s3://bucket/prefix, gs://..., az://...")] = None,
    image: Annotated[Optional[str], typer.Option(help="The show's square cover: a .jpg/.png file or a URL.")] = None,
    path: Annotated[Optional[Path], typer.Option(help="The show file to write (default: ./briefing.toml).")] = None,
    source: Annotated[Optional[list[str]], typer.Option(
        "--source", help="A source for `briefing run`: a feed, page, file or folder (repeatable).")] = None,
    private: Annotated[Optional[bool], typer.Option(
        "--private/--public", help="A private show: no public feed, one secret feed per listener "
                                   "(briefing listeners add NAME).")] = None,
) -> None:
    """Write the show file (briefing.toml): its current values or defaults, overridden by flags.

    Example: briefing init --title "Harbor Weekly" --email me@example.org --category "News/Daily News"
    """
    from .show.config import init_settings

    written, _ = init_settings(path, show=title, description=description, author=author, email=email,
                               language=language, category=category, explicit=explicit, base_url=base_url,
                               image=image, public_url=public_url, site=site, private=private)
    if source:
        from .show.config import load_sources
        from .show.edit import add_source

        known = {s.url for s in load_sources(written)}
        for url in source:
            if url not in known:
                add_source(url, path=written)
    print(written)


@app.command()
def publish(
    episode: Annotated[Path, typer.Argument(help="The episode's MP3; sidecars beside it come along.")],
    site: Annotated[Optional[str], typer.Option(
        "--site", help="A folder (created if missing) or a bucket: s3://bucket/prefix, gs://..., az://... "
                       "(default: the show file's site).")] = None,
    public_url: Annotated[Optional[str], typer.Option(
        help="Where listeners reach the site (e.g. https://cdn.example.org/show/); the feed's links start with it.")] = None,
    base_url: Annotated[Optional[str], typer.Option(help="The older name of --public-url.")] = None,
) -> None:
    """Publish an episode into a site: store it, record it, rebuild index.html and feed.xml.

    Example: briefing publish today.mp3 --site s3://podcasts/harbor --public-url https://cdn.example.org/harbor/
    """
    from .show.config import find_settings
    from .publish import publish as publish_episode

    from .publish.feed import insecure_links_warning, missing_email_warning

    settings = find_settings()
    site = _site(site, settings)
    result = publish_episode(episode, site, public_url=public_url, base_url=base_url, settings=settings)
    verb = "updated" if result.updated else "added"
    if not State["quiet"]:
        print(f"briefing: {verb} episode {result.episode.number}: {result.episode.title}", file=sys.stderr)
        for warning in (insecure_links_warning(result.feed_url), missing_email_warning(getattr(settings, "email", None))):
            if warning:
                print(f"briefing: warning: {warning}", file=sys.stderr)
    if isinstance(result.feed, Path) and not result.feed.is_file():  # a private show: a feed per listener
        if not State["quiet"]:
            print(f"briefing: a private show has no public feed; give each listener theirs with "
                  f"briefing listeners add NAME --site {site}", file=sys.stderr)
        return
    print(result.feed_url)


def _site(site: str | None, settings) -> str:
    """The site given, else the show file's; a user error when there is neither."""
    from .errors import BriefingError

    chosen = site or (settings.site if settings else "")
    if not chosen:
        raise BriefingError("no site: give --site FOLDER or --site s3://bucket/prefix, or set site in the show file")
    return chosen


@app.command()
def episodes(
    site: Annotated[Optional[str], typer.Argument(
        help="The site: a folder or a bucket URL (default: the show file's site).")] = None,
    remove: Annotated[Optional[str], typer.Option("--remove", help="Remove this episode (number, key or guid).")] = None,
) -> None:
    """List a site's episodes, newest first, or remove one.

    Example: briefing episodes s3://podcasts/harbor --remove 2
    """
    from .show.config import find_settings
    from .publish import list_episodes, remove_episode

    settings = find_settings()
    site = _site(site, settings)
    if remove is not None:
        gone = remove_episode(site, remove, settings=settings)
        print(f"removed {gone.number} {gone.key}: {gone.title}")
        return
    for item in list_episodes(site):
        minutes, seconds = divmod(int(round(item.duration)), 60)
        print(f"{item.number:>4}  {item.published:%Y-%m-%d}  {minutes:>3}:{seconds:02d}  {item.key}  {item.title}")


@app.command()
def serve(
    site: Annotated[str, typer.Argument(help="The site folder.")],
    host: Annotated[str, typer.Option(help="127.0.0.1 (this computer only) or 0.0.0.0 (your network).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="The port to listen on.")] = 8000,
) -> None:
    """Serve the site: feed, page and episodes, with byte ranges; prints the feed URL as a QR code.

    Example: briefing serve site --host 0.0.0.0 --port 8000
    """
    from .publish.server import serve as serve_site
    from .storage import open_store

    store = open_store(site)
    if not store.local:
        from .errors import BriefingError

        raise BriefingError(f"{site}: serve works on a site folder; a bucket site is served by its storage "
                            "(or the CDN in front of it), at its public URL")
    serve_site(store.root, host=host, port=port)


@app.command()
def stats(
    site: Annotated[Optional[str], typer.Option(
        "--site", help="The site: a folder, or a bucket URL with --log (default: the show file's site).")] = None,
    days: Annotated[Optional[int], typer.Option(help="Only the last N days (default: all that was recorded).")] = None,
    log: Annotated[Optional[Path], typer.Option(
        help="Count from this access log (a CDN's or bucket's) instead of what briefing serve recorded.")] = None,
    log_format: Annotated[Optional[str], typer.Option(
        "--format", help="The log's format: s3, cloudfront, nginx or caddy (default: recognised).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
    chart: Annotated[Optional[Path], typer.Option(help="Also draw downloads per day into this PNG.")] = None,
) -> None:
    """Downloads per episode and per day, unique listeners per day and apps (IAB rules: a
    listener's download counts once a day, after a minute of audio; bots never count).

    Example: briefing stats --site site --days 7 --chart downloads.png
    """
    from .errors import InputError
    from .publish.stats import draw_chart, report_text, site_stats
    from .show.config import find_settings

    if days is not None and days < 1:
        raise InputError(f"--days {days}: give a number of days, 1 or more")
    if chart is not None and chart.suffix.lower() != ".png":
        raise InputError(f"--chart {chart}: give a .png file name")
    report = site_stats(_site(site, find_settings()), log=log, fmt=log_format, days=days)
    if chart is not None:
        draw_chart(report, chart)
    print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) if as_json else report_text(report))


listeners_app = typer.Typer(
    no_args_is_help=False, add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None,
)
app.add_typer(listeners_app, name="listeners")
ListenerSite = Annotated[Path, typer.Option("--site", help="The site folder.")]


@listeners_app.callback(invoke_without_command=True)
def listeners(ctx: typer.Context, site: ListenerSite = Path("site")) -> None:
    """A private show's listeners, each with a feed address of their own: list them (oldest
    first, revoked ones marked), add one, revoke one.

    Example: briefing listeners --site site
    """
    if ctx.invoked_subcommand is not None:
        return
    from .publish import list_listeners

    for listener in list_listeners(site):
        state = f"revoked {listener.revoked:%Y-%m-%d}" if listener.revoked else "active"
        print(f"{listener.name}\tadded {listener.created:%Y-%m-%d}\t{state}")


@listeners_app.command("add")
def listeners_add(
    name: Annotated[str, typer.Argument(help="Who the address is for, e.g. Ana.")],
    site: ListenerSite = Path("site"),
    base_url: Annotated[Optional[str], typer.Option(
        help="Where listeners reach the server (default: the show's public_url, else the site's base URL).")] = None,
) -> None:
    """Give a listener their private feed: prints its address (shown only now) and a QR code.

    Example: briefing listeners add Ana --site site --base-url http://192.168.1.20:8000/
    """
    from .publish import add_listener
    from .publish.server import terminal_qr

    added = add_listener(site, name, base_url=base_url)
    if not State["quiet"]:
        print(f"briefing: {added.listener.name}'s private feed (keep it secret; it is not shown again):",
              file=sys.stderr)
        print(terminal_qr(added.feed_url), file=sys.stderr, end="")
    print(added.feed_url)


@listeners_app.command("revoke")
def listeners_revoke(
    name: Annotated[str, typer.Argument(help="The listener whose address stops working.")],
    site: ListenerSite = Path("site"),
) -> None:
    """Revoke a listener's address: it answers 404 from the next request on.

    Example: briefing listeners revoke Ana --site site
    """
    from .publish import revoke_listener

    gone = revoke_listener(site, name)
    print(f"revoked {gone.name}")


Broker = Annotated[Optional[str], typer.Option(
    "--broker", help="The Celery broker, a Redis URL (default: the show file's [cluster] broker, or $BRIEFING_BROKER).")]


ShowFile = Annotated[Optional[Path], typer.Option(
    "--show", help="The show file (default: ./briefing.toml, or $BRIEFING_CONFIG).")]


def _show_file(show_file: Path | None) -> Path:
    from .show.config import config_path

    return show_file or config_path()


@app.command()
def run(
    shows: Annotated[Optional[list[Path]], typer.Argument(
        help="Show files; several at once with --broker (default: --show, or ./briefing.toml).")] = None,
    show_file: ShowFile = None,
    broker: Broker = None,
    no_wait: Annotated[bool, typer.Option("--no-wait", help="With --broker: print the job ids and return.")] = False,
    day: Annotated[Optional[str], typer.Option(
        "--date", help="Run as on this day (YYYY-MM-DD): episode date, what is new, age limits.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the stories it would cover; change nothing.")] = False,
    minutes: Annotated[Optional[float], typer.Option(help="Target listening time (default: the show file's).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
    format: FormatOption = None,
    writer: WriterUrl = None,
    writer_model: WriterModel = None,
    focus: Focus = None,
) -> None:
    """Fetch every source, pick what is new, make one episode (or one per listener) and publish it.

    The last line is the feed's URL, or `nothing new`. With --broker (or the show file's
    [cluster] broker) the shows run on the cluster's workers, with a progress line per show.

    \b
    Example: briefing run --show briefing.toml
    Example: briefing run shows/*.toml --broker redis://localhost:6379/0
    """
    from datetime import date as Date

    from .errors import BriefingError
    from .show.run import run_show

    when = None
    if day is not None:
        try:
            when = Date.fromisoformat(day)
        except ValueError:
            raise BriefingError(f"--date {day}: give a day as YYYY-MM-DD") from None
    reporter, progress = _reporter(quiet)
    loud = not (quiet or State["quiet"])

    def fetched(report) -> None:
        for why in report.not_articles:  # an item that is not a story: skipped, never covered
            print(f"briefing: warning: skipped an item of {report.name}: {why}", file=sys.stderr)
        if report.failed:  # a warning is said even with --quiet
            print(f"briefing: warning: skipped {report.name} ({report.url}): {report.status}", file=sys.stderr)
        elif loud:
            left_out = [f"{n} {why}" for n, why in ((report.too_old, "too old"),
                                                    (report.other_language, "not in the show's language")) if n]
            print(f"briefing: fetched {report.name}: {report.status}, {report.items} items, {report.new} new"
                  + (f" ({', '.join(left_out)})" if left_out else ""), file=sys.stderr, flush=True)

    files = list(shows or []) + ([show_file] if show_file else [])
    files = files or [_show_file(None)]
    if not dry_run and _on_cluster(broker, files):
        return _run_on_cluster(files, broker, when, no_wait=no_wait, loud=loud)
    if len(files) > 1:
        raise BriefingError("several show files run together on the cluster: give --broker")
    _use_show_cache(files[0])
    try:
        result = run_show(files[0], when, dry_run=dry_run, reporter=reporter, on_fetched=fetched,
                          minutes=minutes, format=format, writer=writer, writer_model=writer_model, focus=focus)
    finally:
        if progress is not None:
            progress.stop()
    if dry_run:
        for planned in result.plan.episodes:
            for title, sources, words in _planned_stories(planned):
                print(f"{title} | {', '.join(sources)} | {words} words")
    if not result.plan.episodes:
        print("nothing new")
    elif result.published:
        print(result.published[-1])


def _on_cluster(broker: Optional[str], files: list[Path]) -> bool:
    from .cluster.work import cluster_settings

    return bool(broker or os.environ.get("BRIEFING_BROKER")
                or any(f.is_file() and cluster_settings(f).get("broker") for f in files))


def _use_show_cache(show: Path) -> None:
    """The show file's `[cluster] cache` (a folder or s3:// URL) as the take cache, unless
    $BRIEFING_CACHE_DIR says otherwise. Workers take theirs from `briefing worker --cache`."""
    from .cluster.work import cluster_settings

    cache = cluster_settings(show).get("cache") if show.is_file() else None
    if cache and not os.environ.get("BRIEFING_CACHE_DIR"):
        os.environ["BRIEFING_CACHE_DIR"] = str(cache)


def _run_on_cluster(files: list[Path], broker: Optional[str], day, *, no_wait: bool, loud: bool) -> None:
    """Submit every show to the workers; wait with a progress line per show (or print the job ids)."""
    from datetime import date as Date

    from .cluster.submit import resolve_broker, submit, wait
    from .errors import BriefingError

    url = resolve_broker(broker, files)
    submitted = submit(files, url, day or Date.today())
    if no_wait:
        for job in submitted:
            print(f"{job.id}\t{job.show}")
        return
    say = (lambda job: print(f"briefing: {job.line()}", file=sys.stderr, flush=True)) if loud else None
    finished = wait([job.id for job in submitted], url, progress=say)
    for job in finished:
        print(f"{job.id}\t{job.state}\t{job.show}")
    failed = [job for job in finished if job.state == "failed"]
    if failed:
        raise BriefingError(f"{len(failed)} of {len(finished)} jobs failed: {failed[0].error}")


def _planned_stories(planned):
    """(title, sources, words) per story of a planned episode, from its script's segments."""
    words: list[int] = []
    for segment in planned.script.segments:
        if segment.kind == "article":
            words.append(0)
        elif segment.kind == "section" and words:
            words[-1] += len(segment.text.split())
    return [(title, list(dict.fromkeys(m.source for m in mentions)), count)
            for (title, mentions), count in zip(planned.stories, words)]


sources_app = typer.Typer(no_args_is_help=False, invoke_without_command=True, rich_markup_mode=None)
app.add_typer(sources_app, name="sources")


@sources_app.callback(invoke_without_command=True)
def sources_list(ctx: typer.Context, show_file: ShowFile = None) -> None:
    """List the show's sources: name, URL, and the time, status and item count of their last fetch.

    Example: briefing sources --show briefing.toml
    """
    if ctx.invoked_subcommand is not None:
        return
    from .show.config import load_settings, load_sources, show_site
    from .show.sources import load_states

    path = _show_file(show_file)
    states = load_states(show_site(path, load_settings(path)))
    for number, source in enumerate(load_sources(path), 1):
        state = states.get(source.url)
        name = source.name or (state.name if state else "")
        last = f"{state.fetched}  {state.status}  {state.items} items" if state else "never fetched"
        print(f"{number:>3}  {name or '-'}  {source.url}  {last}")


@sources_app.command("add")
def sources_add(
    url: Annotated[str, typer.Argument(help="A feed or page URL, or a local file or folder of articles.")],
    name: Annotated[Optional[str], typer.Option(help="How episodes credit it (default: the feed's title).")] = None,
    latest: Annotated[Optional[int], typer.Option(help="At most this many items per fetch (default 10).")] = None,
    show_file: ShowFile = None,
) -> None:
    """Add a source to the show file, keeping its comments and layout.

    Example: briefing sources add https://example.org/news/feed.xml --name "Example News"
    """
    from .show.edit import add_source

    added = add_source(url, name=name, latest=latest, path=_show_file(show_file))
    print(f"added {added.url}")


@sources_app.command("remove")
def sources_remove(
    which: Annotated[str, typer.Argument(help="The source's number (as `briefing sources` lists it), URL or name.")],
    show_file: ShowFile = None,
) -> None:
    """Remove a source from the show file.

    Example: briefing sources remove 2
    """
    from .show.edit import remove_source

    removed = remove_source(which, path=_show_file(show_file))
    print(f"removed {removed.url}")


@app.command()
def schedule(
    show_file: ShowFile = None,
    systemd: Annotated[bool, typer.Option("--systemd", help="Write a systemd user service and timer here.")] = False,
    install: Annotated[bool, typer.Option("--install", help="Write them into ~/.config/systemd/user/.")] = False,
    folder: Annotated[Path, typer.Option("--dir", help="Where --systemd writes the units.")] = Path("."),
) -> None:
    """Print the crontab line that runs the show at its schedule, or write systemd units.

    Example: briefing schedule --systemd --install
    """
    from .errors import BriefingError
    from .show.config import load_settings
    from .show.schedule import crontab_line, units, user_unit_dir, write_units

    path = _show_file(show_file)
    if not path.is_file():
        raise BriefingError(f"{path}: no show file (write one with `briefing init`)")
    settings = load_settings(path)
    if not settings.schedule:
        raise BriefingError(f"{path}: no schedule in [show]; add e.g. schedule = \"06:30\"")
    if not (systemd or install):
        print(crontab_line(path, settings.schedule))
        return
    found = units(path, settings.show, settings.schedule)
    written = write_units(found, user_unit_dir() if install else folder)
    for item in written:
        print(item)
    if install:
        print(f"now run: systemctl --user daemon-reload && systemctl --user enable --now {found.name}.timer")


@app.command()
def worker(
    broker: Broker = None,
    concurrency: Annotated[Optional[int], typer.Option(
        "--concurrency", help="Processes (default: the cores divided by the voice's threads per sentence).")] = None,
    cache: Annotated[Optional[str], typer.Option(
        "--cache", help="The shared take cache: a folder or s3://bucket/prefix (default: $BRIEFING_CACHE_DIR).")] = None,
) -> None:
    """Start a Celery worker that speaks segments and makes and publishes episodes.

    Example: briefing worker --broker redis://localhost:6379/0 --concurrency 1
    """
    from .cluster.submit import resolve_broker, run_worker

    if cache:
        os.environ["BRIEFING_CACHE_DIR"] = cache
    run_worker(resolve_broker(broker), concurrency, loglevel="INFO" if not State["quiet"] else "WARNING")


@app.command()
def jobs(
    broker: Broker = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many, newest first.")] = 50,
) -> None:
    """List the cluster's jobs, newest first: running, failed (with the error) and finished.

    Example: briefing jobs --broker redis://localhost:6379/0
    """
    from .cluster.submit import list_jobs, resolve_broker

    for job in list_jobs(resolve_broker(broker), limit):
        print(job.line())


@app.command()
def scheduler(
    shows: Annotated[list[Path], typer.Argument(help="Show files, each with a [show] schedule = \"HH:MM\".")],
    broker: Broker = None,
) -> None:
    """Run Celery beat: every show submitted daily at its schedule time.

    Example: briefing scheduler --broker redis://localhost:6379/0 shows/*.toml
    """
    from .cluster.submit import resolve_broker, run_scheduler

    run_scheduler(resolve_broker(broker, shows), shows)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app; turn every user error into one line and an exit code."""
    from .errors import BriefingError

    args = list(sys.argv[1:] if argv is None else argv)
    args, debug = _global_flags_first(args)
    command = typer.main.get_command(app)
    try:
        command.main(args=args, prog_name="briefing", standalone_mode=False)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        print("briefing: interrupted", file=sys.stderr)
        sys.exit(130)
    except typer.TyperException as exc:  # usage errors: click's message, then exit 2
        exc.show()
        sys.exit(getattr(exc, "exit_code", 2))
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        sys.exit(130)
    except BriefingError as exc:
        if debug:
            raise
        print(f"briefing: error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(1)
    except Exception as exc:  # a bug, not a user error: still one line unless --debug
        if debug:
            raise
        print(f"briefing: internal error: {exc.__class__.__name__}: {exc} (run with --debug for details)",
              file=sys.stderr)
        sys.exit(70)
    if argv is None and next((a for a in args if not a.startswith("-")), None) in ("make", "demo"):
        _exit_without_teardown()


def _global_flags_first(args: list[str]) -> tuple[list[str], bool]:
    """`briefing make a.txt -o a.mp3 --debug` works as `briefing --debug make ...` does: --debug is a
    flag of the program, not of one command, so it is moved to the front wherever it was typed
    (up to a `--` that ends the options)."""
    end = args.index("--") if "--" in args else len(args)
    debug = "--debug" in args[:end]
    if debug:
        args = ["--debug"] + [a for a in args[:end] if a != "--debug"] + args[end:]
    return args, debug


def _exit_without_teardown() -> None:
    """End a finished `make` at once: every file is written and in place.

    The interpreter's teardown (freeing the voice model, every module's objects) takes
    0.05 to 0.1 s, and a run served from the cache would also wait for a voice still
    loading in the background. Only when run as the `briefing` command: callers of
    main(argv) from Python keep their interpreter.
    """
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        os._exit(1)
    os._exit(0)


if __name__ == "__main__":
    main()
