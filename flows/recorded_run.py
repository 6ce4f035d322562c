"""What both flows do around their batches: the run's row in the warehouse, its counts, its artifacts.

    with recorded_run("ingest", db, inputs) as record:
        ... load_and_record(db, outcome, record, number, total) per batch ...
    return record.result()

The run's row opens as 'running' (the cds command writes it before Prefect
starts and passes its id), counts each batch as the batch commits, and closes
'completed', or 'failed' with the error if the block raises (the error goes on
up). The artifacts (summary, quarantine, new facts, progress) are published
either way.
"""
from __future__ import annotations

import time
import uuid
from contextlib import contextmanager
from typing import Iterator

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from cds_facts.flows.artifacts import advance_progress, publish_run, start_progress
from cds_facts.flows.spool import unspool
from cds_facts.tasks.io import pipeline, store
from cds_facts.tasks.models import RunCounts
from cds_facts.tasks.io.run_summary import RunRecord


@contextmanager
def recorded_run(flow_name: str, db: str, inputs: str, run_id: str | None = None) -> Iterator[RunRecord]:
    """run_id: the row the cds command wrote for this run; without it the run writes its own."""
    started = time.monotonic()
    if run_id:
        record = RunRecord(flow_name, run_id=run_id)
        store.attach_run(db, run_id, flow_run.id)
    else:
        record = RunRecord(flow_name, run_id=str(flow_run.id or uuid.uuid4()))
        store.start_run(db, record.run_id, flow_run.id, flow_name, inputs)
    record.flow_run_id = str(flow_run.id) if flow_run.id else None
    record.progress_id = start_progress(flow_name)
    try:
        yield record
    except BaseException as exc:
        _end(record, db, started, exc)
        raise
    _end(record, db, started)


def _end(record: RunRecord, db: str, started: float, error: BaseException | None = None) -> None:
    """Close the run's row and publish its artifacts. A row that cannot be closed now (the file locked past
    the wait, or unwritable) is closed by the next run (store.close_dead_runs); a failed run's own error is
    the one that goes on up."""
    status = "failed" if error else "completed"
    try:
        why = f"{type(error).__name__}: {error}" if error else None
        store.finish_run(db, record.run_id, status, record.counts, why)
        if record.counts.contradict:
            record.contradictions = store.contradictions(db, record.run_id)
    except Exception as closing:
        if error is None:
            raise
        get_run_logger().error("could not mark run %s failed: %s", record.run_id, closing)
    finally:
        publish_run(record, time.monotonic() - started, status)


@task(name="load batch", cache_policy=NO_CACHE)
def load_batch(db: str, outcome: pipeline.BatchOutcome, run_id: str) -> RunCounts:
    """Write the batch: what it did, counted against the warehouse as it is (tasks/io/store.py), with the
    inputs it passed over (robots.txt) counted in the same transaction."""
    skipped = len(outcome.result.skipped)
    return store.write_batch(db, outcome.tables or unspool(outcome), run_id, RunCounts(seen=skipped, skipped=skipped))


def load_and_record(db: str, outcome: pipeline.BatchOutcome, record: RunRecord, name: str,
                    number: int, total: int) -> None:
    """Load one processed batch (a task of its own), count it into the run, advance the run's progress.

    The outcome goes quoted: Prefect would otherwise visit every element of a
    task's arguments looking for futures (seconds per batch for its facts).
    """
    counts = load_batch.with_options(task_run_name=name)(db, quote(outcome), record.run_id)
    record.add(counts, outcome.result.quarantined, outcome.result.facts, outcome.result.skipped)
    advance_progress(record.progress_id, number, total)
    get_run_logger().info("batch %d/%d: %s", number, total, counts)
