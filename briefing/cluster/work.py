"""What a show's run is made of, whichever executor runs it: a plan, its segments, its episodes.

The cluster's tasks call only these, and these call only the stage functions a local run
calls: nothing here orchestrates. A show with `[[listener]]` tables makes personal briefings
(`show.personal`, `show.briefings`).
"""

from __future__ import annotations

from datetime import date as Date
from pathlib import Path
from typing import Any

from ..errors import BriefingError
from ..models import EpisodeOptions, Script


def plan(show_file: str, day: Date) -> dict[str, Any]:
    """The run's plan as plain data (a worker elsewhere receives it)."""
    from ..show.personal import load_listeners, plan_personal

    if load_listeners(show_file):
        return {"kind": "personal", "plan": plan_personal(show_file, day).to_dict()}
    raise BriefingError(f"{show_file}: no [[listener]] tables (a show's single episode is made by `briefing run`)")


def _personal(planned: dict[str, Any]):
    from ..show.personal import PersonalPlan

    return PersonalPlan.from_dict(planned["plan"])


def scripts(planned: dict[str, Any]) -> tuple[list[Script], EpisodeOptions]:
    personal = _personal(planned)
    return personal.scripts(), personal.options


def episode_count(planned: dict[str, Any]) -> int:
    return len(planned["plan"]["episodes"])


def produce(planned: dict[str, Any], index: int) -> dict[str, Any]:
    from ..show.briefings import produce_personal

    produced = produce_personal(_personal(planned), index)
    return {"listener": produced.listener, "feed": produced.feed, "key": produced.episode_key,
            "duration": produced.duration}


def schedule_of(show_file: str | Path) -> tuple[int, int] | None:
    """The show's daily `schedule = "HH:MM"` as (hour, minute), or None."""
    from ..show.personal import _show_data

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
    from ..show.personal import _show_data

    table = _show_data(show_file).get("cluster", {})
    return table if isinstance(table, dict) else {}
