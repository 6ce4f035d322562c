"""Article -> facts: every quantity in the body with what it counts, where, when, and whether it is a goal."""
from __future__ import annotations

import re
from bisect import bisect_left

from cds_facts.tasks.language.lexicon import CHANGE_VERBS, GOVERNMENT_LEVELS, MEASURE_HEADS, whole_words, words
from cds_facts.tasks.meaning.indicators import Catalogue
from cds_facts.tasks.models import Article, Fact
from cds_facts.tasks.meaning.numbers import Quantity, find_quantities
from cds_facts.tasks.meaning.periods import YEAR, period_year, status
from cds_facts.tasks.language.places import Gazetteer, Mention, place_key
from cds_facts.tasks.meaning.sentences import Span, clause_bounds, sentences
from cds_facts.tasks.language.keys import match_key

# Raise it when extraction changes: documents extracted by an older version are extracted again.
EXTRACTOR_VERSION = 3

# Words that end a counted noun phrase: "1.805 dịch vụ công trực tuyến, trong đó ..." stops at ",".
_PHRASE_STOP = re.compile(
    r"[,.;:()!?…“”\"]|(?<!\w)(?:và|với|được|đã|đang|sẽ|đạt|là|có|thì|nhưng|hoặc|cùng|để|trong|tại|trên|theo|"
    r"so|từ|đến|tới|khi|nên|do|vì|nhằm|đều|bao gồm|chiếm)(?!\w)", re.IGNORECASE)
# Verbs that join a subject to its figure: "Tỷ lệ ... đạt 85%", "... là 4.970 trạm".
_PREDICATE_TAIL = re.compile(r"(?:\s+(?:đạt|là|chiếm|lên|tới|đến|ở mức|trung bình|bình quân|đều|khoảng|trên|"
                             r"hơn|gần|dưới))+\s*$", re.IGNORECASE)
# Words that open what a figure measures: "Tỷ lệ hồ sơ ... đạt 95%".
_MEASURE_HEAD = whole_words(MEASURE_HEADS, flags=re.IGNORECASE)
_MAX_PHRASE_WORDS = 8
_CUE_CHARS = 1000  # how far back in its sentence a figure's goal cues are read: keeps huge sentences linear
_MAX_SUBJECT_WORDS = 12
# A figure that says by how much something changed: "tăng 12% so với cùng kỳ", "giảm 3 bậc".
_CHANGE_BEFORE = re.compile(rf"(?<!\w)(?:{words(CHANGE_VERBS)})(?:\s+(?:thêm|đi|được))?\s*$", re.IGNORECASE)
# Words that open a list of the parts of the figure before: "1.805 dịch vụ, trong đó có 900 ... và 905 ...".
_PARTS_INTRO = re.compile(r"(?<!\w)(?:trong đó|bao gồm|gồm)(?!\w)", re.IGNORECASE)
_TOTAL_KINDS = {"count", "ratio"}  # a ratio's parts add up to its numerator
# The label of a part in a breakdown: "cấp tỉnh", "khối huyện", "thành phố", "các xã".
_LEVEL_LABEL = re.compile(rf"^(?:(?:cấp|khối|các|toàn)\s+)?(?:{words(GOVERNMENT_LEVELS)})$")
# Kinds whose year carries over from earlier in the paragraph: a ranking's year is said once.
_YEAR_CARRIES = {"rank", "score"}


def _counted_after(text: str, start: int, limit: int) -> tuple[str, int]:
    """The noun phrase after a figure: (phrase, end offset)."""
    window = text[start:limit]
    stop = _PHRASE_STOP.search(window)
    phrase = window[:stop.start()] if stop else window
    words = phrase.split()[:_MAX_PHRASE_WORDS]
    if not words:
        return "", start
    end = text.index(words[-1], start + len(phrase) - len(phrase.lstrip())) + len(words[-1])
    return " ".join(words), end


def _subject_before(text: str, start: int, end: int) -> tuple[str, int]:
    """The subject a figure is predicated of: "Tỷ lệ dân số ... đạt 85%" -> (subject, start offset).

    The subject runs from the clause's last comma; a long one starts at its
    last measure word ("tỷ lệ", "số lượng"), else keeps its last words.
    """
    window = _PREDICATE_TAIL.sub("", text[start:end])
    piece_start = max(window.rfind(c) for c in ",;:(") + 1
    words = list(re.finditer(r"\S+", window[piece_start:]))
    if len(words) > _MAX_SUBJECT_WORDS:
        heads = [m for m in _MEASURE_HEAD.finditer(window, piece_start)]
        if heads and len(window[heads[-1].start():].split()) <= 2 * _MAX_SUBJECT_WORDS:
            piece_start = heads[-1].start()
            words = list(re.finditer(r"\S+", window[piece_start:]))
        else:
            words = words[-_MAX_SUBJECT_WORDS:]
    if not words:
        return "", end
    return " ".join(w.group() for w in words), start + piece_start + words[0].start()


def _nearest(mentions: list[Mention], starts: list[int], q_start: int, q_end: int, lo: int, hi: int,
             next_start: int) -> Mention | None:
    """The mention nearest before the figure within [lo, q_start), else the first after it before the next figure.

    ``starts`` are the mentions' start offsets (they are in text order), for bisecting.
    """
    for i in range(bisect_left(starts, q_start) - 1, -1, -1):
        if mentions[i].start < lo:
            break
        if mentions[i].end <= q_start:
            return mentions[i]
    i = bisect_left(starts, q_end)
    if i < len(mentions) and mentions[i].end <= min(hi, next_start):
        return mentions[i]
    return None


class Extractor:
    """Reads facts from articles with one catalogue and one gazetteer."""

    def __init__(self, catalogue: Catalogue, gazetteer: Gazetteer):
        self.catalogue = catalogue
        self.gazetteer = gazetteer

    def facts(self, article: Article) -> list[Fact]:
        text = article.text
        place_text = place_key(text)
        facts: list[Fact] = []
        paragraph_year: dict[int, int] = {}
        for sentence in sentences(text):
            facts.extend(self._sentence_facts(article, sentence, paragraph_year, place_text))
            years = YEAR.findall(sentence.text)
            if years:
                paragraph_year[sentence.paragraph] = int(years[-1])
        return facts

    def _sentence_facts(self, article: Article, sentence: Span, paragraph_year: dict[int, int],
                        place_text: str) -> list[Fact]:
        text = article.text
        published_year = article.published_at.year if article.published_at else None
        quantities = [_shift(q, sentence.start) for q in find_quantities(sentence.text)]
        if not quantities:
            return []
        mentions = self.gazetteer.mentions(text, sentence.start, sentence.end, key=place_text)
        provinces = [m for m in mentions if m.is_province]
        places = [m for m in mentions if not m.is_province]
        province_starts, place_starts = [m.start for m in provinces], [m.start for m in places]
        facts: list[Fact] = []
        previous_end = sentence.start
        total: Fact | None = None  # the figure a "trong đó ..." list breaks down
        for i, q in enumerate(quantities):
            next_start = quantities[i + 1].phrase_start if i + 1 < len(quantities) else sentence.end
            clause_start, clause_end = clause_bounds(sentence, q.start)
            counted, counted_end = _counted_after(text, q.phrase_end, min(clause_end, next_start))
            surface_start = q.phrase_start
            if counted:
                left = text[max(clause_start, previous_end):q.start]
                right = text[q.end:min(clause_end, next_start)]
            else:  # a predicate figure: "Tỷ lệ ... đạt 85%", "1.184 dịch vụ ..., đạt 63,38%"
                counted, surface_start = _subject_before(text, max(clause_start, previous_end), q.phrase_start)
                surface_start = min(surface_start, q.phrase_start)
                left = text[max(clause_start, quantities[i - 1].start if i else sentence.start):q.start]
                right = re.split(r"[,;.]", text[q.end:min(clause_end, next_start)], maxsplit=1)[0]
            indicator = self.catalogue.match(q.kind, match_key(f"{left} {right}"), match_key(counted))
            parent = _breakdown_parent(text, sentence.start, q, counted, facts)
            if _CHANGE_BEFORE.search(text, max(sentence.start, q.phrase_start - 40), q.phrase_start):  # "tăng 12%": a change, not a level
                indicator = None
            elif parent:  # "đạt 80,79% (cấp tỉnh đạt 81,38%, cấp huyện đạt 72,8%)": parts of the figure before
                indicator = parent.indicator
            elif indicator is None and facts:  # "(cấp tỉnh đạt 81,38%, cấp huyện đạt 72,8%)" reads like the figure before
                wider = text[max(sentence.start, q.start - _CUE_CHARS):q.start]
                indicator = self.catalogue.match(q.kind, match_key(f"{wider} {right}"), match_key(counted))
            province = _nearest(provinces, province_starts, q.start, q.end, sentence.start, clause_end, next_start)
            place = _nearest(places, place_starts, q.start, q.end, clause_start, clause_end, next_start)
            province_name = province.name if province else article.province
            if facts and facts[-1].kind in _TOTAL_KINDS and _PARTS_INTRO.search(text, previous_end, q.phrase_start):
                total = facts[-1]
            elif total and total.start_char < clause_start:  # a new clause ends the list
                total = None
            year = period_year(text[max(clause_start, q.start - _CUE_CHARS):q.start], text[q.end:clause_end])
            if year is None and q.kind in _YEAR_CARRIES:
                year = paragraph_year.get(sentence.paragraph)
            facts.append(Fact(
                doc_id=article.doc_id,
                surface=text[surface_start:max(q.phrase_end, counted_end)].strip(),
                sentence=sentence.text,
                start_char=q.start,
                end_char=q.end,
                kind=q.kind,
                value=q.value,
                denominator=q.denominator,
                qualifier=q.qualifier,
                counted=counted or None,
                indicator=indicator,
                province=province_name,
                province_2025=self.gazetteer.to_2025(province_name),
                place=place.name if place else None,
                period_year=year,
                status=status(text[max(sentence.start, q.start - _CUE_CHARS):q.start], year, published_year),
                part_of=total.fact_id if total and q.kind == "count" else None,
            ))
            previous_end = max(counted_end, q.phrase_end)
        return facts


def _breakdown_parent(text: str, sentence_start: int, q: Quantity, counted: str, facts: list[Fact]) -> Fact | None:
    """The figure a parenthesised part breaks down, when q is one: same kind, labelled by level or place only."""
    lo = max(sentence_start, q.start - _CUE_CHARS)
    opened = text.rfind("(", lo, q.start)
    if opened < 0 or text.rfind(")", lo, q.start) > opened:
        return None
    if counted and not _LEVEL_LABEL.match(match_key(counted)):
        return None
    parent = next((f for f in reversed(facts) if f.start_char < opened), None)
    return parent if parent and parent.kind == q.kind and parent.indicator else None


def _shift(q: Quantity, offset: int) -> Quantity:
    return Quantity(q.start + offset, q.end + offset, q.phrase_start + offset, q.phrase_end + offset,
                    q.kind, q.value, q.denominator, q.qualifier)
