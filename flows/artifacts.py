"""Run artifacts in the Prefect UI, under stable keys: a summary, the quarantine, the new facts, progress."""
from __future__ import annotations

from uuid import UUID

from prefect.artifacts import (create_markdown_artifact, create_progress_artifact, create_table_artifact,
                               update_progress_artifact)

from cds_facts.tasks.io.run_summary import RunRecord, fact_rows, quarantine_rows, summary_markdown


def artifact_keys(flow_name: str) -> dict[str, str]:
    return {part: f"{flow_name}-{part}" for part in ("summary", "quarantine", "new-facts", "progress")}


def start_progress(flow_name: str) -> UUID:
    return create_progress_artifact(0.0, key=artifact_keys(flow_name)["progress"], description="batches done")


def advance_progress(artifact_id: UUID, done: int, total: int) -> None:
    update_progress_artifact(artifact_id, 100.0 * done / max(total, 1))


def publish_run(record: RunRecord, seconds: float, status: str) -> None:
    """The run's summary, what it quarantined and a sample of the facts it loaded."""
    keys = artifact_keys(record.flow_name)
    create_markdown_artifact(summary_markdown(record, seconds, status), key=keys["summary"],
                             description=f"what this {record.flow_name} run did")
    create_table_artifact(quarantine_rows(record) or [{"input": "", "stage": "", "reason": "nothing quarantined"}],
                          key=keys["quarantine"], description="inputs that could not be processed, and why")
    create_table_artifact(fact_rows(record) or [{"fact": "no new facts"}], key=keys["new-facts"],
                          description="facts this run loaded (the first 200)")
