"""What a figure's resolvers read: the figure in its words, its sentence, and what earlier sentences carried.

extract.py makes them, one sentence at a time; the resolvers (indicator_rules.py, subjects.py, periods.py)
read them and write nothing back but the sentence's facts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from cds_facts.tasks.language.lexicon import (HAMLET_UNITS, PLACE_OPENERS, VILLAGE_UNITS, WHOLE_PROVINCE_WORDS,
                                              whole_words, words)
from cds_facts.tasks.language.places import Mention
from cds_facts.tasks.meaning.numbers import Quantity
from cds_facts.tasks.meaning.periods import GoalWords, Time, opening_year, sets_a_goal, years_between
from cds_facts.tasks.meaning.rankings import last_index_named
from cds_facts.tasks.meaning.sentences import Span
from cds_facts.tasks.models import Article, Fact

# A sentence or paragraph about the province as a whole ends what a paragraph said of one place.
_WHOLE_PROVINCE = whole_words(WHOLE_PROVINCE_WORDS, flags=re.IGNORECASE)
# How a paragraph opens on the place it is about: "Ở xã Cẩm Lĩnh ...", "Tại Phường 1, ...", "Phường Hà Nam ...",
# "Tại khóm 3, Phường 1, ..." (a village first, which the gazetteer does not hold).
_PLACE_OPENING = re.compile(rf"^(?:{words(PLACE_OPENERS)})?\s*(?:(?:{words(VILLAGE_UNITS, HAMLET_UNITS)})"
                            r"\s+[\w.-]+(?:\s+[\w.-]+)?\s*,\s*)?$", re.IGNORECASE)
_RECENT_SENTENCES = 3  # how many sentences back "bộ chỉ số này" and an unnamed rank look for their index


@dataclass
class Carried:
    """What earlier sentences of the document said that a figure's own sentence may leave unsaid."""

    paragraph: int = -1
    opening_year: int | None = None  # the year the paragraph opened with ("Năm 2023, ...")
    target_year: int | None = None  # the last year a goal of the paragraph was set for ("đến năm 2025")
    place: Mention | None = None  # the place the paragraph opened on
    rank_year: int | None = None  # the year of the last index table the document cited a figure of
    read: list[tuple[int, str]] = field(default_factory=list)  # (paragraph, match_key text) of each sentence
    named: dict[int, str | None] = field(default_factory=dict)  # sentence number -> the index it names, as asked

    def enter(self, sentence: Span, text: str, places: list[Mention]) -> None:
        if sentence.paragraph != self.paragraph:
            self.paragraph, self.opening_year, self.target_year = sentence.paragraph, opening_year(sentence.text), None
            opener = next((p for p in places if p.start - sentence.start < 40), None)
            self.place = opener if opener and _PLACE_OPENING.match(text[sentence.start:opener.start]) else None

    def leave(self, sentence: Span, key: str, times: list[Time], mentions: list[Mention], facts: list[Fact],
              has_table_year: Callable[[str], bool]) -> None:
        """has_table_year: whether an indicator's figures are of their table's year (Catalogue.has_table_year)."""
        self.read.append((sentence.paragraph, key))
        years = years_between(times, sentence.start, sentence.end)
        cited = [f.period_year for f in facts if f.kind in ("rank", "score") and f.period_year
                 and f.indicator and has_table_year(f.indicator)]
        if cited:
            self.rank_year = max(cited)  # the newest table cited: an older one is its comparison
        elif years and self._index_named(len(self.read) - 1):
            self.rank_year = (years_between(times, sentence.start, sentence.end, of_index=True) or years)[-1]
        if years and sets_a_goal(key):
            self.target_year = years[-1]
        if self.place and about_whole_province(sentence, mentions):
            self.place = None  # the paragraph moved on to the province

    @property
    def recent_index(self) -> str | None:
        """The index the paragraph named last, else the one the sentences just before named. Read back only
        when a rank or a score asks: most sentences have none."""
        for back, (paragraph, _) in enumerate(reversed(self.read)):
            if paragraph != self.paragraph and back >= _RECENT_SENTENCES:
                return None
            named = self._index_named(len(self.read) - 1 - back)
            if named:
                return named
        return None

    def _index_named(self, number: int) -> str | None:
        if number not in self.named:
            self.named[number] = last_index_named(self.read[number][1])
        return self.named[number]


@dataclass(frozen=True)
class Figure:
    """One quantity of a sentence and the words around it that its resolvers read (text offsets)."""

    q: Quantity
    following: list[Quantity]  # the sentence's quantities after it
    per_hundred: str | None  # a rate per 100 of what: "dân" (inhabitants) or "hộ" (households)
    clause_start: int
    clause_end: int
    limit: int  # where its own words end: the next figure's phrase, or its clause's end
    since: int  # where its own words begin: the end of the figure before, or its clause's start
    counted: str  # the noun phrase it counts, or the subject it is said of
    counted_key: str  # the same, match_key form
    counted_end: int
    surface_start: int
    left: str  # its words before it, from ``since``
    measure: str  # what it measures: its words before, its noun phrase, the rest of its clause (match_key)
    clause: str  # its clause (match_key)


@dataclass
class Sentence:
    """A sentence being read: its quantities, the places it names and the facts read from it so far."""

    article: Article
    key: str  # the article's text in match_key form
    span: Span
    quantities: list[Quantity]
    provinces: list[Mention]
    places: list[Mention]
    respectively: re.Match | None  # "lần lượt": the figures after it pair with the provinces before it
    times: list[Time]  # its time expressions, at text offsets
    published_year: int | None  # the article's year: a figure for a later year is a goal
    facts: list[Fact] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)  # each fact's measure, in order
    _goal_words: GoalWords | None = field(default=None, repr=False)
    clause_hints: dict[int, bool] = field(default_factory=dict)  # clause start -> what subjects.py read there

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def goal_words(self) -> GoalWords:
        """Its goal and result cues, read on the first figure that asks."""
        if self._goal_words is None:
            self._goal_words = GoalWords(self.article.text, self.span.start, self.span.end)
        return self._goal_words

    def paired(self, q: Quantity) -> tuple[int, int] | None:
        """After "lần lượt": the figure's place among the figures after it, and how many there are."""
        if self.respectively is None:
            return None
        after_cue = [other.start for other in self.quantities if other.start > self.respectively.end()]
        return (after_cue.index(q.start), len(after_cue)) if q.start in after_cue else None


def about_whole_province(sentence: Span, mentions: list[Mention]) -> bool:
    """Whether a sentence speaks of a province, or of the province as a whole ("toàn tỉnh", "tỉnh đã ..."),
    rather than of a place in it: "thành phố Sa Đéc" names a place."""
    if any(m.is_province for m in mentions):
        return True
    named = {m.start - sentence.start for m in mentions}
    return any(found.start() not in named for found in _WHOLE_PROVINCE.finditer(sentence.text))
