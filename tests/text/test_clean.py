import json
import unicodedata

import pytest
from hypothesis import given, settings, strategies as st

from cds_facts.tasks.text.clean import EmptyArticle, clean
from cds_facts.tasks.text.metadata import outlet_from
from cds_facts.tasks.language.places import load_gazetteer
from cds_facts.tasks.text.rawdoc import InputError, raw_doc_from_bytes
from cds_facts.tasks.io.files import read_raw
from cds_facts.tasks.text.textdump import strip_caption
from cds_facts.tasks.language.keys import match_key
from cds_facts.tasks.text.unicode import normalize_text

from conftest import DATA, SEEDS, cp1258, vn

GOLD = json.loads((DATA / "seed_documents.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def articles():
    return {name: clean(read_raw(SEEDS / name)) for name in GOLD}


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_metadata(articles, name):
    article, want = articles[name], GOLD[name]
    assert match_key(article.title) == match_key(want["title"])
    assert list(article.authors) == want["authors"]
    assert article.province == want["province"]
    if want["published_at"] is None:
        assert article.published_at is None
    elif not str(want["published_at"]).startswith("unscored"):
        assert article.published_at.isoformat() == want["published_at"]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_text_keeps_the_article_and_drops_the_page(articles, name):
    text, want = match_key(articles[name].text), GOLD[name]
    for phrase in want["must_contain"]:
        assert match_key(phrase) in text
    for phrase in want["must_not_contain"]:
        assert match_key(phrase.strip()) not in text
    for phrase in want.get("must_occur_once", []):
        assert text.count(match_key(phrase)) == 1


def test_header_clock_is_not_the_publication_date(articles):
    # "Thứ sáu, 6-6-25 02:38:17" at the top of the page is the day it was saved
    assert articles["004_441e3c7728ab58a9.txt"].published_at is None


def test_stand_in_eth_becomes_d_with_stroke():
    assert normalize_text("CÐS Ðối với") == "CĐS Đối với"


def test_no_break_and_zero_width_spaces_are_plain_text():
    assert normalize_text("1.805\u00a0dịch vụ\u200b công\ufeff") == "1.805 dịch vụ công"


@pytest.mark.parametrize("encode", [cp1258, lambda text: text.encode("utf-16")], ids=["cp1258", "utf-16"])
def test_legacy_encodings_come_out_as_composed_text(encode):
    body = "Tỉnh Thanh Hóa cung cấp 1.805 dịch vụ công trực tuyến, người dân được hướng dẫn sử dụng."
    article = clean(raw_doc_from_bytes(encode(f"Tin chuyển đổi số của tỉnh Thanh Hóa\n{body}\n"), "x.txt", "/x.txt"))
    assert article.text == body


def test_decomposed_input_comes_out_composed():
    decomposed = unicodedata.normalize("NFD", "Thanh Hóa chuyển đổi số")
    assert normalize_text(decomposed) == "Thanh Hóa chuyển đổi số"


def test_boilerplate_only_input_is_refused():
    raw = raw_doc_from_bytes("Lượt xem: 72\nanh tin bai\nĐường dây nóng: 0237 3721150\n".encode(), "x.txt", "/x.txt")
    with pytest.raises(EmptyArticle):
        clean(raw)


@given(st.text(min_size=1, max_size=400))
def test_cleaning_never_raises_unexpectedly_and_gives_nfc_without_eth(text):
    try:
        article = clean(raw_doc_from_bytes(("Tiêu đề bài viết về chuyển đổi số\n" + text).encode(), "x.txt", "/x.txt"))
    except (EmptyArticle, InputError):  # refusals with a reason, not crashes
        return
    assert unicodedata.is_normalized("NFC", article.text)
    assert "\u00d0" not in article.text


@settings(deadline=None)  # the first page pays for loading trafilatura's models; speed is benchmarked elsewhere
@given(st.text(min_size=1, max_size=400), st.sampled_from(["p", "div", "td", "li", "figcaption", "script"]))
def test_cleaning_html_never_raises_unexpectedly_and_gives_nfc_without_eth(text, tag):
    page = f"<html><head><title>Tiêu đề</title></head><body><h1>Ðề án số</h1><{tag}>{text}</{tag}></body></html>"
    try:
        article = clean(raw_doc_from_bytes(page.encode(), "x.html", "/x.html"))
    except (EmptyArticle, InputError):
        return
    assert unicodedata.is_normalized("NFC", article.text)
    assert "\u00d0" not in article.text and "\u00d0" not in (article.title or "")


def test_mojibake_from_a_wrong_codec_is_repaired():
    garbled = "Chuyển đổi số tại Thanh Hóa".encode("utf-8").decode("cp1252", errors="replace")
    assert normalize_text(garbled) == "Chuyển đổi số tại Thanh Hóa"


def test_old_and_new_tone_placement_match_without_rewriting_the_text():
    assert match_key("Thanh Hoá, thuỷ lợi") == match_key("Thanh Hóa, thủy lợi")
    assert normalize_text("Thanh Hoá") == "Thanh Hoá"


@pytest.mark.parametrize("hints, page_text, outlet", [
    (["diendandoanhnghiep.vn"], "Mời tham gia group Diễn đàn Doanh nghiệp để thảo luận", "Diễn đàn Doanh nghiệp"),
    (["baolongan.vn"], "", "Báo Long An"),
    (["https://www.baodientuquangninh.vn/tin/1.html"], "", "Báo điện tử Quảng Ninh"),
    (["vnexpress.net"], "", "VnExpress"),  # the shipped table of hosts (warehouse/outlets.csv)
    (["https://m.tuoitre.vn/tin/1.html"], "", "Tuổi Trẻ"),  # a host under a known one
    (["hatinh.gov.vn"], "", "Cổng Thông tin điện tử Hà Tĩnh"),  # a province's portal
    (["stttt.hatinh.gov.vn"], "", "stttt.hatinh.gov.vn"),  # a host no rule knows stays as it is
    (["ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH NGHỆ AN", "baonghean.vn"], "", "Đài Phát Thanh và Truyền Hình Nghệ An"),
])
def test_outlet_is_named_as_the_page_or_its_domain_names_it(hints, page_text, outlet):
    assert outlet_from(hints, page_text, load_gazetteer()) == outlet


@pytest.mark.parametrize("line, kept", [
    ("Lãnh đạo tỉnh thăm Trung tâm IOC với 120 màn hình. Ảnh: Minh Hà", ""),
    ("Toàn cảnh hội nghị có 300 đại biểu (Ảnh: TTXVN) Hội nghị đã thông qua 5 nghị quyết.",
     "Hội nghị đã thông qua 5 nghị quyết."),
    ("Cán bộ trực hệ thống giám sát. Ảnh: Linh Hương Thanh Hóa lọt tốp 20 địa phương",
     "Thanh Hóa lọt tốp 20 địa phương"),
    ("Tỉnh có 1.200 trạm BTS. Ảnh hưởng của bão làm hỏng 30 trạm.",
     "Tỉnh có 1.200 trạm BTS. Ảnh hưởng của bão làm hỏng 30 trạm."),
])
def test_photo_captions_leave_the_body(line, kept):
    assert strip_caption(line) == kept


# Text dumps in the shapes other outlets save as: share bars, breadcrumbs, counters on the
# dateline, datelines above the headline, bylines in capitals, publishers named in the footer.
DUMPS = {
    "bao_dien_tu_share_bar.txt": (
        "Bắc Ninh xử lý trực tuyến 98% hồ sơ thủ tục hành chính", "Báo điện tử Bắc Ninh",
        vn(2024, 7, 15, 8, 30), ("Minh Anh",),
        ["dẫn đầu cả nước về tỷ lệ hồ sơ", "có 812 dịch vụ công trực tuyến toàn trình", "chữ ký số cá nhân."],
        ["Chia sẻ", "Facebook", "Zalo", "60 quầy", "Ảnh:", "MINH ANH", "120 xã", "500 triệu USD", "Bản quyền",
         "Số hóa", "GMT"]),
    "cong_tinh_counter_dateline.txt": (
        "Lào Cai đẩy nhanh chuyển đổi số trong cải cách hành chính", "Cổng Thông Tin Điện Tử Tỉnh Lào Cai",
        vn(2025, 3, 12), ("Nguyễn Thị Mai",),
        ["xếp thứ 21/63 tỉnh, thành phố", "1.473 Tổ công nghệ số cộng đồng", "ước đạt 9,8% GRDP"],
        ["Giới thiệu", "Trang chủ", "Lượt xem", "1.234", "Tác giả", "Nguồn", "In bài", "Gửi email", "Quay lại",
         "152 xã", "3.000 học sinh", "Đang truy cập", "5.678.901"]),
    "bao_tinh_updated_line.txt": (
        "Điện Biên: 100% xã có cáp quang đến trung tâm", "Báo Điện Biên Phủ",
        vn(2024, 11, 5, 10, 15), ("Anh Tuấn",),
        ["96,5% thôn, bản có sóng di động 4G", "ít nhất 80% hộ gia đình"],
        ["Đường dây nóng", "Cập nhật", "TTXVN", "Từ khóa", "Bình luận"]),
}


@pytest.mark.parametrize("name", sorted(DUMPS))
def test_other_outlets_dumps_give_the_article_and_its_metadata(name):
    title, outlet, published, authors, must, must_not = DUMPS[name]
    article = clean(read_raw(DATA / "dumps" / name))
    assert (article.title, article.outlet, article.published_at, article.authors) == (
        title, outlet, published, authors)
    for phrase in must:
        assert phrase in article.text
    for phrase in must_not:
        assert phrase not in article.text, phrase


@pytest.mark.parametrize("header, published", [
    ("Thứ hai, 15/7/2024, 08:30 (GMT+7)\nTin về chuyển đổi số ở tỉnh Bắc Ninh năm nay", vn(2024, 7, 15, 8, 30)),
    ("Thứ sáu, 6-6-25 02:38:17\nTin về chuyển đổi số ở tỉnh Bắc Ninh năm nay", None),  # the crawl clock
    ("Thứ sáu, 6-6-25 02:38:17\nTheo dõi chúng tôi trên\nTin về chuyển đổi số ở tỉnh Bắc Ninh", None),
    ("12/12/2024 20:03\nHotline: 0900\nTin về chuyển đổi số ở tỉnh Bắc Ninh năm nay", None),  # not the article's
    ("Tin về chuyển đổi số ở tỉnh Bắc Ninh năm nay\nCập nhật: 03/04/2025 | 14:20", vn(2025, 4, 3, 14, 20)),
    # between the headline and the lead: a bare date, a zone with minutes, a date written year first
    ("Tin về chuyển đổi số ở tỉnh Bắc Ninh năm nay\n15/7/2024", vn(2024, 7, 15, 0, 0)),
    ("Tin về chuyển đổi số ở tỉnh Bắc Ninh năm nay\nThứ hai, 15/7/2024 | 08:30 (GMT+07:00)", vn(2024, 7, 15, 8, 30)),
    ("Tin về chuyển đổi số ở tỉnh Bắc Ninh năm nay\n2024-07-15 08:30", vn(2024, 7, 15, 8, 30)),
])
def test_which_date_is_the_articles(header, published):
    text = header + "\nTỉnh Bắc Ninh có 1.156 dịch vụ công trực tuyến trong năm qua.\n"
    assert clean(raw_doc_from_bytes(text.encode(), "x.txt", "/x.txt")).published_at == published


def test_a_body_printed_again_with_other_line_breaks_appears_once():
    first = ("Tỉnh Hậu Giang hiện có 1.020 trạm BTS phủ sóng di động đến 100% ấp, khu vực trên địa bàn tỉnh.",
             "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến của tỉnh đạt 88,4% trong năm 2024.",
             "Toàn tỉnh có 75 xã, phường, thị trấn đã thành lập Tổ công nghệ số cộng đồng với 3.200 thành viên.")
    page = "\n".join(["Hậu Giang đẩy mạnh hạ tầng số và dịch vụ công", *first,
                      " ".join(first),  # the page prints the body again, glued into one paragraph
                      first[1]])  # and one paragraph a third time
    article = clean(raw_doc_from_bytes(page.encode(), "x.txt", "/x.txt"))
    assert article.text == "\n".join(first)


_EARLIER = ("Tỉnh Hậu Giang hiện có 1.020 trạm BTS phủ sóng di động đến 100% ấp, khu vực trên địa bàn tỉnh, "
            "nhiều hơn mọi năm trước đó cộng lại, theo báo cáo của Sở Thông tin và Truyền thông gửi Ủy ban nhân dân "
            "tỉnh vào cuối tháng trước.")


@pytest.mark.parametrize("later", [
    # the earlier paragraph's words from mid-sentence on: a sentence of its own
    "Trạm BTS phủ sóng di động đến 100% ấp, khu vực trên địa bàn tỉnh, nhiều hơn mọi năm trước đó cộng lại, theo "
    "báo cáo của Sở Thông tin và Truyền thông gửi Ủy ban nhân dân tỉnh vào cuối tháng trước.",
    # the earlier paragraph whole, with a sentence of its own in front
    "Năm nay lắp thêm 40 trạm. " + _EARLIER,
])
def test_a_paragraph_with_words_of_its_own_is_not_a_repeat(later):
    page = "\n".join(["Hậu Giang đẩy mạnh hạ tầng số và dịch vụ công", _EARLIER, later])
    article = clean(raw_doc_from_bytes(page.encode(), "x.txt", "/x.txt"))
    assert article.text == _EARLIER + "\n" + later


@pytest.mark.parametrize("chrome", [
    "Xem với cỡ chữ : A- A A+", "Cỡ chữ: A- A A+ | In bài | Gửi bài viết", "A+ A A-", "Trang chủ",
    "Chia sẻ: Facebook | Zalo | Email", "Bình luận (0)", "Đăng nhập | Đăng ký", "Lên đầu trang",
])
def test_the_pages_chrome_above_the_headline_is_never_the_title(chrome):
    page = "\n".join(["Báo Hà Tĩnh", chrome, "Hà Tĩnh phủ sóng cáp quang đến mọi thôn xóm", chrome,
                      "Toàn tỉnh có 2.150 trạm BTS, phủ sóng di động đến 99% dân số trong năm 2024."])
    article = clean(raw_doc_from_bytes(page.encode(), "x.txt", "/x.txt"))
    assert article.title == "Hà Tĩnh phủ sóng cáp quang đến mọi thôn xóm"
    assert match_key(chrome) not in match_key(article.text)


@pytest.mark.parametrize("line", [
    "Chia sẻ kinh nghiệm chuyển đổi số của các xã miền núi", "Nghe bài viết: người dân quen với dịch vụ công",
    "Top 10 tỉnh dẫn đầu về chuyển đổi số",
])
def test_a_headline_using_a_chrome_word_keeps_its_other_words(line):
    from cds_facts.tasks.text.textdump import is_chrome

    assert not is_chrome(line)


def test_no_test_page_gives_a_title_of_chrome():
    """Every page the tests and the seeds hold: the title cleaning gives is never the page's chrome alone."""
    from cds_facts.tasks.io.files import discover
    from cds_facts.tasks.text.textdump import is_chrome

    paths = discover([DATA, SEEDS]).files
    titles = []
    for path in paths:
        try:
            titles.append(clean(read_raw(path)).title)
        except (EmptyArticle, InputError):
            continue  # the pages that hold no article: nothing to title
    assert len(titles) > 20
    assert [t for t in titles if t and is_chrome(t)] == []


def test_a_users_own_table_of_outlets_is_read_beside_the_shipped_one(tmp_path, monkeypatch):
    table = tmp_path / "outlets.csv"
    table.write_text("host,name\nbaomoi.com,Báo Mới\nvnexpress.net,Báo VnExpress\n", encoding="utf-8")
    monkeypatch.setenv("CDS_OUTLETS", str(table))
    assert outlet_from(["baomoi.com"], "", load_gazetteer()) == "Báo Mới"
    assert outlet_from(["vnexpress.net"], "", load_gazetteer()) == "Báo VnExpress"  # the user's row wins
    assert outlet_from(["tuoitre.vn"], "", load_gazetteer()) == "Tuổi Trẻ"  # the shipped rows still hold


def test_an_outlet_named_only_in_the_footer_and_a_byline_after_the_text():
    page = "\n".join(["Hà Tĩnh phủ sóng cáp quang đến mọi thôn xóm",
                      "Toàn tỉnh có 2.150 trạm BTS, phủ sóng di động đến 99% dân số trong năm 2024.",
                      "Người dân vùng cao đã quen với dịch vụ công trực tuyến. Ảnh: Minh Hà",
                      "Thu Hà", "Bình luận", "© Bản quyền thuộc về Báo Hà Tĩnh. Giấy phép số 123/GP-BTTTT."])
    article = clean(raw_doc_from_bytes(page.encode(), "x.txt", "/x.txt"))
    assert (article.outlet, article.authors) == ("Báo Hà Tĩnh", ("Thu Hà",))  # the photo credit is no author
    assert "Minh Hà" not in article.text and "Bản quyền" not in article.text


def test_each_metadata_value_says_where_it_was_read():
    page = "\n".join(["Hà Tĩnh phủ sóng cáp quang đến mọi thôn xóm", "Thứ hai, 15/7/2024, 08:30",
                      "Toàn tỉnh có 2.150 trạm BTS, phủ sóng di động đến 99% dân số trong năm 2024.", "Thu Hà",
                      "© Bản quyền thuộc về Báo Hà Tĩnh."])
    article = clean(raw_doc_from_bytes(page.encode(), "x.txt", "/x.txt"))
    assert json.loads(article.metadata_evidence) == {
        "title": "headline above the lead", "outlet": "printed", "published_at": "dateline", "authors": "byline",
        "province": "most named: 5 of 5 votes"}  # the headline thrice, the footer's paper twice
    html = ("<html><head><meta property='og:title' content='Hà Tĩnh phủ sóng cáp quang đến mọi thôn xóm'>"
            "</head><body><article><p>Toàn tỉnh có 2.150 trạm BTS, phủ sóng di động đến 99% dân số trong năm "
            "2024, theo Sở Thông tin và Truyền thông tỉnh Hà Tĩnh.</p></article></body></html>")
    article = clean(raw_doc_from_bytes(html.encode(), "x.html", "https://vnexpress.net/ha-tinh-1.html"))
    assert (article.outlet, json.loads(article.metadata_evidence)) == ("VnExpress", {
        "title": "meta title", "outlet": "host table:vnexpress.net", "province": "most named: 6 of 6 votes"})  # headline, text, URL



_LEAD = "Toàn tỉnh có 2.150 trạm BTS, phủ sóng di động đến 99% dân số trong năm 2024."


@pytest.mark.parametrize("menu", [
    "Thời sự | Kinh tế | Chuyển đổi số", "Thời sự  Kinh tế  Chuyển đổi số  Văn hóa",
    "Chính trị Kinh tế Xã hội Chuyển đổi số Thể thao", "Tin tức • Sự kiện • Multimedia",
    "Hồng Lĩnh | Kỳ Anh | Hương Khê | Cẩm Xuyên",
])
def test_a_menu_row_is_never_the_title_nor_text(menu):
    article = clean(raw_doc_from_bytes("\n".join(["BÁO HÀ TĨNH", menu, _LEAD]).encode(), "x.txt", "/x.txt"))
    assert article.title is None and match_key(menu) not in match_key(article.text)


def test_a_headline_in_capitals_is_the_title_when_the_page_has_no_other():
    page = ["BÁO HÀ TĨNH", "Thời sự | Kinh tế | Chuyển đổi số", "HÀ TĨNH PHỦ SÓNG CÁP QUANG ĐẾN MỌI THÔN XÓM",
            "Thứ hai, 15/7/2024, 08:30", _LEAD]
    article = clean(raw_doc_from_bytes("\n".join(page).encode(), "x.txt", "/x.txt"))
    assert (article.title, article.outlet, article.published_at) == (
        "HÀ TĨNH PHỦ SÓNG CÁP QUANG ĐẾN MỌI THÔN XÓM", "Báo Hà Tĩnh", vn(2024, 7, 15, 8, 30))
    # ... and a masthead or a banner in capitals is not, when a headline in lower case stands below it
    page[2] = "Hà Tĩnh phủ sóng cáp quang đến mọi thôn xóm"
    page.insert(2, "CHUYÊN ĐỀ CHUYỂN ĐỔI SỐ VÀ KHOA HỌC CÔNG NGHỆ")
    assert clean(raw_doc_from_bytes("\n".join(page).encode(), "x.txt", "/x.txt")).title == page[3]


def test_a_lead_opening_on_its_sources_tag_is_no_headline():
    page = ["Hà Tĩnh phủ sóng cáp quang đến mọi thôn xóm",
            "(Baohatinh.vn) - Hà Tĩnh hoàn thành phủ sóng cáp quang trong năm 2024", _LEAD]
    article = clean(raw_doc_from_bytes("\n".join(page).encode(), "x.txt", "/x.txt"))
    assert article.title == page[0]
    assert article.text.startswith("Hà Tĩnh hoàn thành phủ sóng cáp quang trong năm 2024")


def test_a_tables_header_row_in_the_body_is_kept():
    page = ["Hà Tĩnh phủ sóng cáp quang đến mọi thôn xóm", _LEAD, "Đơn vị | Trạm BTS | Tỷ lệ phủ sóng",
            "Hồng Lĩnh | 120 | 99%", "Các xã vùng cao đã có sóng di động ổn định trong năm nay."]
    assert "Đơn vị | Trạm BTS | Tỷ lệ phủ sóng" in clean(raw_doc_from_bytes("\n".join(page).encode(), "x.txt",
                                                                           "/x.txt")).text


_TITLE = "Hà Tĩnh phủ sóng cáp quang đến mọi thôn xóm"


@pytest.mark.parametrize("before, after, outlet", [
    (["Báo Hà Tĩnh"], [], "Báo Hà Tĩnh"),  # a masthead in lower case above the headline
    (["Báo điện tử Hà Tĩnh - Cơ quan của Đảng bộ, chính quyền và nhân dân tỉnh Hà Tĩnh"], [], "Báo điện tử Hà Tĩnh"),
    (["baohatinh.vn"], [], "Báo Hà Tĩnh"),  # a domain alone: the provincial paper it names
    ([], ["Minh Hà", "Báo Hà Tĩnh điện tử"], "Báo Hà Tĩnh điện tử"),  # the footer's name line after the byline
    ([], ["Cơ quan chủ quản: UBND tỉnh Hà Tĩnh", "Cổng thông tin điện tử tỉnh Hà Tĩnh"],
     "Cổng thông tin điện tử tỉnh Hà Tĩnh"),
    ([], ["Trang thông tin điện tử Sở Khoa học và Công nghệ tỉnh Hà Tĩnh"],
     "Trang thông tin điện tử Sở Khoa học và Công nghệ tỉnh Hà Tĩnh"),
    ([], ["Giấy phép số 12/GP-BTTTT do Bộ Thông tin và Truyền thông cấp cho Báo Hà Tĩnh"], "Báo Hà Tĩnh"),
    # a source credited is not the publisher
    ([], ["Theo Báo Hà Tĩnh"], None),
])
def test_an_outlet_named_in_the_header_or_the_footer(before, after, outlet):
    article = clean(raw_doc_from_bytes("\n".join([*before, _TITLE, _LEAD, *after]).encode(), "x.txt", "/x.txt"))
    assert article.outlet == outlet
    assert article.text == _LEAD  # none of those lines is the article's


@pytest.mark.parametrize("byline, authors", [
    ("PV", ("PV",)), ("Nhóm PV", ("Nhóm PV",)), ("Theo Minh Hà", ("Minh Hà",)), ("Bài, ảnh: Minh Hà", ("Minh Hà",)),
    ("Nguyễn Văn An - Trần Thị Bình", ("Nguyễn Văn An", "Trần Thị Bình")), ("MINH HÀ", ("Minh Hà",)),
    ("Văn Đức/Báo Hà Tĩnh", ("Văn Đức",)),  # the outlet beside the name is no author
    ("Hồng Tư (TTXVN)", ("Hồng Tư",)),
    ("Theo Báo Hà Tĩnh", ()), ("Ảnh: Minh Hà", ()),  # a source, a photo credit: no author
])
def test_authors_from_the_byline_forms(byline, authors):
    article = clean(raw_doc_from_bytes("\n".join([_TITLE, _LEAD, "Các xã vùng cao đã có sóng di động ổn định.",
                                                  byline]).encode(), "x.txt", "/x.txt"))
    assert article.authors == authors
    assert byline not in article.text
