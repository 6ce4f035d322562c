"""Bytes -> RawDoc: what kind of file the bytes are, how they decode, the hash that names them.

Pure: the bytes come from a file (tasks/io/files.py) or a fetched page (tasks/io/fetch.py).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from cds_facts.tasks.models import RawDoc
from cds_facts.tasks.text.decoding import NotText, declared_charset, decode


class InputError(Exception):
    """An input that cannot become a document; the message says why, for a person to act on. raw: the
    bytes that could be read of it (its first bytes, if it is too large to read whole), for quarantine;
    sha256: the hash of all its bytes, when raw is not all of them."""

    def __init__(self, stage: str, message: str, raw: bytes | None = None, sha256: str | None = None):
        super().__init__(message)
        self.stage = stage
        self.raw = raw
        self.sha256 = sha256 or (hashlib.sha256(raw).hexdigest() if raw is not None else None)


# What the first bytes of a file say it is, for the types people drop into an article folder by mistake.
_MAGIC = [
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (an Office, OpenDocument or EPUB file)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc, .xls, .ppt)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"), (b"7z\xbc\xaf", "a 7-Zip archive"), (b"Rar!", "a RAR archive"),
]


def sniff_unsupported(raw: bytes) -> str | None:
    """What kind of non-text file these bytes begin, or None for anything that may be text."""
    return next((what for magic, what in _MAGIC if raw.startswith(magic)), None)


def raw_doc_from_bytes(raw: bytes, source_name: str, source_uri: str) -> RawDoc:
    """Bytes as a RawDoc, decoded as tasks/text/decoding.py says; InputError for what is not an article's text."""
    if not raw.strip():
        raise InputError("read", "empty input: the file holds no text", raw)
    what = sniff_unsupported(raw)
    if what:
        suffix = Path(source_name).suffix.lower() or "no suffix"
        raise InputError("read", f"unsupported type: {suffix}, {what}; cds reads text (.txt) and HTML files", raw)
    try:
        text, encoding = decode(raw, (declared_charset(raw),))
    except NotText as exc:
        raise InputError("decode", str(exc), raw) from None
    return RawDoc(source_name=source_name, source_uri=source_uri, raw=raw, text=text,
                  encoding=encoding, sha256=hashlib.sha256(raw).hexdigest())


def raw_doc_from_page(url: str, raw: bytes, text: str, encoding: str) -> RawDoc:
    """A fetched page as a RawDoc: its URL names it, its body was decoded by the fetcher."""
    if not raw.strip():
        raise InputError("read", "empty response: the page holds no text", raw)
    return RawDoc(source_name=url, source_uri=url, raw=raw, text=text, encoding=encoding,
                  sha256=hashlib.sha256(raw).hexdigest())
