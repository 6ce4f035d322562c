"""The DuckDB warehouse: schema migrations, reference data, what is known, and bulk loads.

Every write is one transaction: a batch of documents lands whole (documents,
raw bytes, facts, quarantine) or not at all. Loads go in as Arrow tables.
"""
from __future__ import annotations

import json
import logging
import os
import time
import re
import socket
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Iterator

import duckdb
import pyarrow as pa
import pyarrow.csv  # noqa: F401  (pa.csv)

from cds_facts.tasks import settings
from cds_facts.tasks.io.reference import (read_catalogue_csv, read_csv_rows, read_reference_tables,
                                          shipped_reference_tables)
from cds_facts.tasks.meaning.indicators import CATALOGUE_COLUMNS, TRAIT_COLUMNS, Catalogue
from cds_facts.tasks.text.clean import CLEANER_VERSION
from cds_facts.tasks.models import Article, BatchResult, RunCounts, Validators, WarehouseState
from cds_facts.tasks.io.processes import process_alive
from cds_facts.tasks.io.tables import (BINARY, FLOAT64, INSTANT, INT32, STRING, STRINGS, BatchTables, Columns,
                                       batch_tables, utc_now)

# New files are written in a storage format DuckDB 1.5 clients (the duckdb CLI on PyPI) can open.
STORAGE_COMPATIBILITY = "v1.5.0"
# How much write-ahead log a run's loads gather before DuckDB checkpoints it into the file: a checkpoint costs
# more the bigger the file, and DuckDB's 16 MB made one every few batches (bench/README.md has the figures).
LOAD_CHECKPOINT_THRESHOLD = "512MB"
log = logging.getLogger("cds.load")
_MIGRATION_NAME = re.compile(r"^(\d+)_.+\.sql$")


class WarehouseLocked(RuntimeError):
    """Another process held the warehouse file for longer than we wait."""


def _connect_waiting(db: str | Path, read_only: bool, config: dict,
                     on_wait: Callable[[str], None] | None = None) -> duckdb.DuckDBPyConnection:
    """Open the file, waiting with backoff while another process holds its lock (an analyst's session);
    on_wait hears why, once, when the waiting starts (else it is logged at each retry)."""
    waited, delay, limit = 0.0, 0.1, settings.lock_wait_seconds()
    while True:
        try:
            return duckdb.connect(str(db), read_only=read_only, config=config)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if waited >= limit:
                raise WarehouseLocked(f"{db} stayed locked by another process for {waited:.0f} s "
                                      f"(limit CDS_LOCK_WAIT_SECONDS={limit:g}): "
                                      f"{' '.join(str(exc).split())}") from exc
            why = f"warehouse {db} is locked by another process (up to CDS_LOCK_WAIT_SECONDS={limit:g} s)"
            if on_wait is None:
                log.warning("%s; retrying in %.1f s", why, delay)
            elif waited == 0:
                on_wait(why)
            time.sleep(delay)
            waited += delay
            delay = min(delay * 2, 5.0)


# Connections a run holds open for its loads, by resolved path (see held).
_HELD: dict[Path, duckdb.DuckDBPyConnection] = {}


@contextmanager
def held(db: str | Path) -> Iterator[None]:
    """Hold one connection to db for the block: every connect(db) in it uses that one.

    A run's loads share it, so the file is checkpointed when its log reaches
    LOAD_CHECKPOINT_THRESHOLD and at the end, rather than at every batch's close
    (a checkpoint costs more the bigger the file). Each batch is still its own
    transaction. Other processes wait while it is held.
    """
    key = Path(db).resolve()
    if key in _HELD:
        yield
        return
    with connect(db) as con:
        # DuckDB's buffer cache would keep what the run wrote, up to 80 % of RAM: loads stream batch by
        # batch and need little. Analysts' SQL uses other connections, without this limit.
        con.execute("SET memory_limit = ?", [settings.load_memory_limit()])
        con.execute("SET checkpoint_threshold = ?", [LOAD_CHECKPOINT_THRESHOLD])
        _HELD[key] = con
        try:
            yield
        finally:
            del _HELD[key]


@contextmanager
def connect(db: str | Path, read_only: bool = False,
            on_wait: Callable[[str], None] | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection held only as long as it is used, so other clients may open the file in between;
    inside held(db), the connection held for the run. on_wait: see _connect_waiting."""
    if (shared := _HELD.get(Path(db).resolve())) is not None:
        yield shared
        return
    config = {}
    if not read_only and not Path(db).exists():
        Path(db).parent.mkdir(parents=True, exist_ok=True)
        config["storage_compatibility_version"] = STORAGE_COMPATIBILITY
    con = _connect_waiting(db, read_only, config, on_wait)
    try:
        yield con
    finally:
        con.close()


# What an analyst's read-only connection may not do: anything beyond reading this warehouse. No other file
# is read or written (COPY TO, ATTACH, read_csv, EXPORT), no extension installed or loaded, and the settings
# are locked so a statement cannot lift this. cds's own readers (export, report) use connect().
_QUERY_ONLY = {"enable_external_access": False, "autoinstall_known_extensions": False,
               "autoload_known_extensions": False}
ANALYST_TIMEZONE = "Asia/Ho_Chi_Minh"  # timestamps print as Vietnam's clocks read them


def analyst_connection(db: str | Path, write: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection for a person's SQL: read-only and confined to the warehouse (_QUERY_ONLY), unless
    write, when the statement may change the warehouse and use other files as DuckDB allows."""
    con = duckdb.connect(str(db), read_only=not write, config={} if write else _QUERY_ONLY)
    con.execute(f"SET TimeZone = '{ANALYST_TIMEZONE}'")
    if not write:
        con.execute("SET lock_configuration = true")
    return con


def migrations(directory: Path | None = None) -> list[tuple[int, Path]]:
    directory = directory or settings.data_path("migrations")
    found = [(int(m.group(1)), p) for p in directory.glob("*.sql") if (m := _MIGRATION_NAME.match(p.name))]
    return sorted(found)


def migrate(con: duckdb.DuckDBPyConnection, directory: Path | None = None) -> list[int]:
    """Apply the migrations the file has not seen yet, each in its own transaction; return their versions."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_migrations"
                " (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)")
    applied = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    done = []
    for version, path in migrations(directory):
        if version in applied:
            continue
        con.execute("BEGIN")
        try:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, path.name, utc_now()])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        done.append(version)
    return done


# reference_values' columns as migration 012 makes them.
_REFERENCE_SCHEMA = pa.schema([("indicator", pa.string()), ("province", pa.string()), ("province_2025", pa.string()),
                               ("year", pa.int32()), ("value", pa.float64()), ("denominator", pa.float64()),
                               ("decimals", pa.int32()), ("source", pa.string()), ("origin", pa.string())])
_REFERENCE_COLUMNS = _REFERENCE_SCHEMA.names


def seed_reference_data(con: duckdb.DuckDBPyConnection) -> None:
    """Indicators from the catalogue CSV: the codes it ships are set as it states them (a new release's
    cues, names and traits reach a warehouse made by an older one), codes users added stay as they are. Indicator
    splits the table lacks added; provinces and places replaced from their CSVs."""
    rows = read_catalogue_csv()
    catalogue = pa.table({col: [r.get(col) for r in rows] for col in CATALOGUE_COLUMNS})
    traits = pa.table({col: [r.get(col) or None for r in rows] for col in ["code", *TRAIT_COLUMNS]})
    province_rows = read_csv_rows(settings.data_path("provinces.csv"))
    provinces = pa.table({col: [r[col] for r in province_rows] for col in province_rows[0]})
    places = pa.csv.read_csv(settings.data_path("places.csv"), convert_options=pa.csv.ConvertOptions(
        column_types={c: pa.string() for c in ("code", "level", "name", "full_name", "district", "province", "era")},
        strings_can_be_null=True))
    shipped_tables = shipped_reference_tables()
    official = read_reference_tables(shipped_tables, {r["code"]: r["kind"] for r in rows}, province_rows)
    part_rows = read_csv_rows(settings.data_path("indicator_parts.csv"))
    parts = pa.table({col: [r[col] for r in part_rows] for col in ("total_indicator", "part_indicator")})
    con.execute("BEGIN")
    con.register("catalogue_csv", catalogue)
    con.register("traits_csv", traits)
    con.register("provinces_csv", provinces)
    con.register("parts_csv", parts)
    con.register("places_csv", places)
    try:
        shipped = ", ".join(f"{col} = c.{col}" for col in CATALOGUE_COLUMNS if col != "code")
        differs = " OR ".join(f"i.{col} IS DISTINCT FROM c.{col}" for col in CATALOGUE_COLUMNS if col != "code")
        con.execute(f"UPDATE indicators i SET {shipped} FROM catalogue_csv c WHERE i.code = c.code AND ({differs})")
        con.execute("INSERT OR REPLACE INTO indicator_traits BY NAME SELECT * FROM traits_csv")
        con.execute("INSERT INTO indicators SELECT * FROM catalogue_csv"
                    " WHERE code NOT IN (SELECT code FROM indicators)")
        con.execute("INSERT OR IGNORE INTO indicator_parts SELECT * FROM parts_csv")
        con.execute("DELETE FROM places")
        con.execute("INSERT INTO places BY NAME SELECT * FROM places_csv")
        # The shipped official tables are set as their files state them; tables users loaded stay.
        _replace_reference_values(con, [p.name for p in shipped_tables], official)
        con.execute("DELETE FROM provinces")
        con.execute("INSERT INTO provinces SELECT code, name, full_name, era, name_2025, NULLIF(aliases, '')"
                    " FROM provinces_csv")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        for name in ("catalogue_csv", "traits_csv", "provinces_csv", "parts_csv", "places_csv"):
            con.unregister(name)


def load_reference_tables(db: str | Path, paths: list[Path]) -> dict[str, int]:
    """A user's official tables into reference_values, in one transaction: each file's rows replace those
    it loaded before (named by its file name). How many values each file holds."""
    with connect(db) as con:
        migrate(con)
        codes = dict(con.execute("SELECT code, kind FROM indicators").fetchall())
        if not codes:  # a warehouse no run has seeded yet
            codes = {r["code"]: r["kind"] for r in read_catalogue_csv()}
        provinces = read_csv_rows(settings.data_path("provinces.csv"))
        loaded = {path.name: read_reference_tables([path], codes, provinces) for path in paths}
        con.execute("BEGIN")
        try:
            _replace_reference_values(con, list(loaded), [r for rows in loaded.values() for r in rows])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return {name: len(rows) for name, rows in loaded.items()}


def _replace_reference_values(con: duckdb.DuckDBPyConnection, origins: list[str], values: list[dict]) -> None:
    """The rows of these files in reference_values replaced by values (within the caller's transaction)."""
    table = pa.table({col: [v[col] for v in values] for col in _REFERENCE_COLUMNS}, schema=_REFERENCE_SCHEMA)
    con.execute("DELETE FROM reference_values WHERE origin IN (SELECT unnest(?))", [origins])
    con.register("reference_values_batch", table)
    try:
        con.execute("INSERT INTO reference_values BY NAME SELECT * FROM reference_values_batch")
    finally:
        con.unregister("reference_values_batch")


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def cleaned_articles(db: str | Path, doc_ids: list[str]) -> dict[str, Article]:
    """The held articles of these documents that these cleaning rules made (CLEANER_VERSION), as they made them:
    what a re-extraction reads instead of cleaning their files again. published_at comes back as the instant
    it is stored as, in UTC (the zone the page stated is not stored)."""
    columns = "doc_id, title, outlet, epoch_us(published_at), authors, province, clean_text, metadata_evidence"
    with connect(db) as con:
        rows = [row for chunk in _held_rows(con, columns, doc_ids, max(len(doc_ids), 1)) for row in chunk]
    return {doc_id: Article(doc_id=doc_id, title=title, outlet=outlet,
                            published_at=None if micros is None else _EPOCH + timedelta(microseconds=micros),
                            authors=tuple(authors or ()), province=province, text=text, metadata_evidence=evidence)
            for doc_id, title, outlet, micros, authors, province, text, evidence in rows}


def held_texts(db: str | Path, doc_ids: list[str], size: int) -> Iterator[dict[str, str]]:
    """The texts these cleaning rules made of these documents (doc_id -> clean_text), about size at a time."""
    with connect(db) as con:
        for chunk in _held_rows(con, "doc_id, clean_text", doc_ids, size):
            yield dict(chunk)


def _held_rows(con: duckdb.DuckDBPyConnection, columns: str, doc_ids: list[str], size: int) -> Iterator[list[tuple]]:
    """These columns (the first: doc_id) of the documents among doc_ids that these cleaning rules made, about
    size documents at a time.

    Read by ranges of the documents table's rows, in the order it stores them: a query for a list of ids
    reads every row's compressed text, whatever the list's length; one for a range of rows reads only the
    range's (bench/README.md has the figures). A range holds up to size documents within _RANGE_ROWS rows;
    one whose documents are sparse in it names them too, so that the rows between are not read out.
    """
    if not doc_ids:
        return
    where = con.execute("SELECT rowid, doc_id FROM documents WHERE doc_id IN (SELECT unnest($ids))"
                        " AND cleaner_version = $version ORDER BY rowid",
                        {"ids": doc_ids, "version": CLEANER_VERSION}).fetchall()
    ranges: list[list[tuple[int, str]]] = []
    for rowid, doc_id in where:
        if not ranges or len(ranges[-1]) >= size or rowid // _RANGE_ROWS != ranges[-1][0][0] // _RANGE_ROWS:
            ranges.append([])
        ranges[-1].append((rowid, doc_id))
    for found in ranges:
        first, last, wanted = found[0][0], found[-1][0], [doc_id for _, doc_id in found]
        if last - first < 2 * len(found):
            rows = con.execute(f"SELECT {columns} FROM documents WHERE rowid BETWEEN ? AND ?", [first, last])
        else:
            rows = con.execute(f"SELECT {columns} FROM documents WHERE rowid BETWEEN ? AND ?"
                               " AND doc_id IN (SELECT unnest(?))", [first, last, wanted])
        named = set(wanted)
        yield [row for row in rows.fetchall() if row[0] in named]


_RANGE_ROWS = 8192  # how many of the table's rows one read may span


def prepare(db: str | Path) -> WarehouseState:
    """Migrate the file, seed reference data, mark runs whose process died as failed, and read what it holds."""
    with connect(db) as con:
        migrate(con)
        seed_reference_data(con)
        close_dead_runs(con)
        state = WarehouseState()
        for doc_id, cleaner, extractor, fingerprint in con.execute(
                "SELECT doc_id, cleaner_version, extractor_version, catalogue_fingerprint FROM documents").fetchall():
            state.known[doc_id] = (cleaner, extractor, fingerprint)
        state.by_uri = dict(con.execute("SELECT source_uri, doc_id FROM document_sources").fetchall())
        for url, etag, last_modified in con.execute(
                "SELECT url, etag, last_modified FROM fetched_pages").fetchall():
            state.fetched[url] = Validators(etag, last_modified)
        names = [*CATALOGUE_COLUMNS, *TRAIT_COLUMNS]
        columns = ", ".join([f"i.{c}" for c in CATALOGUE_COLUMNS] + [f"t.{c}" for c in TRAIT_COLUMNS])
        cursor = con.execute(f"SELECT {columns} FROM indicators i LEFT JOIN indicator_traits t USING (code)"
                             " ORDER BY code")
        state.catalogue_rows = [dict(zip(names, row)) for row in cursor.fetchall()]
        fingerprint = Catalogue(state.catalogue_rows).fingerprint
        con.execute("INSERT OR IGNORE INTO catalogue_versions VALUES (?, ?, ?)",
                    [fingerprint, json.dumps(state.catalogue_rows, ensure_ascii=False), utc_now()])
        held_under = {version[2] for version in state.known.values()} - {fingerprint}
        state.catalogues = {fp: json.loads(rows) for fp, rows in con.execute(
            "SELECT fingerprint, catalogue_rows FROM catalogue_versions WHERE fingerprint IN (SELECT unnest(?))",
            [sorted(held_under)]).fetchall()}
    return state


# Each input of a batch against the warehouse as it is when the batch is written (inside its transaction,
# so two runs at once count only what each added): a document already held under the same rules is
# unchanged, whichever run brought it; one held under older rules is re-extracted (changed); a new content
# is changed if its source held another before, else new. A held input whose content the warehouse no
# longer has (another run removed it meanwhile) is lost: quarantined, for the next run to read again.
_OUTCOMES = """
CREATE OR REPLACE TEMP TABLE batch_outcome AS
SELECT i.source_uri, i.source_name, i.doc_id, i.state, s.doc_id AS held_before,
       CASE WHEN i.state IN ('failed', 'feed') THEN i.state
            WHEN i.state = 'held' AND d.doc_id IS NULL AND b.doc_id IS NULL THEN 'lost'  -- nor earlier in the batch
            WHEN i.state = 'held' THEN 'unchanged'
            WHEN d.doc_id IS NOT NULL AND d.cleaner_version = b.cleaner_version
                 AND d.extractor_version = b.extractor_version
                 AND d.catalogue_fingerprint = b.catalogue_fingerprint THEN 'unchanged'
            WHEN d.doc_id IS NOT NULL THEN 'reextracted'
            WHEN s.doc_id IS NOT NULL AND s.doc_id <> i.doc_id THEN 'changed'
            ELSE 'new' END AS outcome
FROM batch_inputs i
LEFT JOIN document_sources s USING (source_uri)
LEFT JOIN documents d ON d.doc_id = i.doc_id
LEFT JOIN batch_documents b ON b.doc_id = i.doc_id
"""
_WRITE = [
    # Documents re-extracted lose their old rows, keeping the source they were first read from.
    """CREATE OR REPLACE TEMP TABLE batch_replaced AS
       SELECT doc_id, d.source_name, d.source_uri FROM documents d
       WHERE doc_id IN (SELECT doc_id FROM batch_outcome WHERE outcome = 'reextracted')""",
    """CREATE OR REPLACE TEMP TABLE batch_written AS
       SELECT doc_id FROM batch_outcome WHERE outcome IN ('new', 'changed', 'reextracted')""",
    "DELETE FROM facts WHERE doc_id IN (SELECT doc_id FROM batch_replaced)",
    "DELETE FROM document_raw WHERE doc_id IN (SELECT doc_id FROM batch_replaced)",
    "DELETE FROM documents WHERE doc_id IN (SELECT doc_id FROM batch_replaced)",
    """INSERT INTO documents BY NAME
       SELECT b.* REPLACE (coalesce(r.source_name, b.source_name) AS source_name,
                           coalesce(r.source_uri, b.source_uri) AS source_uri)
       FROM batch_documents b LEFT JOIN batch_replaced r USING (doc_id)
       WHERE b.doc_id IN (SELECT doc_id FROM batch_written)""",
    "INSERT INTO document_raw BY NAME SELECT * FROM batch_raw WHERE doc_id IN (SELECT doc_id FROM batch_written)",
    """CREATE OR REPLACE TEMP VIEW batch_facts_written AS
       SELECT * FROM batch_facts WHERE doc_id IN (SELECT doc_id FROM batch_written)""",
    "INSERT INTO facts BY NAME SELECT * FROM batch_facts_written",
    # Documents the catalogue's change does not reach keep their facts, now as this catalogue's: unless
    # another run read them again meanwhile.
    """UPDATE documents SET catalogue_fingerprint = k.catalogue_fingerprint FROM batch_kept k
       WHERE documents.doc_id = k.doc_id AND documents.catalogue_fingerprint = k.read_under
         AND documents.cleaner_version = k.cleaner_version AND documents.extractor_version = k.extractor_version""",
    # Every input whose content is a document claims it; a source that held other content moves its claim.
    """INSERT OR REPLACE INTO document_sources
       SELECT o.source_uri, o.source_name, o.doc_id,
              CASE WHEN o.held_before = o.doc_id THEN s.first_seen_at ELSE $now END,
              $now,
              CASE WHEN o.held_before = o.doc_id THEN s.first_run_id ELSE $run_id END,
              $run_id
       FROM batch_outcome o LEFT JOIN document_sources s USING (source_uri)
       WHERE o.outcome IN ('new', 'changed', 'reextracted', 'unchanged')""",
    # A document no source holds any more goes: a changed file's old article, unless a copy still holds it.
    """CREATE OR REPLACE TEMP TABLE batch_orphans AS
       SELECT DISTINCT held_before AS doc_id FROM batch_outcome
       WHERE held_before IS NOT NULL AND held_before NOT IN (SELECT doc_id FROM document_sources)""",
    "DELETE FROM facts WHERE doc_id IN (SELECT doc_id FROM batch_orphans)",
    "DELETE FROM document_raw WHERE doc_id IN (SELECT doc_id FROM batch_orphans)",
    "DELETE FROM documents WHERE doc_id IN (SELECT doc_id FROM batch_orphans)",
    # A document kept by a copy after its own source moved on names a source that holds it.
    """UPDATE documents SET source_uri = c.source_uri, source_name = c.source_name
       FROM (SELECT doc_id, arg_min(source_uri, first_seen_at) AS source_uri,
                    arg_min(source_name, first_seen_at) AS source_name
             FROM document_sources GROUP BY doc_id) c
       WHERE documents.doc_id = c.doc_id
         AND documents.doc_id IN (SELECT held_before FROM batch_outcome UNION SELECT doc_id FROM batch_outcome)
         AND NOT EXISTS (SELECT 1 FROM document_sources h
                         WHERE h.source_uri = documents.source_uri AND h.doc_id = documents.doc_id)""",
    # An input's quarantine rows are its last state's: cleared when it loads, replaced when it fails again.
    "DELETE FROM quarantine WHERE source_uri IN (SELECT source_uri FROM batch_outcome)",
    "INSERT INTO quarantine BY NAME SELECT * FROM batch_quarantine",
    """INSERT INTO quarantine (source_uri, stage, error, sha256, raw, run_id, quarantined_at)
       SELECT source_uri, 'load', 'its article was removed by another run while this one ran: run again', NULL,
              NULL, $run_id, $now FROM batch_outcome WHERE outcome = 'lost'""",
    "INSERT OR REPLACE INTO fetched_pages BY NAME SELECT * FROM batch_pages",
    "INSERT INTO fetch_log BY NAME SELECT * FROM batch_fetch_log",
]
_COUNTED = {"new": "new", "changed": "changed", "reextracted": "changed", "unchanged": "unchanged",
            "failed": "failed", "lost": "failed"}


# The Arrow type of each column type a batch's tables name (tasks/io/tables.py).
ARROW_TYPES = {STRING: pa.string(), INT32: pa.int32(), FLOAT64: pa.float64(), INSTANT: pa.timestamp("us", tz="UTC"),
               BINARY: pa.binary(), STRINGS: pa.list_(pa.string())}


def arrow_table(table: Columns) -> pa.Table:
    """A batch's table as the Arrow table a load registers."""
    return pa.table({name: pa.array(values, type=ARROW_TYPES[kind]) for name, (kind, values) in table.columns.items()})


def write_batch(db: str | Path, batch: BatchTables, run_id: str, also: RunCounts | None = None) -> RunCounts:
    """Write one batch's tables in one transaction: it lands whole or not at all. Returns what it did,
    counted against the warehouse as it was inside the transaction, and how many consistency checks
    (the failed_checks view's) its facts fail: checked here, on the batch alone, as every check is
    within one document. The counts, with also's (what the caller knows of the batch beyond its tables:
    inputs skipped, feeds that failed), go into the run's row in the same transaction."""
    with connect(db) as con:
        for name, table in batch.tables.items():
            con.register(name, arrow_table(table))
        con.execute("BEGIN")
        try:
            refuse_stray_facts(con)
            con.execute(_OUTCOMES)
            parameters = {"now": utc_now(), "run_id": run_id}
            for statement in _WRITE:
                con.execute(statement, {k: v for k, v in parameters.items() if f"${k}" in statement})
            counts = RunCounts()
            for outcome, number in con.execute("SELECT outcome, count(*) FROM batch_outcome GROUP BY 1").fetchall():
                if outcome in _COUNTED:
                    setattr(counts, _COUNTED[outcome], getattr(counts, _COUNTED[outcome]) + number)
                    counts.seen += number
            counts.facts = con.execute("SELECT count(*) FROM batch_facts_written").fetchone()[0]
            counts.failed_checks = con.execute(
                "SELECT count(*) FROM consistency_checks('batch_facts_written', 'batch_documents')").fetchone()[0]
            counts.agree, counts.contradict = con.execute(
                "SELECT count(*) FILTER (WHERE verdict = 'agrees'), count(*) FILTER (WHERE verdict = 'contradicts')"
                " FROM fact_verdicts('batch_facts_written')").fetchone()
            if also is not None:
                counts.add(also)
            add_run_counts(con, run_id, counts)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        finally:
            for name in batch.tables:
                con.unregister(name)
    return counts


def refuse_stray_facts(con: duckdb.DuckDBPyConnection) -> None:
    """Raise unless the registered batch's facts have distinct ids and belong to its documents.

    facts carries no key index (migration 007), so this is what keeps fact_id
    unique: documents.doc_id is a key, and a fact id starts with its document's.
    """
    repeated = con.execute("SELECT fact_id FROM batch_facts GROUP BY fact_id HAVING count(*) > 1 LIMIT 1").fetchone()
    if repeated:
        raise ValueError(f"batch refused: fact id {repeated[0]} occurs more than once")
    stray = con.execute("SELECT fact_id FROM batch_facts WHERE doc_id NOT IN (SELECT doc_id FROM batch_documents)"
                        " OR NOT starts_with(fact_id, doc_id || ':') LIMIT 1").fetchone()
    if stray:
        raise ValueError(f"batch refused: fact {stray[0]} is not of a document in the batch")


def load_batch(db: str | Path, batch: BatchResult, fingerprint: str, run_id: str,
               also: RunCounts | None = None) -> RunCounts:
    """Build one batch's tables and write them in one transaction."""
    return write_batch(db, batch_tables(batch, fingerprint, run_id), run_id, also)


def start_run(db: str | Path, run_id: str, flow_run_id: str | None, flow_name: str, inputs: str) -> None:
    """The run's row, 'running', with this process and host (close_dead_runs tells a dead one by them).
    The cds command writes it before Prefect starts, so a run killed at any moment leaves its row."""
    with connect(db) as con:
        migrate(con)
        con.execute("INSERT INTO runs (run_id, flow_run_id, flow_name, started_at, status, inputs, pid, host,"
                    " seen, new, changed, unchanged, failed, skipped, facts)"
                    " VALUES (?, ?, ?, ?, 'running', ?, ?, ?, 0, 0, 0, 0, 0, 0, 0)",
                    [run_id, flow_run_id, flow_name, utc_now(), inputs, os.getpid(), socket.gethostname()])


def attach_run(db: str | Path, run_id: str, flow_run_id: str | None) -> None:
    """The Prefect flow run that carries out a run whose row the cds command wrote."""
    with connect(db) as con:
        con.execute("UPDATE runs SET flow_run_id = ? WHERE run_id = ?", [flow_run_id, run_id])


_RUN_COUNTS = ("seen", "new", "changed", "unchanged", "failed", "skipped", "facts")


def add_run_counts(con: duckdb.DuckDBPyConnection, run_id: str, counts: RunCounts) -> None:
    """Add what a batch did to its run's row, in the caller's transaction: a run killed after a batch
    committed still counts that batch."""
    assignments = ", ".join(f"{name} = coalesce({name}, 0) + ?" for name in _RUN_COUNTS)
    con.execute(f"UPDATE runs SET {assignments} WHERE run_id = ?",
                [*(getattr(counts, name) for name in _RUN_COUNTS), run_id])


def record_run_counts(db: str | Path, run_id: str, counts: RunCounts) -> None:
    """add_run_counts for what no batch loads (files of a type cds does not read), in its own transaction."""
    with connect(db) as con:
        add_run_counts(con, run_id, counts)


def finish_run(db: str | Path, run_id: str, status: str, counts: RunCounts, error: str | None = None) -> None:
    """Close the run's row. It opens its own connection, waiting as any connection does; should even that
    fail (the file turned unwritable), the next run's prepare marks the row failed (close_dead_runs)."""
    with connect(db) as con:
        con.execute(
            "UPDATE runs SET ended_at = ?, status = ?, seen = ?, new = ?, changed = ?, unchanged = ?,"
            " failed = ?, facts = ?, skipped = ?, error = ? WHERE run_id = ?",
            [utc_now(), status, counts.seen, counts.new, counts.changed, counts.unchanged, counts.failed,
             counts.facts, counts.skipped, error, run_id])


def fail_open_run(db: str | Path, run_id: str, error: str) -> None:
    """Mark the run failed if it is still 'running': its flow never started, or ended before closing it."""
    with connect(db) as con:
        con.execute("UPDATE runs SET ended_at = ?, status = 'failed', error = ? WHERE run_id = ? AND status = 'running'",
                    [utc_now(), error, run_id])


def contradictions(db: str | Path, run_id: str) -> list[dict[str, str]]:
    """The figures a run loaded that contradict an official table, with their sentences."""
    with connect(db, read_only=True) as con:
        rows = con.execute(
            "SELECT v.indicator, v.province, v.period_year, v.value, v.official_value, v.surface, v.sentence"
            " FROM verified_facts v JOIN documents d USING (doc_id)"
            " WHERE d.run_id = ? AND v.verdict = 'contradicts' ORDER BY v.fact_id", [run_id]).fetchall()
    names = ("indicator", "province", "year", "value", "official", "as written", "sentence")
    return [dict(zip(names, (str(v) if v is not None else "" for v in row))) for row in rows]


def close_dead_runs(con: duckdb.DuckDBPyConnection) -> int:
    """Mark failed the runs still 'running' whose process on this host is gone (killed, or it could not
    write its end); how many. Runs of other hosts are left: their processes cannot be seen from here."""
    dead = [run_id for run_id, pid in con.execute(
        "SELECT run_id, pid FROM runs WHERE status = 'running' AND host = ?", [socket.gethostname()]).fetchall()
        if pid is not None and not process_alive(pid)]
    for run_id in dead:
        con.execute("UPDATE runs SET status = 'failed', ended_at = ?, error = ? WHERE run_id = ?",
                    [utc_now(), DEAD_RUN_ERROR, run_id])
    return len(dead)


DEAD_RUN_ERROR = ("its process ended without closing the run (killed, or the warehouse could not be written at"
                  " its end)")
