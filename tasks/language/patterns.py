"""Regular expressions built from word lists."""
from __future__ import annotations

import re

_END = ""

# A capital letter, Vietnamese ones included, as a character class: "[A-ZĐÀ-Ỹ]" spans lower-case letters too
# (U+00C0 to U+1EF8 holds "à" and "đ"), so "bộ đội" would read as a ministry's name.
CAPITAL = "[" + "".join(sorted({chr(c) for c in range(0x41, 0x1F00) if chr(c).isupper() and chr(c).isalpha()})) + "]"


def any_of(words: list[str]) -> str:
    """A regex source matching any of the words, longest first, with shared prefixes merged.

    "an giang|an khê" becomes "an (?:giang|khê)": at each position of the text
    the engine tests one letter against a few branches instead of trying every
    word in turn, which makes a gazetteer's alternation several times faster.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _branches(trie)


def _branches(node: dict) -> str:
    branches = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if _END in node else body  # greedy: the longer word is tried first
