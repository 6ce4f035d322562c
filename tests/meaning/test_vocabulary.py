"""One vocabulary: the meaning rules hold no word list of their own; every list is a named tuple in
tasks/language/lexicon.py, in match_key form, which a rule joins with words(...) (trafilatura keeps its
tokens so in xpaths.py). A word added there reaches every rule that reads that kind of word."""
import ast
import re
from pathlib import Path

import pytest

from conftest import ROOT

MEANING = sorted((ROOT / "tasks" / "meaning").glob("*.py"))
# Two or more words joined by "|" inside a string: a regex alternation of words, written inline.
_ALTERNATION = re.compile(r"(?<![\\\w])[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+)*(?:\|[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+)*)+")
_WORDS = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


def inline_word_lists(source: str) -> list[tuple[int, str]]:
    """(line, what) for each inline list of words: an alternation in a string, or a tuple, list or set of
    two or more Vietnamese words (ASCII names of kinds, columns and slots are the code's own, not words)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                     and _WORDS.fullmatch(e.value)]
            if len(words) >= 2 and any(not w.isascii() for w in words):
                found.append((node.lineno, " | ".join(words)))
        if isinstance(node, ast.Constant) and isinstance(node.value, str):  # f-strings' pieces are visited too
            found += [(node.lineno, m.group()) for m in _ALTERNATION.finditer(node.value)
                      if not all(len(word) == 1 and word.isascii() for word in m.group().split("|"))]
    return found


@pytest.mark.parametrize("module", MEANING, ids=lambda p: p.name)
def test_a_meaning_module_holds_no_word_list_of_its_own(module):
    assert inline_word_lists(module.read_text(encoding="utf-8")) == []


def test_the_check_finds_the_shapes_it_forbids():
    assert inline_word_lists('X = re.compile(r"(?:đạt|là|với)\\s*$")') == [(1, "đạt|là|với")]
    assert inline_word_lists('X = rf"(?:{words(A)}|trong đó|bao gồm)"') == [(1, "trong đó|bao gồm")]
    assert inline_word_lists('Y = ("toàn tỉnh", "cả tỉnh")') == [(1, "toàn tỉnh | cả tỉnh")]
    assert inline_word_lists('X = re.compile(r"(?:của|tại|ở)\\s")') == [(1, "của|tại|ở")]  # a one-letter word too
    assert inline_word_lists('X = re.compile(r"[a-z](?:x|y)")') == []  # letters of a pattern are no words
    assert inline_word_lists('KINDS = ("count", "ratio")\nZ = rf"(?:{words(A)})\\s+(\\d+)"') == []


def test_the_substring_tests_before_a_pattern_miss_none_of_its_words():
    """A rule that asks a cheap substring test before its pattern finds nothing its test leaves out."""
    from cds_facts.tasks.language.lexicon import (COUNTRY_AS_WHOLE, COUNTRY_AS_WHOLE_HINTS, COUNTRY_HINTS, COUNTRY_WORDS,
                                                  PROVINCE_COUNT_HINT, PROVINCE_COUNT_NOUNS)

    for phrases, hints in ((COUNTRY_WORDS, COUNTRY_HINTS), (COUNTRY_AS_WHOLE, COUNTRY_AS_WHOLE_HINTS),
                           (PROVINCE_COUNT_NOUNS, (PROVINCE_COUNT_HINT,))):
        assert all(any(hint in phrase for hint in hints) for phrase in phrases), (phrases, hints)
