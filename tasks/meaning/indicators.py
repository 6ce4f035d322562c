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

from cds_facts.tasks.language.lexicon import (INDICATOR_NAME_HEADS, UNIT_NOUNS, VILLAGE_UNITS, WORLD_WORDS, whole_words,
                                               words)
from cds_facts.tasks.language.patterns import any_of
from cds_facts.tasks.language.keys import match_key

CATALOGUE_COLUMNS = ["code", "pillar", "kind", "name_vi", "name_en", "cues"]
# Leading words of an indicator's name that say what is measured, not what of.
_NAME_HEAD = re.compile(rf"^(?:{words(INDICATOR_NAME_HEADS)})\s+")
_GAP = "…"
_GAP_WORDS = 4  # how many words may stand inside a cue's gap
_CONTEXT = "+"


@dataclass(frozen=True)
class Cue:
    text: str  # as written in the catalogue, in match_key form
    pattern: re.Pattern  # the phrase (with its gaps), as whole words
    context: re.Pattern | None  # after "+": what must stand in the clause too
    words: int  # how many words the phrase has: the longer, the more it says
    word_set: frozenset[str]  # its words: a text missing one cannot hold it (a cheap test first)


@dataclass(frozen=True)
class Indicator:
    code: str
    kind: str
    name_vi: str
    cues: tuple[Cue, ...]


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
    return Cue(text=match_key(text.strip()), pattern=pattern,
               context=re.compile(rf"(?<!\w){re.escape(context)}(?!\w)") if context else None,
               words=sum(len(piece.split()) for piece in phrase.split(_GAP)),
               word_set=frozenset(_WORD.findall(phrase)))


class Catalogue:
    def __init__(self, rows: list[dict[str, str]]):
        self.rows = rows
        self.indicators = [
            Indicator(r["code"], r["kind"], r["name_vi"],
                      tuple(parse_cue(c) for c in dict.fromkeys((r.get("cues") or "").split("|")) if c.strip()))
            for r in rows if r.get("code")
        ]
        # Every cue by its indicator's kind and its first word: a figure's text is searched only for the cues
        # its words could begin, of the kinds the figure may take.
        self._by_first_word: dict[str, dict[str, list[tuple[Indicator, Cue]]]] = {}
        for ind in self.indicators:
            for cue in ind.cues:
                first = _WORD.search(cue.text)
                by_word = self._by_first_word.setdefault(ind.kind, {})
                by_word.setdefault(first.group() if first else "", []).append((ind, cue))
        self._heads = {ind.code: _head_noun(ind.name_vi) for ind in self.indicators}
        # The count indicators a paragraph can name by their first cue, by the head noun that refers back to them.
        self._named_by_head: dict[str, list[tuple[Indicator, Cue]]] = {}
        for ind in self.indicators:
            if ind.kind == "count" and self._heads[ind.code] and ind.cues and ind.cues[0].words > 1 \
                    and ind.cues[0].context is None:
                self._named_by_head.setdefault(self._heads[ind.code], []).append((ind, ind.cues[0]))
        self.kind_of = {ind.code: ind.kind for ind in self.indicators}
        # What a rate indicator is per hundred of, from its name ("... trên 100 dân"): "dân" or "hộ".
        self.per_hundred_of = {ind.code: found.group(1) for ind in self.indicators
                               if (found := _PER_HUNDRED_NAME.search(match_key(ind.name_vi)))}
        self._world_indices = {ind.code for ind in self.indicators if _WORLD.search(match_key(ind.name_vi))}
        self.fingerprint = hashlib.sha256(
            "\n".join(f"{i.code}|{i.kind}|{i.name_vi}|{'|'.join(c.text for c in i.cues)}" for i in self.indicators).encode()
        ).hexdigest()[:16]

    def match(self, kind: str, measure: str, counted: str = "", clause: str = "",
              kinds: tuple[str, ...] | None = None) -> Match | None:
        """The indicator for a figure of this kind from what it measures (the words of its measure and its
        counted noun phrase, match_key form), or None. clause: the figure's clause, for cues' "+" parts;
        kinds: the indicator kinds to try, in order (default: the figure's own; a percent's also ratio)."""
        counted, measure = canonical_terms(counted), canonical_terms(measure)
        clause = canonical_terms(clause) or measure
        text = f"{counted} {measure}"
        own = _OWNER.split(counted, maxsplit=1)[0]  # "124 cán bộ của Tổ công nghệ số": what is counted is cán bộ
        tried = kinds or _INDICATOR_KINDS.get(kind, (kind,))
        present: dict[str, list[Cue]] = {}  # indicator code -> its cues that stand in the text
        indicators: dict[str, Indicator] = {}
        text_words = {*_WORD.findall(text), ""}
        for indicator_kind in tried:
            by_word = self._by_first_word.get(indicator_kind, {})
            for word in text_words & by_word.keys():
                for ind, cue in by_word[word]:
                    if cue.word_set <= text_words and cue.pattern.search(text) \
                            and (cue.context is None or cue.context.search(clause)):
                        present.setdefault(ind.code, []).append(cue)
                        indicators[ind.code] = ind
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
        head = "dân" if words[:2] == ["người", "dân"] else words[0] if words else ""
        return head == self._heads.get(code)

    def is_world_index(self, code: str) -> bool:
        """Whether the indicator ranks countries ("Xếp hạng Chính phủ điện tử của Liên Hợp Quốc"), not
        provinces: its name says so."""
        return code in self._world_indices

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
_PER_HUNDRED_NAME = re.compile(r"(?:trên|/)\s*100\s+(?:người\s+)?(dân|hộ)(?!\w)")
# Indicator kinds a fact may take, in order: its own; a percent may be a ratio indicator's share; a ratio
# ("1.655/1.655 dịch vụ công") states a count indicator's count out of all, or a percent indicator's share.
_INDICATOR_KINDS = {"percent": ("percent", "ratio"), "ratio": ("ratio", "count", "percent")}
# Facts and indicators that count things: what is counted must agree.
_COUNTED_KINDS = {"count", "ratio"}
# Words before the counted noun that say how, not what: "các xã", "lượt văn bản".
_QUANTIFIER_WORDS = re.compile(r"^(?:(?:các|những|mọi|lượt|chiếc|cái|con|người)\s+)+")
_LIST_SEPARATOR = re.compile(r"\s*,\s*|\s+và\s+")
_UNIT_NOUN = re.compile(rf"^(?:{words(UNIT_NOUNS)})(?!\w)")
# "của" opens whose the counted things are: a cue after it names the owner, not what is counted.
_OWNER = re.compile(r"\s+của\s+")
_VILLAGE = whole_words(VILLAGE_UNITS)
_WORLD = whole_words(WORLD_WORDS)
_DOSSIER = re.compile(r"(?<!\w)hồ sơ thủ tục hành chính(?!\w)")
# "hồ sơ thủ tục hành chính trên địa bàn tỉnh được tiếp nhận trực tuyến": where, said in passing, which no
# cue is worded with and which would part a cue's words.
_WHERE_IN_PASSING = re.compile(r"\s+trên địa bàn(?:\s+toàn)?(?:\s+(?:tỉnh|thành phố|huyện|thị xã|xã|phường))?(?!\w)")


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
    return _DOSSIER.sub("hồ sơ", _WHERE_IN_PASSING.sub("", _VILLAGE.sub("thôn", text)))


def _head_noun(name_vi: str) -> str:
    """The first word of what an indicator's name counts: "Số trạm BTS" -> "trạm"."""
    words = _NAME_HEAD.sub("", match_key(name_vi)).split()
    return words[0] if words else ""
