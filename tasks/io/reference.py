"""The reference data files the warehouse is seeded from: the indicator catalogue and the splits of an
indicator into parts (shipped as cds_facts.warehouse, or a user's own copies)."""
from __future__ import annotations

import csv
from pathlib import Path

from cds_facts.tasks.settings import data_path


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as handle:
        return [dict(row) for row in csv.DictReader(handle)]


def read_catalogue_csv(path: Path | None = None) -> list[dict[str, str]]:
    """The indicator catalogue's rows: the shipped indicators.csv unless path."""
    return read_csv_rows(path or data_path("indicators.csv"))
