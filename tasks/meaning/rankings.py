"""Which index a rank or a score is of: DTI or one of its pillars, another index, or none.

A rank says what is ranked either after it ("xếp thứ 28 cả nước về Chỉ số cải cách hành chính") or before it,
as the subject of its clause ("chỉ số DTI năm 2022 của Hà Tĩnh xếp thứ 37/63", "kinh tế số xếp thứ 31");
else its sentence names it earlier, or its paragraph's previous sentence did ("bộ chỉ số này"). The nearest
thing named governs, and when it is a measure rather than an index ("dẫn đầu cả nước về tỷ lệ hồ sơ ...",
"tỷ trọng kinh tế số ... đứng thứ 3") the rank is no index's. A rank among a region's provinces
("thứ 9/13 tỉnh vùng Đồng bằng sông Cửu Long"), the last of a group, or an agency's place in a province's
own ranking ("thứ 3 là Sở Giáo dục và Đào tạo", "Sở Nội vụ xếp thứ 2 ...") is no national index rank either.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from cds_facts.tasks.language.keys import match_key
from cds_facts.tasks.language.owners import without_source
from cds_facts.tasks.language.lexicon import (AGENCY_WORDS, BACK_REFERENCES, BODY_NAMES, CALENDAR_UNITS, HOLDER_VERBS,
                                              INDEX_NAMES_AFTER, INDEX_NOUNS, INDEX_WORDS, NAME_ENDING_VERBS,
                                              NAME_ENDING_WORDS, NOT_UNITS, OTHER_INDICES, PILLAR_WORDS,
                                              PROVINCE_PREFIXES, RANKED_MEASURES, REGION_WORDS, TABLE_PREPOSITIONS,
                                              words)
from cds_facts.tasks.meaning.indicators import Catalogue, Match

# What is ranked, said after the rank: "xếp thứ 28 cả nước về Chỉ số ...", "đứng đầu về tỷ lệ ...".
_ABOUT = re.compile(r"(?<!\w)về\s+")
# A named thing a rank or score can be of: an index's name, a pillar, a measure head.
_RANKED = re.compile(rf"(?<!\w)(?:{words(INDEX_WORDS, OTHER_INDICES, RANKED_MEASURES)})(?!\w)")
_MEASURE = re.compile(rf"^(?:{words(RANKED_MEASURES)})(?!\w)")
_PILLAR = re.compile(rf"(?:trụ cột\s+)?({words(PILLAR_WORDS)})(?!\w)")
_OTHER = re.compile(rf"^(?:{words(OTHER_INDICES)})(?!\w)")
# A measure word right before an index's name makes it a measure: "tỷ trọng kinh tế số".
_MEASURED = re.compile(rf"(?<!\w)(?:{words(RANKED_MEASURES)})\s+$")
_REGION = re.compile(rf"(?<!\w)(?:{words(REGION_WORDS)})(?!\w)")
# A rank said of an agency right after it: "đứng vị trí thứ 2 là Sở Thông tin và Truyền thông".
_AGENCY_AFTER = re.compile(rf"^\s*(?:{words(HOLDER_VERBS)})\s+(?:{words(AGENCY_WORDS)})(?!\w)")
# An agency or a district as the rank's subject: "Sở Nội vụ xếp thứ 2 ...", "huyện Gio Linh đứng đầu ..." rank
# within the province's own ranking; "Ủy ban nhân dân tỉnh ..." is the province itself.
_AGENCY_SUBJECT = re.compile(rf"^(?:\s*(?:trong\s+)?(?:{words(CALENDAR_UNITS)})\s+[\d/]+\s*,)?\s*(?!(?:{words(NOT_UNITS)})(?!\w))"
                             rf"(?:{words(AGENCY_WORDS)})(?!\w)(?!\s+(?:nhân dân\s+)?(?:{words(PROVINCE_PREFIXES)})(?!\w))")
# The table a rank is on, or the index a score is of, named right after it: "thứ 23 trên bảng xếp hạng chuyển
# đổi số cấp tỉnh", "0,5967 điểm DTI".
_ON_TABLE = re.compile(rf"\s*(?:/\s*\d+\s*)?(?:(?:{words(TABLE_PREPOSITIONS)})\s+bảng xếp hạng\s+(?=\w)"
                       rf"|(?:điểm\s+)?(?=(?:{words(INDEX_NAMES_AFTER)})(?!\w)))")  # "0,5967 điểm DTI": the index itself
# Words that refer back to the index named before: "bộ chỉ số này", "trong bảng xếp hạng".
_ANAPHORA = re.compile(rf"(?<!\w)(?:(?:{words(INDEX_NOUNS)}) (?:{words(BACK_REFERENCES)})|bảng xếp hạng)(?!\w)")
# An index's words inside a body's name: "Ban Chỉ đạo chuyển đổi số tỉnh", "Hội nghị chuyển đổi số" (a name
# runs to its first verb or punctuation mark).
_IN_A_NAME = re.compile(rf"(?<!\w)(?:{words(BODY_NAMES)})(?:(?!(?<!\w)(?:{words(NAME_ENDING_VERBS)})(?!\w))[^,;.:()])"
                        r"{0,60}$")
_NAME_END = re.compile(rf"[,;.(\d]|(?<!\w)(?:{words(NAME_ENDING_WORDS)})(?!\w)")  # a name's end
_WINDOW = 160  # how far before a rank its subject is looked for in the clause
NATIONAL_DENOMINATORS = {62.0, 63.0, 34.0}  # the provinces ranked nationally before and after the 2025 merger


@dataclass(frozen=True)
class RankContext:
    """The text around a rank or score, match_key form: its clause before and after it, its sentence before
    its clause, and what its paragraph named last."""

    before: str
    after: str
    sentence_before: str
    paragraph_index: str | None  # the last index named in the sentences just before (match_key form)


def index_of(catalogue: Catalogue, kind: str, denominator: float | None, context: RankContext) -> Match | None:
    """The rank or score indicator this figure is of, with its evidence, or None."""
    own = without_source(context.before)  # "Sở ... cho biết, tỉnh xếp thứ 5": the source says it
    if kind == "rank" and (_REGION.search(context.after[:80].split(";")[0]) or _AGENCY_AFTER.match(context.after)
                           or _AGENCY_SUBJECT.match(own)):
        return None
    match = _named_index(catalogue, kind, context)
    if match and kind == "rank" and denominator is not None and denominator not in NATIONAL_DENOMINATORS \
            and not catalogue.is_world_index(match.code):
        return None  # a provincial index's rank out of a region's provinces, or out of countries
    return match


def _named_index(catalogue: Catalogue, kind: str, context: RankContext) -> Match | None:
    about = _ABOUT.search(context.after[:_WINDOW]) or _ON_TABLE.match(context.after)
    if about:  # what follows "về" is what is ranked: an index, or something the catalogue does not rank
        named = _named(context.after[about.end():about.end() + _WINDOW], first=True)
        match = _as_index(catalogue, kind, named) if named is not None else None
        return (match and not _PILLAR.match(named) and _pillar_of(catalogue, kind, match, context.before)) or match
    if context.paragraph_index and _ANAPHORA.search(f"{context.sentence_before} {context.before}"):
        return _as_index(catalogue, kind, context.paragraph_index)  # "bộ chỉ số này": the one just named
    for text in (context.before[-_WINDOW:], context.sentence_before):
        named = _named(text, first=False)
        if named is not None:
            return _as_index(catalogue, kind, named)
    if context.paragraph_index:  # "Theo đó, tỉnh đạt 0,7411 điểm, xếp hạng 7/63": the index just named
        return _as_index(catalogue, kind, context.paragraph_index)
    return None


def _pillar_of(catalogue: Catalogue, kind: str, index: Match, before: str) -> Match | None:
    """A pillar the rank's clause names as its subject, when the words after it name the index the pillar is
    of: "xã hội số đứng thứ 15/63 trong bảng xếp hạng DTI" is the pillar's rank on the index's table, not
    the index's."""
    named = _named(before[-_WINDOW:], first=False)
    if named is None or not _PILLAR.match(named):
        return None
    pillar = _as_index(catalogue, kind, named)
    family = catalogue.family_of.get(index.code)
    return pillar if pillar and family and catalogue.family_of.get(pillar.code) == family else None


def last_index_named(text: str) -> str | None:
    """The last index or pillar a sentence names (for the sentences after it), or None. A sentence that
    goes through the pillars ("chính quyền số xếp thứ 7, kinh tế số ... và xã hội số ...") leaves none of
    them for the next: only an index it names besides them."""
    return _named(match_key(text), first=False, indices_only=True)


def _named(text: str, first: bool, indices_only: bool = False) -> str | None:
    """The ranked thing text names (its words from the name on), the first or the last; None if none.
    An index named through "bộ chỉ số này" is not named here: its sentence looks back for it."""
    found = [m for m in _RANKED.finditer(text)
             if (not _MEASURED.search(text[:m.start()]) or _MEASURE.match(m.group()))
             and not _ANAPHORA.match(text, m.start()) and not _IN_A_NAME.search(text, max(0, m.start() - 100), m.start())]
    if indices_only:
        found = [m for m in found if not _MEASURE.match(m.group())]
        pillars = {_PILLAR.match(text, m.start()).group(1) for m in found if _PILLAR.match(text, m.start())}
        if len(pillars) > 1:
            found = [m for m in found if not _PILLAR.match(text, m.start()) and m.group() != "trụ cột"]
    if not found:
        return None
    chosen = found[0] if first else found[-1]
    return text[chosen.start():chosen.start() + _WINDOW]


def _as_index(catalogue: Catalogue, kind: str, named: str) -> Match | None:
    if _MEASURE.match(named) or _OTHER.match(named):
        return None  # a measure ("tỷ lệ hồ sơ ...") or an index the catalogue does not hold ("chỉ số hài lòng")
    name = _NAME_END.split(named, maxsplit=1)[0]
    return catalogue.match(kind, name, counted=name, kinds=(kind,))
