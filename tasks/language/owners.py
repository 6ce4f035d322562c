"""Who a clause or a headline is said of, when it is no province: a ministry, a sector, the country, the world.

    Bộ Công an đạt 92,17% ...          a ministry        Các bộ, ngành đã ...     the ministries
    Toàn ngành đã cung cấp ...          a sector          Ngành Tư pháp có ...     a sector
    Cả nước có 4.500 ...                the country       Bình quân chung cả nước, ...
    Các địa phương cung cấp ...         the provinces together: no one province's
    Riêng Bộ Y tế có ...                a lead word first (SCOPE_LEADS) changes nothing
    Chính phủ đặt mục tiêu ...          the central government: the country
    Thế giới ...                        the world

Both the article's province (a headline said of a ministry or the country names no province the article is
about) and each figure's scope (tasks/meaning/subjects.py) read these. The words are the lexicon's.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from cds_facts.tasks.language.lexicon import (CENTRAL_GOVERNMENT, COUNTRY_AS_WHOLE, COUNTRY_AS_WHOLE_HINTS,
                                              COUNTRY_SCALE_WORDS, COUNTRY_WORDS, INDEX_NAMES_AFTER_GOVERNMENT,
                                              MINISTRY_NAMES, PROVINCES_TOGETHER, PROVINCE_PREFIXES, PROVINCE_UNITS,
                                              REPORTING_NOUN_VERBS, REPORTING_VERBS, REPORTING_VERBS_ALONE, SCOPE_LEADS,
                                              SECTOR_WORDS, WORLD_WORDS, words)
from cds_facts.tasks.language.keys import holds_any
from cds_facts.tasks.language.patterns import CAPITAL

# The word before a province's name, as a pattern source: "tỉnh ", "thành phố ", "TP. ".
PROVINCE_PREFIX = rf"(?:(?:{words(PROVINCE_PREFIXES)})\.?\s*)"
# A source's preamble before what it says: "Theo Sở Thông tin và Truyền thông, ...", "Ban Chỉ đạo cho biết,
# ...", "Bộ Thông tin và Truyền thông công bố DTI năm 2023: ...", "Bộ ... cho biết cả nước có ...": the source is
# no subject of what follows.
SOURCE_PREAMBLE = re.compile(
    rf"^\s*(?:(?i:theo)\s+[^,;:]+\s*[,:]"
    rf"|[^,;:]*?(?<!\w)(?:(?i:{words(REPORTING_VERBS_ALONE)})(?!\w)(?:[^,;:]*?\s*[,:]|(?:\s+(?i:rằng))?\s+)"
    rf"|(?i:{words(REPORTING_NOUN_VERBS)})(?!\w)[^,;:]*?\s*[,:]))")
# The words one of its forms holds, whatever the case of "Theo": most clauses hold none and are asked no more.
_SOURCE_HINTS = ("theo", *REPORTING_VERBS)
# A ministry, or the ministries together: "Bộ Công an", "Bộ Thông tin và Truyền thông", "Bộ TT&TT", "Các bộ,
# ngành", "cơ quan ngang bộ". A capital after "Bộ" names one ("bộ đội", "cán bộ" do not).
MINISTRY = (rf"(?:(?i:các)\s+)?[Bb]ộ(?:\s*,\s*ngành|\s+ngành|\s+(?={CAPITAL})(?:(?i:{words(MINISTRY_NAMES)})(?!\w)|[\w&-]+))"
            rf"|(?i:(?:các\s+)?cơ quan ngang bộ)")
# The central government: "Chính phủ", "Thủ tướng Chính phủ", "Quốc hội"; not "Chính phủ số", an index's name.
GOVERNMENT = rf"(?i:{words(CENTRAL_GOVERNMENT)})(?!\w)(?!\s+(?i:{words(INDEX_NAMES_AFTER_GOVERNMENT)})(?!\w))"
# A source above provinces, anywhere in a preamble: "Theo báo cáo của Bộ ...", "Thủ tướng Chính phủ cho biết".
_NATIONAL_BODY = re.compile(rf"(?<!\w)(?:{MINISTRY}|{GOVERNMENT})")
# A province's own body in a preamble: "Sở ... tỉnh", "Theo UBND tỉnh": the source is the province's.
_PROVINCE_UNIT = re.compile(rf"(?<!\w)(?i:{words(PROVINCE_UNITS, PROVINCE_PREFIXES)}|sở)(?!\w)")


# The country as a whole as what words are said of: "tỷ trọng kinh tế số trong GDP cả nước", "ngành Thông tin
# và Truyền thông cả nước", not as a scale or a comparison's base, which a word of COUNTRY_SCALE_WORDS says
# within the four words before it ("cao nhất cả nước", "thứ 5 cả nước", "vượt mức trung bình cả nước").
_COUNTRY_AS_WHOLE = re.compile(rf"(?<!\w)(?:{words(COUNTRY_AS_WHOLE)})(?!\w)", re.IGNORECASE)
_AS_SCALE = re.compile(rf"(?<!\w)(?:{words(COUNTRY_SCALE_WORDS)})(?!\w)|\d\s*$", re.IGNORECASE)
_SCALE_WORDS_BEFORE = 4


def country_as_whole(text: str) -> str | None:
    """The words naming the country as a whole in text as what it is said of, the first such; else None."""
    if not holds_any(text.lower(), COUNTRY_AS_WHOLE_HINTS):
        return None
    for found in _COUNTRY_AS_WHOLE.finditer(text):
        before = " ".join(text[max(0, found.start() - 40):found.start()].split()[-_SCALE_WORDS_BEFORE:])
        if not _AS_SCALE.search(before):
            return found.group()
    return None


def source_preamble(text: str) -> re.Match | None:
    """The source's preamble text opens with, if any."""
    return SOURCE_PREAMBLE.match(text) if holds_any(text.lower(), _SOURCE_HINTS) else None


def without_source(text: str) -> str:
    """text after a source's preamble, if it opens with one."""
    preamble = source_preamble(text)
    return text[preamble.end():] if preamble else text


def national_source(text: str) -> str | None:
    """The words of a ministry or the central government that text opens on as its source ("Theo Bộ Thông
    tin và Truyền thông, ...", "Thủ tướng cho biết ..."), when its preamble names no province's body; else
    None. What such a source says, with no subject of its own, is not known to be the province's."""
    preamble = source_preamble(text)
    if not preamble or _PROVINCE_UNIT.search(preamble.group()):
        return None
    body = _NATIONAL_BODY.search(preamble.group())
    return body.group() if body else None


# One pattern for every such subject, asked once of a clause: its named group says whose.
_OPENING = re.compile(
    rf"^\s*(?:(?i:{words(SCOPE_LEADS)})\s*,?\s*)?(?:"
    rf"(?P<ministry>{MINISTRY})"
    rf"|(?P<government>{GOVERNMENT})"
    rf"|(?i:(?P<world>{words(WORLD_WORDS)})(?!\w))"
    rf"|(?i:(?P<country>{words(COUNTRY_WORDS)})(?!\w))"
    # "Các địa phương ...", "63 tỉnh, thành phố ...", not "Các tỉnh Quảng Bình, Hà Tĩnh ..." (named: each its own)
    rf"|(?i:(?P<provinces>(?:\d+\s+)?(?:{words(PROVINCES_TOGETHER)}))(?!\w)\s*(?P<next>\w?))"
    rf"|(?i:(?P<sector>{words(SECTOR_WORDS)})(?!\w)))")


# The first words the pattern can match at: a clause opening on any other word is asked nothing more (most
# clauses: "Tỷ lệ ...", "Toàn tỉnh có ...").
_FIRST_WORDS = frozenset(phrase.split()[0] for phrase in (*SCOPE_LEADS, *WORLD_WORDS, *COUNTRY_WORDS,
                                                          *PROVINCES_TOGETHER, *SECTOR_WORDS, *CENTRAL_GOVERNMENT, "bộ", "các",
                                                          "cơ"))


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
    whose = {"world": "international", "country": "national", "government": "national"}.get(found.lastgroup,
                                                                                             found.lastgroup)
    return Owner(whose, found.group(found.lastgroup))


def owner_above_provinces(text: str) -> str | None:
    """ministry, national or international when a headline opens on a ministry or a sector, the country,
    the provinces together or the world as its subject, or names a ministry, the government or the country
    as a whole anywhere ("Năm 2024, Bộ Công an ...", "Phó Thủ tướng dự ...", "Kinh tế số cả nước ..."); else
    None."""
    subject = opening_subject(text)
    if subject:
        return {"sector": "ministry", "provinces": "national"}.get(subject.whose, subject.whose)
    body = _NATIONAL_BODY.search(text)
    if body:
        return "ministry" if body.group().lower().startswith(("bộ", "các", "cơ")) else "national"
    return "national" if country_as_whole(text) else None
