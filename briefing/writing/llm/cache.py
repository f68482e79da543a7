"""The model's replies, kept by what produced them: endpoint, model, prompt and sources.

A re-run, a second listener with the same story, or a cluster worker asks the model
nothing: the reply is in the take cache (a folder or a bucket, `voices.cache.TakeCache`),
beside the spoken takes, under `writer/KEY.json`. Only replies that parsed are kept.
"""

from __future__ import annotations

import hashlib
import json

REPLY_VERSION = 1


def reply_key(url: str, model: str, messages: list[dict], sources: list[str], schema: dict) -> str:
    blob = json.dumps({"v": REPLY_VERSION, "url": url.rstrip("/"), "model": model, "messages": messages,
                       "sources": sources, "schema": schema}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class ReplyCache:
    def __init__(self, takes=None):
        from ...voices.cache import TakeCache

        self.takes = takes if takes is not None else TakeCache()

    def get(self, key: str) -> dict | None:
        data = self.takes._read(f"writer/{key[:2]}/{key}.json")
        if data is None:
            return None
        try:
            value = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return None
        return value if isinstance(value, dict) else None

    def put(self, key: str, value: dict) -> None:
        data = json.dumps(value, ensure_ascii=False).encode("utf-8")
        self.takes._write(f"writer/{key[:2]}/{key}.json", data, "application/json")
