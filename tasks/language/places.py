"""Provinces before and after the merger of 1 July 2025, and the places named in text.

The province list is ``warehouse/provinces.csv`` (made from vietnamadminunits
by scripts/build_provinces.py): 63 legacy provinces and 34 current ones,
each with the 2025 province that holds it. Names are matched however their
tone marks are placed and with or without "tỉnh"/"thành phố"/"TP".
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cds_facts.tasks.language.lexicon import FORMER_MARKS, PLACE_DESCRIPTORS, PLACE_UNITS, words
from cds_facts.tasks.language.owners import owner_above_provinces
from cds_facts.tasks.language.patterns import any_of
from cds_facts.tasks.settings import data_path
from cds_facts.tasks.language.keys import fold, match_key


# A sub-province unit named in text: "huyện Lang Chánh", "TP Thanh Hóa", "xã Thọ Diên".
# The name is one to four capitalised words.
_UNIT = "(?P<unit>" + "|".join([f"[{unit[0].upper()}{unit[0]}]{re.escape(unit[1:])}" for unit in PLACE_UNITS]
                                 + [r"TP\.?"]) + ")"
_NAME_WORD = r"[^\W\d_][^\W_]*"
# "xã miền núi Hương Liên": a few words of description may stand between the unit and its name; "Phường 1":
# wards and districts of cities are numbered.
PLACE = re.compile(rf"(?<!\w){_UNIT}\s+(?:(?:{words(PLACE_DESCRIPTORS)})\s+)?"
                   rf"(?P<name>{_NAME_WORD}(?:\s{_NAME_WORD}){{0,3}}|\d{{1,2}}(?!\d|[.,/]\d))")
_UNIT_NAMES = {"tp": "thành phố", "tp.": "thành phố"}
_FORMER = re.compile(rf"\s*\(?(?:{words(FORMER_MARKS)})(?!\w)", re.IGNORECASE)
# How much a mention says what an article is about: its headline's names, then the outlet's province, then
# each mention in its text.
_HEADLINE_VOTES, _OUTLET_VOTES, _TEXT_VOTES = 3, 2, 1


@dataclass(frozen=True)
class Province:
    code: str
    name: str
    era: str  # "legacy" (before 1 July 2025) or "2025"
    name_2025: str


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str  # canonical: "Thanh Hóa", or "huyện Lang Chánh" for a place
    is_province: bool


class Gazetteer:
    """Finds province and place names in text."""

    def __init__(self, provinces: list[Province], aliases: dict[str, str]):
        self.provinces = {p.name: p for p in provinces}
        self._by_key = dict(aliases)
        for p in provinces:
            self._by_key[match_key(p.name)] = p.name
        self._pattern = re.compile(rf"(?<!\w){any_of(list(self._by_key))}(?!\w)")
        self._folded = {fold(n).replace(" ", ""): canon for n, canon in self._by_key.items()}

    def to_2025(self, name: str | None) -> str | None:
        province = self.provinces.get(name or "")
        return province.name_2025 if province else None

    def canonical(self, name: str) -> str | None:
        """The canonical province for a name or alias ("Thanh Hoá", "TP.HCM"), else None."""
        name = re.sub(r"^(?:tỉnh|thành phố|tp\.?)\s+", "", match_key(name.strip()))
        return self._by_key.get(name)

    def in_squashed(self, text: str) -> str | None:
        """A province whose folded name stands inside a squashed string ("baonamdinh.vn" -> Nam Định)."""
        squashed = re.sub(r"[^a-z]", "", fold(text))
        hits = [(len(k), canon) for k, canon in self._folded.items() if len(k) >= 4 and k in squashed]
        return max(hits)[1] if hits else None

    def by_squashed(self, squashed: str) -> str | None:
        """The province whose folded name, spaces removed, is exactly ``squashed`` ("camau" -> Cà Mau)."""
        return self._folded.get(squashed)

    def mentions(self, text: str, start: int = 0, end: int | None = None, key: str | None = None) -> list[Mention]:
        """Province and place mentions in text[start:end], in order, with offsets into text.

        Names must be capitalised as names are. A caller reading many spans
        of one text passes its ``place_key`` once instead of having it made per span.
        """
        end = len(text) if end is None else end
        key = place_key(text) if key is None else key
        found: list[Mention] = []
        for match in PLACE.finditer(text, start, end):
            unit = _UNIT_NAMES.get(match.group("unit").lower(), match.group("unit").lower())
            name = _trim_name(match.group("name"))
            if not name:
                continue
            province = self.canonical(name) if unit == "thành phố" else None
            is_city_province = province is not None and self.provinces[province].code in _CITY_CODES
            name_end = match.start("name") + len(name)
            if is_city_province:
                found.append(Mention(match.start(), name_end, province, True))
            else:
                found.append(Mention(match.start(), name_end, f"{unit} {name}", False))
        taken = [(m.start, m.end) for m in found]
        for match in self._pattern.finditer(key, start, end):
            name_start, name_end = match.span()
            if any(s <= name_start < e for s, e in taken):
                continue
            if not all(w[0].isupper() for w in text[name_start:name_end].split() if w[0].isalpha()):
                continue  # "hòa bình" (peace) is not Hòa Bình
            found.append(Mention(name_start, name_end, self._by_key[match.group()], True))
        return sorted(found, key=lambda m: m.start)

    def main_province(self, title: str | None, body: str, hints: list[str]) -> str | None:
        """The province an article is about (main_province_and_evidence without its evidence)."""
        return self.main_province_and_evidence(title, body, hints)[0]

    def main_province_and_evidence(self, title: str | None, body: str,
                                   hints: list[str]) -> tuple[str | None, str | None]:
        """The province an article is about, and how many of the votes for a province it won.

        Each naming of a province votes for it: one in the headline thrice, the outlet's (its masthead,
        its domain) twice, one in the text once; a former province ("Hà Nam (cũ)") not at all. The
        winner must lead alone, and when the headline names no province it must hold more than half the
        votes: a text that names a list of provinces about equally is about none of them. None too when
        the article is said of a ministry, a sector or the country: its headline (without one, its first
        line) opens on one of them and names no province. Its figures then belong to no province unless
        their own clause names one.
        """
        headline = title or body.lstrip().split("\n", 1)[0]
        if owner_above_provinces(headline) and not any(m.is_province for m in self.mentions(headline)):
            return None, None
        votes: Counter[str] = Counter()
        order: dict[str, int] = {}  # the first named wins nothing: it only orders the evidence
        in_headline = False
        for weight, text in ((_HEADLINE_VOTES, title or ""), (_TEXT_VOTES, body)):
            for m in self.mentions(text):
                if m.is_province and not _FORMER.match(text, m.end):
                    votes[m.name] += weight
                    order.setdefault(m.name, len(order))
                    in_headline |= weight == _HEADLINE_VOTES
        for hint in hints:
            province = self.canonical(hint) or self.in_squashed(hint)
            if province:
                votes[province] += _OUTLET_VOTES
                order.setdefault(province, len(order))
        ranked = sorted(votes, key=lambda name: (-votes[name], order[name]))
        if not ranked or (len(ranked) > 1 and votes[ranked[0]] == votes[ranked[1]]):
            return None, None
        total = sum(votes.values())
        if not in_headline and 2 * votes[ranked[0]] <= total:
            return None, None
        return ranked[0], f"most named: {votes[ranked[0]]} of {total} votes"


def place_key(text: str) -> str:
    """The text as province names are looked up in it: its match_key, en and em dashes read as the
    hyphen of "Bà Rịa - Vũng Tàu". One character for one, so offsets hold."""
    return match_key(text).replace("–", "-").replace("—", "-")

# Province-level cities: "thành phố Đà Nẵng" is a province, "thành phố Nam Định" a place.
_CITY_CODES = {"01", "31", "46", "48", "79", "92"}
def _trim_name(name: str) -> str:
    """Keep the leading capitalised words of a candidate place name (a number is a name of its own)."""
    if name.isdigit():
        return name
    words = []
    for word in name.split():
        if not word[0].isupper():
            break
        words.append(word)
    return " ".join(words)


@lru_cache(maxsize=4)
def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """The provinces of provinces.csv (the shipped one unless path), with their name variants."""
    provinces, aliases = [], {}
    with open(path or data_path("provinces.csv"), encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            province = Province(row["code"], row["name"], row["era"], row["name_2025"])
            if province.name not in {p.name for p in provinces}:
                provinces.append(province)
            for alias in filter(None, row["aliases"].split("|")):
                aliases[match_key(alias)] = row["name"]
    return Gazetteer(provinces, aliases)
