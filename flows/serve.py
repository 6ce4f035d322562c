"""Deployments of the ingest and fetch flows on cron schedules, read from a TOML file, served by Prefect."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from prefect.deployments.runner import RunnerDeployment
from prefect.schedules import Cron

from flows.fetch import fetch
from flows.ingest import ingest

SCHEDULES_FILE = Path(__file__).resolve().parent / "schedules.toml"
DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
FLOWS = {"ingest": ingest, "fetch": fetch}


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
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ScheduleError(f"cannot read schedules file {path}: {exc}") from exc
    timezone = data.get("timezone", DEFAULT_TIMEZONE)
    specs = []
    for number, entry in enumerate(data.get("deployment", []), 1):
        missing = [key for key in ("name", "flow", "cron") if not isinstance(entry.get(key), str)]
        if missing:
            raise ScheduleError(f"{path}: [[deployment]] {number} needs {', '.join(missing)}")
        if entry["flow"] not in FLOWS:
            raise ScheduleError(f"{path}: [[deployment]] {entry['name']}: unknown flow {entry['flow']!r}; "
                                f"use one of {', '.join(FLOWS)}")
        specs.append(DeploymentSpec(entry["name"], entry["flow"], entry["cron"], entry.get("timezone", timezone),
                                    dict(entry.get("parameters", {}))))
    if not specs:
        raise ScheduleError(f"{path}: no [[deployment]] entries")
    return specs


def build_deployments(specs: list[DeploymentSpec]) -> list[RunnerDeployment]:
    return [FLOWS[spec.flow].to_deployment(name=spec.name, schedules=[Cron(spec.cron, timezone=spec.timezone)],
                                           parameters=spec.parameters, tags=["cds-facts"])
            for spec in specs]
