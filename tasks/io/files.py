"""Input files: find them, name them as text, read their bytes (regular files only, capped)."""
from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from cds_facts.tasks import settings
from cds_facts.tasks.models import RawDoc, Skipped
from cds_facts.tasks.text.rawdoc import InputError, raw_doc_from_bytes

INPUT_SUFFIXES = (".txt", ".html", ".htm")
QUARANTINE_KEPT = 1 << 20  # of an input that fails, quarantine keeps this many first bytes and the hash of all


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


def path_text(path: Path | str) -> str:
    """A path or file name as the text stored for it, one text per name and one name per text: as the OS
    gives it, a byte that is not UTF-8 written as ``\\xHH`` and a backslash as ``\\\\``, so an old archive's
    or a Windows copy's name is stored, not a run stopped, and never collides with a name that holds
    those characters literally (``b\\xe0i.txt`` typed by hand is stored ``b\\\\xe0i.txt``)."""
    text = os.fsencode(path).decode("utf-8", errors="surrogateescape")
    return _ESCAPED_IN_NAMES.sub(_escape_in_name, text)


# A lone surrogate is how surrogateescape decodes a byte that is not UTF-8 (0x80-0xFF as U+DC80-U+DCFF).
_ESCAPED_IN_NAMES = re.compile(r"[\\\udc80-\udcff]")


def _escape_in_name(match: re.Match) -> str:
    char = match.group()
    return "\\\\" if char == "\\" else f"\\x{ord(char) - 0xDC00:02x}"


def inputs_text(paths: list[str | Path]) -> str:
    """What a run was given, as its runs row states it."""
    return " ".join(path_text(path) for path in paths)


def read_capped(path: Path, limit: int | None = None) -> bytes:
    """A regular file's bytes, up to the limit by bytes read, never by the size the file claims (a link
    to /dev/zero claims 0). What is not a regular file (a FIFO, a socket, a device) is not read at all:
    opening a FIFO waits for a writer. limit: CDS_MAX_INPUT_MB's, unless given. A file over the limit
    raises InputError with its first QUARANTINE_KEPT bytes and the hash of all of them."""
    limit = limit or settings.max_input_bytes()
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO opens at once, and is refused below
    except OSError as exc:
        raise InputError("read", f"cannot read the file: {exc.strerror or exc}") from exc
    with os.fdopen(descriptor, "rb") as handle:
        kind = _KINDS.get(stat.S_IFMT(os.fstat(descriptor).st_mode))
        if kind:
            raise InputError("read", f"not a regular file ({kind}): nothing is read from it")
        try:
            raw = handle.read(limit + 1)
            if len(raw) > limit:
                digest = hashlib.sha256(raw)
                while chunk := handle.read(1 << 20):  # a regular file ends: hashed whole, kept in part
                    digest.update(chunk)
                raise InputError("read", f"too large: over the {limit / 2**20:g} MiB limit for one article "
                                         "(CDS_MAX_INPUT_MB)", raw[:QUARANTINE_KEPT], digest.hexdigest())
        except OSError as exc:
            raise InputError("read", f"cannot read the file: {exc.strerror or exc}") from exc
    return raw


_KINDS = {stat.S_IFIFO: "a FIFO", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a character device",
          stat.S_IFBLK: "a block device", stat.S_IFDIR: "a folder"}


def read_raw(path: Path) -> RawDoc:
    """Read one file into a RawDoc; InputError says what is wrong with it."""
    return raw_doc_from_bytes(read_capped(path), path_text(path.name), path_text(path))
