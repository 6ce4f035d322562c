"""A batch's tables go from the worker that made them to the writer through a file, not as a task's result.

Prefect keeps every task's return value in memory until its flow run ends
(to track which results feed which tasks), so tables returned through it made
a run's memory grow with its corpus: 430 MB more in the flow's process at
3 000 articles. Each batch's tables are one file in the run's spool folder,
next to the warehouse; the writer reads it once and deletes it, and the
folder goes when the run ends, however it ends. Workers on other machines
(Dask) must see that folder, as they must see the input files.
"""
from __future__ import annotations

import dataclasses
import pickle
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from tasks import pipeline
from tasks.models import WarehouseState
from tasks.tables import BatchTables


@contextmanager
def spool_folder(db: str | Path) -> Iterator[Path]:
    """A run's spool folder beside the warehouse file, removed with what is left in it when the block ends."""
    parent = Path(db).resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=".cds-spool-", dir=parent))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def process_into(folder: Path, paths: list[Path], state: WarehouseState, fingerprint: str,
                 run_id: str) -> pipeline.BatchOutcome:
    """Read, clean and extract a batch, and leave the tables its load writes in folder: a worker's whole job.

    This module imports neither Prefect nor DuckDB, so a worker process that runs this stays small.
    """
    return spool(pipeline.ready_to_load(pipeline.process_batch(paths, state), fingerprint, run_id), folder)


def spool(outcome: pipeline.BatchOutcome, folder: Path) -> pipeline.BatchOutcome:
    """The outcome with its tables moved to a file in folder."""
    with tempfile.NamedTemporaryFile(dir=folder, suffix=".tables", delete=False) as handle:
        pickle.dump(outcome.tables, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return dataclasses.replace(outcome, tables=None, tables_file=handle.name)


def unspool(outcome: pipeline.BatchOutcome) -> BatchTables:
    """The tables spool() set aside for this outcome; the file is deleted."""
    path = Path(outcome.tables_file)
    with open(path, "rb") as handle:
        tables = pickle.load(handle)
    path.unlink()
    return tables
