"""hibari: a 6M-parameter voice distilled from Kokoro-82M, the default voice.

Only `heart` (American English, female, 24 kHz) ships inside the `hibari-tts` wheel; the
engine's other voices are downloaded from a model hub on first use, so briefing offers
`heart` alone and never touches the network. hibari has its own text-to-phoneme rules
(no espeak), reads `[word](/phonemes/)` markup for pronunciations, and is deterministic
when given a seed: the same sentence always makes the same take.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import VoiceError
from ..runtime import heavy_imports

DEFAULT_VOICE = "heart"
SAMPLE_RATE = 24000
SEED = 0  # fixes the noise component: a re-rendered sentence sounds exactly like its cached take
MIN_SPEED, MAX_SPEED = 0.5, 2.0  # the range hibari's duration model was trained for
# hibari leaves about 0.3 s of silence before a sentence and 0.5 s after it (Piper: 0.05 and 0.25);
# with the mix's own pause between sentences that made 1.1 s gaps, and a slow, halting read. Takes
# are cut to these margins around the speech, so both voices pause alike.
LEAD_MARGIN, TAIL_MARGIN = 0.05, 0.20
TRIM_VERSION = 1  # in the take's identity: cached takes from before a change are not reused

_LOADED: dict[str, Any] = {}
_LOAD_LOCK = threading.Lock()
# hibari's text-to-phoneme step (tokenizer, tagger, lexicon) is plain Python with shared state;
# one sentence at a time goes through it. The acoustic model runs outside the lock.
_G2P_LOCK = threading.Lock()


def bundled_voices() -> list[str]:
    """The voices inside the installed wheel, read from its registry without importing hibari
    (its import, numpy's FFT or scipy's included, takes half a second or more: a run served
    from the cache never needs it)."""
    import json

    package = _package_dir()
    if package is None:
        return []
    try:
        voices = json.loads((package / "assets" / "voices.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [name for name, info in voices.items() if info.get("bundled")]


def _check_voice(voice: str | None) -> str:
    name = (voice or DEFAULT_VOICE).strip().lower()
    if name in bundled_voices():
        return name
    offered = ", ".join(bundled_voices()) or "none (pip install hibari-tts)"
    raise VoiceError(f"unknown hibari voice {voice!r}: offline voices are {offered}")


def workers() -> int:
    """Sentences synthesized at once: each runs on one onnxruntime thread, so one per core."""
    from .piper import workers as piper_workers

    return piper_workers()  # same rule and the same BRIEFING_VOICE_WORKERS override


def _load(name: str):
    """Load once per process (imports and the ONNX session: about 0.8 s; the G2P tables 0.3 s more)."""
    with _LOAD_LOCK:
        if name not in _LOADED:
            try:
                with heavy_imports():
                    Hibari = _import_hibari().Hibari
            except ImportError:
                raise VoiceError("hibari-tts is not installed: pip install hibari-tts") from None
            try:
                from concurrent.futures import ThreadPoolExecutor

                # The ONNX session is built (mostly outside the GIL) while the G2P tables load here.
                with ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefing-voice-session") as pool:
                    session = pool.submit(Hibari, voice=name, threads=1)
                    g2p = _prepared_g2p(name)
                    tts = session.result()
                if g2p is not None:
                    tts._g2p = g2p  # what Hibari(g2p=...) keeps; under another name it parses its own
                tts.g2p  # noqa: B018 - the lexicon and tagger load now, not inside the first sentence
            except Exception as exc:  # a damaged install
                raise VoiceError(f"cannot load hibari voice {name}: {exc}") from None
            _LOADED[name] = tts
        return _LOADED[name]


def _import_hibari():
    """Import hibari with numpy's FFT rather than scipy's.

    hibari takes scipy.fft when it can import it; importing it costs 0.3 s (scipy's array-API
    layer pulls in numpy.testing and f2py), more than the whole synthesis of a briefing gains
    from it: measured on the seed script, 1.3-1.5 s of synthesis either way, takes within one
    16-bit step of each other. So scipy.fft is hidden while hibari is imported (unless something
    in this process already imported it) and put back at once; briefing itself never uses scipy.
    """
    import sys

    if "hibari" in sys.modules:
        return sys.modules["hibari"]
    hide = "scipy.fft" not in sys.modules
    if hide:
        sys.modules["scipy.fft"] = None  # an import of it now raises ImportError
    try:
        import hibari
    finally:
        if hide and "scipy.fft" in sys.modules and sys.modules["scipy.fft"] is None:
            del sys.modules["scipy.fft"]
    return hibari


def _prepared_g2p(name: str):
    """hibari's text-to-phoneme tables, from this machine's cache when they were parsed before.

    Parsing them (three gzipped JSON files, 2 MB) takes 0.45 s of pure Python on every run;
    the parsed objects, pickled once into the user's cache folder (beside, not inside, the
    take cache: they depend only on the installed hibari), load in 0.18 s. Keyed by hibari's
    version and the tables' sizes and times, so another release parses its own. Any trouble
    reading or writing the file only costs the parse. Returns None when hibari should parse.
    """
    import pickle

    from hibari.voices import VOICES

    british = bool(VOICES.get(name, {}).get("british"))
    path = _g2p_cache_path(british)
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 - absent, damaged or from another Python: parse again
        pass
    from hibari.g2p import G2P

    g2p = G2P(british=british)
    from ..storage.folder import keep_file

    keep_file(path, pickle.dumps(g2p, protocol=pickle.HIGHEST_PROTOCOL))
    return g2p


def _g2p_cache_path(british: bool) -> Path | None:
    import hashlib
    import sys

    from hibari.g2p import ASSETS
    from platformdirs import user_cache_dir

    accent = "gb" if british else "us"
    tables = [f"lexicon_{accent}_gold.json.gz", f"lexicon_{accent}_silver.json.gz", "tokenizer_exceptions.json",
              "tagger.json.gz"]
    try:
        stats = [(t, (st := (Path(ASSETS) / t).stat()).st_size, st.st_mtime_ns) for t in tables]
    except OSError:
        return None
    fingerprint = hashlib.sha256(repr((_version(), sys.version_info[:2], stats)).encode()).hexdigest()[:16]
    return Path(user_cache_dir("briefing")) / "models" / f"hibari-g2p-{accent}-{fingerprint}.pickle"


def preload(voice: str | None = None) -> threading.Thread | None:
    """Start loading the voice in the background while the article is read and written."""
    try:
        name = _check_voice(voice)
    except VoiceError:
        return None  # the real load reports it

    def load() -> None:
        try:
            _load(name)
        except VoiceError:
            pass  # reported again when the voice is used

    # Not a daemon: onnxruntime aborts if the interpreter shuts down under a session being built.
    thread = threading.Thread(target=load, name="briefing-voice-load", daemon=False)
    thread.start()
    return thread


def _version() -> str:
    """The installed hibari-tts version: another release may sound different, so takes are keyed by it.

    Read from the name of its dist-info folder beside the package: importing importlib.metadata
    to ask costs 50 ms on every run.
    """
    global _VERSION
    if _VERSION is None:
        _VERSION = _dist_info_version() or _metadata_version()
    return _VERSION


_VERSION: str | None = None


def _package_dir() -> Path | None:
    """Where the hibari package is installed, found without importing it; None when it is not."""
    from importlib.util import find_spec

    try:
        spec = find_spec("hibari")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _dist_info_version() -> str | None:
    package = _package_dir()
    if package is None:
        return None
    found = [p.name[len("hibari_tts-"):-len(".dist-info")] for p in package.parent.glob("hibari_tts-*.dist-info")]
    return found[0] if len(found) == 1 else None


def _metadata_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("hibari-tts")
    except PackageNotFoundError:
        return "unknown"


@dataclass
class HibariEngineVoice:
    name: str
    speed: float = 1.0
    engine: str = "hibari"
    language: str = "en"
    sample_rate: int = SAMPLE_RATE
    _tts: Any = field(default=None, repr=False)

    @classmethod
    def load(cls, voice: str | None = None, *, speed: float = 1.0, **_: Any) -> "HibariEngineVoice":
        if not MIN_SPEED <= speed <= MAX_SPEED:
            raise VoiceError(f"--speed {speed}: hibari speaks between {MIN_SPEED:g} and {MAX_SPEED:g}")
        return cls(name=_check_voice(voice), speed=speed)

    @property
    def concurrency(self) -> int:
        return workers()

    @property
    def words_per_minute(self) -> float:
        from . import WORDS_PER_MINUTE

        return WORDS_PER_MINUTE["hibari"] * self.speed

    def identity(self) -> dict:
        return {"engine": "hibari", "voice": self.name, "version": _version(),
                "speed": round(self.speed, 3), "seed": SEED, "trim": TRIM_VERSION}

    @staticmethod
    def phoneme_markup(word: str, phonemes: str) -> str:
        """How a pronunciation given as phonemes is written into the text hibari reads."""
        return f"[{word}](/{phonemes}/)"

    def synthesize(self, text: str) -> bytes:
        import numpy as np

        if self._tts is None:
            self._tts = _load(self.name)
        with _G2P_LOCK:
            chunks = self._tts.phonemize(text)
        rng = np.random.default_rng(SEED)
        parts = [self._tts.from_ids(self._tts.ids(phonemes), self.speed, rng) for phonemes in chunks]
        parts = [p for p in parts if p.size]
        if not parts:
            return b""
        audio = _trimmed(np.concatenate(parts), self.sample_rate)
        return (np.clip(audio, -1.0, 1.0) * 32767.0).astype("<i2").tobytes()


def _trimmed(audio, rate: int):
    """The take with at most LEAD_MARGIN of silence before its speech and TAIL_MARGIN after."""
    from ..audio.mix import speech_bounds

    first, last = speech_bounds(audio)
    return audio[max(0, first - int(LEAD_MARGIN * rate)):min(audio.size, last + int(TAIL_MARGIN * rate))]
