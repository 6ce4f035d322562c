"""Article -> facts: every quantity in the body with what it measures, whose it is, when, and whether it is
a goal, read by a chain of small resolvers over one figure at a time:

    numbers     the quantity: value, kind, denominator, qualifier (tasks/meaning/numbers.py)
    phrases     what it measures: the noun phrase it counts, or the subject it is said of
    change      "tăng 5 bậc", "giảm 3%": by how much something changed, no level
    indicator   the catalogue's indicator whose cue that measure holds (indicators.py), a rank's or a score's
                index (rankings.py), the share of the ratio before it, or none; with its evidence
    subject     whose figure: a ministry, the country, the world, a place, a province (subjects.py)
    period      the time expression that governs it: its clause's, its sentence's opening, or the one its
                paragraph or ranking carries (periods.py); never a comparison year
    status      actual or target

What a sentence leaves unsaid, its document may have said: the year a ranking is of, the index "bộ chỉ số
này" refers to, the target year a plan sets, the place a paragraph is about. ``_Carried`` keeps those.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from cds_facts.tasks.language.keys import match_key
from cds_facts.tasks.language.lexicon import CHANGE_VERBS, GOVERNMENT_LEVELS, VILLAGE_UNITS, whole_words, words
from cds_facts.tasks.language.places import Gazetteer, Mention, place_key
from cds_facts.tasks.meaning.indicators import Catalogue, Match
from cds_facts.tasks.meaning.numbers import Quantity, find_quantities
from cds_facts.tasks.meaning.periods import (NOW_CLAUSE, TARGET_CUES, TIME, Time, lead_year, opening_year, period_year, status,
                                             times_in, years_between)
from cds_facts.tasks.meaning.phrases import counted_after, subject_before
from cds_facts.tasks.meaning.rankings import RankContext, index_of, last_index_named
from cds_facts.tasks.meaning.sentences import Span, clause_bounds, sentences
from cds_facts.tasks.meaning.subjects import PROVINCES, most_specific_place, paired_in_order, respectively, scope_of
from cds_facts.tasks.models import Article, Fact

# Raise it when extraction changes: documents extracted by an older version are extracted again.
EXTRACTOR_VERSION = 5

_CUE_CHARS = 1000  # how far back in its sentence a figure's goal cues are read: keeps huge sentences linear
# A figure that says by how much something changed: "tăng 12% so với cùng kỳ", "giảm 3 bậc".
_CHANGE_BEFORE = re.compile(rf"(?<!\w)({words(CHANGE_VERBS)})(?:\s+(?:thêm|đi|được))?\s*$", re.IGNORECASE)
# A percent that compares the figure before with a base ("793.050 lượt tải, tương đương 101,3% số người dân
# có điện thoại thông minh") is no rate of that base.
_COMPARED = re.compile(r"(?<!\w)(?:tương đương|tương ứng với|bằng|gấp|so với|hơn)\s*$", re.IGNORECASE)
# A percent right after a count or a ratio of its clause, joined only by these words, is its share:
# "cấp tỉnh đã số hóa 57.877 hồ sơ, đạt 99,1%", "1.562/1.568 thôn (khoảng 99,6%)", "345.684 hộ gia đình đã
# có kết nối cáp quang, đạt 93,7%" (what the count did, then its share).
_SHARE_JOIN = re.compile(r"(?:^|[,(])\s*(?:(?:đạt|chiếm|tương ứng(?: với)?|là|bằng(?: khoảng)?)\s*)?$",
                         re.IGNORECASE)
# Words that open a list of the parts of the figure before: "1.805 dịch vụ, trong đó có 900 ... và 905 ...".
_PARTS_INTRO = re.compile(r"(?<!\w)(?:trong đó|bao gồm|gồm)(?!\w)", re.IGNORECASE)
_TOTAL_KINDS = {"count", "ratio"}  # a ratio's parts add up to its numerator
# The label of a part in a breakdown: "cấp tỉnh", "khối huyện", "thành phố", "các xã".
_LEVEL_LABEL = re.compile(rf"^(?:(?:cấp|khối|các|toàn)\s+)?(?:{words(GOVERNMENT_LEVELS)})$")
# A sentence or paragraph about the province as a whole ends what a paragraph said of one place.
_WHOLE_PROVINCE = whole_words(("toàn tỉnh", "cả tỉnh", "toàn thành phố", "tỉnh", "thành phố"), flags=re.IGNORECASE)
# How a paragraph opens on the place it is about: "Ở xã Cẩm Lĩnh ...", "Tại Phường 1, ...", "Phường Hà Nam ...",
# "Tại khóm 3, Phường 1, ..." (a village first, which the gazetteer does not hold).
_PLACE_OPENING = re.compile(rf"^(?:ở|tại|riêng|còn|với)?\s*(?:(?:{words(VILLAGE_UNITS, ('bản', 'tổ dân phố', 'khu phố'))})"
                            r"\s+[\w.-]+(?:\s+[\w.-]+)?\s*,\s*)?$", re.IGNORECASE)
# A figure per 100 inhabitants or households, in its noun phrase or its subject: "85 thuê bao/100 dân",
# "số thuê bao di động trên 100 dân đạt 120". Such a rate is a value of a rate indicator only, never a count.
_PER_HUNDRED = re.compile(r"(?:/\s*|\btrên\s+)100\s+(dân|người dân|hộ gia đình|hộ)(?!\w)", re.IGNORECASE)
# The subject of a score whose numeral carries no "điểm": "điểm chính quyền số ... là 0,6512", "điểm số đạt 0,71".
_SCORE_SUBJECT = re.compile(r"(?:tổng\s+)?điểm(?:\s+số(?!\w)|\s+(?!(?:phát|giao dịch|truy cập|wifi|du lịch|cầu|bưu"
                            r" điện|bưu chính|phục vụ|tiếp nhận|kết nối|cung cấp)(?!\w))\w)", re.IGNORECASE)
# What a share is said to be out of: "trên tổng số người sử dụng di động", "trên tổng dân số".
_SHARE_BASE = re.compile(r"(?<!\w)(?:trên|so với) tổng(?: số)?(?: (?:khoảng|gần|hơn|trên|gần như))?(?: [\d.,]+)?"
                         r" (?!số(?!\w))((?:[^\W\d]+ ?){1,4})")  # "trên tổng số khoảng 168.000 hồ sơ": out of hồ sơ
_LISTED = re.compile(r"(?<!\w)(?:các|những)\s+$", re.IGNORECASE)
_SHARE_TOLERANCE = 0.6  # percentage points between a ratio's share and the percent that states it
_RECENT_SENTENCES = 3  # how many sentences back "bộ chỉ số này" and an unnamed rank look for their index


@dataclass
class _Carried:
    """What earlier sentences of the document said that a figure's own sentence may leave unsaid."""

    paragraph: int = -1
    opening_year: int | None = None  # the year the paragraph opened with ("Năm 2023, ...")
    target_year: int | None = None  # the last year a goal of the paragraph was set for ("đến năm 2025")
    place: Mention | None = None  # the place the paragraph opened on
    rank_year: int | None = None  # the year of the last index table the document cited a figure of
    read: list[tuple[int, str]] = field(default_factory=list)  # (paragraph, match_key text) of each sentence
    named: dict[int, str | None] = field(default_factory=dict)  # sentence number -> the index it names, as asked

    def enter(self, sentence: Span, text: str, places: list[Mention]) -> None:
        if sentence.paragraph != self.paragraph:
            self.paragraph, self.opening_year, self.target_year = sentence.paragraph, opening_year(sentence.text), None
            opener = next((p for p in places if p.start - sentence.start < 40), None)
            self.place = opener if opener and _PLACE_OPENING.match(text[sentence.start:opener.start]) else None

    def leave(self, sentence: Span, key: str, times: list[Time], mentions: list[Mention], facts: list[Fact]) -> None:
        self.read.append((sentence.paragraph, key))
        years = years_between(times, sentence.start, sentence.end)
        cited = [f.period_year for f in facts if f.kind in ("rank", "score") and f.period_year
                 and f.indicator and f.indicator.startswith("dti.")]
        if cited:
            self.rank_year = cited[-1]
        elif years and self._index_named(len(self.read) - 1):
            self.rank_year = (years_between(times, sentence.start, sentence.end, of_index=True) or years)[-1]
        if years and TARGET_CUES.search(key):
            self.target_year = years[-1]
        if self.place and about_whole_province(sentence, mentions):
            self.place = None  # the paragraph moved on to the province

    @property
    def recent_index(self) -> str | None:
        """The index the paragraph named last, else the one the sentences just before named. Read back only
        when a rank or a score asks: most sentences have none."""
        for back, (paragraph, _) in enumerate(reversed(self.read)):
            if paragraph != self.paragraph and back >= _RECENT_SENTENCES:
                return None
            named = self._index_named(len(self.read) - 1 - back)
            if named:
                return named
        return None

    def _index_named(self, number: int) -> str | None:
        if number not in self.named:
            self.named[number] = last_index_named(self.read[number][1])
        return self.named[number]


@dataclass(frozen=True)
class _Figure:
    """One quantity of a sentence and the words around it that its resolvers read (text offsets)."""

    q: Quantity
    following: list[Quantity]  # the sentence's quantities after it
    per_hundred: str | None  # a rate per 100 of what: "dân" (inhabitants) or "hộ" (households)
    clause_start: int
    clause_end: int
    limit: int  # where its own words end: the next figure's phrase, or its clause's end
    since: int  # where its own words begin: the end of the figure before, or its clause's start
    counted: str  # the noun phrase it counts, or the subject it is said of
    counted_end: int
    surface_start: int
    left: str  # its words before it, from ``since``
    measure: str  # what it measures: its words before, its noun phrase, the rest of its clause (match_key)
    clause: str  # its clause (match_key)


@dataclass
class _Sentence:
    """A sentence being read: its quantities, the places it names and the facts read from it so far."""

    article: Article
    key: str  # the article's text in match_key form
    span: Span
    quantities: list[Quantity]
    provinces: list[Mention]
    places: list[Mention]
    respectively: re.Match | None  # "lần lượt": the figures after it pair with the provinces before it
    times: list[Time]  # its time expressions, at text offsets
    published_year: int | None  # the article's year: a figure for a later year is a goal
    facts: list[Fact] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)  # each fact's measure, in order

    @property
    def text(self) -> str:
        return self.article.text

    def paired(self, q: Quantity) -> tuple[int, int] | None:
        """After "lần lượt": the figure's place among the figures after it, and how many there are."""
        if self.respectively is None:
            return None
        after_cue = [other.start for other in self.quantities if other.start > self.respectively.end()]
        return (after_cue.index(q.start), len(after_cue)) if q.start in after_cue else None


class Extractor:
    """Reads facts from articles with one catalogue and one gazetteer."""

    def __init__(self, catalogue: Catalogue, gazetteer: Gazetteer):
        self.catalogue = catalogue
        self.gazetteer = gazetteer

    def facts(self, article: Article) -> list[Fact]:
        text = article.text
        key = match_key(text)  # of the same length: a slice of it is the key of the same slice of text
        place_text = place_key(text)
        carried = _Carried()
        facts: list[Fact] = []
        for span in sentences(text):
            quantities = [_shift(q, span.start) for q in find_quantities(span.text)]
            # places matter for figures, for the place a paragraph opens on, and for when it moves on
            wanted = quantities or span.paragraph != carried.paragraph or carried.place
            mentions = self.gazetteer.mentions(text, span.start, span.end, key=place_text) if wanted else []
            carried.enter(span, text, [m for m in mentions if not m.is_province])
            times = times_in(span.text, span.start, article.published_at.year if article.published_at else None)
            found = self._sentence_facts(article, key, span, quantities, mentions, times, carried) if quantities else []
            carried.leave(span, key[span.start:span.end], times, mentions, found)
            facts.extend(found)
        return facts

    def _sentence_facts(self, article: Article, key: str, span: Span, quantities: list[Quantity],
                        mentions: list[Mention], times: list[Time], carried: _Carried) -> list[Fact]:
        text = article.text
        sentence = _Sentence(
            article, key, span, quantities,
            provinces=[m for m in mentions if m.is_province],
            # "sắp xếp các phường Lam Hạ, Tân Hiệp": places listed as parts of another are not the figure's
            places=[m for m in mentions if not m.is_province and not _LISTED.search(text, max(0, m.start - 8), m.start)],
            respectively=respectively(text, span.start, span.end), times=times,
            published_year=article.published_at.year if article.published_at else None)
        previous_end = span.start
        total: Fact | None = None  # the figure a "trong đó ..." list breaks down
        for i, q in enumerate(quantities):
            figure = _read_figure(text, key, span, quantities, i, previous_end)
            q = figure.q  # as read in its words: "85 thuê bao/100 dân" is a ratio
            facts = sentence.facts
            if facts and facts[-1].kind in _TOTAL_KINDS and _PARTS_INTRO.search(text, previous_end, q.phrase_start):
                total = facts[-1]
            elif total and total.start_char < figure.clause_start:  # a new clause ends the list
                total = None

            change = _change(text, span.start, q)
            scope, province, place = self._subject(figure, sentence, carried)  # whose first: it bears on what
            match = None if change else self._indicator(figure, sentence, carried, scope)  # a change is no level
            is_index_figure = q.kind in ("rank", "score") and match is not None and match.code.startswith("dti.")
            is_goal = status(_goal_text(figure, sentence)) == "target"
            year = _year(figure, sentence, is_index_figure)
            if year is None:
                year = _carried_year(figure, sentence, carried, is_index_figure, is_goal)
            facts.append(Fact(
                doc_id=article.doc_id,
                surface=text[figure.surface_start:max(q.phrase_end, figure.counted_end)].strip(),
                sentence=span.text,
                start_char=q.start,
                end_char=q.end,
                kind=q.kind,
                value=q.value,
                denominator=q.denominator,
                qualifier=q.qualifier,
                counted=figure.counted or None,
                indicator=match.code if match else None,
                province=province,
                province_2025=self.gazetteer.to_2025(province),
                place=place.name if place else None,
                period_year=year,
                status="target" if is_goal else status("", year, sentence.published_year),  # a year still ahead
                part_of=total.fact_id if total and q.kind == "count" else None,
                scope=scope,
                change=change,
                evidence=match.evidence if match else None,
            ))
            sentence.measures.append(figure.measure)
            previous_end = max(figure.counted_end, q.phrase_end)
        return sentence.facts

    def _indicator(self, figure: _Figure, sentence: _Sentence, carried: _Carried, scope: str | None) -> Match | None:
        """What the figure is a value of: a rank's or score's index, a part's or a share's parent, or the
        indicator whose cue its measure holds. scope: whose figure it is (a figure of another subject than
        the one before it is none of that one's parts)."""
        q, text, facts = figure.q, sentence.text, sentence.facts
        if q.kind in ("rank", "score"):
            return self._index(figure, sentence, carried)
        if q.kind == "percent" and _COMPARED.search(figure.left):
            return None
        parent = _breakdown_parent(text, sentence.span.start, q, figure.counted, facts)
        if parent:  # "đạt 80,79% (cấp tỉnh đạt 81,38%, cấp huyện đạt 72,8%)": parts of the figure before
            listed = scope != parent.scope or any(parent.end_char <= m.start and m.end <= q.start
                                                  for m in sentence.provinces + sentence.places)
            # "của Đà Nẵng (67%), Hòa Bình (86,5%)", "cao hơn bình quân cả nước (45%)": not a part but
            # another unit's figure of the same measure
            return Match(parent.indicator, f"{'listed with' if listed else 'part of'} {parent.fact_id}")
        previous = facts[-1] if facts and facts[-1].start_char >= figure.clause_start else None
        if q.kind == "percent" and previous and previous.kind in _TOTAL_KINDS and _SHARE_JOIN.search(figure.left):
            return self._share(figure, previous, sentence.measures[-1])
        match = self.catalogue.match(q.kind, figure.measure, match_key(figure.counted), figure.clause,
                                     kinds=("ratio",) if figure.per_hundred else None)
        if figure.per_hundred and (match is None or self.catalogue.per_hundred_of.get(match.code) != figure.per_hundred):
            return None  # a rate per hundred is a value only of a rate per hundred of the same
        if match is None and q.kind == "count" and figure.counted:
            paragraph_before = sentence.key[_paragraph_start(text, sentence.span.start):sentence.span.start]
            match = self.catalogue.named_before(match_key(figure.counted), paragraph_before)
        if match is None and q.kind == "percent":
            match = _same_measure(figure, sentence)
        base = _SHARE_BASE.search(figure.measure) if match and q.kind == "percent" else None
        if base and not self.catalogue.is_share_of(match.code, base.group(1)):
            return None  # "tỷ lệ người dùng điện thoại thông minh trên tổng số người sử dụng di động": not of all
        return match

    def _index(self, figure: _Figure, sentence: _Sentence, carried: _Carried) -> Match | None:
        q, text, span = figure.q, sentence.text, sentence.span
        subject_start = _new_subject(text, sentence.provinces, sentence.facts, figure.clause_start, q)
        context = RankContext(
            before=sentence.key[subject_start or figure.clause_start:q.phrase_start],
            after=_listed_after(sentence.key, q, figure.following, figure.clause_end),
            sentence_before="" if subject_start else sentence.key[span.start:figure.clause_start],
            paragraph_index=carried.recent_index)
        return index_of(self.catalogue, q.kind, q.denominator, context)

    def _share(self, figure: _Figure, previous: Fact, previous_measure: str) -> Match | None:
        """A percent right after a count or a ratio: the rate of what that figure counts ("đã số hóa 57.877
        hồ sơ, đạt 99,1%"), else, when it is the ratio's own share, the ratio's indicator ("1.562/1.568 thôn
        (khoảng 99,6%)")."""
        q = figure.q
        rate = self.catalogue.match(q.kind, f"{previous_measure} {figure.measure}", figure.counted, figure.clause,
                                    kinds=("percent",))
        if rate or not previous.indicator or self.catalogue.kind_of.get(previous.indicator) == "count":
            return rate
        is_share = previous.kind == "ratio" and previous.denominator and \
            abs(100 * previous.value / previous.denominator - q.value) <= _SHARE_TOLERANCE
        return Match(previous.indicator, f"share of {previous.fact_id}") if is_share else None

    def _subject(self, figure: _Figure, sentence: _Sentence,
                 carried: _Carried) -> tuple[str | None, str | None, Mention | None]:
        """(scope, province, place) of the figure. A province named in the clause before the figure is its
        subject from there on: "Cả nước có 4.500 ..., trong khi tỉnh Cà Mau có 1.200 ..."."""
        q, text = figure.q, sentence.text
        subject_start = max([figure.clause_start] + [m.end for m in sentence.provinces
                                                     if figure.clause_start <= m.start and m.end <= q.phrase_start])
        scope = scope_of(text[subject_start:q.phrase_start], text[q.end:figure.limit], q.kind, q.denominator)
        if scope is not None:  # a ministry's, the country's, the world's, or the provinces' together: no province
            return (None if scope == PROVINCES else scope), None, None
        named = _province_for(sentence, figure)
        if named is JOINT:
            return None, None, None
        place = _place_for(sentence, figure, carried)
        province = named.name if named else sentence.article.province
        return ("place" if place else "province" if province else None), province, place


def _read_figure(text: str, key: str, span: Span, quantities: list[Quantity], i: int, previous_end: int) -> _Figure:
    q = quantities[i]
    next_start = quantities[i + 1].phrase_start if i + 1 < len(quantities) else span.end
    clause_start, clause_end = clause_bounds(span, q.start)
    limit = min(clause_end, next_start)
    since = max(clause_start, previous_end)
    counted, counted_end = counted_after(text, q.phrase_end, limit)
    surface_start = q.phrase_start
    if counted:
        right = _right_of(text, counted_end, limit, clause_end, quantities[i + 1:])
    else:  # a predicate figure: "Tỷ lệ ... đạt 85%", "1.184 dịch vụ ..., đạt 63,38%"
        counted, surface_start = subject_before(text, since, q.phrase_start)
        surface_start = min(surface_start, q.phrase_start)
        right = re.split(r"[,;.]", text[q.end:limit], maxsplit=1)[0]
    if q.kind == "count" and not counted_end > q.phrase_end and _SCORE_SUBJECT.match(counted):
        q = replace(q, kind="score")  # "điểm chính quyền số của tỉnh là 0,6512": its subject says it is a score
    left = text[since:q.phrase_start]
    base = _PER_HUNDRED.search(f"{counted} {right}" if counted_end > q.phrase_end else counted) \
        if q.kind in ("count", "ratio") and q.denominator in (None, 100.0) else None
    per_hundred = base and ("hộ" if base.group(1).startswith("hộ") else "dân")
    if per_hundred:
        q = replace(q, kind="ratio", denominator=100.0)  # "85 thuê bao/100 dân": a rate per 100 inhabitants
    return _Figure(q, quantities[i + 1:], per_hundred, clause_start, clause_end, limit, since, counted, counted_end,
                   surface_start, left, " ".join(match_key(f"{left} {counted} {right}").split()),
                   key[clause_start:clause_end])


def _year(figure: _Figure, sentence: _Sentence, is_index_figure: bool) -> int | None:
    """The figure's year from its own sentence: a time expression between the figure before and it, else
    right after it, else earlier in its clause, else the one the sentence opens with or states before its
    first figure. An index's rank or score is of its table's year: the one right after it ("xếp thứ 4/63
    năm 2022"), else the year the index is named with before it ("DTI năm 2022 do Bộ ... công bố tháng
    7/2023, ... xếp thứ 15/63")."""
    q, span, times = figure.q, sentence.span, sentence.times
    if not times:
        return None
    if is_index_figure:  # ranks listed together ("thứ 20 và 25 về chỉ số DTI năm 2023") share the year after
        listed_end = _listed_end(sentence.key, q, figure.following, figure.clause_end) if q.kind == "rank" \
            else figure.limit
        after = years_between(times, q.end, listed_end)
        named = years_between(times, max(span.start, q.start - _CUE_CHARS), q.start, of_index=True)
        if after or named:
            return (after or named[-1:])[0]
    own = period_year(times, (max(figure.since, q.start - _CUE_CHARS), q.start), (q.end, figure.limit))
    if own is not None:
        return own
    earlier = years_between(times, max(figure.clause_start, q.start - _CUE_CHARS), figure.since)
    if earlier:
        return earlier[-1]
    if opening := opening_year(span.text):
        return opening
    if figure.clause_start > span.start and NOW_CLAUSE.match(sentence.text, figure.clause_start, q.start):
        return None  # "... đến năm 2025 phấn đấu 100%; hiện đã đạt 78%": now, not the goal's year
    return lead_year(span.text, sentence.quantities[0].phrase_start - span.start)


def _same_measure(figure: _Figure, sentence: _Sentence) -> Match | None:
    """A percent whose own words name nothing but a year, a level or a province and a verb says the measure
    of the percent before it again: "đến năm 2025 đạt 80%; đến năm 2030 đạt 95%", "cấp tỉnh đạt 81%, cấp
    huyện đạt 72%", "Hà Nam dẫn đầu về tỷ lệ ... với 68,54%; Nam Định xếp thứ 4 với 52,96%"."""
    before = next((f for f in reversed(sentence.facts) if f.kind == "percent"), None)
    if before is None or not before.indicator or before.change:
        return None
    own = match_key(figure.left if figure.counted_end <= figure.q.phrase_end else "")
    for mention in sentence.provinces:
        if figure.since <= mention.start and mention.end <= figure.q.phrase_start:
            own = own.replace(sentence.key[mention.start:mention.end], " ")
    if not _PREDICATE_VERB.search(own):
        return None
    own = _ELLIPSIS_FILLER.sub(" ", TIME.sub(" ", _PREDICATE_VERB.sub(" ", own)))
    if own.strip(" ,;()"):
        return None
    return Match(before.indicator, f"same measure as {before.fact_id}")


# What may stand in a percent's words when it repeats the measure before it: levels, "cũ", conjunctions.
_ELLIPSIS_FILLER = re.compile(rf"(?<!\w)(?:(?:cấp|khối|các|toàn)\s+)?(?:{words(GOVERNMENT_LEVELS)})(?!\w)"
                              r"|(?<!\w)(?:cũ|và|còn|riêng|tỉnh|thành phố|đến|tới|trong|khi|vào|cuối)(?!\w)")
_PREDICATE_VERB = re.compile(r"(?<!\w)(?:đạt|là|với|chiếm|lên|ở mức)\s*$")


def _goal_text(figure: _Figure, sentence: _Sentence) -> str:
    """The words whose goal cues make the figure a target: its sentence before it, or only its clause when
    the clause names a year of its own that is no deadline ("Năm 2025, tỉnh đặt mục tiêu 90% ...; năm 2024
    đạt 75%", but "... phấn đấu ...; đến năm 2030, có ít nhất 150 doanh nghiệp số")."""
    q, text, span = figure.q, sentence.text, sentence.span
    lo = max(span.start, q.start - _CUE_CHARS)
    own = text[max(lo, figure.clause_start):q.start]
    if figure.clause_start > span.start and years_between(sentence.times, max(lo, figure.clause_start), q.start) \
            and not _DEADLINE.search(own):
        return own
    return text[lo:q.start]


_DEADLINE = re.compile(r"(?<!\w)(?:đến|tới)\s+(?:(?:cuối|hết)\s+)?(?:năm|tháng|quý)(?!\w)", re.IGNORECASE)


def _carried_year(figure: _Figure, sentence: _Sentence, carried: _Carried, is_index_figure: bool,
                  is_goal: bool) -> int | None:
    """The year earlier sentences give a figure whose own sentence names none: an index figure's table
    year, a goal's target year, or the year its paragraph opened with."""
    if is_index_figure:
        return carried.rank_year
    if is_goal:
        return carried.target_year
    if carried.opening_year and sentence.span.start > _paragraph_start(sentence.text, sentence.span.start):
        return carried.opening_year
    return None


def _place_for(sentence: _Sentence, figure: _Figure, carried: _Carried) -> Mention | None:
    """The most specific place named for the figure: paired in order after "lần lượt" when as many places
    as figures are named, else before it in its sentence with no province named between, else right after
    it, else the place its paragraph is about."""
    q, places, provinces = figure.q, sentence.places, sentence.provinces
    paired = sentence.paired(q)
    if paired:  # "Quận Hải Châu, quận Thanh Khê đạt lần lượt 92% và 88%": one each, in order
        named = [p for p in places if sentence.span.start <= p.start and p.end <= sentence.respectively.start()]
        if len(named) == paired[1]:
            return named[paired[0]]
    nearest_province = max((p.end for p in provinces if p.end <= q.start), default=-1)
    before = [p for p in places if nearest_province <= p.start and p.end <= q.start]
    if before:
        return most_specific_place(before)
    after = next((p for p in places if p.start >= q.end), None)
    if after and after.end <= figure.limit:
        return after
    if carried.place and not about_whole_province(sentence.span, provinces + places):
        return carried.place
    return None


# Provinces named together as one subject: "Quảng Bình, Hà Tĩnh có ...", "Đà Nẵng và Huế đạt ...".
_JOINED_NAMES = re.compile(r"\s*(?:,|và|cùng)\s*(?:(?:tỉnh|thành phố|tp\.?)\s*)?$", re.IGNORECASE)
JOINT = Mention(-1, -1, "several provinces", True)  # _province_for's word for "of them together: of none alone"
# A rank said of what follows it: "thứ 2 là Hà Nội", "vị trí thứ 3 thuộc về tỉnh Quảng Ninh".
_RANK_SAID_OF = re.compile(r"\s*(?:/\s*\d+)?\s*(?:là|thuộc về)\s+(?:(?:tỉnh|thành phố|tp\.?)\s*)?", re.IGNORECASE)
_RANK_HOLDER_BEFORE = re.compile(r"(?:thứ|hạng)\s*\d+(?:\s*/\s*\d+)?\s*(?:là|thuộc về)\s+(?:(?:tỉnh|thành phố|tp\.?)\s*)?$",
                                 re.IGNORECASE)
_CONNECTOR = re.compile(r"^\s*(?:của|tại|ở|thuộc|trên địa bàn)?\s*(?:tỉnh|thành phố|tp\.?)?\s*\(?\s*$", re.IGNORECASE)


def _province_for(sentence: _Sentence, figure: _Figure) -> Mention | None:
    """The province named for the figure: paired in order after "lần lượt", else the nearest named before it
    in its sentence, else one named right after it ("1.805 dịch vụ của tỉnh Cà Mau"). JOINT when the
    nearest before is one of provinces named together as one subject ("Quảng Bình, Hà Tĩnh có 900 trạm")."""
    q, text, provinces = figure.q, sentence.text, sentence.provinces
    paired = sentence.paired(q)
    if paired:
        province = paired_in_order(provinces, *paired, sentence.respectively.start())
        if province:
            return province
    starts = [m.start for m in provinces]
    said_of = _RANK_SAID_OF.match(text, q.end) if q.kind == "rank" else None
    if said_of:  # "ở vị trí thứ 2 là Hà Nội": the place named after the rank holds it
        held_by = next((m for m in provinces if m.start == said_of.end()), None)
        if held_by:
            return held_by
    for i in range(bisect_left(starts, q.start) - 1, -1, -1):
        if provinces[i].start < sentence.span.start:
            break
        if provinces[i].end <= q.start:
            joined = i > 0 and _JOINED_NAMES.match(text, provinces[i - 1].end, provinces[i].start) \
                and provinces[i - 1].start >= figure.since
            return JOINT if joined else provinces[i]
    i = bisect_left(starts, q.end)
    if i < len(provinces) and provinces[i].end <= figure.limit:
        between = text[q.end:provinces[i].start]
        if _CONNECTOR.match(between) or len(between.split()) <= 4 and re.search(r"(?<!\w)(?:của|tại|ở)\s", between):
            return provinces[i]
    return None


def _right_of(text: str, start: int, end: int, clause_end: int, following: list[Quantity]) -> str:
    """What a counted figure's clause says after its noun phrase, up to the next figure; a parenthesis that
    only holds the figure's share is stepped over: "1.512/1.568 thôn (khoảng 96,4%) có hạ tầng băng rộng
    cố định" says what the ratio is of after it."""
    if following and _OPENS_ASIDE.match(text, start, following[0].start):
        close = text.find(")", following[0].end, clause_end)
        if close >= 0:
            after = next((q.phrase_start for q in following if q.start > close), clause_end)
            return text[close + 1:min(clause_end, after)]
    return text[start:end]


# Only an opening parenthesis (and a qualifier) between a noun phrase and the next figure.
_OPENS_ASIDE = re.compile(r"\s*\(\s*(?:[^\W\d]+\s+){0,2}$")


def about_whole_province(sentence: Span, mentions: list[Mention]) -> bool:
    """Whether a sentence speaks of a province, or of the province as a whole ("toàn tỉnh", "tỉnh đã ..."),
    rather than of a place in it: "thành phố Sa Đéc" names a place."""
    if any(m.is_province for m in mentions):
        return True
    named = {m.start - sentence.start for m in mentions}
    return any(found.start() not in named for found in _WHOLE_PROVINCE.finditer(sentence.text))


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
    return text[_last_listed(text, q, following):_listed_end(text, q, following, clause_end)]


def _last_listed(text: str, q: Quantity, following: list[Quantity]) -> int:
    end = q.end
    for other in following:
        if other.kind != "rank" or not _LIST_GLUE.match(text, end, other.phrase_start):
            break
        end = other.end
    return end


def _listed_end(text: str, q: Quantity, following: list[Quantity], clause_end: int) -> int:
    """Where the words after a rank and the ranks listed with it end: the next figure, or the clause's end."""
    end = _last_listed(text, q, following)
    return min(clause_end, next((o.phrase_start for o in following if o.start >= end), clause_end))


_OWNER_BEFORE = re.compile(r"(?<!\w)của\s+(?:tỉnh\s+|thành phố\s+|tp\.?\s*)?$", re.IGNORECASE)
_LIST_GLUE = re.compile(r"\s*(?:,|và)\s*$")


def _paragraph_start(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1


def _change(text: str, sentence_start: int, q: Quantity) -> str | None:
    found = _CHANGE_BEFORE.search(text, max(sentence_start, q.phrase_start - 40), q.phrase_start)
    if not found:
        return None
    return "increase" if match_key(found.group(1)) == "tăng" else "decrease"


def _breakdown_parent(text: str, sentence_start: int, q: Quantity, counted: str, facts: list[Fact]) -> Fact | None:
    """The figure a part breaks down, when q is one labelled by a level or a place only, in parentheses
    ("đạt 80,79% (cấp tỉnh đạt 81,38%, ...)") or after "trong đó" ("đạt 99,2%, trong đó cấp tỉnh đạt 99,8%"):
    the figure of the same kind before it."""
    lo = max(sentence_start, q.start - _CUE_CHARS)
    opened = text.rfind("(", lo, q.start)
    if opened < 0 or text.rfind(")", lo, q.start) > opened:
        parts = list(_PARTS_INTRO.finditer(text, lo, q.start))
        opened = parts[-1].start() if parts else -1
    if opened < 0:
        return None
    label = _PARTS_INTRO.sub("", match_key(counted)).strip(" ,")
    if label and not _LEVEL_LABEL.match(label):
        return None
    parent = next((f for f in reversed(facts) if f.start_char < opened), None)
    return parent if parent and parent.kind == q.kind and parent.indicator else None


def _shift(q: Quantity, offset: int) -> Quantity:
    return Quantity(q.start + offset, q.end + offset, q.phrase_start + offset, q.phrase_end + offset,
                    q.kind, q.value, q.denominator, q.qualifier)
