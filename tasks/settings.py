"""Every ``CDS_*`` setting and every data location, read in one place, when asked: never at import.

| variable | what | default |
|---|---|---|
| ``CDS_DB`` | the warehouse file commands use when not given ``--db`` | ``warehouse/cds.duckdb`` under the current folder |
| ``CDS_MAX_INPUT_MB`` | the largest input file read, in MiB | 10 |
| ``CDS_LOCK_WAIT_SECONDS`` | how long a run waits for another process to release the warehouse | 60 |
| ``CDS_LOAD_MEMORY_LIMIT`` | DuckDB's memory limit on the connection a run loads through | 64MB |
| ``CDS_OUTLETS`` | a CSV of outlets (``host,name``) read after the shipped ``outlets.csv``: its rows win | none |

The reference data (catalogue, provinces, places, outlets, migrations, queries) ships inside the package,
as ``cds_facts.warehouse``; ``data_path`` finds it wherever the package is installed.
"""
from __future__ import annotations

import os
import tomllib
from importlib.resources import files
from pathlib import Path

DEFAULT_DB = "warehouse/cds.duckdb"


def warehouse_path() -> Path:
    """The default warehouse: ``CDS_DB`` if set, else ``warehouse/cds.duckdb`` under the current folder."""
    return Path(os.environ.get("CDS_DB") or DEFAULT_DB)


def max_input_bytes() -> int:
    """No news article is this big; a file that is would tie a batch up for minutes."""
    return int(float(os.environ.get("CDS_MAX_INPUT_MB", "10")) * 2**20)


def lock_wait_seconds() -> float:
    return float(os.environ.get("CDS_LOCK_WAIT_SECONDS", "60"))


def load_memory_limit() -> str:
    """DuckDB's memory while a run loads: its buffer cache otherwise keeps what it wrote, up to 80 % of RAM."""
    return os.environ.get("CDS_LOAD_MEMORY_LIMIT", "64MB")


def extra_outlets_path() -> Path | None:
    """A user's own table of outlets by host, beside the shipped one: ``CDS_OUTLETS`` if set."""
    value = os.environ.get("CDS_OUTLETS")
    return Path(value) if value else None


def read_toml(path: str | Path, what: str, error: type[Exception]) -> dict:
    """A TOML settings file (the sources file, the schedules file) as a dict; error(message) says in one
    line why it cannot be read: what = "sources file", "schedules file"."""
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise error(f"cannot read {what} {path}: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path} is not valid TOML: {exc}") from exc


def data_path(*parts: str) -> Path:
    """A file or folder of the reference data shipped with the package: ``data_path("provinces.csv")``."""
    return Path(str(files("cds_facts.warehouse").joinpath(*parts)))


def flows_file(name: str) -> Path:
    """A file shipped with the flows: the schedules and the example sources file."""
    return Path(str(files("cds_facts.flows").joinpath(name)))
