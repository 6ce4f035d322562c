"""Time expressions: read only around a year's digits, they are the ones a scan of the whole text finds."""
from hypothesis import given, strategies as st

from cds_facts.tasks.meaning.periods import TIME, times_in

_PIECES = ["năm ", "tháng 7/", "quý II/", "DTI ", "chỉ số chuyển đổi số ", "giai đoạn 2021-", "so với ", "cùng kỳ ",
           "2023", "2024", "20", "19", "/", ".", " ", ", ", "đạt 85%", "xếp thứ 12", "tăng", "2022/2023", "năm20"]


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_every_time_expression_is_found(text):
    whole_scan = [(m.start(), m.end()) for m in TIME.finditer(text)]
    assert [(t.start, t.end) for t in times_in(text)] == whole_scan


def test_every_relative_year_phrase_holds_the_hint_its_scan_looks_for_first():
    from cds_facts.tasks.language.lexicon import LAST_YEAR_WORDS, THIS_YEAR_WORDS
    from cds_facts.tasks.meaning.periods import RELATIVE_HINT

    assert all(RELATIVE_HINT in phrase for phrase in (*THIS_YEAR_WORDS, *LAST_YEAR_WORDS))
    assert [t.year for t in times_in("Năm nay tỉnh đạt 90%, năm ngoái đạt 80%.", 0, 2025)] == [2025, 2024]
