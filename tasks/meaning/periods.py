"""When a figure is for, and whether it is reported or aimed at."""
from __future__ import annotations

import re
from dataclasses import dataclass

from cds_facts.tasks.language.lexicon import (COMPARING_WORDS, DEADLINE_EDGES, DEADLINE_WORDS, DIRECTIVE_AS_NOUN_AFTER,
                                              DIRECTIVE_VERBS, GOAL_NOUNS, GOAL_SETTING_VERBS, GOAL_WORDS,
                                              INDEX_YEAR_NAMES, LAST_YEAR_WORDS, MET_VERBS, NOW_ADVERBS, NOW_VERBS,
                                              NOW_WORDS, PERIOD_EDGES, PLURAL_MARKERS, RESULT_ADVERBS, RESULT_VERBS,
                                              RESULT_WORDS, SAME_PERIOD_WORDS, SINCE_WORDS, THIS_YEAR_WORDS,
                                              UNTIL_NOW_WORDS, whole_words, words)

# A time expression and its year: "năm 2022", "tháng 9/2023", "tháng 7.2024", "quý II/2023", "DTI 2022",
# "giai đoạn 2023-2025" (its last year). An index's year ("DTI cấp tỉnh năm 2022", "chỉ số chuyển đổi số
# năm 2023") is the year of the table it publishes, whenever that was published. One that a comparison
# introduces ("so với năm 2021", "so với cùng kỳ năm 2023", "so với cuối năm 2023", "cao hơn năm 2022") is the
# year compared with, never the figure's; one a deadline introduces ("đến năm 2025") is a goal's.
#
# Every year the rules read, as digits: 1900 to 2099. A four-digit numeral in this range is a year unless a
# unit says otherwise ("2024 dịch vụ" is a count, "năm 2024" a year): numbers.py asks is_year.
YEAR_DIGITS = r"(?:19|20)\d{2}"
TIME = re.compile(
    rf"(?:(?P<compared>(?:{words(COMPARING_WORDS)})(?:\s+(?:{words(SAME_PERIOD_WORDS)}))?\s+"
    rf"(?:(?:{words(PERIOD_EDGES)})\s+)?(?:năm\s+)?)"
    rf"|(?P<deadline>(?<!\w)(?:{words(DEADLINE_WORDS)})\s+(?:(?:{words(DEADLINE_EDGES)})\s+)?)"
    rf"|(?P<since>(?<!\w)(?:{words(SINCE_WORDS)})\s+(?:(?:{words(PERIOD_EDGES)})\s+)?))?"
    rf"(?:(?<!\w)năm\s+(?P<year>{YEAR_DIGITS})(?![\d/-])"
    rf"|(?<!\w)tháng\s+\d{{1,2}}\s*[/.-]\s*(?P<month_year>{YEAR_DIGITS})(?!\d)"
    rf"|(?<!\w)quý\s+(?:[ivx]+|\d)\s*[/.-]\s*(?P<quarter_year>{YEAR_DIGITS})(?!\d)"
    rf"|(?<!\w)(?:{words(INDEX_YEAR_NAMES)})\s*\)?\s*(?:cấp tỉnh\s+)?"
    rf"(?:năm\s+)?(?P<index_year>{YEAR_DIGITS})(?!\d)"
    rf"|(?<!\w)giai đoạn\s+{YEAR_DIGITS}\s*[-–]\s*(?P<period_end>{YEAR_DIGITS})(?!\d))",
    re.IGNORECASE)
_UNTIL_NOW = re.compile(rf"\s*(?:{words(UNTIL_NOW_WORDS)})(?!\w)", re.IGNORECASE)
# A sentence opening with its time: "Năm 2024, ...", "Trong năm 2024, ...", "Đến cuối tháng 7/2025, ...",
# "Tính đến tháng 7.2024, ...", "6 tháng đầu năm 2023, ...", "Từ năm 2023, ...": it governs every clause.
_OPENING = re.compile(r"^[^,;:]{0,50}?,")


# Every time expression ends in its year's digits, and starts at most this far before them: TIME is tried only
# there, not at every position of a long sentence.
_YEAR_DIGITS = re.compile(rf"(?<!\d){YEAR_DIGITS}(?!\d)")


def is_year(token: str) -> bool:
    """Whether a numeral's digits are a year's (the one range every rule reads years in)."""
    return len(token) == 4 and token.isdigit() and _YEAR_DIGITS.fullmatch(token) is not None
_TIME_REACH = 90


# What a time expression names, by the TIME group that read its year; "relative" is "năm nay", "năm ngoái",
# "since" a span from a year until now ("từ năm 2021 đến nay"), which gives a figure no year.
_KINDS = {"year": "year", "month_year": "month", "quarter_year": "quarter", "index_year": "index",
          "period_end": "range"}


@dataclass(frozen=True)
class Time:
    """A time expression: where it stands, its year, what it names (kind: year, month, quarter, index, range,
    relative), whether a comparison introduces it ("so với năm 2022"), whether it is a deadline ("đến năm
    2025", "tới cuối tháng 6/2025")."""

    start: int
    end: int
    year: int
    kind: str
    compared: bool
    deadline: bool = False

    @property
    def of_index(self) -> bool:
        """Whether it names an index's table year: "DTI 2022", "chỉ số chuyển đổi số năm 2023"."""
        return self.kind == "index"


def times_in(text: str, offset: int = 0, this_year: int | None = None) -> list[Time]:
    """Every time expression of text, in order, at offsets shifted by offset. A sentence's are read once;
    its figures ask for the years between two offsets (``years_between``). this_year: the article's, which
    "năm nay" (this year) and "năm ngoái" (last year) count from."""
    found: list[Time] = _relative_years(text, offset, this_year) if this_year else []
    if "19" not in text and "20" not in text:  # no year's digits: most sentences
        return found
    searched_to = 0
    for digits in _YEAR_DIGITS.finditer(text):
        if digits.end() <= searched_to:
            continue
        # one character past the year, for the lookaheads that end an expression ("năm 2022/...")
        window_end = min(len(text), digits.end() + 1)
        position = max(searched_to, digits.start() - _TIME_REACH)
        while (m := TIME.search(text, position, window_end)) and m.end() <= digits.end():
            group = next(g for g in _KINDS if m.group(g))
            kind = "since" if m.group("since") and _UNTIL_NOW.match(text, m.end()) else _KINDS[group]
            found.append(Time(offset + m.start(), offset + m.end(), int(m.group(group)), kind,
                              bool(m.group("compared")), bool(m.group("deadline"))))
            position = m.end()
        searched_to = position
    return sorted(found, key=lambda t: t.start) if len(found) > 1 and this_year else found


# Years said relative to the article's: "năm nay" is its year, "năm ngoái" the one before. A comparison
# ("so với năm ngoái", "cao hơn năm trước") introduces the year compared with, as TIME's do.
_RELATIVE_YEAR = re.compile(rf"(?P<compared>(?:{words(COMPARING_WORDS)})(?:\s+(?:{words(SAME_PERIOD_WORDS)}))?\s+)?"
                            rf"(?<!\w)(?:(?:{words(THIS_YEAR_WORDS)})|(?P<last>{words(LAST_YEAR_WORDS)}))(?!\w)",
                            re.IGNORECASE)


# What every such phrase holds, whatever the case of its first letter ("Năm nay", "năm ngoái"): a substring
# test first, as most sentences have none.
RELATIVE_HINT = "ăm n"  # tests/meaning/test_periods.py holds every phrase to it


def _relative_years(text: str, offset: int, this_year: int) -> list[Time]:
    if RELATIVE_HINT not in text:
        return []
    return [Time(offset + m.start(), offset + m.end(), this_year - bool(m.group("last")), "relative",
                 bool(m.group("compared"))) for m in _RELATIVE_YEAR.finditer(text)]


def years_between(times: list[Time], start: int, end: int, of_index: bool = False) -> list[int]:
    """The years of the expressions wholly between start and end that are not comparisons nor spans until now
    (with of_index, only an index's), in order."""
    return [t.year for t in times if start <= t.start and t.end <= end and not t.compared and t.kind != "since"
            and (t.of_index or not of_index)]


def years_in(text: str) -> list[int]:
    """The years of the time expressions in text that are not comparisons, in order."""
    return years_between(times_in(text), 0, len(text))


def opening_year(sentence: str) -> int | None:
    """The year a sentence opens with, governing all its clauses: "Trong năm 2024, cấp tỉnh ...; cấp huyện ..."."""
    opening = _OPENING.match(sentence)
    years = years_in(opening.group()) if opening else []
    return years[-1] if years else None


# A clause that says where things stand now: no year set before it (a goal's deadline) is its year.
NOW_CLAUSE = re.compile(rf"\W*(?:{words(NOW_WORDS)})(?!\w)", re.IGNORECASE)  # .match()ed at the clause's start


def lead_year(sentence: str, first_figure: int) -> int | None:
    """The year a sentence states before its first figure, in its first clause: "Theo Đề án, đến năm 2025
    Đồng Tháp phấn đấu ... 20% GRDP; tỷ lệ ... đạt 80%" sets 2025 for the clauses after too."""
    first_clause = sentence.find(";")
    years = years_in(sentence[:first_figure if first_clause < 0 else min(first_clause, first_figure)])
    return years[-1] if years else None


# Words that make a figure a target: "mục tiêu", "phấn đấu", "chỉ tiêu", "dự kiến", "sẽ", "theo kế hoạch",
# "kế hoạch ... đặt ra"; a directive's verb ("Thủ tướng yêu cầu ... đạt 80%").
# One alternation of both (lookbehinds before each position would cost twice the scan); a directive's verb
# after a word that makes it a noun is dropped after the match.
_GOAL_CUES = whole_words(GOAL_WORDS, DIRECTIVE_VERBS, flags=re.IGNORECASE)
_DIRECTIVE_VERBS = frozenset(DIRECTIVE_VERBS)
_AS_NOUN_BEFORE = re.compile(rf"(?<!\w)(?:{words(DIRECTIVE_AS_NOUN_AFTER)})\s+$", re.IGNORECASE)
# ... unless what follows the goal reports a result: "vượt mục tiêu đề ra", "hoàn thành chỉ tiêu",
# "kết quả đạt", "thực tế đạt", "hiện đã đạt", "các chỉ tiêu ... đều đạt".
RESULT_CUES = re.compile(rf"(?:(?:{words(RESULT_ADVERBS)})\s+)?(?:{words(RESULT_VERBS)})\s+"
                         rf"(?:(?:{words(PLURAL_MARKERS)})\s+)?(?:{words(GOAL_NOUNS)})"
                         rf"(?:\s+(?:{words(GOAL_SETTING_VERBS)}))?"
                         rf"|(?<!\w)đạt và vượt(?!\w)|(?<!\w)(?:{words(RESULT_ADVERBS)})\s+(?:{words(MET_VERBS)})(?!\w)"
                         rf"|(?<!\w)(?:{words(NOW_WORDS)})\s+(?:(?:{words(NOW_ADVERBS)})\s+)?(?:{words(NOW_VERBS)})(?!\w)"
                         rf"|(?<!\w)(?:{words(RESULT_WORDS)})(?!\w)", re.IGNORECASE)


# A goal word a numeral counts is a count of goals, no goal: "đạt và vượt 43/51 chỉ tiêu, trong đó 17 chỉ tiêu vượt".
_COUNTED_GOAL = re.compile(r"\d\s*$")


def period_year(times: list[Time], before: tuple[int, int], after: tuple[int, int]) -> int | None:
    """The year a figure refers to: the nearest time expression before it in its clause (the offsets
    before), else the first after it (up to the next figure); comparisons never count."""
    years = years_between(times, *before)
    if years:
        return years[-1]
    following = years_between(times, *after)
    return following[0] if following else None


def goal_cues(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word of text that sets a goal ("mục tiêu", "phấn đấu", a directive's "yêu cầu"),
    in order."""
    return [(m.start(), m.end()) for m in _GOAL_CUES.finditer(text) if _sets_goal(text, m)]


def sets_a_goal(text: str) -> bool:
    """Whether text holds a word that sets a goal, asked up to the first."""
    return any(_sets_goal(text, m) for m in _GOAL_CUES.finditer(text))


def _sets_goal(text: str, cue: re.Match) -> bool:
    return cue.group().lower() not in _DIRECTIVE_VERBS \
        or not _AS_NOUN_BEFORE.search(text, max(0, cue.start() - _NOUN_REACH), cue.start())


_NOUN_REACH = 12  # the longest word that makes a directive's verb a noun, and its space


class GoalWords:
    """A sentence's goal cues and result cues, read once for all its figures (text offsets); ``status`` of
    a figure asks for those between two offsets, as ``status`` reads them in that slice of text."""

    __slots__ = ("_cues", "_results")

    def __init__(self, text: str, start: int, end: int):
        sentence = text[start:end]
        self._cues = [(start + s, start + e) for s, e in goal_cues(sentence)
                      if not _COUNTED_GOAL.search(sentence, max(0, s - 8), s)]
        self._results = [(start + m.start(), start + m.end()) for m in RESULT_CUES.finditer(sentence)] \
            if self._cues else []

    def status(self, start: int, end: int) -> str:
        """'target' when the words between start and end set a goal, unless a result is reported after it
        ("chỉ tiêu là 70%, kết quả đạt 75%"); else 'actual'."""
        cues = [e for s, e in self._cues if start <= s and e <= end]
        if not cues:
            return "actual"
        results = [e for s, e in self._results if start <= s and e <= end]
        return "actual" if results and max(results) >= cues[-1] else "target"


def status_of_year(year: int | None, published_year: int | None) -> str:
    """'target' for a year after the article's own ("đến năm 2030 có ít nhất ..." can only be aimed at);
    else 'actual'. What the words around a figure say is GoalWords.status."""
    return "target" if year and published_year and year > published_year else "actual"
