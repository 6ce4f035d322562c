"""The naive baseline bench/run.py times: one Prefect task per document, row-by-row INSERTs.

    python bench/naive.py FOLDER DB

The same cleaning and extraction as `cds ingest`, so the difference is the
orchestration and the loading: what batching and Arrow buy.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402

from cds_facts.tasks.io import files, pipeline, store, tables  # noqa: E402
from cds_facts.tasks.models import WarehouseState  # noqa: E402
from cds_facts.tasks.meaning.indicators import Catalogue  # noqa: E402


@task(cache_policy=NO_CACHE)
def one_document(path: Path, state: WarehouseState, db: str, fingerprint: str) -> int:
    """Clean and extract one file, then insert its document and each of its facts, one row at a time."""
    outcome = pipeline.process_batch([path], state.catalogue_rows)
    documents = tables.documents_table(outcome.result.raw_docs, outcome.result.articles, fingerprint, "naive")
    with store.connect(db) as con:
        for document in documents.rows():
            con.execute(f"INSERT INTO documents ({', '.join(document)}) VALUES ({', '.join('?' * len(document))})",
                        list(document.values()))
        for fact in outcome.result.facts:
            values = {name: getattr(fact, name) for name in tables.FACT_COLUMNS}
            con.execute(f"INSERT INTO facts ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                        list(values.values()))
    return len(outcome.result.facts)


@flow(name="naive ingest")
def naive_ingest(folder: str, db: str) -> int:
    state = store.prepare(db)
    fingerprint = Catalogue(state.catalogue_rows).fingerprint
    return sum(one_document(path, state, db, fingerprint) for path in files.discover([folder]).files)


if __name__ == "__main__":
    print(naive_ingest(sys.argv[1], sys.argv[2]), "facts")
