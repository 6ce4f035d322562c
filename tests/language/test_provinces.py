import importlib.util

import pytest

from cds_facts.tasks.language.places import load_gazetteer
from cds_facts.tasks.settings import data_path

from conftest import ROOT


def test_csvs_are_what_the_generator_makes():
    pytest.importorskip("vietnamadminunits")
    spec = importlib.util.spec_from_file_location("build_provinces", ROOT / "scripts" / "build_provinces.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.render(module.province_rows()) == data_path("provinces.csv").read_text(encoding="utf-8")
    assert module.render(module.place_rows(), module.PLACE_COLUMNS) == data_path("places.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("old, new", [("Hà Nam", "Ninh Bình"), ("Nam Định", "Ninh Bình"), ("Bạc Liêu", "Cà Mau"),
                                      ("Thanh Hóa", "Thanh Hóa"), ("Bình Dương", "Hồ Chí Minh")])
def test_old_provinces_map_to_2025(old, new):
    assert load_gazetteer().to_2025(old) == new


def test_names_match_across_tone_placement_and_prefixes():
    g = load_gazetteer()
    assert g.canonical("Thanh Hoá") == g.canonical("tỉnh Thanh Hóa") == "Thanh Hóa"
    assert g.canonical("Thừa Thiên Huế") == "Huế"
    assert g.canonical("TP.HCM") == "Hồ Chí Minh"


def test_places_and_provinces_in_text():
    mentions = load_gazetteer().mentions("UBND xã Thọ Diên, huyện Thọ Xuân, tỉnh Thanh Hoá; TP Đà Nẵng; hòa bình")
    assert [(m.name, m.is_province) for m in mentions] == [
        ("xã Thọ Diên", False), ("huyện Thọ Xuân", False), ("Thanh Hóa", True), ("Đà Nẵng", True)]


@pytest.mark.parametrize("text, start, end", [("Xã Mường Lý có 3 thôn; tỉnh Nghệ An có 12.", 0, None),
                                              ("Trước đó. Huyện Quan Sơn và Nghệ An cùng làm. Sau đó.", 9, 44)])
def test_a_province_named_after_the_last_place_of_a_span_is_found(text, start, end):
    mentions = load_gazetteer().mentions(text, start, end)
    assert [m.name for m in mentions][-1] == "Nghệ An"


@pytest.mark.parametrize("title, body, hints, province", [
    # a headline said of a ministry, a sector or the country that names no province: no province's article,
    # whichever province the body mentions or the outlet's domain names
    ("Bộ Tư pháp đẩy mạnh số hóa hồ sơ", "Bộ Tư pháp có 98% hồ sơ trực tuyến. Đoàn công tác làm việc tại Nghệ An.",
     ["baonghean.vn"], None),
    ("Các bộ, ngành tăng tốc cung cấp dịch vụ công", "Tại Hà Tĩnh, hội nghị được tổ chức.", [], None),
    ("Toàn ngành Y tế triển khai bệnh án điện tử", "Bệnh viện tỉnh Quảng Trị là đơn vị đầu tiên.", [], None),
    ("Cả nước có hơn 4.500 dịch vụ công trực tuyến toàn trình", "Quảng Ninh dẫn đầu.", [], None),
    (None, "Bình quân chung cả nước, tỷ lệ hồ sơ trực tuyến đạt 48%.\nĐà Nẵng đứng đầu.", [], None),
    # ... or names a ministry, the government or the country as a whole anywhere in it
    ("Năm 2024, Bộ Công an dẫn đầu về dịch vụ công trực tuyến", "Đoàn công tác làm việc tại Nghệ An.", [], None),
    ("Phó Thủ tướng dự hội nghị về chuyển đổi số", "Hội nghị được tổ chức tại Đà Nẵng.", [], None),
    ("Kinh tế số cả nước tăng trưởng nhanh", "Hà Nội, Đà Nẵng dẫn đầu.", [], None),
    # a headline that names the province, or is said of no one above it, keeps the province named most
    ("Bộ TT&TT làm việc với tỉnh Quảng Trị về chuyển đổi số", "Quảng Trị có 1.240 trạm BTS.", [], "Quảng Trị"),
    ("Ngành giáo dục Thanh Hóa chuyển đổi số", "Thanh Hóa có 2.000 trường học.", [], "Thanh Hóa"),
    ("Hạ tầng số đi trước", "Quảng Ninh có 6.038 trạm BTS. Toàn tỉnh phủ sóng 4G.", ["baoquangninh.vn"], "Quảng Ninh"),
    ("Bộ trưởng thăm mô hình chuyển đổi số", "Tại Cà Mau, bộ trưởng thăm xã Tân Thành.", [], "Cà Mau"),
    # the country as a scale is no subject: "dẫn đầu cả nước"
    ("Dẫn đầu cả nước về hạ tầng số", "Quảng Ninh có 6.038 trạm BTS.", [], "Quảng Ninh"),
    ("Chính phủ số: tỉnh đi trước một bước", "Quảng Ninh có 6.038 trạm BTS.", [], "Quảng Ninh"),
    # votes: a list of provinces named about equally is about none of them, unless the headline names one
    ("Công bố chỉ số chuyển đổi số năm 2024", "Quảng Ninh dẫn đầu với 0,69 điểm. Tiếp theo là Đà Nẵng, "
     "Hà Nội và Bắc Giang. Quảng Ninh tăng 2 bậc.", [], None),
    ("Quảng Ninh giữ ngôi đầu chuyển đổi số", "Quảng Ninh dẫn đầu. Tiếp theo là Đà Nẵng, Hà Nội, Bắc Giang, "
     "Hải Phòng và Bình Dương.", [], "Quảng Ninh"),
    ("Hai địa phương ký kết hợp tác về dữ liệu", "Đà Nẵng và Huế sẽ chia sẻ dữ liệu. Đà Nẵng hỗ trợ Huế.", [], None),
    # the outlet's province counts twice: a neighbour named once in its text does not take the article
    ("Hạ tầng số về tới thôn bản", "Doanh nghiệp từ Hà Nội đã lắp đặt 120 trạm.", ["baolaocai.vn"], "Lào Cai"),
    # a former province names where something came from: it casts no vote
    ("Tỉnh mới thống nhất hạ tầng số", "Tuyên Quang hợp nhất dữ liệu. Hà Giang (cũ) có 800 trạm BTS, "
     "Hà Giang cũ có 120 tổ công nghệ số; tỉnh Hà Giang trước sáp nhập đã số hóa 90% hồ sơ.", [], "Tuyên Quang"),
    ("Hà Giang cũng đẩy mạnh số hóa", "Hà Giang cũng có 120 tổ công nghệ số.", [], "Hà Giang"),
])
def test_the_province_an_article_is_about(title, body, hints, province):
    assert load_gazetteer().main_province(title, body, hints) == province
