"""An OpenAI-compatible chat endpoint: `GET /models` and `POST /chat/completions`.

Ollama, llama.cpp's server, vLLM, LM Studio, OpenAI and OpenRouter all speak it. A call has
one deadline for everything it does (connecting, waiting, reading, retrying); what fails
for a while (the endpoint down, 429, 5xx, a timeout) is tried again a bounded number of
times with exponential backoff, honouring the server's Retry-After; what will not get better
by asking again (401, 404, a bad request) fails at once. Every failure is a `WriterFault`
whose message says why in a few words.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass

DEFAULT_DEADLINE = 180.0  # seconds for one call, retries included ($BRIEFING_WRITER_DEADLINE)
ATTEMPTS = 3
MAX_BODY = 4 * 1024 * 1024


class WriterFault(Exception):
    """The model could not be used for this call; the message says why."""


class Unreachable(WriterFault):
    """Nobody answers at the endpoint's address: the next story need not try again."""


class _FormatRefused(WriterFault):
    """The endpoint does not take `response_format` of type json_schema (llama-cpp-python's server
    takes the schema as `{"type": "json_object", "schema": ...}` instead)."""


class _Retry(WriterFault):
    """A failure worth another attempt; `after` is the server's Retry-After, in seconds."""

    def __init__(self, message: str, after: float | None = None, *, unreachable: bool = False):
        super().__init__(message)
        self.after = after
        self.unreachable = unreachable


@dataclass(frozen=True)
class Reply:
    """One answer of the model: its text, why it stopped, and what it cost in tokens."""

    content: str
    finish_reason: str | None
    tokens_in: int = 0
    tokens_out: int = 0
    refusal: str | None = None


def deadline_seconds() -> float:
    try:
        return float(os.environ.get("BRIEFING_WRITER_DEADLINE", DEFAULT_DEADLINE))
    except ValueError:
        return DEFAULT_DEADLINE


class ChatClient:
    """One endpoint (its base URL, as `http://localhost:11434/v1`), one key, one model."""

    def __init__(self, url: str, model: str | None = None, key: str | None = None, *,
                 deadline: float | None = None, attempts: int = ATTEMPTS):
        self.url = url.rstrip("/")
        self.key = key
        self._model = model
        self.deadline = deadline if deadline is not None else deadline_seconds()
        self.attempts = attempts
        self.calls = 0  # requests that reached the model (chat completions sent)
        self.schema_style = "json_schema"  # how this endpoint takes a schema: "json_schema" or "json_object"

    @property
    def model(self) -> str:
        """The model asked for, else the first the endpoint lists."""
        if self._model is None:
            listed = self.models()
            if not listed:
                raise WriterFault(f"{self.url} lists no models")
            self._model = listed[0]
        return self._model

    def models(self) -> list[str]:
        data = self._call("GET", "/models", None)
        try:
            return [m["id"] for m in data["data"] if isinstance(m.get("id"), str)]
        except (KeyError, TypeError):
            raise WriterFault(f"{self.url}/models: not a model list") from None

    def chat(self, messages: list[dict], *, schema: dict | None = None, max_tokens: int = 1500,
             temperature: float = 0.4, seed: int = 7) -> Reply:
        """One chat completion; with `schema`, the reply is asked to be JSON of that schema."""
        body: dict = {"model": self.model, "messages": messages, "max_tokens": max_tokens,
                      "temperature": temperature, "seed": seed, "stream": False}
        if schema is not None:
            body["response_format"] = self._response_format(schema)
        self.calls += 1
        try:
            data = self._call("POST", "/chat/completions", body)
        except _FormatRefused:
            if self.schema_style != "json_schema":
                raise
            # llama-cpp-python's server: the same schema, in its own form; remembered for the next calls
            self.schema_style = "json_object"
            body["response_format"] = self._response_format(schema)
            data = self._call("POST", "/chat/completions", body)
        try:
            choice = data["choices"][0]
            message = choice.get("message") or {}
            usage = data.get("usage") or {}
            return Reply(content=message.get("content") or "", finish_reason=choice.get("finish_reason"),
                         tokens_in=int(usage.get("prompt_tokens") or 0),
                         tokens_out=int(usage.get("completion_tokens") or 0),
                         refusal=message.get("refusal") or None)
        except (KeyError, IndexError, TypeError, ValueError):
            raise WriterFault("the endpoint's answer is not a chat completion") from None

    def _response_format(self, schema: dict) -> dict:
        if self.schema_style == "json_object":
            return {"type": "json_object", "schema": schema}
        return {"type": "json_schema", "json_schema": {"name": "turns", "strict": True, "schema": schema}}

    def _call(self, method: str, path: str, body: dict | None) -> dict:
        from tenacity import RetryError, Retrying, retry_if_exception_type, stop_after_attempt

        end = time.monotonic() + self.deadline

        def wait(state) -> float:
            error = state.outcome.exception()
            backoff = min(8.0, 0.5 * 2 ** (state.attempt_number - 1))
            pause = error.after if isinstance(error, _Retry) and error.after is not None else backoff
            if time.monotonic() + pause >= end:
                raise WriterFault(f"{error}; no time left within the {self.deadline:g} s deadline to try again")
            return pause

        try:
            for attempt in Retrying(stop=stop_after_attempt(self.attempts), wait=wait, reraise=True,
                                    retry=retry_if_exception_type(_Retry)):
                with attempt:
                    return self._once(method, path, body, end)
        except _Retry as exc:
            raise (Unreachable if exc.unreachable else WriterFault)(f"{exc} ({self.attempts} tries)") from None
        except RetryError as exc:  # pragma: no cover - reraise=True hands back the last error
            raise WriterFault(str(exc)) from None
        raise WriterFault("no answer")  # pragma: no cover

    def _once(self, method: str, path: str, body: dict | None, end: float) -> dict:
        import requests

        left = end - time.monotonic()
        if left <= 0:
            raise WriterFault(f"no answer within the {self.deadline:g} s deadline")
        headers = {"Accept": "application/json"}
        if self.key:
            headers["Authorization"] = f"Bearer {self.key}"
        try:
            with requests.request(method, self.url + path, json=body, headers=headers, stream=True,
                                  timeout=(min(10.0, left), left), allow_redirects=False) as response:
                data = bytearray()
                for chunk in response.iter_content(65536):
                    data += chunk
                    if len(data) > MAX_BODY:
                        raise WriterFault("the answer is larger than 4 MB")
                    if time.monotonic() > end:
                        raise WriterFault(f"no answer within the {self.deadline:g} s deadline")
                status = response.status_code
                retry_after = response.headers.get("Retry-After")
        except requests.exceptions.ConnectionError as exc:
            if "timed out" in str(exc).lower() or "timeout" in type(exc).__name__.lower():
                raise WriterFault(f"no answer within the {self.deadline:g} s deadline") from None
            raise _Retry(f"cannot connect to {self.url}", unreachable=True) from None
        except requests.exceptions.Timeout:
            if time.monotonic() >= end - 0.05:
                raise WriterFault(f"no answer within the {self.deadline:g} s deadline") from None
            raise _Retry(f"{self.url} did not answer in time") from None
        except requests.exceptions.RequestException as exc:
            raise WriterFault(f"{self.url}: {exc.__class__.__name__}") from None
        if status in (400, 422, 500) and body and "response_format" in body and b"response_format" in data \
                and b"json_schema" in data:
            raise _FormatRefused(f"{self.url}{path} does not take a json_schema response_format")
        if status == 429 or status == 408 or status >= 500:
            raise _Retry(f"{self.url}{path} answered {status}", _retry_after(retry_after))
        if status >= 300:
            raise WriterFault(f"{self.url}{path} answered {status}{_detail(bytes(data))}")
        try:
            parsed = json.loads(bytes(data).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise WriterFault(f"{self.url}{path} answered something that is not JSON") from None
        if not isinstance(parsed, dict):
            raise WriterFault(f"{self.url}{path} answered something that is not a JSON object")
        return parsed


def _retry_after(value: str | None) -> float | None:
    """Retry-After in seconds: a number of seconds, or an HTTP date."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _detail(data: bytes) -> str:
    try:
        error = json.loads(data.decode("utf-8")).get("error")
        message = error.get("message") if isinstance(error, dict) else error
        return f": {str(message)[:120]}" if message else ""
    except Exception:  # noqa: BLE001 - the status alone says enough
        return ""
