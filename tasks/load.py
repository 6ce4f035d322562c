"""The DuckDB warehouse: schema migrations, reference data, what is known, and bulk loads.

Every write is one transaction: a batch of documents lands whole (documents,
raw bytes, facts, quarantine) or not at all. Loads go in as Arrow tables.
"""
from __future__ import annotations

import csv
import hashlib
import logging
import os
import time
import re
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import duckdb
import pyarrow as pa
import pyarrow.csv  # noqa: F401  (pa.csv)

from .clean import CLEANER_VERSION
from .extract import EXTRACTOR_VERSION
from .indicators import CATALOGUE_COLUMNS, CATALOGUE_CSV, read_catalogue_csv
from .fetch import FetchResult, Validators
from .models import Article, BatchResult, Fact, RawDoc
from .places import PROVINCES_CSV

DEFAULT_DB = "warehouse/cds.duckdb"
PLACES_CSV = Path(__file__).resolve().parent.parent / "warehouse" / "places.csv"
PARTS_CSV = Path(__file__).resolve().parent.parent / "warehouse" / "indicator_parts.csv"
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "warehouse" / "migrations"
# New files are written in a storage format DuckDB 1.5 clients (the duckdb CLI on PyPI) can open.
STORAGE_COMPATIBILITY = "v1.5.0"
# How long a load waits for another process to release the file before failing.
LOCK_WAIT_SECONDS = float(os.environ.get("CDS_LOCK_WAIT_SECONDS", "60"))
log = logging.getLogger("cds.load")
_MIGRATION_NAME = re.compile(r"^(\d+)_.+\.sql$")


class WarehouseLocked(RuntimeError):
    """Another process held the warehouse file for longer than we wait."""


def _connect_waiting(db: str | Path, read_only: bool, config: dict) -> duckdb.DuckDBPyConnection:
    """Open the file, waiting with backoff while another process holds its lock (an analyst's session)."""
    waited, delay = 0.0, 0.1
    while True:
        try:
            return duckdb.connect(str(db), read_only=read_only, config=config)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if waited >= LOCK_WAIT_SECONDS:
                raise WarehouseLocked(f"{db} stayed locked by another process for {waited:.0f} s "
                                      f"(limit CDS_LOCK_WAIT_SECONDS={LOCK_WAIT_SECONDS:g}): {exc}") from exc
            log.warning("warehouse %s is locked by another process; retrying in %.1f s", db, delay)
            time.sleep(delay)
            waited += delay
            delay = min(delay * 2, 5.0)


# Connections a run holds open for its loads, by resolved path (see held).
_HELD: dict[Path, duckdb.DuckDBPyConnection] = {}


@contextmanager
def held(db: str | Path) -> Iterator[None]:
    """Hold one connection to db for the block: every connect(db) in it uses that one.

    A run's loads share it, so the file is checkpointed once at the end rather
    than at every batch's close (a checkpoint costs more the bigger the file).
    Each batch is still its own transaction. Other processes wait while it is held.
    """
    key = Path(db).resolve()
    if key in _HELD:
        yield
        return
    with connect(db) as con:
        _HELD[key] = con
        try:
            yield
        finally:
            del _HELD[key]


@contextmanager
def connect(db: str | Path, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection held only as long as it is used, so other clients may open the file in between;
    inside held(db), the connection held for the run."""
    if (shared := _HELD.get(Path(db).resolve())) is not None:
        yield shared
        return
    config = {}
    if not read_only and not Path(db).exists():
        Path(db).parent.mkdir(parents=True, exist_ok=True)
        config["storage_compatibility_version"] = STORAGE_COMPATIBILITY
    con = _connect_waiting(db, read_only, config)
    try:
        yield con
    finally:
        con.close()


def migrations(directory: Path = MIGRATIONS_DIR) -> list[tuple[int, Path]]:
    found = [(int(m.group(1)), p) for p in directory.glob("*.sql") if (m := _MIGRATION_NAME.match(p.name))]
    return sorted(found)


def migrate(con: duckdb.DuckDBPyConnection, directory: Path = MIGRATIONS_DIR) -> list[int]:
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
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, path.name, _now()])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        done.append(version)
    return done


def seed_reference_data(con: duckdb.DuckDBPyConnection, catalogue_csv: Path = CATALOGUE_CSV,
                        provinces_csv: Path = PROVINCES_CSV) -> None:
    """Indicators and indicator splits from their CSVs that the tables lack (rows users added stay);
    provinces and places replaced from theirs."""
    rows = read_catalogue_csv(catalogue_csv)
    catalogue = pa.table({col: [r.get(col) for r in rows] for col in CATALOGUE_COLUMNS})
    with open(provinces_csv, encoding="utf-8") as handle:
        province_rows = list(csv.DictReader(handle))
    provinces = pa.table({col: [r[col] for r in province_rows] for col in province_rows[0]})
    places = pa.csv.read_csv(PLACES_CSV, convert_options=pa.csv.ConvertOptions(
        column_types={c: pa.string() for c in ("code", "level", "name", "full_name", "district", "province", "era")},
        strings_can_be_null=True))
    with open(PARTS_CSV, encoding="utf-8") as handle:
        part_rows = list(csv.DictReader(handle))
    parts = pa.table({col: [r[col] for r in part_rows] for col in ("total_indicator", "part_indicator")})
    con.execute("BEGIN")
    con.register("catalogue_csv", catalogue)
    con.register("provinces_csv", provinces)
    con.register("parts_csv", parts)
    con.register("places_csv", places)
    try:
        con.execute("INSERT INTO indicators SELECT * FROM catalogue_csv"
                    " WHERE code NOT IN (SELECT code FROM indicators)")
        con.execute("INSERT OR IGNORE INTO indicator_parts SELECT * FROM parts_csv")
        con.execute("DELETE FROM places")
        con.execute("INSERT INTO places BY NAME SELECT * FROM places_csv")
        con.execute("DELETE FROM provinces")
        con.execute("INSERT INTO provinces SELECT code, name, full_name, era, name_2025, NULLIF(aliases, '')"
                    " FROM provinces_csv")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    finally:
        for name in ("catalogue_csv", "provinces_csv", "parts_csv", "places_csv"):
            con.unregister(name)


@dataclass
class WarehouseState:
    """What the warehouse already holds, for deciding what a run must do."""

    known: dict[str, tuple[str, int, int, str]] = field(default_factory=dict)  # doc_id -> (uri, cleaner, extractor, fingerprint)
    by_uri: dict[str, str] = field(default_factory=dict)  # source_uri -> doc_id
    catalogue_rows: list[dict[str, str]] = field(default_factory=list)
    fetched: dict[str, Validators] = field(default_factory=dict)  # url -> validators of its last fetch


def prepare(db: str | Path) -> WarehouseState:
    """Migrate the file, seed reference data, and read what it holds."""
    with connect(db) as con:
        migrate(con)
        seed_reference_data(con)
        state = WarehouseState()
        for doc_id, uri, cleaner, extractor, fingerprint in con.execute(
                "SELECT doc_id, source_uri, cleaner_version, extractor_version, catalogue_fingerprint"
                " FROM documents").fetchall():
            state.known[doc_id] = (uri, cleaner, extractor, fingerprint)
            state.by_uri[uri] = doc_id
        for url, etag, last_modified in con.execute(
                "SELECT url, etag, last_modified FROM fetched_pages").fetchall():
            state.fetched[url] = Validators(etag, last_modified)
        columns = ", ".join(CATALOGUE_COLUMNS)
        cursor = con.execute(f"SELECT {columns} FROM indicators ORDER BY code")
        state.catalogue_rows = [dict(zip(CATALOGUE_COLUMNS, row)) for row in cursor.fetchall()]
    return state


def _now() -> datetime:
    return datetime.now(timezone.utc)


def documents_table(raw_docs: list[RawDoc], articles: list[Article], fingerprint: str, run_id: str) -> pa.Table:
    raws = {r.doc_id: r for r in raw_docs}
    now = _now()
    rows = [(raws[a.doc_id], a) for a in articles]
    return pa.table({
        "doc_id": [a.doc_id for _, a in rows],
        "source_name": [r.source_name for r, _ in rows],
        "source_uri": [r.source_uri for r, _ in rows],
        "outlet": [a.outlet for _, a in rows],
        "title": [a.title for _, a in rows],
        "published_at": pa.array([a.published_at for _, a in rows], type=pa.timestamp("us", tz="UTC")),
        "authors": pa.array([list(a.authors) for _, a in rows], type=pa.list_(pa.string())),
        "province": [a.province for _, a in rows],
        "clean_text": [a.text for _, a in rows],
        "content_sha256": [r.sha256 for r, _ in rows],
        "encoding": [r.encoding for r, _ in rows],
        "format": ["html" if r.is_html else "text" for r, _ in rows],
        "cleaner_version": pa.array([CLEANER_VERSION] * len(rows), type=pa.int32()),
        "extractor_version": pa.array([EXTRACTOR_VERSION] * len(rows), type=pa.int32()),
        "catalogue_fingerprint": [fingerprint] * len(rows),
        "run_id": [run_id] * len(rows),
        "loaded_at": pa.array([now] * len(rows), type=pa.timestamp("us", tz="UTC")),
    })


FACT_COLUMNS = ["fact_id", "doc_id", "surface", "sentence", "start_char", "end_char", "kind", "value",
                "denominator", "share_pct", "qualifier", "counted", "indicator", "province", "province_2025",
                "place", "period_year", "status", "part_of"]
_FACT_TYPES = {"start_char": pa.int32(), "end_char": pa.int32(), "value": pa.float64(),
               "denominator": pa.float64(), "share_pct": pa.float64(), "period_year": pa.int32()}


def facts_table(facts: list[Fact]) -> pa.Table:
    columns = {name: [getattr(f, name) for f in facts] for name in FACT_COLUMNS}
    return pa.table({name: pa.array(values, type=_FACT_TYPES.get(name, pa.string()))
                     for name, values in columns.items()})


def fetched_pages_table(fetches: list[FetchResult]) -> pa.Table:
    """The last good response per URL, compressed, with its validators."""
    got = [f for f in fetches if f.outcome == "fetched"]
    return pa.table({
        "url": pa.array([f.url for f in got], type=pa.string()),
        "final_url": pa.array([f.final_url for f in got], type=pa.string()),
        "fetched_at": pa.array([f.fetched_at for f in got], type=pa.timestamp("us", tz="UTC")),
        "http_status": pa.array([f.status for f in got], type=pa.int32()),
        "content_type": pa.array([f.content_type for f in got], type=pa.string()),
        "encoding": pa.array([f.encoding for f in got], type=pa.string()),
        "etag": pa.array([f.etag for f in got], type=pa.string()),
        "last_modified": pa.array([f.last_modified for f in got], type=pa.string()),
        "content_sha256": pa.array([hashlib.sha256(f.raw).hexdigest() for f in got], type=pa.string()),
        "body_zlib": pa.array([zlib.compress(f.raw, 6) for f in got], type=pa.binary()),
    })


def fetch_log_table(fetches: list[FetchResult], run_id: str) -> pa.Table:
    return pa.table({
        "run_id": pa.array([run_id] * len(fetches), type=pa.string()),
        "url": pa.array([f.url for f in fetches], type=pa.string()),
        "requested_at": pa.array([f.fetched_at for f in fetches], type=pa.timestamp("us", tz="UTC")),
        "outcome": pa.array([f.outcome for f in fetches], type=pa.string()),
        "http_status": pa.array([f.status for f in fetches], type=pa.int32()),
        "reason": pa.array([f.reason for f in fetches], type=pa.string()),
        "attempts": pa.array([f.attempts for f in fetches], type=pa.int32()),
    })


@dataclass
class BatchTables:
    """One batch as the Arrow tables its load inserts: built where the batch was processed, so the single
    writer only writes."""

    tables: dict[str, pa.Table]


def batch_tables(batch: BatchResult, replaces: list[str], fingerprint: str, run_id: str) -> BatchTables:
    """The tables one load of ``batch`` writes. ``replaces`` are doc_ids whose rows go first: documents
    re-extracted, and earlier versions of inputs whose content changed."""
    docs = documents_table(batch.raw_docs, batch.articles, fingerprint, run_id)
    raw = pa.table({"doc_id": [r.doc_id for r in batch.raw_docs],
                    "raw": pa.array([r.raw for r in batch.raw_docs], type=pa.binary())})
    now = _now()
    quarantine = pa.table({
        "source_uri": [q.source_uri for q in batch.quarantined],
        "stage": [q.stage for q in batch.quarantined],
        "error": [q.error for q in batch.quarantined],
        "sha256": pa.array([q.sha256 for q in batch.quarantined], type=pa.string()),
        "raw": pa.array([q.raw for q in batch.quarantined], type=pa.binary()),
        "run_id": [run_id] * len(batch.quarantined),
        "quarantined_at": pa.array([now] * len(batch.quarantined), type=pa.timestamp("us", tz="UTC")),
    })
    gone = pa.table({"doc_id": pa.array(sorted(set(replaces) | set(docs["doc_id"].to_pylist())), type=pa.string())})
    touched = pa.table({"source_uri": pa.array(
        [r.source_uri for r in batch.raw_docs] + [q.source_uri for q in batch.quarantined], type=pa.string())})
    return BatchTables({
        "batch_documents": docs, "batch_raw": raw, "batch_facts": facts_table(batch.facts),
        "batch_quarantine": quarantine, "batch_gone": gone, "batch_touched": touched,
        "batch_pages": fetched_pages_table(batch.fetches),
        "batch_fetch_log": fetch_log_table(batch.fetches + batch.feed_fetches, run_id)})


def write_batch(db: str | Path, batch: BatchTables) -> None:
    """Write one batch's tables in one transaction: it lands whole or not at all."""
    with connect(db) as con:
        for name, table in batch.tables.items():
            con.register(name, table)
        con.execute("BEGIN")
        try:
            con.execute("DELETE FROM facts WHERE doc_id IN (SELECT doc_id FROM batch_gone)")
            con.execute("DELETE FROM document_raw WHERE doc_id IN (SELECT doc_id FROM batch_gone)")
            con.execute("DELETE FROM documents WHERE doc_id IN (SELECT doc_id FROM batch_gone)")
            con.execute("DELETE FROM quarantine WHERE source_uri IN (SELECT source_uri FROM batch_touched)")
            con.execute("INSERT INTO documents BY NAME SELECT * FROM batch_documents")
            con.execute("INSERT INTO document_raw BY NAME SELECT * FROM batch_raw")
            con.execute("INSERT INTO facts BY NAME SELECT * FROM batch_facts")
            con.execute("INSERT INTO quarantine BY NAME SELECT * FROM batch_quarantine")
            con.execute("INSERT OR REPLACE INTO fetched_pages BY NAME SELECT * FROM batch_pages")
            con.execute("INSERT INTO fetch_log BY NAME SELECT * FROM batch_fetch_log")
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        finally:
            for name in batch.tables:
                con.unregister(name)


def load_batch(db: str | Path, batch: BatchResult, replaces: list[str], fingerprint: str, run_id: str) -> None:
    """Build one batch's tables and write them in one transaction."""
    write_batch(db, batch_tables(batch, replaces, fingerprint, run_id))


def failed_checks_for_run(db: str | Path, run_id: str) -> int:
    """How many consistency checks fail on the documents a run loaded."""
    with connect(db) as con:
        return con.execute("SELECT count(*) FROM failed_checks JOIN documents d USING (doc_id) WHERE d.run_id = ?",
                           [run_id]).fetchone()[0]


def start_run(db: str | Path, run_id: str, flow_run_id: str | None, flow_name: str, inputs: str) -> None:
    with connect(db) as con:
        con.execute("INSERT INTO runs (run_id, flow_run_id, flow_name, started_at, status, inputs)"
                    " VALUES (?, ?, ?, ?, 'running', ?)", [run_id, flow_run_id, flow_name, _now(), inputs])


def finish_run(db: str | Path, run_id: str, status: str, counts: dict[str, int], error: str | None = None) -> None:
    with connect(db) as con:
        con.execute(
            "UPDATE runs SET ended_at = ?, status = ?, seen = ?, new = ?, changed = ?, unchanged = ?,"
            " failed = ?, facts = ?, skipped = ?, error = ? WHERE run_id = ?",
            [_now(), status, counts.get("seen", 0), counts.get("new", 0), counts.get("changed", 0),
             counts.get("unchanged", 0), counts.get("failed", 0), counts.get("facts", 0), counts.get("skipped", 0),
             error, run_id])
