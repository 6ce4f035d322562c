"""Nothing lost, nothing corrupted: bad inputs, a killed run, concurrent runs, text that looks like SQL."""
import os
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from flows.ingest import ingest

from conftest import DATA, ROOT, SEEDS

BODY = "1.805 dịch vụ công trực tuyến"


def rows(db, sql):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory):
    """tests/data/bad plus the inputs too big or too strange to commit, made here."""
    folder = tmp_path_factory.mktemp("bad")
    for path in (DATA / "bad").iterdir():
        shutil.copy(path, folder)
    with open(folder / "fifty_megabytes.txt", "wb") as handle:
        handle.truncate(50 * 2**20)
    line = "Chuyển đổi số tại tỉnh Thanh Hóa đạt nhiều kết quả quan trọng trong năm nay và " * 62000
    (folder / "one_5mb_line.txt").write_text("Một dòng rất dài về chuyển đổi số ở Thanh Hóa\n" + line,
                                             encoding="utf-8")
    (folder / "nested_10000.html").write_text(
        "<html><body>" + "<div>" * 10000 + f"<p>Tỉnh Thanh Hóa có {BODY}.</p>" + "</div>" * 10000 + "</body></html>",
        encoding="utf-8")
    (folder / "loop").symlink_to(folder, target_is_directory=True)  # a folder that contains itself
    (folder / "unreadable.txt").symlink_to(folder / "gone.txt")  # names a file that is not there
    return folder


@pytest.fixture(scope="module")
def bad_run(prefect_harness, bad_corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("wh") / "cds.duckdb"
    return db, ingest(paths=[str(bad_corpus)], db=str(db))


def test_every_bad_input_is_a_document_or_quarantined(bad_corpus, bad_run):
    db, counts = bad_run
    inputs = {p.name for p in bad_corpus.iterdir() if p.name != "loop"}
    documents = {r[0] for r in rows(db, "SELECT source_name FROM documents")}
    quarantined = {os.path.basename(r[0]) for r in rows(db, "SELECT source_uri FROM quarantine")}
    assert documents | quarantined == inputs and not documents & quarantined
    assert counts["seen"] == len(inputs) and counts["failed"] == len(quarantined)


@pytest.mark.parametrize("name, stage, reason", [
    ("empty.txt", "read", "empty input"),
    ("binary_named.txt", "decode", "binary data"),
    ("fifty_megabytes.txt", "read", "too large"),
    ("boilerplate_only.txt", "clean", "boilerplate only"),
    ("html_no_body.html", "clean", "boilerplate only"),
    ("unreadable.txt", "read", "cannot read the file"),
])
def test_quarantine_says_where_and_why(bad_run, name, stage, reason):
    db, _ = bad_run
    found = rows(db, f"SELECT stage, error FROM quarantine WHERE source_uri LIKE '%/{name}'")
    assert len(found) == 1 and found[0][0] == stage and reason in found[0][1], found


@pytest.mark.parametrize("name", ["utf16_bom.txt", "windows_1258.txt", "mojibake_latin1.txt", "nfd.txt",
                                  "Bài viết tháng 5 Thanh Hóa.txt", "invalid_utf8_midfile.txt", "nested_10000.html"])
def test_awkward_but_good_inputs_come_out_as_vietnamese(bad_run, name):
    db, _ = bad_run
    text = rows(db, f"SELECT clean_text FROM documents WHERE source_name = '{name}'")
    assert text and BODY in text[0][0], text
    assert rows(db, f"SELECT count(*) FROM facts JOIN documents d USING (doc_id) WHERE d.source_name = '{name}'"
                    " AND value = 1805") == [(1,)]


def test_the_cli_says_some_inputs_were_quarantined(bad_corpus, tmp_path):
    result = subprocess.run([sys.executable, "-m", "flows.cli", "ingest", str(bad_corpus), "--db",
                             str(tmp_path / "c.duckdb")], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 3, result.stderr
    assert "quarantine" in result.stdout
