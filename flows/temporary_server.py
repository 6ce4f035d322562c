"""A temporary Prefect API for one command, that ends with the command even when the command is killed.

Prefect starts one by itself when no PREFECT_API_URL is set, but a SIGKILL of the command leaves it
running (and every later run of that kind leaves one more). This starts the same server Prefect's
ephemeral mode does (uvicorn on Prefect's app factory, on a free port of 127.0.0.1, without the UI) in a
child that the kernel signals when this process dies (Linux's parent-death signal; elsewhere it ends
with the command's normal exit only), and points this process's Prefect client at it.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

STARTUP_SECONDS = 120


def _die_with_parent(parent: int) -> None:
    """In the child, before it runs the server: ask for SIGTERM when the parent dies (Linux)."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


@contextmanager
def temporary_prefect_api() -> Iterator[str]:
    """A Prefect API for the block; its URL, also set as PREFECT_API_URL in this process."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    prefect_dir = Path(importlib.util.find_spec("prefect").submodule_search_locations[0])
    parent = os.getpid()
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--app-dir", str(prefect_dir.parent), "--factory",
         "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
         "--log-level", "error", "--lifespan", "on"],
        env={**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"},
        stdout=subprocess.DEVNULL, preexec_fn=lambda: _die_with_parent(parent))
    api = f"http://127.0.0.1:{port}/api"
    before = os.environ.get("PREFECT_API_URL")
    try:
        _wait_until_healthy(server, api)
        os.environ["PREFECT_API_URL"] = api
        yield api
    finally:
        if before is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = before
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_until_healthy(server: subprocess.Popen, api: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the temporary Prefect server exited at start (code {server.returncode})")
        try:
            with urllib.request.urlopen(f"{api}/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the temporary Prefect server did not answer within {STARTUP_SECONDS} s")
