"""Every ``CDS_*`` setting, read from the environment in one place, when asked: never at import.

| variable | what | default |
|---|---|---|
| ``CDS_DB`` | the warehouse file commands use when not given ``--db`` | ``warehouse/cds.duckdb`` |
"""
from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = "warehouse/cds.duckdb"


def warehouse_path() -> Path:
    """The default warehouse: ``CDS_DB`` if set, else ``warehouse/cds.duckdb`` under the current folder."""
    return Path(os.environ.get("CDS_DB") or DEFAULT_DB)
