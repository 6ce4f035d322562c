"""Where a flow's compute tasks run: on a pool of this machine's cores, in the flow's process, or on Dask.

Only cleaning and extraction are spread out; loading stays in the flow, one
writer at a time, so DuckDB's single-writer rule holds. Cleaning is pure
Python, so threads would share one core: the default is processes.

The default runner keeps Prefect's tasks on threads of the flow's process and
sends their pure-core work (``on_core_pool``) to a pool of plain processes.
Prefect's own process pool would import the flow's module, and with it
Prefect, DuckDB and Arrow, in every worker, before any work (bench/README.md has the sizes).
These workers import only the core they run (``flows/spool.py``): a batch's tables leave them as plain
columns, and only the writer makes them Arrow tables.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, TypeVar

from prefect.context import FlowRunContext
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

RUNNERS = ("processes", "threads", "dask")
T = TypeVar("T")

# The core pools of the flow runs in progress in this process, innermost last.
_core_pools: list[ProcessPoolExecutor] = []


class CorePoolTaskRunner(ThreadPoolTaskRunner):
    """Tasks on ``max_workers`` threads; the work they hand to ``on_core_pool`` on as many light processes."""

    def __enter__(self):
        super().__enter__()
        # spawn, not fork: the flow's process runs threads (Prefect's), which a fork would copy mid-step.
        self._core_pool = ProcessPoolExecutor(self._max_workers, mp_context=multiprocessing.get_context("spawn"),
                                              initializer=end_with_parent, initargs=(os.getpid(),))
        _core_pools.append(self._core_pool)
        return self

    def __exit__(self, *exc_info):
        self.release_workers()
        super().__exit__(*exc_info)

    def release_workers(self) -> None:
        """Stop the worker processes now, and the memory they hold goes back; later core work runs inline."""
        if self._core_pool in _core_pools:
            _core_pools.remove(self._core_pool)
        self._core_pool.shutdown(wait=True, cancel_futures=True)


def end_with_parent(parent: int) -> None:
    """In a worker: exit once the flow's process is gone (killed, say), instead of living on as an orphan."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


def on_core_pool(function: Callable[..., T], *args: Any) -> T:
    """function(*args) on the running flow's core pool if it has one (default runner), else right here
    (the threads runner; on Dask the task already runs on a worker). function must be importable light."""
    if not _core_pools:
        return function(*args)
    return _core_pools[-1].submit(function, *args).result()


def release_core_workers() -> None:
    """Stop the running flow's core workers, if its runner has them: for when its core work is all done."""
    context = FlowRunContext.get()
    if context and isinstance(context.task_runner, CorePoolTaskRunner):
        context.task_runner.release_workers()


def make_task_runner(kind: str = "processes", dask_address: str | None = None,
                     workers: int | None = None) -> TaskRunner:
    """processes: ``workers`` light processes (default: one per core); threads: one thread in the flow's
    process; dask: a cluster at dask_address, or a local one of ``workers`` processes."""
    if kind == "threads":
        return ThreadPoolTaskRunner(max_workers=1)
    if kind == "processes":
        return CorePoolTaskRunner(max_workers=workers or os.cpu_count() or 1)
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers or os.cpu_count() or 1,
                                              "threads_per_worker": 1, "processes": True})
    raise ValueError(f"unknown task runner {kind!r}: use one of {', '.join(RUNNERS)}")
