"""The ingest flow: files and folders of .txt/.html -> the DuckDB warehouse.

discover (files of other types are counted skipped) -> prepare the
warehouse -> hash every file and plan the run: files whose content the
warehouse holds as it is only renew their claim on it; the rest go in
batches (files of one content together) -> for each batch: read, clean,
extract (one task, on the task runner's workers; its tables wait in the run's
spool folder) and load (one task, one transaction, in the flow: one writer)
-> record the run, and publish its artifacts (flows/recorded_run.py).
"""
from __future__ import annotations

from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote
from rich.progress import Progress

from cds_facts.flows.recorded_run import load_and_record, recorded_run
from cds_facts.flows.runners import make_task_runner, on_core_pool, release_core_workers
from cds_facts.flows.spool import process_into, spool_folder
from cds_facts.tasks import settings
from cds_facts.tasks.io import files, pipeline, store
from cds_facts.tasks.meaning.indicators import Catalogue
from cds_facts.tasks.models import Article, BatchResult, RunCounts, WarehouseState

BATCH_SIZE = 200
WINDOW = 8  # batches cleaned and extracted ahead of the loader


@task(name="prepare warehouse", cache_policy=NO_CACHE)
def prepare_warehouse(db: str) -> WarehouseState:
    return store.prepare(db)


@task(name="plan the run", cache_policy=NO_CACHE)
def plan_files(files: list[Path], state: WarehouseState,
               fingerprint: str) -> tuple[dict[Path, str | None], pipeline.RunPlan]:
    """Each file's content id (None: unreadable, for its batch to quarantine), and the run's plan."""
    ids = pipeline.content_ids(files)
    return ids, pipeline.plan_run(ids, state, fingerprint)


@task(name="set aside what the catalogue's change cannot reach", cache_policy=NO_CACHE)
def set_aside_unreached(db: str, plan: pipeline.RunPlan, ids: dict[Path, str | None],
                        state: WarehouseState) -> pipeline.RunPlan:
    """The plan with the files held instead of processed whose documents, read by these rules under another
    catalogue the warehouse kept, the change to this one cannot reach: their texts are read from the
    warehouse about a batch at a time (pipeline.unreached)."""
    earlier = pipeline.earlier_readings(pipeline.held_cleaned(plan.to_process, ids, state), state)
    catalogue, kept = Catalogue(state.catalogue_rows), {}
    for texts in store.held_texts(db, sorted(earlier.read_under), BATCH_SIZE):
        kept.update(pipeline.unreached(texts, earlier, catalogue))
    return pipeline.set_aside(plan, ids, kept)


@task(name="process batch", cache_policy=NO_CACHE)
def process_batch(paths: list[Path], catalogue_rows: list[dict[str, str]], fingerprint: str, run_id: str,
                  spool_to: Path, cleaned: dict[str, Article], offload: bool = True) -> pipeline.BatchOutcome:
    """Read, clean and extract a batch (cleaned: its held articles, extracted without cleaning their files
    again), and leave the tables its load writes in the run's spool: on the task runner's core pool if it
    has one and ``offload``, else where the task runs."""
    arguments = (spool_to, paths, catalogue_rows, fingerprint, run_id, cleaned)
    return on_core_pool(process_into, *arguments) if offload else process_into(*arguments)


@flow(name="ingest", log_prints=False, task_runner=make_task_runner())
def ingest(paths: list[str], db: str | None = None, batch_size: int = BATCH_SIZE,
           show_progress: bool = False, run_id: str | None = None) -> dict[str, int | str]:
    """Ingest files and folders into the warehouse at db (default: CDS_DB, else warehouse/cds.duckdb).
    Returns the run's counts (how many of its facts fail a consistency check among them) and its run id.
    run_id: the runs row the cds command wrote before Prefect started (store.start_run), if any."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be 1 or more, not {batch_size}")
    db = str(db or settings.warehouse_path())
    found = files.discover(paths)
    state = prepare_warehouse(db)
    fingerprint = Catalogue(state.catalogue_rows).fingerprint
    with recorded_run("ingest", db, files.inputs_text(paths), run_id) as record:
        if found.unsupported:
            record.skip([files.skipped_for_type(path) for path in found.unsupported])
            store.record_run_counts(db, record.run_id, RunCounts(seen=len(found.unsupported),
                                                                 skipped=len(found.unsupported)))
        ids, plan = plan_files(found.files, quote(state), fingerprint)
        with store.held(db):
            if state.catalogues:  # documents held under another catalogue, which the warehouse kept
                plan = set_aside_unreached(db, quote(plan), quote(ids), quote(state))
            batches = pipeline.batches(plan.to_process, ids, batch_size)
            with (spool_folder(db) as spool_to,
                  Progress(disable=not show_progress or len(batches) < 2, transient=True) as progress):
                if plan.held:  # their claims first: a batch's load removes what no source claims
                    held = pipeline.ready_to_load(pipeline.BatchOutcome(BatchResult(inputs=plan.held, kept=plan.kept)),
                                                  fingerprint, record.run_id)
                    load_and_record(db, held, record, f"renew {len(plan.held)} held files' claims", 0, len(batches))
                bar = progress.add_task("ingesting", total=len(plan.to_process))
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
                        # A batch needs only the catalogue, not the warehouse's state: Prefect visits a task's
                        # arguments and the pool pickles them, and the state grows with the warehouse.
                        # The articles the warehouse holds as these cleaning rules made them are read here, by
                        # the one connection the loads use, and go to the batch instead of cleaning again. Not
                        # wrapped in quote(): on Dask a quoted argument reaches the task as a bare tuple.
                        cleaned = store.cleaned_articles(db, pipeline.held_cleaned(batch, ids, state))
                        arguments = (batch, state.catalogue_rows, fingerprint, record.run_id, spool_to, cleaned)
                        pending.append(batch_task.submit(*arguments) if len(batches) > 1
                                       else batch_task(*arguments, offload=False))
                    done = pending.pop(0)
                    outcome = done if isinstance(done, pipeline.BatchOutcome) else done.result()
                    load_and_record(db, outcome, record, f"load batch {number}/{len(batches)}", number, len(batches))
                    progress.advance(bar, len(batches[number - 1]))
        release_core_workers()  # their memory goes back as soon as the last batch is loaded
    return record.result()
