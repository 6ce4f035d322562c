"""The indicator catalogue, and which indicator the words of a figure's measure point to.

The catalogue is the ``indicators`` table (seeded from warehouse/indicators.csv; users add rows). Each
indicator has a kind and cue phrases separated by "|", in the words the press and the DTI framework use:

    "hồ sơ trực tuyến"                 the phrase, as whole words
    "hồ sơ … trực tuyến"               "trực tuyến" within four words after "hồ sơ"
    "dịch vụ công + cổng dịch vụ công quốc gia"
                                       the first part in what the figure measures, the second anywhere in
                                       its clause

A figure takes the indicator, of its own kind, whose longest cue stands in what the figure measures (its
noun phrase, the subject it is predicated of, and the words between it and its neighbours); a percent falls
back to a ratio indicator (its share) only when no percent indicator fits. Precision first: a cue of one
word counts only inside the counted noun phrase; a count or a ratio must count what the indicator counts
(the counted phrase begins with the indicator's head noun, or holds the cue); two indicators whose best
cues are equally long and equally many leave the figure without one. The cue that decided is the match's
evidence.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from dataclasses import dataclass

from cds_facts.tasks.language.lexicon import (COUNTING_WORDS, INDICATOR_NAME_HEADS, RATE_BASE_NOUNS, TERRITORY_UNITS,
                                               UNIT_NOUNS, VILLAGE_UNITS, whole_words, words)
from cds_facts.tasks.language.patterns import any_of
from cds_facts.tasks.language.keys import match_key

CATALOGUE_COLUMNS = ["code", "pillar", "kind", "name_vi", "name_en", "cues"]  # the indicators table's
# The columns that state an indicator's behaviour (the indicator_traits table, migration 013), and their values.
TRAIT_COLUMNS = ["family", "table_year", "ranked_units", "per_hundred", "head_noun"]
KINDS = ("count", "percent", "ratio", "rank", "score", "storage", "money")
RANKED_UNITS = ("provinces", "countries")
PER_HUNDRED_BASES = tuple(noun for noun in RATE_BASE_NOUNS if " " not in noun)  # "dân", "hộ"


class CatalogueError(ValueError):
    """A catalogue row whose columns contradict each other or hold a value no rule reads; says which and why."""
# Leading words of an indicator's name that say what is measured, not what of.
_NAME_HEAD = re.compile(rf"^(?:{words(INDICATOR_NAME_HEADS)})\s+")
_GAP = "…"
_GAP_WORDS = 4  # how many words may stand inside a cue's gap
_CONTEXT = "+"


@dataclass(frozen=True, eq=False)  # a cue is itself: the rules compare cues by identity, as fast as a list's "in"
class Cue:
    text: str  # as written in the catalogue, in match_key form
    pattern: re.Pattern  # the phrase (with its gaps), as whole words
    context: re.Pattern | None  # after "+": what must stand in the clause too
    words: int  # how many words the phrase has: the longer, the more it says
    word_set: frozenset[str]  # its words: a text missing one cannot hold it (a cheap test first)
    first_word: str  # the first of them, as figures' words are compared ("csdl dùng chung": "cơ")


@dataclass(frozen=True)
class Indicator:
    code: str
    kind: str
    name_vi: str
    cues: tuple[Cue, ...]
    family: str = ""  # the index a rank or score belongs to: dti, par_index, ict_index, un_egov
    table_year: bool = False  # its figures are of their table's year, not of when the table was published
    ranked_units: str = ""  # what a rank or score ranks: provinces or countries
    per_hundred: str = ""  # a rate per 100 of what: dân or hộ
    head_noun: str = ""  # the first word of what it counts or is a share of


def indicator_from_row(row: dict[str, str | None]) -> Indicator:
    """An indicator from a catalogue row, its columns checked; CatalogueError names the row and the column.
    A column left empty (a row a user added before the column existed) reads as no such behaviour; an empty
    head_noun is taken from the name ("Số trạm BTS" -> "trạm")."""
    code, kind = row.get("code") or "", (row.get("kind") or "").strip()
    value = {column: (row.get(column) or "").strip() for column in TRAIT_COLUMNS}
    problems = []
    if kind not in KINDS:
        problems.append(f"kind {kind!r} is none of {', '.join(KINDS)}")
    if value["table_year"] not in ("", "yes", "no"):
        problems.append(f"table_year {value['table_year']!r} is neither yes nor no (or empty)")
    if value["ranked_units"] not in ("", *RANKED_UNITS):
        problems.append(f"ranked_units {value['ranked_units']!r} is none of {', '.join(RANKED_UNITS)}")
    if value["per_hundred"] not in ("", *PER_HUNDRED_BASES):
        problems.append(f"per_hundred {value['per_hundred']!r} is none of {', '.join(PER_HUNDRED_BASES)}")
    if (value["table_year"] == "yes" or value["ranked_units"]) and kind not in ("rank", "score"):
        problems.append("only a rank or a score has a table year or ranks units")
    if value["per_hundred"] and kind != "ratio":
        problems.append("only a ratio is a rate per hundred")
    name = match_key(row.get("name_vi") or "")
    head = value["head_noun"] or _head_noun(name)
    if value["head_noun"] and value["head_noun"] not in name.split():
        problems.append(f"head_noun {value['head_noun']!r} is no word of its name {row.get('name_vi')!r}")
    if problems:
        raise CatalogueError(f"indicator {code}: " + "; ".join(problems))
    # Cues that read alike ("cqs" and "chính quyền số") are one cue, where the first of them stands, as the
    # one written out: the evidence shows the words.
    unique: dict[tuple, Cue] = {}
    for cue in (parse_cue(c) for c in (row.get("cues") or "").split("|") if c.strip()):
        same = (cue.pattern.pattern, cue.context and cue.context.pattern)
        if same not in unique or _written_out(cue) and not _written_out(unique[same]):
            unique[same] = cue
    cues = tuple(unique.values())
    return Indicator(code, kind, row.get("name_vi") or "", cues, value["family"], value["table_year"] == "yes",
                     value["ranked_units"], value["per_hundred"], head)


@dataclass(frozen=True)
class Match:
    code: str
    evidence: str  # "cue:hồ sơ trực tuyến"


def parse_cue(text: str) -> Cue:
    """A catalogue cue, in the terms figures' words are compared in (``canonical_terms``)."""
    phrase, _, context = (canonical_terms(part.strip()) for part in match_key(text.strip()).partition(_CONTEXT))
    pieces = [re.escape(piece.strip()) for piece in phrase.split(_GAP) if piece.strip()]
    gap = rf"(?:[\s,]+[^\s,]+){{0,{_GAP_WORDS}}}?[\s,]+"  # "thôn, bản có sóng": a list's commas are no words
    pattern = re.compile(rf"(?<!\w){gap.join(pieces)}(?!\w)")
    first = _WORD.search(phrase)
    return Cue(text=match_key(text.strip()), pattern=pattern,
               context=re.compile(rf"(?<!\w){re.escape(context)}(?!\w)") if context else None,
               words=sum(len(piece.split()) for piece in phrase.split(_GAP)),
               word_set=frozenset(_WORD.findall(phrase)), first_word=first.group() if first else "")


class Catalogue:
    def __init__(self, rows: list[dict[str, str]]):
        self.rows = rows
        self.indicators = [indicator_from_row(r) for r in rows if r.get("code")]
        # Every cue by its indicator's kind and its first word: a figure's text is searched only for the cues
        # its words could begin, of the kinds the figure may take.
        self._by_first_word: dict[str, dict[str, list[tuple[Indicator, Cue]]]] = {}
        for ind in self.indicators:
            for cue in ind.cues:
                self._by_first_word.setdefault(ind.kind, {}).setdefault(cue.first_word, []).append((ind, cue))
        self._heads = {ind.code: ind.head_noun for ind in self.indicators}
        # The count indicators a paragraph can name by their first cue, by the head noun that refers back to them.
        self._named_by_head: dict[str, list[tuple[Indicator, Cue]]] = {}
        for ind in self.indicators:
            if ind.kind == "count" and self._heads[ind.code] and ind.cues and ind.cues[0].words > 1 \
                    and ind.cues[0].context is None:
                self._named_by_head.setdefault(self._heads[ind.code], []).append((ind, ind.cues[0]))
        self.kind_of = {ind.code: ind.kind for ind in self.indicators}
        self.family_of = {ind.code: ind.family for ind in self.indicators if ind.family}
        self.per_hundred_of = {ind.code: ind.per_hundred for ind in self.indicators if ind.per_hundred}
        self._world_indices = {ind.code for ind in self.indicators if ind.ranked_units == "countries"}
        self._table_year = {ind.code for ind in self.indicators if ind.table_year}
        self.fingerprint = hashlib.sha256("\n".join(
            f"{i.code}|{i.kind}|{i.name_vi}|{i.family}|{i.table_year}|{i.ranked_units}|{i.per_hundred}|{i.head_noun}|"
            f"{'|'.join(c.text for c in i.cues)}" for i in self.indicators).encode()).hexdigest()[:16]

    def match(self, kind: str, measure: str, counted: str = "", clause: str = "",
              kinds: tuple[str, ...] | None = None) -> Match | None:
        """The indicator for a figure of this kind from what it measures (the words of its measure and its
        counted noun phrase, match_key form), or None. clause: the figure's clause, for cues' "+" parts;
        kinds: the indicator kinds to try, in order (default: the figure's own; a percent's also ratio)."""
        counted, measure = canonical_terms(counted), canonical_terms(measure)
        text = f"{counted} {measure}"
        tried = kinds or _INDICATOR_KINDS.get(kind, (kind,))
        present: dict[str, list[Cue]] = {}  # indicator code -> its cues that stand in the text
        indicators: dict[str, Indicator] = {}
        text_words = {*_WORD.findall(text), ""}
        in_clause = None  # the clause in the catalogue's terms, made for the first cue with a "+" part
        for indicator_kind in tried:
            by_word = self._by_first_word.get(indicator_kind, {})
            for word in text_words & by_word.keys():
                for ind, cue in by_word[word]:
                    if not (cue.word_set <= text_words and cue.pattern.search(text)):
                        continue
                    if cue.context is not None:
                        in_clause = in_clause if in_clause is not None else canonical_terms(clause) or measure
                        if not cue.context.search(in_clause):
                            continue
                    present.setdefault(ind.code, []).append(cue)
                    indicators[ind.code] = ind
        if not present:
            return None
        own = _OWNER.split(counted, maxsplit=1)[0]  # "124 cán bộ của Tổ công nghệ số": what is counted is cán bộ
        for indicator_kind in tried:
            ranked = []
            for code, found in present.items():
                ind = indicators[code]
                if ind.kind != indicator_kind:
                    continue
                in_counted = [c for c in found if c.pattern.search(own)]
                found = [c for c in found if c.words > 1 or c in in_counted]  # one word says little outside
                if not found:
                    continue
                counts_things = kind in _COUNTED_KINDS or ind.kind in _COUNTED_KINDS
                if counts_things and counted and not in_counted and not self._counts_same(ind, own):
                    continue
                # A cue in the counted phrase says what is counted; one beside it may be another figure's.
                # Among equals the one the catalogue lists first: the evidence must not depend on the order
                # a set of words happens to iterate in, which differs from process to process.
                best = max(found, key=lambda c: (c in in_counted, c.words, -ind.cues.index(c)))
                ranked.append(((best in in_counted, best.words, len(found)), ind.code, best))
            if ranked:
                ranked.sort(key=lambda r: r[0], reverse=True)
                if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
                    return None  # two indicators fit as well: no evidence for either
                return Match(ranked[0][1], f"cue:{ranked[0][2].text}")
        return None

    def is_share_of(self, code: str, base: str) -> bool:
        """Whether a share said to be out of base ("trên tổng số người sử dụng di động", match_key form) is
        out of what the indicator's name says it is a share of: the same first noun ("dân" for "dân số" and
        "người dân")."""
        words = base.split()
        head = "dân" if " ".join(words[:2]) == _PEOPLE else words[0] if words else ""
        return head == self._heads.get(code)

    def is_world_index(self, code: str) -> bool:
        """Whether the indicator ranks countries ("Xếp hạng Chính phủ điện tử của Liên Hợp Quốc"), not
        provinces: its ranked_units say so."""
        return code in self._world_indices

    def has_table_year(self, code: str) -> bool:
        """Whether the indicator's figures are of their table's year ("DTI 2022", published in 2023)."""
        return code in self._table_year

    def named_before(self, counted: str, earlier: str) -> Match | None:
        """A count's indicator named earlier in its paragraph and referred to by its head noun alone: "12 tổ
        thí điểm" after "... thành lập Tổ công nghệ số cộng đồng". One such indicator, or None."""
        named = [(ind, cue) for head in _heads_counted(counted) for ind, cue in self._named_by_head.get(head, ())
                 if cue.pattern.search(earlier)]
        if len(named) != 1:
            return None
        return Match(named[0][0].code, f"named before:{named[0][1].text}")

    def _counts_same(self, indicator: Indicator, counted: str) -> bool:
        """Whether the counted phrase names what the indicator counts: its first noun, or the first noun of
        one of the nouns it lists ("100% xã, thôn, bản"); an indicator of units (đơn vị) counts any unit."""
        return self._heads[indicator.code] in _heads_counted(counted)


_WORD = re.compile(r"\w+")
_PEOPLE = "người dân"  # a share of "người dân" is one of the population, as "dân số" is
# Indicator kinds a fact may take, in order: its own; a percent may be a ratio indicator's share; a ratio
# ("1.655/1.655 dịch vụ công") states a count indicator's count out of all, or a percent indicator's share.
_INDICATOR_KINDS = {"percent": ("percent", "ratio"), "ratio": ("ratio", "count", "percent")}
# Facts and indicators that count things: what is counted must agree.
_COUNTED_KINDS = {"count", "ratio"}
# Words before the counted noun that say how, not what: "các xã", "lượt văn bản".
_QUANTIFIER_WORDS = re.compile(rf"^(?:(?:{words(COUNTING_WORDS)})\s+)+")
_LIST_SEPARATOR = re.compile(r"\s*,\s*|\s+và\s+")
_UNIT_NOUN = re.compile(rf"^(?:{words(UNIT_NOUNS)})(?!\w)")
# "của" opens whose the counted things are: a cue after it names the owner, not what is counted.
_OWNER = re.compile(r"\s+của\s+")
_VILLAGE = whole_words(VILLAGE_UNITS)
_DOSSIER = re.compile(r"(?<!\w)hồ sơ thủ tục hành chính(?!\w)")
# "hồ sơ thủ tục hành chính trên địa bàn tỉnh được tiếp nhận trực tuyến": where, said in passing, which no
# cue is worded with and which would part a cue's words.
_WHERE_IN_PASSING = re.compile(rf"\s+trên địa bàn(?:\s+toàn)?(?:\s+(?:{words(TERRITORY_UNITS)}))?(?!\w)")


# Acronyms the administrative press writes for what indicators count (match_key form).
ACRONYMS = {
    "tthc": "thủ tục hành chính", "dvc": "dịch vụ công", "dvctt": "dịch vụ công trực tuyến",
    "csdl": "cơ sở dữ liệu", "cntt": "công nghệ thông tin", "cđs": "chuyển đổi số",
    "hđđt": "hóa đơn điện tử", "tcnscđ": "tổ công nghệ số cộng đồng", "ttdl": "trung tâm dữ liệu",
    "tmđt": "thương mại điện tử", "ttkdtm": "thanh toán không dùng tiền mặt",
    "cqs": "chính quyền số", "kts": "kinh tế số", "xhs": "xã hội số",
}
_ACRONYM = re.compile(r"(?<!\w)" + any_of(list(ACRONYMS)) + r"(?!\w)")


@lru_cache(maxsize=4096)  # asked of every indicator a figure might be of
def _heads_counted(counted: str) -> frozenset[str]:
    """The first nouns of what a counted phrase lists, without the words that say how they are counted
    ("các xã, thôn" -> xã, thôn); "đơn" (of đơn vị) too when one of them is a unit, which it counts."""
    nouns = [_QUANTIFIER_WORDS.sub("", noun.strip()) for noun in _LIST_SEPARATOR.split(counted)]
    heads = {noun.split(" ", 1)[0] for noun in nouns if noun}
    if any(_UNIT_NOUN.match(noun) for noun in nouns):
        heads.add("đơn")
    return frozenset(heads)


@lru_cache(maxsize=4096)  # a clause is read once for each of its figures
def canonical_terms(text: str) -> str:
    """match_key text in the catalogue's terms: acronyms spelled out ("864 tthc" -> "864 thủ tục hành
    chính"), a region's word for a village as "thôn" ("100% ấp, khóm" -> "100% thôn, thôn"), "trên địa bàn
    tỉnh" left out, "hồ sơ thủ tục hành chính" as "hồ sơ" (every dossier the press counts is one)."""
    text = _ACRONYM.sub(lambda m: ACRONYMS[m.group()], text)
    return _DOSSIER.sub(_DOSSIER_WORDS, _WHERE_IN_PASSING.sub("", _VILLAGE.sub(_VILLAGE_WORD, text)))


_VILLAGE_WORD = "thôn"  # what a region's word for a village is read as
_DOSSIER_WORDS = "hồ sơ"  # what "hồ sơ thủ tục hành chính" is read as
# What canonical_terms writes of its own, and where: (what must stand in the text, the words it writes).
_WRITTEN = tuple((stands, frozenset(_WORD.findall(writes))) for stands, writes in (
    *ACRONYMS.items(), *((unit, _VILLAGE_WORD) for unit in VILLAGE_UNITS)))


WRITABLE_WORDS = frozenset(word for _, written in _WRITTEN for word in written)


def words_written_into(key: str) -> set[str]:
    """The words canonical_terms may write, not taken from its text, into the terms of a slice of this
    match_key text: an acronym's words where it stands, "thôn" where a region's word for a village does.
    Found as substrings, so a slice that cuts a longer word counts too."""
    return {word for stands, written in _WRITTEN if stands in key for word in written}


def _written_out(cue: Cue) -> bool:
    """Whether a cue is written as figures' words are read: no acronym, no region's word for a village."""
    return canonical_terms(cue.text) == cue.text


def _head_noun(name_vi: str) -> str:
    """The first word of what an indicator's name counts: "Số trạm BTS" -> "trạm"."""
    words = _NAME_HEAD.sub("", match_key(name_vi)).split()
    return words[0] if words else ""
