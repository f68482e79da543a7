"""Running the show every day: a crontab line, or a systemd user service and timer.

No scheduler loop of our own: cron or systemd starts `briefing run` at the show's time.
The timer is `Persistent=true`, so a morning missed while the computer was off runs at boot.

    briefing schedule                # prints the crontab line
    briefing schedule --systemd      # writes briefing-<show>.service and .timer here
    briefing schedule --install      # ... into ~/.config/systemd/user/
"""

from __future__ import annotations

import re
import shlex
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import BriefingError

_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")


@dataclass(frozen=True)
class Units:
    name: str  # briefing-<show>
    service: str
    timer: str


def parse_time(schedule: str) -> tuple[int, int]:
    """"06:30" -> (6, 30); anything else is refused with one line."""
    match = _TIME.match((schedule or "").strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise BriefingError(f"schedule {schedule!r}: give a time of day such as \"06:30\" in the show file")
    return int(match.group(1)), int(match.group(2))


def briefing_command() -> list[str]:
    """The absolute command that runs this briefing (cron and systemd have no PATH of ours)."""
    beside = Path(sys.executable).with_name("briefing")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("briefing")
    return [str(Path(found).resolve())] if found else [sys.executable, "-m", "briefing"]


def run_command(show_file: Path) -> list[str]:
    return [*briefing_command(), "--quiet", "run", "--show", str(show_file.resolve())]


def crontab_line(show_file: Path, schedule: str) -> str:
    hour, minute = parse_time(schedule)
    return f"{minute} {hour} * * * {shlex.join(run_command(show_file))}"


def units(show_file: Path, show: str, schedule: str) -> Units:
    from ..publish.site import slug

    hour, minute = parse_time(schedule)
    name = f"briefing-{slug(show)}"
    command = " ".join(_systemd_quote(part) for part in run_command(show_file))
    service = (
        "[Unit]\n"
        f"Description=briefing: make and publish today's episode of {show}\n"
        "Wants=network-online.target\n"
        "After=network-online.target\n\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"WorkingDirectory={_systemd_quote(str(show_file.resolve().parent))}\n"
        f"ExecStart={command}\n"
    )
    timer = (
        "[Unit]\n"
        f"Description=briefing: {show} every day at {hour:02d}:{minute:02d}\n\n"
        "[Timer]\n"
        f"OnCalendar=*-*-* {hour:02d}:{minute:02d}:00\n"
        "Persistent=true\n"
        f"Unit={name}.service\n\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )
    return Units(name, service, timer)


def _systemd_quote(word: str) -> str:
    if re.fullmatch(r"[A-Za-z0-9_@%+=:,./-]+", word):
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def user_unit_dir() -> Path:
    return Path.home() / ".config" / "systemd" / "user"


def write_units(found: Units, folder: Path) -> tuple[Path, Path]:
    from ..audio.export import staged

    try:
        folder.mkdir(parents=True, exist_ok=True)
        paths = folder / f"{found.name}.service", folder / f"{found.name}.timer"
        for path, text in zip(paths, (found.service, found.timer)):
            with staged(path) as tmp:
                tmp.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise BriefingError(f"cannot write the units into {folder}: {exc.strerror or exc}") from None
    return paths
