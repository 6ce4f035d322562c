"""Batch tables set aside in a run's spool folder: read back whole, once, and never left behind."""
import pytest

from cds_facts.flows.spool import spool, spool_folder, unspool
from cds_facts.tasks.io import pipeline, store

from conftest import SEEDS


def _outcome(tmp_path):
    state = store.prepare(tmp_path / "cds.duckdb")
    outcome = pipeline.process_batch(sorted(SEEDS.glob("*.txt"))[:2], state.catalogue_rows)
    return pipeline.ready_to_load(outcome, "fingerprint", "run")


def test_spooled_tables_come_back_whole_and_their_file_goes(tmp_path):
    ready = _outcome(tmp_path)
    with spool_folder(tmp_path / "cds.duckdb") as folder:
        spooled = spool(ready, folder)
        assert spooled.tables is None and spooled.result == ready.result
        assert [p.name for p in folder.iterdir()] == [spooled.tables_file.rsplit("/", 1)[1]]
        tables = unspool(spooled)
        assert list(folder.iterdir()) == []
    assert tables == ready.tables
    assert len(tables.tables["batch_facts"]) == len(ready.result.facts) > 0


def test_a_failed_run_leaves_no_spool_folder(tmp_path):
    ready = _outcome(tmp_path)
    with pytest.raises(RuntimeError), spool_folder(tmp_path / "cds.duckdb") as folder:
        spool(ready, folder)
        raise RuntimeError("the run fails before loading its batch")
    assert list(tmp_path.glob(".cds-spool-*")) == []
