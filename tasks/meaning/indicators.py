"""The indicator catalogue, and which indicator a fact's words point to.

The catalogue is the ``indicators`` table (seeded from warehouse/indicators.csv;
users add rows). Each indicator has a kind and cue phrases separated by "|".
A fact gets the indicator of its kind whose cues best match the words around
it: cues in the fact's own noun phrase and clause count, longer cues count
more, and cues shared by many indicators ("đạt") only break ties.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from cds_facts.tasks.language.lexicon import INDICATOR_NAME_HEADS, words
from cds_facts.tasks.language.patterns import any_of
from cds_facts.tasks.language.keys import match_key

CATALOGUE_COLUMNS = ["code", "pillar", "kind", "name_vi", "name_en", "cues"]
# A cue that this many indicators share says little on its own.
_GENERIC_SHARE = 3
# Leading words of an indicator's name that say what is measured, not what of.
_NAME_HEAD = re.compile(rf"^(?:{words(INDICATOR_NAME_HEADS)})\s+")


@dataclass(frozen=True)
class Indicator:
    code: str
    kind: str
    name_vi: str
    cues: tuple[str, ...]  # in match_key form


class Catalogue:
    def __init__(self, rows: list[dict[str, str]]):
        self.rows = rows
        self.indicators = [
            Indicator(r["code"], r["kind"], r["name_vi"],
                      tuple(dict.fromkeys(match_key(c.strip()) for c in (r.get("cues") or "").split("|") if c.strip())))
            for r in rows if r.get("code")
        ]
        shared = Counter(c for ind in self.indicators for c in ind.cues)
        self.generic = {cue for cue, n in shared.items() if n >= _GENERIC_SHARE}
        # Per kind, each indicator with its specific and its generic cues, split once rather than per fact.
        self._by_kind: dict[str, list[tuple[Indicator, tuple[str, ...], tuple[str, ...]]]] = {}
        for ind in self.indicators:
            specific = tuple(c for c in ind.cues if c not in self.generic)
            if specific:
                self._by_kind.setdefault(ind.kind, []).append(
                    (ind, specific, tuple(c for c in ind.cues if c in self.generic)))
        # Every cue by its first word: a call looks up the cues its text's words could begin, not every cue.
        self._cues_by_first_word: dict[str, list[str]] = {}
        for cue in dict.fromkeys(c for ind in self.indicators for c in ind.cues):
            first = _WORD.search(cue)  # a cue with no word in it ("@") is looked for in every text, under ""
            self._cues_by_first_word.setdefault(first.group() if first else "", []).append(cue)
        self._name_words = {ind.code: set(_NAME_HEAD.sub("", match_key(ind.name_vi)).split())
                            for ind in self.indicators}
        self._heads = {ind.code: _head_noun(ind.name_vi) for ind in self.indicators}

        self.fingerprint = hashlib.sha256(
            "\n".join(f"{i.code}|{i.kind}|{i.name_vi}|{'|'.join(i.cues)}" for i in self.indicators).encode()
        ).hexdigest()[:16]

    def match(self, kind: str, context: str, counted: str = "") -> str | None:
        """The code of the indicator for a fact of this kind, from its counted phrase and its context.

        Both are in match_key form. Indicators of the fact's own kind are
        tried first; a percent falls back to a ratio indicator (its share)
        only when none fits. A count or a ratio (or a percent read as a
        ratio's share) must also count what the indicator counts: the counted
        phrase starts with the indicator's head noun ("xã" is not "Tổ công
        nghệ số"), or holds one of its cues.
        Score: words of the specific cues found (double inside the counted
        phrase), the share of the indicator's specific cues found, half a
        point for a generic cue, and the share of its name words present.
        """
        counted, context = spell_out(counted), spell_out(context)
        text = f"{counted} {context}"
        words = set(_WORD.findall(text))
        present = self._cues_in(text, words)
        for indicator_kind in _INDICATOR_KINDS.get(kind, (kind,)):
            best, best_score = None, 0.0
            for ind, specific, generic in self._by_kind.get(indicator_kind, ()):
                if present.isdisjoint(specific):
                    continue
                found = [c for c in specific if c in present]
                in_counted = [c for c in found if _contains(counted, c)]
                counts_things = kind in _COUNTED_KINDS or ind.kind in _COUNTED_KINDS
                if counts_things and counted and not in_counted and not self._counts_same(ind, counted):
                    continue
                score = sum(len(c.split()) * (2 if c in in_counted else 1) for c in found)
                score += len(found) / len(specific)
                score += 0.5 * (not present.isdisjoint(generic))
                name = self._name_words[ind.code]
                score += len(name & words) / len(name) if name else 0
                if score > best_score:
                    best, best_score = ind.code, score
            if best:
                return best
        return None

    def _cues_in(self, text: str, words: set[str]) -> set[str]:
        """The catalogue's cues that stand in text as whole words; words are text's words.

        A cue found whole begins with one of text's words, so only the cues
        that begin with one are looked for.
        """
        return {cue for word in (*words, "") for cue in self._cues_by_first_word.get(word, ()) if _contains(text, cue)}

    def _counts_same(self, indicator: Indicator, counted: str) -> bool:
        """Whether the counted phrase names what the indicator counts: its first noun."""
        head = self._heads[indicator.code]
        phrase = _QUANTIFIER_WORDS.sub("", counted)
        return bool(head) and (phrase == head or phrase.startswith(head + " "))


_WORD = re.compile(r"\w+")
# Indicator kinds a fact may take, in order: its own; a percent may be a ratio indicator's share.
_INDICATOR_KINDS = {"percent": ("percent", "ratio")}
# Facts and indicators that count things: what is counted must agree.
_COUNTED_KINDS = {"count", "ratio"}
# Words before the counted noun that say how, not what: "các xã", "lượt văn bản".
_QUANTIFIER_WORDS = re.compile(r"^(?:(?:các|những|mọi|lượt|chiếc|cái|con|người)\s+)+")


# Acronyms the administrative press writes for what indicators count (match_key form).
ACRONYMS = {
    "tthc": "thủ tục hành chính", "dvc": "dịch vụ công", "dvctt": "dịch vụ công trực tuyến",
    "csdl": "cơ sở dữ liệu", "cntt": "công nghệ thông tin", "cđs": "chuyển đổi số",
    "hđđt": "hóa đơn điện tử", "tcnscđ": "tổ công nghệ số cộng đồng", "ttdl": "trung tâm dữ liệu",
    "tmđt": "thương mại điện tử", "ttkdtm": "thanh toán không dùng tiền mặt",
}
_ACRONYM = re.compile(r"(?<!\w)" + any_of(list(ACRONYMS)) + r"(?!\w)")


def spell_out(text: str) -> str:
    """Acronyms in match_key text spelled out: "864 tthc" -> "864 thủ tục hành chính"."""
    return _ACRONYM.sub(lambda m: ACRONYMS[m.group()], text)


def _head_noun(name_vi: str) -> str:
    """The first word of what an indicator's name counts: "Số trạm BTS" -> "trạm"."""
    words = _NAME_HEAD.sub("", match_key(name_vi)).split()
    return words[0] if words else ""


def _contains(text: str, phrase: str) -> bool:
    """The phrase stands in text as whole words."""
    return phrase in text and _whole_words(phrase).search(text) is not None


@lru_cache(maxsize=4096)
def _whole_words(phrase: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")
