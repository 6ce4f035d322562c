"""The schedules file: which deployments ``cds serve`` serves, on which cron schedules (TOML).

Read without Prefect, so a bad file is said in one line before a server is asked for anything.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cds_facts.tasks.settings import flows_file, read_toml

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


def read_schedules(path: str | Path | None = None) -> list[DeploymentSpec]:
    """The deployments of a schedules file: the shipped one (flows/schedules.toml) unless path."""
    path = path or flows_file("schedules.toml")
    data = read_toml(path, "schedules file", ScheduleError)
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
