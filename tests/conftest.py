"""Shared fixtures: paths to the seeds and gold, and Prefect's test harness for flow tests."""
from __future__ import annotations

import os
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

def vn(*args: int) -> datetime:
    """A time in Vietnam, as the warehouse stores publication times the page gives no zone for."""
    return datetime(*args, tzinfo=timezone(timedelta(hours=7)))


_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # the five tones Windows-1258 writes as combining bytes


def cp1258(text: str) -> bytes:
    """Text as Windows-1258 writes Vietnamese: base letters (â, ê, ơ …), with tone marks as separate bytes."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", char)
            tones = "".join(c for c in decomposed if c in _TONE_MARKS)
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
            out += base.encode("cp1258") + tones.encode("cp1258")
    return out


ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def prefect_harness():
    """A temporary Prefect API for the whole session: flows run as they do in production."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def seed_path(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))
