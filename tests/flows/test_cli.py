"""The cds command as a user runs it: a subprocess, its exit code and its output."""
import os
import socket
import shutil
import subprocess
import sys

import duckdb
import pytest

from conftest import ROOT, SEEDS, seed_path

CDS = [sys.executable, "-m", "cds_facts.flows.cli"]


def run(*args, **kwargs):
    kwargs.setdefault("cwd", ROOT)
    return subprocess.run(CDS + list(args), capture_output=True, text=True, timeout=300, **kwargs)


def one_line(result) -> bool:
    """The whole of what went wrong, in one line: said before Prefect started, no traceback."""
    return result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_missing_path_is_one_line_and_exit_2(tmp_path):
    out = run("ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "w.duckdb"))
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and "no such file or folder" in out.stderr
    assert "Traceback" not in out.stderr


def test_bad_argument_is_one_line_and_exit_2():
    out = run("ingest")
    assert out.returncode == 2 and "Traceback" not in out.stderr and out.stderr.count("\n") == 1


@pytest.mark.parametrize("argument", [["--workers", "-1"], ["--workers", "0"], ["--batch-size", "0"],
                                      ["--batch-size", "-5"], ["--batch-size", "many"]])
def test_a_bad_number_is_one_line_and_exit_2_before_prefect_starts(tmp_path, argument):
    out = run("ingest", str(SEEDS), "--db", str(tmp_path / "w.duckdb"), *argument)
    assert out.returncode == 2 and one_line(out), out.stderr
    assert argument[0] in out.stderr and "Prefect" not in out.stderr
    assert not (tmp_path / "w.duckdb").exists()


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
    from cds_facts.tasks.io.sources_file import read_sources

    sources = read_sources(ROOT / "flows" / "sources.toml")
    assert (sources.articles, sources.feeds, sources.listings) == ([], [], [])


def test_version_and_every_commands_help_has_examples_and_exit_codes():
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("cds-facts 0.")
    for command in ("ingest", "fetch", "serve", "export", "report", "sql", "runs"):
        helped = run(command, "--help")
        assert helped.returncode == 0
        assert "examples:" in helped.stdout and "exit codes:" in helped.stdout, command
        assert "  3  done, but some inputs were quarantined" in helped.stdout


def test_the_first_line_says_what_the_run_will_do_before_prefect_starts(tmp_path):
    out = run("ingest", str(SEEDS), "--db", str(tmp_path / "w.duckdb"), env={
        k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {"PREFECT_HOME": str(tmp_path)})
    first = out.stderr.splitlines()[0]
    assert first.startswith(f"cds: ingest {SEEDS} into {tmp_path / 'w.duckdb'}")
    assert "starting a temporary local server" in first and "prefect server start" in first


def test_a_folder_with_pdf_and_office_files_says_it_skipped_them(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "article.txt").write_bytes(seed_path("000").read_bytes())
    (folder / "report.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\nBT (1.805 dich vu) Tj ET\n")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 word/document.xml")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")  # hidden: not an input at all
    out = run("ingest", str(folder), "--db", str(tmp_path / "w.duckdb"))
    assert out.returncode == 0, out.stderr
    assert "seen 3, new 1, changed 0, unchanged 0, failed 0, skipped 2 (unsupported type: .docx, .pdf)" in out.stdout


def test_a_pdf_named_on_its_own_is_quarantined_as_an_unsupported_type(tmp_path):
    pdf = tmp_path / "bao-cao.pdf"  # text only, no NUL byte: it used to load as an article
    pdf.write_bytes(b"%PDF-1.4\n(T\xe1\xbb\x89nh c\xc3\xb3 1.805 d\xe1\xbb\x8bch v\xe1\xbb\xa5) Tj\n%%EOF\n")
    db = tmp_path / "w.duckdb"
    out = run("ingest", str(pdf), "--db", str(db))
    assert out.returncode == 3 and "failed 1" in out.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT stage, error FROM quarantine").fetchall() == [
            ("read", "unsupported type: .pdf, a PDF document; cds reads text (.txt) and HTML files")]
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (0,)


@pytest.mark.parametrize("bad_db, code, says", [
    ("{tmp}", 2, "is a folder; give a file, such as"),
    ("{tmp}/plain.txt/w.duckdb", 2, "plain.txt is a file, not a folder"),
    ("{tmp}/plain.txt", 1, "not a valid DuckDB database file"),
    ("/proc/cds-test/w.duckdb", 1, "cannot open the warehouse /proc/cds-test/w.duckdb"),
])
def test_a_bad_warehouse_path_is_one_line_before_prefect_starts(tmp_path, bad_db, code, says):
    (tmp_path / "plain.txt").write_text("not a warehouse", encoding="utf-8")
    out = run("ingest", str(SEEDS), "--db", bad_db.format(tmp=tmp_path))
    assert out.returncode == code and says in out.stderr and one_line(out), out.stderr


def test_a_locked_warehouse_says_it_waits_then_fails_in_one_line(tmp_path):
    db = tmp_path / "w.duckdb"
    duckdb.connect(str(db)).close()
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}); "
                               "print('held', flush=True); time.sleep(30)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        out = run("ingest", str(SEEDS), "--db", str(db), env={**os.environ, "CDS_LOCK_WAIT_SECONDS": "1"})
    finally:
        holder.kill()
        holder.wait()
    waiting, failed = out.stderr.splitlines()
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert waiting.startswith(f"cds: waiting: warehouse {db} is locked by another process")
    assert "stayed locked by another process" in failed and "PID" in failed


def test_a_bad_schedules_file_is_one_line_and_exit_2(tmp_path):
    bad = tmp_path / "schedules.toml"
    bad.write_text('[[deployment]]\nname = "x"\nflow = "ingest"\ncron = "every day"\n', encoding="utf-8")
    out = run("serve", "--schedules", str(bad))
    assert out.returncode == 2 and "needs five fields" in out.stderr and one_line(out)


def test_a_host_that_cannot_be_reached_is_a_failure_with_a_quarantine_row(tmp_path):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}/a.html"
    db = tmp_path / "w.duckdb"
    out = run("fetch", url, "--db", str(db), "--allow-private-networks")
    assert out.returncode == 3 and "failed 1" in out.stdout and "skipped" not in out.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        (stage, error), = con.execute("SELECT stage, error FROM quarantine WHERE source_uri = ?", [url]).fetchall()
    assert stage == "fetch" and error.startswith("robots.txt unreachable (ConnectionError)")


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "w.duckdb"
    assert run("ingest", str(SEEDS), "--db", str(db)).returncode == 0
    return db


def test_sql_keeps_duckdbs_whole_message_and_opens_read_only(seeded_db):
    out = run("sql", "SELECT * FROM fact", "--db", str(seeded_db))
    assert out.returncode == 1 and 'Did you mean "facts"?' in out.stderr
    out = run("sql", "DELETE FROM facts", "--db", str(seeded_db))
    assert out.returncode == 1 and "read-only" in out.stderr and "pass --write" in out.stderr
    assert run("sql", "SELECT count(*) FROM facts", "--db", str(seeded_db)).stdout.count("110") == 1
    out = run("sql", "--write", "DELETE FROM quarantine", "--db", str(seeded_db))
    assert out.returncode == 0


def test_a_read_only_query_cannot_overwrite_another_warehouse(seeded_db, tmp_path):
    other = tmp_path / "other.duckdb"
    shutil.copy(seeded_db, other)
    before = other.read_bytes()
    out = run("sql", f"COPY (SELECT 1) TO '{other}' (FORMAT csv)", "--db", str(seeded_db))
    assert out.returncode == 1 and one_line(out), out.stderr
    assert "file system operations are disabled" in out.stderr and "without --write" in out.stderr
    assert other.read_bytes() == before


def test_an_empty_query_is_a_usage_error(seeded_db):
    out = run("sql", "  ", "--db", str(seeded_db))
    assert out.returncode == 2 and one_line(out) and "give one SQL statement" in out.stderr
    assert out.stdout == ""


def test_runs_fit_in_120_columns_with_short_ids(seeded_db):
    out = run("runs", "--db", str(seeded_db))
    lines = out.stdout.splitlines()
    assert out.returncode == 0 and max(map(len, lines)) <= 120
    assert lines[0].split() == ["run", "flow", "started", "took", "status", "seen", "new", "changed", "same",
                                "failed", "skipped", "facts"]
    with duckdb.connect(str(seeded_db), read_only=True) as con:
        run_id, = con.execute("SELECT run_id FROM runs").fetchone()
    assert lines[1].split()[:2] == [run_id[:8], "ingest"] and run_id not in out.stdout


def test_cds_db_sets_the_default_warehouse_from_any_folder(seeded_db, tmp_path):
    out = run("runs", cwd=tmp_path, env={**os.environ, "CDS_DB": str(seeded_db)})
    assert out.returncode == 0 and "completed" in out.stdout
    out = run("runs", cwd=tmp_path, env={k: v for k, v in os.environ.items() if k != "CDS_DB"})
    assert out.returncode == 2 and f"no warehouse at warehouse/cds.duckdb (under {tmp_path})" in out.stderr
    assert "set CDS_DB" in out.stderr


def test_reference_loads_a_table_and_refuses_a_bad_one_in_one_line(tmp_path):
    db = tmp_path / "w.duckdb"
    good, bad = tmp_path / "index_par.csv", tmp_path / "index_bad.csv"
    good.write_text("year,province,par_rank,source\n2023,Quảng Trị,12,https://example.org/par\n", encoding="utf-8")
    bad.write_text("year,province,par_rank\n2023,Quảng Trị,12th\n", encoding="utf-8")
    out = run("reference", str(good), "--db", str(db))
    assert out.returncode == 0 and "index_par.csv: 1 official values" in out.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT indicator, province, year, value FROM reference_values"
                           " WHERE origin = 'index_par.csv'").fetchall() == [("index.par_rank", "Quảng Trị", 2023, 12)]
    out = run("reference", str(bad), "--db", str(db))
    assert out.returncode == 2 and one_line(out) and "'12th' is not a number" in out.stderr
