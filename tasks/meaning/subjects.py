"""Whose figure it is: a province, a place inside one, a ministry, the country, the world, and the words that
say so (the fact's ``subject_evidence``, "rule:words").

    Bộ Công an đạt 92,17% hồ sơ trực tuyến            ministry       clause:Bộ Công an
    cao hơn mức bình quân 20% của cả nước              national       national with:của cả nước
    Việt Nam xếp thứ 71/193 quốc gia                   international  countries ranked:/193
    Các địa phương cung cấp 6.000 dịch vụ              none           clause:Các địa phương
    Quảng Bình, Hà Tĩnh có 900 trạm                    none           joint:Quảng Bình, Hà Tĩnh
    Ở xã Cẩm Lĩnh (huyện Cẩm Xuyên), 3.000 người dân   place          place:xã Cẩm Lĩnh; article:Hà Tĩnh
    chỉ sau Bắc Ninh (56,83%) và Thái Nguyên (42,92%)   province       named:Bắc Ninh / named:Thái Nguyên
    TP.HCM và Quảng Ninh lần lượt xếp thứ 2 và 3       province       paired:TP.HCM / paired:Quảng Ninh
    ở vị trí thứ 2 là Hà Nội                           province       holder:Hà Nội
    Tỷ lệ hồ sơ trực tuyến đạt 85%                     province       article:<the article's province>

The scope is asked first: a ministry, the country or the world must be what the figure is said of: the
subject of its clause ("Bộ Công an đạt ...", "Cả nước có ..."), or named right with it ("... của cả nước");
one named as a source ("theo Bộ Thông tin và Truyền thông", "do Bộ ... công bố") or as the scale of a rank
("đứng thứ 10 cả nước") is neither. Only then a province: the one its sentence names for it, else the
article's, when the article is about one (Gazetteer.main_province).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

from cds_facts.tasks.language.lexicon import (AGENCY_WORDS, AVERAGE_VERBS, AVERAGE_WORDS, CENTRAL_GOVERNMENT,
                                              COMPARISON_WORDS, COUNTRIES_RANKED, COUNTRY_AS_WHOLE, COUNTRY_HINTS,
                                              COUNTRY_OWNER_WORDS, COUNTRY_SCALE_WORDS, COUNTRY_WORDS, HOLDER_VERBS,
                                              JOINING_WORDS, LEVEL_PREFIXES, MINISTRY_HEADS, MINISTRY_LIST_WORDS,
                                              OWNER_PREPOSITIONS, PLACE_UNITS, POSSESSIVE_PREPOSITIONS, PREDICATE_VERBS,
                                              PROVINCES_TOGETHER, PROVINCE_COUNT_HINT, PROVINCE_COUNT_NOUNS,
                                              PROVINCE_LIST_WORDS, PROVINCE_PREFIXES, PROVINCE_UNITS, RANKED_AMONG,
                                              SCOPE_LEADS, SECTOR_WORDS, TERRITORY_WORDS, WORLD_WORDS, words)
from cds_facts.tasks.language.keys import holds_any
from cds_facts.tasks.language.owners import (GOVERNMENT, MINISTRY, Owner, PROVINCE_PREFIX, country_as_whole,
                                             national_source, opening_subject, without_source)
from cds_facts.tasks.language.patterns import CAPITAL
from cds_facts.tasks.language.places import Mention
from cds_facts.tasks.meaning.reading import Carried, Figure, Sentence, about_whole_province


# The resolver's rules, in the order they are asked; each names the evidence it gives ("rule:words").
SUBJECT_RULES = ("countries ranked", "clause", "owner", "ministry named",  # above provinces: no province
                 "national in subject", "national with",
                 "provinces counted",  # a count of provinces, or a figure said of one: the provinces together
                 "paired", "holder",  # a province its sentence names for it
                 "own subject",  # a sector or an agency after another province's figure: unknown whose
                 "named", "named after", "joint",  # a province its sentence names
                 "place",  # a place inside the province its sentence names
                 "source",  # a ministry or the government as its clause's source, no subject after: unknown
                 "paragraph",  # the place inside the province its paragraph is about
                 "article")  # the province the article is about


class Subject(NamedTuple):  # one is made for every figure: a tuple is the cheapest record to make
    """Whose a figure is: the contract's scope, its province and place, and why ("rule:words"; NULL when the
    figure is no one's known)."""

    scope: str | None  # province, place, ministry, national, international; None: unknown or several's
    province: str | None
    place: Mention | None
    evidence: str | None


def subject_of(figure: Figure, sentence: Sentence, carried: Carried) -> Subject:
    """Whose the figure is. A province named in the clause before the figure is its subject from there on:
    "Cả nước có 4.500 ..., trong khi tỉnh Cà Mau có 1.200 ..."."""
    q, text = figure.q, sentence.text
    may_be_above = _may_be_above_provinces(sentence, figure)
    above = None
    if may_be_above or q.kind == "rank" and (q.denominator or 0) > _PROVINCE_TABLE_SIZE:
        subject_start = max([figure.clause_start] + [m.end for m in sentence.provinces
                                                     if figure.clause_start <= m.start and m.end <= q.phrase_start])
        above = scope_of(text[subject_start:q.phrase_start], text[q.end:figure.limit], q.kind, q.denominator,
                         after_a_figure=figure.since > figure.clause_start)
    if above is not None:  # a ministry's, the country's, the world's, or the provinces' together: no province
        return Subject(None if above.whose == PROVINCES else above.whose, None, None, above.words)
    counted = _provinces_counted(figure, sentence)
    if counted:  # "20 tỉnh", "có 20 tỉnh đạt trên 50%": the provinces together
        return Subject(None, None, None, _evidence("provinces counted", counted))
    named = _province_for(sentence, figure)
    if named is not None and named.mention is None:  # provinces named jointly: of none alone
        return Subject(None, None, None, _evidence(named.rule, named.words))
    place = _place_for(sentence, figure, carried)
    if may_be_above and not named and (not place or place[0] != "place"):
        source = _national_source(figure, sentence)
        if source:
            return Subject(None, None, None, _evidence("source", source))
    if named:
        province, said = named.mention.name, _evidence(named.rule, named.words)
    else:
        province = sentence.article.province
        said = province and _evidence("article", province)
    if place:
        rule, mention = place
        # a paragraph's place was named in an earlier sentence: its name stands for its words
        own = _evidence(rule, mention.name if rule == "paragraph" else text[mention.start:mention.end])
        return Subject("place", province, mention, f"{own}; {said}" if said else own)
    return Subject("province" if province else None, province, None, said)


def _may_be_above_provinces(sentence: Sentence, figure: Figure) -> bool:
    """Whether the figure's clause holds a word any rule above provinces reads (a ministry, the government,
    the country, the world, the provinces together, an average): most clauses hold none, and are asked no
    more of those rules. Read once for each clause of a sentence."""
    known = sentence.clause_hints.get(figure.clause_start)
    if known is None:
        known = sentence.clause_hints[figure.clause_start] = \
            _ABOVE_PROVINCE_WORD.search(sentence.key, figure.clause_start, figure.clause_end) is not None
    return known


def _provinces_counted(figure: Figure, sentence: Sentence) -> str | None:
    """The words of a count of provinces the figure is ("20 tỉnh", "63/63 tỉnh, thành phố"), or is said of
    right after it ("có 20 tỉnh đạt trên 50% hồ sơ trực tuyến"); else None. "tỉnh Hà Tĩnh" names one."""
    q = figure.q
    if q.kind in ("count", "ratio") and figure.counted_end > q.phrase_end and PROVINCE_COUNT_HINT in figure.counted_key \
            and _COUNTS_PROVINCES.match(figure.counted):
        return sentence.text[q.phrase_start:figure.counted_end]
    before = sentence.facts[-1] if sentence.facts else None
    if before is not None and before.subject_evidence and before.subject_evidence.startswith("provinces counted:") \
            and before.start_char >= figure.clause_start and _SAID_OF_BEFORE.match(figure.left):
        return before.subject_evidence.split(":", 1)[1]
    return None


def _national_source(figure: Figure, sentence: Sentence) -> str | None:
    """A ministry or the government the figure's clause names as its source, when what it says names no
    province ("Theo Bộ Thông tin và Truyền thông, tỷ lệ hồ sơ trực tuyến đạt 45%": the country's or the
    ministry's, not known to be the article's province's). A rank out of the provinces is a province's
    whoever publishes it ("Theo Bộ ..., tỉnh xếp thứ 25/63"); "toàn tỉnh", "trên địa bàn" say the province."""
    if figure.q.kind == "rank":
        return None
    clause = sentence.text[figure.clause_start:figure.q.phrase_start]
    source = national_source(clause)
    if source and not _PROVINCE_WORD.search(without_source(clause)):
        return source
    return None


@lru_cache(maxsize=1024)  # most figures' evidence is their article's province
def _evidence(rule: str, words: str) -> str:
    return f"{rule}:{' '.join(words.split())}"


# The country or the world named with the figure: "mức bình quân 20% của cả nước", "trung bình toàn quốc 70%".
_COUNTRY_WITH = re.compile(rf"^\s*(?:\S+\s+){{0,3}}?(?:{words(COUNTRY_OWNER_WORDS)})\s+(?:{words(COUNTRY_WORDS)})(?!\w)",
                           re.IGNORECASE)
# The country's average or the country itself right before the figure: "... cả nước là 65%", "cao hơn bình
# quân chung cả nước (45%)", "so với cả nước (48%)".
_AVERAGE_BEFORE = re.compile(rf"(?:{words(AVERAGE_WORDS)})(?:\s+chung)?(?:\s+(?:của\s+)?(?:{words(COUNTRY_WORDS)})"
                             rf"(?:\s+(?:{words(AVERAGE_VERBS)}))?)?\s*\(?\s*$", re.IGNORECASE)
_COMPARED_AVERAGE = re.compile(rf"(?<!\w)(?:{words(COMPARISON_WORDS, COUNTRY_SCALE_WORDS)})\s+(?:\S+\s+){{0,2}}?"
                               rf"(?:{words(AVERAGE_WORDS)})", re.IGNORECASE)
_COUNTRY_IN_PARENTHESES = re.compile(rf"(?<!\w)(?:{words(COUNTRY_WORDS)})\s*\(\s*$", re.IGNORECASE)
# Countries ranked: "Việt Nam xếp thứ 71/193 quốc gia", a denominator no province table has; "xếp thứ 46 thế giới".
_COUNTRIES_AFTER = re.compile(rf"^\s*(?:(?:{words(RANKED_AMONG)})\s+)?(?:{words(COUNTRIES_RANKED, WORLD_WORDS)})(?!\w)",
                              re.IGNORECASE)
# A ministry, the country or the provinces together named as the figure's owner, in one search: "tỷ lệ hồ sơ
# ... của các bộ, ngành đạt 92,17%", "của Bộ Tư pháp", "tốc độ internet di động của Việt Nam xếp thứ 46", "của
# các địa phương".
_OWNER_OF = re.compile(
    rf"(?<!\w)(?i:của)\s+(?:(?P<ministry>{MINISTRY})"
    rf"|(?P<national>(?i:{words(COUNTRY_WORDS)})(?!\w)|{GOVERNMENT})"
    rf"|(?P<provinces>(?i:(?:\d+\s+)?(?:{words(PROVINCES_TOGETHER)}))(?!\w)(?!\s*{CAPITAL})))")
# A ministry named right before the figure, only a predicate between: "là Bộ Công an với 95%", "Bộ Tư pháp đạt".
_MINISTRY_BEFORE = re.compile(rf"(?<!\w)(?P<ministry>{MINISTRY})\s*(?:(?i:{words(PREDICATE_VERBS, ('có',))})\s*)?\(?\s*$")
# The commas that end a clause's preamble ("Theo Bộ ..., tỷ lệ ..."), not those inside "bộ, ngành".
_PREAMBLE_COMMA = re.compile(rf",(?!\s*(?:{words(MINISTRY_LIST_WORDS, PROVINCE_LIST_WORDS)})(?!\w))")
# "TP.HCM và Quảng Ninh lần lượt xếp thứ 2 và 3": the figures follow the subjects in order.
_RESPECTIVELY = re.compile(r"(?<!\w)lần lượt(?!\w)", re.IGNORECASE)
_PROVINCE_TABLE_SIZE = 63
# Every word the rules above provinces need one of (match_key form, as the sentence's key is written).
_ABOVE_PROVINCE_WORDS = words(MINISTRY_HEADS, COUNTRY_WORDS, COUNTRY_AS_WHOLE, WORLD_WORDS, PROVINCES_TOGETHER,
                              CENTRAL_GOVERNMENT, COUNTRIES_RANKED, AVERAGE_WORDS)
_ABOVE_PROVINCE_WORD = re.compile(rf"(?<!\w)(?:{_ABOVE_PROVINCE_WORDS})(?!\w)")
_COUNTS_PROVINCES = re.compile(rf"(?i:{words(PROVINCE_COUNT_NOUNS)})(?!\w)(?!\s*{CAPITAL})")
# Only a predicate between a count and the figure said of it: "20 tỉnh đạt trên 50%", "20 tỉnh có tỷ lệ ... 50%".
_SAID_OF_BEFORE = re.compile(rf"^\s*(?:{words(PREDICATE_VERBS)}|có)\s+(?:[^\W\d]+\s+){{0,6}}$", re.IGNORECASE)
_PROVINCE_OPENING = re.compile(rf"\s*(?:(?:{words(LEVEL_PREFIXES)})\s+)?(?:{words(PROVINCE_UNITS, PROVINCE_PREFIXES, PLACE_UNITS)})(?!\w)",
                               re.IGNORECASE)
_PROVINCE_WORD = re.compile(rf"(?<!\w)(?:{words(PROVINCE_UNITS, PROVINCE_PREFIXES, TERRITORY_WORDS)})(?!\w)", re.IGNORECASE)
_TWO_WORD_UNITS = tuple(unit for unit in PLACE_UNITS if " " in unit)  # "thị xã", "thị trấn", "thành phố"
PLACE_LEVEL = {"xã": 3, "phường": 3, "thị trấn": 3, "huyện": 2, "quận": 2, "thị xã": 2, "thành phố": 2}


# What scope_of says of a figure of the provinces together ("Các địa phương cung cấp 6.000 dịch vụ"): whose it
# is is known to be no one province's, but the contract has no scope for it; it is stored as NULL.
PROVINCES = "provinces together"


def owner_of_clause(text: str) -> Owner | None:
    """ministry, national, international or PROVINCES when a clause opens on a ministry, the country, the
    world or the provinces together. A sector ("toàn ngành") is the province's in a province's article and
    the ministry's in a ministry's: the article's province decides it (Gazetteer.main_province)."""
    subject = opening_subject(text)
    if subject is None or subject.whose == "sector":
        return None
    return Owner(PROVINCES, subject.words) if subject.whose == "provinces" else subject


def scope_of(subject_text: str, after: str, kind: str, denominator: float | None,
             after_a_figure: bool = False) -> Owner | None:
    """Owner(ministry, national, international or PROVINCES, "rule:words") when the figure is said of one of
    them, else None.

    subject_text: the clause before the figure from its start (or the province it names last); after: what
    follows the figure in its clause; after_a_figure: whether another figure of the clause stands before it.
    """
    if kind == "rank" and denominator and denominator > _PROVINCE_TABLE_SIZE:
        return Owner("international", _evidence("countries ranked", f"/{denominator:g}"))
    if kind == "rank" and (among := _COUNTRIES_AFTER.match(after)):
        return Owner("international", _evidence("countries ranked", among.group()))
    # A source named first is no subject ("Theo Bộ ...,", "Bộ ... công bố DTI năm 2023:"); the figure's own
    # words are what follows the last comma that ends a preamble.
    said = without_source(subject_text)
    own = _PREAMBLE_COMMA.split(said)[-1] if "," in said else said
    # "Cả nước có 70.000 doanh nghiệp, tỉnh có 1.200 doanh nghiệp": a clause part opening on the province is
    # its own subject, whoever the clause opened on
    for subject in (said, own) if own != said and not _PROVINCE_OPENING.match(own) else (own,):
        owner = owner_of_clause(subject)
        if owner:
            return Owner(_ranked(owner.whose, kind), _evidence("clause", owner.words))
    owner_of = _OWNER_OF.search(own) if "của" in own.lower() else None
    if owner_of:
        owner = PROVINCES if owner_of.lastgroup == "provinces" else owner_of.lastgroup
        return Owner(_ranked(owner, kind), _evidence("owner", owner_of.group()))
    named = _MINISTRY_BEFORE.search(own) if holds_any(own.lower(), MINISTRY_HEADS) else None
    if named:  # "tiếp đến là Bộ Tài chính với 90%": the ministry named right before the figure
        return Owner(_ranked("ministry", kind), _evidence("ministry named", named.group("ministry")))
    if kind == "rank":
        return None
    # "tỷ trọng kinh tế số trong GDP cả nước đạt 12,3%"; "tỷ lệ của tỉnh ... cả nước" stays unsure
    whole = country_as_whole(own)
    if whole and not _PROVINCE_WORD.search(own):
        return Owner("national", _evidence("national in subject", whole))
    tail = subject_text[-40:]
    # "đạt 68%, cao hơn trung bình cả nước với 45%": the average's value; but "Tỷ lệ ... vượt mức trung bình cả
    # nước với 68%" is the subject's, compared with an average it gives no figure of
    national = holds_any(after.lower(), COUNTRY_HINTS) and _COUNTRY_WITH.match(after) \
        or tail.rstrip().endswith("(") and _COUNTRY_IN_PARENTHESES.search(tail) \
        or any(word in tail for word in AVERAGE_WORDS) and (after_a_figure or not _COMPARED_AVERAGE.search(tail)) \
        and _AVERAGE_BEFORE.search(tail)
    if national:
        return Owner("national", _evidence("national with", national.group().rstrip(" (")))
    return None


def _ranked(owner: str, kind: str) -> str:
    """The country's rank is among countries: "Việt Nam xếp thứ 71", "cả nước đứng thứ ..."."""
    return "international" if owner == "national" and kind == "rank" else owner


class _Named(NamedTuple):
    """A province named for a figure, and how: paired, holder, named, named after; or joint, no mention
    (provinces named together as one subject: of none alone)."""

    rule: str
    mention: Mention | None
    words: str


# Provinces named together as one subject: "Quảng Bình, Hà Tĩnh có ...", "Đà Nẵng và Huế đạt ...".
_JOINED_NAMES = re.compile(rf"\s*(?:,|{words(JOINING_WORDS)})\s*{PROVINCE_PREFIX}?$", re.IGNORECASE)
# A rank said of what follows it: "thứ 2 là Hà Nội", "vị trí thứ 3 thuộc về tỉnh Quảng Ninh".
_RANK_SAID_OF = re.compile(rf"\s*(?:/\s*\d+)?\s*(?:{words(HOLDER_VERBS)})\s+{PROVINCE_PREFIX}?", re.IGNORECASE)
# What may stand between a figure and the province named right after it: "1.805 dịch vụ của tỉnh Cà Mau".
_CONNECTOR = re.compile(rf"^\s*(?:{words(OWNER_PREPOSITIONS)})?\s*{PROVINCE_PREFIX}?\s*\(?\s*$", re.IGNORECASE)
_OWNER_PREPOSITION = re.compile(rf"(?<!\w)(?:{words(OWNER_PREPOSITIONS)})\s", re.IGNORECASE)
_CLAUSE_MARKS = ",;:"
# A subject that is no province opening a figure's own words: a sector, an agency ("ngành Y tế 70%", "Sở Tư
# pháp 95%").
_OWN_SUBJECT = re.compile(rf"[\s,;:]*(?:(?i:{words(JOINING_WORDS, SCOPE_LEADS)})\s+)?"
                          rf"(?P<subject>(?i:{words(SECTOR_WORDS, AGENCY_WORDS)})\s+{CAPITAL}[\w&-]*)")
_OWNED_BY = re.compile(rf"(?<!\w)(?:{words(POSSESSIVE_PREPOSITIONS)})\s+{PROVINCE_PREFIX}?$", re.IGNORECASE)


def _province_for(sentence: Sentence, figure: Figure) -> _Named | None:
    """The province named for the figure: paired in order after "lần lượt", else the nearest named before it
    in its sentence, else one named after it as its owner ("1.805 dịch vụ công trực tuyến của tỉnh Cà Mau")
    or right by it ("120 trạm tại Cà Mau"); joint when the nearest
    before is one of provinces named together as one subject ("Quảng Bình, Hà Tĩnh có 900 trạm")."""
    q, text, provinces = figure.q, sentence.text, sentence.provinces
    if not provinces:  # most sentences: every rule below reads a province named
        return None
    paired = sentence.paired(q)
    if paired:
        province = paired_in_order(provinces, *paired, sentence.respectively.start())
        if province:
            return _Named("paired", province, text[province.start:province.end])
    starts = [m.start for m in provinces]
    own_subject = None  # asked once, of the first province named before an earlier figure
    said_of = _RANK_SAID_OF.match(text, q.end) if q.kind == "rank" else None
    if said_of:  # "ở vị trí thứ 2 là Hà Nội": the place named after the rank holds it
        held_by = next((m for m in provinces if m.start == said_of.end()), None)
        if held_by:
            return _Named("holder", held_by, text[held_by.start:held_by.end])
    for i in range(bisect_left(starts, q.start) - 1, -1, -1):
        if provinces[i].start < sentence.span.start:
            break
        if own_subject is None and provinces[i].end <= figure.since \
                and provinces[i].name != sentence.article.province:
            own_subject = _OWN_SUBJECT.match(text, figure.since, q.phrase_start) or False
            if own_subject:  # "Đà Nẵng 67%, Hòa Bình 86,5%, ngành Y tế 70%": whose sector, the list does not say
                return _Named("own subject", None, text[own_subject.start("subject"):q.phrase_start])
        if provinces[i].end <= q.start:
            joined = i > 0 and _JOINED_NAMES.match(text, provinces[i - 1].end, provinces[i].start) \
                and provinces[i - 1].start >= figure.since
            if joined:
                return _Named("joint", None, text[provinces[i - 1].start:provinces[i].end])
            return _Named("named", provinces[i], text[provinces[i].start:provinces[i].end])
    i = bisect_left(starts, q.end)
    if i < len(provinces) and provinces[i].end <= figure.limit:
        between = text[q.end:provinces[i].start]
        if any(mark in between for mark in _CLAUSE_MARKS):  # "đạt 85%, cao hơn của Hà Nội": another's
            return None
        if _CONNECTOR.match(between) or _OWNED_BY.search(between) \
                or len(between.split()) <= 4 and _OWNER_PREPOSITION.search(between):
            return _Named("named after", provinces[i], text[provinces[i].start:provinces[i].end])
    return None


def _place_for(sentence: Sentence, figure: Figure, carried: Carried) -> tuple[str, Mention] | None:
    """The most specific place named for the figure, and how: paired in order after "lần lượt" when as many
    places as figures are named, else before it in its sentence with no province named between, else right
    after it, else the place its paragraph is about."""
    q, places, provinces = figure.q, sentence.places, sentence.provinces
    if not places and not carried.place:
        return None
    paired = sentence.paired(q)
    if paired:  # "Quận Hải Châu, quận Thanh Khê đạt lần lượt 92% và 88%": one each, in order
        named = [p for p in places if sentence.span.start <= p.start and p.end <= sentence.respectively.start()]
        if len(named) == paired[1]:
            return "paired", named[paired[0]]
    nearest_province = max((p.end for p in provinces if p.end <= q.start), default=-1)
    before = [p for p in places if nearest_province <= p.start and p.end <= q.start]
    if before:
        return "place", most_specific_place(before)
    after = next((p for p in places if p.start >= q.end), None)
    if after and after.end <= figure.limit:
        return "place", after
    if carried.place and not about_whole_province(sentence.span, provinces + places):
        return "paragraph", carried.place
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
