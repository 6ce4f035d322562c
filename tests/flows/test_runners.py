"""The default task runner: Prefect's tasks on threads, their core work on a pool of light processes."""
import os
import subprocess
import sys
from cds_facts.flows.runners import CorePoolTaskRunner, on_core_pool

from conftest import ROOT


def test_core_work_runs_in_a_worker_process_while_the_runner_is_open_and_here_otherwise():
    assert on_core_pool(os.getpid) == os.getpid()
    with CorePoolTaskRunner(max_workers=1):
        worker = on_core_pool(os.getpid)
        assert worker != os.getpid()
        assert on_core_pool(os.getpid) == worker  # the pool's one process serves every call
    assert on_core_pool(os.getpid) == os.getpid()


def test_a_worker_imports_neither_prefect_nor_duckdb_nor_arrow():
    """A worker imports the command's module (as a spawned process re-imports its parent's main script) and the
    module of the work it runs; both must stay light, or every worker carries Prefect, DuckDB and Arrow in memory
    (a batch's tables leave a worker as plain columns)."""
    heavy = subprocess.run(
        [sys.executable, "-c", "import sys, flows.cli, flows.spool; "
                               "print(sorted({m.split('.')[0] for m in sys.modules} & {'prefect', 'duckdb', 'pyarrow'}))"],
        cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    assert heavy == "[]"


def test_a_flow_releases_its_core_workers_when_its_core_work_is_done(prefect_harness):
    from prefect import flow

    from cds_facts.flows.runners import release_core_workers

    @flow(task_runner=CorePoolTaskRunner(max_workers=1))
    def core_work_then_closing_work():
        worker = on_core_pool(os.getpid)
        release_core_workers()
        return worker, on_core_pool(os.getpid)

    worker, after_release = core_work_then_closing_work()
    assert worker != os.getpid()
    assert after_release == os.getpid()
