"""The ingest flow's fixed overhead, and its speed on the seeds ×N with and without a local Dask cluster.

    python scripts/bench_flow.py [--copies 100] [--workers 2] [--batch-size 50]

Each copy of a seed gets a distinct junk last line, so it is a new document
with the same article. Runs use a temporary Prefect API started once (the
first flow call); that start-up is reported apart.
"""
from __future__ import annotations

import argparse
import os
import shutil
import string
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

from flows.ingest import ingest  # noqa: E402
from flows.runners import make_task_runner  # noqa: E402


def tag(number: int) -> str:
    """A line of lower-case letters, dropped by cleaning as a placeholder: "ban sao bd"."""
    letters = ""
    while True:
        number, digit = divmod(number, 26)
        letters += string.ascii_lowercase[digit]
        if not number:
            return "ban sao " + letters


def corpus(folder: Path, copies: int) -> int:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for copy in range(copies):
        for seed in seeds:
            (folder / f"{copy:04d}_{seed.name}").write_bytes(seed.read_bytes() + f"\n{tag(copy)}\n".encode())
    return copies * len(seeds)


def timed_run(paths: list[str], db: Path, runner, batch_size: int) -> tuple[float, dict]:
    db.unlink(missing_ok=True)
    started = time.perf_counter()
    counts = ingest.with_options(task_runner=runner)(paths=paths, db=str(db), batch_size=batch_size)
    return time.perf_counter() - started, counts


def report(name: str, documents: int, counts: dict, seconds: float) -> None:
    print(f"{name:<28} {documents} docs, {counts['facts']} facts: {seconds:6.1f} s ({documents / seconds:5.1f} docs/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=50)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cds-bench-"))
    try:
        one, many = work / "one", work / "many"
        one.mkdir(), many.mkdir()
        shutil.copy(ROOT / "tests" / "data" / "dumps" / "bao_tinh_updated_line.txt", one)
        documents = corpus(many, args.copies)

        start = time.perf_counter()
        timed_run([str(one)], work / "warm.duckdb", make_task_runner(), args.batch_size)
        print(f"first flow call (starts the temporary Prefect API): {time.perf_counter() - start:.1f} s")
        overhead = min(timed_run([str(one)], work / "one.duckdb", make_task_runner(), args.batch_size)[0]
                       for _ in range(3))
        print(f"fixed overhead of one ingest run (1 small document): {overhead:.2f} s")

        seconds, counts = timed_run([str(many)], work / "many.duckdb", make_task_runner(), args.batch_size)
        report("default (one process)", documents, counts, seconds)

        from distributed import LocalCluster

        start = time.perf_counter()
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True) as cluster:
            dask = make_task_runner("dask", dask_address=cluster.scheduler_address)
            timed_run([str(one)], work / "warm.duckdb", dask, args.batch_size)  # workers import and warm up
            print(f"dask cluster start and worker warm-up: {time.perf_counter() - start:.1f} s")
            seconds, counts = timed_run([str(many)], work / "many.duckdb", dask, args.batch_size)
            report(f"dask, {args.workers} local workers", documents, counts, seconds)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
