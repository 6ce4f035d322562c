"""One batch of input files through the pure core: read, decide, clean, extract.

The decision uses what the warehouse already holds: an input whose content
was cleaned and extracted by these rules with this catalogue is unchanged and skipped;
one whose path was loaded with other content is changed and replaces it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .clean import CLEANER_VERSION, clean
from .extract import EXTRACTOR_VERSION, Extractor
from .indicators import Catalogue
from .load import WarehouseState
from .models import BatchResult, Quarantined, RawDoc
from .places import load_gazetteer
from .sources import InputError, read_raw

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
    """Read, clean and extract every input in paths that the warehouse does not hold as it is."""
    catalogue = Catalogue(state.catalogue_rows)
    extractor = Extractor(catalogue, load_gazetteer())
    outcome = BatchOutcome(BatchResult())
    counts = dict.fromkeys(("seen", "new", "changed", "unchanged", "failed", "facts"), 0)
    batch_ids: set[str] = set()
    for path in paths:
        counts["seen"] += 1
        raw, stage = None, "read"
        try:
            raw = read_raw(path)
            decision, replaces = classify(raw, state, catalogue.fingerprint)
            if decision == "unchanged" or raw.doc_id in batch_ids:  # same content twice in one batch
                counts["unchanged"] += 1
                continue
            stage = "clean"
            article = clean(raw)
            stage = "extract"
            facts = extractor.facts(article)
        except InputError as exc:
            outcome.result.quarantined.append(_quarantined(path, exc.stage, str(exc), raw))
            counts["failed"] += 1
            continue
        except Exception as exc:  # a bug or an input no rule foresaw: keep the input, say where it failed
            outcome.result.quarantined.append(_quarantined(path, stage, f"{type(exc).__name__}: {exc}", raw))
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


def _quarantined(path: Path, stage: str, error: str, raw: RawDoc | None) -> Quarantined:
    keep = raw is not None and len(raw.raw) <= QUARANTINE_RAW_LIMIT
    return Quarantined(source_uri=str(path), stage=stage, error=error,
                       sha256=raw.sha256 if raw else None, raw=raw.raw if keep else None)
