"""What each figure is read as, rule by rule, on sentences written for these tests in the shapes provincial
news uses. Each row: a text, the value of one of its figures, and the attributes that figure must have."""
import pytest

from cds_facts.tasks.io.reference import read_catalogue_csv
from cds_facts.tasks.language.places import load_gazetteer
from cds_facts.tasks.meaning.extract import Extractor
from cds_facts.tasks.meaning.indicators import Catalogue
from cds_facts.tasks.models import Article

from conftest import vn


@pytest.fixture(scope="module")
def extractor():
    return Extractor(Catalogue(read_catalogue_csv()), load_gazetteer())


def read(extractor, text, value, province="Quảng Trị", published=vn(2025, 3, 1)):
    facts = extractor.facts(Article("d", None, None, published, (), province, text))
    found = [f for f in facts if f.value == value]
    assert len(found) == 1, f"{value} read {len(found)} times from {text!r}: {facts}"
    return found[0]


def check(fact, expected):
    assert {name: getattr(fact, name) for name in expected} == expected


@pytest.mark.parametrize("text, value, expected", [
    # the province the article is about, unless the clause names another or a scope above provinces
    ("Toàn tỉnh có 1.240 trạm BTS; cả nước có 112.000 trạm BTS.", 1240,
     {"scope": "province", "province": "Quảng Trị", "indicator": "infra.bts_stations"}),
    ("Toàn tỉnh có 1.240 trạm BTS; cả nước có 112.000 trạm BTS.", 112000,
     {"scope": "national", "province": None, "indicator": "infra.bts_stations"}),
    # a source named first is not the subject
    ("Theo Bộ Thông tin và Truyền thông, cả nước đã có 4.500 dịch vụ công trực tuyến toàn trình.", 4500,
     {"scope": "national", "province": None}),
    ("Tính chung cả nước, tỷ lệ hồ sơ trực tuyến đạt 45%, trong khi Hà Tĩnh đạt 52%.", 45,
     {"scope": "national", "indicator": "gov.online_dossier_rate"}),
    ("Tính chung cả nước, tỷ lệ hồ sơ trực tuyến đạt 45%, trong khi Hà Tĩnh đạt 52%.", 52,
     {"scope": "province", "province": "Hà Tĩnh", "indicator": "gov.online_dossier_rate"}),
    ("Tỷ lệ người dân có tài khoản thanh toán điện tử đạt gần 70%, cao hơn mức trung bình cả nước là 65%.", 65,
     {"scope": "national", "province": None}),
    ("Tỷ lệ người dân có tài khoản thanh toán điện tử đạt gần 70%, cao hơn mức trung bình cả nước là 65%.", 70,
     {"scope": "province", "province": "Quảng Trị", "qualifier": "approx"}),
    ("Bộ Tư pháp có 98% hồ sơ được xử lý trực tuyến.", 98, {"scope": "ministry", "province": None}),
    ("Theo bảng xếp hạng Chính phủ điện tử của Liên Hợp Quốc, Việt Nam xếp thứ 71/193 quốc gia.", 71,
     {"scope": "international", "province": None, "indicator": "index.egov_rank_un"}),
    # a place inside the province: the most specific unit named before the figure
    ("Huyện Hải Lăng có 95% hộ gia đình sử dụng Internet cáp quang.", 95,
     {"scope": "place", "place": "huyện Hải Lăng", "province": "Quảng Trị"}),
    ("Tại xã Cam Hiếu (huyện Cam Lộ), 1.200 người dân đã cài đặt ứng dụng VNeID.", 1200,
     {"scope": "place", "place": "xã Cam Hiếu"}),
    # another province named in the clause is the subject from there on
    ("Tỉnh Quảng Bình có 900 trạm BTS, tỉnh Quảng Trị có 700 trạm.", 900,
     {"province": "Quảng Bình", "indicator": "infra.bts_stations"}),
    ("Tỉnh Quảng Bình có 900 trạm BTS, tỉnh Quảng Trị có 700 trạm.", 700, {"province": "Quảng Trị"}),
])
def test_whose_figure(extractor, text, value, expected):
    check(read(extractor, text, value), expected)


@pytest.mark.parametrize("text, value, province, expected", [
    # an article about no province (a ministry's, the country's: Gazetteer.main_province gives None): a figure
    # takes a province only where its own clause names one
    ("Toàn ngành đã cung cấp 1.200 dịch vụ công trực tuyến toàn trình.", 1200, None,
     {"province": None, "indicator": "gov.online_public_services_full"}),
    ("Bộ đã số hóa 2,5 triệu hồ sơ; riêng Sở Tư pháp Nghệ An số hóa 40.000 hồ sơ.", 2_500_000, None,
     {"province": None}),
    ("Bộ đã số hóa 2,5 triệu hồ sơ; riêng Sở Tư pháp Nghệ An số hóa 40.000 hồ sơ.", 40_000, None,
     {"province": "Nghệ An"}),
    # the country's figures, however they open: "bình quân chung", "trung bình", in parentheses after it
    ("Bình quân chung cả nước, tỷ lệ hồ sơ trực tuyến đạt 48,5%.", 48.5, "Quảng Trị",
     {"scope": "national", "province": None, "indicator": "gov.online_dossier_rate"}),
    ("Tỷ lệ hồ sơ trực tuyến của tỉnh đạt 52%, cao hơn bình quân chung cả nước (45%).", 45, "Quảng Trị",
     {"scope": "national", "province": None, "indicator": "gov.online_dossier_rate"}),
    ("Tỷ lệ hồ sơ trực tuyến của tỉnh đạt 52%, cao hơn bình quân chung cả nước (45%).", 52, "Quảng Trị",
     {"scope": "province", "province": "Quảng Trị", "indicator": "gov.online_dossier_rate"}),
    ("Tỷ lệ thanh toán không dùng tiền mặt đạt 60%, so với cả nước (48%) vẫn cao hơn.", 48, "Quảng Trị",
     {"scope": "national", "province": None}),
    # the provinces together are no one province; named, each is its own
    ("Các bộ, ngành đã cung cấp 2.100 dịch vụ công trực tuyến; các địa phương cung cấp 6.000 dịch vụ.", 6000,
     "Quảng Trị", {"scope": None, "province": None}),
    ("Các bộ, ngành đã cung cấp 2.100 dịch vụ công trực tuyến; các địa phương cung cấp 6.000 dịch vụ.", 2100,
     "Quảng Trị", {"scope": "ministry", "province": None}),
    ("63 tỉnh, thành phố đã kết nối 1.500 dịch vụ với Cổng Dịch vụ công quốc gia.", 1500, "Quảng Trị",
     {"province": None}),
    ("Theo Bộ, tỷ lệ hồ sơ trực tuyến của các địa phương đạt 60%.", 60, "Quảng Trị", {"province": None}),
    ("Tỷ lệ hồ sơ trực tuyến của Bộ Tư pháp đạt 98%.", 98, "Quảng Trị", {"scope": "ministry", "province": None}),
    ("Các tỉnh Quảng Bình, Hà Tĩnh có 900 trạm BTS.", 900, "Quảng Trị", {"province": None}),  # both: neither alone
    # "bộ" that names no ministry: the province's own figure
    ("Bộ đội biên phòng tỉnh đã hỗ trợ 300 hộ dân cài đặt VNeID.", 300, "Quảng Trị",
     {"scope": "province", "province": "Quảng Trị"}),
    # a ministry listed among provinces is no province
    ("Các đơn vị có tỷ lệ hồ sơ trực tuyến cao gồm: Bắc Ninh (92%), Quảng Ninh (90%), Bộ Công an (88%).", 88,
     "Quảng Trị", {"scope": "ministry", "province": None}),
    ("Các đơn vị có tỷ lệ hồ sơ trực tuyến cao gồm: Bắc Ninh (92%), Quảng Ninh (90%), Bộ Công an (88%).", 90,
     "Quảng Trị", {"province": "Quảng Ninh"}),
    # a source's verb with no comma after it ends its preamble too; what a national source says with no
    # subject of its own is nobody's known; "toàn tỉnh", a rank out of the provinces, a provincial body are
    # the province's
    ("Bộ Thông tin và Truyền thông cho biết cả nước có 110.000 trạm BTS.", 110_000, "Quảng Trị",
     {"scope": "national", "province": None, "indicator": "infra.bts_stations"}),
    ("Theo báo cáo của Bộ Công Thương, có 60% doanh nghiệp sử dụng hợp đồng điện tử.", 60, "Quảng Trị",
     {"scope": None, "province": None, "subject_evidence": "source:Bộ Công Thương"}),
    ("Theo Bộ Thông tin và Truyền thông, toàn tỉnh có 1.240 trạm BTS.", 1240, "Quảng Trị",
     {"scope": "province", "province": "Quảng Trị"}),
    ("Theo Bộ Thông tin và Truyền thông, tỉnh xếp thứ 28/63 về chỉ số DTI.", 28, "Quảng Trị",
     {"scope": "province", "province": "Quảng Trị", "indicator": "dti.rank"}),
    ("Theo báo cáo của UBND tỉnh gửi Bộ Thông tin và Truyền thông, tỷ lệ hồ sơ trực tuyến đạt 68%.", 68, "Quảng Trị",
     {"scope": "province", "province": "Quảng Trị"}),
    # the central government's goals are the country's, and its directive sets a goal
    ("Thủ tướng yêu cầu các bộ, ngành đạt 80% hồ sơ trực tuyến toàn trình.", 80, "Quảng Trị",
     {"scope": "national", "province": None, "status": "target"}),
    ("Để đáp ứng yêu cầu, tỉnh đã số hóa 80% hồ sơ.", 80, "Quảng Trị", {"province": "Quảng Trị", "status": "actual"}),
    ("Chính phủ số là trụ cột đầu tiên; tỉnh có 95% hồ sơ trực tuyến.", 95, "Quảng Trị", {"province": "Quảng Trị"}),
    # the country as what a figure's words are said of, not as a scale or a comparison's base
    ("Ngành Thông tin và Truyền thông cả nước có 1.200 doanh nghiệp công nghệ số.", 1200, "Quảng Trị",
     {"scope": "national", "province": None}),
    ("Tỷ lệ hồ sơ trực tuyến của tỉnh cao nhất cả nước với 80%.", 80, "Quảng Trị", {"province": "Quảng Trị"}),
    ("Tỷ lệ hồ sơ trực tuyến vượt mức trung bình cả nước với 68%.", 68, "Quảng Trị", {"province": "Quảng Trị"}),
    ("Tỷ lệ hồ sơ trực tuyến đạt 52%, cao hơn mức trung bình cả nước là 45%.", 45, "Quảng Trị",
     {"scope": "national", "province": None, "indicator": "gov.online_dossier_rate"}),
    # a clause part opening on the province is its own subject, whoever the clause opened on
    ("Cả nước có 70.000 doanh nghiệp công nghệ số, tỉnh có 1.200 doanh nghiệp.", 1200, "Quảng Trị",
     {"scope": "province", "province": "Quảng Trị"}),
    # an agency of the article's province after a province's figure is the province's
    ("Quảng Trị đạt 68%; Sở Tư pháp 95%.", 95, "Quảng Trị", {"province": "Quảng Trị"}),
    # a count of provinces is no province's; a province named in a list of them owns its own figure
    ("Quảng Trị là một trong 10 tỉnh có tỷ lệ hồ sơ trực tuyến cao nhất, đạt 68%.", 10, "Quảng Trị",
     {"scope": None, "province": None}),
    ("Quảng Trị là một trong 10 tỉnh có tỷ lệ hồ sơ trực tuyến cao nhất, đạt 68%.", 68, "Quảng Trị",
     {"province": "Quảng Trị"}),
    ("Quảng Ninh có 6.038 trạm BTS, Hải Phòng 5.000 trạm.", 5000, "Quảng Trị", {"province": "Hải Phòng"}),
])
def test_whose_figure_when_the_article_or_the_clause_is_about_another_subject(extractor, text, value, province,
                                                                                expected):
    check(read(extractor, text, value, province=province), expected)


@pytest.mark.parametrize("text, value, expected", [
    # "lần lượt": figures pair with the provinces before it, in order, and share the year after the list
    ("Các tỉnh Quảng Bình, Hà Tĩnh lần lượt xếp thứ 20 và 25 về chỉ số DTI năm 2023.", 20,
     {"province": "Quảng Bình", "indicator": "dti.rank", "period_year": 2023}),
    ("Các tỉnh Quảng Bình, Hà Tĩnh lần lượt xếp thứ 20 và 25 về chỉ số DTI năm 2023.", 25,
     {"province": "Hà Tĩnh", "indicator": "dti.rank", "period_year": 2023}),
    # units listed with their figures in parentheses: each its own, of the same measure
    ("Tỷ lệ hồ sơ trực tuyến của Đà Nẵng (67%), Hòa Bình (86,5%) và Lào Cai (75,2%) đều cao.", 86.5,
     {"province": "Hòa Bình", "indicator": "gov.online_dossier_rate", "evidence": "listed with d:36"}),
    ("Đà Nẵng và Huế lần lượt đạt 0,8340 và 0,7951 điểm.", 0.834, {"kind": "score", "province": "Đà Nẵng"}),
    ("Quận Hải Châu, quận Thanh Khê đạt lần lượt 92% và 88% hồ sơ trực tuyến.", 92, {"place": "quận Hải Châu"}),
    ("Quận Hải Châu, quận Thanh Khê đạt lần lượt 92% và 88% hồ sơ trực tuyến.", 88, {"place": "quận Thanh Khê"}),
    # each pillar named with its own rank
    ("Trụ cột chính quyền số của tỉnh xếp thứ 15, kinh tế số xếp thứ 40 và xã hội số xếp thứ 22.", 15,
     {"indicator": "dti.rank_digital_government"}),
    ("Trụ cột chính quyền số của tỉnh xếp thứ 15, kinh tế số xếp thứ 40 và xã hội số xếp thứ 22.", 40,
     {"indicator": "dti.rank_digital_economy"}),
    ("Trụ cột chính quyền số của tỉnh xếp thứ 15, kinh tế số xếp thứ 40 và xã hội số xếp thứ 22.", 22,
     {"indicator": "dti.rank_digital_society"}),
    # an index's rank and score are of its table's year, not of when it was published
    ("Chỉ số DTI năm 2023 do Bộ Thông tin và Truyền thông công bố tháng 7/2024, Quảng Trị xếp thứ 28/63.", 28,
     {"indicator": "dti.rank", "period_year": 2023, "denominator": 63}),
    ("Chỉ số DTI năm 2023 của tỉnh đạt 0,48 điểm, xếp thứ 30/63 tỉnh, thành phố.", 0.48,
     {"kind": "score", "indicator": "dti.score", "period_year": 2023}),
    # the index named in the sentence before, and the year the sentence opens with
    ("Năm 2022, tỉnh xếp thứ 35/63 về chỉ số chuyển đổi số. Năm 2023, tỉnh tăng 7 bậc, xếp thứ 28/63.", 28,
     {"indicator": "dti.rank", "period_year": 2023}),
    # a comparison never sets a year
    ("Hiện tỉnh có 2.600 trạm BTS (tăng 150 trạm so với cuối năm 2023).", 150,
     {"change": "increase", "period_year": None}),
    # a change in rank is no rank, and says what changed only through "change"
    ("Năm 2022, tỉnh xếp thứ 35/63 về chỉ số chuyển đổi số. Năm 2023, tỉnh tăng 7 bậc, xếp thứ 28/63.", 7,
     {"change": "increase", "indicator": None}),
    # no national index rank: an agency's or a district's place in the province's own ranking, a region's
    # table, or a rank in something the catalogue does not rank
    ("Sở Nội vụ xếp thứ 2 về chỉ số cải cách hành chính của các sở, ngành.", 2, {"indicator": None}),
    ("Huyện Gio Linh đứng thứ 3 về chuyển đổi số cấp huyện.", 3, {"indicator": None}),
    ("Trong bảng xếp hạng cải cách hành chính của các sở, đứng thứ 3 là Sở Giáo dục và Đào tạo.", 3,
     {"indicator": None}),
    ("Tỉnh xếp thứ 4/14 tỉnh vùng Bắc Trung Bộ và Duyên hải miền Trung về chuyển đổi số.", 4, {"indicator": None}),
    ("Tỉnh dẫn đầu cả nước về tỷ lệ hồ sơ trực tuyến, xếp thứ 1.", 1, {"indicator": None}),
    # a score whose subject says it is one
    ("Năm 2023, điểm chính quyền số của tỉnh là 0,6512, xếp thứ 25.", 0.6512,
     {"kind": "score", "indicator": "dti.score_digital_government", "period_year": 2023}),
    ("Điểm phục vụ bưu chính của tỉnh là 120.", 120, {"kind": "count"}),
    # the index or table named right after the figure
    ("Năm 2022, tỉnh đạt 0,5967 điểm DTI.", 0.5967, {"kind": "score", "indicator": "dti.score", "period_year": 2022}),
    ("Năm 2024, tỉnh tăng 3 bậc, lên vị trí thứ 23 trên bảng xếp hạng chuyển đổi số cấp tỉnh.", 23,
     {"indicator": "dti.rank", "period_year": 2024}),
    ("Năm 2024, tỉnh xếp thứ 5 trên bảng xếp hạng Chỉ số hài lòng của người dân.", 5, {"indicator": None}),
    # a bound on a rank
    ("Quảng Trị nằm trong nhóm 10 tỉnh dẫn đầu về chuyển đổi số.", 10, {"kind": "rank", "qualifier": "at_most"}),
    # the province's place in the national PAR table
    ("Ủy ban nhân dân tỉnh xếp thứ 12/63 về chỉ số cải cách hành chính.", 12, {"indicator": "index.par_rank"}),
    # a list after a heading: each province named takes the heading's index, none of the figure before it
    ("Kết quả DTI 2023: Quảng Trị đứng thứ 20/63, Nghệ An thứ 25/63.", 25,
     {"indicator": "dti.rank", "province": "Nghệ An", "period_year": 2023}),
    ("Trụ cột chính quyền số xếp thứ 40/63; Đà Nẵng xếp thứ 1/63.", 1, {"indicator": None, "province": "Đà Nẵng"}),
    # a pillar as the rank's subject on the index's table is the pillar's rank, of the year its sentence names
    ("Về kinh tế số, tỉnh đứng thứ 20/63; xã hội số đứng thứ 15/63 trong bảng xếp hạng DTI 2023.", 15,
     {"indicator": "dti.rank_digital_society", "period_year": 2023}),
    ("Về kinh tế số, tỉnh đứng thứ 20/63; xã hội số đứng thứ 15/63 trong bảng xếp hạng DTI 2023.", 20,
     {"indicator": "dti.rank_digital_economy", "period_year": 2023}),
])
def test_ranks_and_their_index(extractor, text, value, expected):
    check(read(extractor, text, value), expected)


@pytest.mark.parametrize("text, value, expected", [
    # the place named after a rank holds it, and ranks listed so keep the index their sentence names
    ("Trên bảng xếp hạng DTI năm 2023, Đà Nẵng dẫn đầu; ở vị trí thứ 2 là Hà Nội, thứ 3 là Thừa Thiên Huế.", 2,
     {"province": "Hà Nội", "indicator": "dti.rank", "period_year": 2023}),
    ("Trên bảng xếp hạng DTI năm 2023, Đà Nẵng dẫn đầu; ở vị trí thứ 2 là Hà Nội, thứ 3 là Thừa Thiên Huế.", 3,
     {"province": "Huế", "indicator": "dti.rank", "period_year": 2023}),
    ("Về chỉ số DTI năm 2022, vị trí thứ 5 thuộc về tỉnh Quảng Ninh.", 5, {"province": "Quảng Ninh"}),
    # an index's words inside a body's name are no index: no evidence, no indicator
    ("Với sự vào cuộc của Ban Chỉ đạo chuyển đổi số, năm 2024 tỉnh xếp thứ 12/63.", 12, {"indicator": None}),
    ("Tại Hội nghị chuyển đổi số, tỉnh được biểu dương, xếp thứ 5/63.", 5, {"indicator": None}),
    ("Ban Chỉ đạo chuyển đổi số tỉnh cho biết, chỉ số DTI năm 2023 của tỉnh xếp thứ 12/63.", 12,
     {"indicator": "dti.rank", "period_year": 2023}),
    # a source's preamble is no subject: the agency that says it does not hold the rank
    ("Bộ Thông tin và Truyền thông công bố DTI năm 2023: tỉnh đứng thứ 25/63, chính quyền số đứng thứ 18/63.", 25,
     {"indicator": "dti.rank", "province": "Quảng Trị", "scope": "province", "period_year": 2023}),
    ("Bộ Thông tin và Truyền thông công bố DTI năm 2023: tỉnh đứng thứ 25/63, chính quyền số đứng thứ 18/63.", 18,
     {"indicator": "dti.rank_digital_government", "province": "Quảng Trị"}),
    ("Sở Thông tin và Truyền thông cho biết, năm 2023 tỉnh xếp thứ 5/63 về chỉ số DTI.", 5,
     {"indicator": "dti.rank", "province": "Quảng Trị"}),
    # a pillar named in the figure's clause: the pillar's rank, not the overall one
    ("Về trụ cột chính quyền số, tỉnh xếp thứ 12/63.", 12, {"indicator": "dti.rank_digital_government"}),
])
def test_who_holds_a_rank(extractor, text, value, expected):
    check(read(extractor, text, value), expected)


@pytest.mark.parametrize("text, value, expected", [
    # the year the paragraph opens with carries to its later sentences
    ("Năm 2023, tỉnh có 900 dịch vụ công trực tuyến toàn trình. Tỷ lệ hồ sơ trực tuyến đạt 60%.", 60,
     {"period_year": 2023, "status": "actual", "indicator": "gov.online_dossier_rate"}),
    # a goal and its deadline; the clause after it with a year of its own is a result
    ("Đến năm 2025, tỉnh phấn đấu 80% hồ sơ thủ tục hành chính được xử lý trực tuyến; năm 2024 đạt 65%.", 80,
     {"period_year": 2025, "status": "target", "indicator": "gov.online_dossier_rate"}),
    ("Đến năm 2025, tỉnh phấn đấu 80% hồ sơ thủ tục hành chính được xử lý trực tuyến; năm 2024 đạt 65%.", 65,
     {"period_year": 2024, "status": "actual", "indicator": "gov.online_dossier_rate"}),
    ("Theo kế hoạch, năm 2025 tỉnh sẽ có 50% doanh nghiệp nhỏ và vừa sử dụng nền tảng số.", 50,
     {"period_year": 2025, "status": "target"}),
    ("Mục tiêu đến năm 2030, kinh tế số chiếm 30% GRDP.", 30, {"period_year": 2030, "status": "target"}),
    ("Các chỉ tiêu về hạ tầng số đều đạt trên 90%.", 90, {"status": "actual", "qualifier": "more_than"}),
    # where things stand now, after a goal: a result, of no year the goal set
    ("Tỉnh đặt mục tiêu năm 2025 có 100% dịch vụ công được cung cấp trực tuyến toàn trình; hiện đã đạt 78%.", 78,
     {"period_year": None, "status": "actual"}),
    ("Tỉnh đặt mục tiêu năm 2025 có 100% dịch vụ công được cung cấp trực tuyến toàn trình; hiện đã đạt 78%.", 100,
     {"period_year": 2025, "status": "target"}),
    # no year said: none is guessed
    ("Toàn tỉnh hiện có khoảng 3.500 doanh nghiệp công nghệ số.", 3500,
     {"period_year": None, "qualifier": "approx", "indicator": "econ.digital_enterprises"}),
    # a span from a year until now dates a figure to no one year; a year it opens with alone still does
    ("Từ năm 2021 đến nay, tỉnh đã cấp 10.000 chứng thư số.", 10000, {"period_year": None}),
    ("Từ năm 2023, tỉnh có 1.500 dịch vụ công trực tuyến toàn trình.", 1500, {"period_year": 2023}),
    # a figure in parentheses after what it is compared with is of the period compared with, or of none known
    ("Tỷ lệ hồ sơ trực tuyến năm 2024 đạt 75%, tăng so với năm 2022 (60%).", 60,
     {"period_year": 2022, "indicator": "gov.online_dossier_rate"}),
    ("Năm 2024 tỷ lệ hồ sơ trực tuyến đạt 75%, tăng so với cùng kỳ (60%).", 60, {"period_year": None}),
    ("Năm 2024, tỉnh xếp thứ 20/63 về DTI, tăng 5 bậc so với năm 2023 (thứ 25/63).", 25,
     {"period_year": 2023, "indicator": "dti.rank"}),
])
def test_year_and_status(extractor, text, value, expected):
    check(read(extractor, text, value), expected)


@pytest.mark.parametrize("text, value, expected", [
    # "năm nay" is the article's year (published 2025 here); "năm ngoái" the one before; compared, neither
    ("Năm nay, tỉnh phấn đấu có 95% hồ sơ được xử lý trực tuyến.", 95, {"period_year": 2025, "status": "target"}),
    ("Trong năm nay, toàn tỉnh đã lắp đặt 120 trạm BTS.", 120, {"period_year": 2025, "indicator": "infra.bts_stations"}),
    ("Năm ngoái, tỉnh có 1.300 trạm BTS.", 1300, {"period_year": 2024}),
    ("Tỉnh có 1.500 trạm BTS, nhiều hơn so với năm ngoái.", 1500, {"period_year": None}),
    ("Năm nay, tỉnh có 1.500 trạm BTS, tăng 200 trạm so với năm 2022.", 1500, {"period_year": 2025}),
])
def test_years_said_from_the_articles_own(extractor, text, value, expected):
    check(read(extractor, text, value), expected)


@pytest.mark.parametrize("text, value, expected", [
    # a percent whose own words name only a level or a year says the measure before it again
    ("Tỷ lệ hồ sơ xử lý trực tuyến cấp tỉnh đạt 90%, cấp huyện đạt 70%, cấp xã đạt 55%.", 55,
     {"indicator": "gov.online_dossier_rate"}),
    # a ratio and its share
    ("Có 1.500/2.000 hồ sơ được giải quyết trực tuyến, đạt 75%.", 1500,
     {"kind": "ratio", "denominator": 2000, "indicator": "gov.online_dossiers"}),
    ("Có 1.500/2.000 hồ sơ được giải quyết trực tuyến, đạt 75%.", 75, {"indicator": "gov.online_dossier_rate"}),
    # a rate per hundred inhabitants is a ratio, and a value only of a rate per hundred of the same
    ("Số thuê bao di động trên 100 dân đạt 125.", 125,
     {"kind": "ratio", "denominator": 100, "indicator": "infra.mobile_subscribers_per_100"}),
    ("Tỉnh có 85 thuê bao di động/100 dân.", 85,
     {"kind": "ratio", "denominator": 100, "indicator": "infra.mobile_subscribers_per_100"}),
    ("Tỉnh có 30 thuê bao băng rộng cố định/100 hộ gia đình.", 30,
     {"kind": "ratio", "denominator": 100, "indicator": None}),
    # ... while "trên 100 người" elsewhere is a count with a bound
    ("Có trên 100 người dân tham gia lớp tập huấn kỹ năng số.", 100, {"kind": "count", "qualifier": "more_than"}),
    # a share out of another whole than the indicator's is none of its values
    ("Tỷ lệ người dùng điện thoại thông minh trên tổng số người sử dụng di động đạt 85%.", 85, {"indicator": None}),
    ("Tỷ lệ người dân có điện thoại thông minh trên tổng dân số đạt 85%.", 85, {"indicator": "soc.smartphone_rate"}),
    ("Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ tiếp nhận đạt 75%.", 75,
     {"indicator": "gov.online_dossier_rate"}),
    ("Tỷ lệ hồ sơ giải quyết trực tuyến đạt 75% trên tổng số gần 20.000 hồ sơ.", 75,
     {"indicator": "gov.online_dossier_rate"}),
    # what is counted must be what the indicator counts
    ("Số trạm BTS tăng 120 trạm so với năm 2022, nâng tổng số lên 1.360 trạm.", 120,
     {"change": "increase", "indicator": None}),
    ("Đã có 11,07 triệu lượt truy cập Cổng dịch vụ công của tỉnh.", 11_070_000, {"indicator": "gov.portal_visits"}),
    ("Tỷ lệ dân số trưởng thành có điện thoại thông minh đạt 85,5%, tăng 3,2% so với cùng kỳ năm trước.", 3.2,
     {"change": "increase", "indicator": None}),
    # a counted figure measures its own words: a purpose or another clause before it names what it does not
    # count; a topic before it, or a predicate figure's subject across a comma, still says what it measures
    ("Để nâng tỷ lệ hồ sơ trực tuyến, tỉnh đã hỗ trợ 85% người dân cài đặt ứng dụng VNeID.", 85, {"indicator": None}),
    ("Hệ thống dịch vụ công trực tuyến vận hành ổn định, 95% cán bộ, công chức sử dụng thành thạo.", 95,
     {"indicator": None}),
    ("Về dịch vụ công trực tuyến, tỉnh đã cung cấp 1.200 dịch vụ.", 1200, {"indicator": "gov.online_public_services"}),
    ("Tỷ lệ hồ sơ trực tuyến được cải thiện, đạt 65%.", 65, {"indicator": "gov.online_dossier_rate"}),
    ("Tổng số trạm thông tin di động (BTS) trên địa bàn tỉnh là 4.970.", 4970,
     {"indicator": "infra.bts_stations", "counted": "Tổng số trạm thông tin di động (BTS) trên địa bàn tỉnh"}),
    # a noun with a name after it starts a subject of its own, no item of the list the figure counts
    ("Cả nước có 4.500 dịch vụ công trực tuyến toàn trình, tỉnh Quảng Trị có 1.200 dịch vụ.", 4500,
     {"counted": "dịch vụ công trực tuyến toàn trình"}),
    ("Trong khi cả nước đạt 45%, tỉnh đạt 68% hồ sơ trực tuyến.", 45, {"counted": "Trong khi cả nước", "scope": "national"}),
    # a part of a total is linked to it
    ("Tỉnh có 47 xã, trong đó 20 xã đạt chuẩn nông thôn mới kiểu mẫu.", 20, {"part_of": "d:8"}),
])
def test_what_a_figure_measures(extractor, text, value, expected):
    check(read(extractor, text, value), expected)


@pytest.mark.parametrize("text", [
    "Phần mềm 158 được triển khai tới các xã.",  # a product's name
    "Trung tâm dữ liệu của tỉnh đạt chuẩn Tier 3 và chứng nhận ISO 27001.",  # standards
    "Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10, tỉnh tổ chức nhiều hoạt động.",  # a named day
    "Tỉnh vẫn nằm trong nhóm 10 tỉnh đứng cuối bảng xếp hạng DTI.",  # a bottom group is no rank of the province
    "Cố Tổng Bí thư Lê Duẩn (1907-1986) là người con của quê hương.",  # a life's years
    "Doanh thu thương mại điện tử đạt 50 triệu USD.",  # money in another currency: no VND figure
    "Tài khoản định danh điện tử mức 2 đã được kích hoạt.",  # a level's number
    "Tổng đài 1900 1075 hỗ trợ người dân 24/7.",  # a service number, round the clock
])
def test_numbers_that_are_no_figure(extractor, text):
    assert extractor.facts(Article("d", None, None, vn(2025, 3, 1), (), "Quảng Trị", text)) == []


def test_every_indicator_carries_its_evidence(extractor):
    text = ("Năm 2024, tỉnh có 1.240 trạm BTS, 85 thuê bao di động/100 dân; tỷ lệ hồ sơ xử lý trực tuyến cấp "
            "tỉnh đạt 90%, cấp huyện đạt 70%.")
    facts = extractor.facts(Article("d", None, None, vn(2025, 3, 1), (), "Quảng Trị", text))
    assert [(f.indicator, f.evidence) for f in facts] == [
        ("infra.bts_stations", "cue:trạm bts"),
        ("infra.mobile_subscribers_per_100", "cue:thuê bao di động/100 dân"),
        ("gov.online_dossier_rate", "cue:hồ sơ … xử lý trực tuyến"),
        ("gov.online_dossier_rate", f"same measure as {facts[2].fact_id}"),
    ]


def test_the_reading_is_the_same_in_every_process():
    """Python orders a set of words differently in each process (hash randomisation); what a figure is read
    as, its evidence included, must not follow that order."""
    import os
    import subprocess
    import sys

    text = "100% văn bản đi (trừ văn bản mật) được ký số hoặc số hóa; 85% hồ sơ được giải quyết trực tuyến."
    program = ("import sys; from cds_facts.tasks.io.reference import read_catalogue_csv; "
               "from cds_facts.tasks.language.places import load_gazetteer; "
               "from cds_facts.tasks.meaning.extract import Extractor; from cds_facts.tasks.meaning.indicators "
               "import Catalogue; from cds_facts.tasks.models import Article; "
               "ex = Extractor(Catalogue(read_catalogue_csv()), load_gazetteer()); "
               "print([(f.indicator, f.evidence) for f in ex.facts(Article('d', None, None, None, (), 'Nam Định', "
               "sys.argv[1]))])")
    readings = {subprocess.run([sys.executable, "-c", program, text], capture_output=True, text=True, check=True,
                               env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(1, 7)}
    assert len(readings) == 1, readings
    assert "cue:văn bản … được ký số" in readings.pop()


# One row per rule and per veto of the indicator table (tasks/meaning/indicator_rules.py): which decided,
# and the evidence it gives (None: the figure is left without an indicator).
RULE_ROWS = [
    ("index", "Năm 2023, tỉnh xếp thứ 15/63 về chỉ số DTI.", 15, "dti.rank", "cue:chỉ số dti"),
    ("compared", "Ứng dụng được tải 793.050 lượt, tương đương 101,3% số người dân có điện thoại thông minh.", 101.3,
     None, None),
    ("breakdown", "Tỷ lệ hồ sơ xử lý trực tuyến đạt 80,79% (cấp tỉnh đạt 81,38%, cấp huyện đạt 72,8%).", 81.38,
     "gov.online_dossier_rate", "part of "),
    ("breakdown", "Tỷ lệ hồ sơ trực tuyến của Đà Nẵng (67%), Hòa Bình (86,5%) đều cao.", 86.5,
     "gov.online_dossier_rate", "listed with "),
    ("share", "Đã có 1.512/1.568 thôn (khoảng 96,4%) có hạ tầng băng rộng cố định.", 96.4,
     "infra.village_fixed_broadband", "share of "),
    ("share", "Cấp tỉnh đã số hóa 57.877 hồ sơ, đạt 99,1%.", 99.1, "gov.dossier_digitization_rate", "cue:"),
    ("cue", "Toàn tỉnh có 1.240 trạm BTS.", 1240, "infra.bts_stations", "cue:trạm bts"),
    ("named before", "Tỉnh thành lập Tổ công nghệ số cộng đồng ở tất cả các xã. Đến nay có 1.200 tổ đi vào hoạt "
     "động.", 1200, "soc.community_tech_teams", "named before:tổ công nghệ số cộng đồng"),
    ("same measure", "Tỷ lệ hồ sơ xử lý trực tuyến cấp tỉnh đạt 90%, cấp huyện đạt 70%.", 70,
     "gov.online_dossier_rate", "same measure as "),
    ("same measure", "Tỷ lệ hồ sơ trực tuyến năm 2023 của một số địa phương: Đà Nẵng 67%, Hòa Bình 86,5%.", 86.5,
     "gov.online_dossier_rate", "same measure as "),
    ("respectively", "Đà Nẵng, Hà Nội, Quảng Ninh có tỷ lệ hồ sơ trực tuyến lần lượt là 90%, 88%, 85%.", 85,
     "gov.online_dossier_rate", "respectively with "),
    ("per hundred", "Tỉnh có 85 thuê bao Internet/100 dân.", 85, None, None),
    ("per unit", "Bình quân mỗi xã có 5 tổ công nghệ số cộng đồng.", 5, None, None),
    ("share base", "Tỷ lệ người dùng điện thoại thông minh đạt 80% trên tổng số người sử dụng di động.", 80,
     None, None),
]


@pytest.mark.parametrize("rule, text, value, indicator, evidence", RULE_ROWS)
def test_every_indicator_rule_and_veto(extractor, rule, text, value, indicator, evidence):
    fact = read(extractor, text, value)
    assert fact.indicator == indicator
    assert (fact.evidence is None) if evidence is None else fact.evidence.startswith(evidence), fact.evidence


def test_the_rule_table_has_a_row_for_each_rule_and_veto():
    from cds_facts.tasks.meaning.indicator_rules import RULES

    named = {rule.name for rule in RULES} | {name for rule in RULES for name, _ in rule.vetoes}
    assert named == {row[0] for row in RULE_ROWS}


# One row per rule of the subject resolver (tasks/meaning/subjects.py): whose the figure is, and the evidence
# it gives, "rule:words". The article is about Quảng Trị unless the row says otherwise.
SUBJECT_ROWS = [
    ("countries ranked", "Việt Nam xếp thứ 71/193 quốc gia về Chính phủ điện tử.", 71, "Quảng Trị",
     ("international", None, "countries ranked:/193")),
    ("countries ranked", "Tốc độ Internet di động của Việt Nam xếp thứ 46 thế giới.", 46, "Quảng Trị",
     ("international", None, "countries ranked:thế giới")),
    ("clause", "Bộ Công an đạt 92,17% hồ sơ trực tuyến.", 92.17, "Quảng Trị", ("ministry", None, "clause:Bộ Công an")),
    ("clause", "Chính phủ đặt mục tiêu có 80% hồ sơ được xử lý trực tuyến.", 80, "Quảng Trị",
     ("national", None, "clause:Chính phủ")),
    ("clause", "Các địa phương cung cấp 6.000 dịch vụ công trực tuyến.", 6000, "Quảng Trị",
     (None, None, "clause:Các địa phương")),  # the provinces together: no one province's, and the contract has no scope
    ("ministry named", "Dẫn đầu về tỷ lệ hồ sơ trực tuyến là Bộ Công an với 95%, tiếp đến là Bộ Tài chính với 90%.", 90,
     "Quảng Trị", ("ministry", None, "ministry named:Bộ Tài chính")),
    ("owner", "Tỷ lệ hồ sơ trực tuyến của Bộ Tư pháp đạt 98%.", 98, "Quảng Trị", ("ministry", None, "owner:của Bộ Tư pháp")),
    ("national in subject", "Tỷ trọng kinh tế số trong GDP cả nước đạt 12,3%.", 12.3, "Quảng Trị",
     ("national", None, "national in subject:cả nước")),
    ("national with", "Tỷ lệ đạt 25%, cao hơn mức bình quân 20% của cả nước.", 20, "Quảng Trị",
     ("national", None, "national with:của cả nước")),
    ("national with", "Tỷ lệ hồ sơ trực tuyến đạt 52%, cao hơn bình quân chung cả nước (45%).", 45, "Quảng Trị",
     ("national", None, "national with:cả nước")),
    ("provinces counted", "Trong 63 tỉnh, thành phố, có 20 tỉnh đạt trên 50% hồ sơ trực tuyến.", 50, "Quảng Trị",
     (None, None, "provinces counted:20 tỉnh")),
    ("paired", "TP.HCM và Quảng Ninh lần lượt xếp thứ 2 và 3 về DTI năm 2023.", 3, "Quảng Trị",
     ("province", "Quảng Ninh", "paired:Quảng Ninh")),
    ("holder", "Trên bảng xếp hạng DTI năm 2023, ở vị trí thứ 2 là Hà Nội.", 2, "Quảng Trị",
     ("province", "Hà Nội", "holder:Hà Nội")),
    ("own subject", "Tỷ lệ hồ sơ trực tuyến của Đà Nẵng là 67%, Hòa Bình 86,5%, ngành Y tế 70%.", 70, "Quảng Trị",
     (None, None, "own subject:ngành Y tế")),
    ("named", "Tỉnh Quảng Bình có 900 trạm BTS.", 900, "Quảng Trị", ("province", "Quảng Bình", "named:Quảng Bình")),
    ("named after", "Có 1.805 dịch vụ công trực tuyến của tỉnh Cà Mau.", 1805, "Quảng Trị",
     ("province", "Cà Mau", "named after:Cà Mau")),
    ("named after", "Có 120 trạm BTS tại Cà Mau.", 120, "Quảng Trị", ("province", "Cà Mau", "named after:Cà Mau")),
    ("joint", "Quảng Bình, Hà Tĩnh có 900 trạm BTS.", 900, "Quảng Trị", (None, None, "joint:Quảng Bình, Hà Tĩnh")),
    ("place", "Huyện Hải Lăng có 95% hộ gia đình sử dụng Internet cáp quang.", 95, "Quảng Trị",
     ("place", "Quảng Trị", "place:Huyện Hải Lăng; article:Quảng Trị")),
    ("paragraph", "Ở xã Cam Hiếu, người dân đã quen với dịch vụ công. Xã có 300 hộ dùng ví điện tử.", 300, "Quảng Trị",
     ("place", "Quảng Trị", "paragraph:xã Cam Hiếu; article:Quảng Trị")),
    ("source", "Theo Bộ Thông tin và Truyền thông, tỷ lệ hồ sơ trực tuyến đạt 45%.", 45, "Quảng Trị",
     (None, None, "source:Bộ Thông tin và Truyền thông")),
    ("article", "Toàn tỉnh có 1.240 trạm BTS.", 1240, "Quảng Trị", ("province", "Quảng Trị", "article:Quảng Trị")),
    # nothing says whose: an article about no province, a clause naming none
    (None, "Tỷ lệ hồ sơ trực tuyến đạt 85%.", 85, None, (None, None, None)),
    # a province named after the figure in another clause, or only as where something happened, is not its owner
    ("article", "Tỷ lệ hồ sơ trực tuyến đạt 85%, cao hơn của Hà Nội.", 85, "Quảng Trị",
     ("province", "Quảng Trị", "article:Quảng Trị")),
    ("article", "Tỉnh đã cử 50 cán bộ đi tập huấn kỹ năng số tại Hà Nội.", 50, "Quảng Trị",
     ("province", "Quảng Trị", "article:Quảng Trị")),
]


@pytest.mark.parametrize("rule, text, value, province, expected", SUBJECT_ROWS)
def test_every_subject_rule_gives_its_evidence(extractor, rule, text, value, province, expected):
    fact = read(extractor, text, value, province=province)
    assert (fact.scope, fact.province, fact.subject_evidence) == expected


def test_the_subject_rules_each_have_a_row():
    from cds_facts.tasks.meaning.subjects import SUBJECT_RULES

    assert set(SUBJECT_RULES) == {row[0] for row in SUBJECT_ROWS if row[0]}
