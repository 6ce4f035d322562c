"""Write warehouse/provinces.csv and warehouse/places.csv from the vietnamadminunits package.

One row per province-level unit: the 63 before the merger of 1 July 2025
(era ``legacy``) and the 34 after it (era ``2025``), each with its official
code, short and full name, the 2025 province that holds it, and name
variants the press uses. And one row per district and commune-level unit
the package lists: the legacy districts and their communes, and the
communes of the 34 provinces after the merger (which has no districts).
Run it again when the package's data changes:

    python scripts/build_provinces.py [PROVINCES_OUT [PLACES_OUT]]
"""
from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

from vietnamadminunits.database import get_data
import vietnamadminunits

OUT = Path(__file__).resolve().parent.parent / "warehouse" / "provinces.csv"
COLUMNS = ["code", "name", "full_name", "era", "name_2025", "aliases"]
PLACES_OUT = OUT.with_name("places.csv")
PLACE_COLUMNS = ["code", "level", "name", "full_name", "district", "province", "era"]

# Names the press uses that the package does not list (besides tone-mark
# placement and the "Tỉnh"/"Thành phố"/"TP." prefixes, which matching folds).
EXTRA_ALIASES = {
    "Hồ Chí Minh": ["TP.HCM", "TPHCM", "TP HCM", "Sài Gòn"],
    "Huế": ["Thừa Thiên Huế", "Thừa Thiên - Huế"],
    "Bà Rịa - Vũng Tàu": ["Bà Rịa-Vũng Tàu", "BR-VT"],
    "Hà Nội": ["Thủ đô Hà Nội"],
}


def _mapping_old_to_new() -> dict[str, str]:
    """Legacy province key -> 2025 province key, from the package's converter data."""
    path = Path(vietnamadminunits.__file__).parent / "data" / "converter_2025.json"
    merged = json.loads(path.read_text(encoding="utf-8"))["DICT_PROVINCE"]
    return {old: new for new, olds in merged.items() for old in olds}


def province_rows() -> list[dict[str, str]]:
    fields = ["province", "provinceShort", "provinceCode", "provinceKey"]
    current = {r["provinceKey"]: r for r in get_data(fields, table="admin_units")}
    legacy = {r["provinceKey"]: r for r in get_data(fields, table="admin_units_legacy")}
    old_to_new = _mapping_old_to_new()
    rows = []
    for era, units in (("legacy", legacy), ("2025", current)):
        for key, unit in sorted(units.items(), key=lambda kv: kv[1]["provinceCode"]):
            new_key = key if era == "2025" else old_to_new[key]
            short = unit["provinceShort"]
            rows.append({
                "code": unit["provinceCode"],
                "name": short,
                "full_name": unit["province"],
                "era": era,
                "name_2025": current[new_key]["provinceShort"],
                "aliases": "|".join(EXTRA_ALIASES.get(short, [])),
            })
    return rows


def place_rows() -> list[dict[str, str]]:
    """Districts (legacy) and communes (legacy and 2025), each with its province as named in its era."""
    legacy = get_data(["provinceShort", "district", "districtShort", "districtCode", "ward", "wardShort", "wardCode"],
                      table="admin_units_legacy")
    current = get_data(["provinceShort", "ward", "wardShort", "wardCode"], table="admin_units")
    rows: dict[tuple[str, str, str], dict[str, str]] = {}
    for unit in legacy:
        if not unit["districtCode"]:
            continue
        rows.setdefault(("legacy", "district", unit["districtCode"]), {
            "code": unit["districtCode"], "level": "district", "name": unit["districtShort"],
            "full_name": unit["district"], "district": "", "province": unit["provinceShort"], "era": "legacy"})
        if not unit["wardCode"]:
            continue  # a district without communes listed
        rows[("legacy", "commune", unit["wardCode"])] = {
            "code": unit["wardCode"], "level": "commune", "name": unit["wardShort"], "full_name": unit["ward"],
            "district": unit["districtShort"], "province": unit["provinceShort"], "era": "legacy"}
    for unit in current:
        if not unit["wardCode"]:
            continue
        rows[("2025", "commune", unit["wardCode"])] = {
            "code": unit["wardCode"], "level": "commune", "name": unit["wardShort"], "full_name": unit["ward"],
            "district": "", "province": unit["provinceShort"], "era": "2025"}
    return [rows[key] for key in sorted(rows)]


def render(rows: list[dict[str, str]], columns: list[str] = COLUMNS) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    places_out = Path(sys.argv[2]) if len(sys.argv) > 2 else PLACES_OUT
    out.write_text(render(province_rows()), encoding="utf-8")
    places_out.write_text(render(place_rows(), PLACE_COLUMNS), encoding="utf-8")
    print(f"wrote {out} and {places_out}")


if __name__ == "__main__":
    main()
