"""The command line: thin, one function per command, mirroring the Python API.

Heavy modules (numpy, pydub, onnxruntime, piper) are imported inside commands,
never at import time, so `briefing --help` and `briefing script` start quickly.
Every error a user can cause ends in one line on stderr and a non-zero exit;
`--debug` shows the traceback instead.
"""

from __future__ import annotations

import json
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
)

State = {"quiet": False}


def _settings():
    from .config import load_settings

    return load_settings()


def _reporter(quiet: bool):
    """Progress on stderr: a bar with ETA on a terminal, plain lines otherwise, nothing with --quiet."""
    from .pipeline import Reporter

    if quiet or State["quiet"]:
        return Reporter(), None
    if sys.stderr.isatty():
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


@app.callback()
def main_options(
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but results and errors.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show the full traceback on errors.")] = False,
) -> None:
    State["quiet"] = quiet


Inputs = Annotated[list[str], typer.Argument(help="Article files (.txt, .md), or '-' for standard input.")]


@app.command()
def make(
    inputs: Inputs,
    output: Annotated[Path, typer.Option("--output", "-o", help="The MP3 to write; sidecars share its stem.")],
    engine: Annotated[Optional[str], typer.Option(help="piper (offline, default) or gtts (online).")] = None,
    voice: Annotated[Optional[str], typer.Option(help="A Piper .onnx voice file, or a gTTS language.")] = None,
    minutes: Annotated[Optional[float], typer.Option(help="Target listening time.")] = None,
    title: Annotated[Optional[str], typer.Option(help="Episode title (default: the article's).")] = None,
    show: Annotated[Optional[str], typer.Option(help="Show name, said in the intro and tagged.")] = None,
    bitrate: Annotated[Optional[int], typer.Option(help="MP3 bitrate in kbps (CBR).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Render every sentence again.")] = False,
    templates: Annotated[Optional[Path], typer.Option(help="A folder of .j2 templates overriding the built-in ones.")] = None,
    speed: Annotated[float, typer.Option(help="Speaking rate (1.0 is the voice's own).")] = 1.0,
    lang: Annotated[Optional[str], typer.Option(help="gTTS language (default: the article's).")] = None,
    tld: Annotated[Optional[str], typer.Option(help="gTTS Google domain for the accent, e.g. co.uk.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
) -> None:
    """Make an episode: read, summarize, write, speak, mix and export.

    Example: briefing make article.txt -o episode.mp3
    """
    from .pipeline import make_episode

    settings = _settings()
    reporter, progress = _reporter(quiet)
    try:
        files = make_episode(
            inputs, output,
            engine=engine or settings.engine, voice=voice or settings.voice or None,
            minutes=minutes or settings.minutes, title=title, show=show or settings.show,
            bitrate=bitrate or settings.bitrate, cache=not no_cache, templates=templates,
            speed=speed, lang=lang, tld=tld, reporter=reporter,
        )
    finally:
        if progress is not None:
            progress.stop()
    reporter.stage(f"done: {files.duration:.1f} s")
    print(files.mp3)


@app.command()
def script(
    inputs: Inputs,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON: title and segments.")] = False,
    minutes: Annotated[Optional[float], typer.Option(help="Target listening time.")] = None,
    title: Annotated[Optional[str], typer.Option(help="Episode title.")] = None,
    show: Annotated[Optional[str], typer.Option(help="Show name.")] = None,
    templates: Annotated[Optional[Path], typer.Option(help="A folder of .j2 templates.")] = None,
    engine: Annotated[Optional[str], typer.Option(help="Budget for this engine's speaking rate.")] = None,
) -> None:
    """Print the spoken script, without any audio (no voice is loaded).

    Example: briefing script article.txt --json
    """
    from .pipeline import make_script

    settings = _settings()
    result = make_script(inputs, minutes=minutes or settings.minutes, show=show or settings.show, title=title,
                         templates=templates, engine=engine or settings.engine)
    if as_json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(result.text)


@app.command()
def summarize(
    source: Annotated[str, typer.Argument(help="An article file, or '-' for standard input.")],
    words: Annotated[int, typer.Option(help="At most this many words.")] = 120,
) -> None:
    """Print the sentences the summarizer chooses, at most N words.

    Example: briefing summarize article.txt --words 80
    """
    from .pipeline import read
    from .summarize import summarize as summarize_article

    if words <= 0:
        from .errors import BriefingError

        raise BriefingError(f"--words {words}: must be more than zero")
    for article in read([source]):
        chosen = summarize_article(article, words)
        print("\n".join(s for section in chosen.sections for s in section.sentences))


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


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app; turn every user error into one line and an exit code."""
    from .errors import BriefingError

    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
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


if __name__ == "__main__":
    main()
