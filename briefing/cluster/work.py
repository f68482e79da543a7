"""What a show's run is made of, whichever executor runs it: a plan, its segments, its episodes.

The cluster's tasks call only these, and these call only the stage functions a local run
(`show.run.run_show`) calls: `plan_run` (fetch, choose, write one script per episode, or per
listener), `produce_episode` (render from the take cache, publish by key, mark covered).
Nothing here orchestrates.
"""

from __future__ import annotations

from datetime import date as Date
from pathlib import Path
from typing import Any

from ..errors import BriefingError
from ..models import EpisodeOptions, RunPlan, Script


def plan(show_file: str, day: Date) -> dict[str, Any]:
    """The run's plan as plain data (a worker elsewhere receives it)."""
    from ..show.run import plan_run

    return plan_run(show_file, day).to_dict()


def scripts(planned: dict[str, Any]) -> tuple[list[Script], EpisodeOptions]:
    run = RunPlan.from_dict(planned)
    return [episode.script for episode in run.episodes], run.options


def episode_count(planned: dict[str, Any]) -> int:
    return len(planned["episodes"])


def produce(planned: dict[str, Any], index: int) -> str:
    """Render and publish one episode; its feed's URL. Publishing twice is a no-op (by key)."""
    from ..show.run import produce_episode

    return produce_episode(RunPlan.from_dict(planned), index)


def _show_data(show_file: str | Path) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(Path(show_file).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BriefingError(f"{show_file}: not a valid show file ({exc})") from None


def schedule_of(show_file: str | Path) -> tuple[int, int] | None:
    """The show's daily `schedule = "HH:MM"` as (hour, minute), or None."""
    value = _show_data(show_file).get("show", {}).get("schedule")
    if not value:
        return None
    try:
        hour, minute = (int(part) for part in str(value).split(":"))
        if not (0 <= hour < 24 and 0 <= minute < 60):
            raise ValueError
    except ValueError:
        raise BriefingError(f"{show_file}: schedule {value!r}: give a time of day, HH:MM") from None
    return hour, minute


def cluster_settings(show_file: str | Path) -> dict[str, Any]:
    """The show file's `[cluster]` table (broker, cache)."""
    table = _show_data(show_file).get("cluster", {})
    return table if isinstance(table, dict) else {}
