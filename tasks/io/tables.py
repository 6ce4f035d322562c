"""A processed batch as the Arrow tables its load inserts, built where the batch was processed.

Plain records in (models), Arrow tables out, no database: a worker builds
them and the single writer (tasks/io/store.py) only writes them.
"""
from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone

import pyarrow as pa

from cds_facts.tasks.text.clean import CLEANER_VERSION
from cds_facts.tasks.meaning.extract import EXTRACTOR_VERSION
from cds_facts.tasks.models import Article, BatchResult, Fact, FetchResult, RawDoc, SeenInput
from cds_facts.tasks.io.redact import redact



def utc_now() -> datetime:
    """The time rows are stamped with."""
    return datetime.now(timezone.utc)


def documents_table(raw_docs: list[RawDoc], articles: list[Article], fingerprint: str, run_id: str) -> pa.Table:
    raws = {r.doc_id: r for r in raw_docs}
    now = utc_now()
    rows = [(raws[a.doc_id], a) for a in articles]
    text = lambda values: pa.array(values, type=pa.string())  # noqa: E731  (typed even when empty)
    return pa.table({
        "doc_id": text([a.doc_id for _, a in rows]),
        "source_name": text([r.source_name for r, _ in rows]),
        "source_uri": text([r.source_uri for r, _ in rows]),
        "outlet": text([a.outlet for _, a in rows]),
        "title": text([a.title for _, a in rows]),
        "published_at": pa.array([a.published_at for _, a in rows], type=pa.timestamp("us", tz="UTC")),
        "authors": pa.array([list(a.authors) for _, a in rows], type=pa.list_(pa.string())),
        "province": text([a.province for _, a in rows]),
        "clean_text": text([a.text for _, a in rows]),
        "metadata_evidence": text([a.metadata_evidence for _, a in rows]),
        "content_sha256": text([r.sha256 for r, _ in rows]),
        "encoding": text([r.encoding for r, _ in rows]),
        "format": text(["html" if r.is_html else "text" for r, _ in rows]),
        "cleaner_version": pa.array([CLEANER_VERSION] * len(rows), type=pa.int32()),
        "extractor_version": pa.array([EXTRACTOR_VERSION] * len(rows), type=pa.int32()),
        "catalogue_fingerprint": text([fingerprint] * len(rows)),
        "run_id": text([run_id] * len(rows)),
        "loaded_at": pa.array([now] * len(rows), type=pa.timestamp("us", tz="UTC")),
    })


FACT_COLUMNS = ["fact_id", "doc_id", "surface", "sentence", "start_char", "end_char", "kind", "value",
                "denominator", "share_pct", "qualifier", "counted", "indicator", "province", "province_2025",
                "place", "period_year", "status", "part_of", "scope", "change", "evidence", "subject_evidence"]
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
        "url": pa.array([redact(f.url) for f in got], type=pa.string()),
        "final_url": pa.array([f.final_url and redact(f.final_url) for f in got], type=pa.string()),
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
        "url": pa.array([redact(f.url) for f in fetches], type=pa.string()),
        "requested_at": pa.array([f.fetched_at for f in fetches], type=pa.timestamp("us", tz="UTC")),
        "outcome": pa.array([f.outcome for f in fetches], type=pa.string()),
        "http_status": pa.array([f.status for f in fetches], type=pa.int32()),
        "reason": pa.array([redact(f.reason) for f in fetches], type=pa.string()),
        "attempts": pa.array([f.attempts for f in fetches], type=pa.int32()),
    })


@dataclass
class BatchTables:
    """One batch as the Arrow tables its load inserts: built where the batch was processed, so the single
    writer only writes."""

    tables: dict[str, pa.Table]


def inputs_table(inputs: list[SeenInput]) -> pa.Table:
    return pa.table({
        "source_uri": pa.array([i.source_uri for i in inputs], type=pa.string()),
        "source_name": pa.array([i.source_name for i in inputs], type=pa.string()),
        "doc_id": pa.array([i.doc_id for i in inputs], type=pa.string()),
        "state": pa.array([i.state for i in inputs], type=pa.string()),
    })


def batch_tables(batch: BatchResult, fingerprint: str, run_id: str) -> BatchTables:
    """The tables one load of ``batch`` writes; the load decides which of them the warehouse lacks."""
    docs = documents_table(batch.raw_docs, batch.articles, fingerprint, run_id)
    raw = pa.table({"doc_id": pa.array([r.doc_id for r in batch.raw_docs], type=pa.string()),
                    "raw": pa.array([r.raw for r in batch.raw_docs], type=pa.binary())})
    now = utc_now()
    quarantine = pa.table({
        "source_uri": pa.array([q.source_uri for q in batch.quarantined], type=pa.string()),
        "stage": pa.array([q.stage for q in batch.quarantined], type=pa.string()),
        "error": pa.array([q.error for q in batch.quarantined], type=pa.string()),
        "sha256": pa.array([q.sha256 for q in batch.quarantined], type=pa.string()),
        "raw": pa.array([q.raw for q in batch.quarantined], type=pa.binary()),
        "run_id": pa.array([run_id] * len(batch.quarantined), type=pa.string()),
        "quarantined_at": pa.array([now] * len(batch.quarantined), type=pa.timestamp("us", tz="UTC")),
    })
    return BatchTables({
        "batch_inputs": inputs_table(batch.inputs), "batch_documents": docs, "batch_raw": raw,
        "batch_facts": facts_table(batch.facts), "batch_quarantine": quarantine,
        "batch_pages": fetched_pages_table(batch.fetches),
        "batch_fetch_log": fetch_log_table(batch.fetches + batch.feed_fetches, run_id)})
