"""briefing: turn news articles into a podcast episode.

    from briefing import make_episode
    make_episode(["article.txt"], "episode.mp3")

The names below are imported on first use, so `import briefing` stays cheap.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["make_episode", "make_script", "render_script", "say", "EpisodeOptions", "read", "summarize", "speakable",
           "BriefingError", "load_script", "for_the_ear"]

_LAZY = {
    "make_episode": ("briefing.pipeline", "make_episode"),
    "make_script": ("briefing.pipeline", "make_script"),
    "render_script": ("briefing.pipeline", "render_script"),
    "say": ("briefing.pipeline", "say"),
    "EpisodeOptions": ("briefing.models", "EpisodeOptions"),
    "read": ("briefing.pipeline", "read"),
    "summarize": ("briefing.writing.summarize", "summarize"),
    "speakable": ("briefing.writing.speech", "speakable"),
    "BriefingError": ("briefing.errors", "BriefingError"),
    "load_script": ("briefing.writing.script_file", "load_script"),
    "for_the_ear": ("briefing.writing.ear", "for_the_ear"),
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'briefing' has no attribute {name!r}")
