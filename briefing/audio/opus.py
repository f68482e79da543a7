"""The episode's small Opus file, for listeners on mobile data (the feed's
podcast:alternateEnclosure; the MP3 stays the enclosure).

Made from the finished MP3, the same mix, never a second synthesis: ffmpeg decodes it and
libopus (in the imageio-ffmpeg binary) encodes mono speech at OPUS_KBPS in an Ogg container.
Decoding the MP3 costs a few milliseconds per minute of audio against the encoder's work, and
it keeps one path for every episode, whether `make` or another tool made the MP3.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from ..errors import BriefingError
from .ffmpeg import ffmpeg_exe

OPUS_KBPS = 24  # mono speech: about a quarter of the 96 kbps MP3, still clear (Opus's "voip" tuning)
OPUS_RATE = 48000  # Opus's own rate; anything else is resampled inside the decoder of every player


def opus_from_mp3(mp3: Path, *, kbps: int = OPUS_KBPS) -> bytes:
    """The Ogg Opus bytes of `mp3`, mono at `kbps` (about the same duration, a quarter of the size)."""
    with tempfile.TemporaryDirectory(prefix="briefing-opus-") as scratch:
        target = Path(scratch) / "episode.opus"
        command = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-i", str(mp3),
                   "-map", "0:a", "-map_metadata", "-1", "-ac", "1", "-ar", str(OPUS_RATE),
                   "-c:a", "libopus", "-b:a", f"{kbps}k", "-application", "voip", "-vbr", "on",
                   "-f", "ogg", str(target)]
        done = subprocess.run(command, capture_output=True)
        if done.returncode != 0 or not target.is_file():
            raise BriefingError(f"{mp3}: could not make the Opus file "
                                f"({done.stderr.decode(errors='replace').strip()[-200:]})")
        return target.read_bytes()
