import duckdb

from tasks import load
from tasks.clean import CLEANER_VERSION
from tasks.extract import EXTRACTOR_VERSION
from tasks.models import WarehouseState
from tasks.pipeline import classify
from tasks.sources import raw_doc_from_bytes


def test_migrations_apply_once(tmp_path):
    db = tmp_path / "w.duckdb"
    with load.connect(db) as con:
        assert load.migrate(con) == [v for v, _ in load.migrations()]
        assert load.migrate(con) == []
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"documents", "facts", "indicators", "runs", "quarantine", "provinces", "document_raw"} <= tables


def test_a_later_migration_upgrades_an_existing_file(tmp_path):
    db = tmp_path / "w.duckdb"
    migrations = tmp_path / "migrations"
    migrations.mkdir()
    for version, path in load.migrations():
        (migrations / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    with load.connect(db) as con:
        load.migrate(con, migrations)
    (migrations / "999_add_note.sql").write_text("ALTER TABLE documents ADD COLUMN note VARCHAR;", encoding="utf-8")
    with load.connect(db) as con:
        assert load.migrate(con, migrations) == [999]
        assert "note" in {r[0] for r in con.execute("DESCRIBE documents").fetchall()}


def test_user_indicators_survive_reseeding(tmp_path):
    db = tmp_path / "w.duckdb"
    load.prepare(db)
    with duckdb.connect(str(db)) as con:
        con.execute("INSERT INTO indicators VALUES ('user.drones', 'x', 'count', 'Máy bay không người lái', '', 'drone')")
    state = load.prepare(db)
    assert "user.drones" in {r["code"] for r in state.catalogue_rows}


def test_classify_decides_what_a_run_must_do():
    raw = raw_doc_from_bytes("Bài\n\nNội dung có 3 xã.".encode(), "a.txt", "/in/a.txt")
    state = WarehouseState()
    assert classify(raw, state, "fp") == ("new", None)
    state.known[raw.doc_id] = ("/in/a.txt", CLEANER_VERSION, EXTRACTOR_VERSION, "fp")
    state.by_uri["/in/a.txt"] = raw.doc_id
    assert classify(raw, state, "fp") == ("unchanged", None)
    assert classify(raw, state, "other catalogue") == ("changed", raw.doc_id)
    state.known[raw.doc_id] = ("/in/a.txt", CLEANER_VERSION, EXTRACTOR_VERSION - 1, "fp")
    assert classify(raw, state, "fp") == ("changed", raw.doc_id)
    state.known[raw.doc_id] = ("/in/a.txt", CLEANER_VERSION - 1, EXTRACTOR_VERSION, "fp")
    assert classify(raw, state, "fp") == ("changed", raw.doc_id)
    edited = raw_doc_from_bytes("Bài\n\nNội dung có 4 xã.".encode(), "a.txt", "/in/a.txt")
    assert classify(edited, state, "fp") == ("changed", raw.doc_id)
