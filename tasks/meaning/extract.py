"""Article -> facts: every quantity in the body with what it measures, whose it is, when, and whether it is
a goal, read by a chain of small resolvers over one figure at a time, in this order:

    times       the sentence's time expressions, read once (periods.py); their digits are no quantities
    numbers     the quantity: value, kind, denominator, qualifier (numbers.py)
    phrases     what it measures: the noun phrase it counts, or the subject it is said of (phrases.py)
    change      "tăng 5 bậc", "giảm 3%": by how much something changed, no level
    subject     whose figure: a ministry, the country, the world, the provinces together, a place, a
                province (subjects.py, language/owners.py) — first, as it bears on what the figure is
    indicator   the first rule of indicator_rules.RULES that decides: an index, a part, a share, a cue, ...
    period      the time expression that governs it: its clause's, its sentence's opening, or the one its
                paragraph or ranking carries (periods.py); never a comparison year
    status      actual or target

What a sentence leaves unsaid, its document may have said: the year a ranking is of, the index "bộ chỉ số
này" refers to, the target year a plan sets, the place a paragraph is about. ``Carried`` (reading.py)
keeps those.
"""
from __future__ import annotations

import re
from dataclasses import replace

from cds_facts.tasks.language.keys import holds_any, match_key
from cds_facts.tasks.language.lexicon import (CHANGE_PARTICLES, CHANGE_VERBS, COMPARING_WORDS, PLACES_CALLED_POINTS,
                                              PLURAL_MARKERS, RANK_WORDS, RATE_BASE_NOUNS, SAME_PERIOD_WORDS, words)
from cds_facts.tasks.language.places import Gazetteer, Mention, place_key
from cds_facts.tasks.meaning.indicators import Catalogue
from cds_facts.tasks.meaning.numbers import Quantity, find_quantities
from cds_facts.tasks.meaning.periods import (NOW_CLAUSE, Time, lead_year, opening_year, period_year, status_of_year,
                                             times_in, years_between)
from cds_facts.tasks.meaning.phrases import counted_after, own_words_before, subject_before
from cds_facts.tasks.meaning.reading import Carried, Figure, Sentence
from cds_facts.tasks.meaning.indicator_rules import (CUE_CHARS, PARTS_INTRO, Question, TOTAL_KINDS, indicator_for,
                                                     listed_end)
from cds_facts.tasks.meaning.sentences import Span, clause_bounds, paragraph_start, sentences
from cds_facts.tasks.meaning.subjects import respectively, subject_of
from cds_facts.tasks.models import Article, Fact

# Raise it when extraction changes: documents extracted by an older version are extracted again.
EXTRACTOR_VERSION = 9

# A figure that says by how much something changed: "tăng 12% so với cùng kỳ", "giảm 3 bậc".
_CHANGE_BEFORE = re.compile(rf"(?<!\w)({words(CHANGE_VERBS)})(?:\s+(?:{words(CHANGE_PARTICLES)}))?\s*$", re.IGNORECASE)
# A figure per 100 inhabitants or households, in its noun phrase or its subject: "85 thuê bao/100 dân",
# "số thuê bao di động trên 100 dân đạt 120". Such a rate is a value of a rate indicator only, never a count.
_PER_HUNDRED = re.compile(rf"(?:/\s*|\btrên\s+)100\s+({words(RATE_BASE_NOUNS)})(?!\w)", re.IGNORECASE)
# The subject of a score whose numeral carries no "điểm": "điểm chính quyền số ... là 0,6512", "điểm số đạt 0,71".
_SCORE_SUBJECT = re.compile(rf"(?:tổng\s+)?điểm(?:\s+số(?!\w)|\s+(?!(?:{words(PLACES_CALLED_POINTS)})(?!\w))\w)",
                            re.IGNORECASE)
# A figure in parentheses right after what it is compared with: "so với năm 2022 (60%)", "so với cùng kỳ (60%)",
# "so với năm 2023 (thứ 25/63)".
_COMPARED_BEFORE = re.compile(rf"(?<!\w)(?:{words(COMPARING_WORDS)})\s+(?:(?:{words(SAME_PERIOD_WORDS)})\s*)?"
                              rf"(?:[^\W\d]+\s+)?(?:\d{{1,2}}\s*[/.-]\s*)?(?:\d{{4}})?\s*(?P<paren>\()\s*"
                              rf"(?:(?:{words(RANK_WORDS)})\s+)?$", re.IGNORECASE)
_LISTED = re.compile(rf"(?<!\w)(?:{words(PLURAL_MARKERS)})\s+$", re.IGNORECASE)



class Extractor:
    """Reads facts from articles with one catalogue and one gazetteer."""

    def __init__(self, catalogue: Catalogue, gazetteer: Gazetteer):
        self.catalogue = catalogue
        self.gazetteer = gazetteer

    def facts(self, article: Article) -> list[Fact]:
        text = article.text
        key = match_key(text)  # of the same length: a slice of it is the key of the same slice of text
        place_text = place_key(text)
        carried = Carried()
        facts: list[Fact] = []
        for span in sentences(text):
            times = times_in(span.text, span.start, article.published_at.year if article.published_at else None)
            # the numerals of its time expressions are dates: the number reader skips them
            time_spans = [(t.start - span.start, t.end - span.start) for t in times]
            quantities = [_shift(q, span.start) for q in find_quantities(span.text, time_spans,
                                                                         key[span.start:span.end])]
            # places matter for figures, for the place a paragraph opens on, and for when it moves on
            wanted = quantities or span.paragraph != carried.paragraph or carried.place
            mentions = self.gazetteer.mentions(text, span.start, span.end, key=place_text) if wanted else []
            carried.enter(span, text, [m for m in mentions if not m.is_province])
            found = self._sentence_facts(article, key, span, quantities, mentions, times, carried) if quantities else []
            carried.leave(span, key[span.start:span.end], times, mentions, found, self.catalogue.has_table_year)
            facts.extend(found)
        return facts

    def _sentence_facts(self, article: Article, key: str, span: Span, quantities: list[Quantity],
                        mentions: list[Mention], times: list[Time], carried: Carried) -> list[Fact]:
        text = article.text
        sentence = Sentence(
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
            if facts and facts[-1].kind in TOTAL_KINDS and PARTS_INTRO.search(text, previous_end, q.phrase_start):
                total = facts[-1]
            elif total and total.start_char < figure.clause_start:  # a new clause ends the list
                total = None

            change = _change(text, key, span.start, q)
            subject = subject_of(figure, sentence, carried)  # whose first: it bears on what
            # a change is no level: no indicator
            match = None if change else indicator_for(Question(self.catalogue, figure, sentence, carried,
                                                               subject.scope))
            is_index_figure = q.kind in ("rank", "score") and match is not None and self.catalogue.has_table_year(match.code)
            is_goal = sentence.goal_words.status(*_goal_words_span(figure, sentence)) == "target"
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
                province=subject.province,
                province_2025=self.gazetteer.to_2025(subject.province),
                place=subject.place.name if subject.place else None,
                period_year=year,
                status="target" if is_goal else status_of_year(year, sentence.published_year),
                part_of=total.fact_id if total and q.kind == "count" else None,
                scope=subject.scope,
                change=change,
                evidence=match.evidence if match else None,
                subject_evidence=subject.evidence,
            ))
            sentence.measures.append(figure.measure)
            previous_end = max(figure.counted_end, q.phrase_end)
        return sentence.facts


def _read_figure(text: str, key: str, span: Span, quantities: list[Quantity], i: int, previous_end: int) -> Figure:
    q = quantities[i]
    next_start = quantities[i + 1].phrase_start if i + 1 < len(quantities) else span.end
    clause_start, clause_end = clause_bounds(span, q.start)
    limit = min(clause_end, next_start)
    since = max(clause_start, previous_end)
    counted, counted_end = counted_after(text, q.phrase_end, limit)
    surface_start = q.phrase_start
    if counted:
        right_start, right_end = _right_of(text, counted_end, limit, clause_end, quantities[i + 1:])
        counted_key = " ".join(key[q.phrase_end:counted_end].split())  # its words, as counted_after joins them
    else:  # a predicate figure: "Tỷ lệ ... đạt 85%", "1.184 dịch vụ ..., đạt 63,38%"
        counted, surface_start = subject_before(text, since, q.phrase_start)
        surface_start = min(surface_start, q.phrase_start)
        counted_key = match_key(counted)
        stop = _CLAUSE_STOP.search(text, q.end, limit)
        right_start, right_end = q.end, stop.start() if stop else limit
    if q.kind == "count" and not counted_end > q.phrase_end and _SCORE_SUBJECT.match(counted):
        q = replace(q, kind="score")  # "điểm chính quyền số của tỉnh là 0,6512": its subject says it is a score
    left = text[since:q.phrase_start]
    own_left = own_words_before(left) if counted_end > q.phrase_end else left
    right = text[right_start:right_end]
    base = _PER_HUNDRED.search(f"{counted} {right}" if counted_end > q.phrase_end else counted) \
        if q.kind in ("count", "ratio") and q.denominator in (None, 100.0) else None
    per_hundred = base and ("hộ" if base.group(1).startswith("hộ") else "dân")
    if per_hundred:
        q = replace(q, kind="ratio", denominator=100.0)  # "85 thuê bao/100 dân": a rate per 100 inhabitants
    # the key of a slice is the slice of the key: what it measures is read off the sentence's key
    measure = f"{key[q.phrase_start - len(own_left):q.phrase_start]} {counted_key} {key[right_start:right_end]}"
    return Figure(q, quantities[i + 1:], per_hundred, clause_start, clause_end, limit, since, counted, counted_key,
                  counted_end, surface_start, left, " ".join(measure.split()), key[clause_start:clause_end])


def _year(figure: Figure, sentence: Sentence, is_index_figure: bool) -> int | None:
    """The figure's year from its own sentence: a time expression between the figure before and it, else
    right after it, else earlier in its clause, else the one the sentence opens with or states before its
    first figure. An index's rank or score is of its table's year: the one right after it ("xếp thứ 4/63
    năm 2022"), else the year the index is named with before it ("DTI năm 2022 do Bộ ... công bố tháng
    7/2023, ... xếp thứ 15/63"), else a year of its clause, else the one table year its sentence names."""
    q, span, times = figure.q, sentence.span, sentence.times
    compared_with = _COMPARED_BEFORE.search(sentence.text, max(span.start, q.phrase_start - 60), q.phrase_start) \
        if "(" in sentence.text[max(span.start, q.phrase_start - 8):q.phrase_start] else None
    if compared_with:  # "tăng so với năm 2022 (60%)", "so với cùng kỳ (60%)": the figure of the period compared with
        paren = compared_with.start("paren")
        compared = [t for t in times if t.compared and t.end <= paren and paren - t.end <= 2]
        return compared[-1].year if compared else None
    if not times:
        return None
    if is_index_figure:  # ranks listed together ("thứ 20 và 25 về chỉ số DTI năm 2023") share the year after
        words_end = listed_end(sentence.key, q, figure.following, figure.clause_end) if q.kind == "rank" \
            else figure.limit
        after = years_between(times, q.end, words_end)
        named = years_between(times, max(span.start, q.start - CUE_CHARS), q.start, of_index=True)
        if after or named:
            return (after or named[-1:])[0]
    own = period_year(times, (max(figure.since, q.start - CUE_CHARS), q.start), (q.end, figure.limit))
    if own is not None:
        return own
    earlier = years_between(times, max(figure.clause_start, q.start - CUE_CHARS), figure.since)
    if earlier:
        return earlier[-1]
    if is_index_figure:  # "Về kinh tế số, tỉnh đứng thứ 20/63; xã hội số ... trong bảng xếp hạng DTI 2023"
        tables = set(years_between(times, span.start, span.end, of_index=True))
        if len(tables) == 1:
            return tables.pop()
    if opening := opening_year(span.text):
        return opening
    if figure.clause_start > span.start and NOW_CLAUSE.match(sentence.text, figure.clause_start, q.start):
        return None  # "... đến năm 2025 phấn đấu 100%; hiện đã đạt 78%": now, not the goal's year
    return lead_year(span.text, sentence.quantities[0].phrase_start - span.start)


def _goal_words_span(figure: Figure, sentence: Sentence) -> tuple[int, int]:
    """Where the words whose goal cues make the figure a target stand: its sentence before it, or only its
    clause when the clause names a year of its own that is no deadline ("Năm 2025, tỉnh đặt mục tiêu 90%
    ...; năm 2024 đạt 75%", but "... phấn đấu ...; đến năm 2030, có ít nhất 150 doanh nghiệp số")."""
    q, span = figure.q, sentence.span
    lo = max(span.start, q.start - CUE_CHARS)
    own_start = max(lo, figure.clause_start)
    if figure.clause_start > span.start and years_between(sentence.times, own_start, q.start) \
            and not any(t.deadline and own_start <= t.start and t.end <= q.start for t in sentence.times):
        return own_start, q.start
    return lo, q.start


def _carried_year(figure: Figure, sentence: Sentence, carried: Carried, is_index_figure: bool,
                  is_goal: bool) -> int | None:
    """The year earlier sentences give a figure whose own sentence names none: an index figure's table
    year, a goal's target year, or the year its paragraph opened with."""
    if is_index_figure:
        return carried.rank_year
    if is_goal:
        return carried.target_year
    if carried.opening_year and sentence.span.start > paragraph_start(sentence.text, sentence.span.start):
        return carried.opening_year
    return None


def _right_of(text: str, start: int, end: int, clause_end: int, following: list[Quantity]) -> tuple[int, int]:
    """Where what a counted figure's clause says after its noun phrase stands, up to the next figure; a
    parenthesis that only holds the figure's share is stepped over: "1.512/1.568 thôn (khoảng 96,4%) có hạ
    tầng băng rộng cố định" says what the ratio is of after it."""
    if following and _OPENS_ASIDE.match(text, start, following[0].start):
        close = text.find(")", following[0].end, clause_end)
        if close >= 0:
            after = next((q.phrase_start for q in following if q.start > close), clause_end)
            return close + 1, min(clause_end, after)
    return start, end


_CLAUSE_STOP = re.compile(r"[,;.]")  # what ends a predicate figure's words after it
# Only an opening parenthesis (and a qualifier) between a noun phrase and the next figure.
_OPENS_ASIDE = re.compile(r"\s*\(\s*(?:[^\W\d]+\s+){0,2}$")


def _change(text: str, key: str, sentence_start: int, q: Quantity) -> str | None:
    start = max(sentence_start, q.phrase_start - 40)
    if not holds_any(key[start:q.phrase_start], CHANGE_VERBS):  # most figures: no verb near
        return None
    found = _CHANGE_BEFORE.search(text, start, q.phrase_start)
    if not found:
        return None
    return "increase" if match_key(found.group(1)) == "tăng" else "decrease"


def _shift(q: Quantity, offset: int) -> Quantity:
    return Quantity(q.start + offset, q.end + offset, q.phrase_start + offset, q.phrase_end + offset,
                    q.kind, q.value, q.denominator, q.qualifier)
