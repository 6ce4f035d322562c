"""The benchmarks at a tiny size: the corpus maker is deterministic and readable, bench/run.py and
bench/grown.py run whole."""
import importlib.util
import re
import subprocess
import sys

import duckdb
import pytest

from cds_facts.tasks.io import pipeline, store

from conftest import ROOT

spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "bench" / "make_corpus.py")
make_corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_corpus)


def test_the_corpus_is_deterministic(tmp_path):
    first = make_corpus.make_corpus(6, tmp_path / "a")
    second = make_corpus.make_corpus(6, tmp_path / "b")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert {p.suffix for p in first} == {".txt", ".html"}
    assert all(8_000 < p.stat().st_size < 14_000 for p in first)


def test_the_pipeline_reads_every_synthetic_article(tmp_path):
    paths = make_corpus.make_corpus(6, tmp_path / "corpus")
    state = store.prepare(tmp_path / "cds.duckdb")
    outcome = pipeline.process_batch(paths, state.catalogue_rows)
    assert [i.state for i in outcome.result.inputs] == ["document"] * 6
    assert len(outcome.result.facts) > 6 * 20
    for article in outcome.result.articles:
        assert "Lượt xem" not in article.text and "Tin liên quan" not in article.text and article.province


def test_the_benchmark_runs_end_to_end_at_a_tiny_size(tmp_path):
    """The smoke test of bench/run.py: every figure the issue asks for is printed, from real runs."""
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "12", "--naive", "12",
                             "--work", str(tmp_path)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for figure in ("fixed cost:", "documents/s (marginal)", "MB/s (marginal)", "facts/s (marginal)",
                   "peak RSS, process tree", "Prefect's share of wall time", "incremental re-run",
                   "one worker", "floor:", "naive:"):
        assert figure in out, out
    with duckdb.connect(str(tmp_path / "full-12.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 12
    with duckdb.connect(str(tmp_path / "naive-12.duckdb"), read_only=True) as con:
        naive_facts = con.execute("SELECT count(*) FROM facts").fetchone()[0]
    with duckdb.connect(str(tmp_path / "full-12.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM facts").fetchone()[0] == naive_facts > 0


def test_the_grown_warehouse_benchmark_runs_end_to_end_at_a_tiny_size(tmp_path):
    """The smoke test of bench/grown.py: the held documents are copied under ids of their own, and both
    runs load the new articles."""
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "grown.py"), "--held", "24", "--base", "12",
                             "--new", "4", "--work", str(tmp_path)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "into one of 24 documents" in result.stdout and "extra time" in result.stdout, result.stdout
    with duckdb.connect(str(tmp_path / "grown.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*), count(DISTINCT doc_id) FROM documents").fetchone() == (28, 28)
        assert con.execute("SELECT count(*) = count(DISTINCT fact_id) FROM facts").fetchone() == (True,)
    with duckdb.connect(str(tmp_path / "empty.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (4,)


@pytest.mark.parametrize("stage", ["extract", "clean", "both"])
def test_the_side_by_side_comparison_runs_against_a_commit(tmp_path, stage):
    """bench/against.py checks another commit out beside this one and times both on the same articles, for
    the stage asked; against this very commit the two read the same and the ratio it prints is a number."""
    make_corpus.make_corpus(4, tmp_path / "corpus")
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "against.py"), "HEAD", "--corpus",
                             str(tmp_path / "corpus"), "--runs", "1", "--passes", "1", "--stage", stage],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert f", {stage}: this checkout against HEAD" in result.stdout, result.stdout
    ratio = result.stdout.strip().splitlines()[-1]
    assert ratio.startswith("this / other:") and float(ratio.split("median ")[1]) > 0


def test_the_stage_benchmark_times_html_pages_against_trafilatura(tmp_path):
    """bench/stages.py on HTML pages prints trafilatura's extract beside our clean + read, in ms per page."""
    make_corpus.make_corpus(6, tmp_path / "corpus")
    pages = sorted((tmp_path / "corpus").glob("*.html"))
    assert pages, "the synthetic corpus holds HTML pages"
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "stages.py"), *map(str, pages), "--repeat", "1"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if "HTML pages: trafilatura.extract" in line)
    theirs, ours = (float(part.split()[-1]) for part in re.findall(r"(?:extract|read) [\d.]+", line))
    assert f"{len(pages)} HTML pages" in line and ours > 0 and theirs > 0
