from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from cds_facts.tasks.meaning.numbers import NUMERAL, find_quantities, parse_number, quantity_refusal


def one(text):
    found = find_quantities(text)
    assert len(found) == 1, found
    q = found[0]
    return q.kind, q.value, q.denominator, q.qualifier


@pytest.mark.parametrize("token, value", [
    ("1.805", 1805), ("1.355.335", 1355335), ("16,63", 16.63), ("962,73", 962.73), ("4357", 4357), ("0,5", 0.5),
])
def test_vietnamese_numerals(token, value):
    assert parse_number(token) == pytest.approx(value)


@pytest.mark.parametrize("token", ["4.0", "0939.923988", "1.2.3", "12.34"])
def test_malformed_numerals_are_not_numbers(token):
    assert parse_number(token) is None


@pytest.mark.parametrize("text, expected", [
    ("hiện đang cung cấp 1.805 dịch vụ công trực tuyến", ("count", 1805, None, "exact")),
    ("chiếm 16,63% số cột", ("percent", 16.63, None, "exact")),
    ("có trên 11,07 triệu lượt văn bản điện tử", ("count", 11_070_000, None, "more_than")),
    ("đến 4.354/4.357 thôn, bản", ("ratio", 4354, 4357, "exact")),
    ("mạng băng thông rộng đến 4.337/4357 thôn", ("ratio", 4337, 4357, "exact")),
    ("Thanh Hóa xếp thứ 15/63 tỉnh", ("rank", 15, 63, "exact")),
    ("lọt tốp 20 địa phương dẫn đầu", ("rank", 20, None, "at_most")),
    ("Với điểm số 962,73 điểm", ("score", 962.73, None, "exact")),
    ("năng lực lưu trữ 135TB", ("storage", 135, None, "exact")),
    ("gần 105.815 tem truy xuất", ("count", 105815, None, "approx")),
    ("có ít nhất 100 doanh nghiệp số", ("count", 100, None, "at_least")),
    ("dưới 5% hộ", ("percent", 5, None, "less_than")),
    ("tổng vốn 5 tỷ đồng", ("money", 5_000_000_000, None, "exact")),
    ("doanh thu thương mại điện tử đạt 2.500 tỷ.", ("money", 2_500_000_000_000, None, "exact")),
    ("có 1 tỷ lượt truy cập", ("count", 1_000_000_000, None, "exact")),
    ("đạt 1,5 nghìn tỷ đồng", ("money", 1_500_000_000_000, None, "exact")),
    ("1.2 triệu thuê bao", ("count", 1_200_000, None, "exact")),  # a decimal point before a multiplier
    ("1,200 dịch vụ công", ("count", 1200, None, "exact")),  # English thousands on a bare count
    ("đạt 8,5/10 điểm", ("score", 8.5, 10, "exact")),
    ("có 2/3 số xã hoàn thành", ("ratio", 2, 3, "exact")),
    ("đứng thứ 3 cả nước", ("rank", 3, None, "exact")),
    ("thuộc nhóm 10 tỉnh dẫn đầu", ("rank", 10, None, "at_most")),
    ("đạt 99,7 % dân số", ("percent", 99.7, None, "exact")),
    ("chưa đến 30% hộ gia đình", ("percent", 30, None, "less_than")),
    ("xấp xỉ 2.000 điểm phát wifi", ("count", 2000, None, "approx")),
    ("tối thiểu 50 doanh nghiệp", ("count", 50, None, "at_least")),
    # the words before a numeral are read whatever their case
    ("Khoảng 500 doanh nghiệp", ("count", 500, None, "approx")),
    ("TRÊN 1.200 TRẠM BTS", ("count", 1200, None, "more_than")),
    ("Xếp Thứ 15 cả nước", ("rank", 15, None, "exact")),
])
def test_quantities(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize("text", [
    "từ đầu tháng 9/2024", "Quyết định số 4216/QĐ-UBND ngày 05/10/2020", "Nghị định số 42/2022/NĐ-CP",
    "cuộc cách mạng công nghiệp 4.0", "Mạng di động 3G/4G", "Đường dây nóng: 0237 3721150", "ĐT: 0939.923988",
    "người dân từ 15 tuổi trở lên", "Xã đã lựa chọn thôn 2", "tại Thôn 5, xã Thọ Diên", "mô hình “3 không” trong CĐS", "ngày 26-8-2021",
    "Nghị quyết số 06-NQ/TU", "kể từ ngày 1/7/2024", "Trong 6 tháng đầu năm", "năm 2025", "giai đoạn 2021-2025",
    "Nghị quyết 57 của Bộ Chính trị", "kỳ họp thứ 7", "lúc 20:03", "publish_day <= 1714225170",
    "hỗ trợ người dân 24/7", "ngày 15-7",
])
def test_not_quantities(text):
    assert find_quantities(text) == []


def vietnamese(value: Decimal) -> str:
    """Format a non-negative decimal the Vietnamese way: "." between thousands, "," before decimals."""
    whole, _, fraction = f"{value:f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return grouped + ("," + fraction if fraction else "")


@given(st.one_of(
    st.integers(min_value=0, max_value=10**12).map(Decimal),
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
))
def test_vietnamese_format_parses_back(value):
    assert parse_number(vietnamese(value)) == pytest.approx(float(value))


@given(st.text(max_size=300))
def test_find_quantities_never_raises(text):
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)


@pytest.mark.parametrize("text, values", [
    ("dịch vụ công trực tuyến mức độ 3, 4 đạt 95%", [95]),  # service levels are labels
    ("Năm 2023, 150 xã đạt chuẩn", [150]),  # a year then a count: the count stays
])
def test_levels_are_labels_and_counts_after_a_year_stay(text, values):
    assert [q.value for q in find_quantities(text)] == values


def refusal_of(text, numeral):
    """Why the numeral written `numeral` in text is no quantity."""
    match = next(m for m in NUMERAL.finditer(text) if m.group() == numeral)
    return quantity_refusal(text, match)


@pytest.mark.parametrize("text, numeral, reason", [
    # one row per refusal, each in a sentence of its own; the reason is the words a trap would give
    ("cuộc cách mạng công nghiệp 4.0 đang đến", "4.0", "not a Vietnamese numeral (4.0, 1.2.3)"),
    ("cập nhật lúc 20:03 hằng ngày", "20", "a version, a decimal date or a time"),
    ("ban hành ngày 26-8-2021", "26", "a date or a document code"),
    ("vùng phủ sóng 5G mở rộng", "5", "part of a name (3G, 4G)"),
    ("liên hệ số 02373721150", "02373721150", "a phone number or a code"),
    ("từ năm 2019 đến nay", "2019", "a year"),
    ("tại thôn 5 của xã", "5", "a label (thôn 2, Điều 5, hotline)"),
    ("học viên khoá 12 đã tốt nghiệp", "12", "a label (thôn 2, Điều 5, hotline)"),  # old-style tones, one spelling
    ("làm việc tại UBND Phường 5 sáng nay", "5", "a label (thôn 2, Điều 5, hotline)"),  # an acronym names no place
    ("theo Nghị quyết 57 của Bộ Chính trị", "57", "a document number"),
    ("triển khai mô hình “5 có” ở thôn", "5", "a quoted name"),
    ("tài khoản định danh điện tử mức 2", "2", "a level (mức 2)"),
    ("khai trương tháng 9 vừa qua", "9", "a date part (ngày 14, tháng 9)"),
    ("3. Nâng cao năng lực số", "3", "a list marker"),
    ("người dân từ 15 tuổi trở lên", "15", "an age"),
    ("tổng đài hỗ trợ 24/7 cho doanh nghiệp", "24", "round the clock (24/7)"),
    ("thuê bao di động trên 100 dân", "100", "the base of a rate per hundred"),
    ("Phần mềm 158 được triển khai đến các xã", "158", "a product's name (Phần mềm 158)"),
    ("người dân gọi ứng dụng 1022, hệ thống tiếp nhận", "1022", "a product's name (Phần mềm 158)"),
    ("trung tâm dữ liệu đạt chuẩn Tier 3", "3", "a standard (Tier 3, ISO 27001)"),
    ("được cấp chứng nhận ISO 27001 về an toàn thông tin", "27001", "a standard (Tier 3, ISO 27001)"),
    ("tỉnh vẫn nằm trong nhóm 10 tỉnh đứng cuối bảng", "10", "a group at the bottom of a table"),
    ("thuộc top 5 địa phương thấp nhất cả nước", "5", "a group at the bottom of a table"),
    ("căn cứ 42/2022/NĐ-CP của Chính phủ", "42", "a document number (42/2022/NĐ-CP)"),
    ("số liệu đến 9/2024 cho thấy", "9", "a month and year (tháng 9/2024)"),
    ("sáng 21/5, đoàn công tác làm việc", "21", "a date (ngày 16/1)"),
    ("hưởng ứng Ngày Chuyển đổi số quốc gia 10/10 năm nay", "10", "a named day (Ngày Chuyển đổi số quốc gia 10/10)"),
    ("mạng di động 3G/4G phủ kín", "3", "part of a name (3G, 4G)"),
    ("tổ chức kỳ họp thứ 7 của Hội đồng", "7", "an event's ordinal (lần thứ 3)"),
    ("nhóm 1 được hưởng chính sách", "1", "a category's name (nhóm 1)"),
    ("trong 6 tháng đầu năm", "6", "a duration (6 tháng)"),
    ("thu hút 50 triệu USD vốn đầu tư", "50", "a sum in another currency"),
])
def test_every_refusal_says_why(text, numeral, reason):
    assert refusal_of(text, numeral) == reason


@pytest.mark.parametrize("text, expected", [
    # the refusals' neighbours that stay quantities
    ("hệ thống 158 camera giám sát", ("count", 158, None, "exact")),  # a counted noun after the product noun
    ("thuộc nhóm 10 tỉnh dẫn đầu cả nước", ("rank", 10, None, "at_most")),  # the top of the table, not its bottom
    ("Ngày Chuyển đổi số quốc gia năm nay, tỉnh có 95% hồ sơ trực tuyến", ("percent", 95, None, "exact")),
])
def test_neighbours_of_the_new_refusals_stay_quantities(text, expected):
    assert one(text) == expected
