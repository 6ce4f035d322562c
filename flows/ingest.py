"""The ingest flow: files and folders of .txt/.html -> the DuckDB warehouse.

discover -> prepare the warehouse -> set aside the files it holds unchanged
and those repeating an earlier file's bytes (a hash each) -> for each batch
of the rest: read, clean, extract (one task, on the task runner's workers;
its tables wait in the run's spool folder) and load (one task, one
transaction, in the flow: one writer) -> record the run, and publish its
artifacts (summary, quarantine, new facts, progress).
"""
from __future__ import annotations

import time
import uuid
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote
from rich.progress import Progress

from flows.artifacts import advance_progress, end_run, start_progress
from flows.runners import make_task_runner, on_core_pool, release_core_workers
from flows.spool import process_into, spool_folder, unspool
from tasks import load, pipeline, sources
from tasks.indicators import Catalogue
from tasks.models import WarehouseState
from tasks.run_summary import RunRecord

BATCH_SIZE = 200
WINDOW = 8  # batches cleaned and extracted ahead of the loader
COUNT_KEYS = ("seen", "new", "changed", "unchanged", "failed", "skipped", "facts")


@task(name="prepare warehouse", cache_policy=NO_CACHE)
def prepare_warehouse(db: str) -> WarehouseState:
    return load.prepare(db)


@task(name="set aside unchanged and repeated files", cache_policy=NO_CACHE)
def set_aside_known_content(files: list[Path], state: WarehouseState,
                            fingerprint: str) -> tuple[dict[Path, str | None], WarehouseState]:
    """The files to process, each with its content's doc_id (None: unreadable, for its batch to quarantine),
    and the state their batches are decided against (pipeline.plan_run)."""
    return pipeline.plan_run(pipeline.content_ids(files), state, fingerprint)


@task(name="process batch", cache_policy=NO_CACHE)
def process_batch(paths: list[Path], state: WarehouseState, fingerprint: str, run_id: str,
                  spool_to: Path, offload: bool = True) -> pipeline.BatchOutcome:
    """Read, clean and extract a batch, and leave the tables its load writes in the run's spool: on the
    task runner's core pool if it has one and ``offload``, else where the task runs."""
    arguments = (spool_to, paths, state, fingerprint, run_id)
    return on_core_pool(process_into, *arguments) if offload else process_into(*arguments)


@task(name="load batch", cache_policy=NO_CACHE)
def load_batch(db: str, outcome: pipeline.BatchOutcome) -> int:
    """Write the batch; how many consistency checks its facts fail."""
    return load.write_batch(db, unspool(outcome))


def load_and_record(db: str, outcome: pipeline.BatchOutcome, record: RunRecord,
                    number: int, total: int, progress_id) -> None:
    """Load one processed batch (a task of its own), count it into the run, advance the run's progress.

    The outcome goes quoted: Prefect would otherwise visit every element of a
    task's arguments looking for futures (seconds per batch for its facts).
    """
    failed_checks = load_batch.with_options(
        task_run_name=f"load batch {number}/{total} ({outcome.counts['facts']} facts)")(db, quote(outcome))
    record.add(outcome.counts, outcome.result.quarantined, outcome.result.facts, failed_checks,
               outcome.result.skipped)
    advance_progress(progress_id, number, total)
    get_run_logger().info("batch %d/%d: %s", number, total, outcome.counts)


@flow(name="ingest", log_prints=False, task_runner=make_task_runner())
def ingest(paths: list[str], db: str = load.DEFAULT_DB, batch_size: int = BATCH_SIZE,
           show_progress: bool = False) -> dict[str, int | str]:
    """Ingest files and folders into the warehouse at db; returns the run's counts, how many of its facts fail
    a consistency check, and its run id."""
    started = time.monotonic()
    found = sources.discover(paths)
    files = found.files
    state = prepare_warehouse(db)
    fingerprint = Catalogue(state.catalogue_rows).fingerprint
    run_id = str(flow_run.id or uuid.uuid4())
    load.start_run(db, run_id, flow_run.id, "ingest", " ".join(str(p) for p in paths))
    record = RunRecord("ingest", dict.fromkeys(COUNT_KEYS, 0))
    to_process, state = set_aside_known_content(files, quote(state), fingerprint)
    passed_over = [sources.skipped_for_type(path) for path in found.unsupported]
    record.add({"seen": len(files) - len(to_process) + len(passed_over), "unchanged": len(files) - len(to_process),
                "skipped": len(passed_over)}, [], [], skipped=passed_over)
    files_to_process = list(to_process)
    batches = [files_to_process[i:i + batch_size] for i in range(0, len(files_to_process), batch_size)]
    progress_id = start_progress("ingest")
    try:
        with (load.held(db), spool_folder(db) as spool_to,
              Progress(disable=not show_progress or len(batches) < 2, transient=True) as progress):
            bar = progress.add_task("ingesting", total=len(to_process))
            # Batches are cleaned and extracted ahead, as many at once as the task runner allows (a window
            # bounds memory); each is loaded in order, here, by the one writer. A lone batch runs here too:
            # starting worker processes would cost more than it saves.
            pending: list = []
            for number in range(1, len(batches) + 1):
                while len(pending) < WINDOW and number + len(pending) <= len(batches):
                    ahead = number + len(pending)
                    batch = batches[ahead - 1]
                    batch_task = process_batch.with_options(task_run_name=f"clean and extract batch "
                                                            f"{ahead}/{len(batches)} ({len(batch)} files)")
                    # Each batch gets only the state about its own files: Prefect visits a task's arguments
                    # and the pool pickles them, and the whole state grows with the warehouse (2.5 s a batch
                    # to visit at 100 000 documents). Unquoted: Dask would keep quote().
                    batch_state = state.about([to_process[p] for p in batch if to_process[p]], [str(p) for p in batch])
                    arguments = (batch, batch_state, fingerprint, run_id, spool_to)
                    pending.append(batch_task.submit(*arguments) if len(batches) > 1
                                   else batch_task(*arguments, offload=False))
                done = pending.pop(0)
                load_and_record(db, done if isinstance(done, pipeline.BatchOutcome) else done.result(),
                                record, number, len(batches), progress_id)
                progress.advance(bar, len(batches[number - 1]))
        release_core_workers()  # their memory goes back as soon as the last batch is loaded
    except BaseException as exc:
        end_run(record, db, run_id, started, exc)
        raise
    end_run(record, db, run_id, started)
    return record.result(run_id)
