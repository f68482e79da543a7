"""Episode to files: the MP3 with its ID3 tags, chapters and cover, and sidecars from the Timeline.

    X.mp3  X.txt (the script)  X.vtt  X.srt  X.transcript.json  X.chapters.json  X.jpg (the cover)

The MP3's loudness is measured after encoding (`briefing.audio.loudness`); when it misses
the target, the audio is corrected and encoded once more.

ffmpeg (libmp3lame, see `briefing.audio.encode`) encodes, because it writes the Xing/Info header that players
need for a correct duration (lameenc does not). mutagen writes ID3v2.3, the
version every podcast app reads (it defaults to v2.4). Every file is written
under a temporary name and renamed into place, so an interrupted run never
leaves a partial file under a final name.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import BriefingError
from ..models import Episode, EpisodeFiles

DEFAULT_BITRATE = 96


@contextmanager
def staged(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; rename it into place only if the block succeeds."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def check_writable(path: Path) -> None:
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise BriefingError(f"{path}: is a directory; give a file name such as {path / 'episode.mp3'}")
    if not parent.is_dir():
        raise BriefingError(f"{path}: the folder {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise BriefingError(f"{path}: cannot write in {parent} (permission denied)")
    # os.access says yes to root everywhere, and knows nothing of read-only mounts or /proc:
    # creating the temporary file is the only real test, and it costs nothing before the work.
    probe = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        probe.touch()
    except OSError as exc:
        raise BriefingError(f"{path}: cannot write in {parent} ({exc.strerror or exc})") from None
    probe.unlink(missing_ok=True)
    sweep_leftovers(path)


def sweep_leftovers(path: Path) -> None:
    """Remove temporary files that a killed run left beside OUT (`.OUT-stem….PID….part`).

    Only files whose process is gone: another run writing the same episode keeps its own.
    """
    import re

    pattern = re.compile(rf"^\.{re.escape(path.stem)}\..*?\.(\d+)(?:\.audio)?\.part$")
    for leftover in path.parent.glob(f".{path.stem}.*.part"):
        match = pattern.match(leftover.name)
        if not match or int(match.group(1)) == os.getpid():
            continue
        try:
            os.kill(int(match.group(1)), 0)
        except ProcessLookupError:
            leftover.unlink(missing_ok=True)
        except (PermissionError, OverflowError):
            continue


def write_tags(path: Path, episode: Episode, *, show: str, source: str | None, chapters=None,
               cover: bytes | None = None) -> None:
    """ID3v2.3 tags: title, artist and album (the show), date, comment (the source), chapters, cover."""
    from mutagen.id3 import APIC, COMM, ID3, TALB, TCON, TDRC, TIT2, TPE1, TLAN, PictureType

    from .chapters import write_chapters

    tags = ID3()
    script = episode.script
    tags.add(TIT2(encoding=1, text=script.title))
    tags.add(TPE1(encoding=1, text=show))
    tags.add(TALB(encoding=1, text=show))
    tags.add(TCON(encoding=1, text="Podcast"))
    tags.add(TDRC(encoding=1, text=script.date.isoformat()))
    tags.add(TLAN(encoding=1, text=script.language))
    if source:
        tags.add(COMM(encoding=1, lang="eng", desc="", text=source))
    if cover:
        tags.add(APIC(encoding=0, mime="image/jpeg", type=PictureType.COVER_FRONT, desc="Cover", data=cover))
    if chapters:
        write_chapters(tags, chapters)
    tags.save(str(path), v2_version=3)


def encode_to_target(samples, rate: int, target_path: Path, *, bitrate: int, loudness: float | None):
    """Encode float samples held in memory; measure the MP3; if it misses the target, correct once.

    The same streaming encoder the pipeline uses (`briefing.audio.encode`), fed one block.
    Returns the file's measured Loudness (None when no target was asked for).
    """
    from .encode import StreamingEncoder, finish_to_target

    with StreamingEncoder(target_path, rate, bitrate, measure=loudness is not None) as encoder:
        encoder(samples)
        return finish_to_target(encoder, loudness=loudness)


def export(
    episode: Episode,
    output: str | Path,
    *,
    bitrate: int = DEFAULT_BITRATE,
    show: str | None = None,
    loudness: float | None = None,
    cover: bytes | None = None,
    transcript_json: bool = True,
    encoded: Path | None = None,
) -> EpisodeFiles:
    """Write OUT.mp3 and its sidecars atomically; each sidecar shares the MP3's stem.

    `loudness` (LUFS) checks the encoded file against that target (the mix already aimed
    at it) and corrects once if needed; `cover` is JPEG bytes (default: a generated cover).
    With `encoded`, the audio is already an MP3 at that (temporary) path, measured by the
    streaming encoder (`briefing.audio.render`): it is moved into place instead of encoded.
    """
    from .chapters import chapters_from, chapters_json
    from .cover import cover_jpeg
    from .transcripts import srt, transcript_json as transcript_text, webvtt

    if not 32 <= bitrate <= 320:
        raise BriefingError(f"--bitrate {bitrate}: choose between 32 and 320 kbps")
    mp3 = Path(output)
    check_writable(mp3)
    script = episode.script
    show = show or script.show
    if cover is None:
        cover = cover_jpeg(None, show=show, day=script.date)
    chapters = chapters_from(episode.timeline)
    stem = mp3.stem

    def beside(suffix: str) -> Path:
        return mp3.with_name(stem + suffix)

    contents: dict[str, tuple[Path, str | bytes]] = {
        "txt": (beside(".txt"), script.text),
        "vtt": (beside(".vtt"), webvtt(episode.timeline)),
        "srt": (beside(".srt"), srt(episode.timeline)),
        "chapters": (beside(".chapters.json"), chapters_json(chapters)),
        "cover": (beside(".jpg"), cover),
    }
    if transcript_json:
        contents["transcript"] = (beside(".transcript.json"), transcript_text(episode.timeline, speaker=show,
                                                                                 script=script))
    try:
        with staged(mp3) as tmp_mp3:
            if encoded is not None:
                os.replace(encoded, tmp_mp3)
            else:
                encode_to_target(episode.audio, episode.sample_rate, tmp_mp3, bitrate=bitrate, loudness=loudness)
            write_tags(tmp_mp3, episode, show=show, source=", ".join(script.sources) or None,
                       chapters=chapters, cover=cover)
            for path, content in contents.values():
                with staged(path) as tmp:
                    if isinstance(content, bytes):
                        tmp.write_bytes(content)
                    else:
                        tmp.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise BriefingError(f"cannot write {mp3}: {exc.strerror or exc}") from None
    return EpisodeFiles(mp3=str(mp3), sidecars={kind: str(path) for kind, (path, _) in contents.items()},
                        duration=episode.timeline.duration)
