"""The fetch flow: article URLs, feeds and listing pages -> the same clean, extract, load path as ingest.

prepare the warehouse -> discover new article links in feeds and listings
-> for each batch of URLs: fetch and process (one task), load (one task,
one transaction, with the fetch log and the compressed responses) -> record
the run.
"""
from __future__ import annotations

import time
import uuid
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from flows.artifacts import end_run, start_progress
from flows.ingest import COUNT_KEYS, load_and_record, prepare_warehouse
from flows.spool import spool, spool_folder
from tasks import load, pipeline
from tasks.feeds import links_from_feed, links_from_listing
from tasks.fetch import FEED_TYPES, Fetcher, FetchResult, FetchSettings
from tasks.indicators import Catalogue
from tasks.models import WarehouseState
from tasks.run_summary import RunRecord
from tasks.sources_file import Sources, read_sources

BATCH_SIZE = 50


@task(name="discover links", cache_policy=NO_CACHE)
def discover_links(sources: Sources, known: set[str]) -> tuple[list[str], list[FetchResult]]:
    """New article links from the feeds and listing pages, and what fetching those pages got."""
    fetcher = Fetcher(sources.settings)
    pages = sources.feeds + [listing.url for listing in sources.listings]
    results = fetcher.fetch_many(pages, accept=FEED_TYPES)
    selectors = {listing.url: listing.selector for listing in sources.listings}
    links: list[str] = []
    for result in results:
        if result.outcome != "fetched":
            continue
        if result.url in selectors:
            links += links_from_listing(result.text, result.final_url or result.url, selectors[result.url])
        else:
            links += links_from_feed(result.text, result.final_url or result.url)
    return [link for link in dict.fromkeys(links) if link not in known], results


@task(name="fetch and process batch", cache_policy=NO_CACHE)
def fetch_and_process(urls: list[str], state: WarehouseState, settings: FetchSettings, fingerprint: str,
                      run_id: str, spool_to: Path) -> pipeline.BatchOutcome:
    results = Fetcher(settings).fetch_many(urls, state.fetched)
    return spool(pipeline.ready_to_load(pipeline.process_fetched(results, state), fingerprint, run_id), spool_to)


@flow(name="fetch", log_prints=False)
def fetch(urls: list[str] | None = None, sources_file: str | None = None, db: str = load.DEFAULT_DB,
          batch_size: int = BATCH_SIZE) -> dict[str, int | str]:
    """Fetch article pages (given, and new ones in the sources file's feeds) into the warehouse at db."""
    started = time.monotonic()
    sources = read_sources(sources_file) if sources_file else Sources()
    state = prepare_warehouse(db)
    fingerprint = Catalogue(state.catalogue_rows).fingerprint
    run_id = str(flow_run.id or uuid.uuid4())
    load.start_run(db, run_id, flow_run.id, "fetch", " ".join([*(urls or []), *([sources_file] if sources_file else [])]))
    record = RunRecord("fetch", dict.fromkeys(COUNT_KEYS, 0))
    progress_id = start_progress("fetch")
    try:
        known = set(state.fetched) | set(state.by_uri)
        discovered, feed_results = discover_links(sources, known) if sources.feeds or sources.listings else ([], [])
        if feed_results:
            feeds = pipeline.record_feed_pages(feed_results)
            load.load_batch(db, feeds, [], fingerprint, run_id)
            record.add({"failed": len(feeds.quarantined)}, feeds.quarantined, [])
        targets = list(dict.fromkeys([*(urls or []), *sources.articles, *discovered]))
        batches = [targets[i:i + batch_size] for i in range(0, len(targets), batch_size)]
        with spool_folder(db) as spool_to:
            for number, batch in enumerate(batches, 1):
                outcome = fetch_and_process.with_options(
                    task_run_name=f"fetch and process batch {number}/{len(batches)} ({len(batch)} URLs)")(
                        batch, quote(state), sources.settings, fingerprint, run_id, spool_to)
                load_and_record(db, outcome, record, number, len(batches), progress_id)
                pipeline.remember_loaded(state, outcome, fingerprint)
    except BaseException as exc:
        end_run(record, db, run_id, started, exc)
        raise
    end_run(record, db, run_id, started)
    return record.result(run_id)
