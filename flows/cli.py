"""The ``cds`` command: ingest files, fetch pages, query, export and report on the warehouse, list runs.

Exit codes: 0 the run completed; 3 it completed but some inputs were
quarantined (see the quarantine table); 2 a bad argument or missing path;
1 the run failed. What can be checked before Prefect starts (paths, the
warehouse file, the sources and schedules files, the Prefect API) is, and
said in one line; tracebacks only with ``--debug``.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import sys
import textwrap
import tomllib
import urllib.request
from datetime import datetime
from pathlib import Path

# Only the standard library at the top: the ingest flow's worker processes start by importing this
# module again (as any spawned process imports its parent's main script), and stay light if it is.

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_QUARANTINED = 0, 1, 2, 3
EXIT_CODES = """exit codes:
  0  done
  3  done, but some inputs were quarantined or some URLs failed (see the quarantine table)
  2  a bad argument, a missing path, a bad sources or schedules file
  1  failed: the warehouse cannot be opened, Prefect's API does not answer, or an error"""


class UsageError(Exception):
    """A problem with what the user asked for; exit 2."""


class CannotRun(Exception):
    """Something outside the arguments keeps the command from running (the warehouse, the API); exit 1."""


def _fail(message: str, code: int = EXIT_USAGE) -> int:
    print(f"cds: {message}", file=sys.stderr)
    return code


def _say(message: str) -> None:
    """A line of what cds is doing, on stderr, at once: the result goes to stdout when it is done."""
    print(f"cds: {message}", file=sys.stderr, flush=True)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cds-facts")
    except PackageNotFoundError:
        return "unknown (not installed)"


# --- checks made before Prefect starts ---------------------------------------------------------------

def _quiet_prefect(args: argparse.Namespace) -> None:
    """Prefect's console logs and tracebacks drown the one-line outcome: shown with -v or --debug only.
    The logs still go to the Prefect API and its UI; a user's own PREFECT_* settings win."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    if args.debug:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "DEBUG")
    elif args.verbose:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO")
    else:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "CRITICAL")


def prefect_api_url() -> str | None:
    """The Prefect API a run will use: PREFECT_API_URL from the environment, else from the active
    Prefect profile (``prefect config set PREFECT_API_URL=…``); None means a temporary local server."""
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    home = Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect").expanduser()
    profiles_file = Path(os.environ.get("PREFECT_PROFILES_PATH") or home / "profiles.toml").expanduser()
    try:
        profiles = tomllib.loads(profiles_file.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return None
    active = os.environ.get("PREFECT_PROFILE") or profiles.get("active") or "ephemeral"
    return profiles.get("profiles", {}).get(active, {}).get("PREFECT_API_URL") or None


def _check_prefect_api(api: str | None) -> str:
    """How this run reaches Prefect, for its first line; CannotRun if the API it is told to use is down."""
    if api is None:
        return ("Prefect: starting a temporary local server (it costs 15-20 s per run on 2 cores; with one kept"
                " running a run's fixed cost is ~4 s: 'prefect server start', then"
                " export PREFECT_API_URL=http://127.0.0.1:4200/api)")
    try:
        with urllib.request.urlopen(f"{api.rstrip('/')}/health", timeout=3) as response:
            if response.status == 200:
                return f"Prefect: the API at {api}"
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise CannotRun(f"the Prefect API at {api} (PREFECT_API_URL) does not answer ({reason}): start it with"
                        " 'prefect server start', or unset PREFECT_API_URL to use a temporary one") from None
    raise CannotRun(f"the Prefect API at {api} (PREFECT_API_URL) is not healthy (HTTP {response.status})")


def _check_warehouse_path(db: Path) -> None:
    """UsageError for a --db that cannot be a DuckDB file: a folder, or under something that is not one."""
    if db.is_dir():
        raise UsageError(f"--db {db} is a folder; give a file, such as {db / 'cds.duckdb'}")
    for parent in db.parents:
        if parent.exists():
            if not parent.is_dir():
                raise UsageError(f"--db {db}: {parent} is a file, not a folder")
            break


def _open_warehouse(db: Path, write: bool) -> None:
    """Open the warehouse once, as the run will: CannotRun says in one line why it cannot be (no
    permission, not a DuckDB file, a newer format, locked past CDS_LOCK_WAIT_SECONDS)."""
    import duckdb

    from cds_facts.tasks.io import store

    _check_warehouse_path(db)
    try:
        with store.connect(db, read_only=not write, on_wait=lambda why: _say(f"waiting: {why}")):
            pass
    except store.WarehouseLocked as exc:
        raise CannotRun(str(exc)) from None
    except (duckdb.Error, OSError) as exc:
        raise CannotRun(f"cannot open the warehouse {db}: {_one_line(exc)}") from None


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _existing_warehouse(db: Path) -> None:
    if not db.exists():
        where = "" if db.is_absolute() else f" (under {Path.cwd()})"
        raise UsageError(f"no warehouse at {db}{where}: run 'cds ingest' first, or pass --db FILE or set CDS_DB")
    _check_warehouse_path(db)


# --- commands ---------------------------------------------------------------------------------------------

def cmd_ingest(args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        raise UsageError(f"no such file or folder: {missing[0]}")
    if args.dask_address and args.task_runner != "dask":
        raise UsageError("--dask-address needs --task-runner dask")
    from cds_facts.tasks.io.files import inputs_text

    where = _warehouse_named(args.db)
    _open_warehouse(args.db, write=True)
    api = prefect_api_url()
    with _run_row(args.db, "ingest", inputs_text(args.paths)) as run_id:
        _say(f"ingest {' '.join(str(p) for p in args.paths)} into {where}; {_check_prefect_api(api)}")
        _quiet_prefect(args)
        with _prefect_api(api):
            from cds_facts.flows.ingest import ingest  # Prefect is imported only when a flow runs, after its API is set
            from cds_facts.flows.runners import make_task_runner

            runner = make_task_runner(args.task_runner, args.dask_address, args.workers)
            counts = _run_flow("ingest", args, lambda: ingest.with_options(task_runner=runner)(
                paths=[str(p) for p in args.paths], db=str(args.db), batch_size=args.batch_size,
                show_progress=sys.stderr.isatty(), run_id=run_id))
    return _summary(args.db, counts)


def cmd_fetch(args: argparse.Namespace) -> int:
    if not args.urls and not args.sources:
        raise UsageError("give article URLs, or --sources FILE")
    from cds_facts.tasks.io.sources_file import SourcesError, read_sources

    if args.sources:
        try:
            read_sources(args.sources)  # a bad file is a usage error, said before any flow starts
        except SourcesError as exc:
            raise UsageError(str(exc)) from None
    where = _warehouse_named(args.db)
    _open_warehouse(args.db, write=True)
    api = prefect_api_url()
    from cds_facts.tasks.io.redact import redact
    from cds_facts.tasks.io.sources_file import fetch_inputs_text

    what = redact(" ".join([*args.urls, *([f"--sources {args.sources}"] if args.sources else [])]))
    with _run_row(args.db, "fetch", fetch_inputs_text(args.urls, args.sources)) as run_id:
        _say(f"fetch {what} into {where}; {_check_prefect_api(api)}")
        _quiet_prefect(args)
        with _prefect_api(api):
            from cds_facts.flows.fetch import fetch

            counts = _run_flow("fetch", args, lambda: fetch(
                urls=args.urls, sources_file=str(args.sources) if args.sources else None, db=str(args.db),
                allow_private_networks=True if args.allow_private_networks else None, run_id=run_id))
    return _summary(args.db, counts, each_failure=True)


def _warehouse_named(db: Path) -> str:
    """The warehouse as a run's first line names it, saying when the run makes it, or its folder."""
    if db.exists():
        return str(db)
    missing = next((p for p in reversed(db.parents) if not p.exists()), None)
    return f"{db} (a new warehouse" + (f", in a new folder {missing})" if missing else ")")


@contextlib.contextmanager
def _run_row(db: Path, flow_name: str, inputs: str):
    """The run's row in the warehouse, written before Prefect starts (a run killed while Prefect starts
    leaves it, for 'cds runs' and the next run to see); marked failed if the flow never gets to close it."""
    import uuid

    from cds_facts.tasks.io import store

    run_id = str(uuid.uuid4())
    store.start_run(db, run_id, None, flow_name, inputs)
    try:
        yield run_id
    except BaseException as exc:
        with contextlib.suppress(Exception):  # if the row cannot be closed now, the next run closes it
            store.fail_open_run(db, run_id, type(exc).__name__ + (f": {_one_line(exc)}" if str(exc) else ""))
        raise


def _prefect_api(api: str | None):
    """The block runs against api, or a temporary server that ends with this process however it ends."""
    if api is not None:
        return contextlib.nullcontext(api)
    from cds_facts.flows.temporary_server import temporary_prefect_api

    return temporary_prefect_api()


def _run_flow(name: str, args: argparse.Namespace, run):
    """The flow's result; a failure becomes one line (CannotRun), its traceback only with --debug."""
    try:
        return run()
    except Exception as exc:
        if args.debug:
            raise
        raise CannotRun(f"{name} failed: {type(exc).__name__}: {_one_line(exc)}") from None


def _summary(db: Path, counts: dict, each_failure: bool = False) -> int:
    """The outcome, on stdout; each_failure: a line per input that failed, with why (fetch: per URL; the first
    run_summary.MAX_LISTED_FAILURES of them, the quarantine table holds all)."""
    print(f"warehouse  {db}")
    skipped = f", skipped {counts['skipped']} ({counts['skipped_because']})" if counts.get("skipped") else ""
    print(f"documents  seen {counts['seen']}, new {counts['new']}, changed {counts['changed']}, "
          f"unchanged {counts['unchanged']}, failed {counts['failed']}{skipped}")
    failing = (f", {counts['failed_checks']} failing a consistency check (see the failed_checks view)"
               if counts.get("failed_checks") else "")
    print(f"facts      {counts['facts']} loaded{failing}")
    if counts.get("agree") or counts.get("contradict"):
        print(f"official   {counts['agree']} agree with an official table, {counts['contradict']} contradict one"
              f" (see the verified_facts view)")
    prefect_id = counts.get("flow_run_id")
    print(f"run        {counts['run_id']}" + (f" (Prefect flow run {prefect_id})"
                                              if prefect_id and prefect_id != counts["run_id"] else ""))
    if each_failure:
        for source, stage, error in counts.get("quarantined", []):
            print(f"failed     {source}: {error}" + ("" if stage == "fetch" else f" ({stage})"))
    if counts["failed"]:
        print(f"quarantine {counts['failed']} input(s): cds sql \"SELECT source_uri, stage, error FROM quarantine\""
              f" --db {db}")
        return EXIT_QUARANTINED
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from cds_facts.flows.schedules import ScheduleError, read_schedules

    try:
        specs = read_schedules(args.schedules)
    except ScheduleError as exc:
        raise UsageError(str(exc)) from None
    api = prefect_api_url()
    if api is None:
        raise CannotRun("serving schedules needs a Prefect server that stays up: start one with 'prefect server"
                        " start' and export PREFECT_API_URL=http://127.0.0.1:4200/api")
    _say(_check_prefect_api(api))
    _quiet_prefect(args)
    from prefect import serve

    from cds_facts.flows.serve import build_deployments

    for spec in specs:
        print(f"serving {spec.flow}/{spec.name}: '{spec.cron}' ({spec.timezone})", flush=True)
    serve(*build_deployments(specs))  # runs until interrupted
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    _existing_warehouse(args.db)
    from cds_facts.tasks.io.export import export

    written = export(args.db, args.out, args.format)
    for name, count in written.items():
        print(f"{name:<20} {count:>8} rows")
    print(f"written to {args.out} as {args.format}")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    _existing_warehouse(args.db)
    from cds_facts.tasks.io.report import write_report

    print(f"report written to {write_report(args.db, args.out)}")
    return EXIT_OK


def cmd_sql(args: argparse.Namespace) -> int:
    import duckdb

    from cds_facts.tasks.io import store

    if not args.query.strip():
        raise UsageError("give one SQL statement, e.g. cds sql \"SELECT count(*) FROM facts\"")
    _existing_warehouse(args.db)
    try:
        con = store.analyst_connection(args.db, write=args.write)
    except duckdb.Error as exc:
        raise CannotRun(f"cannot open {args.db}: {_one_line(exc)}") from None
    try:
        relation = con.sql(args.query)
        if relation is None:
            print("ok")
        else:
            relation.show(max_width=200, max_rows=200)
    except duckdb.PermissionException as exc:
        print(f"cds: {_one_line(exc)} (without --write, cds sql reads this warehouse only: no other file,"
              " no extension)", file=sys.stderr)
        return EXIT_FAILED
    except duckdb.Error as exc:  # DuckDB's whole message: its hints ("Did you mean …?") are on later lines
        hint = "" if args.write or "read-only" not in str(exc) else "\n(the warehouse opens read-only: pass --write)"
        print(f"cds: {exc}{hint}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        con.close()
    return EXIT_OK


def cmd_reference(args: argparse.Namespace) -> int:
    from cds_facts.tasks.io import store
    from cds_facts.tasks.io.reference import ReferenceTableError

    _open_warehouse(args.db, write=True)
    try:
        loaded = store.load_reference_tables(args.db, args.files)
    except ReferenceTableError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"cannot read {exc.filename}: {exc.strerror}") from None
    for name, count in loaded.items():
        print(f"{name}: {count} official values (the file's earlier rows replaced)")
    return EXIT_OK


def cmd_runs(args: argparse.Namespace) -> int:
    import socket

    import duckdb

    from cds_facts.tasks.io.processes import process_alive
    from cds_facts.tasks.io.store import DEAD_RUN_ERROR

    _existing_warehouse(args.db)
    with duckdb.connect(str(args.db), read_only=True) as con:
        rows = con.execute(
            "SELECT run_id, flow_name, epoch(started_at), epoch(ended_at), status, seen, new, changed, unchanged,"
            " failed, skipped, facts, error, pid, host FROM runs ORDER BY started_at DESC LIMIT ?",
            [args.limit]).fetchall()
    here = socket.gethostname()
    shown = []
    for *row, pid, host in rows:  # a 'running' row whose process is gone is a dead run, whoever closes it
        if row[4] == "running" and host == here and pid is not None and not process_alive(pid):
            row[4], row[-1] = "died", DEAD_RUN_ERROR
        shown.append(tuple(row))
    print(runs_table(shown))
    return EXIT_OK


def runs_table(rows: list[tuple]) -> str:
    """The runs as a table of at most ~100 columns: short ids, local times, a failed run's error under it."""
    header = ("run", "flow", "started", "took", "status", "seen", "new", "changed", "same", "failed", "skipped",
              "facts")
    lines = []
    for run_id, flow, started, ended, status, *counts, error in rows:
        took = "" if ended is None else _duration(ended - started)
        lines.append(((run_id[:8], flow, datetime.fromtimestamp(started).strftime("%Y-%m-%d %H:%M"), took, status,
                       *("" if c is None else str(c) for c in counts)), error))
    widths = [max([len(h), *(len(cells[i]) for cells, _ in lines)]) for i, h in enumerate(header)]
    numeric = range(5, len(header))

    def line(cells):
        return "  ".join(c.rjust(w) if i in numeric else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    out = [line(header)]
    for cells, error in lines:
        out.append(line(cells).rstrip())
        if error:
            out.append(textwrap.shorten(f"          error: {error}", 118, placeholder=" …"))
    return "\n".join(out) if lines else "no runs yet"


def _duration(seconds: float) -> str:
    return f"{seconds:.1f}s" if seconds < 60 else f"{int(seconds // 60)}m{int(seconds % 60):02d}s"


# --- the parser -------------------------------------------------------------------------------------------

class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line and exit 2, not a usage dump
        print(f"cds: {message} (see 'cds {self.prog.removeprefix('cds').strip()} --help')".replace("  ", " "),
              file=sys.stderr)
        sys.exit(EXIT_USAGE)


def _command(commands, name: str, summary: str, examples: str, run) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=summary, description=summary,
                                 epilog=f"examples:\n{examples}\n\n{EXIT_CODES}",
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.set_defaults(run=run)
    return parser


def _positive_int(text: str) -> int:
    """A count given on the command line: a whole number of at least 1, or a one-line usage error."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{number} is too small: give 1 or more")
    return number


def _common(parser: argparse.ArgumentParser, db_help: str, prefect: bool = False) -> None:
    from cds_facts.tasks.settings import warehouse_path

    parser.add_argument("--db", type=Path, default=warehouse_path(), help=db_help)
    parser.add_argument("--debug", action="store_true", help="on failure, show the traceback")
    if prefect:
        parser.add_argument("-v", "--verbose", action="store_true", help="show Prefect's logs as the run goes")


def build_parser() -> argparse.ArgumentParser:
    db_help = "the DuckDB warehouse file (default: $CDS_DB, else warehouse/cds.duckdb in this folder)"
    parser = _Parser(prog="cds", formatter_class=argparse.RawDescriptionHelpFormatter,
                     description="Facts about provincial digital transformation (chuyển đổi số) from Vietnamese "
                                 "news, into a DuckDB warehouse.",
                     epilog="examples:\n  cds ingest seeds\n"
                            "  cds sql \"SELECT indicator, count(*) FROM facts GROUP BY 1\"\n  cds runs\n\n"
                            "Each command has its own --help, with examples.\n\n" + EXIT_CODES)
    parser.add_argument("--version", action="version", version=f"cds-facts {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser, metavar="COMMAND")

    ingest = _command(commands, "ingest", "ingest files or folders of .txt and .html articles", """\
  cds ingest seeds                          the bundled articles into warehouse/cds.duckdb
  cds ingest inbox/ a.html --db w.duckdb    a folder and a file into another warehouse
  CDS_DB=~/cds.duckdb cds ingest inbox/     the default warehouse set once, for every command""", cmd_ingest)
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                        help="a file, or a folder whose .txt/.html files (in subfolders too) are read")
    _common(ingest, db_help, prefect=True)
    ingest.add_argument("--batch-size", type=_positive_int, default=200,
                        help="files per batch: one load transaction each")
    ingest.add_argument("--task-runner", choices=("processes", "threads", "dask"), default="processes",
                        help="where cleaning and extraction run: a pool of this machine's cores (default), "
                             "one thread of this process, or Dask")
    ingest.add_argument("--dask-address", help="scheduler of an existing Dask cluster, e.g. tcp://10.0.0.5:8786")
    ingest.add_argument("--workers", type=_positive_int,
                        help="processes for 'processes' or a local Dask cluster (default: one per core)")

    fetch = _command(commands, "fetch", "fetch article pages (and new links in feeds and listings) over HTTP", """\
  cds fetch https://example.vn/bai-viet.html     one page
  cds fetch --sources flows/sources.toml         the articles, feeds and listing pages a sources file names""",
                     cmd_fetch)
    fetch.add_argument("urls", nargs="*", metavar="URL", help="article page URLs")
    fetch.add_argument("--sources", type=Path, help="TOML sources file: articles, feeds, listing pages, politeness")
    fetch.add_argument("--allow-private-networks", action="store_true",
                       help="fetch from loopback, private and link-local addresses too (an intranet crawl); "
                            "by default only public addresses are fetched")
    _common(fetch, db_help, prefect=True)

    serve = _command(commands, "serve", "serve the ingest and fetch deployments on their cron schedules", """\
  prefect server start &                     a server that stays up (its UI on http://127.0.0.1:4200)
  export PREFECT_API_URL=http://127.0.0.1:4200/api
  cds serve                                  the shipped schedules, until Ctrl-C
  cds serve --schedules my-schedules.toml""", cmd_serve)
    serve.add_argument("--schedules", type=Path,
                       help="TOML file of deployments (default: the shipped flows/schedules.toml)")
    serve.add_argument("-v", "--verbose", action="store_true", help="show Prefect's logs")
    serve.add_argument("--debug", action="store_true", help="on failure, show the traceback")

    export = _command(commands, "export", "write the warehouse's tables and views as Parquet or CSV files", """\
  cds export --out exports/                 Parquet, facts partitioned by indicator
  cds export --out exports/ --format csv""", cmd_export)
    export.add_argument("--format", choices=("parquet", "csv"), default="parquet", help="file format (default parquet)")
    export.add_argument("--out", type=Path, required=True, help="folder to write into")
    _common(export, db_help)

    report = _command(commands, "report", "write a self-contained HTML report: charts, corroborated, conflicting"
                                          " and failed figures", "  cds report --out report.html", cmd_report)
    report.add_argument("--out", type=Path, required=True, help="HTML file to write")
    _common(report, db_help)

    reference = _command(commands, "reference", "load official tables (CSV) that figures are checked against", """\
  cds reference par_index.csv               columns year, province, index.par_rank, index.par_score, source
  cds reference ict_2023.csv --db w.duckdb   or long: indicator, province, year, value, denominator, source""",
                         cmd_reference)
    reference.add_argument("files", nargs="+", type=Path, metavar="FILE",
                           help="a reference table; loading a file again replaces its earlier rows")
    _common(reference, db_help)

    sql = _command(commands, "sql", "run SQL against the warehouse and print the result", """\
  cds sql "SELECT province, value FROM latest_values WHERE indicator = 'infra.bts_stations'"
  cds sql "$(cat warehouse/queries/dti_rank_sources.sql)"
  cds sql --write "DELETE FROM quarantine WHERE stage = 'fetch'"
""", cmd_sql)
    sql.add_argument("query", help="one SQL statement")
    sql.add_argument("--write", action="store_true",
                     help="open the warehouse for writing, and let the statement use other files "
                          "(default: read-only, this warehouse only)")
    _common(sql, db_help)

    runs = _command(commands, "runs", "the last runs, newest first, with what each did", """\
  cds runs
  cds runs --limit 50""", cmd_runs)
    runs.add_argument("--limit", type=_positive_int, default=10, help="how many runs to show (default 10)")
    _common(runs, db_help)
    return parser


def main(argv: list[str] | None = None) -> int:
    # Before pyarrow is imported: the C library's allocator gives a batch's memory back, Arrow's default
    # (mimalloc) keeps it; a user's own setting wins. (The workers import no pyarrow.)
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except UsageError as exc:
        return _fail(str(exc), EXIT_USAGE)
    except CannotRun as exc:
        return _fail(str(exc), EXIT_FAILED)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except Exception as exc:  # a failure no check foresaw: one line, the traceback on request
        if getattr(args, "debug", False):
            raise
        return _fail(f"{args.command} failed: {type(exc).__name__}: {_one_line(exc)} (--debug shows where)",
                     EXIT_FAILED)


if __name__ == "__main__":
    sys.exit(main())
