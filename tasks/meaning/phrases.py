"""What a figure measures, in the words around it: the noun phrase it counts, or the subject it is said of.

    1.805 dịch vụ công trực tuyến, trong đó ...   counted: "dịch vụ công trực tuyến"
    Tỷ lệ hồ sơ giải quyết trực tuyến đạt 95,2%   subject: "Tỷ lệ hồ sơ giải quyết trực tuyến"
    28 nền tảng và cơ sở dữ liệu dùng chung       counted: "nền tảng và cơ sở dữ liệu dùng chung" (a list of nouns)
"""
from __future__ import annotations

import re
from itertools import islice

from cds_facts.tasks.language.patterns import CAPITAL
from cds_facts.tasks.language.lexicon import (COMMA_COMPOUNDS, LIST_NOUNS, MEASURE_HEADS, PHRASE_END_WORDS,
                                              PREDICATE_ADVERBS, SUBJECT_TAIL_WORDS, TOPIC_OPENERS, whole_words, words)

# Words that end a counted noun phrase: "1.805 dịch vụ công trực tuyến, trong đó ..." stops at ",".
_PHRASE_STOP = re.compile(rf"[,.;:()!?…“”\"]|(?<!\w)(?:{words(PHRASE_END_WORDS)})(?!\w)", re.IGNORECASE)
# A comma or "và" that joins another noun to the list the figure counts: "100% xã, thôn, bản", "28 nền tảng và
# cơ sở dữ liệu dùng chung", "100% doanh nghiệp, tổ chức". A noun with a name after it is a subject of its own:
# "4.500 dịch vụ ..., tỉnh Hà Tĩnh có 1.200" lists no province.
_LIST_JOIN = re.compile(rf"(?:\s*,\s*|\s*và\s+)(?=(?i:{words(LIST_NOUNS)})(?!\w)(?!\s+{CAPITAL}))")
# Verbs that join a subject to its figure: "Tỷ lệ ... đạt 85%", "... là 4.970 trạm".
_PREDICATE_TAIL = re.compile(rf"(?:\s+(?:{words(SUBJECT_TAIL_WORDS)}))+\s*$", re.IGNORECASE)
# A compound with a comma inside goes on past its comma: "16/125 cơ sở khám, chữa bệnh".
_COMPOUND = whole_words(COMMA_COMPOUNDS, flags=re.IGNORECASE)
_COMPOUND_REACH = 40
MEASURE_HEAD = whole_words(MEASURE_HEADS, flags=re.IGNORECASE)
_ONLY_PREDICATE = re.compile(rf"\s*(?:(?:{words(PREDICATE_ADVERBS)})\s+)*(?:(?:{words(SUBJECT_TAIL_WORDS)})\s*)*$",
                             re.IGNORECASE)
_TOPIC = re.compile(rf"\s*(?:{words(TOPIC_OPENERS)})\s", re.IGNORECASE)
_MAX_PHRASE_WORDS = 12
_NON_SPACE = re.compile(r"\S+")
_BREAKS = re.compile(r"[,;:(]")
_MAX_SUBJECT_WORDS = 12


def counted_after(text: str, start: int, limit: int) -> tuple[str, int]:
    """The noun phrase after a figure, up to limit: (phrase, end offset)."""
    end = start
    while True:
        window = text[end:limit]
        stop = _PHRASE_STOP.search(window)
        piece_end = end + (stop.start() if stop else len(window))
        end = piece_end
        # a list goes on from a noun: "45%, tỉnh đạt 68%" lists nothing
        joined = _LIST_JOIN.match(text, end, limit) if stop and text[start:end].strip() else None
        compound = _compound_across(text, start, end, limit) if stop and text.startswith(",", end) else None
        if compound:
            end = compound
        elif joined:
            end = joined.end()
        else:
            break
    found = list(islice(_NON_SPACE.finditer(text, start, end), _MAX_PHRASE_WORDS))
    if not found:
        return "", start
    return " ".join([m.group() for m in found]), found[-1].end()


def _compound_across(text: str, start: int, position: int, limit: int) -> int | None:
    """The end of a comma compound the phrase from start stands in at position, or None."""
    for found in _COMPOUND.finditer(text, max(start, position - _COMPOUND_REACH), min(limit, position + _COMPOUND_REACH)):
        if found.start() < position < found.end():
            return found.end()
    return None


def last_break(window: str) -> int:
    """Where the last comma, semicolon, colon or opening parenthesis of window stands (-1 if none); a comma
    inside a compound ("các bộ, ngành") is none, nor is a parenthesis closed before the window ends ("Số trạm
    thông tin di động (BTS) trên địa bàn tỉnh là")."""
    for found in reversed(list(_BREAKS.finditer(window))):
        if found.group() == "(" and ")" in window[found.end():]:
            continue
        if found.group() != "," or _compound_across(window, 0, found.start() + 1, len(window)) is None:
            return found.start()
    return -1


def own_words_before(left: str) -> str:
    """What of a counted figure's words before it may say what it measures: all of them when the break
    before it follows a topic ("Về dịch vụ công trực tuyến, tỉnh có 1.200 dịch vụ") or only leads to a
    predicate; else only those after the break: a purpose, a cause or another clause before a figure with a
    noun phrase of its own names what it does not count ("Để nâng tỷ lệ hồ sơ trực tuyến, tỉnh đã hỗ trợ 85%
    người dân cài đặt ...", "Hệ thống dịch vụ công trực tuyến vận hành ổn định, 95% cán bộ ..."). A predicate
    figure's subject may run across commas ("Số hóa hồ sơ, kết quả giải quyết TTHC của tỉnh đạt 83,5%"):
    its words are all kept by the caller."""
    cut = last_break(left)
    if cut < 0:
        return left
    if _ONLY_PREDICATE.match(left, cut + 1) or _TOPIC.match(left):
        return left
    return left[cut + 1:]


def subject_before(text: str, start: int, end: int) -> tuple[str, int]:
    """The subject a figure is predicated of: "Tỷ lệ dân số ... đạt 85%" -> (subject, start offset).

    The subject runs from the clause's last comma; a long one starts at its
    last measure word ("tỷ lệ", "số lượng"), else keeps its last words.
    """
    window = _PREDICATE_TAIL.sub("", text[start:end])
    piece_start = last_break(window) + 1
    found = list(_NON_SPACE.finditer(window, piece_start))
    if len(found) > _MAX_SUBJECT_WORDS:
        heads = list(MEASURE_HEAD.finditer(window, piece_start))
        if heads and len(window[heads[-1].start():].split()) <= 2 * _MAX_SUBJECT_WORDS:
            piece_start = heads[-1].start()
            found = list(_NON_SPACE.finditer(window, piece_start))
        else:
            found = found[-_MAX_SUBJECT_WORDS:]
    if not found:
        return "", end
    return " ".join([m.group() for m in found]), start + found[0].start()
