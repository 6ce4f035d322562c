"""Deployments of the ingest and fetch flows on the schedules file's cron schedules, served by Prefect."""
from __future__ import annotations

from prefect.deployments.runner import RunnerDeployment
from prefect.schedules import Cron

from cds_facts.flows.fetch import fetch
from cds_facts.flows.ingest import ingest
from cds_facts.flows.schedules import DeploymentSpec

FLOWS = {"ingest": ingest, "fetch": fetch}


def build_deployments(specs: list[DeploymentSpec]) -> list[RunnerDeployment]:
    return [FLOWS[spec.flow].to_deployment(name=spec.name, schedules=[Cron(spec.cron, timezone=spec.timezone)],
                                           parameters=spec.parameters, tags=["cds-facts"])
            for spec in specs]
