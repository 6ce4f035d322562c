"""Which indicator a figure is a value of: a table of named rules and named vetoes, asked in order.

    rule            gives                                                   evidence
    index           a rank's or a score's index (rankings.py)               cue:<the index named>
    compared        none: a percent comparing the figure before ("tương đương 101,3% số ...")
    breakdown       the indicator of the figure it is a part of ("đạt 80,79% (cấp tỉnh đạt 81,38%)"),
                    or listed with ("Đà Nẵng (67%), Hòa Bình (86,5%)")      part of / listed with <fact>
    share           a count's rate, or a ratio's own share ("1.562/1.568 thôn (khoảng 99,6%)")
                                                                            cue:<the cue> / share of <fact>
    cue             the catalogue's indicator whose cue its measure holds   cue:<the cue>
    named before    a count's indicator its paragraph named by its head noun ("12 tổ" after "Tổ công nghệ
                    số cộng đồng")                                          named before:<the cue>
    same measure    a percent repeating the measure before it for another level or year ("cấp huyện đạt 72%")
                                                                            same measure as <fact>
    respectively    a figure after "lần lượt" other than the first: the first's ("với tỷ lệ lần lượt 90%,
                    88%, 85%")                                              respectively with <fact>

    veto            on                 leaves the figure without one when
    per hundred     cue                a rate per 100 of a base is matched to no rate per 100 of that base
    share base      cue, named before, a share is said out of another whole than the indicator's
                    same measure       ("trên tổng số người sử dụng di động")
    per unit        cue, named before  the figure is said per unit ("bình quân mỗi xã có 5 tổ")

A rule that applies and finds an indicator decides; a veto that holds leaves the figure without one and no
later rule is asked; a final rule decides when it applies, found or not. Each rule and each veto has a row
of its own in tests/meaning/test_reading.py (test_every_indicator_rule_and_veto).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from cds_facts.tasks.language.keys import holds_any, match_key
from cds_facts.tasks.language.owners import MINISTRY, PROVINCE_PREFIX
from cds_facts.tasks.language.lexicon import (COMPARED_AVERAGE_WORDS, COMPARISON_WORDS, ELLIPSIS_WORDS,
                                              GOVERNMENT_LEVELS, HOLDER_VERBS, LEVEL_PREFIXES, MINISTRY_HEADS,
                                              PARTS_WORDS, PER_UNIT_NOUNS, PER_UNIT_WORDS, PREDICATE_VERBS, RANK_WORDS,
                                              SHARE_BASE_OPENERS, SHARE_BASE_QUALIFIERS, SHARE_VERBS, words)
from cds_facts.tasks.language.places import Mention
from cds_facts.tasks.meaning.indicators import Catalogue, Match
from cds_facts.tasks.meaning.numbers import Quantity
from cds_facts.tasks.meaning.periods import TIME
from cds_facts.tasks.meaning.rankings import RankContext, index_of
from cds_facts.tasks.meaning.reading import Carried, Figure, Sentence
from cds_facts.tasks.meaning.sentences import paragraph_start
from cds_facts.tasks.models import Fact


CUE_CHARS = 1000  # how far back in its sentence a figure's cues are read: keeps huge sentences linear


class Question:
    """What the rules read of one figure: its reading and its sentence's, what earlier sentences carried,
    and whose figure it is (a figure of another subject than the one before it is none of that one's parts).
    A plain class with slots: one is made for every figure."""

    __slots__ = ("catalogue", "figure", "sentence", "carried", "scope")

    def __init__(self, catalogue: Catalogue, figure: Figure, sentence: Sentence, carried: Carried,
                 scope: str | None):
        self.catalogue, self.figure, self.sentence, self.carried, self.scope = catalogue, figure, sentence, carried, scope


Veto = tuple[str, Callable[[Question, "Match | None"], bool]]


@dataclass(frozen=True)
class Rule:
    name: str
    kinds: frozenset[str] | None  # the figure kinds it applies to; None: all
    when: Callable[[Question], bool] | None  # what else must hold for it to apply; None: nothing
    find: Callable[[Question], Match | None]
    vetoes: tuple[Veto, ...] = ()
    final: bool = False  # it decides when it applies, found or not


def indicator_for(question: Question) -> Match | None:
    """The figure's indicator with its evidence, from the first rule that decides; None on a veto."""
    kind = question.figure.q.kind
    for rule in RULES:
        if rule.kinds is not None and kind not in rule.kinds or rule.when is not None and not rule.when(question):
            continue
        match = rule.find(question)
        for _, holds in rule.vetoes:
            if holds(question, match):
                return None
        if match is not None or rule.final:
            return match
    return None


def _index(ask: Question) -> Match | None:
    figure, sentence = ask.figure, ask.sentence
    q, span = figure.q, sentence.span
    subject_start = _new_subject(sentence.text, sentence.provinces, sentence.facts, figure.clause_start, q)
    # a new subject takes no index from the figures before it, only from a heading the list follows: "Kết quả
    # DTI 2023: Hà Tĩnh đứng thứ 20/63, Nghệ An thứ 25/63"
    heading_end = sentence.key.rfind(":", span.start, subject_start) + 1 if subject_start else 0
    context = RankContext(
        before=sentence.key[subject_start or figure.clause_start:q.phrase_start],
        after=_listed_after(sentence.key, q, figure.following, figure.clause_end),
        sentence_before=sentence.key[span.start:heading_end] if subject_start
        else sentence.key[span.start:figure.clause_start],
        paragraph_index=ask.carried.recent_index)
    return index_of(ask.catalogue, q.kind, q.denominator, context)


def _compared(ask: Question) -> bool:
    return bool(_COMPARED.search(ask.figure.left))


def _breakdown(ask: Question) -> Match | None:
    figure, sentence = ask.figure, ask.sentence
    q = figure.q
    parent = _breakdown_parent(sentence.text, sentence.span.start, q, figure.counted_key, sentence.facts)
    if not parent:
        return None
    listed = ask.scope != parent.scope or any(parent.end_char <= m.start and m.end <= q.start
                                              for m in sentence.provinces + sentence.places)
    return Match(parent.indicator, f"{'listed with' if listed else 'part of'} {parent.fact_id}")


def _previous_total(ask: Question) -> Fact | None:
    """The count or ratio right before a percent in its clause, joined to it only by a share's words."""
    facts, figure = ask.sentence.facts, ask.figure
    previous = facts[-1] if facts and facts[-1].start_char >= figure.clause_start else None
    if figure.q.kind == "percent" and previous and previous.kind in TOTAL_KINDS and _SHARE_JOIN.search(figure.left):
        return previous
    return None


def _share(ask: Question) -> Match | None:
    """A percent right after a count or a ratio: the rate of what that figure counts ("đã số hóa 57.877
    hồ sơ, đạt 99,1%"), else, when it is the ratio's own share, the ratio's indicator ("1.562/1.568 thôn
    (khoảng 99,6%)")."""
    figure, catalogue, previous = ask.figure, ask.catalogue, _previous_total(ask)
    q = figure.q
    rate = catalogue.match(q.kind, f"{ask.sentence.measures[-1]} {figure.measure}", figure.counted_key, figure.clause,
                           kinds=("percent",))
    if rate or not previous.indicator or catalogue.kind_of.get(previous.indicator) == "count":
        return rate
    is_share = previous.kind == "ratio" and previous.denominator and \
        abs(100 * previous.value / previous.denominator - q.value) <= _SHARE_TOLERANCE
    return Match(previous.indicator, f"share of {previous.fact_id}") if is_share else None


def _cue(ask: Question) -> Match | None:
    figure = ask.figure
    return ask.catalogue.match(figure.q.kind, figure.measure, figure.counted_key, figure.clause,
                               kinds=("ratio",) if figure.per_hundred else None)


def _named_before(ask: Question) -> Match | None:
    sentence = ask.sentence
    before = sentence.key[paragraph_start(sentence.text, sentence.span.start):sentence.span.start]
    return ask.catalogue.named_before(ask.figure.counted_key, before)


def _other_per_hundred(ask: Question, match: Match | None) -> bool:
    """"85 thuê bao/100 dân" is a value only of a rate per 100 inhabitants."""
    per_hundred = ask.figure.per_hundred
    return bool(per_hundred) and (match is None or ask.catalogue.per_hundred_of.get(match.code) != per_hundred)


def _share_of_another_whole(ask: Question, match: Match | None) -> bool:
    if match is None or ask.figure.q.kind != "percent":
        return False
    base = _SHARE_BASE.search(ask.figure.measure)
    return bool(base) and not ask.catalogue.is_share_of(match.code, base.group(1))


def _per_unit(ask: Question, match: Match | None) -> bool:
    figure = ask.figure
    if match is None:
        return False
    near = ask.sentence.key[max(figure.since, figure.q.phrase_start - _PER_UNIT_REACH):figure.q.phrase_start]
    return holds_any(near, PER_UNIT_WORDS) and bool(_PER_UNIT.search(near))


def _respectively(ask: Question) -> Match | None:
    """The indicator of the first figure "lần lượt" lists, for the others: one measure for each subject."""
    sentence, q = ask.sentence, ask.figure.q
    place, _ = sentence.paired(q)
    listed = [f for f in sentence.facts if f.start_char > sentence.respectively.end()]
    first = listed[0] if len(listed) == place else None
    if first is None or not first.indicator or first.kind != q.kind or first.change:
        return None
    return Match(first.indicator, f"respectively with {first.fact_id}")


_RANKS, _PERCENTS, _COUNTS = frozenset(("rank", "score")), frozenset(("percent",)), frozenset(("count",))
_SHARE_BASE_VETO: Veto = ("share base", _share_of_another_whole)
_PER_UNIT_VETO: Veto = ("per unit", _per_unit)
RULES: tuple[Rule, ...] = (
    Rule("index", _RANKS, None, _index, final=True),
    Rule("compared", _PERCENTS, _compared, lambda ask: None, final=True),
    Rule("breakdown", None, None, _breakdown),
    Rule("respectively", frozenset(("percent", "count", "score", "money")),
         lambda ask: (ask.sentence.paired(ask.figure.q) or (0, 0))[0] > 0, _respectively),
    Rule("share", _PERCENTS, lambda ask: _previous_total(ask) is not None, _share, final=True),
    Rule("cue", None, None, _cue, vetoes=(("per hundred", _other_per_hundred), _SHARE_BASE_VETO, _PER_UNIT_VETO)),
    Rule("named before", _COUNTS, lambda ask: bool(ask.figure.counted), _named_before,
         vetoes=(_SHARE_BASE_VETO, _PER_UNIT_VETO)),
    Rule("same measure", _PERCENTS, None, lambda ask: _same_measure(ask.figure, ask.sentence),
         vetoes=(_SHARE_BASE_VETO,)),
)


# A percent that compares the figure before with a base ("793.050 lượt tải, tương đương 101,3% số người dân
# có điện thoại thông minh") is no rate of that base.
_COMPARED = re.compile(rf"(?<!\w)(?:{words(COMPARISON_WORDS)})\s*$", re.IGNORECASE)
# A percent right after a count or a ratio of its clause, joined only by these words, is its share:
# "cấp tỉnh đã số hóa 57.877 hồ sơ, đạt 99,1%", "1.562/1.568 thôn (khoảng 99,6%)", "345.684 hộ gia đình đã
# có kết nối cáp quang, đạt 93,7%" (what the count did, then its share).
_SHARE_JOIN = re.compile(rf"(?:^|[,(])\s*(?:(?:{words(SHARE_VERBS)})\s*)?$", re.IGNORECASE)
# Words that open a list of the parts of the figure before: "1.805 dịch vụ, trong đó có 900 ... và 905 ...".
PARTS_INTRO = re.compile(rf"(?<!\w)(?:{words(PARTS_WORDS)})(?!\w)", re.IGNORECASE)
TOTAL_KINDS = {"count", "ratio"}  # a ratio's parts add up to its numerator
# The label of a part in a breakdown: "cấp tỉnh", "khối huyện", "thành phố", "các xã".
_LEVEL_LABEL = re.compile(rf"^(?:(?:{words(LEVEL_PREFIXES)})\s+)?(?:{words(GOVERNMENT_LEVELS)})$")

# A figure said per unit: "bình quân mỗi xã có 5 tổ", "từng trường có 2 phòng" (in its words before it).
_PER_UNIT = re.compile(rf"(?<!\w)(?:{words(PER_UNIT_WORDS)})\s+(?:{words(PER_UNIT_NOUNS)})(?!\w)", re.IGNORECASE)
_PER_UNIT_REACH = 60
# What a share is said to be out of: "trên tổng số người sử dụng di động", "trên tổng dân số".
_SHARE_BASE = re.compile(rf"(?<!\w)(?:{words(SHARE_BASE_OPENERS)}) tổng(?: số)?(?: (?:{words(SHARE_BASE_QUALIFIERS)}))?(?: [\d.,]+)?"
                         r" (?!số(?!\w))((?:[^\W\d]+ ?){1,4})")  # "trên tổng số khoảng 168.000 hồ sơ": out of hồ sơ

_SHARE_TOLERANCE = 0.6  # percentage points between a ratio's share and the percent that states it

def _same_measure(figure: Figure, sentence: Sentence) -> Match | None:
    """A percent whose own words name nothing but a year, a level or a province and a verb, or only a
    province or a ministry (an item of a list), says the measure of the percent before it again: "đến năm
    2025 đạt 80%; đến năm 2030 đạt 95%", "cấp tỉnh đạt 81%, cấp huyện đạt 72%", "Hà Nam dẫn đầu về tỷ lệ ...
    với 68,54%; Nam Định xếp thứ 4 với 52,96%", "...: Đà Nẵng 67%, Hòa Bình 86,5%"."""
    before = next((f for f in reversed(sentence.facts) if f.kind == "percent"), None)
    if before is None or not before.indicator or before.change:
        return None
    left = figure.left if figure.counted_end <= figure.q.phrase_end else ""
    own = match_key(left)
    named = False  # a list item: "..., Hòa Bình 86,5%", "tiếp đến là Bộ Tài chính với 90%"
    for mention in sentence.provinces:
        if figure.since <= mention.start and mention.end <= figure.q.phrase_start:
            own, named = own.replace(sentence.key[mention.start:mention.end], " "), True
    for ministry in _MINISTRY.finditer(left) if holds_any(left.lower(), MINISTRY_HEADS) else ():
        own, named = own.replace(match_key(ministry.group()), " "), True
    if not named and not _PREDICATE_VERB.search(own):
        return None
    own = _ELLIPSIS_FILLER.sub(" ", TIME.sub(" ", _PREDICATE_VERB.sub(" ", own)))
    if own.strip(" ,;()"):
        return None
    return Match(before.indicator, f"same measure as {before.fact_id}")


# What may stand in a percent's words when it repeats the measure before it: levels, "cũ", conjunctions, the
# average it is compared with.
_ELLIPSIS_FILLER = re.compile(rf"(?<!\w)(?:(?:{words(LEVEL_PREFIXES)})\s+)?(?:{words(GOVERNMENT_LEVELS)})(?!\w)"
                              rf"|(?<!\w)(?:{words(ELLIPSIS_WORDS, COMPARED_AVERAGE_WORDS)})(?!\w)")
_MINISTRY = re.compile(MINISTRY)
_PREDICATE_VERB = re.compile(rf"(?<!\w)(?:{words(PREDICATE_VERBS)})\s*$")


def _new_subject(text: str, provinces: list[Mention], facts: list[Fact], clause_start: int,
                 q: Quantity) -> int | None:
    """Where a province named in the figure's clause after other figures of its sentence starts, as the
    new subject those figures' index names do not carry over to: "... CQS xếp thứ 40/63; Đà Nẵng xếp thứ
    1/63". A province owning the index ("DTI năm 2022 của Hà Tĩnh xếp thứ 37/63") is none."""
    for m in reversed(provinces):
        if clause_start <= m.start and m.end <= q.phrase_start and not _OWNER_BEFORE.search(text, max(0, m.start - 20), m.start) \
                and not _RANK_HOLDER_BEFORE.search(text, max(0, m.start - 30), m.start) \
                and any(f.start_char < m.start for f in facts):
            return m.start  # a province that holds the rank before it ("thứ 2 là Hà Nội, thứ 3 ...") is none
    return None


def _listed_after(text: str, q: Quantity, following: list[Quantity], clause_end: int) -> str:
    """What a rank's clause says after it, past the ranks listed with it: "xếp thứ 2 và 3 về chỉ số ..."."""
    return text[_last_listed(text, q, following):listed_end(text, q, following, clause_end)]


def _last_listed(text: str, q: Quantity, following: list[Quantity]) -> int:
    end = q.end
    for other in following:
        if other.kind != "rank" or not _LIST_GLUE.match(text, end, other.phrase_start):
            break
        end = other.end
    return end


def listed_end(text: str, q: Quantity, following: list[Quantity], clause_end: int) -> int:
    """Where the words after a rank and the ranks listed with it end: the next figure, or the clause's end."""
    end = _last_listed(text, q, following)
    return min(clause_end, next((o.phrase_start for o in following if o.start >= end), clause_end))


# A province that holds the rank before it: "thứ 2 là Hà Nội, thứ 3 là Huế".
_RANK_HOLDER_BEFORE = re.compile(rf"(?:{words(RANK_WORDS)})\s*\d+(?:\s*/\s*\d+)?\s*(?:{words(HOLDER_VERBS)})\s+"
                                 rf"{PROVINCE_PREFIX}?$", re.IGNORECASE)
_OWNER_BEFORE = re.compile(rf"(?<!\w)của\s+{PROVINCE_PREFIX}?$", re.IGNORECASE)
_LIST_GLUE = re.compile(r"\s*(?:,|và)\s*$")


def _breakdown_parent(text: str, sentence_start: int, q: Quantity, counted_key: str,
                      facts: list[Fact]) -> Fact | None:
    """The figure a part breaks down, when q is one labelled by a level or a place only, in parentheses
    ("đạt 80,79% (cấp tỉnh đạt 81,38%, ...)") or after "trong đó" ("đạt 99,2%, trong đó cấp tỉnh đạt 99,8%"):
    the figure of the same kind before it."""
    if not facts:
        return None
    label = PARTS_INTRO.sub("", counted_key).strip(" ,") if counted_key else ""
    if label and not _LEVEL_LABEL.match(label):  # asked first: most figures name what they count
        return None
    lo = max(sentence_start, q.start - CUE_CHARS)
    opened = text.rfind("(", lo, q.start)
    if opened < 0 or text.rfind(")", lo, q.start) > opened:
        parts = list(PARTS_INTRO.finditer(text, lo, q.start))
        opened = parts[-1].start() if parts else -1
    if opened < 0:
        return None
    parent = next((f for f in reversed(facts) if f.start_char < opened), None)
    return parent if parent and parent.kind == q.kind and parent.indicator else None
