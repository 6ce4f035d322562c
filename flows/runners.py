"""Where a flow's compute tasks run: on a pool of this machine's cores, in the flow's process, or on Dask.

Only cleaning and extraction are spread out; loading stays in the flow, one
writer at a time, so DuckDB's single-writer rule holds. Cleaning is pure
Python, so threads would share one core: the default is processes.
"""
from __future__ import annotations

import os

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

RUNNERS = ("processes", "threads", "dask")


def make_task_runner(kind: str = "processes", dask_address: str | None = None,
                     workers: int | None = None) -> TaskRunner:
    """processes: a pool of ``workers`` processes (default: one per core); threads: one thread in the flow's
    process; dask: a cluster at dask_address, or a local one of ``workers`` processes."""
    if kind == "threads":
        return ThreadPoolTaskRunner(max_workers=1)
    if kind == "processes":
        return ProcessPoolTaskRunner(max_workers=workers or os.cpu_count() or 1)
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers or os.cpu_count() or 1,
                                              "threads_per_worker": 1, "processes": True})
    raise ValueError(f"unknown task runner {kind!r}: use one of {', '.join(RUNNERS)}")
