"""Bytes -> text as a browser decides (tasks/text/decoding.py): mark, declaration, UTF-8, detection."""
import codecs
import unicodedata

import pytest

from cds_facts.tasks.text.decoding import NotText, decode, declared_charset
from cds_facts.tasks.text.rawdoc import InputError, raw_doc_from_bytes

from conftest import cp1258

SENTENCE = "Tỉnh Cà Mau có 1.805 dịch vụ công trực tuyến toàn trình, đạt tỷ lệ 95,2% hồ sơ."
STYLE = "<style>" + ".menu a{color:#333;margin:0 auto;padding:2px 4px}\n" * 400 + "</style>"


def nfc(text: str) -> str:
    """Windows-1258 writes tones as combining marks; cleaning composes them (tasks/text/unicode.py)."""
    return unicodedata.normalize("NFC", text)


def page(meta: str = "") -> str:
    return f"<html><head>{meta}{STYLE}</head><body><p>{SENTENCE}</p></body></html>"


@pytest.mark.parametrize("raw, label", [
    (cp1258(SENTENCE), "cp1258 (detected)"),
    (cp1258(page()), "cp1258 (detected)"),  # 43 Vietnamese bytes in 20 KB of CSS: detected on the words
    (cp1258(page('<meta charset="windows-1258">')), "windows-1258 (declared)"),
    (SENTENCE.encode("utf-16-le"), "utf-16-le (detected, no byte-order mark)"),
    (SENTENCE.encode("utf-16-be"), "utf-16-be (detected, no byte-order mark)"),
    (codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"), "utf-16 (byte-order mark)"),
    (codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), "utf-16 (byte-order mark)"),
    (SENTENCE.encode("utf-32-le"), "utf-32-le (detected, no byte-order mark)"),
    (SENTENCE.encode(), "utf-8"),
], ids=["cp1258", "cp1258 behind CSS", "cp1258 declared", "utf-16-le", "utf-16-be", "utf-16-le BOM",
        "utf-16-be BOM", "utf-32-le", "utf-8"])
def test_vietnamese_comes_out_whole_whatever_the_encoding(raw, label):
    text, used = decode(raw, (declared_charset(raw),))
    assert used == label and SENTENCE in nfc(text)


def test_utf8_with_a_broken_byte_keeps_its_text_with_or_without_a_mark():
    broken = SENTENCE.encode()[:30] + b"\xff" + SENTENCE.encode()[30:]
    plain, plain_label = decode(broken)
    marked, marked_label = decode(codecs.BOM_UTF8 + broken)
    assert plain == marked and plain.count("\ufffd") == 1 and "vụ công trực tuyến toàn trình" in plain
    assert plain_label == "utf-8 (1 invalid byte sequence(s) replaced)"
    assert marked_label == "utf-8 (byte-order mark), 1 invalid byte sequence(s) replaced"


def test_a_legacy_page_is_not_read_as_utf8_with_its_letters_replaced():
    text, label = decode(cp1258(page()))
    assert "\ufffd" not in text and "Tỉnh Cà Mau" in nfc(text)


def test_a_declaration_that_does_not_decode_is_a_mislabel_and_the_next_witness_is_asked():
    text, label = decode(cp1258(SENTENCE), ("utf-8", "windows-1258"))
    assert label == "windows-1258 (declared)" and nfc(text) == SENTENCE


def test_binary_bytes_are_not_text():
    with pytest.raises(NotText, match="binary data"):
        decode(bytes(range(256)) * 8)


def test_a_file_reports_how_it_was_decoded_and_refuses_what_is_not_text():
    assert raw_doc_from_bytes(cp1258(page()), "a.html", "/in/a.html").encoding == "cp1258 (detected)"
    with pytest.raises(InputError, match="binary data") as refused:
        raw_doc_from_bytes(bytes(range(256)), "x.txt", "/in/x.txt")
    assert refused.value.stage == "decode"
