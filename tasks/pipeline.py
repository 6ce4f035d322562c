"""One batch of input files through the pure core: read, decide, clean, extract.

The decision uses what the warehouse already holds: an input whose content
was cleaned and extracted by these rules with this catalogue is unchanged and skipped;
one whose path was loaded with other content is changed and replaces it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .clean import CLEANER_VERSION, clean
from .extract import EXTRACTOR_VERSION, Extractor
from .indicators import Catalogue
from .load import WarehouseState
from .models import BatchResult, Quarantined, RawDoc
from .places import load_gazetteer
from .fetch import FetchResult
from .sources import InputError, raw_doc_from_page, read_raw

# Inputs larger than this keep only their hash in quarantine, not their bytes.
QUARANTINE_RAW_LIMIT = 1 << 20


@dataclass
class BatchOutcome:
    result: BatchResult
    replaces: list[str] = field(default_factory=list)  # doc_ids whose rows the load removes first
    counts: dict[str, int] = field(default_factory=dict)  # seen, new, changed, unchanged, failed, facts


def classify(raw: RawDoc, state: WarehouseState, fingerprint: str) -> tuple[str, str | None]:
    """('new' | 'changed' | 'unchanged', doc_id to replace)."""
    known = state.known.get(raw.doc_id)
    if known:
        if known[1:] == (CLEANER_VERSION, EXTRACTOR_VERSION, fingerprint):
            return "unchanged", None
        return "changed", raw.doc_id
    previous = state.by_uri.get(raw.source_uri)
    return ("changed", previous) if previous else ("new", None)


def process_batch(paths: list[Path], state: WarehouseState) -> BatchOutcome:
    """Read, clean and extract every file in paths that the warehouse does not hold as it is."""
    return process_inputs([(str(path), lambda path=path: read_raw(path)) for path in paths], state)


def process_inputs(inputs: list[tuple[str, Callable[[], RawDoc]]], state: WarehouseState) -> BatchOutcome:
    """Clean and extract inputs given as (source_uri, reader); a reader raises InputError for a bad input."""
    catalogue = Catalogue(state.catalogue_rows)
    extractor = Extractor(catalogue, load_gazetteer())
    outcome = BatchOutcome(BatchResult())
    counts = dict.fromkeys(("seen", "new", "changed", "unchanged", "failed", "facts"), 0)
    batch_ids: set[str] = set()
    for source_uri, reader in inputs:
        counts["seen"] += 1
        raw, stage = None, "read"
        try:
            raw = reader()
            decision, replaces = classify(raw, state, catalogue.fingerprint)
            if decision == "unchanged" or raw.doc_id in batch_ids:  # same content twice in one batch
                counts["unchanged"] += 1
                continue
            stage = "clean"
            article = clean(raw)
            stage = "extract"
            facts = extractor.facts(article)
        except InputError as exc:
            outcome.result.quarantined.append(_quarantined(source_uri, exc.stage, str(exc), raw))
            counts["failed"] += 1
            continue
        except Exception as exc:  # a bug or an input no rule foresaw: keep the input, say where it failed
            outcome.result.quarantined.append(_quarantined(source_uri, stage, f"{type(exc).__name__}: {exc}", raw))
            counts["failed"] += 1
            continue
        counts[decision] += 1
        counts["facts"] += len(facts)
        batch_ids.add(raw.doc_id)
        if replaces:
            outcome.replaces.append(replaces)
        outcome.result.raw_docs.append(raw)
        outcome.result.articles.append(article)
        outcome.result.facts.extend(facts)
    outcome.counts = counts
    return outcome


def process_fetched(results: list[FetchResult], state: WarehouseState) -> BatchOutcome:
    """Clean and extract the pages a fetch got; account for the rest (not modified, skipped, failed)."""
    pages = [r for r in results if r.outcome == "fetched"]
    outcome = process_inputs(
        [(r.url, lambda r=r: raw_doc_from_page(r.url, r.raw, r.text, r.encoding)) for r in pages], state)
    outcome.counts["skipped"] = 0
    for result in results:
        if result.outcome == "fetched":
            continue
        outcome.counts["seen"] += 1
        if result.outcome == "not_modified":
            outcome.counts["unchanged"] += 1
        elif result.outcome == "skipped":
            outcome.counts["skipped"] += 1
        else:
            outcome.counts["failed"] += 1
            outcome.result.quarantined.append(
                Quarantined(source_uri=result.url, stage="fetch", error=result.reason, sha256=None, raw=None))
    outcome.result.fetches = results
    return outcome


def record_feed_pages(results: list[FetchResult]) -> BatchResult:
    """Feed and listing pages to log; the ones that failed go to quarantine."""
    failed = [Quarantined(source_uri=r.url, stage="feed", error=r.reason, sha256=None, raw=None)
              for r in results if r.outcome == "failed"]
    return BatchResult(quarantined=failed, feed_fetches=results)


def _quarantined(source_uri: str, stage: str, error: str, raw: RawDoc | None) -> Quarantined:
    keep = raw is not None and len(raw.raw) <= QUARANTINE_RAW_LIMIT
    return Quarantined(source_uri=source_uri, stage=stage, error=error,
                       sha256=raw.sha256 if raw else None, raw=raw.raw if keep else None)
