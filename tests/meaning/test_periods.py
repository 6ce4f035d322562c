"""Time expressions: read only around a year's digits, they are the ones a scan of the whole text finds."""
import pytest
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


def test_a_time_says_whether_it_is_a_comparison_or_a_deadline():
    text = "Đến năm 2025 đạt 90%, tăng so với năm 2023; quý 2/2024 đạt 80%, tới cuối tháng 6/2026 đạt 95%."
    assert [(t.year, t.compared, t.deadline) for t in times_in(text)] == [
        (2025, False, True), (2023, True, False), (2024, False, False), (2026, False, True)]


def test_every_year_is_read_in_one_range():
    from cds_facts.tasks.meaning.numbers import find_quantities
    from cds_facts.tasks.meaning.periods import is_year

    assert [is_year(y) for y in ("1899", "1900", "2099", "2100", "199", "20245")] == [False, True, True, False,
                                                                                      False, False]
    assert [q.value for q in find_quantities("2100 hộ và 1950 người")] == [2100]  # 1950 is a year, 2100 is none
    assert [t.year for t in times_in("năm 2100 và năm 2099")] == [2099]


def test_the_number_reader_skips_the_time_expressions_it_is_given():
    from cds_facts.tasks.meaning.numbers import find_quantities

    text = "Tính đến quý 3/2024, tỉnh có 1.240 trạm BTS."
    spans = [(t.start, t.end) for t in times_in(text)]
    assert [text[a:b] for a, b in spans] == ["đến quý 3/2024"]
    assert [q.value for q in find_quantities(text, spans)] == [1240]
    assert [q.value for q in find_quantities("có 35 xã và 1.240 trạm", [(3, 9)])] == [1240]  # inside a span: unread


@pytest.mark.parametrize("text, kind", [
    ("năm 2024", "year"), ("tháng 9/2023", "month"), ("quý II/2023", "quarter"), ("DTI 2022", "index"),
    ("chỉ số chuyển đổi số năm 2023", "index"), ("giai đoạn 2021-2025", "range"), ("năm nay", "relative"),
    ("từ năm 2021 đến nay", "since"), ("kể từ tháng 3/2022 tới nay", "since"),
])
def test_each_time_expression_says_what_it_names(text, kind):
    assert [t.kind for t in times_in(f"Tỉnh đạt 80% {text}.", 0, 2025)] == [kind]

