"""The streaming MP3 encoder: a sink for the mixer that encodes and measures as blocks arrive.

One ffmpeg process resamples to 44.1 kHz (soxr) and encodes with libmp3lame; its
`tee` muxer writes the file (seekable, so it gets its Xing/Info header) and, at the
same time, streams the very same MP3 frames into a second ffmpeg that measures them
with `ebur128=peak=true`. So the encoded audio is measured, as podcast checkers
measure it, without decoding the file again afterwards; and encoding runs while
the voice is still speaking later segments.

The 16-bit blocks are also spooled to a temporary file (a 20-minute episode is about
50 MB at 22.05 kHz: on disk, not in memory), so that the rare episode that misses
the target can be corrected and encoded again without rendering anything twice.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from ..errors import BriefingError
from .ffmpeg import ffmpeg_exe
from .loudness import SUMMARY_PATTERN, Loudness

OUTPUT_RATE = 44100
# LAME's algorithm quality (ffmpeg's -compression_level, LAME's -q; 0 slowest): 7 encodes the
# seed episode in 0.22 CPU-s against 0.41 at the default, with the same waveform error
# (25.8 against 25.5 dB SNR at 96 kbps) and the same Whisper word error rate. At podcast
# bitrates for mono speech the bits are plentiful, and the CPU is better spent on the voice.
LAME_QUALITY = 7


def encoder_input_args(rate: int, bitrate: int) -> list[str]:
    """ffmpeg reading 16-bit mono PCM at `rate` on stdin and encoding it as every episode is
    encoded (`briefing.audio.pieces` encodes its pieces with the very same settings)."""
    return [
        ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
        "-f", "s16le", "-ar", str(rate), "-ac", "1", "-i", "pipe:0", "-map", "0:a",
        "-af", f"aresample={OUTPUT_RATE}:resampler=soxr",
        "-c:a", "libmp3lame", "-b:a", f"{bitrate}k", "-compression_level", str(LAME_QUALITY), "-ar", str(OUTPUT_RATE), "-ac", "1",
        "-map_metadata", "-1",
    ]


def _encoder_command(rate: int, bitrate: int, outputs: str) -> list[str]:
    return [*encoder_input_args(rate, bitrate), "-f", "tee", outputs]


def _tee_path(path: Path) -> str:
    # The tee muxer treats these characters as syntax in a slave's file name.
    escaped = str(path)
    for ch in "\\|[]:;":
        escaped = escaped.replace(ch, "\\" + ch)
    return escaped


class SpooledBlocks:
    """16-bit blocks kept in order in a temporary file, read back one at a time."""

    def __init__(self):
        self._file = tempfile.TemporaryFile()
        self._sizes: list[int] = []

    def append(self, pcm: bytes) -> None:
        self._file.write(pcm)
        self._sizes.append(len(pcm))

    def __iter__(self):
        import numpy as np

        self._file.flush()
        self._file.seek(0)
        for size in self._sizes:
            yield np.frombuffer(self._file.read(size), dtype="<i2")

    def close(self) -> None:
        self._file.close()


class StreamingEncoder:
    """Call it with float32 blocks at `rate`; `close()` returns the file's measured Loudness.

    Use as a context manager: leaving the block on an error stops ffmpeg and removes nothing
    but the processes (the caller owns `target`, a temporary name).
    """

    def __init__(self, target: Path, rate: int, bitrate: int, *, measure: bool = True):
        self.target = Path(target)
        self.rate = rate
        self.bitrate = bitrate
        self.kept = SpooledBlocks()
        self._errors = tempfile.TemporaryFile()
        self.replaced = False
        outputs = f"[f=mp3:id3v2_version=0:write_id3v1=0:write_xing=1]{_tee_path(self.target)}"
        if measure:
            outputs += "|[f=mp3:id3v2_version=0:write_xing=0]pipe:1"
        try:
            self._encoder = subprocess.Popen(
                _encoder_command(rate, bitrate, outputs), stdin=subprocess.PIPE,
                stdout=subprocess.PIPE if measure else subprocess.DEVNULL, stderr=self._errors,
            )
            self._meter = None
            if measure:
                self._meter = subprocess.Popen(
                    [ffmpeg_exe(), "-hide_banner", "-nostats", "-nostdin", "-f", "mp3", "-i", "pipe:0",
                     "-af", "ebur128=peak=true:framelog=quiet", "-f", "null", "-"],
                    stdin=self._encoder.stdout, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                )
                self._encoder.stdout.close()  # the meter owns that pipe now
        except OSError as exc:
            raise BriefingError(f"cannot run ffmpeg: {exc}") from None

    def __call__(self, block) -> None:
        from .mix import to_pcm16

        pcm = to_pcm16(block)
        self.kept.append(pcm)
        try:
            self._encoder.stdin.write(pcm)
        except BrokenPipeError:
            self._encoder.wait()
            raise BriefingError(f"ffmpeg stopped encoding the MP3: {self._error_text()}") from None

    def _error_text(self) -> str:
        self._errors.seek(0)
        lines = self._errors.read().decode("utf-8", "replace").strip().splitlines()
        return lines[-1] if lines else f"exit code {self._encoder.returncode}"

    def close(self) -> Loudness | None:
        try:
            self._encoder.stdin.close()
        except BrokenPipeError:
            pass
        if self._encoder.wait() != 0:
            raise BriefingError(f"ffmpeg failed to encode the MP3: {self._error_text()}")
        if self._meter is None:
            return None
        report = self._meter.stderr.read().decode("utf-8", "replace")
        self._meter.wait()
        match = SUMMARY_PATTERN.search(report)
        if self._meter.returncode != 0 or not match:
            raise BriefingError("cannot measure the loudness of the encoded MP3")
        return Loudness(float(match.group(1)), float(match.group(2)))

    def retime(self, timeline):
        """The mix's Timeline as heard in the file: the same (one encode, its priming trimmed by
        players); `pieces.JoinedEncoder` moves it to where each piece's frames start."""
        return timeline

    def abort(self) -> None:
        for process in (self._encoder, self._meter):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()

    def __enter__(self) -> "StreamingEncoder":
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is not None:
            self.abort()
            self.kept.close()
        self._errors.close()


def reencode_to_target(kept, rate: int, target: Path, measured: Loudness, *, bitrate: int,
                       loudness: float) -> Loudness:
    """Correct kept 16-bit blocks by what the file measured, encode again and measure again."""
    import numpy as np

    from .loudness import correction, limiter_gain

    gain = 10 ** ((loudness - measured.integrated) / 20)
    peak = max((float(np.max(np.abs(b.astype(np.int32)))) for b in kept if b.size), default=0.0) / 32768.0
    gain_db, ceiling = correction(measured, loudness, 20 * np.log10(max(peak * gain, 1e-12)))
    scale = np.float32(10 ** (gain_db / 20) / 32768.0)
    with StreamingEncoder(target, rate, bitrate) as encoder:
        for block in kept:
            louder = block.astype(np.float32) * scale
            encoder(louder * limiter_gain(louder, rate, ceiling))
        return encoder.close()


def finish_to_target(encoder, *, loudness: float | None) -> Loudness | None:
    """Close the encoder (a `StreamingEncoder`, or a `pieces.JoinedEncoder`); if the file it
    measured misses `loudness`, correct it and encode it whole once more.

    Returns the measured Loudness of the file as it stands (None when nothing was measured).
    """
    try:
        measured = encoder.close()
        if loudness is not None and measured is not None and not measured.meets(loudness):
            measured = reencode_to_target(encoder.kept, encoder.rate, encoder.target, measured,
                                          bitrate=encoder.bitrate, loudness=loudness)
            encoder.replaced = True  # encoded whole: no longer the joined pieces
        return measured
    finally:
        encoder.kept.close()
