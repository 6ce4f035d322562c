"""Dates and times as Vietnamese pages print them, read day first, in Vietnam time unless they say otherwise.

    14/10/2024 - 08:15         Thứ Hai, 14/10/2024 - 08:15    15-3-2024 08:05    20/1/2025, 16:40
    09:42 | 03/03/2025         14:30, 05/06/2025               19/11/2025 10:51 GMT+7   2024-07-15 08:30
    Thứ Ba, ngày 14 tháng 1 năm 2025 | 07:30                   14 tháng 1, 2025   08h15   2024-10-14T08:15:00Z

Which date on a page is the article's (not the crawl's clock, not a related item's) is decided by the
cleaning rules; this module only reads one.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

VIETNAM = timezone(timedelta(hours=7))

# A calendar date, numeric (day first) or in words.
_NUMERIC = r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4}|\d{2})(?![\d/.-]\d)"
_ISO = r"(?P<iy>20\d{2})-(?P<im>\d{2})-(?P<id>\d{2})(?![\d-])"  # "2024-07-15 08:30", as some pages print it
_WORDED = (r"(?:ngày\s+)?(?P<wd>\d{1,2})\s+tháng\s+(?P<wm>\d{1,2})\s*(?:năm\s+|,\s*|/\s*)(?P<wy>\d{4})")
DATE = re.compile(rf"(?<![\d/.-]){_NUMERIC}|(?<![\d/.-]){_ISO}|(?<!\w){_WORDED}(?!\d)", re.IGNORECASE)
# A clock: "08:15", "08:15:30", "8h15", with "SA"/"CH" (morning, afternoon) or AM/PM.
CLOCK = re.compile(r"(?<![\d:])(?P<H>\d{1,2})(?::|h)(?P<M>\d{2})(?::(?P<S>\d{2}))?(?!\d)"
                   r"(?:\s*(?P<half>SA|CH|AM|PM)\b)?", re.IGNORECASE)
# The same, as a pattern source to embed in others (no named groups): a date with the clocks around it.
_CLOCK_TEXT = r"\d{1,2}(?::|h)\d{2}(?::\d{2})?(?:\s*(?:SA|CH|AM|PM)\b)?"
DATE_TEXT = (rf"(?:{_CLOCK_TEXT}\s*[,|–-]?\s*)?(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})|20\d{{2}}-\d{{2}}-\d{{2}}"
             rf"|(?:ngày\s+)?\d{{1,2}}\s+tháng\s+\d{{1,2}}\s*(?:năm\s+|,\s*|/\s*)\d{{4}})"
             rf"(?:\s*[,|–-]?\s*{_CLOCK_TEXT})?")
_ZONE = re.compile(r"GMT\s*(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?00)?", re.IGNORECASE)


def find_date(text: str) -> re.Match | None:
    return DATE.search(text)


def parse_datetime(text: str) -> datetime | None:
    """The first date in text with the clock next to it, if any; ISO 8601 as meta tags give it."""
    text = text.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=VIETNAM)
    except ValueError:
        pass
    date = DATE.search(text)
    if not date:
        return None
    day, month, year = ((date["d"], date["m"], date["y"]) if date["d"] else (date["id"], date["im"], date["iy"])
                        if date["iy"] else (date["wd"], date["wm"], date["wy"]))
    year_number = int(year) + (2000 if len(year) == 2 else 0)
    hour = minute = second = 0
    clock = _nearest_clock(text, date)
    if clock:
        hour, minute, second = int(clock["H"]), int(clock["M"]), int(clock["S"] or 0)
        half = (clock["half"] or "").upper()
        if half in ("CH", "PM") and hour < 12:
            hour += 12
        elif half in ("SA", "AM") and hour == 12:
            hour = 0
    zone = _ZONE.search(text)
    tz = timezone(timedelta(hours=int(zone["h"]) * (1 if zone["sign"] == "+" else -1))) if zone else VIETNAM
    try:
        return datetime(year_number, int(month), int(day), hour, minute, second, tzinfo=tz)
    except ValueError:
        return None


def _nearest_clock(text: str, date: re.Match) -> re.Match | None:
    """The clock printed with the date: the nearest one before or after it, within a few characters."""
    clocks = [c for c in CLOCK.finditer(text) if not (date.start() <= c.start() < date.end())
              and int(c["H"]) < 24 and int(c["M"]) < 60]
    near = [c for c in clocks if c.end() <= date.start() and date.start() - c.end() <= 12
            or c.start() >= date.end() and c.start() - date.end() <= 12]
    return min(near, key=lambda c: abs(c.start() - date.start())) if near else None


def first_datetime(candidates: list[str]) -> datetime | None:
    for text in candidates:
        parsed = parse_datetime(text)
        if parsed:
            return parsed
    return None
