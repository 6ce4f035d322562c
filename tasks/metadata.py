"""Document metadata from the lines cleaning set aside: published time, outlet, authors."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from .textdump import byline_names

VIETNAM = timezone(timedelta(hours=7))

# "24/09/2023 00:00:00", "12/12/2024 20:03", "20:03 12/12/2024", "24-9-2023".
_DATE = re.compile(r"(?P<d>\d{1,2})[/-](?P<m>\d{1,2})[/-](?P<y>\d{4}|\d{2})(?!\d)")
_CLOCK = re.compile(r"(?<!\d)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?")
# Words an outlet's name begins with, to tell a page's masthead from other all-caps lines.
_OUTLET_WORDS = re.compile(r"^(?:báo|đài|tạp chí|cổng thông tin|trang thông tin|thông tấn|truyền hình)\b",
                           re.IGNORECASE)
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?((?:[\w-]+\.)+[a-z]{2,})", re.IGNORECASE)


def parse_datetime(text: str) -> datetime | None:
    """A Vietnamese day-first date with an optional clock, in Vietnam time unless it says otherwise."""
    text = text.strip()
    try:  # ISO 8601, as <meta property="article:published_time"> gives it
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=VIETNAM)
    except ValueError:
        pass
    date = _DATE.search(text)
    if not date:
        return None
    year = int(date["y"]) + (2000 if len(date["y"]) == 2 else 0)
    clock = _CLOCK.search(text)
    hour, minute, second = (int(clock["H"]), int(clock["M"]), int(clock["S"] or 0)) if clock else (0, 0, 0)
    try:
        return datetime(year, int(date["m"]), int(date["d"]), hour, minute, second, tzinfo=VIETNAM)
    except ValueError:
        return None


def first_datetime(candidates: list[str]) -> datetime | None:
    for text in candidates:
        parsed = parse_datetime(text)
        if parsed:
            return parsed
    return None


def authors_from(bylines: list[str]) -> tuple[str, ...]:
    names: list[str] = []
    for line in bylines:
        for name in byline_names(line) or ([line.strip()] if line.strip() else []):
            if name not in names:
                names.append(name)
    return tuple(names)


def _display_case(name: str) -> str:
    """An all-caps masthead in sentence case: "ĐÀI PHÁT THANH" -> "Đài Phát Thanh"."""
    return " ".join(w.capitalize() for w in name.split()) if name.isupper() else name


def outlet_from(hints: list[str]) -> str | None:
    """The publisher: a named outlet first, then a masthead, then a domain."""
    named = [h for h in hints if _OUTLET_WORDS.match(h)]
    if named:
        return _display_case(min(named, key=len))
    for hint in hints:
        domain = _DOMAIN.match(hint)
        if domain and "." in hint:
            return domain.group(1).lower()
    return _display_case(hints[0]) if hints else None
