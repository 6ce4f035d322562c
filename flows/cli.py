"""The ``cds`` command: ingest files, fetch pages, query, export and report on the warehouse, list runs.

Exit codes: 0 the run completed; 3 it completed but some inputs were
quarantined (see the quarantine table); 2 a bad argument or missing path;
1 the run failed.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

# Only the standard library at the top: the ingest flow's worker processes start by importing this
# module again (as any spawned process imports its parent's main script), and stay light if it is.

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_QUARANTINED = 0, 1, 2, 3
_READ_ONLY_SQL = ("select", "with", "from", "describe", "show", "pragma", "explain", "summarize", "table")


def _quiet_prefect(verbose: bool) -> None:
    """Prefect's console logs drown the summary; users who want them pass -v or set the variables."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


def _fail(message: str, code: int = EXIT_USAGE) -> int:
    print(f"cds: {message}", file=sys.stderr)
    return code


def cmd_ingest(args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        return _fail(f"no such file or folder: {missing[0]}")
    if args.dask_address and args.task_runner != "dask":
        return _fail("--dask-address needs --task-runner dask")
    _quiet_prefect(args.verbose)
    from flows.ingest import ingest  # Prefect is imported only when a flow runs
    from flows.runners import make_task_runner

    runner = make_task_runner(args.task_runner, args.dask_address, args.workers)
    try:
        counts = ingest.with_options(task_runner=runner)(
            paths=[str(p) for p in args.paths], db=str(args.db), batch_size=args.batch_size,
            show_progress=sys.stderr.isatty())
    except Exception as exc:
        return _fail(f"ingest failed: {type(exc).__name__}: {exc}", EXIT_FAILED)
    return _summary(args.db, counts)


def _summary(db: Path, counts: dict) -> int:
    print(f"warehouse  {db}")
    skipped = f", skipped {counts['skipped']} (robots.txt)" if counts.get("skipped") else ""
    print(f"documents  seen {counts['seen']}, new {counts['new']}, changed {counts['changed']}, "
          f"unchanged {counts['unchanged']}, failed {counts['failed']}{skipped}")
    failing = (f", {counts['failed_checks']} failing a consistency check (see the failed_checks view)"
               if counts.get("failed_checks") else "")
    print(f"facts      {counts['facts']} loaded{failing}")
    print(f"run        {counts['run_id']}")
    if counts["failed"]:
        print(f"quarantine {counts['failed']} input(s): cds sql \"SELECT source_uri, stage, error FROM quarantine\""
              f" --db {db}")
        return EXIT_QUARANTINED
    return EXIT_OK


def cmd_fetch(args: argparse.Namespace) -> int:
    if not args.urls and not args.sources:
        return _fail("give article URLs, or --sources FILE")
    from tasks.sources_file import SourcesError, read_sources

    if args.sources:
        try:
            read_sources(args.sources)  # a bad file is a usage error, said before any flow starts
        except SourcesError as exc:
            return _fail(str(exc))
    _quiet_prefect(args.verbose)
    from flows.fetch import fetch

    try:
        counts = fetch(urls=args.urls, sources_file=str(args.sources) if args.sources else None, db=str(args.db))
    except Exception as exc:
        return _fail(f"fetch failed: {type(exc).__name__}: {exc}", EXIT_FAILED)
    return _summary(args.db, counts)


def cmd_serve(args: argparse.Namespace) -> int:
    _quiet_prefect(args.verbose)
    from prefect import serve

    from flows.serve import ScheduleError, build_deployments, read_schedules

    try:
        specs = read_schedules(args.schedules)
    except ScheduleError as exc:
        return _fail(str(exc))
    for spec in specs:
        print(f"serving {spec.flow}/{spec.name}: '{spec.cron}' ({spec.timezone})")
    serve(*build_deployments(specs))  # runs until interrupted
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    if not args.db.exists():
        return _fail(f"no warehouse at {args.db}: run 'cds ingest' first")
    from tasks.export import export

    try:
        written = export(args.db, args.out, args.format)
    except Exception as exc:  # duckdb.Error, OSError: say it in one line
        return _fail(f"export failed: {type(exc).__name__}: {exc}", EXIT_FAILED)
    for name, count in written.items():
        print(f"{name:<20} {count:>8} rows")
    print(f"written to {args.out} as {args.format}")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    if not args.db.exists():
        return _fail(f"no warehouse at {args.db}: run 'cds ingest' first")
    from tasks.report import write_report

    try:
        path = write_report(args.db, args.out)
    except Exception as exc:
        return _fail(f"report failed: {type(exc).__name__}: {exc}", EXIT_FAILED)
    print(f"report written to {path}")
    return EXIT_OK


def _show(db: Path, query: str, params: list | None = None) -> int:
    import duckdb

    if not db.exists():
        return _fail(f"no warehouse at {db}: run 'cds ingest' first")
    read_only = query.lstrip().lower().startswith(_READ_ONLY_SQL)
    try:
        con = duckdb.connect(str(db), read_only=read_only)
    except duckdb.Error as exc:
        return _fail(f"cannot open {db}: {exc}", EXIT_FAILED)
    try:
        con.execute("SET TimeZone = 'Asia/Ho_Chi_Minh'")
        relation = con.sql(query, params=params)
        if relation is None:
            print("ok")
        else:
            relation.show(max_width=200, max_rows=200)
    except duckdb.Error as exc:
        return _fail(str(exc).splitlines()[0], EXIT_FAILED)
    finally:
        con.close()
    return EXIT_OK


def cmd_sql(args: argparse.Namespace) -> int:
    return _show(args.db, args.query)


def cmd_runs(args: argparse.Namespace) -> int:
    return _show(args.db, "SELECT run_id, flow_run_id, started_at, ended_at, status, seen, new, changed,"
                          " unchanged, failed, skipped, facts FROM runs ORDER BY started_at DESC LIMIT ?", [args.limit])


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line and exit 2, not a usage dump
        print(f"cds: {message} (see 'cds --help')", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    from tasks.load import DEFAULT_DB

    parser = _Parser(prog="cds", description="Facts about provincial digital transformation from Vietnamese news.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    db_help = f"DuckDB warehouse file (default {DEFAULT_DB})"

    ingest = commands.add_parser("ingest", help="ingest files or folders of .txt and .html")
    ingest.add_argument("paths", nargs="+", type=Path)
    ingest.add_argument("--db", type=Path, default=Path(DEFAULT_DB), help=db_help)
    ingest.add_argument("-v", "--verbose", action="store_true", help="show Prefect's logs")
    ingest.add_argument("--batch-size", type=int, default=200, help="files per batch: one load transaction each")
    ingest.add_argument("--task-runner", choices=("processes", "threads", "dask"), default="processes",
                        help="where cleaning and extraction run: a pool of this machine's cores (default), "
                             "one thread of this process, or Dask")
    ingest.add_argument("--dask-address", help="scheduler of an existing Dask cluster, e.g. tcp://10.0.0.5:8786")
    ingest.add_argument("--workers", type=int, help="processes for 'processes' or a local Dask cluster (default: one per core)")
    ingest.set_defaults(run=cmd_ingest)

    fetch = commands.add_parser("fetch", help="fetch article pages (and new links in feeds) over HTTP")
    fetch.add_argument("urls", nargs="*", help="article URLs")
    fetch.add_argument("--sources", type=Path, help="TOML sources file: articles, feeds, listing pages, politeness")
    fetch.add_argument("--db", type=Path, default=Path(DEFAULT_DB), help=db_help)
    fetch.add_argument("-v", "--verbose", action="store_true", help="show Prefect's logs")
    fetch.set_defaults(run=cmd_fetch)

    serve = commands.add_parser("serve", help="serve the ingest and fetch deployments on their cron schedules")
    serve.add_argument("--schedules", type=Path, default=Path("flows/schedules.toml"),
                       help="TOML file of deployments (default flows/schedules.toml)")
    serve.add_argument("-v", "--verbose", action="store_true", help="show Prefect's logs")
    serve.set_defaults(run=cmd_serve)

    export = commands.add_parser("export", help="write the warehouse's tables and views as Parquet or CSV files")
    export.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    export.add_argument("--out", type=Path, required=True, help="folder to write into")
    export.add_argument("--db", type=Path, default=Path(DEFAULT_DB), help=db_help)
    export.set_defaults(run=cmd_export)

    report = commands.add_parser("report", help="write a self-contained HTML report: charts, corroborated,"
                                               " conflicting and failed figures")
    report.add_argument("--out", type=Path, required=True, help="HTML file to write")
    report.add_argument("--db", type=Path, default=Path(DEFAULT_DB), help=db_help)
    report.set_defaults(run=cmd_report)

    sql = commands.add_parser("sql", help="run SQL against the warehouse and print the result")
    sql.add_argument("query")
    sql.add_argument("--db", type=Path, default=Path(DEFAULT_DB), help=db_help)
    sql.set_defaults(run=cmd_sql)

    runs = commands.add_parser("runs", help="the last runs")
    runs.add_argument("--db", type=Path, default=Path(DEFAULT_DB), help=db_help)
    runs.add_argument("--limit", type=int, default=10)
    runs.set_defaults(run=cmd_runs)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
