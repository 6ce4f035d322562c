"""Cleaning keeps every article it has never seen: text is cut only where it is provably furniture.

tests/data/awkward holds pages written for these tests in the shapes unseen pages come in (prose with no
headline, a lead first, a Markdown headline, a masthead with its slogan and menu, a date in words, an
HTML fragment whose headline is an <h2>, a headline beginning "Báo cáo"), with what cleaning must give;
a property test feeds plain prose in several shapes and checks that every sentence is kept."""
import json
import unicodedata
from datetime import datetime

import pytest
from hypothesis import given, settings, strategies as st

from cds_facts.tasks.io.files import read_raw
from cds_facts.tasks.text.clean import clean
from cds_facts.tasks.text.rawdoc import raw_doc_from_bytes

from conftest import DATA

AWKWARD = DATA / "awkward"
EXPECTED = json.loads((AWKWARD / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_awkward_pages_give_their_article_and_its_metadata(name):
    want = EXPECTED[name]
    article = clean(read_raw(AWKWARD / name))
    if "title" in want:
        assert article.title == want["title"]
    if "published_at" in want:
        assert article.published_at == (datetime.fromisoformat(want["published_at"]) if want["published_at"] else None)
    if "outlet" in want:
        assert article.outlet == want["outlet"]
    if "authors" in want:
        assert list(article.authors) == want["authors"]
    for snippet in want.get("must_contain", []):
        assert snippet in article.text, snippet
    for snippet in want.get("must_not_contain", []):
        assert snippet not in article.text, snippet


# Words to make sentences of: no line built from them is furniture, a menu or a date.
SYLLABLES = ("tỉnh", "xã", "người", "dân", "hồ", "sơ", "trực", "tuyến", "dịch", "vụ", "công", "số", "hóa", "mạng",
             "sóng", "trạm", "cáp", "quang", "cán", "bộ", "kỹ", "năng", "thôn", "bản", "điện", "thoại", "nền", "tảng",
             "dữ", "liệu", "đã", "được", "triển", "khai", "hướng", "dẫn", "tổ", "cộng", "đồng")
sentence = st.builds(
    lambda first, rest, figure: f"{first.capitalize()} {' '.join(rest)} đạt {figure} hồ sơ.",
    st.sampled_from(SYLLABLES), st.lists(st.sampled_from(SYLLABLES), min_size=4, max_size=45),
    st.integers(2, 99_999).map(lambda n: f"{n:,}".replace(",", ".")))
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(paragraph, min_size=1, max_size=6), st.sampled_from(["\n\n", "\n", " "]),
       st.sampled_from(["", "Tỉnh đẩy mạnh chuyển đổi số ở cơ sở\n\n"]))
def test_plain_prose_keeps_every_sentence(paragraphs, separator, headline):
    text = headline + separator.join(paragraphs)
    article = clean(raw_doc_from_bytes(text.encode(), "bai.txt", "/in/bai.txt"))
    body = unicodedata.normalize("NFC", article.text)
    for kept in paragraphs:
        for piece in kept.split(". "):
            assert piece.rstrip(".") in body
    assert article.title == (headline.strip() or None)
