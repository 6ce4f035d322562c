"""The cds command as a user runs it: a subprocess, its exit code and its output."""
import subprocess
import sys

from conftest import ROOT, SEEDS

CDS = [sys.executable, "-m", "flows.cli"]


def run(*args, **kwargs):
    return subprocess.run(CDS + list(args), capture_output=True, text=True, cwd=ROOT, timeout=300, **kwargs)


def test_missing_path_is_one_line_and_exit_2(tmp_path):
    out = run("ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "w.duckdb"))
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and "no such file or folder" in out.stderr
    assert "Traceback" not in out.stderr


def test_bad_argument_is_one_line_and_exit_2():
    out = run("ingest")
    assert out.returncode == 2 and "Traceback" not in out.stderr and out.stderr.count("\n") == 1


def test_sql_on_a_missing_warehouse_says_so(tmp_path):
    out = run("sql", "SELECT 1", "--db", str(tmp_path / "none.duckdb"))
    assert out.returncode == 2 and "no warehouse" in out.stderr


def test_ingest_then_sql_and_runs(tmp_path):
    db = tmp_path / "w.duckdb"
    out = run("ingest", str(SEEDS), "--db", str(db))
    assert out.returncode == 0, out.stderr
    assert "seen 5, new 5, changed 0, unchanged 0, failed 0" in out.stdout
    out = run("sql", "SELECT count(*) AS n FROM documents", "--db", str(db))
    assert out.returncode == 0 and "│     5 │" in out.stdout
    out = run("runs", "--db", str(db))
    assert out.returncode == 0 and "completed" in out.stdout


def test_fetch_needs_urls_or_a_sources_file():
    result = run("fetch")
    assert result.returncode == 2 and "give article URLs, or --sources FILE" in result.stderr


def test_a_bad_sources_file_is_one_line_and_exit_2(tmp_path):
    bad = tmp_path / "sources.toml"
    bad.write_text('[fetch]\ndelay = 1\n', encoding="utf-8")
    result = run("fetch", "--sources", str(bad))
    assert result.returncode == 2 and "unknown [fetch] setting(s) delay" in result.stderr


def test_the_bundled_sources_example_reads():
    from tasks.sources_file import read_sources

    sources = read_sources(ROOT / "seeds" / "sources.toml")
    assert (sources.articles, sources.feeds, sources.listings) == ([], [], [])
