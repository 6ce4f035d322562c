"""Nothing lost, nothing corrupted: bad inputs, a killed run, concurrent runs, text that looks like SQL."""
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import unicodedata

import duckdb
import pytest
from hypothesis import given, settings, strategies as st

from cds_facts.flows.ingest import ingest

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


def test_every_quarantined_file_that_could_be_read_keeps_its_hash_and_first_mebibyte(bad_corpus, bad_run):
    db, _ = bad_run
    kept = rows(db, "SELECT source_uri, stage, sha256, raw FROM quarantine ORDER BY 1")
    assert {os.path.basename(uri) for uri, *_ in kept} >= {"empty.txt", "binary_named.txt", "fifty_megabytes.txt",
                                                         "boilerplate_only.txt"}
    for uri, stage, sha256, raw in kept:
        if not os.path.isfile(uri):  # a link to no file: nothing could be read
            assert (sha256, raw) == (None, None), uri
            continue
        data = open(uri, "rb").read()
        assert sha256 == hashlib.sha256(data).hexdigest(), (uri, stage)
        assert raw == data[:2**20], (uri, stage)


@pytest.mark.parametrize("name", ["utf16_bom.txt", "windows_1258.txt", "mojibake_latin1.txt", "nfd.txt",
                                  "Bài viết tháng 5 Thanh Hóa.txt", "invalid_utf8_midfile.txt", "nested_10000.html"])
def test_awkward_but_good_inputs_come_out_as_vietnamese(bad_run, name):
    db, _ = bad_run
    text = rows(db, f"SELECT clean_text FROM documents WHERE source_name = '{name}'")
    assert text and BODY in text[0][0], text
    assert rows(db, f"SELECT count(*) FROM facts JOIN documents d USING (doc_id) WHERE d.source_name = '{name}'"
                    " AND value = 1805") == [(1,)]


def test_the_cli_says_some_inputs_were_quarantined(bad_corpus, tmp_path):
    result = subprocess.run([sys.executable, "-m", "cds_facts.flows.cli", "ingest", str(bad_corpus), "--db",
                             str(tmp_path / "c.duckdb")], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 3, result.stderr
    assert "quarantine" in result.stdout


def seed_copies(folder, copies):
    """The seeds, copied: each copy a distinct document (a junk last line) with the same 110 facts."""
    folder.mkdir()
    for copy in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            tag = "ban sao " + "".join(chr(97 + int(d)) for d in f"{copy:03d}")
            (folder / f"{copy:03d}_{seed.name}").write_bytes(seed.read_bytes() + f"\n{tag}\n".encode())


def cds_ingest(folder, db, *extra):
    return subprocess.Popen([sys.executable, "-m", "cds_facts.flows.cli", "ingest", str(folder), "--db", str(db), *extra],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def integrity(db):
    """Facts without their document, documents without their raw bytes: both must be none."""
    return rows(db, "SELECT (SELECT count(*) FROM facts WHERE doc_id NOT IN (SELECT doc_id FROM documents)),"
                    " (SELECT count(*) FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM document_raw))")[0]


def test_a_run_killed_mid_load_leaves_whole_documents_and_the_next_run_finishes(tmp_path):
    seed_copies(tmp_path / "in", 40)
    db = tmp_path / "cds.duckdb"
    run = cds_ingest(tmp_path / "in", db, "--batch-size", "5", "-v")
    # The run holds the file while it loads, so its progress is read from its log: kill it once it has
    # loaded two batches (of 40).
    for line in run.stderr:
        if "batch 2/40:" in line:
            break
    assert run.poll() is None, "the run ended before it could be killed mid-way"
    os.killpg(run.pid, signal.SIGKILL)
    run.wait(timeout=30)
    assert integrity(db) == (0, 0)
    documents = rows(db, "SELECT count(*) FROM documents")[0][0]
    assert 0 < documents < 200 and documents % 5 == 0  # whole batches only: each is one transaction
    # The dead run's row counts every batch it committed, and 'cds runs' tells it died before any run closes it.
    assert rows(db, "SELECT status, new, facts FROM runs") == [
        ("running", documents, rows(db, "SELECT count(*) FROM facts")[0][0])]
    listed = subprocess.run([sys.executable, "-m", "cds_facts.flows.cli", "runs", "--db", str(db)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert " died " in listed.stdout and "its process ended without closing the run" in listed.stdout
    finish = cds_ingest(tmp_path / "in", db, "--batch-size", "5")
    assert finish.wait(timeout=300) == 0, finish.stderr.read()
    assert rows(db, "SELECT count(*), (SELECT count(*) FROM facts) FROM documents") == [(200, 200 * 110 // 5)]
    assert integrity(db) == (0, 0)


def test_a_run_killed_while_prefect_starts_leaves_its_row_and_the_next_run_closes_it(tmp_path):
    db = tmp_path / "cds.duckdb"
    run = cds_ingest(SEEDS, db)
    assert "Prefect" in run.stderr.readline()  # the first line is said once the row is written
    os.killpg(run.pid, signal.SIGKILL)  # the temporary Prefect server takes seconds: it is not up yet
    run.wait(timeout=30)
    assert rows(db, "SELECT status, inputs, seen FROM runs") == [("running", str(SEEDS), 0)]
    assert cds_ingest(SEEDS, db).wait(timeout=300) == 0
    assert sorted(rows(db, "SELECT status, error IS NOT NULL FROM runs")) == [("completed", False), ("failed", True)]


def test_two_runs_at_once_on_one_warehouse_lose_and_corrupt_nothing(tmp_path):
    seed_copies(tmp_path / "in", 10)
    db = tmp_path / "cds.duckdb"
    runs = [cds_ingest(tmp_path / "in", db, "--batch-size", "5") for _ in range(2)]
    for run in runs:
        assert run.wait(timeout=300) == 0, run.stderr.read()
    assert rows(db, "SELECT count(*), count(DISTINCT doc_id), (SELECT count(*) FROM facts) FROM documents") == [
        (50, 50, 50 * 110 // 5)]
    assert integrity(db) == (0, 0)
    assert rows(db, "SELECT count(*) FROM runs WHERE status = 'completed'") == [(2,)]


def test_text_that_looks_like_sql_round_trips_unchanged(prefect_harness, tmp_path):
    text = ("Tin về chuyển đổi số của tỉnh Cà Mau năm nay\n"
            "Tỉnh \"Cà Mau\" có 1.184 dịch vụ công; '); DROP TABLE facts; -- và 'trích dẫn' O'Brien \\ %s ?.\n")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "sql'; DROP TABLE documents; --.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "cds.duckdb"
    ingest(paths=[str(folder)], db=str(db))
    assert rows(db, "SELECT source_name, clean_text FROM documents") == [
        ("sql'; DROP TABLE documents; --.txt", text.splitlines()[1])]
    assert rows(db, "SELECT count(*) FROM facts WHERE value = 1184") == [(1,)]


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000) | st.text(max_size=600).map(lambda t: t.encode("utf-8")))
def test_any_bytes_are_a_document_with_sound_facts_or_a_clear_refusal(data):
    from cds_facts.tasks.text.clean import EmptyArticle, clean
    from cds_facts.tasks.meaning.extract import Extractor
    from cds_facts.tasks.io.reference import read_catalogue_csv
    from cds_facts.tasks.meaning.indicators import Catalogue
    from cds_facts.tasks.language.places import load_gazetteer
    from cds_facts.tasks.text.rawdoc import InputError, raw_doc_from_bytes

    name = "fuzz.html" if data[:1] == b"<" else "fuzz.txt"
    try:
        article = clean(raw_doc_from_bytes(data, name, f"/in/{name}"))
    except (InputError, EmptyArticle):
        return
    assert unicodedata.is_normalized("NFC", article.text) and "\u00d0" not in article.text
    for fact in Extractor(Catalogue(read_catalogue_csv()), load_gazetteer()).facts(article):
        assert 0 <= fact.start_char < fact.end_char <= len(article.text)
        assert article.text[fact.start_char:fact.end_char] in fact.surface
