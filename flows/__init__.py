"""Prefect flows and the ``cds`` command: the thin orchestration around ``tasks``."""
