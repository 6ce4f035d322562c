"""Compare two `cds export --format csv` folders relation by relation, leaving out what differs between
any two runs (run ids, timestamps, the process): a refactoring's check that behaviour did not change.

    python scripts/compare_exports.py BEFORE_DIR AFTER_DIR     # exit 1 if any relation differs
"""
from __future__ import annotations

import sys
from pathlib import Path

import duckdb

VOLATILE = {"run_id", "flow_run_id", "loaded_at", "started_at", "ended_at", "quarantined_at", "requested_at",
            "fetched_at", "pid", "host", "inputs"}


def rows(con: duckdb.DuckDBPyConnection, path: Path, columns: list[str]) -> list[tuple]:
    quoted = ", ".join(f'"{c}"' for c in columns)
    return sorted(con.execute(f"SELECT {quoted} FROM read_csv_auto(?, all_varchar = true)", [str(path)]).fetchall(),
                  key=repr)


def main(before: Path, after: Path) -> int:
    con = duckdb.connect()
    differ = 0
    for path in sorted(before.glob("*.csv")):
        other = after / path.name
        columns = [d[0] for d in con.execute("SELECT * FROM read_csv_auto(?, all_varchar = true) LIMIT 0",
                                             [str(path)]).description]
        kept = [c for c in columns if c not in VOLATILE]
        same = other.exists() and rows(con, path, kept) == rows(con, other, kept)
        differ += not same
        print(f"{path.name:<28} {'identical' if same else 'DIFFERENT'}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
