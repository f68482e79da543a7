"""ffmpeg without system packages: the binary the imageio-ffmpeg wheel ships.

That wheel has no ffprobe, so nothing here relies on it: pydub is only asked to
decode (it falls back to ffmpeg) and export goes through ffmpeg directly.
"""

from __future__ import annotations

import os
import shutil
from functools import lru_cache

from ..errors import BriefingError


@lru_cache(maxsize=1)
def ffmpeg_exe() -> str:
    """The ffmpeg to use: $BRIEFING_FFMPEG, else imageio-ffmpeg's, else one on PATH."""
    override = os.environ.get("BRIEFING_FFMPEG")
    if override:
        return override
    from ..runtime import heavy_imports

    try:
        with heavy_imports():  # not beside a voice's loader: their imports once met, and this one failed
            import imageio_ffmpeg

            return imageio_ffmpeg.get_ffmpeg_exe()
    except Exception:
        found = shutil.which("ffmpeg")
        if found:
            return found
    raise BriefingError("ffmpeg not found: pip install imageio-ffmpeg")


def audio_segment():
    """pydub's AudioSegment, pointed at our ffmpeg.

    Imported here so pydub's import-time warning about ffmpeg/ffprobe missing from
    PATH never reaches the user: we hand it the right binary ourselves.
    """
    import warnings

    from ..runtime import heavy_imports

    with heavy_imports(), warnings.catch_warnings():  # pydub is imported from the encoders' threads too
        warnings.simplefilter("ignore", RuntimeWarning)  # "Couldn't find ffmpeg or avconv"
        warnings.simplefilter("ignore", DeprecationWarning)  # audioop on 3.12 (audioop-lts on 3.13)
        from pydub import AudioSegment

    exe = ffmpeg_exe()
    AudioSegment.converter = exe
    AudioSegment.ffmpeg = exe
    return AudioSegment


def decode_to_pcm(data: bytes, rate: int, *, what: str = "audio") -> bytes:
    """Any audio ffmpeg reads (MP3 from gTTS, say) to mono 16-bit PCM at `rate`.

    pydub's own decoder would call ffprobe, which the imageio-ffmpeg wheel lacks.
    """
    import subprocess

    command = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-i", "pipe:0",
               "-f", "s16le", "-ac", "1", "-ar", str(rate), "pipe:1"]
    result = subprocess.run(command, input=data, capture_output=True, check=False)
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise BriefingError(f"cannot decode {what}: {message[-1] if message else 'ffmpeg failed'}")
    return result.stdout
