"""Boilerplate rules for text dumps: a page saved as text, header and footer and all.

``split_dump`` finds the headline, cuts the page's tail (comments, related
news, counters, footers), drops junk lines inside the body, and hands back
the article's lines together with the meta lines (bylines, datelines) it set
aside. Every rule is about the shape of a line, never about one outlet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from cds_facts.tasks.language.keys import holds_any, match_key
from cds_facts.tasks.language.lexicon import (FONT_SIZE_TOKENS, MASTHEAD_SLOGANS, OUTLET_WORDS, PAGE_CHROME,
                                              RELATED_BOX_MARKERS, SECTION_NAMES, STAFF_BYLINES, words)
from cds_facts.tasks.text.dates import DATE_TEXT, find_date

# A date introduced as the article's own: "Ngày 24/09/2023 00:00:00", "Đăng lúc: ...", "Cập nhật: ...".
MARKED_DATE = re.compile(rf"(?:Ngày đăng|Đăng lúc|Đăng ngày|Cập nhật|Xuất bản|Ngày)\s*:?\s*({DATE_TEXT})"
                         r"(?:\s*\(GMT[+-]\d+\))?", re.IGNORECASE)
# What a dateline is made of; a line holding a date and nothing else is a dateline:
# "Thứ hai, 15/7/2024, 08:30 (GMT+7)", "Cập nhật lúc: 10:15, Thứ Ba, 05/11/2024",
# "Ngày đăng: 12/03/2025 | Lượt xem: 1.234", "Thứ Ba, ngày 14 tháng 1 năm 2025 | 07:30".
_DATELINE_PIECES = re.compile(
    rf"\(?GMT\s*[+-]\s*\d{{1,2}}(?::?\d{{2}})?\)?|{DATE_TEXT}|\d{{1,2}}(?::|h)\d{{2}}(?::\d{{2}})?(?:\s*(?:SA|CH|AM|PM))?"
    r"|(?:lượt xem|lượt đọc|lượt truy cập|views?)\s*:?\s*[\d.,]+"
    r"|\b(?:thứ (?:hai|ba|tư|năm|sáu|bảy|\d)|chủ nhật|ngày đăng|đăng lúc|đăng ngày|cập nhật|xuất bản|ngày|lúc|đăng"
    r"|thời gian|update|published)\b", re.IGNORECASE)
# Words that say a date is the article's: a header line carrying one is a dateline, not the site's clock.
_DATE_MARKER = re.compile(r"ngày đăng|đăng lúc|đăng ngày|cập nhật|xuất bản|GMT", re.IGNORECASE)
# The site header's clock ("Thứ sáu, 6-6-25 02:38:17"): the day the page was saved, not published.
WEEKDAY_CLOCK = re.compile(r"^(?:thứ (?:hai|ba|tư|năm|sáu|bảy|\d)|chủ nhật)\s*,", re.IGNORECASE)
_SECONDS = re.compile(r"\d:\d{2}:\d{2}")
# A related-news time stamp standing alone: "21:42 , 18/01/2025".
RELATED_STAMP = re.compile(r"^\d{1,2}:\d{2}\s*,?\s*\d{1,2}/\d{1,2}/\d{4}$")

# Lines that begin the page's tail: comments, related and latest news,
# ratings, counters, footers. Matched on the line's start (match_key form).
TAIL_MARKERS = (
    "ý kiến bạn đọc", "bình luận", "gửi bình luận", "viết bình luận", "xem thêm bình luận",
    "tin mới", "tin liên quan", "tin cùng chuyên mục", "tin khác", "các tin khác", "tin đã đưa",
    "bài viết liên quan", "bài liên quan", "cùng chuyên mục", "có thể bạn quan tâm",
    "đọc nhiều", "xem nhiều", "tin đọc nhiều", "tin nổi bật", "tin tức liên quan",
    "đánh giá của bạn", "bạn đang đọc bài viết", "chia sẻ bài viết", "từ khóa", "tags",
    "thống kê truy cập", "bản quyền", "copyright", "©", "cơ quan chủ quản", "giấy phép",
    "chịu trách nhiệm", "tổng biên tập",
)
_TAIL_MAX_WORDS = 8
_HEADLINE_MIN_WORDS = 5
_TITLE_REACH = 12  # how many lines above the lead its headline may stand (datelines, bylines, labels between)
_PROSE_MIN_WORDS = 5  # a sentence shorter than this is a label or a caption, not the article's lead
_PARAGRAPH_MIN_WORDS = 30  # a line this long is a paragraph, punctuated or not
_RELATED_BOX_MAX_LINES = 6  # the links a related box inside an article lists
# How a sentence ends: a period, an ellipsis, "!" or "?", then perhaps a closing quote or bracket.
_SENTENCE_END = re.compile(r"[.!?…;:][\"”’)\]]*$")
_SENTENCE_END_NOT_QUESTION = re.compile(r"[.…;:][\"”’)\]]*$")  # a headline may ask; it does not end a sentence
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")  # "## Headline" in a text saved from Markdown
_BYLINE_MAX_CHARS = 80  # a longer line is no byline: names and their labels are short
_DATELINE_MAX_CHARS = 100  # nor a dateline, with its weekday, clock and zone
_META_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")
_META_SEPARATOR_MARKS = ("|", "–", "—", "-")
# Where a sentence starts inside the body so far: after a line break or a sentence's end.
_SENTENCE_START_BEFORE = re.compile(r"(?:\n|[.!?…;:][\"”’)\]]*\s+)$")
_REPEAT_MIN_WORDS = 8  # a shorter line found inside a paragraph may be a phrase, not a repeat
_GLUED_MIN_CHARS = 200  # a line that glues paragraphs back together is at least this long
_WORD = re.compile(r"\w")

# Lines that are never article text, wherever they stand.
JUNK_LINES = [
    re.compile(r"^[a-z]+(?: [a-z]+){0,3}$"),  # image placeholders and alt text: "anh tin bai", "ssv"
    re.compile(r"[-–]\s*Ảnh \d+\.?$"),  # caption anchors: "Tháo gỡ ... - Ảnh 1."
    re.compile(r"^(?:[•·*-]\s*)?(?:lượt xem|lượt đọc|lượt truy cập|đang online|đang truy cập|hôm nay|hôm qua|"
               r"trong tuần|trong tháng|tất cả|tổng truy cập|truy cập)\s*:?\s*[\d.,]+$", re.IGNORECASE),
    re.compile(r"^(?:đường dây nóng|hotline|đt|điện thoại|fax|email|e-mail|liên hệ)\s*:", re.IGNORECASE),
    re.compile(r"^(?:SELECT|INSERT|UPDATE|DELETE)\s.+\s(?:FROM|INTO|SET|WHERE)\s", re.IGNORECASE),  # leaked SQL
    re.compile(r"^[\d\s|«»<>.,…/-]+$"),  # pagination rows and stray numbers
    re.compile(r"^>>"),  # related-article links
    re.compile(r"^(?:xem thêm|đọc thêm|tin liên quan)\s*:", re.IGNORECASE),
    re.compile(r"^theo dõi .{1,80} trên\s*:?$", re.IGNORECASE),  # "Theo dõi <outlet> trên" social prompt
    re.compile(r"^(?:ảnh|video|clip)\s*(?:minh họa|minh hoạ)?\s*:?\s*$", re.IGNORECASE),
    # share bars and page actions: "Chia sẻ", "Facebook Zalo", "In bài", "Quay lại"
    re.compile(r"^(?:(?:chia sẻ|facebook|zalo|twitter|linkedin|telegram|email|gửi email|gửi bài|in bài|in trang|"
               r"bản in|lưu|lưu bài|lưu tin|quay lại|trở lại|về đầu trang|đầu trang|copy link|sao chép liên kết|"
               r"bình chọn|nghe đọc bài|nghe bài viết|cỡ chữ|a\+|a-)\s*[:|,/-]?\s*)+$", re.IGNORECASE),
    re.compile(r"^Trang chủ\s*[>»/|›]", re.IGNORECASE),  # breadcrumbs
    re.compile(r"^[^.!?]{0,80}(?:\s[>»›]\s[^.!?]{0,80}){2,}$"),  # "Tin tức > Kinh tế > Chuyển đổi số"
]
# "Nguồn: ..." closes a report with its source: meta, not body.
SOURCE_LINE = re.compile(r"^(?:Nguồn|Theo)\s*:\s*(.+)$")
# The end mark of a Vietnamese article body.
END_MARK = re.compile(r"\./\.\s*$")
# Byline prefixes: "Bài và ảnh: ", "Bài, ảnh: ", "Bài: ", "Tác giả: ", "Nhóm PV: ".
BYLINE_PREFIX = re.compile(r"^(?:bài và ảnh|bài, ảnh|bài/ảnh|bài|tin|tin, ảnh|tác giả|nhóm pv|pv|ctv)\s*:\s*",
                           re.IGNORECASE)
PHOTO_CREDIT = re.compile(r"^(?:ảnh|video|đồ họa|đồ hoạ)\s*:", re.IGNORECASE)
# A caption's credit after the caption's sentence: "... hệ thống thông tin. Ảnh: Linh Hương",
# "Toàn cảnh hội nghị (Ảnh: TTXVN)". What stands before it on its line is the caption.
CAPTION_CREDIT = re.compile(r"(?<=[.!?…])\s*\(?(?:ảnh|ảnh minh họa|ảnh minh hoạ|nguồn ảnh)\s*:\s*"
                            r"|\s*\((?:ảnh|ảnh minh họa|ảnh minh hoạ|nguồn ảnh)\s*:\s*", re.IGNORECASE)
_CREDIT_WORDS = ("ảnh", "video", "đồ họa", "đồ hoạ")  # one of them stands in every credit the two patterns read
_CAPTION_MAX_WORDS = 40
_CREDIT_MAX_WORDS = 5  # a credit that ends its line: a name or an outlet
# Separators between names on one byline.
NAME_SEPARATOR = re.compile(r"\s*(?:[–—,;&/]|\s-\s|\svà\s)\s*")
# An outlet's name: an outlet word, then a name ("Báo Cà Mau", "Cổng thông tin điện tử tỉnh Quảng Ninh",
# "BÁO LÀO CAI"); not a headline that begins with one of the words ("Báo cáo ...", "Báo chí ...").
OUTLET_NAME = re.compile(rf"^(?i:{words(OUTLET_WORDS)})(?i: điện tử)?(?i: (?:tỉnh|thành phố|tp\.?))? [A-ZĐÀ-Ỹ]")
# A footer naming the publisher: "© Bản quyền thuộc về Báo điện tử Bắc Ninh", "Copyright © 2025 Tạp chí ...".
COPYRIGHT_OWNER = re.compile(r"(?:©\s*)?(?:bản quyền thuộc(?: về)?|copyright\s*©?|©)\s*(?:\d{4}\s*)?(?:bởi\s+)?"
                             r"([^.,;|©]{3,80}?)(?=\s*$|\s*[.,;|©]|\s+[-–—]\s+(?:cơ quan|tiếng nói|giấy phép))",
                             re.IGNORECASE)
# A line that names an outlet and nothing else: its name before a slogan ("Báo điện tử Hà Tĩnh - Cơ quan của
# Đảng bộ ..."), a domain alone ("baohatinh.vn"), a licence's holder ("Giấy phép số 12/GP-BTTTT ... cho Báo X").
_OUTLET_LINE_MAX_WORDS = 16  # "Trang thông tin điện tử Sở Khoa học và Công nghệ tỉnh …"
_OUTLET_LINE_SEPARATOR = re.compile(r"\s+[-–—|]\s+")
DOMAIN_LINE = re.compile(r"^(?:https?://)?(?:www\.)?(?:[\w-]+\.)+(?:vn|com|net|org|info)/?$", re.IGNORECASE)
LICENCE_HOLDER = re.compile(r"giấy phép\b.*?\bcho\s+(.+?)\s*(?:[.,;|]|$)", re.IGNORECASE)
# A line that credits the article's source, not its publisher: "Theo Báo Hà Tĩnh", "Nguồn baohatinh.vn".
SOURCE_PREFIX = re.compile(r"^(?:theo|nguồn)\s*:?\s+", re.IGNORECASE)
# A leading outlet tag on the first paragraph: "(baonamdinh.vn) ", "(Baothanhhoa.vn) - ", "Diendandoanhnghiep.vn ".
DOMAIN_TAG = re.compile(r"^\(?((?:[\w-]+\.)+(?:vn|com|net|org|info))\)?\s*[-–—:]?\s*", re.IGNORECASE)
# The lead's opening tag of its source, a domain or an agency: "(Chinhphu.vn) - ", "(TTXVN) – ".
SOURCE_TAG = re.compile(r"^\([^()]{2,40}\)\s*[-–—]\s")
# A leading outlet name: "Báo Cà Mau Thời gian qua, ..." -> "Báo Cà Mau".
OUTLET_PREFIX = re.compile(r"^((?:Báo|Tạp chí|Đài|Cổng thông tin)(?: điện tử)?(?: [A-ZĐÀ-Ỹ]\w*)+) (?=[A-ZĐÀ-Ỹ]\w* [a-zđà-ỹ])")


# A seam inside one word: lower-case letters, then a capital starting a lower-case word ("phá|Cán").
_LOWER = "".join(chr(c) for c in range(0x250) if chr(c).islower()) + "".join(
    chr(c) for c in range(0x1E00, 0x1F00) if chr(c).islower())
_UPPER = "".join(chr(c) for c in range(0x250) if chr(c).isupper()) + "".join(
    chr(c) for c in range(0x1E00, 0x1F00) if chr(c).isupper())
_RUN_ON_SEAM = re.compile(rf"(?<!\w)[{_LOWER}]{{2,}}(?=[{_UPPER}][{_LOWER}]+(?!\w))")


@dataclass
class DumpParts:
    """A page split into what the article says and what surrounds it."""

    title: str | None = None
    header: list[str] = field(default_factory=list)  # lines above the headline (site name, hotline, clock)
    body: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)  # byline lines, as written
    dates: list[str] = field(default_factory=list)  # dateline strings that belong to the article
    outlet_hints: list[str] = field(default_factory=list)  # outlet names or domains seen on the page


def is_junk(line: str) -> bool:
    return any(rule.search(line) for rule in JUNK_LINES) or is_chrome(line) or is_section_row(line)


# The page's chrome on a line, with the bars, bullets and colons between its items.
_CHROME = re.compile(rf"(?<![\w+-])(?:{words(PAGE_CHROME, FONT_SIZE_TOKENS)})(?![\w+-])|[|:/•·,;()\[\]>»›-]")


def is_chrome(line: str) -> bool:
    """Whether a line is the page's chrome alone: nothing of it is left but one word once its controls and
    links (PAGE_CHROME, the font-size widget) and their separators are taken out. A headline that uses such
    a word ("Chia sẻ kinh nghiệm chuyển đổi số") keeps its other words."""
    if len(line) >= _CHROME_MAX_CHARS:  # asked first: most lines are prose, and a key costs a pass over it
        return False
    key = match_key(line)
    return bool(_CHROME.search(key)) and len(_CHROME.sub(" ", key).split()) <= 1


_CHROME_MAX_CHARS = 160  # a line longer than this is text, whatever words it holds
_SECTION = re.compile(rf"(?<![\w+-])(?:{words(SECTION_NAMES)})(?![\w+-])")
_SECTION_SEPARATORS = re.compile(r"[|:/•·,;>»›&–—-]")
# Items of a navigation row: split by a bar, a bullet, an arrow or a wide gap (a dash is a name's: "Bà Rịa -
# Vũng Tàu"); each of a few capitalised words and no figure ("Hạ Long | Cẩm Phả | Uông Bí").
_MENU_GAP = re.compile(r"\s*[|•·»›]\s*|\s{2,}|\t")
_MENU_ITEM = re.compile(r"^[A-ZĐÀ-Ỹ][^\W\d]*(?: [^\W\d]+){0,3}$")
_MENU_MIN_ITEMS = 3


def is_section_row(line: str) -> bool:
    """A line of section names only, two or more, with the separators between them: the site's menu."""
    if len(line) >= _CHROME_MAX_CHARS:
        return False
    key = match_key(line)
    return len(_SECTION.findall(key)) >= 2 and not _SECTION_SEPARATORS.sub(" ", _SECTION.sub(" ", key)).split()


def is_menu_row(line: str) -> bool:
    """A navigation row: section names (is_section_row), or three or more short capitalised items with no
    figure between bars, bullets, arrows or wide gaps. Never a headline; in the body it is kept unless it
    is of section names (a table's header row has the same shape)."""
    items = [item for item in _MENU_GAP.split(line.strip()) if item]
    return is_section_row(line) or (len(items) >= _MENU_MIN_ITEMS and all(_MENU_ITEM.match(i) for i in items))


def is_tail_marker(line: str) -> bool:
    bare = line.strip(" :.-•")
    if len(bare.split()) > _TAIL_MAX_WORDS:
        return False
    key = match_key(bare)
    return any(key == m or key.startswith(m + " ") or key.startswith(m + ":") for m in TAIL_MARKERS)


def strip_caption(line: str) -> str:
    """The line without a photo caption at its start ("" when it is all caption or a credit alone).

    A credit that runs into the next paragraph ("Ảnh: Linh Hương Thanh Hóa lọt
    tốp 20 ...") takes a two-word name with it: a dump has no other seam.
    """
    if not holds_any(line.lower(), _CREDIT_WORDS):  # most lines: asked before the patterns' scans
        return line
    lone = PHOTO_CREDIT.match(line)
    if lone and len(line[lone.end():].split()) <= _CREDIT_MAX_WORDS:  # a credit on a line of its own
        return ""
    credit = CAPTION_CREDIT.search(line)
    if not credit or not 1 <= len(line[:credit.start()].split()) <= _CAPTION_MAX_WORDS:
        return line
    rest = line[credit.end():]
    closing = rest.find(")")
    if 0 < closing <= 60:
        return rest[closing + 1:].strip()
    if len(rest.split()) <= _CREDIT_MAX_WORDS:
        return ""
    name = re.match(r"^(?:[A-ZĐÀ-Ỹ]\w*\s+){2}(?=[A-ZĐÀ-Ỹ])", rest)
    return rest[name.end():].strip() if name else line


def _is_name_word(word: str) -> bool:
    return word.isalpha() and word[0].isupper() and (len(word) == 1 or word[1:].islower()) and len(word) <= 8


def byline_names(line: str) -> list[str] | None:
    """The names on a byline ("Hồng Tư – Minh Quang" -> two names, "Theo Minh Hà", "PV"); None when the line
    is no byline. An outlet named beside the author ("Văn Đức/Báo Hà Tĩnh") is no author."""
    if PHOTO_CREDIT.match(line) or len(line) > _BYLINE_MAX_CHARS:
        return None
    text = SOURCE_PREFIX.sub("", BYLINE_PREFIX.sub("", line.strip()), count=1)
    text = re.sub(r"\s*\([^)]*\)\s*$", "", text).strip(" .")  # "(TTXVN)"
    names = [n for n in NAME_SEPARATOR.split(text) if n and not OUTLET_NAME.match(n)]
    if not names or len(names) > 4:
        return None
    for name in names:
        words = name.split()
        if name.casefold() in _STAFF:
            continue
        if not 2 <= len(words) <= 4 or not all(_is_name_word(w) for w in words):
            return None
    return names


_STAFF = frozenset(STAFF_BYLINES)


def outlet_named_by(line: str) -> str | None:
    """The outlet a line names and nothing else (a masthead, a footer line, a domain, a licence's holder);
    None for any other line."""
    head = _OUTLET_LINE_SEPARATOR.split(line.strip(), maxsplit=1)[0].strip(" .")
    if OUTLET_NAME.match(head) and len(head.split()) <= _OUTLET_LINE_MAX_WORDS:
        return head
    if DOMAIN_LINE.match(head):
        return head
    licence = LICENCE_HOLDER.search(line)
    if licence and OUTLET_NAME.match(licence.group(1)):
        return licence.group(1)
    return None


def is_dateline(line: str) -> bool:
    """A line that holds a date and nothing but dateline furniture (weekday, clock, zone, counter)."""
    if len(line) > _DATELINE_MAX_CHARS or not find_date(line):
        return False
    return not re.sub(r"[\s,|:()–—.\-]+", "", _DATELINE_PIECES.sub("", line))


def _is_site_clock(line: str) -> bool:
    """A header date with weekday and seconds and no word claiming it: when the page was saved."""
    return bool(WEEKDAY_CLOCK.match(line) and _SECONDS.search(line) and not _DATE_MARKER.search(line))


def is_prose(line: str) -> bool:
    """A sentence of the article: words that end as a sentence ends, or a paragraph too long for anything
    else on a page. Headlines, menus, labels and slogans do not end with a period."""
    words = line.split()
    if len(words) < _PROSE_MIN_WORDS or is_junk(line) or is_dateline(line):
        return False
    return bool(_SENTENCE_END.search(line)) or len(words) >= _PARAGRAPH_MIN_WORDS


def is_headline(line: str, capitals: bool = False) -> bool:
    """A line shaped as a headline: a few words, no sentence end, not a menu, a slogan or a dateline. In
    capitals only when ``capitals`` (some outlets print the headline so) and not an outlet's masthead."""
    words = line.split()
    if line.isupper() and (not capitals or OUTLET_NAME.match(line)):
        return False
    if not 4 <= len(words) <= 40 or is_junk(line) or _SENTENCE_END_NOT_QUESTION.search(line):
        return False
    if is_dateline(line) or WEEKDAY_CLOCK.match(line) or line.isascii() or _is_slogan(line) or is_menu_row(line):
        return False
    if SOURCE_TAG.match(line):  # "(Chinhphu.vn) - Lạng Sơn ...": the lead's opening, not a headline
        return False
    if sum(w.isalpha() for w in words) < _HEADLINE_MIN_WORDS:  # menu items: "Tin tức - Sự kiện"
        return False
    capitalised = sum(w[0].isupper() for w in words if w[0].isalpha())
    return line.isupper() or capitalised <= len(words) / 2  # menus are rows of capitalised items


def _byline_and_date(line: str) -> tuple[str, str] | None:
    """(byline, dateline) of a line that is both, split at a bar or a dash: "Hoàng Thu | Cập nhật: ...";
    None for any other line. Neither part is longer than a dateline may be: a piece left of a separator
    only grows from one separator to the next, and one right of it is measured before it is cut."""
    if not holds_any(line, _META_SEPARATOR_MARKS):  # most lines: asked before the pattern's scan
        return None
    text_end = len(line.rstrip())
    for separator in _META_SEPARATOR.finditer(line):
        left = line[:separator.start()].strip()
        if len(left) > _DATELINE_MAX_CHARS:
            return None
        if text_end - separator.end() > _DATELINE_MAX_CHARS:  # the separator takes the spaces after it
            continue
        right = line[separator.end():].strip()
        if byline_names(left) and is_dateline(right):
            return left, right
        if is_dateline(left) and byline_names(right):
            return right, left
    return None


def _is_furniture(line: str) -> bool:
    """A header line that is the page's, not the article's: a masthead or a menu row (capitals), a slogan,
    a dateline or clock, a label of a word or two, a junk line."""
    words = line.split()
    capitalised = sum(w[0].isupper() for w in words if w[0].isalpha())
    return (len(words) < 3 or line.isupper() or capitalised > len(words) / 2 or _is_slogan(line)
            or is_dateline(line) or WEEKDAY_CLOCK.match(line) is not None or is_junk(line))


def _is_slogan(line: str) -> bool:
    return match_key(line).startswith(MASTHEAD_SLOGANS)


def _split_run_ons(line: str) -> list[str]:
    """Split text glued without a space at a lower/upper seam ("đột pháCán bộ") into lines."""
    cuts = [0, *(m.end() for m in _RUN_ON_SEAM.finditer(line)), len(line)]
    return [line[a:b].strip() for a, b in zip(cuts, cuts[1:]) if line[a:b].strip()]


def _lead(lines: list[str]) -> int | None:
    """Index of the article's first sentence: the first line of prose on the page."""
    return next((i for i, line in enumerate(lines) if is_prose(line)), None)


def _title_above(lines: list[str], lead: int) -> tuple[int, str | None, str | None]:
    """(index, headline, date written on its line) of the headline-shaped line nearest above the lead,
    looking past datelines, bylines, section labels and captions; (-1, None, None) when there is none.
    A headline in capitals is taken only when no line above the lead is one in lower case: a masthead or a
    banner in capitals stands above many a page's headline."""
    for capitals in (False, True):
        for i in range(lead - 1, max(lead - _TITLE_REACH, 0) - 1, -1):
            line = lines[i]
            marked = MARKED_DATE.search(line)
            candidate = line
            if marked:  # the headline with its date before or after it, on one line
                candidate = (line[:marked.start()] if marked.start() > 0 else line[marked.end():]).strip(" |–—-")
            if is_headline(candidate, capitals):
                return i, candidate, marked.group(1) if marked else None
    return -1, None, None


def _tail_start(lines: list[str]) -> tuple[int, set[int]]:
    """(index of the first line of the page's tail or len(lines), the lines of related boxes before it),
    in the lines from the lead on.

    A box of related links printed inside the article (its marker, then a few short lines, then the article
    again) is not the tail: the related lines are furniture, the prose after them is the article's.
    """
    boxed: set[int] = set()
    i = 0
    while i < len(lines):
        line = lines[i]
        if is_tail_marker(line):
            resumes = _related_box_end(lines, i)
            if resumes is None:
                return i, boxed
            boxed.update(range(i, resumes))
            i = resumes
            continue
        if RELATED_STAMP.match(line):  # a related item: its headline (often printed twice) stands above
            start = i - 1
            if start >= 1 and lines[start - 1] == lines[start]:
                start -= 1
            return max(start, 0), boxed
        i += 1
    return len(lines), boxed


def _related_box_end(lines: list[str], marker: int) -> int | None:
    """Where the article resumes after a related-links box opening at marker, or None when the marker
    opens the tail: a box is a related-links marker, at most a few short lines, then prose again."""
    key = match_key(lines[marker]).strip(" :.-•")
    if not any(key == m or key.startswith(m + " ") or key.startswith(m + ":") for m in RELATED_BOX_MARKERS):
        return None
    for j in range(marker + 1, min(marker + 1 + _RELATED_BOX_MAX_LINES + 1, len(lines))):
        if is_tail_marker(lines[j]) or RELATED_STAMP.match(lines[j]):
            return None
        if is_prose(lines[j]) and len(lines[j].split()) >= _PARAGRAPH_MIN_WORDS:
            return j if j > marker + 1 else None
    return None


def _strip_outlet_tag(paragraph: str, hints: list[str]) -> str:
    for pattern in (DOMAIN_TAG, OUTLET_PREFIX):
        match = pattern.match(paragraph)
        if match:
            hints.append(match.group(1))
            return paragraph[match.end():].lstrip(" -–—:")
    return paragraph


class _PrintedBefore:
    """The body so far, to tell a paragraph the page prints a second time.

    A repeat is the same line, a long line that an earlier paragraph holds
    as whole sentences (a page printing its lead again), or a line that glues
    earlier paragraphs back together. A line that matches an earlier one only
    from mid-sentence on is a sentence of its own, not a repeat.
    """

    def __init__(self) -> None:
        self.keys: list[str] = []
        self._exact: set[str] = set()
        self._joined = ""

    def add(self, key: str) -> None:
        self.keys.append(key)
        self._exact.add(key)
        self._joined += key + "\n"

    def has(self, key: str) -> bool:
        if key in self._exact:
            return True
        if len(key.split()) >= _REPEAT_MIN_WORDS and self._holds_as_sentences(key):
            return True
        if len(key) < _GLUED_MIN_CHARS:
            return False
        # Glued: once the earlier paragraphs it holds are taken out, not one word of its own is left.
        left = key
        for earlier in self.keys:
            if len(earlier) >= _GLUED_MIN_CHARS // 4 and earlier in left:
                left = left.replace(earlier, " ")
        return left != key and not _WORD.search(left)

    def _holds_as_sentences(self, key: str) -> bool:
        start = self._joined.find(key)
        while start >= 0:
            if start == 0 or _SENTENCE_START_BEFORE.search(self._joined, max(0, start - 8), start):
                return True
            start = self._joined.find(key, start + 1)
        return False


def split_dump(text: str, known_title: str | None = None) -> DumpParts:
    """Split a normalised text dump into headline, body and meta lines.

    With ``known_title`` (an HTML page's headline) the headline is not
    searched for: the body starts after the line that repeats it, if any.
    """
    lines = [piece for raw in text.split("\n") if raw.strip()
             for piece in _split_run_ons(_MARKDOWN_HEADING.sub("", raw.strip())) if piece]
    parts = DumpParts()
    lead = _lead(lines)
    if lead is None:  # no sentence of prose: nothing to keep (the caller refuses it as boilerplate only)
        parts.header = lines
        return parts
    if known_title is None:
        title_at, parts.title, title_date = _title_above(lines, lead)
    else:
        key = match_key(known_title)
        title_at = next((i for i, line in enumerate(lines[:lead + 1]) if match_key(line) == key), -1)
        parts.title, title_date = known_title or None, None
    if title_date:
        parts.dates.append(title_date)
    # Above the headline is the page's header. With no headline: in a page's main text (an HTML page's)
    # nothing is header; in a dump, what stands above the lead, but for lines that read as text rather than
    # furniture (kept: when unsure, keep). Lines between the headline and the lead (a dateline, a byline,
    # a subtitle) are read with the body.
    header_end = title_at if title_at >= 0 else (0 if known_title is not None else lead)
    parts.header = lines[:header_end]
    for i, line in enumerate(parts.header):
        # Above the headline a date is the article's only when it says so or stands right on top of it.
        if is_dateline(line) and (_DATE_MARKER.search(line) or i == len(parts.header) - 1) \
                and not _is_site_clock(line):
            parts.dates.append(line)
        masthead = outlet_named_by(line)
        if masthead:
            parts.outlet_hints.append(masthead)
        follow = re.match(r"^Theo dõi (.{1,80}) trên\s*:?$", line, re.IGNORECASE)
        if follow:
            parts.outlet_hints.append(follow.group(1))
    before_lead = lines[header_end + (1 if title_at >= 0 else 0):lead]
    if title_at < 0 and known_title is None:
        before_lead = [line for line in parts.header if not _is_furniture(line)]
    from_lead = lines[lead:]
    tail_at, boxed = _tail_start(from_lead)
    for line in from_lead[tail_at:]:
        owners = [owner.strip() for owner in COPYRIGHT_OWNER.findall(line) if OUTLET_NAME.match(owner.strip())]
        parts.outlet_hints += owners or list(filter(None, [outlet_named_by(line)]))
    rest = before_lead + [line for i, line in enumerate(from_lead[:tail_at]) if i not in boxed]

    seen = _PrintedBefore()
    ended = False  # past the "./." end mark: only bylines and sources may follow
    for i, line in enumerate(rest):
        key = match_key(line)
        if i < len(before_lead) and is_dateline(line) and not _is_site_clock(line):
            parts.dates.append(line)  # between the headline and the lead a bare date is the dateline
            continue
        if is_junk(line) or seen.has(key):
            continue
        if parts.title and match_key(parts.title) in key and MARKED_DATE.search(line):
            parts.dates.append(MARKED_DATE.search(line).group(1))  # the headline line printed again
            continue
        if is_dateline(line):
            if not _is_site_clock(line):
                parts.dates.append(line)
            continue
        names = byline_names(line)
        if names:
            parts.bylines.append(line)
            continue
        byline_and_date = _byline_and_date(line)
        if byline_and_date:  # "Hoàng Thu | Cập nhật: 16:40, 20/1/2025"
            parts.bylines.append(byline_and_date[0])
            parts.dates.append(byline_and_date[1])
            continue
        if ended:  # past "./." only bylines and datelines belong to the article
            break
        if SOURCE_LINE.match(line):
            continue
        line = strip_caption(line)
        if not line:
            continue
        if i + 1 < len(rest) and len(line) < 200 and rest[i + 1].startswith(line) and rest[i + 1] != line:
            continue  # a caption repeated as the start of the paragraph below it
        seen.add(key)
        if not parts.body:
            line = _strip_outlet_tag(line, parts.outlet_hints)
        parts.body.append(line)
        ended = bool(END_MARK.search(line))
    _take_closing_byline(parts)
    _take_closing_outlet(parts)
    return parts


def _take_closing_outlet(parts: DumpParts) -> None:
    """Lines closing the body that name an outlet and nothing else leave it: the publisher's ("Báo Hà Tĩnh
    điện tử") is read for the outlet, a source's ("Theo Báo Hà Tĩnh") only set aside. Only at the end and
    only short of prose: inside the body the same words open a subheading."""
    while len(parts.body) >= 2 and not is_prose(parts.body[-1]):
        line = parts.body[-1]
        source = SOURCE_PREFIX.match(line)
        name = outlet_named_by(line[source.end():] if source else line)
        if not name:
            return
        if not source:
            parts.outlet_hints.append(name)
        parts.body.pop()


def _take_closing_byline(parts: DumpParts) -> None:
    """A byline in capitals closing the body ("MINH ANH") moves to the bylines.

    Only at the end: inside the body a short line in capitals is a subheading.
    """
    if len(parts.body) < 2 or not parts.body[-1].isupper():
        return
    as_names = parts.body[-1].title()
    if byline_names(as_names):
        parts.bylines.append(as_names)
        parts.body.pop()
