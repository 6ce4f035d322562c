"""One batch of inputs through the pure core: read, clean, extract; and what a run must process at all.

What a run need not redo is decided here from what the warehouse held when
it started: a file whose content the warehouse holds, cleaned and extracted
by these rules with this catalogue, is not read further; only its claim on
that content is recorded. Whether an input is new, changed or unchanged is
the load's decision (tasks/io/store.py), made against the warehouse as it is
when the batch is written, so a run's counts are what the warehouse gained.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Callable

from cds_facts.tasks.text.clean import CLEANER_VERSION, clean
from cds_facts.tasks.meaning.extract import EXTRACTOR_VERSION, Extractor
from cds_facts.tasks.meaning.catalogue_change import catalogue_change
from cds_facts.tasks.meaning.indicators import Catalogue
from cds_facts.tasks.models import (DOC_ID_CHARS, Article, BatchResult, FetchResult, Quarantined, RawDoc, SeenInput,
                                    Skipped, WarehouseState)
from cds_facts.tasks.language.places import load_gazetteer
from cds_facts.tasks.io.redact import redact
from cds_facts.tasks.io.run_summary import MAX_FACT_ROWS
from cds_facts.tasks.text.rawdoc import InputError, raw_doc_from_page
from cds_facts.tasks.io.files import QUARANTINE_KEPT, path_text, read_capped, read_raw
from cds_facts.tasks.io.tables import BatchTables, batch_tables


@dataclass
class BatchOutcome:
    result: BatchResult
    tables: BatchTables | None = None  # set by ready_to_load
    tables_file: str | None = None  # where the tables wait instead, between processes (see flows/spool.py)


@dataclass
class RunPlan:
    """What a run over some files must do: the files whose content the warehouse holds as it is (only
    their claims are recorded) and the rest, to process, files of one content next to each other."""

    held: list[SeenInput] = field(default_factory=list)
    to_process: list[Path] = field(default_factory=list)
    kept: list[tuple[str, str]] = field(default_factory=list)  # held documents that keep their facts (unreached)


def ready_to_load(outcome: BatchOutcome, fingerprint: str, run_id: str) -> BatchOutcome:
    """The outcome with its load's Arrow tables built, and only what a run's summary reads besides:
    the quarantined and skipped inputs and a sample of the facts. Small to send from a worker to the writer."""
    result = outcome.result
    return BatchOutcome(result=BatchResult(quarantined=result.quarantined, skipped=result.skipped,
                                           facts=result.facts[:MAX_FACT_ROWS]),
                        tables=batch_tables(result, fingerprint, run_id))


def content_ids(paths: list[Path]) -> dict[Path, str | None]:
    """Each file's doc_id, the hash of its bytes; None for a file that cannot be read (not a regular file,
    too large, gone), which its batch quarantines with the reason."""
    ids: dict[Path, str | None] = {}
    for path in paths:
        try:
            ids[path] = hashlib.sha256(read_capped(path)).hexdigest()[:DOC_ID_CHARS]
        except InputError:
            ids[path] = None
    return ids


def plan_run(ids: dict[Path, str | None], state: WarehouseState, fingerprint: str) -> RunPlan:
    """Set aside the files whose exact bytes the warehouse holds under these rules (a re-run of an unchanged
    corpus costs a hash per file and no batch); order the rest so that files of one content are adjacent,
    for batches() to keep them together: the first is processed, the others repeat its outcome."""
    plan = RunPlan()
    groups: dict[str | Path, list[Path]] = {}
    for path, doc_id in ids.items():
        if doc_id and _held_as_is(doc_id, state, fingerprint):
            plan.held.append(SeenInput(path_text(path), path_text(path.name), doc_id, "held"))
        else:
            groups.setdefault(doc_id or path, []).append(path)
    plan.to_process = [path for group in groups.values() for path in group]
    return plan


def batches(paths: list[Path], ids: dict[Path, str | None], size: int) -> list[list[Path]]:
    """paths in batches of about size, never splitting files of one content (adjacent, by plan_run)."""
    out: list[list[Path]] = []
    for path in paths:
        same_as_previous = bool(out) and ids.get(path) is not None and ids.get(path) == ids.get(out[-1][-1])
        if not out or (len(out[-1]) >= size and not same_as_previous):
            out.append([])
        out[-1].append(path)
    return out


def _held_as_is(doc_id: str, state: WarehouseState, fingerprint: str) -> bool:
    """The warehouse holds this content, cleaned and extracted by these rules with this catalogue."""
    return state.known.get(doc_id) == (CLEANER_VERSION, EXTRACTOR_VERSION, fingerprint)


@dataclass
class EarlierReadings:
    """Of some held articles, those read by these reading rules under another catalogue the warehouse kept:
    which one, and its rows. A change of the catalogue reaches only some of them (catalogue_change)."""

    read_under: dict[str, str] = field(default_factory=dict)  # doc_id -> its catalogue's fingerprint
    catalogues: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # fingerprint -> its rows


def earlier_readings(doc_ids: list[str], state: WarehouseState) -> EarlierReadings:
    """What unreached needs to tell which of these held documents a catalogue's change leaves as they are."""
    read_under = {doc_id: state.known[doc_id][2] for doc_id in doc_ids
                  if state.known.get(doc_id, (None, None, None))[:2] == (CLEANER_VERSION, EXTRACTOR_VERSION)
                  and state.known[doc_id][2] in state.catalogues}
    return EarlierReadings(read_under, {fp: state.catalogues[fp] for fp in set(read_under.values())})


def unreached(texts: dict[str, str], earlier: EarlierReadings, catalogue: Catalogue) -> dict[str, str]:
    """Of these held articles' texts (doc_id -> clean_text), those whose facts, read under the catalogue earlier
    names, the change to this catalogue cannot reach (catalogue_change): doc_id -> the fingerprint they were
    read under."""
    changes = {fp: catalogue_change(Catalogue(rows), catalogue) for fp, rows in earlier.catalogues.items()}
    return {doc_id: read_under for doc_id, read_under in earlier.read_under.items()
            if doc_id in texts and not changes[read_under].may_change(texts[doc_id])}


def set_aside(plan: RunPlan, ids: dict[Path, str | None], kept: dict[str, str]) -> RunPlan:
    """The plan with the files of these kept documents (unreached) held instead of processed: only their
    claims are recorded, and their documents move to the run's catalogue with the facts they hold."""
    out = RunPlan(held=list(plan.held), kept=[*plan.kept, *sorted(kept.items())])
    for path in plan.to_process:
        if ids.get(path) in kept:
            out.held.append(SeenInput(path_text(path), path_text(path.name), ids[path], "held"))
        else:
            out.to_process.append(path)
    return out


def held_cleaned(paths: list[Path], ids: dict[Path, str | None], state: WarehouseState) -> list[str]:
    """The contents among paths that the warehouse held, when the run started, cleaned by these cleaning
    rules: their extraction alone is out of date (a new catalogue, new reading rules)."""
    return sorted({ids[path] for path in paths
                   if ids.get(path) and state.known.get(ids[path], (None,))[0] == CLEANER_VERSION})


# The zones a page may state its time in, UTC-12:00 to UTC+14:00.
_EARLIEST_ZONE, _LATEST_ZONE = timedelta(hours=-12), timedelta(hours=14)


def reads_as_cleaned(article: Article) -> bool:
    """Whether an article read back from the warehouse extracts as the one cleaning its file gives. Of the
    article's date, extraction reads only its year in the zone the page stated (tasks/meaning/extract.py),
    and the warehouse keeps the instant, not the zone: the instant names one year in every zone unless it
    lies within hours of a New Year, and then the file is cleaned again."""
    when = article.published_at
    return when is None or (when + _EARLIEST_ZONE).year == (when + _LATEST_ZONE).year


def process_batch(paths: list[Path], catalogue_rows: list[dict[str, str]],
                  cleaned: dict[str, Article] | None = None) -> BatchOutcome:
    """Read, clean and extract the files of a batch, with the indicator catalogue of these rows; a file
    whose content is in cleaned (doc_id -> its held article, store.cleaned_articles) is not cleaned again."""
    return process_inputs([(path_text(path), path_text(path.name), lambda path=path: read_raw(path))
                           for path in paths], catalogue_rows, cleaned)


def process_inputs(inputs: list[tuple[str, str, Callable[[], RawDoc]]], catalogue_rows: list[dict[str, str]],
                   cleaned: dict[str, Article] | None = None) -> BatchOutcome:
    """Clean and extract inputs given as (source_uri, source_name, reader); a reader raises InputError for a
    bad input. An input repeating an earlier one's bytes repeats its outcome: held, or quarantined alike.
    An input whose content is in cleaned is extracted from that article, if it reads as cleaned.

    Every other input is processed, even one whose content the warehouse held when the run started
    (a fetched page met under another URL): an earlier batch of the run may have removed it since,
    and the load keeps the document only if the warehouse lacks it.
    """
    extractor = Extractor(Catalogue(catalogue_rows), load_gazetteer())
    held = cleaned or {}
    result = BatchResult()
    failed: dict[str, Quarantined] = {}  # doc_id -> why the first input of those bytes failed
    done: set[str] = set()
    for source_uri, source_name, reader in inputs:
        raw, stage = None, "read"
        try:
            raw = reader()
            if raw.doc_id in failed:
                earlier = failed[raw.doc_id]
                raise InputError(earlier.stage, earlier.error)
            if raw.doc_id in done:
                result.inputs.append(SeenInput(source_uri, source_name, raw.doc_id, "held"))
                continue
            stage = "clean"
            article = held.get(raw.doc_id)
            if article is None or not reads_as_cleaned(article):
                article = clean(raw)
            stage = "extract"
            facts = extractor.facts(article)
        except Exception as exc:  # InputError, or a bug or input no rule foresaw: keep it, say where it failed
            why = str(exc) if isinstance(exc, InputError) else f"{type(exc).__name__}: {exc}"
            quarantined = _quarantined(source_uri, getattr(exc, "stage", stage), why, raw, exc)
            result.quarantined.append(quarantined)
            result.inputs.append(SeenInput(source_uri, source_name, raw.doc_id if raw else None, "failed"))
            if raw is not None:
                failed.setdefault(raw.doc_id, quarantined)
            continue
        done.add(raw.doc_id)
        result.inputs.append(SeenInput(source_uri, source_name, raw.doc_id, "document"))
        result.raw_docs.append(raw)
        result.articles.append(article)
        result.facts.extend(facts)
    return BatchOutcome(result)


def process_fetched(results: list[FetchResult], state: WarehouseState) -> BatchOutcome:
    """Clean and extract the pages a fetch got; account for the rest: not modified (the page its URL
    holds), skipped (robots.txt), failed."""
    pages = [r for r in results if r.outcome == "fetched"]
    outcome = process_inputs(
        [(redact(r.url), redact(r.url), lambda r=r: raw_doc_from_page(redact(r.url), r.raw, r.text, r.encoding))
         for r in pages], state.catalogue_rows)
    for result in results:
        url = redact(result.url)  # what is stored of a URL: its secrets replaced (tasks/io/redact.py)
        if result.outcome == "not_modified":
            outcome.result.inputs.append(SeenInput(url, url, state.by_uri.get(url), "held"))
        elif result.outcome == "skipped":
            outcome.result.skipped.append(Skipped(url, result.reason))
        elif result.outcome != "fetched":
            outcome.result.inputs.append(SeenInput(url, url, None, "failed"))
            outcome.result.quarantined.append(Quarantined(source_uri=url, stage="fetch", error=redact(result.reason)))
    outcome.result.fetches = results
    return outcome


def record_feed_pages(results: list[FetchResult]) -> BatchResult:
    """Feed and listing pages to log; the ones that failed go to quarantine."""
    failed = [Quarantined(source_uri=redact(r.url), stage="feed", error=redact(r.reason))
              for r in results if r.outcome in ("failed", "refused")]
    return BatchResult(inputs=[SeenInput(redact(r.url), redact(r.url), None, "feed") for r in results],
                       quarantined=failed, feed_fetches=results)


def _quarantined(source_uri: str, stage: str, error: str, raw: RawDoc | None, exc: Exception) -> Quarantined:
    """The quarantine row: the hash of the input's bytes and its first QUARANTINE_KEPT of them, from the
    document read or from what the reader could read before it refused (InputError's)."""
    sha256, kept = (raw.sha256, raw.raw) if raw is not None else (getattr(exc, "sha256", None), getattr(exc, "raw", None))
    return Quarantined(source_uri=source_uri, stage=stage, error=error, sha256=sha256,
                       raw=kept[:QUARANTINE_KEPT] if kept is not None else None)
