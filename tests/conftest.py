"""Shared fixtures: paths to the seeds and gold, and Prefect's test harness for flow tests."""
from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

def vn(*args: int) -> datetime:
    """A time in Vietnam, as the warehouse stores publication times the page gives no zone for."""
    return datetime(*args, tzinfo=timezone(timedelta(hours=7)))


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
