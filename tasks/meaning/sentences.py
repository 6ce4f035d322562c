"""Split clean text into sentences and clauses, keeping offsets into the text."""
from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? … (and any closing quotes or brackets) followed by
# white space; it does not end inside "1.805" or "16,63", which have no space.
_END = re.compile(r"[.!?…]+[\"”’)\]]*\s+")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    paragraph: int  # index of the paragraph (line) the span stands in


def sentences(text: str) -> list[Span]:
    """Sentences of every paragraph (line) of text, with their offsets."""
    spans: list[Span] = []
    offset = 0
    for number, paragraph in enumerate(text.split("\n")):
        start = 0
        for match in _END.finditer(paragraph):
            following = paragraph[match.end():match.end() + 1]
            if following and following.islower():
                continue  # "v.v. và", "TP. Hồ" : no sentence boundary before a lower-case word
            _add(spans, paragraph, start, match.end(), offset, number)
            start = match.end()
        _add(spans, paragraph, start, len(paragraph), offset, number)
        offset += len(paragraph) + 1
    return spans


def _add(spans: list[Span], paragraph: str, start: int, end: int, offset: int, number: int) -> None:
    piece = paragraph[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        spans.append(Span(offset + start + lead, offset + start + lead + len(stripped), stripped, number))


_CLAUSE_REACH = 2000  # a clause is looked for this far around a position: huge one-line inputs stay linear


def clause_bounds(sentence: Span, position: int) -> tuple[int, int]:
    """(start, end) in text offsets of the clause of a sentence that holds position; clauses end at ';'."""
    text, offset = sentence.text, sentence.start
    before = text.rfind(";", max(0, position - offset - _CLAUSE_REACH), position - offset)
    after = text.find(";", position - offset, position - offset + _CLAUSE_REACH)
    start = offset + before + 1 if before >= 0 else max(offset, position - _CLAUSE_REACH)
    end = offset + after if after >= 0 else min(sentence.end, position + _CLAUSE_REACH)
    return start, end


def paragraph_start(text: str, position: int) -> int:
    """Where the paragraph (line) holding position begins."""
    return text.rfind("\n", 0, position) + 1
