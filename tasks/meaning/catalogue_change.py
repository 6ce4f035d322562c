"""Which documents a change of the catalogue can reach: those whose facts it may read otherwise.

A catalogue reaches a figure only through its cues: an indicator is given (by a cue, or after one, by the
rules that carry a fact's indicator to its neighbours) only where one of its cues stands in a figure's
words. So an article in which none of the cues two catalogues differ in can stand reads the same facts
under both, and its held facts are those the new catalogue would read. A cue can stand in an article
when each of its words occurs in the article's key (a figure's words are slices of it; ``Catalogue.match``
asks the same of them first) or is one ``canonical_terms`` writes itself where the article gives it
cause ("tthc" -> "thủ tục hành chính").

Which cues differ, per indicator: those one catalogue has and the other not; all of them when the ones
both have stand in another order (the order breaks ties between an indicator's cues); the first cue of
each when it changed (a paragraph names a count indicator by its first cue, ``Catalogue.named_before``);
and all of them, of both catalogues, when the indicator is in one only or its traits changed (its kind,
family, name and head noun ...): those are read only of a figure one of its cues was found for, or of a
figure after it that takes its indicator, in the same article.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from cds_facts.tasks.language.keys import fold_tone_pairs, has_folded_pair, match_key
from cds_facts.tasks.meaning.indicators import WRITABLE_WORDS, Catalogue, Cue, Indicator, words_written_into


@dataclass(frozen=True)
class CatalogueChange:
    """The cues two catalogues differ in."""

    cues: tuple[Cue, ...]

    def may_change(self, text: str) -> bool:
        """Whether the change can reach an article of this text: one of its cues can stand in it."""
        if not self.cues:
            return False
        terms = _Terms(text)
        return any(all(terms.may_hold(word) for word in cue.word_set) for cue in self.cues)


class _Terms:
    """The words an article's figures may be read in, asked word by word: most asks end at its key, the
    other forms are made only when one does not."""

    def __init__(self, text: str):
        self.key = match_key(text)
        self._loose: str | None = None
        self._written: set[str] | None = None

    def may_hold(self, word: str) -> bool:
        if word in self.key or has_folded_pair(word) and word in self.loose:
            return True
        if word not in WRITABLE_WORDS:
            return False
        if self._written is None:
            self._written = words_written_into(self.key) | words_written_into(self.loose)
        return word in self._written

    @property
    def loose(self) -> str:
        """The key with every tone pair new-style. A figure's words re-keyed on their own fold an old-style
        pair where the article's key, reading the letter after it, did not ("hoá" cut from "hoáng")."""
        if self._loose is None:
            self._loose = fold_tone_pairs(self.key)
        return self._loose


def catalogue_change(before: Catalogue, after: Catalogue) -> CatalogueChange:
    """How after differs from before, for telling which documents read under before it can reach."""
    old, new = {i.code: i for i in before.indicators}, {i.code: i for i in after.indicators}
    changed: list[Cue] = []
    for code in dict.fromkeys([*old, *new]):
        was, now = old.get(code), new.get(code)
        if was is None or now is None or _traits(was) != _traits(now):
            changed += [*(was.cues if was else ()), *(now.cues if now else ())]
        else:
            changed += _cues_changed(was.cues, now.cues)
    return CatalogueChange(tuple(changed))


def _traits(indicator: Indicator) -> Indicator:
    """The indicator without its cues: what else a figure's reading asks of it."""
    return dataclasses.replace(indicator, cues=())


def _cues_changed(old: tuple[Cue, ...], new: tuple[Cue, ...]) -> list[Cue]:
    old_texts, new_texts = [c.text for c in old], [c.text for c in new]
    kept_old = [t for t in old_texts if t in new_texts]
    if kept_old != [t for t in new_texts if t in old_texts]:
        return [*old, *new]  # reordered: every tie between its cues may break otherwise
    changed = [c for c in old if c.text not in new_texts] + [c for c in new if c.text not in old_texts]
    if old and new and old[0].text != new[0].text:
        changed += [old[0], new[0]]
    return changed
