"""Bytes -> text, the way a browser decides: a byte-order mark, then what the document declares, then
UTF-8, then detection. Used for files and fetched pages alike; the label says which rule decided.

1. A byte-order mark is certain: UTF-8, UTF-16 or UTF-32, broken bytes replaced.
2. NUL bytes: UTF-16/32 without a mark, if the bytes decode as such into text (NULs at every other
   position are what ASCII letters look like there); else binary, not text.
3. A declared charset (the HTTP header, ``<meta charset>``, ``<?xml encoding?>``) that decodes the bytes
   without error; one that does not is a mislabel, and the next witness is asked.
4. UTF-8, if every byte is valid.
5. UTF-8 with a few broken bytes, when the valid multi-byte sequences far outnumber the broken ones: an
   article saved with one bad byte keeps its text. A legacy page has no valid sequences at all, and is
   not read as UTF-8 with its every Vietnamese letter replaced.
6. Detection (charset-normalizer) on the words that hold non-ASCII bytes: on a page of mostly ASCII (a
   large ``<style>`` block) a detector asked about the whole guesses by the markup, not by the few
   letters that matter.
"""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = [  # longest first: UTF-32's little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]
# The charset a document declares itself: <meta charset=...>, <meta http-equiv ... charset=...>, <?xml encoding=...?>.
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w-]+)""",
                       re.IGNORECASE)
_DECLARATION_SPAN = 4096  # how far into a document its declaration is looked for
# At least this many valid multi-byte UTF-8 sequences per broken one, for a text to be read as UTF-8 with
# its broken bytes replaced (rule 5).
_UTF8_EVIDENCE = 3
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_WITHOUT_MARK = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
_ALLOWED_CONTROLS = set("\t\n\r\f")
_NON_ASCII_WORD = re.compile(rb"[^\s<>\"'=;:{}()]*[\x80-\xff][^\s<>\"'=;:{}()]*")


class NotText(ValueError):
    """No character encoding reads these bytes as text."""


def declared_charset(raw: bytes) -> str | None:
    """The charset a document's own markup declares near its start, if any."""
    found = _DECLARED.search(raw[:_DECLARATION_SPAN])
    return (found.group(1) or found.group(2)).decode("ascii", "ignore").lower() if found else None


def decode(raw: bytes, declared: tuple[str | None, ...] = ()) -> tuple[str, str]:
    """(text, label of how it was decoded); NotText if nothing reads it. declared: charsets the
    document's carrier or markup names, most authoritative first (None entries are ignored)."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            text = raw.decode(codec, errors="replace")
            return text, _label(f"{codec.removesuffix('-sig')} (byte-order mark)", text)
    if b"\x00" in raw:  # no 8-bit text holds NUL bytes: UTF-16/32 without a mark, or binary
        return _wide_without_mark(raw)
    for charset in filter(None, declared):
        try:
            return raw.decode(charset), f"{charset.lower()} (declared)"
        except (LookupError, UnicodeDecodeError):
            continue  # a mislabel: ask the next witness
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    broken = raw.decode("utf-8", errors="replace").count("\ufffd")
    if len(_UTF8_MULTIBYTE.findall(raw)) >= _UTF8_EVIDENCE * broken:
        return raw.decode("utf-8", errors="replace"), f"utf-8 ({broken} invalid byte sequence(s) replaced)"
    return _detected(raw)


def _label(label: str, text: str) -> str:
    broken = text.count("\ufffd")
    return f"{label}, {broken} invalid byte sequence(s) replaced" if broken else label


def _wide_without_mark(raw: bytes) -> tuple[str, str]:
    """UTF-16/32 written without a byte-order mark, or NotText: NUL bytes in anything else mean binary."""
    for codec in _WITHOUT_MARK:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if _reads_as_text(text):
            return text, f"{codec} (detected, no byte-order mark)"
    raise NotText("binary data, not text (NUL bytes)")


def _reads_as_text(text: str) -> bool:
    """Printable text in a Latin script: random bytes read as UTF-16 make CJK or controls, not this."""
    latin = sum(c.isascii() or "\u00c0" <= c <= "\u024f" or "\u1e00" <= c <= "\u1eff" for c in text)
    return ("\x00" not in text and latin >= 0.9 * len(text)
            and all(c.isprintable() or c in _ALLOWED_CONTROLS for c in text))


def _detected(raw: bytes) -> tuple[str, str]:
    """Detection on the words that hold non-ASCII bytes: those are what the encodings disagree on, and on a
    page of mostly markup a detector asked about the whole would be judging the markup."""
    telling = b" ".join(_NON_ASCII_WORD.findall(raw))
    for match in from_bytes(telling):
        try:
            return raw.decode(match.encoding), f"{match.encoding} (detected)"
        except (LookupError, UnicodeDecodeError):
            continue
    raise NotText("not text: no character encoding decodes these bytes")
