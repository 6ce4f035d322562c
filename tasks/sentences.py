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


def clause_bounds(sentence: Span, position: int) -> tuple[int, int]:
    """(start, end) in text offsets of the clause of a sentence that holds position; clauses end at ';'."""
    start, end = sentence.start, sentence.end
    for match in re.finditer(";", sentence.text):
        at = sentence.start + match.start()
        if at < position:
            start = at + 1
        else:
            end = at
            break
    return start, end
