"""A batch's tables go from the worker that made them to the writer through a file, not as a task's result.

Prefect keeps every task's return value in memory until its flow run ends
(to track which results feed which tasks), so tables returned through it make
a run's memory grow with its corpus (bench/README.md). Each batch's tables are one file in the run's spool folder,
next to the warehouse; the writer reads it once and deletes it, and the
folder goes when the run ends, however it ends. Workers on other machines
(Dask) must see that folder, as they must see the input files.
"""
from __future__ import annotations

import dataclasses
import os
import pickle
import shutil
import socket
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from cds_facts.tasks.io import pipeline
from cds_facts.tasks.io.processes import process_alive
from cds_facts.tasks.io.tables import BatchTables
from cds_facts.tasks.models import Article

_SPOOL_PREFIX = ".cds-spool-"


@contextmanager
def spool_folder(db: str | Path) -> Iterator[Path]:
    """A run's spool folder beside the warehouse file, removed with what is left in it when the block ends.

    Its name says whose it is (.cds-spool-HOST-PID-…), so a run that starts removes those of runs on this
    host whose process is gone: a killed run cannot remove its own.
    """
    parent = Path(db).resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    remove_stale_spools(parent)
    folder = Path(tempfile.mkdtemp(prefix=f"{_SPOOL_PREFIX}{socket.gethostname()}-{os.getpid()}-", dir=parent))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def remove_stale_spools(parent: Path) -> list[Path]:
    """Remove the spool folders in parent left by runs of this host whose process is gone; which."""
    host = socket.gethostname()
    stale = []
    for folder in parent.glob(f"{_SPOOL_PREFIX}*"):
        owner = folder.name.removeprefix(_SPOOL_PREFIX).rsplit("-", 2)
        if len(owner) == 3 and owner[0] == host and owner[1].isdigit() and not process_alive(int(owner[1])):
            shutil.rmtree(folder, ignore_errors=True)
            stale.append(folder)
    return stale



def process_into(folder: Path, paths: list[Path], catalogue_rows: list[dict[str, str]], fingerprint: str,
                 run_id: str, cleaned: dict[str, Article] | None = None) -> pipeline.BatchOutcome:
    """Read, clean and extract a batch (cleaned: the held articles not to clean again), and leave the tables
    its load writes in folder: a worker's whole job.

    This module imports neither Prefect nor DuckDB, so a worker process that runs this stays small.
    """
    outcome = pipeline.process_batch(paths, catalogue_rows, cleaned)
    return spool(pipeline.ready_to_load(outcome, fingerprint, run_id), folder)


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
