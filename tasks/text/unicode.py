"""Unicode hygiene for Vietnamese text: NFC, stand-in characters, invisible characters, mojibake."""
from __future__ import annotations

import re
import unicodedata

import ftfy

# Characters that stand in for others in scraped Vietnamese text:
# U+00D0 "Ð" (Icelandic eth) is often typed for U+0110 "Đ", and its
# lower-case "ð" for "đ"; NBSP and other odd spaces become plain spaces.
_STAND_INS = str.maketrans({
    "\u00d0": "\u0110", "\u00f0": "\u0111",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u3000": " ",
    "\u2028": "\n", "\u2029": "\n", "\r": "\n",
})
_ANY_STAND_IN = re.compile("[" + "".join(map(chr, _STAND_INS)) + "]")
# Zero-width and formatting characters that carry no text.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# The signature of UTF-8 read as Latin-1 or cp1252: a lead byte shown as
# "Ã", "Ä", "Å", "Æ" or "á", then a continuation byte shown as a Latin-1
# symbol or a cp1252 punctuation mark ("Viá»‡t" for "Việt").
_MOJIBAKE_HINT = re.compile(
    "[ÃÄÅÆá][\x80-\xbf\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u2122\u0192]"
)


def normalize_text(text: str) -> str:
    """NFC text with stand-in characters replaced, invisible ones removed and mojibake repaired."""
    if _MOJIBAKE_HINT.search(text):
        text = ftfy.fix_encoding(text)
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    if _ANY_STAND_IN.search(text):  # translate walks every character: only when there is one to replace
        text = unicodedata.normalize("NFC", text.translate(_STAND_INS))
    return text
