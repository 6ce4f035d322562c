"""Export the warehouse for sharing: Parquet (facts partitioned by indicator) or CSV, one file per relation."""
from __future__ import annotations

from pathlib import Path

import duckdb

# Relations exported, and what each leaves out: raw bytes stay in the warehouse.
EXPORTED = {
    "documents": "*",
    "facts": "*",
    "indicators": "*",
    "provinces": "*",
    "runs": "*",
    "quarantine": "* EXCLUDE (raw)",
    "fetch_log": "*",
    "latest_values": "*",
    "corroborated_facts": "*",
    "conflicting_facts": "*",
    "failed_checks": "*",
}
FORMATS = ("parquet", "csv")


def export(db: str | Path, out_dir: str | Path, fmt: str) -> dict[str, int]:
    """Write every exported relation under out_dir; returns rows written per relation.

    Parquet: ``facts/indicator=<code>/*.parquet`` (Hive partitions, replaced
    whole on each export; facts with no indicator go under Hive's
    ``indicator=__HIVE_DEFAULT_PARTITION__`` and read back as NULL) and
    ``<relation>.parquet`` for the rest. CSV: ``<relation>.csv`` with a header.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    with duckdb.connect(str(db), read_only=True) as con:
        for name, columns in EXPORTED.items():
            query = f"SELECT {columns} FROM {name}"
            if fmt == "parquet" and name == "facts":
                target, options = out / "facts", "FORMAT parquet, PARTITION_BY (indicator), OVERWRITE"
            elif fmt == "parquet":
                target, options = out / f"{name}.parquet", "FORMAT parquet"
            else:
                target, options = out / f"{name}.csv", "FORMAT csv, HEADER"
            con.execute(f"COPY ({query}) TO '{_quoted(target)}' ({options})")
            written[name] = con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
    return written


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")
