"""Who a clause or a headline is said of, when it is no province: a ministry, a sector, the country, the world.

    Bộ Công an đạt 92,17% ...          a ministry        Các bộ, ngành đã ...     the ministries
    Toàn ngành đã cung cấp ...          a sector          Ngành Tư pháp có ...     a sector
    Cả nước có 4.500 ...                the country       Bình quân chung cả nước, ...
    Các địa phương cung cấp ...         the provinces together: no one province's
    Riêng Bộ Y tế có ...                a lead word first (SCOPE_LEADS) changes nothing
    Thế giới ...                        the world

Both the article's province (a headline said of a ministry or the country names no province the article is
about) and each figure's scope (tasks/meaning/subjects.py) read these. The words are the lexicon's.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from cds_facts.tasks.language.lexicon import (COUNTRY_WORDS, PROVINCE_PREFIXES, PROVINCES_TOGETHER, REPORTING_VERBS,
                                              SCOPE_LEADS, SECTOR_WORDS, WORLD_WORDS, words)
from cds_facts.tasks.language.patterns import CAPITAL

# The word before a province's name, as a pattern source: "tỉnh ", "thành phố ", "TP. ".
PROVINCE_PREFIX = rf"(?:(?:{words(PROVINCE_PREFIXES)})\.?\s*)"
# A source's preamble before what it says: "Theo Sở Thông tin và Truyền thông, ...", "Ban Chỉ đạo cho biết,
# ...", "Bộ Thông tin và Truyền thông công bố DTI năm 2023: ...": the source is no subject of what follows.
SOURCE_PREAMBLE = re.compile(rf"^\s*(?:(?i:theo)\s+[^,;:]+|[^,;:]*?(?<!\w)(?i:{words(REPORTING_VERBS)})(?!\w)[^,;:]*?)\s*[,:]")


def without_source(text: str) -> str:
    """text after a source's preamble, if it opens with one."""
    return SOURCE_PREAMBLE.sub("", text, count=1)


# One pattern for every such subject, asked once of a clause: its named group says whose.
_OPENING = re.compile(
    rf"^\s*(?:(?i:{words(SCOPE_LEADS)})\s*,?\s*)?(?:"
    # "Bộ Công an", "Bộ TT&TT", "Các bộ, ngành", "cơ quan ngang bộ": a capital after "Bộ" names one
    rf"(?P<ministry>(?:[Cc]ác\s+)?[Bb]ộ(?:,\s*ngành|\s+{CAPITAL}[\w&-]*)|(?i:(?:các\s+)?cơ quan ngang bộ))"
    rf"|(?i:(?P<world>{words(WORLD_WORDS)})(?!\w))"
    rf"|(?i:(?P<country>{words(COUNTRY_WORDS)})(?!\w))"
    # "Các địa phương ...", "63 tỉnh, thành phố ...", not "Các tỉnh Quảng Bình, Hà Tĩnh ..." (named: each its own)
    rf"|(?i:(?P<provinces>(?:\d+\s+)?(?:{words(PROVINCES_TOGETHER)}))(?!\w)\s*(?P<next>\w?))"
    rf"|(?i:(?P<sector>{words(SECTOR_WORDS)})(?!\w)))")


# The first words the pattern can match at: a clause opening on any other word is asked nothing more (most
# clauses: "Tỷ lệ ...", "Toàn tỉnh có ...").
_FIRST_WORDS = frozenset(phrase.split()[0] for phrase in (*SCOPE_LEADS, *WORLD_WORDS, *COUNTRY_WORDS,
                                                          *PROVINCES_TOGETHER, *SECTOR_WORDS, "bộ", "các", "cơ"))


class Owner(NamedTuple):
    """Whose a text is said of, and the words that say so (the evidence)."""

    whose: str  # ministry, sector, national, international, provinces
    words: str


def opening_subject(text: str) -> Owner | None:
    """Whose figure text opens on, above a province: ministry, sector, national, international, or provinces
    (the provinces together, none named after them); None for anything else (a province, a place, a noun)."""
    first = text[:24].split(None, 1)
    if not first or first[0].rstrip(",").lower() not in _FIRST_WORDS and not first[0][0].isdigit():
        return None
    found = _OPENING.match(text)
    if not found:
        return None
    if found.group("provinces") is not None:
        return None if found.group("next").isupper() else Owner("provinces", found.group("provinces"))
    whose = {"world": "international", "country": "national"}.get(found.lastgroup, found.lastgroup)
    return Owner(whose, found.group(found.lastgroup))


def owner_above_provinces(text: str) -> str | None:
    """ministry, national or international when a headline opens on a ministry or a sector, the country,
    the provinces together or the world as its subject; else None."""
    subject = opening_subject(text)
    return subject and {"sector": "ministry", "provinces": "national"}.get(subject.whose, subject.whose)
