"""The seeds' gold as a regression suite, and properties of extraction."""
import csv
import math

import pytest
from hypothesis import given, settings, strategies as st

from cds_facts.tasks.text.clean import clean
from cds_facts.tasks.meaning.extract import Extractor
from cds_facts.tasks.io.reference import read_catalogue_csv
from cds_facts.tasks.meaning.indicators import Catalogue
from cds_facts.tasks.models import Article
from cds_facts.tasks.language.places import load_gazetteer
from cds_facts.tasks.io.files import read_raw

from conftest import DATA, SEEDS, vn

GOLD = list(csv.DictReader(open(DATA / "seed_facts.csv", encoding="utf-8")))
TRAPS = list(csv.DictReader(open(DATA / "seed_traps.csv", encoding="utf-8")))


@pytest.fixture(scope="module")
def extractor():
    return Extractor(Catalogue(read_catalogue_csv()), load_gazetteer())


@pytest.fixture(scope="module")
def seed_facts(extractor):
    result = {}
    for name in sorted({row["doc"] for row in GOLD}):
        article = clean(read_raw(SEEDS / name))
        result[name] = (article, extractor.facts(article))
    return result


def _same(a, b):
    return (a is None and b in ("", None)) or (a is not None and b not in ("", None) and math.isclose(a, float(b)))


def _find(facts, row):
    return [f for f in facts if f.kind == row["kind"] and _same(f.value, row["value"])
            and _same(f.denominator, row["denominator"])]


@pytest.mark.parametrize("row", [r for r in GOLD if r["optional"] == "0"],
                         ids=lambda r: f"{r['doc'][:3]}:{r['surface'][:30]}")
def test_every_required_gold_fact_is_read(seed_facts, row):
    article, facts = seed_facts[row["doc"]]
    matches = _find(facts, row)
    assert matches, f"missing {row['surface']}"
    fact = matches[0]
    assert fact.qualifier == row["qualifier"]
    assert fact.province == row["province"]
    assert fact.status == row["status"]


def test_no_trap_is_taken_for_a_fact(seed_facts):
    gold_values = {(r["doc"], float(r["value"])) for r in GOLD}
    for trap in TRAPS:
        _, facts = seed_facts[trap["doc"]]
        if (trap["doc"], float(trap["value"])) in gold_values:
            continue  # the same value is also a real fact in that document
        assert not [f for f in facts if math.isclose(f.value, float(trap["value"]))], trap["why"]


def test_indicators_match_the_gold_mostly(seed_facts):
    labelled = [r for r in GOLD if r["optional"] == "0" and r["indicator"]]
    right = sum(any(f.indicator == r["indicator"] for f in _find(seed_facts[r["doc"]][1], r)) for r in labelled)
    assert right / len(labelled) >= 0.9


def test_offsets_point_at_the_number(seed_facts):
    for article, facts in seed_facts.values():
        for fact in facts:
            number = article.text[fact.start_char:fact.end_char]
            assert number and number[0].isdigit()
            assert number in fact.surface
            assert number in fact.sentence


def test_specific_values(seed_facts):
    _, facts = seed_facts["004_441e3c7728ab58a9.txt"]
    assert any(f.kind == "percent" and f.value == 16.63 for f in facts)
    _, facts = seed_facts["003_3e42494f0bfc9d8c.txt"]
    ratio = next(f for f in facts if f.value == 4354)
    assert (ratio.kind, ratio.denominator, ratio.share_pct) == ("ratio", 4357, pytest.approx(100 * 4354 / 4357))


def test_target_year_and_status(extractor):
    article = Article("d", "t", None, None, (), "Thanh Hóa",
                      "Tỉnh phấn đấu đến năm 2025 có ít nhất 100 doanh nghiệp số; đến năm 2030, có ít nhất 150 doanh nghiệp số.")
    facts = extractor.facts(article)
    assert [(f.value, f.period_year, f.status, f.qualifier) for f in facts] == [
        (100, 2025, "target", "at_least"), (150, 2030, "target", "at_least")]


def surface_covers_number(text, fact):
    """The surface stands in the text around the number's offsets."""
    at = text.rfind(fact.surface, 0, fact.start_char + len(fact.surface))  # the last one starting by the number
    return at >= 0 and at <= fact.start_char and fact.end_char <= at + len(fact.surface)


@settings(max_examples=200)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,/% ;:\nabcđươ ĐThứtỷtriệu điểm năm thôn")), max_size=200))
def test_extraction_never_raises_and_surfaces_hold_on_number_like_text(extractor, text):
    article = Article("d", None, None, None, (), None, text)
    for fact in extractor.facts(article):
        assert surface_covers_number(text, fact)


@settings(max_examples=200)
@given(st.text(max_size=300))
def test_extraction_never_raises_on_arbitrary_text(extractor, text):
    for fact in extractor.facts(Article("d", None, None, None, (), None, text)):
        assert surface_covers_number(text, fact)


def test_seed_surfaces_sit_at_their_offsets(seed_facts):
    for article, facts in seed_facts.values():
        assert all(surface_covers_number(article.text, f) for f in facts)


def facts_of(extractor, text, province="Thanh Hóa"):
    return extractor.facts(Article("d", None, None, None, (), province, text))


def indicator_of(extractor, text, value):
    return next(f.indicator for f in facts_of(extractor, text) if f.value == value)


@pytest.mark.parametrize("text, value, indicator", [
    # what is counted must be what the indicator counts
    ("Toàn tỉnh có 170 xã, phường có Tổ công nghệ số cộng đồng.", 170, None),
    ("Toàn tỉnh có 1.473 Tổ công nghệ số cộng đồng với 8.650 thành viên.", 1473, "soc.community_tech_teams"),
    ("Có 27/27 UBND cấp huyện thành lập Ban chỉ đạo chuyển đổi số.", 27, "gov.dx_steering_committees"),
    ("Tỉnh có 635 trạm BTS và khoảng 540 nghìn thuê bao di động.", 540000, "infra.phone_subscribers"),
    # a percent takes a percent indicator first, a ratio indicator's share only when none fits
    ("Có 141.497/175.138 hồ sơ được giải quyết qua dịch vụ công trực tuyến, đạt 80,79%.", 80.79,
     "gov.online_dossier_rate"),
    ("Mạng di động đã phủ sóng 100% thôn, bản.", 100, "infra.village_internet_coverage"),
    ("Mạng 5G đã phủ sóng 100% khu công nghiệp.", 100, None),
    # acronyms the press writes
    ("Tỉnh đã có 864 TTHC kết nối thanh toán trực tuyến.", 864, "gov.online_payment_procedures"),
    # parts of a figure in parentheses take its indicator; a change is no level
    ("Tỷ lệ hồ sơ giải quyết trực tuyến đạt 80,79% (cấp tỉnh đạt 81,38%, cấp huyện đạt 72,8%).", 72.8,
     "gov.online_dossier_rate"),
    ("Tỷ lệ hồ sơ xử lý trực tuyến đạt 95,2%, tăng 12% so với cùng kỳ.", 12, None),
    # a long subject is read from its measure word
    ("Theo Sở Thông tin và Truyền thông, tỷ lệ hồ sơ thủ tục hành chính được số hóa kết quả giải quyết của "
     "tỉnh trong năm đạt 91,6%.", 91.6, "gov.dossier_digitization_rate"),
])
def test_indicator_rules(extractor, text, value, indicator):
    assert indicator_of(extractor, text, value) == indicator


@pytest.mark.parametrize("cue, context", [
    ("trạm 5g", "có 120 trạm 5g"),  # a word of letters and digits
    ("cổng 4.0", "100% cổng 4.0 đã kết nối"),  # signs inside the cue
    ("(iot)", "có 35 thiết bị (iot) kết nối"),  # a cue that begins with a sign
    ("@", "có 35 tài khoản @ kết nối"),  # a cue of signs only
])
def test_a_users_cue_with_signs_in_it_is_found(cue, context):
    catalogue = Catalogue([{"code": "user.cue", "kind": "count", "name_vi": "Số thiết bị", "cues": cue},
                           {"code": "user.other", "kind": "count", "name_vi": "Số máy", "cues": "máy chủ"}])
    # as the counted phrase: a cue of one word says what is counted only there
    assert catalogue.match("count", context, counted=context).code == "user.cue"
    other = context.replace(cue, "máy chủ")
    assert catalogue.match("count", other, counted=other).code == "user.other"


@pytest.mark.parametrize("text, value, expected", [
    ("Kế hoạch năm 2025 đặt ra là 80% hồ sơ được xử lý trực tuyến.", 80, (2025, "target")),
    ("Chỉ tiêu năm 2024 là 70% và kết quả đạt 75%.", 75, (2024, "actual")),
    ("Chỉ tiêu năm 2024 là 70% và kết quả đạt 75%.", 70, (2024, "target")),
    ("Tỉnh đã vượt mục tiêu đề ra với 1.200 trạm BTS.", 1200, (None, "actual")),
    ("Đến năm 2030, có 500 doanh nghiệp số.", 500, (2030, "target")),  # after the article's year: a goal
    ("Đến hết năm 2023, có 95% hộ gia đình có Internet cáp quang.", 95, (2023, "actual")),
])
def test_period_and_status(extractor, text, value, expected):
    article = Article("d", None, None, vn(2024, 5, 1), (), "Thanh Hóa", text)
    fact = next(f for f in extractor.facts(article) if f.value == value)
    assert (fact.period_year, fact.status) == expected


@pytest.mark.parametrize("text, value, province, place", [
    ("Năm 2024, Hà Nam có 500 trạm BTS, trong khi Ninh Bình có 700 trạm BTS.", 700, "Ninh Bình", None),
    ("Tỉnh Bà Rịa – Vũng Tàu có 1.500 trạm BTS.", 1500, "Bà Rịa - Vũng Tàu", None),
    ("Huyện Vụ Bản có 18/18 xã hoàn thành, huyện Ý Yên có 25 xã.", 25, "Thanh Hóa", "huyện Ý Yên"),
    ("Thành phố Hồ Chí Minh có 2.000 trạm 5G.", 2000, "Hồ Chí Minh", None),
])
def test_the_place_a_figure_is_about(extractor, text, value, province, place):
    fact = next(f for f in facts_of(extractor, text) if f.value == value)
    assert (fact.province, fact.place) == (province, place)
    assert fact.province_2025 == load_gazetteer().to_2025(province)


def test_a_long_subject_starts_at_its_measure_word(extractor):
    text = "Theo Sở, tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến của tỉnh trong năm đạt 98,2%."
    fact = facts_of(extractor, text)[0]
    assert fact.counted == "tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến của tỉnh trong năm"
    assert fact.surface.startswith("tỷ lệ hồ sơ") and fact.surface.endswith("98,2%")
