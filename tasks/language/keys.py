"""Keys for comparing Vietnamese words, never for display: however their tones are placed, cased, accented."""
from __future__ import annotations

import re
import unicodedata

# Old-style tone placement ("hoá", "thuỷ") and new-style ("hóa", "thủy") spell
# the same word; match_key folds the old onto the new. The two differ only where
# the pair ends the syllable: "toàn", "hoạch" are spelled alike in both.
_TONE_PAIRS = {
    "oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oé": "óe", "oè": "òe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_RE = re.compile(f"(?:{'|'.join(_TONE_PAIRS)})(?![^\\W\\d_])")


def match_key(text: str) -> str:
    """Lower-case text with new-style tone placement, for comparing words, never for display.

    Keeps its length, so an offset found in the key is an offset in the text.
    """
    return _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group()], lower(text))


def fold_tone_pairs(key: str) -> str:
    """A key with every old-style tone pair written new-style, whatever follows it: match_key folds only a
    pair that ends its word, and a word cut from a longer one ends where the longer did not."""
    return _TONE_ANYWHERE.sub(lambda m: _TONE_PAIRS[m.group()], key)


_TONE_ANYWHERE = re.compile("|".join(_TONE_PAIRS))


def has_folded_pair(word: str) -> bool:
    """Whether a key's word holds a tone pair written new-style: only such a word reads otherwise in a key
    whose pairs fold_tone_pairs wrote new-style."""
    return any(pair in word for pair in _NEW_STYLE_PAIRS)


_NEW_STYLE_PAIRS = tuple(_TONE_PAIRS.values())


def lower(text: str) -> str:
    """Lower-case text of the same length, so offsets carry over: "İ", which lowers to two characters, stays."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered


def holds_any(lowered: str, pieces: tuple[str, ...] | list[str]) -> bool:
    """Whether lower-case text holds any of pieces: the substring test a rule asks before a pattern that
    needs one of them, as most texts hold none."""
    return any(piece in lowered for piece in pieces)


def fold(text: str) -> str:
    """Lower-case ASCII letters without diacritics ("Thanh Hóa" -> "thanh hoa")."""
    text = text.lower().replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
