"""Whose figure it is: a province, a place inside one, a ministry, the country, the world.

    Bộ Công an đạt 92,17% hồ sơ trực tuyến            ministry: no province
    cao hơn mức bình quân 20% của cả nước              national: no province
    Việt Nam xếp thứ 71/193 quốc gia                   international: no province
    Ở xã Cẩm Lĩnh (huyện Cẩm Xuyên), 3.000 người dân   place: the commune, the most specific unit named
    chỉ sau Bắc Ninh (56,83%) và Thái Nguyên (42,92%)   province: each its own
    TP.HCM và Quảng Ninh lần lượt xếp thứ 2 và 3       province: paired in order

A ministry, the country or the world must be what the figure is said of: the subject of its clause ("Bộ
Công an đạt ...", "Cả nước có ..."), or named right with it ("... của cả nước"); one named as a source
("theo Bộ Thông tin và Truyền thông", "do Bộ ... công bố") or as the scale of a rank ("đứng thứ 10 cả nước")
is neither.
"""
from __future__ import annotations

import re

from cds_facts.tasks.language.lexicon import (AVERAGE_VERBS, AVERAGE_WORDS, COUNTRIES_RANKED, COUNTRY_OWNER_WORDS,
                                              COUNTRY_WORDS, MINISTRY_LIST_WORDS, PROVINCES_TOGETHER, RANKED_AMONG,
                                              PLACE_UNITS, WORLD_WORDS, words)
from cds_facts.tasks.language.owners import opening_subject, without_source
from cds_facts.tasks.language.patterns import CAPITAL
from cds_facts.tasks.language.places import Mention

# The country or the world named with the figure: "mức bình quân 20% của cả nước", "trung bình toàn quốc 70%".
_COUNTRY_WITH = re.compile(rf"^\s*(?:\S+\s+){{0,3}}?(?:{words(COUNTRY_OWNER_WORDS)})\s+(?:{words(COUNTRY_WORDS)})(?!\w)",
                           re.IGNORECASE)
# The country's average or the country itself right before the figure: "... cả nước là 65%", "cao hơn bình
# quân chung cả nước (45%)", "so với cả nước (48%)".
_AVERAGE_BEFORE = re.compile(rf"(?:{words(AVERAGE_WORDS)})(?:\s+chung)?(?:\s+(?:của\s+)?(?:{words(COUNTRY_WORDS)})"
                             rf"(?:\s+(?:{words(AVERAGE_VERBS)}))?)?\s*\(?\s*$", re.IGNORECASE)
_COUNTRY_IN_PARENTHESES = re.compile(rf"(?<!\w)(?:{words(COUNTRY_WORDS)})\s*\(\s*$", re.IGNORECASE)
# Countries ranked: "Việt Nam xếp thứ 71/193 quốc gia", a denominator no province table has; "xếp thứ 46 thế giới".
_COUNTRIES_AFTER = re.compile(rf"^\s*(?:(?:{words(RANKED_AMONG)})\s+)?(?:{words(COUNTRIES_RANKED, WORLD_WORDS)})(?!\w)",
                              re.IGNORECASE)
# A ministry, the country or the provinces together named as the figure's owner, in one search: "tỷ lệ hồ sơ
# ... của các bộ, ngành đạt 92,17%", "của Bộ Tư pháp", "tốc độ internet di động của Việt Nam xếp thứ 46", "của
# các địa phương".
_OWNER_OF = re.compile(
    rf"(?<!\w)(?i:của)\s+(?:(?P<ministry>(?i:các\s+)?[Bb]ộ(?:\s*,\s*ngành|\s+ngành|\s+{CAPITAL})|(?i:cơ quan ngang bộ))"
    rf"|(?P<national>(?i:{words(COUNTRY_WORDS)})(?!\w))"
    rf"|(?P<provinces>(?i:(?:\d+\s+)?(?:{words(PROVINCES_TOGETHER)}))(?!\w)(?!\s*{CAPITAL})))")
# The commas that end a clause's preamble ("Theo Bộ ..., tỷ lệ ..."), not those inside "bộ, ngành".
_PREAMBLE_COMMA = re.compile(rf",(?!\s*(?:{words(MINISTRY_LIST_WORDS)})(?!\w))")
# "TP.HCM và Quảng Ninh lần lượt xếp thứ 2 và 3": the figures follow the subjects in order.
_RESPECTIVELY = re.compile(r"(?<!\w)lần lượt(?!\w)", re.IGNORECASE)
_PROVINCE_TABLE_SIZE = 63
_TWO_WORD_UNITS = tuple(unit for unit in PLACE_UNITS if " " in unit)  # "thị xã", "thị trấn", "thành phố"
PLACE_LEVEL = {"xã": 3, "phường": 3, "thị trấn": 3, "huyện": 2, "quận": 2, "thị xã": 2, "thành phố": 2}


def owner_of_clause(text: str) -> str | None:
    """ministry, national, international or PROVINCES when a clause opens on a ministry, the country, the
    world or the provinces together. A sector ("toàn ngành") is the province's in a province's article and
    the ministry's in a ministry's: the article's province decides it (Gazetteer.main_province)."""
    subject = opening_subject(text)
    return None if subject == "sector" else PROVINCES if subject == "provinces" else subject


# What scope_of says of a figure of the provinces together ("Các địa phương cung cấp 6.000 dịch vụ"): whose it
# is is known to be no one province's, but the contract has no scope for it; it is stored as NULL.
PROVINCES = "provinces together"


def scope_of(subject_text: str, after: str, kind: str, denominator: float | None) -> str | None:
    """ministry, national or international when the figure is said of one of them, else None.

    subject_text: the clause before the figure from its start (or the previous figure); after: what follows
    the figure in its clause.
    """
    if kind == "rank" and (denominator and denominator > _PROVINCE_TABLE_SIZE or _COUNTRIES_AFTER.match(after)):
        return "international"
    # A source named first is no subject ("Theo Bộ ...,", "Bộ ... công bố DTI năm 2023:"); the figure's own
    # words are what follows the last comma that ends a preamble.
    said = without_source(subject_text)
    own = _PREAMBLE_COMMA.split(said)[-1]
    for subject in (said, own) if own != said else (said,):
        owner = owner_of_clause(subject)
        if owner:
            return "international" if owner == "national" and kind == "rank" else owner
    owner_of = _OWNER_OF.search(own) if "của" in own.lower() else None
    if owner_of:
        owner = owner_of.lastgroup
        return PROVINCES if owner == "provinces" else "international" if owner == "national" and kind == "rank" \
            else owner
    tail = subject_text[-40:]
    if kind != "rank" and (_COUNTRY_WITH.match(after) or tail.rstrip().endswith("(") and _COUNTRY_IN_PARENTHESES.search(tail)
                           or any(word in tail for word in AVERAGE_WORDS) and _AVERAGE_BEFORE.search(tail)):
        return "national"
    return None


def most_specific_place(places: list[Mention]) -> Mention | None:
    """Of the places named before a figure in its sentence, the most specific (a commune over the district
    around it), the nearest among equals."""
    if not places:
        return None
    return max(enumerate(places), key=lambda item: (_level(item[1]), item[0]))[1]


def _level(place: Mention) -> int:
    unit = place.name.split(" ")[0] if not place.name.startswith(_TWO_WORD_UNITS) \
        else " ".join(place.name.split(" ")[:2])
    return PLACE_LEVEL.get(unit.lower(), 1)


def paired_in_order(provinces: list[Mention], figure_index: int, figures_after_cue: int,
                    cue_start: int) -> Mention | None:
    """With "lần lượt", the province named in the same place as the figure among the figures after it."""
    before = [p for p in provinces if p.end <= cue_start]
    if len(before) >= figures_after_cue > figure_index >= 0:
        return before[len(before) - figures_after_cue + figure_index]
    return None


def respectively(text: str, start: int, end: int) -> re.Match | None:
    return _RESPECTIVELY.search(text, start, end)
