"""A processed batch as the tables its load inserts, built where the batch was processed.

Plain records in (models), plain typed columns out: no database and no
Arrow, so a worker that builds them does not import pyarrow (~43 MB a
worker, bench/README.md). The single writer (tasks/io/store.py) makes each
an Arrow table and writes it.
"""
from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone

from cds_facts.tasks.text.clean import CLEANER_VERSION
from cds_facts.tasks.meaning.extract import EXTRACTOR_VERSION
from cds_facts.tasks.models import Article, BatchResult, Fact, FetchResult, RawDoc, SeenInput
from cds_facts.tasks.io.redact import redact

# A column's type, by name: the writer maps each to its Arrow type (tasks/io/store.py's ARROW_TYPES).
STRING, INT32, FLOAT64, INSTANT, BINARY, STRINGS = "string", "int32", "float64", "instant", "binary", "strings"


@dataclass
class Columns:
    """One table as plain columns, each a type's name and its values (None for NULL), in column order.
    Typed even when empty, so an empty batch's table still has its columns' types."""

    columns: dict[str, tuple[str, list]]

    def __len__(self) -> int:
        return len(next(iter(self.columns.values()))[1]) if self.columns else 0

    def rows(self) -> list[dict]:
        """The table row by row, as {column: value}."""
        names = list(self.columns)
        return [dict(zip(names, values)) for values in zip(*(values for _, values in self.columns.values()))]


def utc_now() -> datetime:
    """The time rows are stamped with."""
    return datetime.now(timezone.utc)


def documents_table(raw_docs: list[RawDoc], articles: list[Article], fingerprint: str, run_id: str) -> Columns:
    raws = {r.doc_id: r for r in raw_docs}
    now = utc_now()
    rows = [(raws[a.doc_id], a) for a in articles]
    return Columns({
        "doc_id": (STRING, [a.doc_id for _, a in rows]),
        "source_name": (STRING, [r.source_name for r, _ in rows]),
        "source_uri": (STRING, [r.source_uri for r, _ in rows]),
        "outlet": (STRING, [a.outlet for _, a in rows]),
        "title": (STRING, [a.title for _, a in rows]),
        "published_at": (INSTANT, [a.published_at for _, a in rows]),
        "authors": (STRINGS, [list(a.authors) for _, a in rows]),
        "province": (STRING, [a.province for _, a in rows]),
        "clean_text": (STRING, [a.text for _, a in rows]),
        "metadata_evidence": (STRING, [a.metadata_evidence for _, a in rows]),
        "content_sha256": (STRING, [r.sha256 for r, _ in rows]),
        "encoding": (STRING, [r.encoding for r, _ in rows]),
        "format": (STRING, ["html" if r.is_html else "text" for r, _ in rows]),
        "cleaner_version": (INT32, [CLEANER_VERSION] * len(rows)),
        "extractor_version": (INT32, [EXTRACTOR_VERSION] * len(rows)),
        "catalogue_fingerprint": (STRING, [fingerprint] * len(rows)),
        "run_id": (STRING, [run_id] * len(rows)),
        "loaded_at": (INSTANT, [now] * len(rows)),
    })


FACT_COLUMNS = ["fact_id", "doc_id", "surface", "sentence", "start_char", "end_char", "kind", "value",
                "denominator", "share_pct", "qualifier", "counted", "indicator", "province", "province_2025",
                "place", "period_year", "status", "part_of", "scope", "change", "evidence", "subject_evidence"]
_FACT_TYPES = {"start_char": INT32, "end_char": INT32, "value": FLOAT64, "denominator": FLOAT64,
               "share_pct": FLOAT64, "period_year": INT32}


def facts_table(facts: list[Fact]) -> Columns:
    return Columns({name: (_FACT_TYPES.get(name, STRING), [getattr(f, name) for f in facts])
                    for name in FACT_COLUMNS})


def fetched_pages_table(fetches: list[FetchResult]) -> Columns:
    """The last good response per URL, compressed, with its validators."""
    got = [f for f in fetches if f.outcome == "fetched"]
    return Columns({
        "url": (STRING, [redact(f.url) for f in got]),
        "final_url": (STRING, [f.final_url and redact(f.final_url) for f in got]),
        "fetched_at": (INSTANT, [f.fetched_at for f in got]),
        "http_status": (INT32, [f.status for f in got]),
        "content_type": (STRING, [f.content_type for f in got]),
        "encoding": (STRING, [f.encoding for f in got]),
        "etag": (STRING, [f.etag for f in got]),
        "last_modified": (STRING, [f.last_modified for f in got]),
        "content_sha256": (STRING, [hashlib.sha256(f.raw).hexdigest() for f in got]),
        "body_zlib": (BINARY, [zlib.compress(f.raw, 6) for f in got]),
    })


def fetch_log_table(fetches: list[FetchResult], run_id: str) -> Columns:
    return Columns({
        "run_id": (STRING, [run_id] * len(fetches)),
        "url": (STRING, [redact(f.url) for f in fetches]),
        "requested_at": (INSTANT, [f.fetched_at for f in fetches]),
        "outcome": (STRING, [f.outcome for f in fetches]),
        "http_status": (INT32, [f.status for f in fetches]),
        "reason": (STRING, [redact(f.reason) for f in fetches]),
        "attempts": (INT32, [f.attempts for f in fetches]),
    })


@dataclass
class BatchTables:
    """One batch as the tables its load inserts: built where the batch was processed, so the single
    writer only makes them Arrow tables and writes them."""

    tables: dict[str, Columns]


def inputs_table(inputs: list[SeenInput]) -> Columns:
    return Columns({
        "source_uri": (STRING, [i.source_uri for i in inputs]),
        "source_name": (STRING, [i.source_name for i in inputs]),
        "doc_id": (STRING, [i.doc_id for i in inputs]),
        "state": (STRING, [i.state for i in inputs]),
    })


def batch_tables(batch: BatchResult, fingerprint: str, run_id: str) -> BatchTables:
    """The tables one load of ``batch`` writes; the load decides which of them the warehouse lacks."""
    now = utc_now()
    quarantined = batch.quarantined
    return BatchTables({
        "batch_inputs": inputs_table(batch.inputs),
        "batch_documents": documents_table(batch.raw_docs, batch.articles, fingerprint, run_id),
        "batch_raw": Columns({"doc_id": (STRING, [r.doc_id for r in batch.raw_docs]),
                              "raw": (BINARY, [r.raw for r in batch.raw_docs])}),
        "batch_facts": facts_table(batch.facts),
        "batch_quarantine": Columns({
            "source_uri": (STRING, [q.source_uri for q in quarantined]),
            "stage": (STRING, [q.stage for q in quarantined]),
            "error": (STRING, [q.error for q in quarantined]),
            "sha256": (STRING, [q.sha256 for q in quarantined]),
            "raw": (BINARY, [q.raw for q in quarantined]),
            "run_id": (STRING, [run_id] * len(quarantined)),
            "quarantined_at": (INSTANT, [now] * len(quarantined)),
        }),
        "batch_kept": Columns({"doc_id": (STRING, [doc_id for doc_id, _ in batch.kept]),
                               "read_under": (STRING, [read_under for _, read_under in batch.kept]),
                               "catalogue_fingerprint": (STRING, [fingerprint] * len(batch.kept)),
                               "cleaner_version": (INT32, [CLEANER_VERSION] * len(batch.kept)),
                               "extractor_version": (INT32, [EXTRACTOR_VERSION] * len(batch.kept))}),
        "batch_pages": fetched_pages_table(batch.fetches),
        "batch_fetch_log": fetch_log_table(batch.fetches + batch.feed_fetches, run_id)})
