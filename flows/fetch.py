"""The fetch flow: article URLs, feeds and listing pages -> the same clean, extract, load path as ingest.

prepare the warehouse -> discover new article links in feeds and listings
-> for each batch of URLs: fetch and process (one task), load (one task,
one transaction, with the fetch log and the compressed responses) -> record
the run (flows/recorded_run.py).
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from cds_facts.flows.ingest import prepare_warehouse
from cds_facts.flows.recorded_run import load_and_record, recorded_run
from cds_facts.flows.spool import spool, spool_folder
from cds_facts.tasks import settings
from cds_facts.tasks.io import pipeline, store
from cds_facts.tasks.io.feeds import links_from_feed, links_from_listing
from cds_facts.tasks.io.fetch import FEED_TYPES, Fetcher, FetchSettings
from cds_facts.tasks.meaning.indicators import Catalogue
from cds_facts.tasks.models import FetchResult, RunCounts, WarehouseState
from cds_facts.tasks.io.redact import redact
from cds_facts.tasks.io.sources_file import Sources, fetch_inputs_text, read_sources

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
    return [link for link in dict.fromkeys(links) if redact(link) not in known], results


@task(name="fetch and process batch", cache_policy=NO_CACHE)
def fetch_and_process(urls: list[str], state: WarehouseState, settings: FetchSettings, fingerprint: str,
                      run_id: str, spool_to: Path) -> pipeline.BatchOutcome:
    # A conditional request only for a URL whose page the warehouse holds: a 304 renews that claim. The
    # warehouse knows URLs as stored, their secrets redacted.
    validators = {url: state.fetched[redact(url)] for url in urls
                  if redact(url) in state.fetched and redact(url) in state.by_uri}
    results = Fetcher(settings).fetch_many(urls, validators)
    return spool(pipeline.ready_to_load(pipeline.process_fetched(results, state), fingerprint, run_id), spool_to)


@flow(name="fetch", log_prints=False)
def fetch(urls: list[str] | None = None, sources_file: str | None = None, db: str | None = None,
          batch_size: int = BATCH_SIZE, allow_private_networks: bool | None = None,
          run_id: str | None = None) -> dict[str, int | str]:
    """Fetch article pages (given, and new ones in the sources file's feeds) into the warehouse at db.
    allow_private_networks, when given, overrides the sources file's [fetch] setting. run_id: the runs row
    the cds command wrote before Prefect started, if any."""
    db = str(db or settings.warehouse_path())
    sources = read_sources(sources_file) if sources_file else Sources()
    if allow_private_networks is not None:
        sources.settings = dataclasses.replace(sources.settings, allow_private_networks=allow_private_networks)
    state = prepare_warehouse(db)
    fingerprint = Catalogue(state.catalogue_rows).fingerprint
    with recorded_run("fetch", db, fetch_inputs_text(urls or [], sources_file), run_id) as record:
        known = set(state.fetched) | set(state.by_uri)
        discovered, feed_results = discover_links(sources, known) if sources.feeds or sources.listings else ([], [])
        if feed_results:
            feeds = pipeline.record_feed_pages(feed_results)
            # A feed is no input of its own, but its failure is one.
            counts = store.load_batch(db, feeds, fingerprint, record.run_id, RunCounts(failed=len(feeds.quarantined)))
            record.add(counts, feeds.quarantined)
        targets = list(dict.fromkeys([*(urls or []), *sources.articles, *discovered]))
        batches = [targets[i:i + batch_size] for i in range(0, len(targets), batch_size)]
        with spool_folder(db) as spool_to:
            for number, batch in enumerate(batches, 1):
                outcome = fetch_and_process.with_options(
                    task_run_name=f"fetch and process batch {number}/{len(batches)} ({len(batch)} URLs)")(
                        batch, quote(state.about_urls([redact(url) for url in batch])), sources.settings,
                        fingerprint, record.run_id, spool_to)
                load_and_record(db, outcome, record, f"load batch {number}/{len(batches)}", number, len(batches))
    return record.result()
