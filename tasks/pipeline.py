"""One batch of input files through the pure core: read, decide, clean, extract.

The decision uses what the warehouse already holds: an input whose content
was cleaned and extracted by these rules with this catalogue is unchanged and skipped;
one whose path was loaded with other content is changed and replaces it.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Mapping

from .clean import CLEANER_VERSION, clean
from .extract import EXTRACTOR_VERSION, Extractor
from .indicators import Catalogue
from .models import DOC_ID_CHARS, BatchResult, Quarantined, RawDoc, Skipped, WarehouseState
from .places import load_gazetteer
from .run_summary import MAX_FACT_ROWS
from .sources import MAX_INPUT_BYTES, InputError, raw_doc_from_page, read_raw
from .tables import BatchTables, batch_tables

if TYPE_CHECKING:
    from .fetch import FetchResult

# Inputs larger than this keep only their hash in quarantine, not their bytes.
QUARANTINE_RAW_LIMIT = 1 << 20


@dataclass
class BatchOutcome:
    result: BatchResult
    replaces: list[str] = field(default_factory=list)  # doc_ids whose rows the load removes first
    counts: dict[str, int] = field(default_factory=dict)  # seen, new, changed, unchanged, failed, facts
    tables: BatchTables | None = None  # set by ready_to_load
    tables_file: str | None = None  # where the tables wait instead, between processes (see flows/spool.py)
    loaded: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, source_uri) of the documents it writes
    held: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, source_uri) of the inputs it set aside


def ready_to_load(outcome: BatchOutcome, fingerprint: str, run_id: str) -> BatchOutcome:
    """The outcome with its load's Arrow tables built, and only what a run's summary reads besides:
    the quarantined inputs and a sample of the facts. Small to send from a worker to the writer."""
    result = outcome.result
    return BatchOutcome(result=BatchResult(quarantined=result.quarantined, skipped=result.skipped,
                                           facts=result.facts[:MAX_FACT_ROWS]),
                        replaces=outcome.replaces, counts=outcome.counts,
                        tables=batch_tables(result, outcome.replaces, fingerprint, run_id),
                        loaded=[(raw.doc_id, raw.source_uri) for raw in result.raw_docs], held=outcome.held)


def classify(raw: RawDoc, state: WarehouseState, fingerprint: str) -> tuple[str, str | None]:
    """('new' | 'changed' | 'unchanged', doc_id to replace)."""
    if raw.doc_id in state.known:
        return ("unchanged", None) if _held_as_is(raw.doc_id, state, fingerprint) else ("changed", raw.doc_id)
    previous = state.by_uri.get(raw.source_uri)
    return ("changed", previous) if previous else ("new", None)


def content_ids(paths: list[Path]) -> dict[Path, str | None]:
    """Each file's doc_id, the hash of its bytes; None for a file that cannot be read or is too large,
    which its batch quarantines with the reason."""
    ids: dict[Path, str | None] = {}
    for path in paths:
        try:
            too_large = path.stat().st_size > MAX_INPUT_BYTES
            ids[path] = None if too_large else hashlib.sha256(path.read_bytes()).hexdigest()[:DOC_ID_CHARS]
        except OSError:
            ids[path] = None
    return ids


def held_unchanged(ids: dict[Path, str | None], state: WarehouseState, fingerprint: str) -> set[Path]:
    """The files whose exact bytes the warehouse holds under these rules: a re-run need not read them further.

    Hashing is all it takes (content_ids), so an unchanged corpus costs a read
    and a SHA-256 per file and no batch at all.
    """
    return {path for path, doc_id in ids.items() if doc_id and _held_as_is(doc_id, state, fingerprint)}


def plan_run(ids: dict[Path, str | None], state: WarehouseState,
             fingerprint: str) -> tuple[dict[Path, str | None], WarehouseState]:
    """What a run over files with these content ids must process, in order, with their ids: not those the
    warehouse holds as they are, nor those repeating an earlier file's bytes. And the state their batches
    are decided against: without the held articles that moved to another file (without_moved)."""
    state = without_moved(state, ids)
    set_aside = held_unchanged(ids, state, fingerprint) | repeated(ids)
    return {path: doc_id for path, doc_id in ids.items() if path not in set_aside}, state


def repeated(ids: dict[Path, str | None]) -> set[Path]:
    """The files whose exact bytes an earlier file of the same run has: the first is the document, and
    the others are read no further, wherever their batches fall (a batch sets aside its own repeats too)."""
    first: dict[str, Path] = {}
    return {path for path, doc_id in ids.items() if doc_id and first.setdefault(doc_id, path) != path}


def without_moved(state: WarehouseState, ids: Mapping[Path | str, str | None]) -> WarehouseState:
    """The state inputs (ids: their doc_id by path or URL) are decided against, held articles that moved forgotten.

    An article moved when an input carries it while the source it was
    loaded from now holds other bytes. Held, it would set the carrying input
    aside while the old source's replacement deleted it. Forgotten, with the
    old source's claim on it, it loads again under its new source, and the old
    source's new bytes load beside it, deleting nothing.
    """
    carried = {doc_id for doc_id in ids.values() if doc_id}
    moved = {held for path, doc_id in ids.items()
             if (held := state.by_uri.get(str(path))) and held != doc_id and held in carried}
    if not moved:
        return state
    return WarehouseState(known={d: held for d, held in state.known.items() if d not in moved},
                          by_uri={uri: d for uri, d in state.by_uri.items() if d not in moved},
                          catalogue_rows=state.catalogue_rows, fetched=state.fetched)


def remember_loaded(state: WarehouseState, outcome: BatchOutcome, fingerprint: str) -> None:
    """Make the state later batches of the run are decided against what the warehouse holds after this
    batch's load: a page met again under another URL is unchanged, not a second copy; one whose
    document a replacement deleted is loaded again, not lost; and a held page met under another URL than
    its own is no longer its old URL's to replace, should that URL come later with new bytes."""
    for doc_id in outcome.replaces:
        state.known.pop(doc_id, None)
    for doc_id, source_uri in outcome.held:
        holder = state.known[doc_id][0] if doc_id in state.known else None
        if holder and holder != source_uri and state.by_uri.get(holder) == doc_id:
            del state.by_uri[holder]
    for doc_id, source_uri in outcome.loaded:
        state.known[doc_id] = (source_uri, CLEANER_VERSION, EXTRACTOR_VERSION, fingerprint)
        state.by_uri[source_uri] = doc_id


def _held_as_is(doc_id: str, state: WarehouseState, fingerprint: str) -> bool:
    """The warehouse holds this content, cleaned and extracted by these rules with this catalogue."""
    known = state.known.get(doc_id)
    return known is not None and known[1:] == (CLEANER_VERSION, EXTRACTOR_VERSION, fingerprint)


def process_batch(paths: list[Path], state: WarehouseState) -> BatchOutcome:
    """Read, clean and extract every file in paths that the warehouse does not hold as it is."""
    return process_inputs([(str(path), lambda path=path: read_raw(path)) for path in paths], state)


def process_inputs(inputs: list[tuple[str, Callable[[], RawDoc]]], state: WarehouseState) -> BatchOutcome:
    """Clean and extract inputs given as (source_uri, reader); a reader raises InputError for a bad input.

    All are read first, so the batch is decided against the state without the
    held articles that moved between its inputs (without_moved).
    """
    catalogue = Catalogue(state.catalogue_rows)
    extractor = Extractor(catalogue, load_gazetteer())
    outcome = BatchOutcome(BatchResult())
    counts = dict.fromkeys(("seen", "new", "changed", "unchanged", "failed", "facts"), 0)
    read = [(source_uri, _read(reader)) for source_uri, reader in inputs]
    state = without_moved(state, {uri: raw.doc_id for uri, raw in read if isinstance(raw, RawDoc)})
    batch_ids: set[str] = set()
    for source_uri, got in read:
        counts["seen"] += 1
        raw = got if isinstance(got, RawDoc) else None
        stage = "read"
        try:
            if raw is None:
                raise got
            decision, replaces = classify(raw, state, catalogue.fingerprint)
            if decision == "unchanged" or raw.doc_id in batch_ids:  # same content twice in one batch
                counts["unchanged"] += 1
                outcome.held.append((raw.doc_id, source_uri))
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


def _read(reader: Callable[[], RawDoc]) -> RawDoc | Exception:
    """The input a reader gives, or what it raised, for process_inputs to quarantine in its turn."""
    try:
        return reader()
    except Exception as exc:
        return exc


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
            outcome.result.skipped.append(Skipped(result.url, result.reason))
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
