"""An episode joined from MP3 pieces, each piece encoded and measured once however many
episodes carry it: what makes thirty personal briefings cost little more than their stories.

A personal briefing is the listener's own intro, then stories every listener shares, then
the same closing. Encoding each episode whole (`briefing.audio.encode`) costs every
listener a full encode and a full measurement of the MP3 (0.8 CPU-s of ffmpeg for four
minutes), although most of its audio is the same as in the other episodes. Here the mix's
blocks are cut into *pieces* at the pauses between segments, and each piece is:

- **encoded on its own** (the same libmp3lame settings as a whole episode). An MP3 stream
  from a fresh encoder starts with an empty bit reservoir, so independently encoded
  streams laid end to end are one valid stream; the decoded join is exactly the decoded
  pieces end to end (tested). Each join adds the encoder's priming and padding, 13 to
  40 ms of silence, inside a pause;
- **measured once**, on its own decoded MP3 (ffmpeg decodes the encoder's output in the
  same process, a "loopback decoder"): the K-weighted energy of every MP3 frame and the
  4x-oversampled true peak. An episode's integrated loudness is then gated over the energy
  of its pieces' frames in order (`joined_loudness`): the loudness of the final MP3's own
  frames, found without decoding it again. A test checks it against ffmpeg's `ebur128`
  on the joined file;
- **kept by the hash of its 16-bit samples** (and the encoder settings): in this process's
  memory and in the take cache (`pieces/KEY.npz`, shared by a cluster's workers).

The join is the pieces' bytes after an Info frame (`info_frame`: the frame count, size and seek
table players read). Times move: piece i starts 1152 x (frames before it) samples into the
file, so `JoinedEncoder.retime` maps the mix's Timeline onto the file.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..errors import BriefingError
from ..models import Cue, Timeline, TimelineEntry
from .encode import LAME_QUALITY, OUTPUT_RATE, SpooledBlocks, encoder_input_args
from .levelled import Memory
from .loudness import Loudness

PIECES_VERSION = 1  # bump when a piece's encoding or measurement changes
FRAME_SAMPLES = 1152  # samples per MPEG-1 Layer III frame
ENCODER_DELAY = 576  # LAME's priming: a piece's first sample is this far into its decoded frames...
DECODER_DELAY = 529  # ...plus the decoder's own delay
OVERSAMPLE = 4  # true peak: the decoded audio at 4x its rate, as BS.1770 annex 2
MEMORY_BYTES = 32 * 2**20
ENCODERS = 2  # pieces encoded at once (each an ffmpeg process)


@dataclass(frozen=True)
class EncodedPiece:
    """One piece: its MP3 frames (no header), how many, the K-weighted energy of each frame's
    decoded samples (sum of squares) and the true peak (linear) of the whole piece."""

    mp3: bytes
    frames: int
    energy: object  # float64 numpy array, one value per frame
    true_peak: float

    @property
    def nbytes(self) -> int:
        return len(self.mp3) + self.energy.nbytes


def piece_key(pcm: bytes, rate: int, bitrate: int) -> str:
    digest = hashlib.sha256(repr((PIECES_VERSION, rate, bitrate, OUTPUT_RATE, LAME_QUALITY)).encode())
    digest.update(pcm)
    return digest.hexdigest()


def count_frames(data: bytes) -> int:
    """MPEG-1 Layer III frames in `data` (headerless frames laid end to end), by walking their headers."""
    bitrates = (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
    rates = (44100, 48000, 32000)
    position = frames = 0
    while position + 4 <= len(data):
        b1, b2 = data[position + 1], data[position + 2]
        if data[position] != 0xFF or (b1 & 0xFE) != 0xFA or not 0 < b2 >> 4 < 15 or (b2 >> 2) & 3 == 3:
            raise BriefingError("ffmpeg wrote an MP3 piece this cannot read")
        size = 144000 * bitrates[b2 >> 4] // rates[(b2 >> 2) & 3] + ((b2 >> 1) & 1)
        position += size
        frames += 1
    return frames


def info_frame(header: bytes, frames: int, audio_bytes: int) -> bytes:
    """A CBR stream's Info frame (the Xing header's constant-bitrate form): a silent frame of the
    stream's own format (`header`: its first frame's, padding bit cleared) holding the number of
    audio frames, the file's size and a seek table. What ffmpeg's muxer writes, less LAME's
    encoder-delay extension: these pieces each carry their own priming, so a player must not
    take any off. (Written here: ffmpeg would need a process and a copy of the file for it.)"""
    import struct

    head = bytes([header[0], header[1], header[2] & ~0x02, header[3]])
    size = 144000 * (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)[(head[2] >> 4) - 1] // \
        (44100, 48000, 32000)[(head[2] >> 2) & 3]
    side_info = 17 if head[3] >> 6 == 3 else 32  # MPEG-1: mono, or two channels
    total = size + audio_bytes
    toc = bytes(min(255, (size + audio_bytes * i // 100) * 256 // total) for i in range(100))
    body = head + bytes(side_info) + b"Info" + struct.pack(">III", 0x7, frames, total) + toc
    return body + bytes(size - len(body))


def encode_piece(pcm: bytes, rate: int, bitrate: int) -> EncodedPiece:
    """Encode 16-bit mono PCM at `rate` to MP3 frames and measure their decoded audio, in one ffmpeg."""
    import numpy as np

    from .bs1770 import k_weighted

    # The MP3 comes back on stdout; what its loopback decoder hears, on a pipe of its own.
    reading, writing = os.pipe()
    command = [*encoder_input_args(rate, bitrate), "-f", "mp3", "-id3v2_version", "0", "-write_xing", "0",
               "pipe:1", "-dec", "0:0", "-filter_complex", "[dec:0]anull[heard]", "-map", "[heard]",
               "-c:a", "pcm_f32le", "-f", "f32le", f"pipe:{writing}"]
    heard_bytes: list[bytes] = []

    def drain() -> None:
        with open(reading, "rb") as pipe:
            heard_bytes.append(pipe.read())

    drainer = threading.Thread(target=drain, name="briefing-piece-heard", daemon=True)
    try:
        try:
            process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, pass_fds=(writing,))
        except OSError as exc:
            os.close(reading)
            raise BriefingError(f"cannot run ffmpeg: {exc}") from None
        drainer.start()
    finally:
        os.close(writing)
    mp3, errors = process.communicate(pcm)
    drainer.join()
    if process.returncode != 0:
        lines = errors.decode("utf-8", "replace").strip().splitlines()
        raise BriefingError(f"ffmpeg failed to encode the MP3: {lines[-1] if lines else process.returncode}")
    frames = count_frames(mp3)
    heard = np.frombuffer(heard_bytes[0] if heard_bytes else b"", dtype="<f4")
    # The decoder gives the piece without its priming; in the joined file the priming is there.
    start = ENCODER_DELAY + DECODER_DELAY
    if frames * FRAME_SAMPLES < start + heard.size:
        raise BriefingError("ffmpeg's MP3 piece is shorter than its audio")
    decoded = np.zeros(frames * FRAME_SAMPLES, dtype=np.float64)
    decoded[start: start + heard.size] = heard
    weighted = k_weighted(decoded, OUTPUT_RATE)
    by_frame = weighted.reshape(frames, FRAME_SAMPLES)
    energy = np.einsum("ij,ij->i", by_frame, by_frame)
    return EncodedPiece(mp3, frames, energy, _true_peak(heard))


def _true_peak(samples) -> float:
    import numpy as np

    if samples.size == 0:
        return 0.0
    import soxr

    over = soxr.resample(samples, OUTPUT_RATE, OUTPUT_RATE * OVERSAMPLE, quality="HQ")
    return float(max(np.max(np.abs(samples)), np.max(np.abs(over)) if over.size else 0.0))


def joined_loudness(pieces) -> Loudness:
    """The integrated loudness (LUFS) and true peak (dBTP) of pieces joined in this order.

    BS.1770's 400 ms blocks, 100 ms apart, over the frames' energy (each frame's energy
    spread evenly over its 1152 samples within a block that cuts it).
    """
    import math

    import numpy as np

    from .bs1770 import BLOCK, STEP, gate

    energy = np.concatenate([p.energy for p in pieces]) if pieces else np.zeros(0)
    total = energy.size * FRAME_SAMPLES
    block, step = int(round(BLOCK * OUTPUT_RATE)), int(round(STEP * OUTPUT_RATE))
    peak = max((p.true_peak for p in pieces), default=0.0)
    true_peak = round(20 * math.log10(peak), 1) if peak > 0 else float("-inf")
    if total < block:
        return Loudness(float("-inf"), true_peak)
    edges = np.arange(energy.size + 1) * FRAME_SAMPLES
    running = np.concatenate([[0.0], np.cumsum(energy)])
    starts = np.arange(0, total - block + 1, step)
    powers = (np.interp(starts + block, edges, running) - np.interp(starts, edges, running)) / block
    integrated = gate(powers)
    # To 0.1, as ffmpeg's ebur128 reports a whole file: the same figures decide the same way.
    return Loudness(round(integrated, 1) if math.isfinite(integrated) else integrated, true_peak)


class PieceCache:
    """Encoded pieces by key: this process's memory, then the take cache (a folder or a bucket)."""

    _memory = Memory(MEMORY_BYTES)

    def __init__(self, takes=None):
        self.takes = takes  # a voices.cache.TakeCache, or None
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> EncodedPiece | None:
        found = self._memory.get(key)
        if found is None and self.takes is not None:
            found = _decode(self.takes.get_piece(key))
            if found is not None:
                self._memory.put(key, found)
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found

    def put(self, key: str, piece: EncodedPiece) -> None:
        self._memory.put(key, piece)
        if self.takes is not None:
            self.takes.put_piece(key, _encode(piece))

    @classmethod
    def forget(cls) -> None:
        """Empty this process's pieces (tests count encodes with and without them)."""
        cls._memory.clear()


def _encode(piece: EncodedPiece) -> bytes:
    import numpy as np

    from ..voices.cache import pack_arrays

    return pack_arrays(mp3=np.frombuffer(piece.mp3, dtype=np.uint8), energy=piece.energy,
                       frames=np.int64(piece.frames), true_peak=np.float64(piece.true_peak))


def _decode(data: bytes | None) -> EncodedPiece | None:
    """An entry read back; None for none, or for one that is not whole (it is encoded again)."""
    import numpy as np

    from ..voices.cache import unpack_arrays

    entry = unpack_arrays(data)
    try:
        mp3 = entry["mp3"].tobytes()
        energy = entry["energy"].astype(np.float64, copy=False)
        frames = int(entry["frames"])
        true_peak = float(entry["true_peak"])
        if energy.shape != (frames,) or count_frames(mp3) != frames:
            return None
    except (TypeError, KeyError, ValueError, BriefingError):
        return None
    return EncodedPiece(mp3, frames, energy, true_peak)


@dataclass
class _Placed:
    """A piece of this episode: where it starts in the mix (samples) and, once encoded, what it is."""

    mix_start: int
    key: str
    piece: Future


class JoinedEncoder:
    """A sink for the mixer, like `encode.StreamingEncoder`: call it with float32 blocks at `rate`;
    `close()` joins the pieces into `target` and returns the file's Loudness.

    A block that is all silence belongs to the piece before it (the pause after a segment);
    any other block starts a new piece. So every segment's piece is its speech and the pause
    after it, the same wherever it falls in an episode.
    """

    def __init__(self, target: Path, rate: int, bitrate: int, *, cache: PieceCache | None = None,
                 measure: bool = True):
        self.target = Path(target)
        self.rate = rate
        self.bitrate = bitrate
        self.measure = measure
        self.cache = cache if cache is not None else PieceCache()
        self.kept = SpooledBlocks()
        self.replaced = False  # set when the episode was corrected and encoded whole instead
        self.encoded = 0  # pieces this episode had to encode
        self._pending: list[bytes] = []
        self._pending_start = 0
        self._mixed = 0
        self._placed: list[_Placed] = []
        self._pool = ThreadPoolExecutor(max_workers=ENCODERS, thread_name_prefix="briefing-piece")

    def __call__(self, block) -> None:
        from .mix import to_pcm16

        pcm = to_pcm16(block)
        self.kept.append(pcm)
        if self._pending and not pcm.strip(b"\0"):
            self._pending.append(pcm)
        else:
            self._flush()
            self._pending, self._pending_start = [pcm], self._mixed
        self._mixed += len(pcm) // 2

    def _flush(self) -> None:
        if not self._pending:
            return
        pcm = b"".join(self._pending)
        self._pending = []
        key = piece_key(pcm, self.rate, self.bitrate)
        found = self.cache.get(key)
        if found is not None:
            done: Future = Future()
            done.set_result(found)
        else:
            done = self._pool.submit(self._encode, key, pcm)
            self.encoded += 1
        self._placed.append(_Placed(self._pending_start, key, done))

    def _encode(self, key: str, pcm: bytes) -> EncodedPiece:
        piece = encode_piece(pcm, self.rate, self.bitrate)
        self.cache.put(key, piece)
        return piece

    def pieces(self) -> list[EncodedPiece]:
        return [placed.piece.result() for placed in self._placed]

    def keys(self) -> list[str]:
        """The pieces' keys, in order (their names in the take cache)."""
        return [placed.key for placed in self._placed]

    def close(self) -> Loudness | None:
        self._flush()
        try:
            pieces = self.pieces()
        finally:
            self._pool.shutdown(wait=True)
        self._join(pieces)
        return joined_loudness(pieces) if self.measure else None

    def _join(self, pieces: list[EncodedPiece]) -> None:
        """The pieces' frames, end to end, into `target`, after the Info frame players read the
        duration and seek points from."""
        audio = [p.mp3 for p in pieces if p.frames]
        frames = sum(p.frames for p in pieces)
        with open(self.target, "wb") as out:
            if audio:
                out.write(info_frame(audio[0][:4], frames, sum(len(a) for a in audio)))
            for data in audio:
                out.write(data)

    def retime(self, timeline: Timeline) -> Timeline:
        """The mix's Timeline as heard in the joined file: each piece starts where its frames do."""
        import bisect

        if self.replaced or not self._placed:
            return timeline
        pieces = self.pieces()
        mix_starts = [placed.mix_start for placed in self._placed]
        shifts, frames = [], 0
        for placed, piece in zip(self._placed, pieces):
            heard_at = (frames * FRAME_SAMPLES + ENCODER_DELAY + DECODER_DELAY) / OUTPUT_RATE
            shifts.append(heard_at - placed.mix_start / self.rate)
            frames += piece.frames
        duration = frames * FRAME_SAMPLES / OUTPUT_RATE

        def at(seconds: float) -> float:
            index = max(0, bisect.bisect_right(mix_starts, round(seconds * self.rate)) - 1)
            return round(min(duration, seconds + shifts[index]), 6)

        entries = []
        for number, entry in enumerate(timeline.entries):
            cues = tuple(Cue(at(c.start), at(c.end), c.text, c.speaker) for c in entry.cues)
            start = 0.0 if number == 0 else at(entry.start)
            end = duration if number == len(timeline.entries) - 1 else at(entry.end)
            entries.append(TimelineEntry(entry.kind, entry.title, start, end, cues, entry.speaker))
        return Timeline(tuple(entries), duration)

    def abort(self) -> None:
        for placed in self._placed:
            placed.piece.cancel()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> "JoinedEncoder":
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is not None:
            self.abort()
            self.kept.close()
