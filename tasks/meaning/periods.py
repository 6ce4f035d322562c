"""When a figure is for, and whether it is reported or aimed at."""
from __future__ import annotations

import re

from cds_facts.tasks.language.lexicon import GOAL_NOUNS, GOAL_WORDS, RESULT_VERBS, RESULT_WORDS, whole_words, words

# A year named as a year: "năm 2022", "DTI năm 2022", "đến năm 2030".
YEAR = re.compile(r"(?<!\w)năm\s+((?:19|20)\d{2})(?!\d)", re.IGNORECASE)
# Words that make a figure a target: "mục tiêu", "phấn đấu", "chỉ tiêu", "dự kiến", "sẽ", "theo kế hoạch",
# "kế hoạch ... đặt ra".
TARGET_CUES = whole_words(GOAL_WORDS, flags=re.IGNORECASE)
# ... unless what follows the goal reports a result: "vượt mục tiêu đề ra", "hoàn thành chỉ tiêu",
# "kết quả đạt", "thực tế đạt".
RESULT_CUES = re.compile(rf"(?:{words(RESULT_VERBS)})\s+(?:các\s+|những\s+)?(?:{words(GOAL_NOUNS)})"
                         r"(?:\s+(?:đề ra|đặt ra|đã đề ra|đã đặt ra))?"
                         rf"|(?<!\w)(?:{words(RESULT_WORDS)})(?!\w)", re.IGNORECASE)
# How far after a figure a year may stand and still be its year ("15/63 ... DTI năm 2022").
_YEAR_AFTER_CHARS = 60


def period_year(before: str, after: str) -> int | None:
    """The year a figure refers to: the nearest 'năm YYYY' before it in its clause, else just after it."""
    years = YEAR.findall(before)
    if years:
        return int(years[-1])
    following = YEAR.search(after[:_YEAR_AFTER_CHARS])
    return int(following.group(1)) if following else None


def status(sentence_before: str, year: int | None = None, published_year: int | None = None) -> str:
    """'target' when the sentence sets a goal before the figure, or its year is still ahead; else 'actual'.

    A goal counts unless a result is reported after it ("chỉ tiêu là 70%,
    kết quả đạt 75%"). A figure for a year after the article's own
    ("đến năm 2030 có ít nhất ...") can only be aimed at.
    """
    if year and published_year and year > published_year:
        return "target"
    cues = [m.end() for m in TARGET_CUES.finditer(sentence_before)]
    if not cues:
        return "actual"
    results = [m.end() for m in RESULT_CUES.finditer(sentence_before)]
    return "actual" if results and max(results) >= cues[-1] else "target"
