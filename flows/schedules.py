"""The schedules file: which deployments ``cds serve`` serves, on which cron schedules (TOML).

Read without Prefect, so a bad file is said in one line before a server is asked for anything.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

SCHEDULES_FILE = Path(__file__).resolve().parent / "schedules.toml"
DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
FLOW_NAMES = ("ingest", "fetch")


class ScheduleError(ValueError):
    """The schedules file cannot be used; the message says where and why."""


@dataclass(frozen=True)
class DeploymentSpec:
    name: str
    flow: str
    cron: str
    timezone: str
    parameters: dict = field(default_factory=dict)


def read_schedules(path: str | Path = SCHEDULES_FILE) -> list[DeploymentSpec]:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ScheduleError(f"cannot read schedules file {path}: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ScheduleError(f"{path} is not valid TOML: {exc}") from exc
    timezone = data.get("timezone", DEFAULT_TIMEZONE)
    specs = []
    for number, entry in enumerate(data.get("deployment", []), 1):
        missing = [key for key in ("name", "flow", "cron") if not isinstance(entry.get(key), str)]
        if missing:
            raise ScheduleError(f"{path}: [[deployment]] {number} needs {', '.join(missing)}")
        if entry["flow"] not in FLOW_NAMES:
            raise ScheduleError(f"{path}: [[deployment]] {entry['name']}: unknown flow {entry['flow']!r}; "
                                f"use one of {', '.join(FLOW_NAMES)}")
        if len(entry["cron"].split()) != 5:
            raise ScheduleError(f"{path}: [[deployment]] {entry['name']}: cron {entry['cron']!r} needs five fields"
                                " (minute hour day month weekday)")
        specs.append(DeploymentSpec(entry["name"], entry["flow"], entry["cron"], entry.get("timezone", timezone),
                                    dict(entry.get("parameters", {}))))
    if not specs:
        raise ScheduleError(f"{path}: no [[deployment]] entries")
    return specs
