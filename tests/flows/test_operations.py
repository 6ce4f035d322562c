"""Running like production: the artifacts a run publishes, the warehouse lock, schedules, Dask."""
import asyncio
import importlib
import subprocess
import sys

import pytest

from cds_facts.tasks.models import Quarantined
from cds_facts.tasks.io.run_summary import RunRecord, escape_markdown, quarantine_rows, summary_markdown

from conftest import ROOT, SEEDS


def test_input_text_in_artifacts_is_escaped():
    assert escape_markdown("<script>x</script> **bold** [a](b)") == (
        r"&lt;script&gt;x&lt;/script&gt; \*\*bold\*\* \[a\]\(b\)")
    record = RunRecord("ingest", {"seen": 1, "failed": 1},
                       quarantined=[Quarantined("/in/<b>x</b>.html", "clean", "EmptyArticle: | table |", None, None)])
    assert quarantine_rows(record) == [{"input": r"/in/&lt;b&gt;x&lt;/b&gt;\.html", "stage": "clean",
                                        "reason": r"EmptyArticle: \| table \|"}]
    assert "1 input(s) quarantined" in summary_markdown(record, 1.0, "completed")


def test_a_locked_warehouse_is_waited_for_then_refused_clearly(tmp_path, monkeypatch):
    from cds_facts.tasks.io import store

    db = tmp_path / "locked.duckdb"
    with store.connect(db) as con:
        con.execute("CREATE TABLE t (x INTEGER)")
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}); "
                               "print('held', flush=True); time.sleep(4)"], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    monkeypatch.setenv("CDS_LOCK_WAIT_SECONDS", "0.5")
    with pytest.raises(store.WarehouseLocked, match="stayed locked by another process"):
        with store.connect(db):
            pass
    monkeypatch.setenv("CDS_LOCK_WAIT_SECONDS", "30")
    with store.connect(db) as con:  # waits for the holder to let go, then goes on
        assert con.execute("SELECT count(*) FROM t").fetchone() == (0,)
    holder.wait()


def test_deployments_carry_their_cron_schedules(prefect_harness):
    from prefect.client.orchestration import get_client

    from cds_facts.flows.schedules import read_schedules
    from cds_facts.flows.serve import build_deployments

    specs = read_schedules()
    for deployment in build_deployments(specs):
        deployment.apply()

    async def read():
        async with get_client() as client:
            return {spec.name: await client.read_deployment_by_name(f"{spec.flow}/{spec.name}") for spec in specs}

    stored = asyncio.run(read())
    assert {name: [(s.schedule.cron, s.schedule.timezone) for s in d.schedules] for name, d in stored.items()} == {
        "ingest-nightly": [("0 2 * * *", "Asia/Ho_Chi_Minh")], "fetch-morning": [("30 6 * * *", "Asia/Ho_Chi_Minh")]}
    assert stored["fetch-morning"].parameters["sources_file"] == "flows/sources.toml"


def test_prefect_yaml_schedules_what_cds_serve_serves():
    import yaml

    from cds_facts.flows.schedules import read_schedules

    declared = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))["deployments"]
    assert {d["name"]: (d["entrypoint"].split(":")[1], d["schedules"][0]["cron"], d["schedules"][0]["timezone"],
                        d["parameters"]) for d in declared} == {
        s.name: (s.flow, s.cron, s.timezone, s.parameters) for s in read_schedules()}
    for d in declared:  # every entrypoint names a flow that exists
        path, name = d["entrypoint"].split(":")
        module = importlib.import_module("cds_facts." + path.removesuffix(".py").replace("/", "."))
        assert getattr(module, name).name == name


def test_ingest_on_a_local_dask_cluster_gives_the_same_warehouse(prefect_harness, tmp_path):
    import duckdb

    from cds_facts.flows.ingest import ingest
    from cds_facts.flows.runners import make_task_runner

    plain, spread = tmp_path / "plain.duckdb", tmp_path / "dask.duckdb"
    ingest(paths=[str(SEEDS)], db=str(plain), batch_size=2)
    counts = ingest.with_options(task_runner=make_task_runner("dask", workers=2))(
        paths=[str(SEEDS)], db=str(spread), batch_size=2)  # 3 batches over 2 worker processes
    assert (counts["new"], counts["failed"]) == (5, 0)
    assert list(tmp_path.glob(".cds-spool-*")) == []  # each batch's spooled tables were loaded and removed
    queries = ("SELECT doc_id, title, outlet, published_at, authors, province, clean_text FROM documents ORDER BY 1",
               "SELECT * EXCLUDE (fact_id) FROM facts ORDER BY fact_id")
    for query in queries:
        with duckdb.connect(str(plain), read_only=True) as a, duckdb.connect(str(spread), read_only=True) as b:
            assert a.execute(query).fetchall() == b.execute(query).fetchall()

    with duckdb.connect(str(spread)) as con:  # a new catalogue: the held articles go to the Dask workers
        con.execute("UPDATE documents SET catalogue_fingerprint = 'a catalogue before'")
    counts = ingest.with_options(task_runner=make_task_runner("dask", workers=2))(
        paths=[str(SEEDS)], db=str(spread), batch_size=2)
    assert (counts["changed"], counts["failed"]) == (5, 0)
    with duckdb.connect(str(plain), read_only=True) as a, duckdb.connect(str(spread), read_only=True) as b:
        assert a.execute(queries[1]).fetchall() == b.execute(queries[1]).fetchall()
