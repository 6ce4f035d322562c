"""Prefect flows and the ``cds`` command: the thin orchestration around ``tasks``."""
import os

# Arrow's default allocator (mimalloc) keeps the arenas a batch's tables used: a worker held about
# 140 MB instead of 125. The C library's allocator gives them back. It is read when pyarrow is first
# imported, which in a flow's process and in its spawned workers comes after this; a user's setting wins.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
