"""Vietnamese numerals in running text -> quantities (value, kind, denominator, qualifier).

Vietnamese writes "." between thousands and "," before decimals: "1.355.335",
"16,63%", "4.337/4357". A numeral is a quantity unless its neighbours say it
is a date, a time, a year, a phone or document number, or part of a name
("cách mạng 4.0", "3G/4G", "thôn 2", "mô hình “3 không”").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from cds_facts.tasks.language.keys import lower, match_key
from cds_facts.tasks.meaning.periods import is_year
from cds_facts.tasks.language.lexicon import (BOTTOM_WORDS, DAY_WORDS, DOCUMENT_TYPES, DONG_WORDS, EVENT_WORDS,
                                              FOREIGN_CURRENCIES, GROUP_JOINING_VERBS, GROUP_WORDS, LABEL_WORDS,
                                              LEVEL_WORDS, MONEY_NOUNS, MONEY_VERBS, MULTIPLIERS, PRODUCT_NOUNS,
                                              QUALIFIER_WORDS, RANGE_END_WORDS, RANKED_UNITS, RANK_WORDS,
                                              RATE_BASE_NOUNS, STANDARD_NAMES, STORAGE_UNITS, TIME_UNITS, TOP_WORDS,
                                              VND_CODES, WORDS_AFTER_A_NAME, WORDS_AFTER_A_SCORE, WORDS_AFTER_A_SUM,
                                              words)

# A digit run with separators, standing alone (not glued to a letter before it).
NUMERAL = re.compile(r"(?<![\w.,/-])\d(?:[\d.,]*\d)?")
# Vietnamese-formatted numbers: thousands groups of three after ".", decimals after ",".
_VI_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$")
_POINT_DECIMAL = re.compile(r"^\d+\.\d{1,2}$")
# "1,200 dịch vụ": a bare count with three digits after "," is English thousands (1 200 services, not 1.2).
_COMMA_THOUSANDS = re.compile(r"^\d{1,3},\d{3}$")
# English-formatted ones some outlets use: "1,234,567" or "1,234.5".
_EN_NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")

# Words after a numeral that multiply it: "11,07 triệu" -> 11 070 000. "tỉ" must not be the "tỉ" of "tỉnh".
_MULTIPLIER = re.compile(rf"\s*({words(MULTIPLIERS)})(?!\w)")
_MONEY = re.compile(rf"\s*(?:{words(DONG_WORDS)}|(?i:{words(VND_CODES)}))(?!\w)")
# A sum in another currency: the warehouse's money is VND, and no rate of the day is known to convert it.
_FOREIGN_MONEY = re.compile(rf"\s*(?:{words(FOREIGN_CURRENCIES)})(?!\w)", re.IGNORECASE)
# Nouns of money a sum follows without "đồng": "doanh thu 2.500 tỷ", "tổng vốn đầu tư hơn 300 triệu".
_MONEY_BEFORE = re.compile(rf"(?:{words(MONEY_NOUNS)})(?:\s+\w+){{0,6}}?\s+(?:(?:{words(MONEY_VERBS)})\s+)*$",
                           re.IGNORECASE)
# A noun right after a sum says what it counts ("1 tỷ lượt"); a function word does not ("1,5 tỷ cho 20 xã").
_NOUN_AFTER = re.compile(rf"\s+(?!(?:{words(WORDS_AFTER_A_SUM)})(?!\w))[^\W\d_]", re.IGNORECASE)
_PERCENT = re.compile(r"\s*(?:%|phần trăm(?!\w))")
# "962,73 điểm", "0,5967 điểm DTI" are scores; "2.000 điểm phát wifi", "15 điểm giao dịch" are places, counted.
_SCORE = re.compile(rf"\s*điểm(?!\w)(?!\s+(?!(?:{words(WORDS_AFTER_A_SCORE)})(?!\w))[^\W\d_])", re.IGNORECASE)
# A numeral listed before another that carries the unit: "lần lượt đạt 0,8340 và 0,7951 điểm".
_LISTED_WITH_UNIT = re.compile(r"\s*(?:và|,)\s*\d(?:[\d.,]*\d)?(?=\s*điểm(?!\w))")
# Storage, converted to TB: "135TB", "2 PB".
_STORAGE = re.compile(rf"\s*({words(STORAGE_UNITS)})(?!\w)", re.IGNORECASE)
# Time units after a numeral make a duration, not a fact: "6 tháng đầu năm", "sau 2 tháng".
_DURATION = re.compile(rf"\s+(?:{words(TIME_UNITS)})(?!\w)")
# A second numeral after "/" makes a ratio, a date or a document number.
_SLASH = re.compile(r"\s*/\s*(\d(?:[\d.,]*\d)?)")

# The patterns read in the words just before a numeral (``near``) are matched against their match_key form
# (lower case, new-style tones: "khoá" reads as "khóa"), so each word is written once: a case-blind regex costs
# more, and there are tens of numerals per article.

# Words before a numeral that make it a name or a label, not a quantity:
# "thôn 2", "Quận 1", "Điều 5", "kỳ họp thứ 7"-style ordinals are handled apart.
_LABEL_BEFORE = re.compile(
    rf"(?:^|\s)(?:{words(LABEL_WORDS)}|(?:{words(LEVEL_WORDS)})(?:\s*\d\s*(?:,|và|-|–))*)\s*$"
    r"|(?:^|\s)1[89]00\s*$")  # the second group of a service number: "1900 1075"
# ... unless the label's word ends a name of two capitalised words within a sentence: "..., Hải Phòng 5.000
# trạm" counts, while "Phòng 5", "Tại Phòng 5" (the sentence's first word) and "UBND Phường 5" (an acronym) label.
def _ends_a_name(before: str) -> bool:
    words = before.split()[-3:]
    if len(words) < 3 or words[0][-1] in ".!?:":
        return False
    first, label = words[1], words[2]
    return first[0].isupper() and label[0].isupper() and not first.isupper()


# How the last word before a numeral that _LABEL_BEFORE reads ends: asked first, since a search that must end
# at the numeral still tries every start in its window. A label's last word; a level's "độ", or the comma, dash
# or "và" of a list of levels ("mức độ 3, 4"); a service number's first group.
_LABEL_LAST_WORDS = (*{name.rsplit(" ", 1)[-1] for name in (*LABEL_WORDS, *LEVEL_WORDS)}, ",", "-", "–", "và", "1800",
                     "1900")
# A calendar word before a numeral makes it a date part when the numeral could be one: "ngày 14", "tháng 9",
# "năm 2"; "mỗi ngày 47.600 lượt" is a count.
_CALENDAR_BEFORE = {"ngày": 31, "tháng": 12, "năm": 12}
# Document numbers: "Quyết định số 116", "Nghị quyết 57", "Nghị định số 42/2022/NĐ-CP".
_DOCUMENT_BEFORE = re.compile(rf"(?:{words(DOCUMENT_TYPES)})(?:\s+số)?\s*$")
_DOCUMENT_LAST_WORDS = (*{name.rsplit(" ", 1)[-1] for name in DOCUMENT_TYPES}, "số")  # asked first, as for labels
# Dates written day/month: "ngày 16/1", "sáng 21/5".
_DAY_BEFORE = re.compile(rf"(?:{words(DAY_WORDS)})\s*$")
# Ordinals of events, not ranks: "kỳ họp thứ 7", "lần thứ 3".
_EVENT_ORDINAL = re.compile(rf"(?:{words(EVENT_WORDS)})\s+thứ\s*$")
# The ranks after the first of a list: "lần lượt xếp thứ 2 và 3", "thứ 5, 7 và 9".
_RANK_LIST_BEFORE = re.compile(rf"(?:{words(RANK_WORDS)})\s*\d+(?:\s*/\s*\d+)?(?:\s*,\s*\d+(?:\s*/\s*\d+)?)*\s*(?:,|và)\s*$")
# "top 10", "tốp 20", "nhóm 10 tỉnh" (the word before is "top", "tốp" or "nhóm"): an upper bound on a rank.
_GROUP_JOINED = re.compile(rf"(?:{words(GROUP_JOINING_VERBS)})\s+nhóm\s*$")  # "vào nhóm 10": joining a ranked group
_GROUP_AFTER = re.compile(rf"\s+(?:{words(RANKED_UNITS)})", re.IGNORECASE)
# "24/7" is round the clock, not a ratio.
_ROUND_THE_CLOCK = re.compile(r"24\s*/\s*7(?!\d)")
# The level of an account or a service, after "mức": "tài khoản định danh điện tử mức 2", "dịch vụ công mức 4".
_HIGHEST_LEVEL = 4
# The low end of a range of percents, after "từ": "rút ngắn từ 60 đến 70%" is 60 % too.
_PERCENT_RANGE_END = re.compile(rf"\s*(?:{words(RANGE_END_WORDS)}|-|–)\s*\d(?:[\d.,]*\d)?\s*(?:%|phần trăm(?!\w))")
# The base of a rate per hundred: "số thuê bao di động trên 100 dân" is subscriptions per 100 inhabitants, not
# more than 100 people (the rate itself is read where its figure stands).
_RATE_BASE = re.compile(r"(?:^|\s)thuê bao(?:\s+[^\s,;.]+){0,6}\s+trên\s*$")
_RATE_BASE_AFTER = re.compile(rf"\s+(?:{words(RATE_BASE_NOUNS)})(?!\w)")
# An age in a definition: "từ 15 tuổi trở lên", "dưới 6 tuổi".
_AGE_AFTER = re.compile(r"\s+tuổi(?!\w)")

# Qualifiers: the word right before the numeral ("trên 11,07 triệu", "gần 105.815").
QUALIFIERS = [(name, re.compile(rf"(?:^|[\s(])(?<!đạt và )(?:{words(qualifying)})\s*$"))
              for name, qualifying in QUALIFIER_WORDS.items()]  # "đạt và vượt 43/51 chỉ tiêu": no bound
_QUALIFIER_ENDS = {phrase.split()[-1] for qualifying in QUALIFIER_WORDS.values() for phrase in qualifying}


_CONTEXT_CHARS = 300  # how far around a numeral its neighbours are read
# How far back the word patterns anchored at a numeral ("thôn 2", "trên 11", "xếp thứ 15") can reach. They
# end at the numeral, but a regex search still tries every start in its window: a short one keeps them cheap.
_NEAR_CHARS = 60
_DECIMAL_OR_TIME_AFTER = re.compile(r"[.,]\d|[:h]\d{2}")  # "4.0.1", "20:03", "8h30"
_DATE_OR_CODE_AFTER = re.compile(r"[-/]\d{1,2}[-/]\d{2,4}|-\s?[A-ZĐ]")  # dates, "06-NQ/TU"
_LETTER = re.compile(r"[^\W\d_]")
_LIST_MARKER_AFTER = re.compile(r"\s*[.)]\s")
_CODE_AFTER_RATIO = re.compile(r"\s*/|[-–]?[A-ZĐ]")


@dataclass(frozen=True)
class Quantity:
    """A quantity read from a sentence; offsets are into the text it was read from."""

    start: int  # the numeral (with its "/denominator" and "%")
    end: int
    phrase_start: int  # the qualifier word, if any
    phrase_end: int  # past the unit or multiplier
    kind: str
    value: float
    denominator: float | None
    qualifier: str


def parse_number(token: str, before_multiplier: bool = False) -> float | None:
    """A Vietnamese-formatted numeral as a number: "1.805" -> 1805, "16,63" -> 16.63; None if malformed.

    Before "triệu"/"tỷ" a "." with one or two digits after it is a decimal
    point ("1.2 triệu"): a thousands group has three.
    """
    if before_multiplier and _POINT_DECIMAL.match(token):
        digits = token
    elif _VI_NUMBER.match(token):
        digits = token.replace(".", "").replace(",", ".")
    elif _EN_NUMBER.match(token):
        digits = token.replace(",", "")
    else:
        return None  # "4.0", "0939.923988", "1.2.3": names, versions, phone numbers
    try:
        return float(Decimal(digits))
    except InvalidOperation:
        return None


def _scaled(value: float, factor: float) -> float:
    return float(Decimal(str(value)) * Decimal(str(factor)))


_CLOSING_QUOTE = re.compile(r"[”\"’]")


def _quoted_name(text: str, start: int) -> bool:
    """A numeral opening a short quoted name: mô hình “3 không”."""
    before = text[max(0, start - 10):start].rstrip()
    if not before.endswith(("“", '"', "‘")):
        return False
    close = _CLOSING_QUOTE.search(text, start, start + 30)
    return close is not None


class _Numeral:
    """A numeral and its neighbourhood, as the refusals read it: bounded windows keep a huge one-line input
    linear. near: the lower-cased words just before it; word_before: the last of them. (A plain class with
    slots: one is made for every numeral of every article.)"""

    __slots__ = ("text", "start", "end", "token", "value", "before", "after", "near", "word_before")

    def __init__(self, text: str, start: int, end: int, token: str, value: float, before: str, after: str,
                 near: str, word_before: str):
        self.text, self.start, self.end, self.token, self.value = text, start, end, token, value
        self.before, self.after, self.near, self.word_before = before, after, near, word_before


def _numeral(text: str, match: re.Match, key: str | None) -> _Numeral | None:
    token, start, end = match.group(), match.start(), match.end()
    before, after = text[max(0, start - _CONTEXT_CHARS):start], text[end:end + _CONTEXT_CHARS]
    near = key[max(0, start - _NEAR_CHARS):start] if key is not None else match_key(before[-_NEAR_CHARS:])
    word_before = near.rsplit(None, 1)[-1] if near and not near.isspace() else ""
    value = parse_number(token, before_multiplier=bool(_MULTIPLIER.match(after)))
    return None if value is None else _Numeral(text, start, end, token, value, before, after, near, word_before)


# A numeral that names a product or a system, not a count of it: "Phần mềm 158 được triển khai", "ứng
# dụng 1022". Counted things after it ("hệ thống 158 camera") make it a count again.
_PRODUCT_BEFORE = re.compile(rf"(?:^|\s)(?:{words(PRODUCT_NOUNS)})\s*$")
_PRODUCT_ENDS = {noun.rsplit(" ", 1)[-1] for noun in PRODUCT_NOUNS}  # asked first: the word before is one
_NAME_ENDS_AFTER = re.compile(rf"\s*(?:$|[,.;:)\"”]|(?:{words(WORDS_AFTER_A_NAME)})(?!\w))")
# A standard or a certification level: "chuẩn Tier 3", "ISO 27001", "TCVN 11930".
_STANDARD_BEFORE = re.compile(rf"(?:^|\s)(?:{words(STANDARD_NAMES)})\s*$")
_STANDARD_ENDS = {name.rsplit(" ", 1)[-1] for name in STANDARD_NAMES}
# A named day with its date: "Ngày Chuyển đổi số quốc gia 10/10", "Ngày Pháp luật Việt Nam 9/11".
_NAMED_DAY_BEFORE = re.compile(r"(?<!\w)Ngày(?:\s+[^\s\d,;.]+){1,8}\s*$")
# A group at the bottom of a table: "nhóm 10 tỉnh đứng cuối", "top 5 địa phương thấp nhất". Being in it
# bounds no rank from above, and the press gives no rank with it.
_BOTTOM_AFTER = re.compile(rf"\s+(?:(?:{words(RANKED_UNITS)})(?:\s*,\s*thành phố)?\s+)?(?:{words(BOTTOM_WORDS)})(?!\w)",
                           re.IGNORECASE)

# Why a numeral is no quantity, asked in order of its neighbourhood alone; the first that holds is the reason.
_NOT_A_QUANTITY: tuple[tuple[str, object], ...] = (
    ("a version, a decimal date or a time", lambda n: _DECIMAL_OR_TIME_AFTER.match(n.after)),
    ("a date or a document code", lambda n: _DATE_OR_CODE_AFTER.match(n.after)),
    ("part of a name (3G, 4G)", lambda n: _LETTER.match(n.after) and not _STORAGE.match(n.after)),
    ("a phone number or a code", lambda n: n.token.isdigit() and (n.token.startswith("0") and len(n.token) > 1
                                                                 or len(n.token) >= 6)),
    ("a year", lambda n: is_year(n.token) and not _PERCENT.match(n.after)),
    ("a label (thôn 2, Điều 5, hotline)", lambda n: n.word_before.endswith(_LABEL_LAST_WORDS)
     and _LABEL_BEFORE.search(n.near) and not _ends_a_name(n.before)),
    ("a document number", lambda n: n.word_before.endswith(_DOCUMENT_LAST_WORDS) and _DOCUMENT_BEFORE.search(n.near)),
    ("a quoted name", lambda n: _quoted_name(n.text, n.start)),
    ("a level (mức 2)", lambda n: n.word_before == "mức" and n.token.isdigit() and n.value <= _HIGHEST_LEVEL
     and not _PERCENT.match(n.after)),
    ("a date part (ngày 14, tháng 9)", lambda n: n.word_before in _CALENDAR_BEFORE and "." not in n.token
     and n.value <= _CALENDAR_BEFORE[n.word_before]),
    ("a list marker", lambda n: _LIST_MARKER_AFTER.match(n.after) and not n.before.strip()),
    ("an age", lambda n: _AGE_AFTER.match(n.after)),
    ("round the clock (24/7)", lambda n: _ROUND_THE_CLOCK.match(n.text, n.start)),
    ("the base of a rate per hundred", lambda n: n.token == "100" and _RATE_BASE_AFTER.match(n.after)
     and _RATE_BASE.search(lower(n.before[-_CONTEXT_CHARS // 3:]))),
    ("a product's name (Phần mềm 158)", lambda n: n.word_before in _PRODUCT_ENDS and _PRODUCT_BEFORE.search(n.near)
     and _NAME_ENDS_AFTER.match(n.after)),
    ("a standard (Tier 3, ISO 27001)", lambda n: n.word_before in _STANDARD_ENDS and _STANDARD_BEFORE.search(n.near)),
    ("a group at the bottom of a table", lambda n: n.word_before.endswith(GROUP_WORDS)
     and _BOTTOM_AFTER.match(n.after)),
)
# Why a numeral with "/" after it is neither a ratio nor a score: (reason, test of numeral, denominator, rest).
_NOT_A_RATIO: tuple[tuple[str, object], ...] = (
    ("a document number (42/2022/NĐ-CP)", lambda n, d, rest: _CODE_AFTER_RATIO.match(rest)),
    ("a month and year (tháng 9/2024)", lambda n, d, rest: is_year(d) and n.value <= 12),
    ("a date (ngày 16/1)", lambda n, d, rest: _DAY_BEFORE.search(n.near) and n.value <= 31
     and parse_number(d) <= 12),
    ("a named day (Ngày Chuyển đổi số quốc gia 10/10)", lambda n, d, rest: _NAMED_DAY_BEFORE.search(n.before)
     and n.value <= 31 and parse_number(d) <= 12),
    ("part of a name (3G/4G)", lambda n, d, rest: _LETTER.match(rest)),
)


def quantity_refusal(text: str, match: re.Match) -> str | None:
    """Why the numeral at match is no quantity (the reason a trap would give), or None when it is one."""
    read = _read(text, match, None)
    return read if isinstance(read, str) else None


def read_quantity(text: str, match: re.Match, key: str | None = None) -> Quantity | None:
    """The quantity a numeral stands for in text, or None when it is no quantity (quantity_refusal: why).
    key: text's match_key, when the caller has it."""
    read = _read(text, match, key)
    return read if isinstance(read, Quantity) else None


def _read(text: str, match: re.Match, key: str | None) -> Quantity | str:
    numeral = _numeral(text, match, key)
    if numeral is None:
        return "not a Vietnamese numeral (4.0, 1.2.3)"
    for reason, refuses in _NOT_A_QUANTITY:
        if refuses(numeral):
            return reason
    end, after, denominator = numeral.end, numeral.after, None
    slash = _SLASH.match(after)
    if slash:
        second, rest = slash.group(1), after[slash.end():]
        denominator = parse_number(second)
        if denominator is None or denominator == 0:
            return "no denominator"
        for reason, refuses in _NOT_A_RATIO:
            if refuses(numeral, second, rest):
                return reason
        end, after = end + slash.end(), rest
    return _quantity(numeral, end, after, denominator)


def _quantity(n: _Numeral, end: int, after: str, denominator: float | None) -> Quantity | str:
    """The kind, value and unit of a numeral that is a quantity, or why its unit makes it none."""
    kind, value, qualifier, phrase_end = ("ratio" if denominator else "count"), n.value, "exact", end
    if kind == "count" and _LISTED_WITH_UNIT.match(after):  # "0,8340 và 0,7951 điểm": both are scores
        kind = "score"
    elif kind == "ratio" and (score := _SCORE.match(after)):  # "8,5/10 điểm": a score out of a maximum
        kind, phrase_end = "score", end + score.end()
    elif n.word_before.endswith(RANK_WORDS) or n.word_before.endswith((",", "và")) \
            and _RANK_LIST_BEFORE.search(n.near):
        if _EVENT_ORDINAL.search(n.near):
            return "an event's ordinal (lần thứ 3)"
        kind = "rank"
    elif n.word_before.endswith(TOP_WORDS) or (n.word_before.endswith("nhóm") and (
            _GROUP_AFTER.match(after) or _GROUP_JOINED.search(n.near))):
        kind, qualifier = "rank", "at_most"
    elif n.word_before.endswith("nhóm"):
        return "a category's name (nhóm 1)"
    elif kind == "count":
        read = _unit(n, end, after)
        if isinstance(read, str):
            return read
        kind, value, phrase_end = read
        end = phrase_end if kind == "percent" else end
    phrase_start, qualifier = _qualified(n, qualifier)
    return Quantity(n.start, end, phrase_start, phrase_end, kind, value, denominator, qualifier)


def _unit(n: _Numeral, end: int, after: str) -> tuple[str, float, int] | str:
    """(kind, value, phrase end) of a plain numeral from the unit after it: a percent, a multiplier, money,
    a score, storage; or why the unit makes it none (a duration, another currency)."""
    value = n.value
    if percent := _PERCENT.match(after):
        return "percent", value, end + percent.end()
    if n.word_before == "từ" and _PERCENT_RANGE_END.match(after):
        return "percent", value, end
    if _DURATION.match(after):
        return "a duration (6 tháng)"
    factor, phrase_end = 1, end
    while (multiplier := _MULTIPLIER.match(after, phrase_end - end)):
        factor *= MULTIPLIERS[multiplier.group(1)]
        phrase_end = end + multiplier.end()
    if factor != 1:
        value = _scaled(value, factor)
    elif _COMMA_THOUSANDS.match(n.token):
        value = parse_number(n.token.replace(",", ""))
    rest = after[phrase_end - end:]
    if _FOREIGN_MONEY.match(rest):
        return "a sum in another currency"
    if money := _MONEY.match(rest):
        return "money", value, phrase_end + money.end()
    if factor >= 10**6 and _MONEY_BEFORE.search(n.before) and not _NOUN_AFTER.match(rest):
        return "money", value, phrase_end  # "doanh thu 2.500 tỷ": the currency goes without saying
    if score := _SCORE.match(rest):
        return "score", value, phrase_end + score.end()
    if storage := _STORAGE.match(rest):
        return "storage", _scaled(value, STORAGE_UNITS[storage.group(1).lower()]), phrase_end + storage.end()
    return "count", value, phrase_end


def _qualified(n: _Numeral, qualifier: str) -> tuple[int, str]:
    """Where the numeral's phrase starts (its qualifier word, if any) and its qualifier."""
    if n.word_before.lstrip("(") not in _QUALIFIER_ENDS:
        return n.start, qualifier
    for name, pattern in QUALIFIERS:
        found = pattern.search(n.near)
        if found:
            start = n.start - len(n.near) + found.start() + len(found.group()) - len(found.group().lstrip())
            return start, (name if qualifier == "exact" else qualifier)
    return n.start, qualifier


def find_quantities(text: str, times: list[tuple[int, int]] = (), key: str | None = None) -> list[Quantity]:
    """Every quantity in text, in order. times: the (start, end) in text of its time expressions
    (periods.times_in, the one reader of time), whose numerals are dates, not quantities: skipped unread.
    key: text's match_key, when the caller has it (the number reader need not make it again)."""
    found, taken_until = [], -1
    times = iter(sorted(times))
    time_span = next(times, None)
    for match in NUMERAL.finditer(text):
        while time_span is not None and time_span[1] <= match.start():
            time_span = next(times, None)
        if match.start() < taken_until or time_span is not None and time_span[0] <= match.start():
            continue  # the denominator of a ratio already read, or a part of "tháng 9/2024"
        quantity = read_quantity(text, match, key)
        if quantity:
            found.append(quantity)
            taken_until = quantity.end
        else:
            slash = _SLASH.match(text, match.end())
            taken_until = slash.end() if slash else match.end()  # "9/2024" is skipped whole
    return found
