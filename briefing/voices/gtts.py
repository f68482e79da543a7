"""gTTS: Google Translate's voice, for users online. Many languages, needs the network.

Google rate-limits (HTTP 429) and fails now and then, so each request is retried
with exponential backoff and jitter (tenacity), honouring Retry-After. With no
network at all it fails in about a second with a message that says so.
`$BRIEFING_GTTS_URL` sends requests elsewhere (tests point it at a local server).
"""

from __future__ import annotations

import io
import os
import random
from dataclasses import dataclass
from typing import Any

from ..errors import NetworkError, VoiceError

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 20.0
MAX_ATTEMPTS = 5
MAX_CONNECT_ATTEMPTS = 2  # a machine with no network should hear so quickly
MAX_RETRY_AFTER = 30.0


class _Retryable(Exception):
    def __init__(self, message: str, *, connect: bool = False, retry_after: float | None = None):
        super().__init__(message)
        self.connect = connect
        self.retry_after = retry_after


def _retry_after(response) -> float | None:
    value = response.headers.get("Retry-After") if response is not None else None
    if value is None:
        return None
    try:
        return min(MAX_RETRY_AFTER, max(0.0, float(value)))
    except ValueError:
        from email.utils import parsedate_to_datetime
        from datetime import datetime, timezone

        try:
            when = parsedate_to_datetime(value)
            return min(MAX_RETRY_AFTER, max(0.0, (when - datetime.now(timezone.utc)).total_seconds()))
        except (TypeError, ValueError):
            return None


@dataclass
class GttsVoice:
    voice: str | None = None
    lang: str = "en"
    tld: str = "com"
    slow: bool = False
    engine: str = "gtts"
    sample_rate: int = 24000

    def __init__(self, voice: str | None = None, *, lang: str | None = None, tld: str | None = None,
                 speed: float = 1.0, **_: Any):
        from gtts.lang import tts_langs

        self.lang = (lang or voice or "en").lower()
        self.tld = tld or "com"
        self.slow = speed < 0.8
        self.engine = "gtts"
        self.sample_rate = 24000
        if self.lang not in tts_langs():
            raise VoiceError(f"gTTS has no language {self.lang!r}; `briefing voices` lists the engines")

    @property
    def name(self) -> str:
        return f"gtts-{self.lang}-{self.tld}"

    @property
    def language(self) -> str:
        return self.lang.split("-")[0]

    @property
    def words_per_minute(self) -> float:
        from . import WORDS_PER_MINUTE

        return WORDS_PER_MINUTE["gtts"] * (0.7 if self.slow else 1.0)

    def identity(self) -> dict:
        return {"engine": "gtts", "lang": self.lang, "tld": self.tld, "slow": self.slow}

    def _fetch_mp3(self, text: str) -> bytes:
        import requests
        from gtts import gTTS, gTTSError

        endpoint = os.environ.get("BRIEFING_GTTS_URL")

        class _Tts(gTTS):
            def _prepare_requests(self):
                prepared = super()._prepare_requests()
                if endpoint:
                    for request in prepared:
                        request.url = endpoint
                return prepared

        tts = _Tts(text, lang=self.lang, tld=self.tld, slow=self.slow, lang_check=False,
                   timeout=(CONNECT_TIMEOUT, READ_TIMEOUT))
        buffer = io.BytesIO()
        try:
            tts.write_to_fp(buffer)
        except gTTSError as exc:
            response = getattr(exc, "rsp", None)
            if response is None:
                raise _Retryable("cannot reach Google's TTS service (no network?)", connect=True) from None
            status = response.status_code
            if status == 429 or status >= 500:
                raise _Retryable(f"Google TTS answered HTTP {status}", retry_after=_retry_after(response)) from None
            raise NetworkError(f"Google TTS refused the request: HTTP {status}") from None
        except requests.RequestException as exc:
            raise _Retryable(f"Google TTS connection failed: {exc.__class__.__name__}", connect=True) from None
        data = buffer.getvalue()
        if len(data) < 64:
            raise _Retryable("Google TTS sent empty audio")
        return data

    def synthesize(self, text: str) -> bytes:
        import time

        attempt = 0
        while True:
            attempt += 1
            try:
                mp3 = self._fetch_mp3(text)
                return self._decode(mp3)
            except _Retryable as exc:
                limit = MAX_CONNECT_ATTEMPTS if exc.connect else MAX_ATTEMPTS
                if attempt >= limit:
                    raise NetworkError(f"gTTS: {exc} after {attempt} attempts; "
                                       "use an offline voice (--engine hibari or --engine piper)") from None
                delay = exc.retry_after
                if delay is None:
                    delay = min(20.0, 0.5 * 2 ** (attempt - 1)) * random.uniform(0.5, 1.0)
                time.sleep(delay)

    def _decode(self, mp3: bytes) -> bytes:
        """MP3 from Google to PCM; a truncated or corrupt answer is retried like a network fault."""
        from ..errors import BriefingError
        from ..audio.ffmpeg import decode_to_pcm

        try:
            pcm = decode_to_pcm(mp3, self.sample_rate, what="Google's audio")
        except BriefingError as exc:
            raise _Retryable(f"Google TTS sent audio that does not decode ({exc})") from None
        if len(pcm) < self.sample_rate // 10:  # under 50 ms: nothing was said
            raise _Retryable("Google TTS sent empty audio")
        return pcm
