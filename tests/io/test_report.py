"""The HTML report: self-contained, escaped, and rendered by a real browser (headless Chromium)."""
import re
import shutil
import subprocess

import pytest

import duckdb

from cds_facts.flows.ingest import ingest
from cds_facts.tasks.io import pipeline, store
from cds_facts.tasks.io.report import Bar, Chart, build_report, number, read_charts, svg_bars
from cds_facts.tasks.io.tables import batch_tables
from cds_facts.tasks.meaning.indicators import Catalogue

from conftest import DATA, SEEDS


@pytest.fixture(scope="module")
def report(prefect_harness, tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    ingest(paths=[str(SEEDS), str(DATA / "planted")], db=str(folder / "cds.duckdb"))
    path = folder / "report.html"
    path.write_text(build_report(folder / "cds.duckdb"), encoding="utf-8")
    return path


def test_the_report_holds_charts_and_the_analyst_tables(report):
    html = report.read_text(encoding="utf-8")
    assert html.count("<svg") >= 10
    assert "Số trạm BTS" in html and "9.444" in html  # infra.bts_stations, Vietnamese number format
    for heading in ("Corroborated figures", "Conflicting figures", "Failed consistency checks"):
        assert heading in html
    assert "141497.0/175138.0 is 80.79%, the text says 70.79%" in html


def test_the_report_needs_no_network(report):
    html = report.read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=""", html)
    assert re.findall(r"https?://[^\s\"'<>]+", html) == ["http://www.w3.org/2000/svg"] * html.count("<svg")


def test_text_from_articles_is_escaped():
    chart = Chart("x.y", "Tên <b>chỉ số</b>", "count", [Bar("<img src=x onerror=alert(1)>", 3.0, "</title><script>")])
    svg = svg_bars(chart)
    assert "<img" not in svg and "<script>" not in svg and "<b>" not in svg
    assert "&lt;img src=x onerror=alert(1)&gt;" in svg


@pytest.mark.parametrize("value, text", [(1805, "1.805"), (80.79, "80,79"), (1355335, "1.355.335"), (0.5, "0,5")])
def test_numbers_read_the_vietnamese_way(value, text):
    assert number(value) == text


def test_the_report_renders_in_headless_chromium(report, tmp_path):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("Chromium is not installed (apt-get install chromium); .ci/run installs it")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([browser, *flags, "--dump-dom", report.as_uri()], capture_output=True, text=True,
                         timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "Failed consistency checks" in dom.stdout and dom.stdout.count("<rect") >= 10
    shot = tmp_path / "report.png"
    subprocess.run([browser, *flags, "--window-size=1000,2000", f"--screenshot={shot}", report.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_rank_charts_read_best_first_and_say_their_years(tmp_path):
    folder, db = tmp_path / "in", tmp_path / "w.duckdb"
    folder.mkdir()
    for name, sentence in (("a.txt", "Năm 2023, tỉnh Quảng Trị xếp thứ 28/63 về chỉ số DTI."),
                           ("b.txt", "Năm 2023, tỉnh Hà Tĩnh xếp thứ 9/63 về chỉ số DTI."),
                           ("c.txt", "Năm 2024, tỉnh Quảng Bình xếp thứ 15/63 về chỉ số DTI, tăng 5 bậc.")):
        (folder / name).write_text(f"Chuyển đổi số ở {name}\n\n{sentence}", encoding="utf-8")
    state = store.prepare(db)
    outcome = pipeline.process_batch(sorted(folder.iterdir()), state.catalogue_rows)
    store.write_batch(db, batch_tables(outcome.result, Catalogue(state.catalogue_rows).fingerprint, "run"), "run")
    with duckdb.connect(str(db), read_only=True) as con:
        chart = next(c for c in read_charts(con) if c.indicator == "dti.rank")
    assert [(bar.province, bar.value) for bar in chart.bars] == [
        ("Hà Tĩnh", 9), ("Quảng Bình", 15), ("Quảng Trị", 28)]  # the change "tăng 5 bậc" is no rank
    assert chart.title.endswith("(2023–2024): rank 1 is best")
    svg = svg_bars(chart)
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"', svg)]
    assert widths == sorted(widths)  # rank 1's bar is the shortest, on top
