"""Does a run cost more when the warehouse it loads into is large? `cds ingest` of the same new articles
into an empty warehouse and into one that holds many documents.

    python bench/grown.py                           # 1 000 new articles, into 0 and 100 000 held
    python bench/grown.py --held 24 --base 12 --new 4  # the smoke test CI runs

The held documents are a real `cds ingest` of a base corpus (--base
articles), copied under new ids until there are --held of them: the warehouse
has the size and shape of a grown one without hours of ingesting. The new
articles come from the corpus maker with another seed, so none is held.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import make_corpus  # noqa: E402
from run import Timing, benchmark_setting, cds_ingest, row  # noqa: E402

NEW_ARTICLES_SEED = 11  # bench/run.py's corpora use make_corpus's default seed


def grow(base: Path, grown: Path, held: int) -> int:
    """A copy of the base warehouse with its documents (and their raw inputs and facts) repeated under
    new ids until it holds ``held`` documents; returns how many it holds."""
    shutil.copy(base, grown)
    with duckdb.connect(str(grown)) as con:
        base_count = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        copies = max(held // base_count, 1)

        def new_id(column: str) -> str:  # 'z' is not a hex digit: no copy's id can be a real content hash
            return f"format('z{{:05d}}', copy) || substr({column}, 7)"

        con.execute(f"""INSERT INTO documents SELECT documents.* REPLACE ({new_id('doc_id')} AS doc_id,
                        source_uri || '#copy-' || copy AS source_uri)
                        FROM documents, range(1, {copies}) AS copies(copy)""")
        con.execute(f"""INSERT INTO document_raw SELECT document_raw.* REPLACE ({new_id('doc_id')} AS doc_id)
                        FROM document_raw, range(1, {copies}) AS copies(copy)""")
        con.execute(f"""INSERT INTO facts SELECT facts.* REPLACE ({new_id('doc_id')} AS doc_id,
                        {new_id('fact_id')} AS fact_id, {new_id('part_of')} AS part_of)
                        FROM facts, range(1, {copies}) AS copies(copy)""")
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--held", type=int, default=100_000, help="documents the grown warehouse holds")
    parser.add_argument("--base", type=int, default=1000, help="articles ingested for real, then copied")
    parser.add_argument("--new", type=int, default=1000, help="new articles each run ingests")
    parser.add_argument("--work", type=Path, help="keep corpora and warehouses here (default: a temporary folder)")
    parser.add_argument("--api-url", help="a running Prefect API (default: start one for the benchmark)")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    with benchmark_setting(args.work, args.api_url) as (work, env):
        base_corpus, new_corpus = work / "base-corpus", work / "new-corpus"
        for folder in (base_corpus, new_corpus):
            shutil.rmtree(folder, ignore_errors=True)
        make_corpus(min(args.held, args.base), base_corpus)
        make_corpus(args.new, new_corpus, seed=NEW_ARTICLES_SEED)
        base, grown, empty = work / "base.duckdb", work / "grown.duckdb", work / "empty.duckdb"
        for db in (base, grown, empty):
            db.unlink(missing_ok=True)
        cds_ingest(base_corpus, base, env)
        held = grow(base, grown, args.held)

        print(f"{args.new} new articles, ingested into an empty warehouse and into one of {held} documents")
        timings: dict[str, Timing] = {"empty": cds_ingest(new_corpus, empty, env),
                                      "grown": cds_ingest(new_corpus, grown, env)}
        for name, timing in timings.items():
            row(f"into the {name} warehouse", f"{timing.seconds:.1f} s", f"peak RSS {timing.peak_rss_mb:.0f} MB")
        extra = timings["grown"].seconds - timings["empty"].seconds
        row("the grown warehouse's extra time", f"{extra:.1f} s",
            f"{extra / timings['empty'].seconds:.0%} of the run into the empty one")


if __name__ == "__main__":
    main()
