"""Find input files, read their bytes (regular files only, capped), decode them and name them by content."""
from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .decoding import NotText, declared_charset, decode
from .models import RawDoc, Skipped

INPUT_SUFFIXES = (".txt", ".html", ".htm")


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
    return Skipped(path_text(path), "unsupported type", path_text(path.suffix.lower()) or "no suffix")


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


def path_text(path: Path | str) -> str:
    """A path or file name as the text stored for it: as the OS gives it, with bytes that are not UTF-8
    escaped ("b\\xe0i.txt"), so an old archive's or a Windows copy's name is stored, not a run stopped."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def read_capped(path: Path) -> bytes:
    """A regular file's bytes, up to the limit by bytes read, never by the size the file claims (a link
    to /dev/zero claims 0). What is not a regular file (a FIFO, a socket, a device) is not read at all:
    opening a FIFO waits for a writer."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO opens at once, and is refused below
    except OSError as exc:
        raise InputError("read", f"cannot read the file: {exc.strerror or exc}") from exc
    with os.fdopen(descriptor, "rb") as handle:
        kind = _KINDS.get(stat.S_IFMT(os.fstat(descriptor).st_mode))
        if kind:
            raise InputError("read", f"not a regular file ({kind}): nothing is read from it")
        try:
            raw = handle.read(MAX_INPUT_BYTES + 1)
        except OSError as exc:
            raise InputError("read", f"cannot read the file: {exc.strerror or exc}") from exc
    if len(raw) > MAX_INPUT_BYTES:
        raise InputError("read", f"too large: over the {MAX_INPUT_BYTES / 2**20:g} MiB limit for one article "
                                 "(CDS_MAX_INPUT_MB)")
    return raw


_KINDS = {stat.S_IFIFO: "a FIFO", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a character device",
          stat.S_IFBLK: "a block device", stat.S_IFDIR: "a folder"}


def read_raw(path: Path) -> RawDoc:
    """Read one file into a RawDoc; InputError says what is wrong with it."""
    return raw_doc_from_bytes(read_capped(path), path_text(path.name), path_text(path))


def raw_doc_from_bytes(raw: bytes, source_name: str, source_uri: str) -> RawDoc:
    """Bytes as a RawDoc, decoded as tasks/decoding.py says; InputError for what is not an article's text."""
    if not raw.strip():
        raise InputError("read", "empty input: the file holds no text")
    what = sniff_unsupported(raw)
    if what:
        suffix = Path(source_name).suffix.lower() or "no suffix"
        raise InputError("read", f"unsupported type: {suffix}, {what}; cds reads text (.txt) and HTML files")
    try:
        text, encoding = decode(raw, (declared_charset(raw),))
    except NotText as exc:
        raise InputError("decode", str(exc)) from None
    return RawDoc(source_name=source_name, source_uri=source_uri, raw=raw, text=text,
                  encoding=encoding, sha256=hashlib.sha256(raw).hexdigest())


def raw_doc_from_page(url: str, raw: bytes, text: str, encoding: str) -> RawDoc:
    """A fetched page as a RawDoc: its URL names it, its body was decoded by the fetcher."""
    if not raw.strip():
        raise InputError("read", "empty response: the page holds no text")
    return RawDoc(source_name=url, source_uri=url, raw=raw, text=text, encoding=encoding,
                  sha256=hashlib.sha256(raw).hexdigest())
