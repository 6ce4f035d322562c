"""One package that installs anywhere: a built wheel, installed into a fresh venv outside the checkout,
runs `cds ingest` on the seeds from another folder, and puts nothing at the top of site-packages but
cds_facts. Slow (a fresh venv from the lock); `.ci/run` runs it."""
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow


def run(*command, **kwargs):
    return subprocess.run([str(c) for c in command], capture_output=True, text=True, timeout=900, **kwargs)


def test_the_wheel_installed_elsewhere_ingests_the_seeds(tmp_path):
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", ROOT, "-w", tmp_path / "dist")
    assert built.returncode == 0, built.stderr[-2000:]
    wheel, = (tmp_path / "dist").glob("cds_facts-*.whl")
    venv = tmp_path / "venv"
    assert run(sys.executable, "-m", "venv", venv).returncode == 0
    pip = venv / "bin" / "pip"
    assert run(venv / "bin" / "python", "-m", "pip", "install", "-q", "pip>=25").returncode == 0
    installed = run(pip, "install", "-q", "-c", ROOT / "requirements.lock", wheel)
    assert installed.returncode == 0, installed.stderr[-2000:]

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CDS_DB")}
    ingested = run(venv / "bin" / "cds", "ingest", SEEDS, cwd=elsewhere, env=env)
    assert ingested.returncode == 0, ingested.stderr[-3000:]
    assert "seen 5, new 5, changed 0, unchanged 0, failed 0" in ingested.stdout
    assert (elsewhere / "warehouse" / "cds.duckdb").exists()  # the default warehouse, under the current folder
    bare = tmp_path / "bare"  # a folder without the warehouse/ the run made: in a cwd, any folder imports
    bare.mkdir()
    for name in ("flows", "tasks", "warehouse"):  # a Prefect project's own packages are not shadowed
        imported = run(venv / "bin" / "python", "-c", f"import {name}", cwd=bare, env=env)
        assert imported.returncode == 1 and "ModuleNotFoundError" in imported.stderr, name
    site_packages, = venv.glob("lib/python*/site-packages")
    ours = {p.name for p in site_packages.iterdir() if p.name.startswith(("cds", "flows", "tasks", "warehouse"))}
    assert {name.split("-")[0] for name in ours} == {"cds_facts"}
