import shutil
from pathlib import Path

import dataclasses

import duckdb
import pytest

from conftest import DATA, SEEDS
from cds_facts.tasks.io import pipeline, store
from cds_facts.tasks.io.reference import read_catalogue_csv
from cds_facts.tasks.meaning.indicators import Catalogue
from cds_facts.tasks.models import BatchResult, RunCounts, SeenInput
from cds_facts.tasks.io.tables import BatchTables, Columns, batch_tables


def seed_batch(db: Path) -> BatchTables:
    """The load tables of every seed article, for an empty warehouse; db is prepared on the way."""
    state = store.prepare(db)
    outcome = pipeline.process_batch(sorted(SEEDS.iterdir()), state.catalogue_rows)
    return batch_tables(outcome.result, Catalogue(state.catalogue_rows).fingerprint, "run-1")


def with_facts(batch: BatchTables, facts: Columns) -> BatchTables:
    return BatchTables({**batch.tables, "batch_facts": facts})


def with_column(table: Columns, name: str, spoil) -> Columns:
    """table with one column's values replaced by spoil(values)."""
    kind, values = table.columns[name]
    return dataclasses.replace(table, columns={**table.columns, name: (kind, spoil(values))})


def with_first_row_twice(table: Columns) -> Columns:
    return Columns({name: (kind, values + values[:1]) for name, (kind, values) in table.columns.items()})


def count(db: Path, sql: str) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchone()[0]


def test_migrations_apply_once(tmp_path):
    db = tmp_path / "w.duckdb"
    with store.connect(db) as con:
        assert store.migrate(con) == [v for v, _ in store.migrations()]
        assert store.migrate(con) == []
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"documents", "facts", "indicators", "runs", "quarantine", "provinces", "document_raw"} <= tables


def test_a_later_migration_upgrades_an_existing_file(tmp_path):
    db = tmp_path / "w.duckdb"
    migrations = tmp_path / "migrations"
    migrations.mkdir()
    for version, path in store.migrations():
        (migrations / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    with store.connect(db) as con:
        store.migrate(con, migrations)
    (migrations / "999_add_note.sql").write_text("ALTER TABLE documents ADD COLUMN note VARCHAR;", encoding="utf-8")
    with store.connect(db) as con:
        assert store.migrate(con, migrations) == [999]
        assert "note" in {r[0] for r in con.execute("DESCRIBE documents").fetchall()}


def test_user_indicators_survive_reseeding(tmp_path):
    db = tmp_path / "w.duckdb"
    store.prepare(db)
    with duckdb.connect(str(db)) as con:
        con.execute("INSERT INTO indicators VALUES ('user.drones', 'x', 'count', 'Máy bay không người lái', '', 'drone')")
    state = store.prepare(db)
    assert "user.drones" in {r["code"] for r in state.catalogue_rows}


def test_a_shipped_indicator_is_set_as_the_catalogue_states_it(tmp_path):
    db = tmp_path / "w.duckdb"
    store.prepare(db)
    with duckdb.connect(str(db)) as con:  # as an older release wrote it
        con.execute("UPDATE indicators SET cues = 'trạm phát sóng', name_vi = 'cũ' WHERE code = 'infra.bts_stations'")
    state = store.prepare(db)
    shipped = next(r for r in read_catalogue_csv() if r["code"] == "infra.bts_stations")
    held = next(r for r in state.catalogue_rows if r["code"] == "infra.bts_stations")
    assert (held["name_vi"], held["cues"]) == (shipped["name_vi"], shipped["cues"])


def write_folder(db: Path, folder: Path, run_id: str = "run") -> RunCounts:
    """Process and load every file of folder as one batch, as a run's batch does."""
    state = store.prepare(db)
    outcome = pipeline.process_batch(sorted(folder.iterdir()), state.catalogue_rows)
    return store.write_batch(db, batch_tables(outcome.result, Catalogue(state.catalogue_rows).fingerprint, run_id),
                            run_id)


def test_the_load_decides_new_changed_and_unchanged_against_the_warehouse_as_it_is(tmp_path):
    folder, db = tmp_path / "in", tmp_path / "w.duckdb"
    folder.mkdir()
    (folder / "a.txt").write_text("Bài\n\nNội dung có 3 xã.", encoding="utf-8")
    assert write_folder(db, folder) == RunCounts(seen=1, new=1, facts=1)
    assert write_folder(db, folder) == RunCounts(seen=1, unchanged=1)
    with duckdb.connect(str(db)) as con:  # a user's indicator: the catalogue changed, the document is read again
        con.execute("INSERT INTO indicators VALUES ('user.x', 'x', 'count', 'x', 'x', 'x')")
    assert write_folder(db, folder) == RunCounts(seen=1, changed=1, facts=1)
    (folder / "a.txt").write_text("Bài\n\nNội dung có 4 xã.", encoding="utf-8")
    assert write_folder(db, folder) == RunCounts(seen=1, changed=1, facts=1)
    assert count(db, "SELECT count(*) FROM documents") == 1  # the old content: no source holds it any more
    (folder / "b.txt").write_text("Bài\n\nNội dung có 4 xã.", encoding="utf-8")  # a copy
    assert write_folder(db, folder) == RunCounts(seen=2, unchanged=2)


def test_a_held_input_whose_document_went_meanwhile_is_quarantined_to_be_read_again(tmp_path):
    db = tmp_path / "w.duckdb"
    state = store.prepare(db)
    held = BatchResult(inputs=[SeenInput("/in/a.txt", "a.txt", "0" * 24, "held")])
    tables = batch_tables(held, Catalogue(state.catalogue_rows).fingerprint, "run")
    assert store.write_batch(db, tables, "run") == RunCounts(seen=1, failed=1)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT source_uri, stage FROM quarantine").fetchall() == [("/in/a.txt", "load")]


def test_a_repeat_in_a_batch_is_held_and_a_repeat_of_a_bad_input_is_quarantined_alike(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("a.txt", "Bài\n\nNội dung có 3 xã."), ("b_copy.txt", "Bài\n\nNội dung có 3 xã."),
                       ("c_empty.txt", ""), ("d_empty.txt", "")):
        (folder / name).write_text(text, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    outcome = pipeline.process_batch(sorted(folder.iterdir()), store.prepare(db).catalogue_rows)
    assert [i.state for i in outcome.result.inputs] == ["document", "held", "failed", "failed"]
    assert write_folder(db, folder) == RunCounts(seen=4, new=1, unchanged=1, failed=2, facts=1)
    with duckdb.connect(str(db), read_only=True) as con:  # documents + quarantine = inputs, each once
        assert con.execute("SELECT source_name FROM document_sources ORDER BY 1").fetchall() == [
            ("a.txt",), ("b_copy.txt",)]
        assert con.execute("SELECT stage, error, count(*) FROM quarantine GROUP BY ALL").fetchall() == [
            ("read", "empty input: the file holds no text", 2)]


def test_facts_written_before_the_key_index_was_dropped_survive_the_upgrade(tmp_path):
    db, old = tmp_path / "w.duckdb", tmp_path / "migrations"
    old.mkdir()
    for version, path in store.migrations():
        if version < 7:
            shutil.copy(path, old / path.name)
    with store.connect(db) as con:
        store.migrate(con, old)
    with store.connect(db) as con:  # loaded as a loader of that time did
        for name, table in seed_batch(tmp_path / "scratch.duckdb").tables.items():
            con.register(name, store.arrow_table(table))
        for table, batch_table in (("documents", "batch_documents"), ("facts", "batch_facts")):
            then = ", ".join(r[0] for r in con.execute(f"DESCRIBE {table}").fetchall())  # its columns then
            con.execute(f"INSERT INTO {table} BY NAME SELECT {then} FROM {batch_table}")
    before = count(db, "SELECT count(*) FROM facts")
    keyed = "SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'facts' AND constraint_type = 'PRIMARY KEY'"
    assert count(db, keyed) == 1

    store.prepare(db)  # applies 007

    assert before > 100
    assert count(db, "SELECT count(*) FROM facts") == before
    assert count(db, keyed) == 0
    assert count(db, "SELECT count(*) FROM fact_sources") == before  # views over facts still bind


@pytest.mark.parametrize("spoil, reason", [
    (with_first_row_twice, "occurs more than once"),
    (lambda facts: with_column(facts, "doc_id", lambda ids: ["elsewhere"] * len(ids)), "not of a document"),
], ids=["repeated id", "stray document"])
def test_a_batch_whose_fact_ids_could_collide_is_refused_whole(tmp_path, spoil, reason):
    db = tmp_path / "w.duckdb"
    batch = seed_batch(db)

    with pytest.raises(ValueError, match=reason):
        store.write_batch(db, with_facts(batch, spoil(batch.tables["batch_facts"])), "run-1")

    assert count(db, "SELECT count(*) FROM documents") == 0
    assert count(db, "SELECT count(*) FROM facts") == 0
    store.write_batch(db, batch, "run-1")  # the connection is left clean: the sound batch lands
    assert count(db, "SELECT count(*) FROM facts") == len(batch.tables["batch_facts"])


def test_a_load_counts_the_consistency_checks_its_batch_fails(tmp_path):
    db = tmp_path / "w.duckdb"
    assert store.write_batch(db, seed_batch(db), "run-1").failed_checks == 0
    state = store.prepare(db)
    planted = pipeline.process_batch(sorted((DATA / "planted").iterdir()), state.catalogue_rows)
    tables = batch_tables(planted.result, Catalogue(state.catalogue_rows).fingerprint, "run-2")

    assert store.write_batch(db, tables, "run-2").failed_checks == 5  # the planted article's five, on the batch alone
    assert count(db, "SELECT count(*) FROM failed_checks") == 5


def test_a_runs_loading_connection_bounds_duckdbs_memory_and_other_connections_do_not(tmp_path, monkeypatch):
    """DuckDB's cache would keep what a run wrote, up to 80 % of RAM; a query can need more than a load."""
    monkeypatch.setenv("CDS_LOAD_MEMORY_LIMIT", "100MB")
    db, limit = tmp_path / "w.duckdb", "SELECT current_setting('memory_limit')"
    with store.held(db), store.connect(db) as con:
        assert con.execute(limit).fetchone()[0] == "95.3 MiB"
    with store.connect(db) as con:
        assert con.execute(limit).fetchone()[0] != "95.3 MiB"


@pytest.mark.parametrize("threshold, log_kept", [("1GB", True), ("1KB", False)])
def test_a_runs_loads_are_checkpointed_at_the_threshold_and_when_the_run_ends(tmp_path, monkeypatch, threshold,
                                                                                log_kept):
    """Checkpointing every few batches cost more as the file grew: a run's loads gather their log up to a threshold."""
    monkeypatch.setattr(store, "LOAD_CHECKPOINT_THRESHOLD", threshold)
    db = tmp_path / "w.duckdb"
    batch = seed_batch(db)
    log = Path(f"{db}.wal")
    with store.held(db):
        store.write_batch(db, batch, "run-1")
        assert (log.exists() and log.stat().st_size > 0) == log_kept
    assert not log.exists()
    assert count(db, "SELECT count(*) FROM facts") == len(batch.tables["batch_facts"])


@pytest.fixture
def two_warehouses(tmp_path):
    """A warehouse with a table, and another warehouse file beside it that a query must not touch."""
    db, other = tmp_path / "w.duckdb", tmp_path / "other.duckdb"
    for path in (db, other):
        with duckdb.connect(str(path)) as con:
            con.execute("CREATE TABLE t AS SELECT 42 AS answer")
    (tmp_path / "notes.csv").write_text("secret\n1\n", encoding="utf-8")
    return db, other


@pytest.mark.parametrize("statement", [
    "COPY (SELECT 1) TO '{dir}/other.duckdb' (FORMAT csv)",
    "COPY t TO '{dir}/new.parquet' (FORMAT parquet)",
    "EXPORT DATABASE '{dir}/dump'",
    "ATTACH '{dir}/other.duckdb' AS o",
    "ATTACH '{dir}/created.duckdb' AS c",
    "SELECT * FROM read_csv('{dir}/notes.csv')",
    "SELECT * FROM '{dir}/notes.csv'",
    "SELECT * FROM glob('{dir}/*')",
    "INSTALL httpfs",
    "LOAD spatial",
    "SET enable_external_access = true",
    "SET lock_configuration = false",
])
def test_a_read_only_analyst_connection_touches_no_file_but_the_warehouse(two_warehouses, statement):
    db, other = two_warehouses
    before = {p.name: p.read_bytes() for p in db.parent.iterdir()}
    con = store.analyst_connection(db)
    try:
        with pytest.raises(duckdb.Error):
            con.execute(statement.format(dir=db.parent))
        assert con.execute("SELECT answer FROM t").fetchone() == (42,)  # reading the warehouse still works
    finally:
        con.close()
    assert {p.name: p.read_bytes() for p in db.parent.iterdir()} == before


def test_an_analyst_connection_with_write_may_change_the_warehouse_and_reads_vietnam_time(two_warehouses):
    db, _ = two_warehouses
    con = store.analyst_connection(db, write=True)
    try:
        con.execute("INSERT INTO t VALUES (7)")
        assert con.execute("SELECT current_setting('TimeZone')").fetchone() == ("Asia/Ho_Chi_Minh",)
    finally:
        con.close()
    assert count(db, "SELECT count(*) FROM t") == 2


def _one_article_loaded(tmp_path: Path) -> tuple[Path, Path]:
    """(folder, warehouse): a folder of one article, loaded into the warehouse."""
    folder, db = tmp_path / "in", tmp_path / "w.duckdb"
    folder.mkdir()
    (folder / "a.txt").write_text("Bài\n\nNội dung có 3 xã.", encoding="utf-8")
    write_folder(db, folder)
    return folder, db


def test_each_catalogue_documents_were_read_under_is_kept_for_telling_what_a_change_reaches(tmp_path):
    _, db = _one_article_loaded(tmp_path)
    before = store.prepare(db)
    assert before.catalogues == {}  # every document is held under the catalogue of this run
    with duckdb.connect(str(db)) as con:
        con.execute("INSERT INTO indicators VALUES ('user.x', 'x', 'count', 'x', 'x', 'x')")

    after = store.prepare(db)

    assert after.catalogues == {Catalogue(before.catalogue_rows).fingerprint: before.catalogue_rows}
    assert count(db, "SELECT count(*) FROM catalogue_versions") == 2


def test_a_kept_document_moves_to_the_new_catalogue_unless_another_run_read_it_again_meanwhile(tmp_path):
    folder, db = _one_article_loaded(tmp_path)
    doc_id, held_under = store.prepare(db).known.popitem()[0], "the catalogue it was read under"
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE documents SET catalogue_fingerprint = ?", [held_under])
    facts = count(db, "SELECT count(*) FROM facts")

    def keep(read_under: str) -> RunCounts:
        held = BatchResult(inputs=[SeenInput(str(folder / "a.txt"), "a.txt", doc_id, "held")],
                           kept=[(doc_id, read_under)])
        return store.write_batch(db, batch_tables(held, "new catalogue", "run"), "run")

    assert keep("another catalogue") == RunCounts(seen=1, unchanged=1)  # read again meanwhile: left as it is
    assert count(db, f"SELECT count(*) FROM documents WHERE catalogue_fingerprint = '{held_under}'") == 1
    assert keep(held_under) == RunCounts(seen=1, unchanged=1)
    assert count(db, "SELECT count(*) FROM documents WHERE catalogue_fingerprint = 'new catalogue'") == 1
    assert count(db, "SELECT count(*) FROM facts") == facts
