"""Find input files, read their bytes, decode them and name them by content."""
from __future__ import annotations

import codecs
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from .models import RawDoc, Skipped

INPUT_SUFFIXES = (".txt", ".html", ".htm")

# Byte-order marks, longest first (UTF-32's LE mark begins with UTF-16's).
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]


class InputError(Exception):
    """An input that cannot become a document; the message says why, for a person to act on."""

    def __init__(self, stage: str, message: str):
        super().__init__(message)
        self.stage = stage


# No news article is this big; a file that is would tie a batch up for minutes.
MAX_INPUT_BYTES = int(float(os.environ.get("CDS_MAX_INPUT_MB", "10")) * 2**20)


@dataclass(frozen=True)
class Discovered:
    """What the paths given hold: the inputs to read, and the files found in folders that cds does not read."""

    files: list[Path]
    unsupported: list[Path]


def discover(paths: list[str | Path]) -> Discovered:
    """Every .txt/.html file named or found under the folders named, sorted, each once; and the other
    files found in those folders, so a run can say it passed them over.

    A file named on its own is an input whatever its suffix: reading it says
    whether it is text (read_raw refuses PDF and Office files by their bytes).
    Hidden files and folders (".git", ".DS_Store") are not inputs. A path that
    does not exist raises FileNotFoundError: the caller decides whether that
    is a usage error (the CLI) or a quarantined input.
    """
    found: dict[Path, None] = {}
    unsupported: dict[Path, None] = {}
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise FileNotFoundError(f"no such file or folder: {given}")
        if path.is_dir():
            for root, dirs, files in os.walk(path):  # does not follow symlinked folders: no loops
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    target = found if name.lower().endswith(INPUT_SUFFIXES) else unsupported
                    target[Path(root, name).absolute()] = None
        else:
            found[path.absolute()] = None
    return Discovered(list(found), list(unsupported))


def skipped_for_type(path: Path) -> Skipped:
    """A file found in a folder that is not read, and why: its type, by its suffix."""
    return Skipped(str(path), "unsupported type", path.suffix.lower() or "no suffix")


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


def decode(raw: bytes) -> tuple[str, str]:
    """(text, encoding): a byte-order mark first, then UTF-8 (a few broken bytes replaced), then detection."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding), encoding
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mended = raw.decode("utf-8", errors="replace")  # UTF-8 with a few broken bytes keeps its article
    broken = mended.count("\ufffd")
    if broken <= max(4, len(mended) // 100):
        return mended, f"utf-8 ({broken} invalid byte sequence(s) replaced)"
    best = from_bytes(raw).best()
    if best is None:
        raise InputError("decode", "not text: no character encoding decodes these bytes")
    return str(best), best.encoding


def read_raw(path: Path, source_name: str | None = None) -> RawDoc:
    """Read one file into a RawDoc; InputError says what is wrong with it."""
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError("read", f"too large: {size / 2**20:.1f} MiB, over the {MAX_INPUT_BYTES / 2**20:g} MiB "
                                     "limit for one article (CDS_MAX_INPUT_MB)")
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError("read", f"cannot read the file: {exc.strerror or exc}") from exc
    return raw_doc_from_bytes(raw, source_name or path.name, str(path))


def raw_doc_from_bytes(raw: bytes, source_name: str, source_uri: str) -> RawDoc:
    if not raw.strip():
        raise InputError("read", "empty input: the file holds no text")
    what = sniff_unsupported(raw)
    if what:
        suffix = Path(source_name).suffix.lower() or "no suffix"
        raise InputError("read", f"unsupported type: {suffix}, {what}; cds reads text (.txt) and HTML files")
    if b"\x00" in raw[:4096] and not raw.startswith(tuple(bom for bom, _ in _BOMS)):
        raise InputError("decode", "binary data, not text (NUL bytes)")
    text, encoding = decode(raw)
    return RawDoc(source_name=source_name, source_uri=source_uri, raw=raw, text=text,
                  encoding=encoding, sha256=hashlib.sha256(raw).hexdigest())


def raw_doc_from_page(url: str, raw: bytes, text: str, encoding: str) -> RawDoc:
    """A fetched page as a RawDoc: its URL names it, its body was decoded by the fetcher."""
    if not raw.strip():
        raise InputError("read", "empty response: the page holds no text")
    return RawDoc(source_name=url, source_uri=url, raw=raw, text=text, encoding=encoding,
                  sha256=hashlib.sha256(raw).hexdigest())
