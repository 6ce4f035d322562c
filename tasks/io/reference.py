"""The reference data files the warehouse is seeded from: the indicator catalogue, the splits of an
indicator into parts, and the official tables figures are checked against (shipped as cds_facts.warehouse,
or a user's own files)."""
from __future__ import annotations

import csv
import re
from pathlib import Path

from cds_facts.tasks.language.keys import fold
from cds_facts.tasks.settings import data_path


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as handle:
        return [dict(row) for row in csv.DictReader(handle)]


def read_catalogue_csv(path: Path | None = None) -> list[dict[str, str]]:
    """The indicator catalogue's rows: the shipped indicators.csv unless path."""
    return read_csv_rows(path or data_path("indicators.csv"))


class ReferenceTableError(ValueError):
    """A reference table that cannot be read as official values, with the file and what is wrong."""


# The columns of a reference table that are not values: which unit, which year, where from, notes.
_UNIT_COLUMNS = {"province": "province", "province_2025": "province_2025", "province_post_merger": "province_2025"}
_SOURCE_COLUMNS = ("source", "source_url")
_NOTE_COLUMNS = ("group", "note", "notes", "comment")
_OUT_OF = re.compile(r"^(?P<measure>.+)_of_(?P<units>\d+)$")  # "rank_of_34": a rank among 34 units
_ASIDE = re.compile(r"\s*\(.*$")  # "Hải Phòng (post-merger)", "Huế (TP. Huế, post-merger)"
# How many units a table ranks when its columns do not say: the 63 provinces, or the 34 after the merger.
_UNITS_RANKED = {"province": 63.0, "province_2025": 34.0}


def reference_rows(rows: list[dict[str, str]], origin: str, codes: dict[str, str],
                   province_names: dict[str, dict[str, str]]) -> list[dict]:
    """The official values a reference table holds, one per indicator, unit and year.

    A table is long (columns indicator, value, year, province or province_2025, and perhaps denominator
    and source) or wide, as the Ministry's tables are printed: year, the unit, and one column per value,
    named by an indicator's code or by its code after the file's prefix ("rank" in dti_provincial.csv is
    dti.rank; "rank_of_34" a rank among 34). codes: indicator code -> kind; province_names: for "province"
    and "province_2025", each spelling (folded) -> the warehouse's name. Empty cells are values not known.
    """
    if not rows:
        return []
    columns = list(rows[0])
    unit = next((c for c in columns if c in _UNIT_COLUMNS), None)
    if unit is None or "year" not in columns:
        raise ReferenceTableError(f"{origin}: a reference table needs a year column and a province column "
                                  f"(province, province_2025 or province_post_merger); it has {', '.join(columns)}")
    era = _UNIT_COLUMNS[unit]
    source = next((c for c in _SOURCE_COLUMNS if c in columns), None)
    if "indicator" in columns and "value" in columns:
        measures = None
    else:
        prefix = origin.split("_", 1)[0].removesuffix(".csv")
        measures = {}
        for column in columns:
            if column in (unit, "year", source) or column in _NOTE_COLUMNS:
                continue
            out_of = _OUT_OF.match(column)
            name = out_of.group("measure") if out_of else column
            code = name if name in codes else f"{prefix}.{name}"
            if code not in codes:
                raise ReferenceTableError(f"{origin}: column {column!r} names no indicator of the catalogue")
            units = float(out_of.group("units")) if out_of else _UNITS_RANKED[era]
            measures[column] = (code, units if codes[code] == "rank" else None)
    found = []
    for number, row in enumerate(rows, start=2):
        where = f"{origin}, line {number}"
        name = _ASIDE.sub("", row[unit] or "").strip()
        province = province_names[era].get(fold(name))
        if province is None:
            raise ReferenceTableError(f"{where}: {row[unit]!r} is no {'province' if era == 'province' else 'post-merger province'}")
        year = _whole(row["year"], where)
        cells = [(row["indicator"], row["value"], row.get("denominator"))] if measures is None else \
            [(code, row[column], units) for column, (code, units) in measures.items()]
        for code, text, denominator in cells:
            if not (text or "").strip():
                continue
            if code not in codes:
                raise ReferenceTableError(f"{where}: {code!r} is no indicator of the catalogue")
            value = _number(text, where)
            found.append({"indicator": code, "province": province if era == "province" else None,
                          "province_2025": province if era == "province_2025" else None, "year": year,
                          "value": value, "denominator": _denominator(denominator, where), "decimals": _decimals(text),
                          "source": (row.get(source) or None) if source else None, "origin": origin})
    return found


def _whole(text: str, where: str) -> int:
    try:
        return int(text)
    except (TypeError, ValueError):
        raise ReferenceTableError(f"{where}: year {text!r} is not a year") from None


def _number(text: str, where: str) -> float:
    try:
        return float(text.strip())
    except ValueError:
        raise ReferenceTableError(f"{where}: {text!r} is not a number (write 0.6077, not 0,6077)") from None


def _denominator(given: str | float | None, where: str) -> float | None:
    """A long table's denominator cell (empty: none), or the one a wide table's column says."""
    if isinstance(given, str):
        return _number(given, where) if given.strip() else None
    return given


def _decimals(text: str) -> int:
    """The decimals a value is published with: "0.6077" has 4, "15" none."""
    return len(text.strip().partition(".")[2])


def read_reference_tables(paths: list[Path], codes: dict[str, str], provinces: list[dict[str, str]]) -> list[dict]:
    """The official values of reference table files (``reference_rows``), each file's rows named by its name."""
    names = province_spellings(provinces)
    values = []
    for path in paths:
        values += reference_rows(read_csv_rows(path), path.name, codes, names)
    return values


def shipped_reference_tables() -> list[Path]:
    """The official tables shipped with the package (warehouse/reference/*.csv)."""
    return sorted(data_path("reference").glob("*.csv"))


def province_spellings(provinces: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    """Each spelling of a province (its name, full name and aliases, folded) -> its name: for pre-merger
    units ("province") and for the 34 after the merger ("province_2025")."""
    names: dict[str, dict[str, str]] = {"province": {}, "province_2025": {}}
    for row in provinces:
        era = "province_2025" if row["era"] == "2025" else "province"
        for spelling in [row["name"], row["full_name"], *(row.get("aliases") or "").split("|")]:
            if spelling.strip():
                names[era][fold(spelling.strip())] = row["name"]
    return names
