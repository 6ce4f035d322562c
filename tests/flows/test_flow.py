"""The ingest flow, run for real under Prefect's test harness, into temporary DuckDB files."""
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from cds_facts.flows.ingest import ingest
from cds_facts.tasks.io.reference import read_catalogue_csv

from conftest import DATA, SEEDS


def query(db, sql, params=None):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


@pytest.fixture(scope="module")
def seeded(prefect_harness, tmp_path_factory):
    db = tmp_path_factory.mktemp("wh") / "cds.duckdb"
    counts = ingest(paths=[str(SEEDS)], db=str(db))
    return db, counts


def test_seeds_become_documents_and_facts(seeded):
    db, counts = seeded
    assert (counts["seen"], counts["new"], counts["failed"]) == (5, 5, 0)
    assert query(db, "SELECT count(*) FROM documents") == [(5,)]
    assert query(db, "SELECT count(*) FROM facts")[0][0] >= 80


@pytest.mark.parametrize("seed, where, expected", [
    ("000_%", "value = 1805", ("count", 1805.0, None)),
    ("004_%", "kind = 'percent' AND value = 16.63", ("percent", 16.63, None)),
    ("003_%", "value = 4354", ("ratio", 4354.0, 4357.0)),
])
def test_specific_values_land_in_the_warehouse(seeded, seed, where, expected):
    db, _ = seeded
    rows = query(db, f"SELECT f.kind, f.value, f.denominator FROM facts f JOIN documents d USING (doc_id)"
                     f" WHERE d.source_name LIKE ? AND {where}", [seed])
    assert rows == [expected]


def test_whose_figure_lands_with_its_evidence(seeded):
    db, _ = seeded
    rows = query(db, "SELECT f.scope, f.province, f.subject_evidence FROM facts f JOIN documents d USING (doc_id)"
                     " WHERE d.source_name LIKE '000_%' AND f.value = 1805")
    assert rows == [("province", "Thanh Hóa", "named:Thanh Hóa")]
    # every figure with a province says why it has it; the views over facts show the column too
    assert query(db, "SELECT count(*) FROM facts WHERE province IS NOT NULL AND subject_evidence IS NULL") == [(0,)]
    assert query(db, "SELECT count(*) FROM fact_sources WHERE subject_evidence IS NOT NULL")[0][0] >= 80


def test_each_documents_metadata_lands_with_its_evidence(seeded):
    db, _ = seeded
    rows = query(db, "SELECT outlet, metadata_evidence::JSON->>'outlet' FROM documents WHERE source_name LIKE '002_%'")
    assert rows == [("Báo Nam Định", "provincial paper:baonamdinh.vn")]
    # a document whose outlet or title is known says where it was read
    assert query(db, "SELECT count(*) FROM documents WHERE outlet IS NOT NULL"
                     " AND metadata_evidence::JSON->>'outlet' IS NULL") == [(0,)]
    assert query(db, "SELECT count(*) FROM documents WHERE title IS NOT NULL"
                     " AND metadata_evidence::JSON->>'title' IS NULL") == [(0,)]


def test_fact_offsets_point_into_clean_text(seeded):
    db, _ = seeded
    bad = query(db, "SELECT f.fact_id FROM facts f JOIN documents d USING (doc_id)"
                    " WHERE position(substring(d.clean_text, f.start_char + 1, f.end_char - f.start_char)"
                    " IN f.surface) = 0")
    assert bad == []


def test_reference_data_and_run_are_recorded(seeded):
    db, counts = seeded
    assert query(db, "SELECT count(*) FROM indicators")[0][0] == len(read_catalogue_csv())
    assert query(db, "SELECT era, count(*) FROM provinces GROUP BY era ORDER BY era") == [("2025", 34), ("legacy", 63)]
    status, flow_run_id, facts = query(db, "SELECT status, flow_run_id, facts FROM runs WHERE run_id = ?",
                                       [counts["run_id"]])[0]
    assert status == "completed" and flow_run_id == counts["run_id"] and facts == counts["facts"]


def test_rerun_changes_nothing(prefect_harness, tmp_path):
    db = tmp_path / "cds.duckdb"
    ingest(paths=[str(SEEDS)], db=str(db))
    snapshot = query(db, "SELECT * FROM facts ORDER BY fact_id"), query(db, "SELECT doc_id, loaded_at FROM documents")
    counts = ingest(paths=[str(SEEDS)], db=str(db))
    assert (counts["unchanged"], counts["new"], counts["changed"], counts["facts"]) == (5, 0, 0, 0)
    assert (query(db, "SELECT * FROM facts ORDER BY fact_id"),
            query(db, "SELECT doc_id, loaded_at FROM documents")) == snapshot


def test_changed_file_replaces_its_facts(prefect_harness, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_text("Tin về chuyển đổi số ở Cà Mau\n\nTỉnh Cà Mau có 1.184 dịch vụ công trực tuyến toàn trình.\n",
                       encoding="utf-8")
    db = tmp_path / "cds.duckdb"
    ingest(paths=[str(folder)], db=str(db))
    article.write_text("Tin về chuyển đổi số ở Cà Mau\n\nTỉnh Cà Mau có 1.200 dịch vụ công trực tuyến toàn trình.\n",
                       encoding="utf-8")
    counts = ingest(paths=[str(folder)], db=str(db))
    assert counts["changed"] == 1
    assert query(db, "SELECT value FROM facts") == [(1200.0,)]
    assert query(db, "SELECT count(*) FROM documents") == [(1,)]


def test_bad_input_is_quarantined_and_the_run_goes_on(prefect_harness, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    shutil.copy(next(SEEDS.glob("004_*.txt")), folder)
    db = tmp_path / "cds.duckdb"
    counts = ingest(paths=[str(folder)], db=str(db))
    assert (counts["new"], counts["failed"]) == (1, 2)
    rows = query(db, "SELECT source_uri, stage FROM quarantine ORDER BY source_uri")
    assert [(Path(uri).name, stage) for uri, stage in rows] == [("binary.txt", "decode"), ("empty.txt", "read")]


def test_warehouse_opens_in_the_standalone_duckdb_cli(seeded):
    db, _ = seeded
    cli = Path(sys.executable).parent / "duckdb"
    if not cli.exists():
        pytest.skip("duckdb CLI not installed (pip install duckdb-cli)")
    out = subprocess.run([str(cli), "-readonly", "-csv", "-noheader", str(db), "-c", "SELECT count(*) FROM documents"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "5"


def test_html_pages_are_ingested_with_their_raw_bytes(prefect_harness, tmp_path):
    db = tmp_path / "cds.duckdb"
    counts = ingest(paths=[str(DATA / "html")], db=str(db))
    assert (counts["new"], counts["failed"]) == (4, 0)
    assert query(db, "SELECT DISTINCT format FROM documents") == [("html",)]
    page = DATA / "html" / "cong_thong_tin_no_meta.html"
    assert query(db, "SELECT r.raw FROM document_raw r JOIN documents d USING (doc_id) WHERE d.source_name = ?",
                 [page.name]) == [(page.read_bytes(),)]
    assert query(db, "SELECT f.value, f.denominator FROM facts f JOIN documents d USING (doc_id)"
                     " WHERE d.source_name = ? AND f.kind = 'rank'", [page.name]) == [(38.0, 63.0)]


def test_documents_cleaned_by_older_rules_are_cleaned_again(prefect_harness, tmp_path):
    db = tmp_path / "cds.duckdb"
    ingest(paths=[str(DATA / "html")], db=str(db))
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE documents SET cleaner_version = cleaner_version - 1, clean_text = 'stale'"
                    " WHERE source_name = 'bao_related_in_body.html'")
    counts = ingest(paths=[str(DATA / "html")], db=str(db))
    assert (counts["changed"], counts["unchanged"]) == (1, 3)
    assert query(db, "SELECT count(*) FROM documents WHERE clean_text = 'stale'") == [(0,)]


@pytest.mark.parametrize("batch_size", [1, 200])  # batches on the workers, one batch run in the flow
def test_documents_held_under_another_catalogue_are_extracted_again_from_their_held_articles(
        prefect_harness, tmp_path, batch_size):
    """A new catalogue leaves the cleaned articles as they are: their files are not cleaned again."""
    db = tmp_path / "cds.duckdb"
    ingest(paths=[str(DATA / "html")], db=str(db), batch_size=batch_size)
    facts = "SELECT doc_id, start_char, value, indicator, period_year FROM facts ORDER BY ALL"
    before = query(db, facts)
    with duckdb.connect(str(db)) as con:  # the title marks what was read from the warehouse
        con.execute("UPDATE documents SET catalogue_fingerprint = 'a catalogue before', title = 'held: ' || title")

    counts = ingest(paths=[str(DATA / "html")], db=str(db), batch_size=batch_size)

    assert (counts["changed"], counts["unchanged"]) == (4, 0)
    assert query(db, facts) == before
    assert query(db, "SELECT count(*) FROM documents WHERE starts_with(title, 'held: ')") == [(4,)]
    assert query(db, "SELECT count(*) FROM documents WHERE catalogue_fingerprint = 'a catalogue before'") == [(0,)]


_COMPUTERS = ("INSERT INTO indicators VALUES ('user.networked_computers', 'x', 'percent',"
              " 'Tỷ lệ máy tính kết nối mạng', '', 'máy tính')")


@pytest.mark.parametrize("batch_size", [1, 200])
def test_a_new_indicator_reads_again_only_the_documents_its_cues_can_stand_in(prefect_harness, tmp_path, batch_size):
    """A user's indicator: the articles that write both words of its cue are read again (one writes them apart:
    a measure joins words from both sides of its figure), the others keep their facts and move to the new
    catalogue; the warehouse then holds what a warehouse made with the new catalogue does."""
    paths = [str(SEEDS), str(DATA / "html")]
    db, fresh = tmp_path / "cds.duckdb", tmp_path / "fresh.duckdb"
    first = ingest(paths=paths, db=str(db), batch_size=batch_size)["run_id"]
    with duckdb.connect(str(db)) as con:
        con.execute(_COMPUTERS)
    counts = ingest(paths=paths, db=str(db), batch_size=batch_size)

    assert (counts["changed"], counts["unchanged"]) == (2, 7)
    assert query(db, "SELECT source_name FROM documents WHERE run_id <> ? ORDER BY 1", [first]) == [
        ("002_87dc69d54bc8d17b.txt",), ("004_441e3c7728ab58a9.txt",)]
    assert query(db, "SELECT count(DISTINCT catalogue_fingerprint) FROM documents") == [(1,)]
    assert query(db, "SELECT value FROM facts WHERE indicator = 'user.networked_computers'") == [(100.0,)]
    ingest(paths=[], db=str(fresh))  # the same catalogue from the start
    with duckdb.connect(str(fresh)) as con:
        con.execute(_COMPUTERS)
    ingest(paths=paths, db=str(fresh), batch_size=batch_size)
    facts = "SELECT * FROM facts ORDER BY fact_id"
    assert query(db, facts) == query(fresh, facts)
    documents = "SELECT doc_id, catalogue_fingerprint FROM documents ORDER BY doc_id"
    assert query(db, documents) == query(fresh, documents)
    assert ingest(paths=paths, db=str(db), batch_size=batch_size)["unchanged"] == 9


@pytest.mark.parametrize("batch_size", [1, 200])
def test_a_file_repeated_in_a_folder_is_one_document_counted_once(prefect_harness, tmp_path, batch_size):
    """The same bytes under two names, in one batch or in two: the first name is the document, the
    second is counted unchanged, and the run's counts are what the warehouse holds."""
    folder = tmp_path / "in"
    folder.mkdir()
    seed = next(SEEDS.glob("004_*.txt"))
    shutil.copy(seed, folder / "a.txt")
    shutil.copy(seed, folder / "b.txt")
    shutil.copy(next(SEEDS.glob("001_*.txt")), folder / "c.txt")
    db = tmp_path / "cds.duckdb"
    counts = ingest(paths=[str(folder)], db=str(db), batch_size=batch_size)
    assert (counts["seen"], counts["new"], counts["unchanged"]) == (3, 2, 1)
    assert counts["facts"] == query(db, "SELECT count(*) FROM facts")[0][0]
    assert query(db, "SELECT source_name FROM documents ORDER BY 1") == [("a.txt",), ("c.txt",)]
    assert query(db, "SELECT new, unchanged, facts FROM runs") == [(2, 1, counts["facts"])]


@pytest.mark.parametrize("batch_size", [1, 200])
def test_an_article_moved_to_a_new_file_is_kept_when_its_old_file_gets_new_content(prefect_harness, tmp_path,
                                                                                   batch_size):
    folder = tmp_path / "in"
    folder.mkdir()
    first, second = next(SEEDS.glob("004_*.txt")), next(SEEDS.glob("001_*.txt"))
    shutil.copy(first, folder / "a.txt")
    db = tmp_path / "cds.duckdb"
    ingest(paths=[str(folder)], db=str(db))
    shutil.copy(first, folder / "b.txt")  # moved on: b.txt has a.txt's article, a.txt a new one
    shutil.copy(second, folder / "a.txt")
    counts = ingest(paths=[str(folder)], db=str(db), batch_size=batch_size)
    assert (counts["seen"], counts["failed"]) == (2, 0)
    assert query(db, "SELECT source_name, length(clean_text) > 0 FROM documents ORDER BY 1") == [
        ("a.txt", True), ("b.txt", True)]
    assert query(db, "SELECT count(DISTINCT doc_id) FROM facts") == [(2,)]
    assert query(db, "SELECT count(*) FROM facts")[0][0] == sum(
        ingest(paths=[str(path)], db=str(tmp_path / f"{path.name}.duckdb"))["facts"] for path in (first, second))
