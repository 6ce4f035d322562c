"""When a figure is for, and whether it is reported or aimed at."""
from __future__ import annotations

import re

# A year named as a year: "năm 2022", "DTI năm 2022", "đến năm 2030".
YEAR = re.compile(r"(?<!\w)năm\s+((?:19|20)\d{2})(?!\d)", re.IGNORECASE)
# Words that make a figure a target: "mục tiêu", "phấn đấu", "đặt mục tiêu", "dự kiến", "sẽ".
TARGET_CUES = re.compile(r"(?<!\w)(?:mục tiêu|phấn đấu|chỉ tiêu|dự kiến|kỳ vọng|hướng tới|sẽ)(?!\w)",
                         re.IGNORECASE)
# ... unless the goal is reported as met: "vượt mục tiêu", "hoàn thành chỉ tiêu".
MET_GOAL = re.compile(r"(?:vượt|hoàn thành|đạt|đáp ứng)\s+(?:các\s+|những\s+)?(?:mục tiêu|chỉ tiêu)",
                      re.IGNORECASE)
# How far after a figure a year may stand and still be its year ("15/63 ... DTI năm 2022").
_YEAR_AFTER_CHARS = 60


def period_year(before: str, after: str) -> int | None:
    """The year a figure refers to: the nearest 'năm YYYY' before it in its clause, else just after it."""
    years = YEAR.findall(before)
    if years:
        return int(years[-1])
    following = YEAR.search(after[:_YEAR_AFTER_CHARS])
    return int(following.group(1)) if following else None


def status(sentence_before: str) -> str:
    """'target' when the sentence sets a goal before the figure, else 'actual'."""
    cues = [m for m in TARGET_CUES.finditer(sentence_before)]
    if not cues:
        return "actual"
    met = [m.end() for m in MET_GOAL.finditer(sentence_before)]
    return "actual" if met and max(met) >= cues[-1].end() else "target"
