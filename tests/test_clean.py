import json
import unicodedata

import pytest
from hypothesis import given, strategies as st

from tasks.clean import EmptyArticle, clean
from tasks.sources import InputError, raw_doc_from_bytes, read_raw
from tasks.unicode import match_key, normalize_text

from conftest import DATA, SEEDS

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
