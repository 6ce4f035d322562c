"""Analyst views, consistency checks and the example queries, on warehouses built by the real flow
(and the checks' rules on hand-made facts)."""
import re

import duckdb
import pyarrow as pa
import pytest

from cds_facts.flows.ingest import ingest

from conftest import DATA, ROOT, SEEDS

QUERIES = sorted((ROOT / "warehouse" / "queries").glob("*.sql"))


def rows(db, sql):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture(scope="module")
def seeds_db(prefect_harness, tmp_path_factory):
    db = tmp_path_factory.mktemp("seeds") / "cds.duckdb"
    ingest(paths=[str(SEEDS)], db=str(db))
    return db


@pytest.fixture(scope="module")
def planted_db(prefect_harness, tmp_path_factory):
    """The seeds and one article whose figures contradict each other and the seeds."""
    db = tmp_path_factory.mktemp("planted") / "cds.duckdb"
    ingest(paths=[str(SEEDS), str(DATA / "planted")], db=str(db))
    return db


def test_the_dti_rank_is_corroborated_by_two_outlets(seeds_db):
    assert rows(seeds_db, "SELECT indicator, province, period_year, value, denominator, sources, outlets"
                          " FROM corroborated_facts") == [
        ("dti.rank", "Thanh Hóa", 2022, 15.0, 63.0, 2, ["Báo Thanh Hóa", "Diễn đàn Doanh nghiệp"])]


def test_the_seeds_pass_every_check(seeds_db):
    assert rows(seeds_db, "SELECT * FROM failed_checks") == []
    # the two real cases were there to check: 900 + 905 parts of 1.805, and 141.497/175.138 beside 80,79%
    assert rows(seeds_db, "SELECT t.value, sum(p.value) FROM facts t JOIN facts p ON p.part_of = t.fact_id"
                          " WHERE t.value = 1805 GROUP BY t.value") == [(1805.0, 1805.0)]
    assert rows(seeds_db, "SELECT count(*) FROM facts WHERE value IN (141497, 80.79)") == [(2,)]


def test_planted_inconsistencies_are_flagged(planted_db):
    flagged = rows(planted_db, "SELECT check_name, detail FROM failed_checks ORDER BY check_name")
    assert [name for name, _ in flagged] == ["numerator_above_denominator", "parts_do_not_add_up",
                                            "parts_exceed_total", "percent_out_of_range",
                                            "ratio_disagrees_with_percent"]
    assert ("ratio_disagrees_with_percent", "141497.0/175138.0 is 80.79%, the text says 70.79%") in flagged


def test_a_run_reports_how_many_of_the_facts_it_loaded_fail_a_check(prefect_harness, tmp_path):
    db = tmp_path / "cds.duckdb"
    first = ingest(paths=[str(DATA / "planted")], db=str(db))
    again = ingest(paths=[str(DATA / "planted")], db=str(db))
    assert (first["failed_checks"], again["failed_checks"]) == (5, 0)  # the re-run loaded nothing
    assert rows(db, "SELECT count(*) FROM failed_checks") == [(5,)]


def test_conflicting_figures_are_listed_with_their_sources(planted_db):
    assert rows(planted_db, "SELECT value, source FROM conflicting_facts WHERE indicator = 'dti.rank'"
                            " ORDER BY value, source") == [
        (15.0, "Báo Thanh Hóa"), (15.0, "Diễn đàn Doanh nghiệp"), (18.0, "Báo Thử Nghiệm")]


def test_latest_values_prefer_the_latest_dated_report(seeds_db):
    assert rows(seeds_db, "SELECT province, value, source FROM latest_values"
                          " WHERE indicator = 'gov.online_public_services_full' ORDER BY province") == [
        ("Cà Mau", 1184.0, "Báo Cà Mau"), ("Thanh Hóa", 905.0, "Đài Phát Thanh và Truyền Hình Thanh Hóa")]


EXPECTED = {  # query file -> (a check on its rows)
    "dti_rank_sources.sql": lambda r: r == [("Thanh Hóa", 2022, 15.0, 63.0, 2, ["Báo Thanh Hóa",
                                                                               "Diễn đàn Doanh nghiệp"])],
    "failed_checks_by_kind.sql": lambda r: r == [],
    "figures_per_outlet.sql": lambda r: len(r) == 5 and all(figures >= with_ind for _, figures, with_ind, _ in r),
    "full_process_services_by_province.sql": lambda r: [(p, v) for p, v, *_ in r] == [("Cà Mau", 1184.0),
                                                                                      ("Thanh Hóa", 905.0)],
    "indicator_pivot.sql": lambda r: [row[0] for row in r] == ["Cà Mau", "Nam Định", "Thanh Hóa"],
    "rollup_2025.sql": lambda r: [(p, v) for p, v, *_ in r] == [("Thanh Hóa", 9444.0), ("Cà Mau", 4970.0)],
}


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.name)
def test_every_example_query_answers_on_the_seeds(seeds_db, query):
    assert query.name in EXPECTED, f"{query.name} has no expected answer in this test"
    assert EXPECTED[query.name](rows(seeds_db, query.read_text(encoding="utf-8")))


def test_the_pivot_has_a_column_per_indicator(seeds_db):
    with duckdb.connect(str(seeds_db), read_only=True) as con:
        relation = con.sql((ROOT / "warehouse" / "queries" / "indicator_pivot.sql").read_text(encoding="utf-8"))
        columns, data = relation.columns, relation.fetchall()
    thanh_hoa = dict(zip(columns, next(r for r in data if r[0] == "Thanh Hóa")))
    assert (thanh_hoa["dti.rank"], thanh_hoa["infra.bts_stations"]) == (15.0, 9444.0)


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_an_export_reads_back_with_the_same_row_counts(seeds_db, tmp_path, fmt):
    from cds_facts.tasks.io.export import export

    written = export(seeds_db, tmp_path, fmt)
    for name, count in written.items():
        if fmt == "parquet" and name == "facts":
            source = f"read_parquet('{tmp_path}/facts/**/*.parquet', hive_partitioning = true)"
        else:
            source = f"'{tmp_path}/{name}.{fmt}'"
        assert rows(seeds_db, f"SELECT count(*) FROM {source}") == [(count,)], name
        assert rows(seeds_db, f"SELECT count(*) FROM {name}") == [(count,)]
    if fmt == "parquet":  # any Parquet tool reads it: here pyarrow, partitions and all
        import pyarrow.dataset as ds

        facts = ds.dataset(tmp_path / "facts", format="parquet", partitioning="hive").to_table()
        assert facts.num_rows == written["facts"]
        assert "dti.rank" in facts.column("indicator").to_pylist()


def test_places_link_to_official_districts_and_communes(seeds_db):
    assert rows(seeds_db, "SELECT level, era, count(*) > 0 FROM places GROUP BY ALL ORDER BY ALL") == [
        ("commune", "2025", True), ("commune", "legacy", True), ("district", "legacy", True)]
    assert ("huyện Lang Chánh", "388", "district") in rows(seeds_db, "SELECT place, place_code, level FROM fact_places")
    assert ("xã Thọ Diên", "commune", "Thọ Xuân") in rows(seeds_db, "SELECT place, level, district FROM fact_places")


def test_a_percent_is_checked_against_the_ratio_only_when_it_is_the_next_figure(tmp_path):
    from cds_facts.tasks.io import store

    db = tmp_path / "w.duckdb"
    store.prepare(db)

    def checks(text: str) -> list[str]:
        """Each figure of text as a fact (a/b a ratio, n% a percent, else a count); the checks they fail."""
        found = list(re.finditer(r"(\d+)/(\d+)|(\d+)%|\d+", text))
        facts = pa.table({
            "doc_id": ["d"] * len(found), "fact_id": [f"d:{m.start()}" for m in found],
            "surface": [m.group() for m in found], "indicator": [None] * len(found), "part_of": [None] * len(found),
            "kind": ["ratio" if m.group(2) else "percent" if m.group(3) else "count" for m in found],
            "value": [float(m.group(1) or m.group(3) or m.group()) for m in found],
            "denominator": [float(m.group(2)) if m.group(2) else None for m in found],
            "start_char": [m.start() for m in found], "end_char": [m.end() for m in found],
            "change": ["increase" if text[max(0, m.start() - 5):m.start()].endswith("tăng ") else None
                       for m in found]})
        with duckdb.connect(str(db)) as con:
            con.register("some_facts", facts)
            con.register("some_documents", pa.table({"doc_id": ["d"], "clean_text": [text]}))
            return [r[0] for r in con.execute("SELECT check_name FROM consistency_checks('some_facts', "
                                              "'some_documents')").fetchall()]

    assert checks("30/60 xã, đạt 90%") == ["ratio_disagrees_with_percent"]
    assert checks("30/60 xã, đạt 50%") == []
    assert checks("30/60 xã, 12 thôn, đạt 90%") == []  # the 90% is the share of something else
    assert checks("30/60 xã. Năm nay đạt 90%") == []  # another sentence
    assert checks("30/60 xã, tăng 90%") == []  # a change is no share of the ratio
    assert checks("30/60 xã, tăng 10%, đạt 90%") == ["ratio_disagrees_with_percent"]  # the level after it is
