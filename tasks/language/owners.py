"""Who a clause or a headline is said of, when it is no province: a ministry, a sector, the country, the world.

    Bộ Công an đạt 92,17% ...          a ministry        Các bộ, ngành đã ...     the ministries
    Toàn ngành đã cung cấp ...          a sector          Ngành Tư pháp có ...     a sector
    Cả nước có 4.500 ...                the country       Bình quân chung cả nước, ...
    Các địa phương cung cấp ...         the provinces together: no one province's
    Thế giới ...                        the world

Both the article's province (a headline said of a ministry or the country names no province the article is
about) and each figure's scope (tasks/meaning/subjects.py) read these. The words are the lexicon's.
"""
from __future__ import annotations

import re

from cds_facts.tasks.language.lexicon import (COUNTRY_WORDS, PROVINCES_TOGETHER, SCOPE_LEADS, SECTOR_WORDS, WORLD_WORDS,
                                              words)
from cds_facts.tasks.language.patterns import CAPITAL

_LEAD = rf"^\s*(?:(?:{words(SCOPE_LEADS)})\s*,?\s*)?"
# "Bộ Công an", "Bộ TT&TT", "Các bộ, ngành", "cơ quan ngang bộ": a capital after "Bộ" names one.
MINISTRY_SUBJECT = re.compile(_LEAD + rf"(?:(?:[Cc]ác\s+)?[Bb]ộ(?:,\s*ngành|\s+{CAPITAL}[\w&-]*)|(?:[Cc]ác\s+)?cơ quan ngang bộ)")
SECTOR_SUBJECT = re.compile(_LEAD + rf"(?:{words(SECTOR_WORDS)})(?!\w)", re.IGNORECASE)
COUNTRY_SUBJECT = re.compile(_LEAD + rf"(?:{words(COUNTRY_WORDS)})(?!\w)", re.IGNORECASE)
WORLD_SUBJECT = re.compile(_LEAD + rf"(?:{words(WORLD_WORDS)})(?!\w)", re.IGNORECASE)
# "Các địa phương ...", "63 tỉnh, thành phố ...", but not "Các tỉnh Quảng Bình, Hà Tĩnh ..." (named: each their own).
_PROVINCES_SUBJECT = re.compile(_LEAD + rf"(?:\d+\s+)?(?:{words(PROVINCES_TOGETHER)})(?!\w)\s*(\w?)", re.IGNORECASE)


def provinces_together(text: str) -> bool:
    """Whether text opens on the provinces together, none of them named after it."""
    found = _PROVINCES_SUBJECT.match(text)
    return bool(found) and not found.group(1).isupper()


def owner_above_provinces(text: str) -> str | None:
    """ministry, national or international when text opens on a ministry or a sector, the country or the
    world as its subject; else None."""
    if WORLD_SUBJECT.match(text):
        return "international"
    if MINISTRY_SUBJECT.match(text) or SECTOR_SUBJECT.match(text):
        return "ministry"
    if COUNTRY_SUBJECT.match(text):
        return "national"
    return None
