"""The shape of the model's reply: turns of {speaker, text, sources}, checked with jsonschema.

`sources` are the ids of the numbered source sentences a turn draws on. The same schema is
sent as `response_format` (servers that honour it constrain the model's sampling to it) and
checked on the reply (servers that ignore it are caught here).
"""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Turn:
    speaker: str
    text: str
    sources: tuple[int, ...]


class BadReply(Exception):
    """The reply is not the JSON asked for; the message says how, for the repair request."""


def turns_schema(speakers: list[str], max_turns: int = 40) -> dict:
    return {
        "type": "object",
        "properties": {
            "turns": {
                "type": "array", "minItems": 1, "maxItems": max_turns,
                "items": {
                    "type": "object",
                    "properties": {
                        "speaker": {"type": "string", "enum": list(speakers)},
                        "text": {"type": "string", "minLength": 1},
                        "sources": {"type": "array", "items": {"type": "integer"}},
                    },
                    "required": ["speaker", "text", "sources"],
                    "additionalProperties": False,
                },
            },
        },
        "required": ["turns"],
        "additionalProperties": False,
    }


def parse_turns(content: str, schema: dict) -> list[Turn]:
    """The reply's turns, or BadReply saying what is wrong with it."""
    from jsonschema import Draft202012Validator

    text = (content or "").strip()
    if not text:
        raise BadReply("the reply was empty")
    if text.startswith("```"):  # a model that wraps its JSON in a Markdown fence
        text = text.strip("`").removeprefix("json").strip()
    try:
        data = json.loads(text, strict=False)  # a raw tab or line break inside a string is still JSON enough
    except json.JSONDecodeError as exc:
        raise BadReply(f"the reply is not valid JSON ({exc.msg} at character {exc.pos})") from None
    errors = sorted(Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        error = errors[0]
        where = "/".join(str(p) for p in error.absolute_path) or "the reply"
        raise BadReply(f"{where}: {error.message[:160]}")
    turns = [Turn(t["speaker"], " ".join(t["text"].split()), tuple(dict.fromkeys(t["sources"])))
             for t in data["turns"]]
    turns = [t for t in turns if any(ch.isalnum() for ch in t.text)]
    if not turns:
        raise BadReply("the reply has no turn with words in it")
    return turns
