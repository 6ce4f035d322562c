"""Production as a fresh install runs it: a real `prefect server` on loopback, the Prefect CLI a user
points at it, and `cds serve` creating and executing scheduled runs. Slow (a server, a minute's
schedule); `.ci/run` runs them. Each test also reads the server's log: a scheduler or API that fails
in its loop shows there, not in any response."""
import importlib.util
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from conftest import ROOT, SEEDS
pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
ARTIFACT_KEYS = {"ingest-summary", "ingest-quarantine", "ingest-new-facts", "ingest-progress"}


def _bench_run():
    """bench/run.py as a module: it starts the server the way the benchmark does."""
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    module = sys.modules[spec.name] = importlib.util.module_from_spec(spec)  # its dataclasses look it up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`prefect server start` on a free port of 127.0.0.1, its own PREFECT_HOME, its output in a log."""
    home = tmp_path_factory.mktemp("prefect-home")
    log = home / "server.log"
    process, api = _bench_run().start_prefect_server(home, log)
    yield {"api": api, "home": home, "log": log,
           "env": {**os.environ, "PREFECT_API_URL": api, "PREFECT_HOME": str(home), "COLUMNS": "200"}}
    process.terminate()
    process.wait(timeout=30)


def assert_server_log_clean(server) -> None:
    text = server["log"].read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in text and "Error" not in text, text[-3000:]


def prefect(server, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "prefect"), *args], capture_output=True, text=True, env=server["env"],
                          timeout=120)


def test_the_prefect_cli_lists_an_ingest_run_and_its_artifacts(server, tmp_path):
    result = subprocess.run([str(BIN / "cds"), "ingest", str(SEEDS), "--db", str(tmp_path / "w.duckdb")],
                            capture_output=True, text=True, cwd=tmp_path, env=server["env"], timeout=300)
    assert result.returncode == 0, result.stderr
    assert f"Prefect: the API at {server['api']}" in result.stderr
    run_line = next(line for line in result.stdout.splitlines() if line.startswith("run "))
    flow_run_id = re.search(r"\(Prefect flow run ([0-9a-f-]+)\)", run_line).group(1)

    for command in (("flow-run", "ls"), ("artifact", "ls"), ("deployment", "ls")):  # as a user types them
        listed = prefect(server, *command)
        assert listed.returncode == 0, listed.stdout + listed.stderr
        # the failure this guards against: HTTP 422 for every list (ids are hex and may hold "422")
        assert not re.search(r"\b422\b|Unprocessable", listed.stdout + listed.stderr), listed.stdout + listed.stderr
    runs = json.loads(prefect(server, "flow-run", "ls", "--output", "json").stdout)
    assert [(r["id"], r["state_type"]) for r in runs if r["id"] == flow_run_id] == [(flow_run_id, "COMPLETED")]
    artifacts = json.loads(prefect(server, "artifact", "ls", "--output", "json").stdout)
    assert ARTIFACT_KEYS <= {a["key"] for a in artifacts}
    summary = json.loads(prefect(server, "artifact", "inspect", "ingest-summary", "--output", "json").stdout)
    assert "| 5 | 5 | 0 | 0 | 0 | 0 | 110 |" in summary[0]["data"]
    assert_server_log_clean(server)


def test_cds_serve_creates_scheduled_runs_and_one_loads_the_seeds(server, tmp_path):
    db = tmp_path / "scheduled.duckdb"
    schedules = tmp_path / "every-minute.toml"
    schedules.write_text(f'[[deployment]]\nname = "ingest-every-minute"\nflow = "ingest"\ncron = "* * * * *"\n'
                         f'parameters = {{ paths = [{json.dumps(str(SEEDS))}], db = {json.dumps(str(db))} }}\n',
                         encoding="utf-8")
    serving = subprocess.Popen([str(BIN / "cds"), "serve", "--schedules", str(schedules)], cwd=tmp_path,
                               env=server["env"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)

    def deployment_runs(state_type: str) -> list[dict]:
        listed = prefect(server, "flow-run", "ls", "--state-type", state_type, "--limit", "200", "--output", "json")
        runs = json.loads(listed.stdout) if listed.returncode == 0 and listed.stdout.strip() else []
        return [r for r in runs if r["deployment_id"]]  # not the runs other tests started by hand

    scheduled = []  # seen while serving: a stopped `serve` pauses its schedules and their runs go
    try:
        deadline = time.monotonic() + 150
        while time.monotonic() < deadline and not deployment_runs("COMPLETED"):
            scheduled = scheduled or deployment_runs("SCHEDULED")
            time.sleep(3)
    finally:
        os.killpg(serving.pid, signal.SIGINT)
        output = serving.communicate(timeout=60)[0]
    assert deployment_runs("COMPLETED"), output[-3000:]
    assert len(scheduled) >= 2  # the scheduler made runs ahead, not only the one that ran
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*), count(DISTINCT source_name) FROM documents").fetchone() == (5, 5)
        assert con.execute("SELECT status FROM runs").fetchall() == [("completed",)]
    assert_server_log_clean(server)


def test_cds_serve_without_a_server_says_how_to_start_one(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path)  # no profile with an API either
    result = subprocess.run([str(BIN / "cds"), "serve"], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "prefect server start" in result.stderr and result.stderr.count("\n") == 1


def test_a_prefect_api_that_does_not_answer_is_one_line_at_once(tmp_path):
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}/api"
    started = time.monotonic()
    result = subprocess.run([str(BIN / "cds"), "ingest", str(SEEDS), "--db", str(tmp_path / "w.duckdb")],
                            capture_output=True, text=True, env={**os.environ, "PREFECT_API_URL": dead}, timeout=60)
    assert time.monotonic() - started < 10  # not Prefect's retries: said before any flow starts
    assert result.returncode == 1 and "does not answer" in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
