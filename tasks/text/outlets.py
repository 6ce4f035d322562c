"""Outlets known by the host of their site: the table shipped with the package (``outlets.csv``: national
papers, agencies, portals) and a user's own beside it (``CDS_OUTLETS``, the same two columns), whose rows
win. A provincial paper ("baohatinh.vn") or a province's portal ("hatinh.gov.vn") needs no row: its
name is made from the province (metadata.py)."""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from cds_facts.tasks.settings import data_path, extra_outlets_path


def outlet_of_host(host: str) -> str | None:
    """The outlet a host is the site of ("www.vnexpress.net", "m.vnexpress.net" -> "VnExpress"), or None."""
    table = outlets_by_host(extra_outlets_path())
    labels = host.lower().removeprefix("www.").split(".")
    for i in range(len(labels) - 1):  # the host, then the domains it is under: "m.tuoitre.vn" -> "tuoitre.vn"
        name = table.get(".".join(labels[i:]))
        if name:
            return name
    return None


@lru_cache(maxsize=4)
def outlets_by_host(extra: Path | None = None) -> dict[str, str]:
    """host -> outlet name, the shipped table's rows and then extra's (a CSV with ``host,name``)."""
    table: dict[str, str] = {}
    for path in (data_path("outlets.csv"), extra):
        if path is None:
            continue
        with open(path, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                host, name = (row.get("host") or "").strip().lower(), (row.get("name") or "").strip()
                if host and name:
                    table[host.removeprefix("www.")] = name
    return table
