"""Input files named as text: every name its own text, so no two files claim one source."""
import os

from hypothesis import given, strategies as st

from cds_facts.tasks.io.files import path_text


def test_a_byte_that_is_not_utf8_and_a_typed_backslash_are_stored_apart():
    undecodable = os.fsdecode(b"b\xe0i.txt")
    typed = "b\\xe0i.txt"  # the same characters as the escape, typed into a name
    assert path_text(undecodable) == "b\\xe0i.txt"
    assert path_text(typed) == "b\\\\xe0i.txt"
    assert path_text("bài viết.txt") == "bài viết.txt"  # an ordinary Vietnamese name as it is


@given(st.lists(st.binary(min_size=1, max_size=12).filter(lambda b: b"/" not in b and b"\0" not in b),
                min_size=2, max_size=6, unique=True))
def test_different_names_never_give_one_text(names):
    texts = [path_text(os.fsdecode(name)) for name in names]
    assert len(set(texts)) == len(texts)
    assert all(text.encode("utf-8") for text in texts)  # each storable as UTF-8 text
