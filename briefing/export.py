"""Episode to files: the MP3 with its ID3 tags, and sidecars made from the Timeline.

ffmpeg (libmp3lame) encodes, because it writes the Xing/Info header that players
need for a correct duration (lameenc does not). mutagen writes ID3v2.3, the
version every podcast app reads (it defaults to v2.4). Every file is written
under a temporary name and renamed into place, so an interrupted run never
leaves a partial file under a final name.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import BriefingError
from .ffmpeg import ffmpeg_exe
from .models import Episode, EpisodeFiles, Timeline

DEFAULT_BITRATE = 96
SAMPLE_RATE = 44100


def _timestamp(seconds: float, sep: str = ".") -> str:
    ms = int(round(max(0.0, seconds) * 1000))
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def webvtt(timeline: Timeline) -> str:
    """A WebVTT transcript: one cue per sentence, timed from the rendered audio."""
    lines = ["WEBVTT", ""]
    for n, cue in enumerate(timeline.cues, 1):
        lines += [str(n), f"{_timestamp(cue.start)} --> {_timestamp(cue.end)}", cue.text.replace("-->", "->"), ""]
    return "\n".join(lines)


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


def encode_mp3(samples_pcm: bytes, rate: int, target: Path, bitrate: int = DEFAULT_BITRATE) -> None:
    """16-bit mono PCM to a CBR MP3 at 44.1 kHz with a Xing/Info header, through ffmpeg."""
    command = [
        ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y",
        "-f", "s16le", "-ar", str(rate), "-ac", "1", "-i", "pipe:0",
        "-af", f"aresample={SAMPLE_RATE}:resampler=soxr" if rate != SAMPLE_RATE else "anull",
        "-c:a", "libmp3lame", "-b:a", f"{bitrate}k", "-ar", str(SAMPLE_RATE), "-ac", "1",
        "-write_xing", "1", "-id3v2_version", "0", "-write_id3v1", "0", "-map_metadata", "-1",
        "-f", "mp3", str(target),
    ]
    try:
        result = subprocess.run(command, input=samples_pcm, capture_output=True, check=False)
    except OSError as exc:
        raise BriefingError(f"cannot run ffmpeg: {exc}") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise BriefingError(f"ffmpeg failed to encode the MP3: {message[-1] if message else result.returncode}")


def write_tags(path: Path, episode: Episode, *, show: str, source: str | None) -> None:
    """ID3v2.3 tags: title, artist and album (the show), date, comment (the source)."""
    from mutagen.id3 import COMM, ID3, TALB, TCON, TDRC, TIT2, TPE1, TLAN

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
    tags.save(str(path), v2_version=3)


def export(
    episode: Episode,
    output: str | Path,
    *,
    bitrate: int = DEFAULT_BITRATE,
    show: str | None = None,
) -> EpisodeFiles:
    """Write OUT.mp3 and its sidecars (OUT.txt, OUT.vtt) atomically."""
    if not 32 <= bitrate <= 320:
        raise BriefingError(f"--bitrate {bitrate}: choose between 32 and 320 kbps")
    mp3 = Path(output)
    check_writable(mp3)
    show = show or episode.script.show
    sidecars = {
        "txt": mp3.with_suffix(".txt"),
        "vtt": mp3.with_suffix(".vtt"),
    }
    contents = {
        "txt": episode.script.text,
        "vtt": webvtt(episode.timeline),
    }
    audio = episode.audio
    try:
        with staged(mp3) as tmp_mp3:
            encode_mp3(audio.raw_data, audio.frame_rate, tmp_mp3, bitrate)
            write_tags(tmp_mp3, episode, show=show, source=", ".join(episode.script.sources) or None)
            for kind, path in sidecars.items():
                with staged(path) as tmp:
                    tmp.write_text(contents[kind], encoding="utf-8")
    except OSError as exc:
        raise BriefingError(f"cannot write {mp3}: {exc.strerror or exc}") from None
    return EpisodeFiles(mp3=str(mp3), sidecars={k: str(v) for k, v in sidecars.items()},
                        duration=episode.timeline.duration)
