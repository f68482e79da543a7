"""An OpenAI-compatible endpoint that misbehaves on purpose, for the faults a real model cannot be
made to show on demand (500, 429, a hang, malformed JSON, a refusal, a reply cut off, invented facts).

`FakeEndpoint(replies)` serves on a free 127.0.0.1 port; each POST /chat/completions takes the next
of `replies` (the last one repeats): a dict (the assistant's JSON content as a value), a str (the
content as given), or one of the faults ("500", "429", "hang", "garbage", "refusal", "length",
"empty"). `calls` counts the chat requests that arrived.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeEndpoint:
    def __init__(self, replies, *, model: str = "fake-model", retry_after: str = "0"):
        self.replies = list(replies)
        self.model = model
        self.retry_after = retry_after
        self.calls = 0
        self.requests: list[dict] = []
        self.headers: list[dict] = []
        self._hang = threading.Event()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, status: int, body: bytes, headers: dict | None = None):
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                if self.path.rstrip("/").endswith("/models"):
                    self._send(200, json.dumps({"object": "list", "data": [{"id": fake.model}]}).encode())
                else:
                    self._send(404, b"{}")

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                fake.requests.append(body)
                fake.headers.append(dict(self.headers))
                reply = fake.replies[min(fake.calls, len(fake.replies) - 1)]
                fake.calls += 1
                if reply == "500":
                    return self._send(500, b'{"error": {"message": "model crashed"}}')
                if reply == "429":
                    return self._send(429, b'{"error": "slow down"}', {"Retry-After": fake.retry_after})
                if reply == "hang":
                    fake._hang.wait(30)
                    return
                if reply == "garbage":
                    return self._send(200, b'{"choices": [{"message": {"content": "{\\"turns\\": [{\\"spea'
                                           b'"}, "finish_reason": "stop"}]}')
                message: dict = {"role": "assistant", "content": ""}
                finish = "stop"
                if reply == "refusal":
                    message["refusal"] = "I can't help with that."
                elif reply == "length":
                    message["content"] = '{"turns": [{"speaker": "Hannah", "text": "Rebels took'
                    finish = "length"
                elif reply == "empty":
                    pass
                elif isinstance(reply, str):
                    message["content"] = reply
                else:
                    message["content"] = json.dumps(reply)
                self._send(200, json.dumps({
                    "id": "x", "object": "chat.completion", "model": fake.model,
                    "choices": [{"index": 0, "message": message, "finish_reason": finish}],
                    "usage": {"prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150}}).encode())

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "FakeEndpoint":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._hang.set()
        self.server.shutdown()
        self.server.server_close()


def closed_port_url() -> str:
    """The URL of an endpoint nobody listens on."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


def wait_for(predicate, timeout: float = 10.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False
