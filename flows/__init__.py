"""Prefect flows and the ``cds`` command: the thin orchestration around ``cds_facts.tasks``.

    cli          the cds command: checks what it can before Prefect starts, runs a flow, prints the outcome
    ingest       the ingest flow: files and folders -> the warehouse
    fetch        the fetch flow: article pages, feeds and listings -> the warehouse
    recorded_run what both flows do around their batches: the run's row, counts and artifacts
    artifacts    the run's summary, quarantine, new facts and progress in the Prefect UI
    runners      where cleaning and extraction run: a pool of light processes, a thread, or Dask
    spool        a worker's whole job, and the file its batch's tables wait in
    schedules    the schedules file; serve: its deployments; temporary_server: a Prefect API for one command
"""
