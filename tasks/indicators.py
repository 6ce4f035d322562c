"""The indicator catalogue, and which indicator a fact's words point to.

The catalogue is the ``indicators`` table (seeded from warehouse/indicators.csv;
users add rows). Each indicator has a kind and cue phrases separated by "|".
A fact gets the indicator of its kind whose cues best match the words around
it: cues in the fact's own noun phrase and clause count, longer cues count
more, and cues shared by many indicators ("đạt") only break ties.
"""
from __future__ import annotations

import csv
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .unicode import match_key

CATALOGUE_CSV = Path(__file__).resolve().parent.parent / "warehouse" / "indicators.csv"
CATALOGUE_COLUMNS = ["code", "pillar", "kind", "name_vi", "name_en", "cues"]
# A cue that this many indicators share says little on its own.
_GENERIC_SHARE = 3
# Leading words of an indicator's name that say what is measured, not what of.
_NAME_HEAD = re.compile(r"^(?:số|tỷ lệ|tỉ lệ|xếp hạng|điểm|năng lực|mức độ)\s+")


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
        self._name_words = {ind.code: set(_NAME_HEAD.sub("", match_key(ind.name_vi)).split())
                            for ind in self.indicators}
        self.fingerprint = hashlib.sha256(
            "\n".join(f"{i.code}|{i.kind}|{i.name_vi}|{'|'.join(i.cues)}" for i in self.indicators).encode()
        ).hexdigest()[:16]

    def match(self, kind: str, context: str, counted: str = "") -> str | None:
        """The code of the indicator for a fact of this kind, from its counted phrase and its context.

        Both are in match_key form. Score: words of the specific cues found
        (double inside the counted phrase), the share of the indicator's
        specific cues found, half a point for a generic cue, and the share of
        the indicator's name words present. A percent may take a ratio
        indicator (its share) at a discount.
        """
        best, best_score = None, 0.0
        text = f"{counted} {context}"
        words = set(re.findall(r"\w+", text))
        for ind in self.indicators:
            weight = _KIND_WEIGHT.get((kind, ind.kind), 0.0)
            if not weight:
                continue
            specific = [c for c in ind.cues if c not in self.generic]
            found = [c for c in specific if _contains(text, c)]
            if not found:
                continue
            score = sum(len(c.split()) * (2 if _contains(counted, c) else 1) for c in found)
            score += len(found) / len(specific)
            score += 0.5 * any(c in self.generic and _contains(text, c) for c in ind.cues)
            name = self._name_words[ind.code]
            score += len(name & words) / len(name) if name else 0
            score *= weight
            if score > best_score:
                best, best_score = ind.code, score
        return best


# (fact kind, indicator kind) -> weight: same kinds match; a percent may be a ratio indicator's share.
_KIND_WEIGHT = {(k, k): 1.0 for k in ("count", "percent", "ratio", "rank", "score", "storage", "money")}
_KIND_WEIGHT[("percent", "ratio")] = 0.8


def _contains(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def read_catalogue_csv(path: Path = CATALOGUE_CSV) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as handle:
        return [dict(row) for row in csv.DictReader(handle)]
