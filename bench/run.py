"""How fast `cds ingest` is at scale, against a floor and a naive pipeline, in one run.

    python bench/run.py                        # 1 000 and 10 000 articles, 2 workers
    python bench/run.py --sizes 50 --naive 20  # the smoke test CI runs

For each size N it makes (or reuses) a synthetic corpus of N articles
(bench/make_corpus.py), then times, each over the same corpus:

- `cds ingest` over an empty folder: the fixed cost of a run (interpreter,
  imports, the flow run, the warehouse's migrations and reference data);
- `cds ingest` of the corpus into a new warehouse, and again over the
  unchanged corpus (the incremental re-run);
- `cds ingest` of the same corpus after a catalogue change (the documents
  held under another catalogue's fingerprint): the archive re-read that a
  new cue or indicator costs when it may reach every article; then after a
  user's indicator no article's words can hold, which reaches none;
- the same batches through the same functions with no Prefect, in this
  process (a process pool of the same size): what is left is Prefect's share;
- `cds ingest` with one worker, to see what a second one adds;
- the floor: read every file, find every number with one regex, insert them
  into DuckDB from Arrow (no cleaning, no meaning);
- naive, on the smallest size up to --naive articles: one Prefect task per
  document and row-by-row INSERTs.

A run's marginal time is its time minus the empty-folder run's (naive's
too: it starts the same interpreter, Prefect and migrations). Peak RSS is
the whole process tree's (the `cds` process and its workers), sampled every
50 ms. Runs talk to one Prefect server this script starts on a free port,
the way a scheduled deployment talks to a standing server; pass --api-url to
use yours.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import duckdb  # noqa: E402
import pyarrow as pa  # noqa: E402

from make_corpus import make_corpus  # noqa: E402
from cds_facts.tasks.io import files, pipeline, store  # noqa: E402
from cds_facts.tasks.models import BatchResult  # noqa: E402
from cds_facts.tasks.meaning.indicators import Catalogue  # noqa: E402

BIN = Path(sys.executable).parent
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass
class Timing:
    seconds: float
    peak_rss_mb: float = 0.0


def _tree_rss_kb(root_pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as handle:
                fields = dict(line.split(":", 1) for line in handle if ":" in line)
        except OSError:
            continue
        pid = int(entry)
        children.setdefault(int(fields["PPid"]), []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def run_measured(command: list[str], env: dict[str, str]) -> Timing:
    """Run a command to its end; its wall time and the peak RSS of its process tree."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0

    def sample() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, _tree_rss_kb(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    if process.returncode not in (0, 3):
        raise RuntimeError(f"{' '.join(command)} exited {process.returncode}:\n{stdout}\n{stderr}")
    return Timing(seconds, peak / 1024)


def cds_ingest(folder: Path, db: Path, env: dict[str, str], workers: int | None = None) -> Timing:
    command = [str(BIN / "cds"), "ingest", str(folder), "--db", str(db)]
    if workers:
        command += ["--workers", str(workers)]
    return run_measured(command, env)


def reextract_after_catalogue_change(folder: Path, db: Path, env: dict[str, str]) -> Timing:
    """`cds ingest` of the held corpus once the catalogue has changed: every document is held under another
    catalogue's fingerprint, as a new cue or indicator leaves it, so every one is extracted again (from its
    held article: a run reads and hashes the files, and cleans again only those the warehouse holds
    cleaned by other cleaning rules or dated within hours of a New Year)."""
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE documents SET catalogue_fingerprint = 'a catalogue before the change'")
    return cds_ingest(folder, db, env)


# A user's indicator whose cue no synthetic article holds (bench/make_corpus.py writes no such words).
_UNREACHED_INDICATOR = ("INSERT INTO indicators VALUES ('user.drones', 'bench', 'count',"
                        " 'Số thiết bị bay không người lái', '', 'thiết bị bay không người lái')")


def reread_after_new_indicator(folder: Path, db: Path, env: dict[str, str]) -> Timing:
    """`cds ingest` of the held corpus once a user added an indicator no article's words can hold: the run
    tests every held article against the change and reads none again (tasks/meaning/catalogue_change.py)."""
    with duckdb.connect(str(db)) as con:
        con.execute(_UNREACHED_INDICATOR)
    return cds_ingest(folder, db, env)


def floor(folder: Path, db: Path) -> float:
    """Read every file, find every number with one regex, insert them into DuckDB from Arrow."""
    started = time.perf_counter()
    doc, offset, surface = [], [], []
    for number, path in enumerate(sorted(folder.iterdir())):
        text = path.read_bytes().decode("utf-8", errors="replace")
        for match in NUMBER.finditer(text):
            doc.append(number)
            offset.append(match.start())
            surface.append(match.group())
    with duckdb.connect(str(db)) as con:
        con.register("found", pa.table({"doc": doc, "offset": offset, "surface": surface}))
        con.execute("CREATE TABLE numbers AS SELECT * FROM found")
    return time.perf_counter() - started


def _process(paths: list[Path], catalogue_rows: list[dict[str, str]], fingerprint: str) -> pipeline.BatchOutcome:
    return pipeline.ready_to_load(pipeline.process_batch(paths, catalogue_rows), fingerprint, "no-prefect")


def without_prefect(folder: Path, db: Path, workers: int, batch_size: int) -> float:
    """The flow's work with no Prefect: the same steps through the same functions, one writer."""
    started = time.perf_counter()
    inputs = files.discover([str(folder)]).files
    state = store.prepare(db)
    fingerprint = Catalogue(state.catalogue_rows).fingerprint
    ids = pipeline.content_ids(inputs)
    plan = pipeline.plan_run(ids, state, fingerprint)
    batches = pipeline.batches(plan.to_process, ids, batch_size)
    # Spawned, as Prefect's process pool does: a fork of this process would inherit DuckDB's threads.
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool, store.held(db):
        if plan.held:
            store.load_batch(db, BatchResult(inputs=plan.held), fingerprint, "no-prefect")
        for outcome in pool.map(_process, batches, [state.catalogue_rows] * len(batches), [fingerprint] * len(batches)):
            store.write_batch(db, outcome.tables, "no-prefect")
    return time.perf_counter() - started


def naive(folder: Path, db: Path, env: dict[str, str]) -> Timing:
    """One Prefect task per document, row-by-row INSERTs: bench/naive.py in a process of its own."""
    return run_measured([sys.executable, str(ROOT / "bench" / "naive.py"), str(folder), str(db)], env)


def corpus(work: Path, size: int) -> tuple[Path, float]:
    folder = work / f"corpus-{size}"
    if not folder.exists() or len(list(folder.iterdir())) != size:
        shutil.rmtree(folder, ignore_errors=True)
        make_corpus(size, folder)
    return folder, sum(p.stat().st_size for p in folder.iterdir()) / 1e6


def facts_in(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT count(*) FROM facts").fetchone()[0]


def start_prefect_server(home: Path, log: Path | None = None) -> tuple[subprocess.Popen, str]:
    """`prefect server start` on a free port of 127.0.0.1 with its own PREFECT_HOME, up and healthy:
    (the server process, its API URL); its output goes to log if given. The tests' server fixture uses it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_UI_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    with open(log or os.devnull, "wb") as output:  # the server keeps its own copy of the handle
        server = subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1",
                                   "--port", str(port)], env=env, stdout=output, stderr=subprocess.STDOUT)
    api = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{api}/health", timeout=2).status == 200:
                return server, api
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise RuntimeError("prefect server did not come up within 120 s")


def row(label: str, value: str, note: str = "") -> None:
    print(f"  {label:<44} {value:>14}  {note}")


def bench_size(size: int, work: Path, env: dict[str, str], workers: int, batch_size: int, naive_limit: int,
               fixed: float) -> None:
    folder, megabytes = corpus(work, size)
    print(f"\n{size} articles, {megabytes:.1f} MB")
    full_db, one_db = work / f"full-{size}.duckdb", work / f"one-worker-{size}.duckdb"
    for db in (full_db, one_db, work / f"floor-{size}.duckdb", work / f"bare-{size}.duckdb"):
        db.unlink(missing_ok=True)

    full = cds_ingest(folder, full_db, env)
    facts = facts_in(full_db)
    again = cds_ingest(folder, full_db, env)
    if facts_in(full_db) != facts:
        raise RuntimeError("the incremental re-run changed the warehouse")
    reread = reextract_after_catalogue_change(folder, full_db, env)
    if facts_in(full_db) != facts:
        raise RuntimeError("re-extracting the archive with the same rules changed its facts")
    unreached = reread_after_new_indicator(folder, full_db, env)
    if facts_in(full_db) != facts:
        raise RuntimeError("an indicator no article can hold changed the facts")
    one = cds_ingest(folder, one_db, env, workers=1)
    bare = without_prefect(folder, work / f"bare-{size}.duckdb", workers, batch_size)
    floor_seconds = floor(folder, work / f"floor-{size}.duckdb")

    marginal, marginal_again, marginal_one = full.seconds - fixed, again.seconds - fixed, one.seconds - fixed
    row("cds ingest, full run", f"{full.seconds:.1f} s", f"marginal {marginal:.1f} s")
    row("  documents/s (marginal)", f"{size / marginal:.0f}")
    row("  MB/s (marginal)", f"{megabytes / marginal:.2f}")
    row("  facts/s (marginal)", f"{facts / marginal:.0f}", f"{facts} facts")
    row("  peak RSS, process tree", f"{full.peak_rss_mb:.0f} MB", "target ≤ 600 MB")
    row("  Prefect's share of wall time", f"{max(full.seconds - bare, 0) / full.seconds:.0%}",
        f"same work without Prefect: {bare:.1f} s")
    row("incremental re-run, unchanged corpus", f"{again.seconds:.1f} s",
        f"marginal {marginal_again:.2f} s = {marginal_again / marginal:.1%} of full (target ≤ 2%)")
    marginal_reread = reread.seconds - fixed
    row("re-extract the archive, catalogue changed", f"{reread.seconds:.1f} s",
        f"marginal {marginal_reread:.1f} s = {size / marginal_reread:.0f} documents/s, "
        f"peak RSS {reread.peak_rss_mb:.0f} MB")
    row("  a new indicator that reaches no article", f"{unreached.seconds:.1f} s",
        f"marginal {unreached.seconds - fixed:.2f} s = {(unreached.seconds - fixed) / marginal:.1%} of full")
    row(f"one worker (vs {workers})", f"{one.seconds:.1f} s",
        f"{workers} workers are {marginal_one / marginal:.2f}× one (target ≥ 1.6×)")
    row("floor: read, one regex, Arrow into DuckDB", f"{floor_seconds:.1f} s",
        f"full marginal = {marginal / floor_seconds:.1f}× floor (target ≤ 8× at 10 000, moonshot 4×)")
    if size <= naive_limit:
        slow = naive(folder, work / f"naive-{size}.duckdb", env)
        row("naive: a task per document, row INSERTs", f"{slow.seconds:.1f} s",
            f"cds ingest is {slow.seconds / full.seconds:.1f}× faster in wall time, "
            f"{(slow.seconds - fixed) / marginal:.1f}× in marginal (target ≥ 20× at 1 000)")


@contextmanager
def benchmark_setting(work: Path | None, api_url: str | None) -> Iterator[tuple[Path, dict[str, str]]]:
    """(the work folder, the environment for `cds` runs): work, or a temporary folder removed afterwards;
    runs talk to api_url, or to a Prefect server started here and stopped afterwards."""
    folder = work or Path(tempfile.mkdtemp(prefix="cds-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    server, api = None, api_url
    try:
        if not api:
            server, api = start_prefect_server(folder / "prefect-home")
        yield folder, {**os.environ, "PREFECT_API_URL": api, "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    finally:
        if server:
            server.terminate()
            server.wait(timeout=30)
        if not work:
            shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--naive", type=int, default=1000, help="run the naive baseline on sizes up to this")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--work", type=Path, help="keep corpora and warehouses here (default: a temporary folder)")
    parser.add_argument("--api-url", help="a running Prefect API (default: start one for the benchmark)")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # figures show as they come, also into a file
    with benchmark_setting(args.work, args.api_url) as (work, env):
        env["CDS_WORKERS"] = str(args.workers)
        print(f"machine: {os.cpu_count()} cores; workers: {args.workers}; Prefect API {env['PREFECT_API_URL']}")
        empty = work / "empty"
        empty.mkdir(exist_ok=True)
        cds_ingest(empty, work / "empty.duckdb", env)  # warm the page cache and the server
        fixed = min(cds_ingest(empty, work / f"empty-{n}.duckdb", env).seconds for n in range(3))
        print(f"fixed cost: `cds ingest` of an empty folder takes {fixed:.2f} s")
        for size in args.sizes:
            bench_size(size, work, env, args.workers, 200, args.naive, fixed)

if __name__ == "__main__":
    main()
