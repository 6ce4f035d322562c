"""HTML pages in the shape of Vietnamese news sites: metadata right, the article and only the article."""
import pytest

from cds_facts.tasks.text.clean import clean
from cds_facts.tasks.text.html import parse_html
from cds_facts.tasks.io.files import read_raw
from cds_facts.tasks.text.rawdoc import raw_doc_from_bytes

from conftest import DATA, vn

PAGES = DATA / "html"


def clean_page(name: str):
    return clean(read_raw(PAGES / name))


# page, title, outlet, published, authors, province, text it must hold, text it must not hold
EXPECTED = {
    "bao_tinh_full_meta.html": (
        "Quảng Trị: 95% hồ sơ thủ tục hành chính được xử lý trực tuyến", "Báo Quảng Trị điện tử",
        vn(2024, 8, 15, 7, 45), ("Thanh Tâm",), "Quảng Trị",
        ["Sau 6 tháng triển khai Kế hoạch chuyển đổi số năm 2024",  # the lead, printed outside the body
         "có 734 dịch vụ công trực tuyến toàn trình", "chữ ký số đạt trên 50%."],
        ["Chính trị", "Lượt xem", "3.200 hồ sơ", "Ảnh: Thanh Tâm", "googletag", "Tin liên quan",
         "65 xã đạt chuẩn", "Hơn 2.000 người dân", "Từ khóa", "Bản quyền", "0233"]),
    "cong_thong_tin_no_meta.html": (
        "Hà Giang đẩy mạnh chuyển đổi số cấp xã", "Cổng thông tin điện tử tỉnh Hà Giang",
        vn(2025, 4, 3, 14, 20), ("Nguyễn Văn An",), "Hà Giang",
        ["toàn tỉnh Hà Giang có 193 xã", "45/193 xã đã có điểm phát Wi-Fi", "xếp thứ 38/63 tỉnh"],
        ["Đang truy cập", "2.345.678", "Ngày đăng", "Các tin khác", "98% hộ dân", "1.500 tài khoản",
         "Cơ quan chủ quản", "In trang", "Nguyễn Văn An", "Nguồn:", "|"]),
    "tap_chi_inline_script.html": (
        "Bình Dương tăng tốc kinh tế số", "Tạp chí Thông tin và Truyền thông",
        vn(2025, 2, 10, 9, 15), ("Lê Minh Hoàng", "Trần Thu Hà"), "Bình Dương",
        ["ước đạt 18,5%", "khoảng 11,07 triệu USD", "Tỉnh đã có 68 nền tảng số", "kinh tế số chiếm 20% GRDP"],
        ["728", "Quảng cáo", "banner", "300 đại biểu", "Bình luận", "500 ký tự", "78 triệu thuê bao",
         "Đọc nhiều", "Copyright", "Bài và ảnh", "Trang chủ"]),
    "bao_related_in_body.html": (
        "Đồng Nai: 682 dịch vụ công trực tuyến toàn trình", "Báo Đồng Nai điện tử",
        vn(2024, 11, 20, 10, 5), ("Minh Khang",), "Đồng Nai",
        ["tỉnh Đồng Nai đã cung cấp 682 dịch vụ công", "đạt 356.420 hồ sơ", "ít nhất 90% người dân"],
        ["Xem thêm", "80% hồ sơ", "1.200 cán bộ", "1.500 hồ sơ", "Hoàng Lộc", "Ý kiến bạn đọc", "Giá vàng",
         "500.000", "Chia sẻ", "Giấy phép", "Ð", "Thứ tư"]),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_metadata(name):
    title, outlet, published, authors, province, _, _ = EXPECTED[name]
    article = clean_page(name)
    assert (article.title, article.outlet, article.published_at, article.authors, article.province) == (
        title, outlet, published, authors, province)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_text_is_the_article_and_only_the_article(name):
    *_, must, must_not = EXPECTED[name]
    text = clean_page(name).text
    for phrase in must:
        assert phrase in text
    for phrase in must_not:
        assert phrase not in text, phrase


def test_the_crawl_day_in_the_site_header_is_no_publication_date():
    page = """<html><head><title>Tin bài</title></head><body>
      <header><div class="date">Thứ hai, 18/11/2024</div></header>
      <h1>Long An có 1.024 trạm BTS phủ sóng toàn tỉnh</h1>
      <div class="content"><p>Theo Sở Thông tin và Truyền thông, tỉnh Long An hiện có 1.024 trạm BTS,
      phủ sóng di động đến 100% ấp, khu phố trên địa bàn tỉnh, tăng 86 trạm so với năm trước.</p>
      <p>Tỷ lệ hộ gia đình có kết nối Internet cáp quang đạt 78,4%, vượt mục tiêu của kế hoạch.</p></div>
      <ul class="related"><li><a href="/x">Tin khác về chuyển đổi số</a> <span class="date">17/11/2024</span></li></ul>
    </body></html>"""
    parts = parse_html(page)
    assert parts.title == "Long An có 1.024 trạm BTS phủ sóng toàn tỉnh"
    assert parts.published == []


def test_json_ld_gives_date_authors_and_publisher():
    page = """<html><head><script type="application/ld+json">
      {"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle",
       "headline": "Kiên Giang số hóa 100% hồ sơ", "datePublished": "2024-03-05T08:00:00+07:00",
       "author": [{"@type": "Person", "name": "Ngọc Trâm"}], "publisher": {"name": "Báo Kiên Giang"}}]}
    </script></head><body><p>Nội dung.</p></body></html>"""
    parts = parse_html(page)
    assert parts.title == "Kiên Giang số hóa 100% hồ sơ"
    assert parts.published == ["2024-03-05T08:00:00+07:00"]
    assert parts.authors == ["Ngọc Trâm"]
    assert parts.site_names == ["Báo Kiên Giang"]


def test_broken_json_ld_is_ignored():
    parts = parse_html('<html><head><script type="application/ld+json">{"headline": </script>'
                       "<title>Tiêu đề bài</title></head><body><p>Nội dung bài viết.</p></body></html>")
    assert parts.title == "Tiêu đề bài"


def test_cleaning_a_page_again_gives_the_same_article():
    runs = [clean_page("bao_related_in_body.html") for _ in range(5)]  # re-extraction cleans pages again
    assert all(run == runs[0] for run in runs)


@pytest.mark.parametrize("head, title", [
    ('<meta property="og:title" content="Sơn La có 204 xã phủ sóng 4G - Báo Sơn La">', "Sơn La có 204 xã phủ sóng 4G"),
    ('<meta property="og:site_name" content="VnExpress"><meta property="og:title" '
     'content="VnExpress | Bắc Ninh dẫn đầu về hồ sơ trực tuyến">', "Bắc Ninh dẫn đầu về hồ sơ trực tuyến"),
    ('<title>Chuyển đổi số - khơi dậy tiềm năng (Bài 1) - baothanhhoa.vn</title>',
     "Chuyển đổi số - khơi dậy tiềm năng (Bài 1)"),
])
def test_the_site_name_is_cut_from_the_headline_and_only_it(head, title):
    parts = parse_html(f"<html><head>{head}</head><body><p>Nội dung bài.</p></body></html>")
    assert parts.title == title


_HEADLINE = "Lạng Sơn nâng tỷ lệ hồ sơ trực tuyến lên 82%"
_PARAGRAPHS = ("<p>Năm 2024, tỉnh Lạng Sơn có 1.250 dịch vụ công trực tuyến, tỷ lệ hồ sơ trực tuyến đạt 82%.</p>"
               "<p>Toàn tỉnh có 1.400 trạm BTS phủ sóng đến mọi thôn bản.</p>")


@pytest.mark.parametrize("fragment", [
    f"<div><h3>{_HEADLINE}</h3>{_PARAGRAPHS}</div>",
    f"<article><p><strong>{_HEADLINE}</strong></p>{_PARAGRAPHS}</article>",  # a bold paragraph of its own
    f"<div><b>{_HEADLINE}</b><br>Năm 2024, tỉnh Lạng Sơn có 1.250 dịch vụ công trực tuyến và 1.400 trạm BTS.</div>",
    f"<div class='detail'><div class='detail-title'>{_HEADLINE}</div><div class='sapo'>{_PARAGRAPHS}</div></div>",
    # the page's chrome, a masthead or a menu's heading before it is no headline
    f"<div>Cỡ chữ: A- A A+ | In bài | Gửi bài viết</div><h2>{_HEADLINE}</h2>{_PARAGRAPHS}",
    f"<div class='site-title'>Báo Lạng Sơn điện tử</div><nav><h2>Tin mới nhất trong ngày</h2></nav>"
    f"<h2>{_HEADLINE}</h2>{_PARAGRAPHS}",
], ids=["h3", "bold paragraph", "bold before a break", "title class", "widgets first", "masthead first"])
def test_a_fragment_without_title_markup_takes_its_first_heading(fragment):
    article = clean(read_raw_html(fragment))
    assert article.title == _HEADLINE
    assert _HEADLINE not in article.text and article.text.startswith("Năm 2024, tỉnh Lạng Sơn")


def test_a_fragment_whose_first_heading_comes_after_the_body_has_none():
    article = clean(read_raw_html(f"{_PARAGRAPHS}<h3>{_HEADLINE}</h3><p>Các xã đã có điểm Wi-Fi công cộng.</p>"))
    assert article.title is None


def read_raw_html(fragment: str):
    return raw_doc_from_bytes(fragment.encode(), "fragment.html", "/fragment.html")


@pytest.mark.parametrize("furniture, outlet", [
    ("<footer>© Bản quyền thuộc về Báo Lạng Sơn. Giấy phép số 12/GP-BTTTT</footer>", "Báo Lạng Sơn"),
    ("<div class='footer'><p>Báo Lạng Sơn điện tử</p><p>Cơ quan của Đảng bộ, chính quyền và nhân dân tỉnh Lạng Sơn"
     "</p></div>", "Báo Lạng Sơn điện tử"),
    ("<header><a class='logo'>Báo Lạng Sơn</a></header>", "Báo Lạng Sơn"),
    # a footer's links name other outlets: none of them is the page's
    ("<footer><ul><li>Báo Nhân Dân</li><li>Báo Quân đội nhân dân</li></ul></footer>", None),
])
def test_an_outlet_printed_only_in_the_pages_header_or_footer(furniture, outlet):
    article = clean(read_raw_html(f"<html><body><article><h1>{_HEADLINE}</h1>{_PARAGRAPHS}</article>{furniture}"
                                  "</body></html>"))
    assert article.outlet == outlet


def test_a_short_page_with_a_figure_keeps_its_lines():
    # trafilatura glues a short page's blocks on one line: headline, caption and byline would be text
    page = (f"<html><body><article><h1>{_HEADLINE}</h1><figure><img src='a.jpg'><figcaption>Người dân nộp hồ sơ "
            f"trực tuyến. Ảnh: Minh Hà</figcaption></figure>{_PARAGRAPHS}<p>Hoàng Lan</p></article></body></html>")
    article = clean(read_raw_html(page))
    assert (article.title, article.authors) == (_HEADLINE, ("Hoàng Lan",))
    assert article.text.startswith("Năm 2024") and "Minh Hà" not in article.text and "Hoàng Lan" not in article.text
