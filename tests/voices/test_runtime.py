"""Two voice engines loading at once import numpy and onnxruntime one thread at a time: a two-host
`make` once failed in CI with numpy's "cannot load module more than once per process"."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytest.importorskip("hibari")
pytest.importorskip("piper")

PROBE = textwrap.dedent("""
    import sys, time
    from briefing.voices import hibari, piper
    from briefing.runtime import heavy_imports

    with heavy_imports():  # held here: neither loader may import its engine meanwhile
        loaders = [hibari.preload("heart"), piper.preload(None, imports_first=0)]
        time.sleep(0.5)
        print("while held:", "hibari" in sys.modules, "piper" in sys.modules, "onnxruntime" in sys.modules)
    for thread in loaders:
        thread.join()
    print("after:", hibari._LOADED.keys() == {"heart"}, len(piper._LOADED) == 1)
""")


def test_voice_loaders_wait_for_each_others_imports():
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "while held: False False False" in result.stdout, result.stdout
    assert "after: True True" in result.stdout, result.stdout
    assert "Traceback" not in result.stderr
